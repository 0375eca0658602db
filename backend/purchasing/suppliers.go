package purchasing

import (
	"context"
	"database/sql"
	"regexp"
	"slices"
	"strings"
	"time"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/store"
)

// SupplierKinds are the kinds of place a team buys from.
var SupplierKinds = []string{"shop", "counter", "online", "wholesaler"}

var countryCode = regexp.MustCompile(`^[A-Z]{2}$`)

// SupplierInput is what a person types into the supplier form.
type SupplierInput struct {
	Name     string `json:"name"`
	Kind     string `json:"kind"`    // shop | counter | online | wholesaler
	Country  string `json:"country"` // ISO 3166 alpha-2, e.g. JP
	City     string `json:"city"`
	Currency string `json:"currency"`
	Contact  string `json:"contact"`
	Phone    string `json:"phone"`
	Email    string `json:"email"`
	Website  string `json:"website"`
	Address  string `json:"address"`
	LeadDays int64  `json:"leadDays"` // typical days from ordering to goods in hand
	Notes    string `json:"notes"`
}

// Supplier is a stored supplier.
type Supplier struct {
	ID string `json:"id"`
	SupplierInput
	CreatedAt string `json:"createdAt"`
	Products  int    `json:"products"` // how many products it is known to sell
	LastBuy   string `json:"lastBuy"`  // date of the latest purchase from it, '' if none
}

func (in *SupplierInput) normalize() {
	in.Name = strings.TrimSpace(in.Name)
	in.Country = strings.ToUpper(strings.TrimSpace(in.Country))
	in.Currency = strings.ToUpper(strings.TrimSpace(in.Currency))
	in.City, in.Contact, in.Phone = strings.TrimSpace(in.City), strings.TrimSpace(in.Contact), strings.TrimSpace(in.Phone)
	in.Email, in.Website = strings.TrimSpace(in.Email), strings.TrimSpace(in.Website)
}

func (in *SupplierInput) validate() error {
	p := &domain.Problems{}
	checkText(p, "name", in.Name, 100, true)
	if !slices.Contains(SupplierKinds, in.Kind) {
		p.Add(domain.Invalid("kind", "supplier.kind.unknown", "choose the kind of supplier", nil))
	}
	if in.Country != "" && !countryCode.MatchString(in.Country) {
		p.Add(domain.Invalid("country", "supplier.country.format", "the country is a two-letter code such as JP",
			map[string]any{"country": in.Country}))
	}
	checkCurrency(p, "currency", in.Currency)
	if in.LeadDays < 0 || in.LeadDays > 365 {
		p.Add(domain.Invalid("leadDays", "supplier.leadDays.range", "lead time is 0 to 365 days", nil))
	}
	for _, f := range []struct{ name, v string }{{"city", in.City}, {"contact", in.Contact}, {"phone", in.Phone},
		{"email", in.Email}, {"website", in.Website}, {"address", in.Address}} {
		checkText(p, f.name, f.v, 200, false)
	}
	checkText(p, "notes", in.Notes, 4000, false)
	return p.Err()
}

func (in SupplierInput) fields() store.Fields {
	return store.Fields{"name": in.Name, "kind": in.Kind, "country": in.Country, "city": in.City,
		"currency": in.Currency, "contact": in.Contact, "phone": in.Phone, "email": in.Email, "website": in.Website,
		"address": in.Address, "lead_days": in.LeadDays, "notes": in.Notes}
}

// CreateSupplier adds a supplier.
func (s *Service) CreateSupplier(ctx context.Context, in SupplierInput) (Supplier, error) {
	in.normalize()
	if err := in.validate(); err != nil {
		return Supplier{}, err
	}
	id := domain.NewID()
	f := in.fields()
	f["created_at"], f["deleted"] = s.now().UTC().Format(time.RFC3339), false
	if err := s.db.Write(ctx, func(tx *store.Tx) error { return tx.Set("suppliers", id, f) }); err != nil {
		return Supplier{}, err
	}
	return s.GetSupplier(ctx, id)
}

// UpdateSupplier saves the supplier form.
func (s *Service) UpdateSupplier(ctx context.Context, id string, in SupplierInput) (Supplier, error) {
	in.normalize()
	if err := in.validate(); err != nil {
		return Supplier{}, err
	}
	err := s.db.Write(ctx, func(tx *store.Tx) error {
		if err := tx.Live("suppliers", "supplier", id); err != nil {
			return err
		}
		return tx.Set("suppliers", id, in.fields())
	})
	if err != nil {
		return Supplier{}, err
	}
	return s.GetSupplier(ctx, id)
}

// DeleteSupplier tombstones a supplier; its purchases keep its name for history.
func (s *Service) DeleteSupplier(ctx context.Context, id string) error {
	return s.db.Write(ctx, func(tx *store.Tx) error {
		if err := tx.Live("suppliers", "supplier", id); err != nil {
			return err
		}
		return tx.Set("suppliers", id, store.Fields{"deleted": true})
	})
}

const supplierCols = `s.id, s.name, s.kind, s.country, s.city, s.currency, s.contact, s.phone, s.email, s.website,
	s.address, s.lead_days, s.notes, s.created_at,
	(SELECT count(*) FROM supplier_products sp WHERE sp.supplier_id = s.id AND sp.deleted = 0),
	coalesce((SELECT max(at) FROM purchase_prices pp WHERE pp.supplier_id = s.id), '')`

func scanSupplier(sc interface{ Scan(...any) error }) (Supplier, error) {
	var v Supplier
	err := sc.Scan(&v.ID, &v.Name, &v.Kind, &v.Country, &v.City, &v.Currency, &v.Contact, &v.Phone, &v.Email,
		&v.Website, &v.Address, &v.LeadDays, &v.Notes, &v.CreatedAt, &v.Products, &v.LastBuy)
	if len(v.LastBuy) > 10 {
		v.LastBuy = v.LastBuy[:10]
	}
	return v, err
}

// GetSupplier returns one supplier.
func (s *Service) GetSupplier(ctx context.Context, id string) (Supplier, error) {
	v, err := scanSupplier(s.db.R().QueryRowContext(ctx, `SELECT `+supplierCols+` FROM suppliers s WHERE s.id = ? AND s.deleted = 0`, id))
	if err == sql.ErrNoRows {
		return v, domain.NotFound("supplier", id)
	}
	return v, err
}

// SupplierFilter narrows the supplier list: text matches name, city or contact.
type SupplierFilter struct {
	Query   string `json:"query"`
	Country string `json:"country"`
	Kind    string `json:"kind"`
}

// FindSuppliers lists suppliers by name (a team has tens to hundreds).
func (s *Service) FindSuppliers(ctx context.Context, f SupplierFilter) ([]Supplier, error) {
	where, args := []string{"s.deleted = 0"}, []any{}
	if q := strings.ToLower(strings.TrimSpace(f.Query)); q != "" {
		where = append(where, `instr(lower(s.name || ' ' || s.city || ' ' || s.contact), ?) > 0`)
		args = append(args, q)
	}
	if f.Country != "" {
		where, args = append(where, "s.country = ?"), append(args, strings.ToUpper(f.Country))
	}
	if f.Kind != "" {
		where, args = append(where, "s.kind = ?"), append(args, f.Kind)
	}
	rows, err := s.db.R().QueryContext(ctx, `SELECT `+supplierCols+` FROM suppliers s WHERE `+strings.Join(where, " AND ")+
		` ORDER BY s.name, s.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Supplier{}
	for rows.Next() {
		v, err := scanSupplier(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// SupplierProduct is a product a supplier sells, with the last price paid there.
type SupplierProduct struct {
	SupplierID   string `json:"supplierId"`
	SupplierName string `json:"supplierName"`
	ProductID    string `json:"productId"`
	ProductName  string `json:"productName"`
	SKU          string `json:"sku"`
	SupplierSKU  string `json:"supplierSku"`
	Preferred    bool   `json:"preferred"`
	Note         string `json:"note"`
	LastPrice    int64  `json:"lastPrice"` // minor units of LastCurrency; 0 when never bought there
	LastCurrency string `json:"lastCurrency"`
	LastBought   string `json:"lastBought"` // YYYY-MM-DD
}

// SupplierProductInput links a product to a supplier.
type SupplierProductInput struct {
	SupplierID  string `json:"supplierId"`
	ProductID   string `json:"productId"`
	SupplierSKU string `json:"supplierSku"`
	Preferred   bool   `json:"preferred"`
	Note        string `json:"note"`
}

func supplierProductID(supplier, product string) string {
	return domain.DerivedID("supplier_product", supplier, product)
}

// LinkProduct records that a supplier sells a product (the same pair on two laptops is one
// row). Preferred makes it the store the trip list groups the product under.
func (s *Service) LinkProduct(ctx context.Context, in SupplierProductInput) error {
	p := &domain.Problems{}
	checkText(p, "supplierSku", in.SupplierSKU, 64, false)
	checkText(p, "note", in.Note, 500, false)
	if err := p.Err(); err != nil {
		return err
	}
	return s.db.Write(ctx, func(tx *store.Tx) error {
		if err := tx.Live("suppliers", "supplier", in.SupplierID); err != nil {
			return err
		}
		if err := tx.Live("products", "product", in.ProductID); err != nil {
			return err
		}
		if in.Preferred { // one preferred supplier per product
			rows, err := tx.Query(`SELECT id FROM supplier_products WHERE product_id = ? AND preferred = 1 AND deleted = 0
				AND supplier_id <> ?`, in.ProductID, in.SupplierID)
			if err != nil {
				return err
			}
			var others []string
			for rows.Next() {
				var id string
				if err := rows.Scan(&id); err != nil {
					rows.Close()
					return err
				}
				others = append(others, id)
			}
			rows.Close()
			for _, id := range others {
				if err := tx.Set("supplier_products", id, store.Fields{"preferred": false}); err != nil {
					return err
				}
			}
		}
		return tx.Set("supplier_products", supplierProductID(in.SupplierID, in.ProductID), store.Fields{
			"supplier_id": in.SupplierID, "product_id": in.ProductID, "supplier_sku": strings.TrimSpace(in.SupplierSKU),
			"preferred": in.Preferred, "note": in.Note, "deleted": false})
	})
}

// UnlinkProduct removes a product from a supplier's list.
func (s *Service) UnlinkProduct(ctx context.Context, supplierID, productID string) error {
	return s.db.Write(ctx, func(tx *store.Tx) error {
		return tx.Set("supplier_products", supplierProductID(supplierID, productID), store.Fields{"deleted": true})
	})
}

// linkBought makes sure a supplier a product was bought from lists it (inside a purchase).
func linkBought(tx *store.Tx, supplier, product string) error {
	if supplier == "" || product == "" {
		return nil
	}
	id := supplierProductID(supplier, product)
	var n int
	if err := tx.QueryRow(`SELECT count(*) FROM supplier_products WHERE id = ? AND deleted = 0`, id).Scan(&n); err != nil || n > 0 {
		return err
	}
	return tx.Set("supplier_products", id, store.Fields{"supplier_id": supplier, "product_id": product, "deleted": false})
}

// SupplierProducts lists the products of a supplier (supplierID) or the suppliers of a
// product (productID), with the last price paid; give one of the two.
func (s *Service) SupplierProducts(ctx context.Context, supplierID, productID string) ([]SupplierProduct, error) {
	cond, arg := "sp.supplier_id = ?", supplierID
	if supplierID == "" {
		cond, arg = "sp.product_id = ?", productID
	}
	rows, err := s.db.R().QueryContext(ctx, `SELECT sp.supplier_id, coalesce(s.name, ''), sp.product_id,
		coalesce(p.name_zh, ''), coalesce(p.sku, ''), sp.supplier_sku, sp.preferred, sp.note,
		coalesce(lp.unit_price, 0), coalesce(lp.currency, ''), coalesce(substr(lp.at, 1, 10), '')
		FROM supplier_products sp LEFT JOIN suppliers s ON s.id = sp.supplier_id LEFT JOIN products p ON p.id = sp.product_id
		LEFT JOIN purchase_prices lp ON lp.rowid_key = (SELECT pp.rowid_key FROM purchase_prices pp
			WHERE pp.supplier_id = sp.supplier_id AND pp.product_id = sp.product_id ORDER BY pp.at DESC, pp.rowid_key DESC LIMIT 1)
		WHERE `+cond+` AND sp.deleted = 0 ORDER BY coalesce(p.name_zh, ''), coalesce(s.name, '')`, arg)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []SupplierProduct{}
	for rows.Next() {
		var v SupplierProduct
		if err := rows.Scan(&v.SupplierID, &v.SupplierName, &v.ProductID, &v.ProductName, &v.SKU, &v.SupplierSKU,
			&v.Preferred, &v.Note, &v.LastPrice, &v.LastCurrency, &v.LastBought); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
