package catalog

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/store"
)

// Service is the catalog over one store.
type Service struct {
	db   *store.DB
	list *listIndex
}

// New returns the catalog service.
func New(db *store.DB) *Service { return &Service{db: db, list: newListIndex(db)} }

// ProductInput is what a person or an import file gives for a product. Money is in minor
// units of its currency.
type ProductInput struct {
	SKU           string `json:"sku"`
	NameZh        string `json:"nameZh"`
	NameOrig      string `json:"nameOrig"`
	Brand         string `json:"brand"`
	CategoryID    string `json:"categoryId"`
	Barcode       string `json:"barcode"`
	Cost          int64  `json:"cost"`
	CostCurrency  string `json:"costCurrency"`
	Price         int64  `json:"price"`
	PriceCurrency string `json:"priceCurrency"`
	WeightG       int64  `json:"weightG"`
	Photo         string `json:"photo"`
	Notes         string `json:"notes"`
	ShelfLife     bool   `json:"shelfLife"`
	ReorderPoint  int64  `json:"reorderPoint"`
	ReorderQty    int64  `json:"reorderQty"`
}

// Product is a product with its stock totals.
type Product struct {
	ID string `json:"id"`
	ProductInput
	CategoryName string `json:"categoryName"`
	CreatedAt    string `json:"createdAt"`
	OnHand       int64  `json:"onHand"`
	Reserved     int64  `json:"reserved"`
	Available    int64  `json:"available"`
}

// Normalize trims text fields and upper-cases currency codes.
func (in *ProductInput) Normalize() {
	for _, p := range []*string{&in.SKU, &in.NameZh, &in.NameOrig, &in.Brand, &in.Barcode, &in.Notes, &in.CategoryID} {
		*p = strings.TrimSpace(*p)
	}
	in.CostCurrency = strings.ToUpper(strings.TrimSpace(in.CostCurrency))
	in.PriceCurrency = strings.ToUpper(strings.TrimSpace(in.PriceCurrency))
}

// Validate checks every field on its own and returns all problems found.
func (in *ProductInput) Validate() *domain.Problems {
	p := &domain.Problems{}
	if in.SKU == "" {
		p.Add(domain.Invalid("sku", "product.sku.required", "SKU is required", nil))
	} else if utf8.RuneCountInString(in.SKU) > 64 || strings.ContainsAny(in.SKU, " \t\r\n") {
		p.Add(domain.Invalid("sku", "product.sku.format", "SKU must be at most 64 characters without spaces", nil))
	}
	if in.NameZh == "" && in.NameOrig == "" {
		p.Add(domain.Invalid("nameZh", "product.name.required", "a Chinese or original name is required", nil))
	}
	if e := domain.ValidateBarcode(in.Barcode); e != nil {
		p.Add(e)
	}
	money := []struct {
		field    string
		amount   int64
		currency string
	}{{"cost", in.Cost, in.CostCurrency}, {"price", in.Price, in.PriceCurrency}}
	for _, m := range money {
		if m.amount < 0 {
			p.Add(domain.Invalid(m.field, "product.money.negative", m.field+" may not be negative", nil))
		}
		if m.currency != "" && !domain.ValidCurrency(m.currency) {
			p.Add(domain.Invalid(m.field+"Currency", "product.currency.unknown",
				fmt.Sprintf("unknown currency %q", m.currency), map[string]any{"currency": m.currency}))
		}
		if m.amount > 0 && m.currency == "" {
			p.Add(domain.Invalid(m.field+"Currency", "product.currency.required", m.field+" needs a currency", nil))
		}
	}
	for _, q := range []struct {
		field string
		v     int64
	}{{"weightG", in.WeightG}, {"reorderPoint", in.ReorderPoint}, {"reorderQty", in.ReorderQty}} {
		if q.v < 0 {
			p.Add(domain.Invalid(q.field, "product.number.negative", q.field+" may not be negative", nil))
		}
	}
	return p
}

func (in *ProductInput) fields() store.Fields {
	return store.Fields{
		"sku": in.SKU, "name_zh": in.NameZh, "name_orig": in.NameOrig, "brand": in.Brand,
		"category_id": in.CategoryID, "barcode": in.Barcode, "cost": in.Cost, "cost_currency": in.CostCurrency,
		"price": in.Price, "price_currency": in.PriceCurrency, "weight_g": in.WeightG, "photo": in.Photo,
		"notes": in.Notes, "shelf_life": in.ShelfLife, "reorder_point": in.ReorderPoint, "reorder_qty": in.ReorderQty,
	}
}

// CreateProduct adds a product with a new id.
func (s *Service) CreateProduct(ctx context.Context, in ProductInput) (Product, error) {
	id := domain.NewID()
	err := s.db.Write(ctx, func(tx *store.Tx) error {
		return s.saveProduct(tx, id, in, true)
	})
	if err != nil {
		return Product{}, err
	}
	return s.FindProductByID(ctx, id)
}

// UpdateProduct replaces the editable fields of product id; only fields that changed are
// written, so a concurrent edit of another field on another laptop is kept.
func (s *Service) UpdateProduct(ctx context.Context, id string, in ProductInput) (Product, error) {
	err := s.db.Write(ctx, func(tx *store.Tx) error {
		if _, err := findProduct(tx, id); err != nil {
			return err
		}
		return s.saveProduct(tx, id, in, false)
	})
	if err != nil {
		return Product{}, err
	}
	return s.FindProductByID(ctx, id)
}

// saveProduct validates in (including that SKU and barcode are free and the category exists)
// and writes the fields that differ from the stored row.
func (s *Service) saveProduct(tx *store.Tx, id string, in ProductInput, create bool) error {
	in.Normalize()
	probs := in.Validate()
	if len(probs.List) == 0 {
		if e := checkUnique(tx, id, in); e != nil {
			probs.Add(e)
		}
		if in.CategoryID != "" {
			if err := tx.Live("categories", "category", in.CategoryID); err != nil {
				probs.Add(domain.Invalid("categoryId", "product.category.unknown", "unknown category", nil))
			}
		}
	}
	if err := probs.Err(); err != nil {
		return err
	}
	fields := in.fields()
	if create {
		fields["created_at"] = nowRFC3339()
	} else {
		old, err := findProduct(tx, id)
		if err != nil {
			return err
		}
		for k, v := range old.ProductInput.fields() {
			if fmt.Sprint(fields[k]) == fmt.Sprint(v) {
				delete(fields, k)
			}
		}
		if len(fields) == 0 {
			return nil
		}
	}
	return tx.Set("products", id, fields)
}

func checkUnique(tx *store.Tx, id string, in ProductInput) *domain.Error {
	var other string
	err := tx.QueryRow(`SELECT id FROM products WHERE sku = ? AND deleted = 0 AND id <> ? LIMIT 1`, in.SKU, id).Scan(&other)
	if err == nil {
		return &domain.Error{Code: domain.EConflict, Field: "sku", Key: "product.sku.taken",
			Message: fmt.Sprintf("SKU %q is already used by another product", in.SKU), Params: map[string]any{"sku": in.SKU}}
	}
	if in.Barcode != "" {
		err = tx.QueryRow(`SELECT id FROM products WHERE barcode = ? AND deleted = 0 AND id <> ? LIMIT 1`, in.Barcode, id).Scan(&other)
		if err == nil {
			return &domain.Error{Code: domain.EConflict, Field: "barcode", Key: "product.barcode.taken",
				Message: fmt.Sprintf("barcode %s is already used by another product", in.Barcode), Params: map[string]any{"code": in.Barcode}}
		}
	}
	return nil
}

// DeleteProduct marks a product deleted (a tombstone; its stock history stays).
func (s *Service) DeleteProduct(ctx context.Context, id string) error {
	return s.db.Write(ctx, func(tx *store.Tx) error {
		if _, err := findProduct(tx, id); err != nil {
			return err
		}
		return tx.Set("products", id, store.Fields{"deleted": true})
	})
}

const productCols = `p.id, p.sku, p.name_zh, p.name_orig, p.brand, p.category_id, p.barcode, p.cost, p.cost_currency,
	p.price, p.price_currency, p.weight_g, p.photo, p.notes, p.shelf_life, p.reorder_point, p.reorder_qty, p.created_at,
	coalesce(c.name, ''), coalesce(s.on_hand, 0), coalesce(s.reserved, 0)`

const productFrom = ` FROM products p LEFT JOIN categories c ON c.id = p.category_id
	LEFT JOIN product_stock s ON s.product_id = p.id`

type scanner interface{ Scan(...any) error }

func scanProduct(r scanner) (Product, error) {
	var p Product
	err := r.Scan(&p.ID, &p.SKU, &p.NameZh, &p.NameOrig, &p.Brand, &p.CategoryID, &p.Barcode, &p.Cost, &p.CostCurrency,
		&p.Price, &p.PriceCurrency, &p.WeightG, &p.Photo, &p.Notes, &p.ShelfLife, &p.ReorderPoint, &p.ReorderQty, &p.CreatedAt,
		&p.CategoryName, &p.OnHand, &p.Reserved)
	p.Available = p.OnHand - p.Reserved
	return p, err
}

type querier interface {
	QueryRow(string, ...any) *sql.Row
}

func findProduct(q querier, id string) (Product, error) {
	p, err := scanProduct(q.QueryRow(`SELECT `+productCols+productFrom+` WHERE p.id = ? AND p.deleted = 0`, id))
	if err == sql.ErrNoRows {
		return p, domain.NotFound("product", id)
	}
	return p, err
}

// FindProductByID returns one product with its stock totals.
func (s *Service) FindProductByID(ctx context.Context, id string) (Product, error) {
	return findProduct(s.db.R(), id)
}

// FindProductByCode returns the product whose barcode or SKU is exactly code — what a USB
// scanner types into the search box. "+p.deleted" makes SQLite look the code up in
// products_barcode and products_sku, not read every live product through products_name.
func (s *Service) FindProductByCode(ctx context.Context, code string) (Product, error) {
	code = strings.TrimSpace(code)
	if code == "" { // would match every product without a barcode
		return Product{}, domain.NotFound("product", code)
	}
	p, err := scanProduct(s.db.R().QueryRowContext(ctx, `SELECT `+productCols+productFrom+`
		WHERE +p.deleted = 0 AND (p.barcode = ?1 OR p.sku = ?1) ORDER BY p.barcode = ?1 DESC LIMIT 1`, code))
	if err == sql.ErrNoRows {
		return p, domain.NotFound("product", code)
	}
	return p, err
}

// ProductFilter selects and orders a page of products.
type ProductFilter struct {
	Query      string `json:"query"`      // substring of name (Chinese or original), SKU, brand or barcode
	CategoryID string `json:"categoryId"` // "" = all
	Brand      string `json:"brand"`
	LowStock   bool   `json:"lowStock"` // only products at or below their reorder point
	Sort       string `json:"sort"`     // see productSorts
	Desc       bool   `json:"desc"`
	Offset     int    `json:"offset"`
	Limit      int    `json:"limit"`
}

// productSorts are the sort names the UI uses. Only the default order (all products by name)
// is read from SQLite through an index; every other sort and every filter is served by the
// list index (listindex.go), which keeps the product table's indexes few and writes cheap.
var productSorts = map[string]string{
	"":          "p.name_zh %s, p.id %[1]s",
	"name":      "p.name_zh %s, p.id %[1]s",
	"sku":       "",
	"brand":     "",
	"price":     "",
	"cost":      "",
	"created":   "",
	"onHand":    "",
	"available": "",
}

// FindProducts returns one page of products matching f and the total number that match.
func (s *Service) FindProducts(ctx context.Context, f ProductFilter) ([]Product, int, error) {
	order, err := store.OrderBy(productSorts, f.Sort, f.Desc)
	if err != nil {
		return nil, 0, err
	}
	f.Limit, f.Offset = store.PageWindow(f.Limit, f.Offset)
	if s.list.usable(f) {
		ids, total, err := s.list.page(ctx, f)
		if err != nil {
			return nil, 0, err
		}
		items, err := s.productsByIDs(ctx, ids)
		return items, total, err
	}
	// the default page, which the app shows at start before the list index exists
	var total int
	if err := s.db.R().QueryRowContext(ctx, "SELECT count(*) FROM products p WHERE p.deleted = 0").Scan(&total); err != nil {
		return nil, 0, err
	}
	rows, err := s.db.R().QueryContext(ctx, "SELECT "+productCols+productFrom+" WHERE p.deleted = 0 ORDER BY "+order+
		" LIMIT ? OFFSET ?", f.Limit, f.Offset)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	out := []Product{}
	for rows.Next() {
		p, err := scanProduct(rows)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, p)
	}
	return out, total, rows.Err()
}

// Brands lists the brands in use, for filters.
func (s *Service) Brands(ctx context.Context) ([]string, error) {
	return s.list.brands(ctx)
}

func nowRFC3339() string { return time.Now().UTC().Format(time.RFC3339) }
