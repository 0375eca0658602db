package app

import (
	"encoding/base64"

	"daigoudesk/backend/customers"
	"daigoudesk/backend/domain"
)

// Customers is the customers façade: the list, the customer page, addresses and merging.
type Customers struct{ *facade }

// CustomerPage is one page of the customer list.
type CustomerPage struct {
	Items []customers.Customer `json:"items"`
	Total int                  `json:"total"`
}

// CustomerDetail is the customer page (customers.Detail), with the base currency its money
// figures are in. The fields are spelled out: the bindings generator skips the types of an
// embedded struct from another package.
type CustomerDetail struct {
	Customer     customers.Customer       `json:"customer"`
	Addresses    []customers.Address      `json:"addresses"`
	Lifetime     customers.Lifetime       `json:"lifetime"`
	RecentOrders []customers.OrderSummary `json:"recentOrders"`
	BaseCurrency string                   `json:"baseCurrency"`
}

func (c *Customers) FindCustomers(f customers.CustomerFilter) (CustomerPage, error) {
	items, total, err := c.svc.Customers.FindCustomers(c.ctx, f)
	return CustomerPage{Items: items, Total: total}, err
}

// GetCustomer returns the customer page; a merged id leads to the customer it was merged into.
func (c *Customers) GetCustomer(id string) (CustomerDetail, error) {
	d, err := c.svc.Customers.GetCustomer(c.ctx, id)
	if err != nil {
		return CustomerDetail{}, err
	}
	s, err := c.svc.Settings.Get(c.ctx)
	if err != nil {
		return CustomerDetail{}, err
	}
	return CustomerDetail{Customer: d.Customer, Addresses: d.Addresses, Lifetime: d.Lifetime, RecentOrders: d.RecentOrders,
		BaseCurrency: s.BaseCurrency}, nil
}

func (c *Customers) CreateCustomer(in customers.CustomerInput) (customers.Customer, error) {
	return c.svc.Customers.CreateCustomer(c.ctx, in)
}

func (c *Customers) UpdateCustomer(id string, in customers.CustomerInput) (customers.Customer, error) {
	return c.svc.Customers.UpdateCustomer(c.ctx, id, in)
}

func (c *Customers) DeleteCustomer(id string) error { return c.svc.Customers.DeleteCustomer(c.ctx, id) }

// MergeCustomers folds dupID into keepID and returns the kept customer.
func (c *Customers) MergeCustomers(keepID, dupID string) (customers.Customer, error) {
	return c.svc.Customers.MergeCustomers(c.ctx, keepID, dupID)
}

func (c *Customers) Tags() ([]customers.TagCount, error) { return c.svc.Customers.Tags(c.ctx) }

// SaveAddress creates (empty id) or updates an address.
func (c *Customers) SaveAddress(in customers.Address) (customers.Address, error) {
	return c.svc.Customers.SaveAddress(c.ctx, in)
}

func (c *Customers) DeleteAddress(id string) error { return c.svc.Customers.DeleteAddress(c.ctx, id) }

func (c *Customers) SetDefaultAddress(id string) error {
	return c.svc.Customers.SetDefaultAddress(c.ctx, id)
}

// SaveIDPhoto stores an ID card photo sent as base64 and returns its id for
// CustomerInput.IDPhoto; the UI shows it at /blobs/<id>.
func (c *Customers) SaveIDPhoto(dataBase64 string) (string, error) {
	data, err := base64.StdEncoding.DecodeString(dataBase64)
	if err != nil {
		return "", domain.Invalid("idPhoto", "blob.badData", "the photo could not be read", nil)
	}
	return c.svc.Blobs.Put(data)
}
