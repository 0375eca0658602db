package catalog

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/importer"
	"daigoudesk/backend/store"
)

// ImportRow is one product read from a file; Category is a category name (created if new).
// Absent names the product fields (store column names) the file has no column for: an update
// keeps their stored values instead of clearing them. Checked says the row was already
// normalized and validated as it was read (its problems reported by column).
type ImportRow struct {
	Line int
	ProductInput
	Category string
	Absent   map[string]bool
	Checked  bool
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
	return s.importProducts(ctx, file, rows, nil)
}

// importProducts is ImportProducts for rows that already have problems (those of cells that
// could not be read): they are reported together with the problems found here, in line order.
func (s *Service) importProducts(ctx context.Context, file string, rows []ImportRow, problems []domain.LineProblem) (ImportResult, error) {
	var res ImportResult
	checked := make([][]*domain.Error, len(rows))
	importer.EachRow(len(rows), func(i int) {
		r := &rows[i]
		r.Category = strings.TrimSpace(r.Category)
		if !r.Checked {
			r.Normalize()
			checked[i] = r.Validate().List
		}
	})
	// Rows' problems and repeated SKUs and barcodes are looked for on another core while the
	// transaction starts writing: a file with any problem is rolled back, and a clean one is
	// not held up. All problems come back together, in line order.
	var found []domain.LineProblem
	bad := func(line int, e *domain.Error) { found = append(found, domain.ProblemAt(line, e)) }
	skuLine := make(map[string]int, len(rows))
	barcodeLine := make(map[string]int, len(rows))
	scanned := make(chan struct{})
	// once reports value (of field) when an earlier line had it already; format names both.
	once := func(seen map[string]int, line int, field, key, value, format string) {
		if first, dup := seen[value]; dup {
			bad(line, domain.Invalid(field, key, fmt.Sprintf(format, value, first),
				map[string]any{field: value, "line": first}))
		} else if value != "" {
			seen[value] = line
		}
	}
	go func() {
		defer close(scanned)
		for i := range rows {
			r := &rows[i]
			for _, e := range checked[i] {
				bad(r.Line, e)
			}
			once(skuLine, r.Line, "sku", "importing.problem.skuRepeats", r.SKU, "SKU %q repeats line %d")
			once(barcodeLine, r.Line, "barcode", "importing.problem.barcodeRepeats", r.Barcode, "barcode %s repeats line %d")
		}
	}()
	defer func() { <-scanned }() // on every way out
	var taken []domain.LineProblem
	// refused waits for the scan and says whether the file has problems, which end the
	// transaction (and so undo whatever it wrote).
	refused := func() *domain.FileError {
		<-scanned
		all := slices.Concat(problems, found, taken)
		if len(all) == 0 {
			return nil
		}
		slices.SortStableFunc(all, func(a, b domain.LineProblem) int { return a.Line - b.Line })
		return &domain.FileError{File: file, Problems: all}
	}
	err := s.db.Write(ctx, func(tx *store.Tx) error {
		var anyProducts bool
		if err := tx.QueryRow(`SELECT EXISTS (SELECT 1 FROM products)`).Scan(&anyProducts); err != nil {
			return err
		}
		existing := map[string]Product{}
		if anyProducts { // a first import has nothing to look up
			<-scanned
			// Look every SKU and barcode of the file up in two statements, not two per row.
			var err error
			if existing, err = productsBySKU(tx, slices.Collect(maps.Keys(skuLine))); err != nil {
				return err
			}
			owners, err := skusByBarcode(tx, slices.Collect(maps.Keys(barcodeLine)))
			if err != nil {
				return err
			}
			for i := range rows {
				r := &rows[i]
				for _, other := range owners[r.Barcode] {
					if other != r.SKU {
						taken = append(taken, domain.ProblemAt(r.Line, domain.Invalid("barcode", "importing.problem.barcodeTaken",
							fmt.Sprintf("barcode %s is already used by product %s", r.Barcode, other), map[string]any{"barcode": r.Barcode, "sku": other})))
						break
					}
				}
			}
		}
		if len(problems) > 0 || len(taken) > 0 {
			return refused()
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
		}
		var created []int // the rows of new products
		for i := range rows {
			r := &rows[i]
			old, ok := existing[r.SKU]
			if !ok {
				created = append(created, i)
				continue
			}
			fields := r.fields()
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
		// New products' ids on all cores; their fields are made as they are written.
		res.Created = len(created)
		createdIDs := make([]string, len(created))
		importer.EachRow(len(created), func(k int) { createdIDs[k] = domain.DerivedID("product", rows[created[k]].SKU) })
		now := nowRFC3339()
		err = tx.SetManyFunc("products", createdIDs, func(k int) store.Fields {
			f := rows[created[k]].fields()
			f["created_at"] = now
			f["deleted"] = false
			return f
		})
		if fe := refused(); fe != nil {
			return fe
		}
		return err
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

// productsBySKU returns the live products with the given SKUs.
func productsBySKU(tx *store.Tx, skus []string) (map[string]Product, error) {
	list, err := json.Marshal(skus)
	if err != nil {
		return nil, err
	}
	rows, err := tx.Query(`SELECT `+productCols+productFrom+
		` WHERE +p.deleted = 0 AND p.sku IN (SELECT value FROM json_each(?))`, string(list))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]Product{}
	for rows.Next() {
		p, err := scanProduct(rows)
		if err != nil {
			return nil, err
		}
		out[p.SKU] = p
	}
	return out, rows.Err()
}

// skusByBarcode returns, for each given barcode, the SKUs of live products that carry it.
func skusByBarcode(tx *store.Tx, barcodes []string) (map[string][]string, error) {
	list, err := json.Marshal(barcodes)
	if err != nil {
		return nil, err
	}
	rows, err := tx.Query(`SELECT barcode, sku FROM products
		WHERE +deleted = 0 AND barcode IN (SELECT value FROM json_each(?))`, string(list))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string][]string{}
	for rows.Next() {
		var code, sku string
		if err := rows.Scan(&code, &sku); err != nil {
			return nil, err
		}
		out[code] = append(out[code], sku)
	}
	return out, rows.Err()
}
