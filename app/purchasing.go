package app

import (
	"encoding/base64"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/purchasing"
)

// Purchasing is the purchasing façade: suppliers and what they sell, purchase orders and
// receiving, buying trips with their shopping list, ticking, costs and summary, and the
// stock valuation at landed cost.
type Purchasing struct{ *facade }

func (p *Purchasing) FindSuppliers(f purchasing.SupplierFilter) ([]purchasing.Supplier, error) {
	return p.svc.Purchasing.FindSuppliers(p.ctx, f)
}

func (p *Purchasing) GetSupplier(id string) (purchasing.Supplier, error) {
	return p.svc.Purchasing.GetSupplier(p.ctx, id)
}

func (p *Purchasing) CreateSupplier(in purchasing.SupplierInput) (purchasing.Supplier, error) {
	return p.svc.Purchasing.CreateSupplier(p.ctx, in)
}

func (p *Purchasing) UpdateSupplier(id string, in purchasing.SupplierInput) (purchasing.Supplier, error) {
	return p.svc.Purchasing.UpdateSupplier(p.ctx, id, in)
}

func (p *Purchasing) DeleteSupplier(id string) error {
	return p.svc.Purchasing.DeleteSupplier(p.ctx, id)
}

// SupplierProducts lists a supplier's products (supplierID) or a product's suppliers (productID).
func (p *Purchasing) SupplierProducts(supplierID, productID string) ([]purchasing.SupplierProduct, error) {
	return p.svc.Purchasing.SupplierProducts(p.ctx, supplierID, productID)
}

func (p *Purchasing) LinkProduct(in purchasing.SupplierProductInput) error {
	return p.svc.Purchasing.LinkProduct(p.ctx, in)
}

func (p *Purchasing) UnlinkProduct(supplierID, productID string) error {
	return p.svc.Purchasing.UnlinkProduct(p.ctx, supplierID, productID)
}

func (p *Purchasing) FindPOs(f purchasing.POFilter) ([]purchasing.PO, error) {
	return p.svc.Purchasing.FindPOs(p.ctx, f)
}

func (p *Purchasing) GetPO(id string) (purchasing.PODetail, error) {
	return p.svc.Purchasing.GetPO(p.ctx, id)
}

func (p *Purchasing) CreatePO(in purchasing.POInput) (purchasing.PODetail, error) {
	return p.svc.Purchasing.CreatePO(p.ctx, in)
}

func (p *Purchasing) UpdatePO(id string, in purchasing.POInput) (purchasing.PODetail, error) {
	return p.svc.Purchasing.UpdatePO(p.ctx, id, in)
}

func (p *Purchasing) CancelPO(id string) (purchasing.PODetail, error) {
	return p.svc.Purchasing.CancelPO(p.ctx, id)
}

func (p *Purchasing) ReceivePO(in purchasing.ReceiveInput) (purchasing.PODetail, error) {
	return p.svc.Purchasing.ReceivePO(p.ctx, in)
}

func (p *Purchasing) SaveCost(id string, in purchasing.CostInput) (purchasing.Cost, error) {
	return p.svc.Purchasing.SaveCost(p.ctx, id, in)
}

func (p *Purchasing) DeleteCost(id string) error { return p.svc.Purchasing.DeleteCost(p.ctx, id) }

func (p *Purchasing) FindTrips() ([]purchasing.Trip, error) { return p.svc.Purchasing.FindTrips(p.ctx) }

func (p *Purchasing) GetTrip(id string) (purchasing.Trip, error) {
	return p.svc.Purchasing.GetTrip(p.ctx, id)
}

func (p *Purchasing) CreateTrip(in purchasing.TripInput) (purchasing.Trip, error) {
	return p.svc.Purchasing.CreateTrip(p.ctx, in)
}

func (p *Purchasing) UpdateTrip(id string, in purchasing.TripInput) (purchasing.Trip, error) {
	return p.svc.Purchasing.UpdateTrip(p.ctx, id, in)
}

func (p *Purchasing) CloseTrip(id string, closed bool) (purchasing.Trip, error) {
	return p.svc.Purchasing.CloseTrip(p.ctx, id, closed)
}

func (p *Purchasing) DeleteTrip(id string) error { return p.svc.Purchasing.DeleteTrip(p.ctx, id) }

func (p *Purchasing) ShoppingList(tripID string) (purchasing.ShoppingList, error) {
	return p.svc.Purchasing.ShoppingList(p.ctx, tripID)
}

func (p *Purchasing) SetTripItem(in purchasing.TripItemInput) error {
	return p.svc.Purchasing.SetTripItem(p.ctx, in)
}

func (p *Purchasing) RemoveTripItem(tripID, productID string) error {
	return p.svc.Purchasing.RemoveTripItem(p.ctx, tripID, productID)
}

func (p *Purchasing) Buy(in purchasing.BuyInput) (purchasing.BuyResult, error) {
	return p.svc.Purchasing.Buy(p.ctx, in)
}

func (p *Purchasing) MarkNotFound(in purchasing.NotFoundInput) (string, error) {
	return p.svc.Purchasing.MarkNotFound(p.ctx, in)
}

func (p *Purchasing) Undo(buyID string) error { return p.svc.Purchasing.Undo(p.ctx, buyID) }

func (p *Purchasing) TripSummary(tripID string) (purchasing.TripSummary, error) {
	return p.svc.Purchasing.TripSummary(p.ctx, tripID)
}

func (p *Purchasing) BookSurplus(tripID, lineID string) error {
	return p.svc.Purchasing.BookSurplus(p.ctx, tripID, lineID)
}

// SaveReceipt stores a receipt photo sent as base64 and returns its id for BuyInput.Receipt;
// the UI shows it at /blobs/<id>.
func (p *Purchasing) SaveReceipt(dataBase64 string) (string, error) {
	data, err := base64.StdEncoding.DecodeString(dataBase64)
	if err != nil {
		return "", domain.Invalid("receipt", "blob.badData", "the photo could not be read", nil)
	}
	return p.svc.Blobs.Put(data)
}

func (p *Purchasing) StockValuation() (purchasing.StockValuation, error) {
	return p.svc.Purchasing.StockValuation(p.ctx)
}

// ExportListAs asks where to save a trip's shopping list (the file type follows the chosen
// extension: .pdf, .xlsx or .csv), writes it and returns the path ("" when the person
// cancelled). format preselects the extension offered.
func (p *Purchasing) ExportListAs(tripID, lang, format string) (string, error) {
	trip, err := p.svc.Purchasing.GetTrip(p.ctx, tripID)
	if err != nil {
		return "", err
	}
	path, err := askSavePath(p.ctx, trip.Name, format, "pdf", "xlsx", "csv")
	if err != nil || path == "" {
		return "", err
	}
	_, err = p.svc.Purchasing.ExportListFile(p.ctx, tripID, path, lang)
	return path, err
}
