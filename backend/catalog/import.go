package catalog

import (
	"context"
	"fmt"
	"strings"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/store"
)

// ImportRow is one product read from a file; Category is a category name (created if new).
// Absent names the product fields (store column names) the file has no column for: an update
// keeps their stored values instead of clearing them.
type ImportRow struct {
	Line int
	ProductInput
	Category string
	Absent   map[string]bool
}

// ImportResult counts what an import did.
type ImportResult struct {
	Created   int `json:"created"`
	Updated   int `json:"updated"`
	Unchanged int `json:"unchanged"`
}

// ImportProducts upserts products by SKU in one transaction: a SKU already in the catalog
// updates that product's changed fields; a new SKU makes a product whose id is derived from
// the SKU, so the same file imported on two laptops offline makes one product each. Every
// bad row is reported (as a *domain.FileError naming file) and then nothing is written.
func (s *Service) ImportProducts(ctx context.Context, file string, rows []ImportRow) (ImportResult, error) {
	var res ImportResult
	fe := &domain.FileError{File: file}
	bad := func(line int, field, msg string) {
		fe.Problems = append(fe.Problems, domain.LineProblem{Line: line, Field: field, Message: msg})
	}
	skuLine := map[string]int{}
	barcodeLine := map[string]int{}
	for i := range rows {
		r := &rows[i]
		r.Normalize()
		r.Category = strings.TrimSpace(r.Category)
		for _, e := range r.Validate().List {
			bad(r.Line, e.Field, e.Message)
		}
		if r.SKU != "" {
			if first, dup := skuLine[r.SKU]; dup {
				bad(r.Line, "sku", fmt.Sprintf("SKU %q repeats line %d", r.SKU, first))
			} else {
				skuLine[r.SKU] = r.Line
			}
		}
		if r.Barcode != "" {
			if first, dup := barcodeLine[r.Barcode]; dup {
				bad(r.Line, "barcode", fmt.Sprintf("barcode %s repeats line %d", r.Barcode, first))
			} else {
				barcodeLine[r.Barcode] = r.Line
			}
		}
	}
	err := s.db.Write(ctx, func(tx *store.Tx) error {
		existing := map[string]Product{} // by SKU
		// Prepared once: a 100,000-row file would otherwise prepare 200,000 statements.
		bySKU, err := tx.Prepare(`SELECT ` + productCols + productFrom + ` WHERE p.sku = ? AND p.deleted = 0 LIMIT 1`)
		if err != nil {
			return err
		}
		defer bySKU.Close()
		byBarcode, err := tx.Prepare(`SELECT sku FROM products WHERE barcode = ? AND deleted = 0 AND sku <> ? LIMIT 1`)
		if err != nil {
			return err
		}
		defer byBarcode.Close()
		for i := range rows {
			r := &rows[i]
			if r.SKU == "" {
				continue
			}
			if p, err := scanProduct(bySKU.QueryRow(r.SKU)); err == nil {
				existing[r.SKU] = p
			}
			if r.Barcode != "" {
				var otherSKU string
				if byBarcode.QueryRow(r.Barcode, r.SKU).Scan(&otherSKU) == nil {
					bad(r.Line, "barcode", fmt.Sprintf("barcode %s is already used by product %s", r.Barcode, otherSKU))
				}
			}
		}
		if len(fe.Problems) > 0 {
			return fe
		}
		categories, err := s.categoryIDs(tx)
		if err != nil {
			return err
		}
		for i := range rows {
			r := &rows[i]
			if r.Category != "" {
				id, ok := categories[strings.ToLower(r.Category)]
				if !ok {
					id = domain.DerivedID("category", strings.ToLower(r.Category))
					if err := tx.Set("categories", id, store.Fields{"name": r.Category, "deleted": false}); err != nil {
						return err
					}
					categories[strings.ToLower(r.Category)] = id
				}
				r.CategoryID = id
			}
			fields := r.fields()
			old, ok := existing[r.SKU]
			if !ok {
				fields["created_at"] = nowRFC3339()
				fields["deleted"] = false
				res.Created++
				if err := tx.Set("products", domain.DerivedID("product", r.SKU), fields); err != nil {
					return err
				}
				continue
			}
			if r.Photo == "" {
				delete(fields, "photo") // a file without photos keeps the ones taken in the app
			}
			for k := range r.Absent {
				delete(fields, k)
			}
			for k, v := range old.ProductInput.fields() {
				if fmt.Sprint(fields[k]) == fmt.Sprint(v) {
					delete(fields, k)
				}
			}
			if len(fields) == 0 {
				res.Unchanged++
				continue
			}
			res.Updated++
			if err := tx.Set("products", old.ID, fields); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return ImportResult{}, err
	}
	return res, nil
}

func (s *Service) categoryIDs(tx *store.Tx) (map[string]string, error) {
	rows, err := tx.Query(`SELECT id, name, name_en FROM categories WHERE deleted = 0`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var id, name, en string
		if err := rows.Scan(&id, &name, &en); err != nil {
			return nil, err
		}
		out[strings.ToLower(name)] = id
		if en != "" {
			out[strings.ToLower(en)] = id
		}
	}
	return out, rows.Err()
}

// AllProducts calls fn for every live product in SKU order (for export).
func (s *Service) AllProducts(ctx context.Context, fn func(Product) error) error {
	rows, err := s.db.R().QueryContext(ctx, `SELECT `+productCols+productFrom+` WHERE p.deleted = 0 ORDER BY p.sku`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		p, err := scanProduct(rows)
		if err != nil {
			return err
		}
		if err := fn(p); err != nil {
			return err
		}
	}
	return rows.Err()
}
