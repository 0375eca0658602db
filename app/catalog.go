package app

import (
	"encoding/base64"

	"daigoudesk/backend/catalog"
	"daigoudesk/backend/domain"
)

// Catalog is the products, categories, zones and locations facade.
type Catalog struct{ *facade }

// ProductPage is one page of the product list.
type ProductPage struct {
	Items []catalog.Product `json:"items"`
	Total int               `json:"total"`
}

func (c *Catalog) FindProducts(f catalog.ProductFilter) (ProductPage, error) {
	items, total, err := c.svc.Catalog.FindProducts(c.ctx, f)
	return ProductPage{Items: items, Total: total}, err
}

func (c *Catalog) GetProduct(id string) (catalog.Product, error) {
	return c.svc.Catalog.FindProductByID(c.ctx, id)
}

// FindProductByCode looks a scanned barcode or typed SKU up exactly.
func (c *Catalog) FindProductByCode(code string) (catalog.Product, error) {
	return c.svc.Catalog.FindProductByCode(c.ctx, code)
}

func (c *Catalog) CreateProduct(in catalog.ProductInput) (catalog.Product, error) {
	return c.svc.Catalog.CreateProduct(c.ctx, in)
}

func (c *Catalog) UpdateProduct(id string, in catalog.ProductInput) (catalog.Product, error) {
	return c.svc.Catalog.UpdateProduct(c.ctx, id, in)
}

func (c *Catalog) DeleteProduct(id string) error { return c.svc.Catalog.DeleteProduct(c.ctx, id) }

func (c *Catalog) Brands() ([]string, error) { return c.svc.Catalog.Brands(c.ctx) }

// ImportProducts imports a product file (.csv or .xlsx) the person picked or dropped, after
// OrderImport.Stage kept a copy of it: every row or, when any row is bad, none, with every bad
// row (line, column, problem) in the error.
func (c *Catalog) ImportProducts(path string) (catalog.ImportResult, error) {
	return c.svc.Catalog.ImportProductsFile(c.ctx, path)
}

// ExportProductsAs asks where to save the catalog (format "xlsx" or "csv" preselected; the
// file's type follows the chosen name), writes every product there, and returns the path
// ("" when the person cancelled) and how many products it wrote.
func (c *Catalog) ExportProductsAs(format string) (ExportResult, error) {
	return exportAs(c.ctx, "products", format, func(path string) (int, error) {
		return c.svc.Catalog.ExportProductsFile(c.ctx, path)
	})
}

// SavePhoto stores an image sent as base64 and returns its id for ProductInput.Photo; the
// UI shows it at /blobs/<id>.
func (c *Catalog) SavePhoto(dataBase64 string) (string, error) {
	data, err := base64.StdEncoding.DecodeString(dataBase64)
	if err != nil {
		return "", domain.Invalid("photo", "blob.badData", "the photo could not be read", nil)
	}
	return c.svc.Blobs.Put(data)
}

func (c *Catalog) Categories() ([]catalog.Category, error) { return c.svc.Catalog.Categories(c.ctx) }

func (c *Catalog) SaveCategory(in catalog.Category) (catalog.Category, error) {
	return c.svc.Catalog.SaveCategory(c.ctx, in)
}

func (c *Catalog) DeleteCategory(id string) error { return c.svc.Catalog.DeleteCategory(c.ctx, id) }

func (c *Catalog) Zones() ([]catalog.Zone, error) { return c.svc.Catalog.Zones(c.ctx) }

func (c *Catalog) SaveZone(in catalog.Zone) (catalog.Zone, error) {
	return c.svc.Catalog.SaveZone(c.ctx, in)
}

func (c *Catalog) DeleteZone(id string) error { return c.svc.Catalog.DeleteZone(c.ctx, id) }

func (c *Catalog) Locations() ([]catalog.Location, error) { return c.svc.Catalog.Locations(c.ctx) }

func (c *Catalog) SaveLocation(in catalog.Location) (catalog.Location, error) {
	return c.svc.Catalog.SaveLocation(c.ctx, in)
}

func (c *Catalog) DeleteLocation(id string) error { return c.svc.Catalog.DeleteLocation(c.ctx, id) }
