package catalog_test

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"daigoudesk/backend/catalog"
	"daigoudesk/backend/domain"
	"daigoudesk/backend/store"
)

// mustOpen opens a fresh database in a temp dir and returns it with its catalog.
func mustOpen(tb testing.TB) (*store.DB, *catalog.Service) {
	tb.Helper()
	db, err := store.Open(filepath.Join(tb.TempDir(), "daigou.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db, catalog.New(db)
}

func count(tb testing.TB, db *store.DB, query string, args ...any) int {
	tb.Helper()
	var n int
	if err := db.R().QueryRow(query, args...).Scan(&n); err != nil {
		tb.Fatal(err)
	}
	return n
}

// ean13 makes a valid EAN-13 (JAN) barcode from n.
func ean13(n int) string {
	body := fmt.Sprintf("490%09d", n)
	return body + string(domain.CheckDigit(body))
}

func product(sku string) catalog.ProductInput {
	return catalog.ProductInput{
		SKU: sku, NameZh: "资生堂红腰子精华", NameOrig: "SHISEIDO Ultimune", Brand: "资生堂",
		Cost: 8800, CostCurrency: "JPY", Price: 68000, PriceCurrency: "CNY", WeightG: 120,
	}
}

func mustCreate(tb testing.TB, svc *catalog.Service, in catalog.ProductInput) catalog.Product {
	tb.Helper()
	p, err := svc.CreateProduct(context.Background(), in)
	if err != nil {
		tb.Fatalf("create %s: %v", in.SKU, err)
	}
	return p
}

// wantErr fails unless err is a domain error with code (and, when given, field and key).
func wantErr(tb testing.TB, err error, code, field, key string) {
	tb.Helper()
	if got := domain.ErrorCode(err); got != code {
		tb.Fatalf("error code = %q, want %q (err: %v)", got, code, err)
	}
	e := domain.AsError(err)
	if field != "" && e.Field != field {
		tb.Fatalf("error field = %q, want %q (err: %v)", e.Field, field, err)
	}
	if key != "" && e.Key != key {
		tb.Fatalf("error key = %q, want %q (err: %v)", e.Key, key, err)
	}
}

// lastOpFields returns the field names of the newest oplog entry for row id.
func lastOpFields(tb testing.TB, db *store.DB, id string) []string {
	tb.Helper()
	var data string
	if err := db.R().QueryRow(`SELECT data FROM oplog WHERE row_id = ? ORDER BY hlc DESC LIMIT 1`, id).Scan(&data); err != nil {
		tb.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(data), &m); err != nil {
		tb.Fatal(err)
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func TestCreateProduct(t *testing.T) {
	ctx := context.Background()
	db, svc := mustOpen(t)

	t.Run("Valid", func(t *testing.T) {
		in := product("  SHI-001 ")
		in.Barcode = "4901301231239"
		in.PriceCurrency = "cny"
		in.ShelfLife = true
		p, err := svc.CreateProduct(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		if len(p.ID) != 26 || p.SKU != "SHI-001" || p.PriceCurrency != "CNY" || p.Barcode != "4901301231239" ||
			p.Price != 68000 || !p.ShelfLife || p.CreatedAt == "" || p.OnHand != 0 {
			t.Fatalf("stored product = %+v", p)
		}
		got, err := svc.FindProductByID(ctx, p.ID)
		if err != nil || got != p {
			t.Fatalf("FindProductByID = %+v, %v; want %+v", got, err, p)
		}
		if n := count(t, db, `SELECT count(*) FROM oplog WHERE tbl = 'products' AND row_id = ? AND kind = 'set'`, p.ID); n != 1 {
			t.Fatalf("oplog rows for the new product = %d, want 1", n)
		}
	})

	scenarios := []struct {
		name       string
		edit       func(*catalog.ProductInput)
		field, key string
	}{
		{"ErrSkuRequired", func(p *catalog.ProductInput) { p.SKU = "  " }, "sku", "product.sku.required"},
		{"ErrSkuWithSpace", func(p *catalog.ProductInput) { p.SKU = "A 1" }, "sku", "product.sku.format"},
		{"ErrSkuTooLong", func(p *catalog.ProductInput) { p.SKU = strings.Repeat("货", 65) }, "sku", "product.sku.format"},
		{"ErrNameRequired", func(p *catalog.ProductInput) { p.NameZh, p.NameOrig = "", " " }, "nameZh", "product.name.required"},
		{"ErrBarcodeCheckDigit", func(p *catalog.ProductInput) { p.Barcode = "4901301231234" }, "barcode", "product.barcode.check"},
		{"ErrBarcodeLength", func(p *catalog.ProductInput) { p.Barcode = "12345" }, "barcode", "product.barcode.length"},
		{"ErrBarcodeDigits", func(p *catalog.ProductInput) { p.Barcode = "49013O1231236" }, "barcode", "product.barcode.digits"},
		{"ErrNegativePrice", func(p *catalog.ProductInput) { p.Price = -1 }, "price", "product.money.negative"},
		{"ErrNegativeCost", func(p *catalog.ProductInput) { p.Cost = -100 }, "cost", "product.money.negative"},
		{"ErrUnknownPriceCurrency", func(p *catalog.ProductInput) { p.PriceCurrency = "XXX" }, "priceCurrency", "product.currency.unknown"},
		{"ErrUnknownCostCurrency", func(p *catalog.ProductInput) { p.CostCurrency = "yen" }, "costCurrency", "product.currency.unknown"},
		{"ErrPriceWithoutCurrency", func(p *catalog.ProductInput) { p.PriceCurrency = "" }, "priceCurrency", "product.currency.required"},
		{"ErrNegativeWeight", func(p *catalog.ProductInput) { p.WeightG = -1 }, "weightG", "product.number.negative"},
		{"ErrNegativeReorderPoint", func(p *catalog.ProductInput) { p.ReorderPoint = -1 }, "reorderPoint", "product.number.negative"},
		{"ErrNegativeReorderQty", func(p *catalog.ProductInput) { p.ReorderQty = -5 }, "reorderQty", "product.number.negative"},
		{"ErrUnknownCategory", func(p *catalog.ProductInput) { p.CategoryID = "no-such-category" }, "categoryId", "product.category.unknown"},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			before := count(t, db, `SELECT count(*) FROM oplog`)
			in := product("BAD-1")
			sc.edit(&in)
			_, err := svc.CreateProduct(ctx, in)
			wantErr(t, err, domain.EInvalid, sc.field, sc.key)
			if n := count(t, db, `SELECT count(*) FROM oplog`); n != before {
				t.Fatalf("refused create wrote %d oplog rows", n-before)
			}
			if n := count(t, db, `SELECT count(*) FROM products WHERE sku = 'BAD-1'`); n != 0 {
				t.Fatal("refused product was stored")
			}
		})
	}

	t.Run("AllProblemsReported", func(t *testing.T) {
		in := catalog.ProductInput{NameZh: "面霜", Barcode: "4901301231234", Price: -5, PriceCurrency: "ABC", WeightG: -1}
		in.Normalize()
		var got []string
		for _, e := range in.Validate().List {
			if e.Code != domain.EInvalid {
				t.Fatalf("problem %v has code %q", e, e.Code)
			}
			got = append(got, e.Field+"="+e.Key)
		}
		sort.Strings(got)
		want := []string{"barcode=product.barcode.check", "price=product.money.negative",
			"priceCurrency=product.currency.unknown", "sku=product.sku.required", "weightG=product.number.negative"}
		if !slices.Equal(got, want) {
			t.Fatalf("problems = %v\nwant %v", got, want)
		}
		_, err := svc.CreateProduct(ctx, in)
		wantErr(t, err, domain.EInvalid, "sku", "product.sku.required")
		for _, field := range []string{"sku:", "barcode:", "price:", "priceCurrency:", "weightG:"} {
			if !strings.Contains(domain.ErrorMessage(err), field) {
				t.Errorf("combined error does not mention %s: %v", field, err)
			}
		}
	})
}

func TestProductUniqueness(t *testing.T) {
	ctx := context.Background()
	db, svc := mustOpen(t)
	first := product("SKU-1")
	first.Barcode = ean13(1)
	a := mustCreate(t, svc, first)

	t.Run("ErrSkuTaken", func(t *testing.T) {
		_, err := svc.CreateProduct(ctx, product("SKU-1"))
		wantErr(t, err, domain.EConflict, "sku", "product.sku.taken")
	})
	t.Run("ErrBarcodeTaken", func(t *testing.T) {
		in := product("SKU-2")
		in.Barcode = ean13(1)
		_, err := svc.CreateProduct(ctx, in)
		wantErr(t, err, domain.EConflict, "barcode", "product.barcode.taken")
	})
	t.Run("UpdateKeepsOwnSku", func(t *testing.T) {
		in := first
		in.Price = 70000
		if _, err := svc.UpdateProduct(ctx, a.ID, in); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("ErrUpdateToTakenSku", func(t *testing.T) {
		b := mustCreate(t, svc, product("SKU-3"))
		_, err := svc.UpdateProduct(ctx, b.ID, product("SKU-1"))
		wantErr(t, err, domain.EConflict, "sku", "product.sku.taken")
	})
	t.Run("DeletedFreesSkuAndBarcode", func(t *testing.T) {
		if err := svc.DeleteProduct(ctx, a.ID); err != nil {
			t.Fatal(err)
		}
		again := mustCreate(t, svc, first)
		if again.ID == a.ID {
			t.Fatal("new product reused the deleted product's id")
		}
	})
	if n := count(t, db, `SELECT count(*) FROM products WHERE sku = 'SKU-1' AND deleted = 0`); n != 1 {
		t.Fatalf("live products with SKU-1 = %d, want 1", n)
	}
}

func TestUpdateProductWritesOnlyChangedFields(t *testing.T) {
	ctx := context.Background()
	db, svc := mustOpen(t)
	in := product("UP-1")
	p := mustCreate(t, svc, in)
	ops := func() int { return count(t, db, `SELECT count(*) FROM oplog WHERE row_id = ?`, p.ID) }

	in.Price = 72000
	got, err := svc.UpdateProduct(ctx, p.ID, in)
	if err != nil || got.Price != 72000 || got.NameZh != in.NameZh {
		t.Fatalf("update = %+v, %v", got, err)
	}
	if n := ops(); n != 2 {
		t.Fatalf("oplog rows = %d, want 2", n)
	}
	if f := lastOpFields(t, db, p.ID); !slices.Equal(f, []string{"price"}) {
		t.Fatalf("update wrote fields %v, want only price", f)
	}

	t.Run("NothingChangedWritesNothing", func(t *testing.T) {
		padded := in
		padded.NameZh = " " + in.NameZh + " " // trimmed to the stored value
		if _, err := svc.UpdateProduct(ctx, p.ID, padded); err != nil {
			t.Fatal(err)
		}
		if n := ops(); n != 2 {
			t.Fatalf("unchanged update wrote an operation: %d rows", n)
		}
	})
	t.Run("TwoFields", func(t *testing.T) {
		in.NameZh = "红腰子精华 75ml"
		in.ShelfLife = true
		if _, err := svc.UpdateProduct(ctx, p.ID, in); err != nil {
			t.Fatal(err)
		}
		if f := lastOpFields(t, db, p.ID); !slices.Equal(f, []string{"name_zh", "shelf_life"}) {
			t.Fatalf("update wrote fields %v, want name_zh and shelf_life", f)
		}
	})
	t.Run("ErrInvalidWritesNothing", func(t *testing.T) {
		bad := in
		bad.Barcode = "4901301231234"
		_, err := svc.UpdateProduct(ctx, p.ID, bad)
		wantErr(t, err, domain.EInvalid, "barcode", "product.barcode.check")
		if n := ops(); n != 3 {
			t.Fatalf("refused update changed the oplog: %d rows", n)
		}
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		_, err := svc.UpdateProduct(ctx, "no-such-id", in)
		wantErr(t, err, domain.ENotFound, "", "")
		if n := count(t, db, `SELECT count(*) FROM products WHERE id = 'no-such-id'`); n != 0 {
			t.Fatal("update of a missing product created it")
		}
	})
}

func TestDeleteProduct(t *testing.T) {
	ctx := context.Background()
	db, svc := mustOpen(t)
	in := product("DEL-1")
	in.Barcode = ean13(7)
	p := mustCreate(t, svc, in)
	keep := mustCreate(t, svc, product("KEEP-1"))

	if err := svc.DeleteProduct(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	if n := count(t, db, `SELECT count(*) FROM products WHERE id = ? AND deleted = 1`, p.ID); n != 1 {
		t.Fatal("delete did not leave a tombstone row")
	}
	if f := lastOpFields(t, db, p.ID); !slices.Equal(f, []string{"deleted"}) {
		t.Fatalf("delete wrote fields %v", f)
	}
	list, total, err := svc.FindProducts(ctx, catalog.ProductFilter{})
	if err != nil || total != 1 || len(list) != 1 || list[0].ID != keep.ID {
		t.Fatalf("FindProducts after delete = %v, %d, %v", list, total, err)
	}
	_, err = svc.FindProductByID(ctx, p.ID)
	wantErr(t, err, domain.ENotFound, "", "")
	_, err = svc.FindProductByCode(ctx, in.Barcode)
	wantErr(t, err, domain.ENotFound, "", "")
	wantErr(t, svc.DeleteProduct(ctx, p.ID), domain.ENotFound, "", "")
	wantErr(t, svc.DeleteProduct(ctx, "nope"), domain.ENotFound, "", "")
	_, err = svc.UpdateProduct(ctx, p.ID, in)
	wantErr(t, err, domain.ENotFound, "", "")
}

// seedStock books on-hand and reserved quantities for a product straight into the ledger.
func seedStock(tb testing.TB, db *store.DB, productID, locationID string, onHand, reserved int64) {
	tb.Helper()
	err := db.Write(context.Background(), func(tx *store.Tx) error {
		return tx.Add("stock_moves", domain.NewID(), store.Fields{"product_id": productID, "location_id": locationID,
			"kind": "receive", "qty": onHand, "reserved": reserved})
	})
	if err != nil {
		tb.Fatal(err)
	}
}

func TestFindProducts(t *testing.T) {
	ctx := context.Background()
	db, svc := mustOpen(t)
	skincare, err := svc.SaveCategory(ctx, catalog.Category{Name: "护肤", NameEn: "Skincare"})
	if err != nil {
		t.Fatal(err)
	}
	daily, err := svc.SaveCategory(ctx, catalog.Category{Name: "日用"})
	if err != nil {
		t.Fatal(err)
	}
	type seed struct {
		sku, zh, orig, brand, cat string
		price, cost               int64
		onHand, reserved          int64
	}
	// Inserted in an order that no sort key follows.
	seeds := []seed{
		{"KAO-MEG", "花王蒸汽眼罩", "Kao MegRhythm", "花王", daily.ID, 9900, 800, 40, 5},
		{"SHI-001", "资生堂红腰子精华", "SHISEIDO Ultimune", "资生堂", skincare.ID, 68000, 8800, 3, 0},
		{"DHC-VC", "维生素C", "DHC Vitamin C", "DHC", "", 4500, 300, 0, 0},
		{"SKII-230", "神仙水", "SK-II Facial Treatment Essence", "SK-II", skincare.ID, 129000, 17000, 12, 11},
		{"SHI-002", "资生堂安耐晒", "ANESSA Perfect UV", "资生堂", skincare.ID, 19800, 2400, 25, 0},
		{"LAN-01", "兰蔻小黑瓶", "LANCÔME Génifique", "LANCÔME", skincare.ID, 108000, 14000, 7, 2},
	}
	ids := map[string]string{}
	for i, s := range seeds {
		p := mustCreate(t, svc, catalog.ProductInput{SKU: s.sku, NameZh: s.zh, NameOrig: s.orig, Brand: s.brand,
			CategoryID: s.cat, Barcode: ean13(100 + i), Price: s.price, PriceCurrency: "CNY", Cost: s.cost, CostCurrency: "JPY"})
		ids[s.sku] = p.ID
		if s.onHand > 0 {
			seedStock(t, db, p.ID, "loc", s.onHand, s.reserved)
		}
	}
	skus := func(list []catalog.Product) []string {
		out := []string{}
		for _, p := range list {
			out = append(out, p.SKU)
		}
		return out
	}

	t.Run("Search", func(t *testing.T) {
		cases := []struct {
			name string
			f    catalog.ProductFilter
			want []string // SKUs in name order
		}{
			{"ChineseSubstring", catalog.ProductFilter{Query: "生堂"}, []string{"SHI-002", "SHI-001"}},
			{"ChineseWord", catalog.ProductFilter{Query: "神仙"}, []string{"SKII-230"}},
			{"OriginalNameAnyCase", catalog.ProductFilter{Query: "ultimune"}, []string{"SHI-001"}},
			{"SkuUpperCase", catalog.ProductFilter{Query: "SKII"}, []string{"SKII-230"}},
			{"SkuLowerCase", catalog.ProductFilter{Query: " dhc-vc "}, []string{"DHC-VC"}},
			{"Barcode", catalog.ProductFilter{Query: ean13(100)}, []string{"KAO-MEG"}},
			{"Brand", catalog.ProductFilter{Query: "花王"}, []string{"KAO-MEG"}},
			{"NonASCIIExactCase", catalog.ProductFilter{Query: "LANCÔME"}, []string{"LAN-01"}},
			{"NoMatch", catalog.ProductFilter{Query: "雪肌精"}, []string{}},
			{"CategoryFilter", catalog.ProductFilter{CategoryID: skincare.ID}, []string{"LAN-01", "SKII-230", "SHI-002", "SHI-001"}},
			{"BrandFilter", catalog.ProductFilter{Brand: "资生堂"}, []string{"SHI-002", "SHI-001"}},
			{"BrandFilterIsExact", catalog.ProductFilter{Brand: "资生"}, []string{}},
			{"QueryAndCategory", catalog.ProductFilter{Query: "精华", CategoryID: skincare.ID}, []string{"SHI-001"}},
			{"QueryAndOtherCategory", catalog.ProductFilter{Query: "资生堂", CategoryID: daily.ID}, []string{}},
			// low stock filter: no product has a reorder point yet
			{"LowStockNone", catalog.ProductFilter{LowStock: true}, []string{}},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				list, total, err := svc.FindProducts(ctx, c.f)
				if err != nil {
					t.Fatal(err)
				}
				if got := skus(list); !slices.Equal(got, c.want) || total != len(c.want) {
					t.Fatalf("got %v (total %d), want %v", got, total, c.want)
				}
			})
		}
	})

	t.Run("CategoryNameAndStockJoined", func(t *testing.T) {
		p, err := svc.FindProductByID(ctx, ids["SKII-230"])
		if err != nil || p.CategoryName != "护肤" || p.OnHand != 12 || p.Reserved != 11 || p.Available != 1 {
			t.Fatalf("product = %+v, %v", p, err)
		}
	})

	t.Run("Sort", func(t *testing.T) {
		sorts := map[string]func(a, b catalog.Product) int{
			"": func(a, b catalog.Product) int {
				return cmp.Or(cmp.Compare(a.NameZh, b.NameZh), cmp.Compare(a.ID, b.ID))
			},
			"name": func(a, b catalog.Product) int {
				return cmp.Or(cmp.Compare(a.NameZh, b.NameZh), cmp.Compare(a.ID, b.ID))
			},
			"sku":   func(a, b catalog.Product) int { return cmp.Or(cmp.Compare(a.SKU, b.SKU), cmp.Compare(a.ID, b.ID)) },
			"price": func(a, b catalog.Product) int { return cmp.Or(cmp.Compare(a.Price, b.Price), cmp.Compare(a.ID, b.ID)) },
			"cost":  func(a, b catalog.Product) int { return cmp.Or(cmp.Compare(a.Cost, b.Cost), cmp.Compare(a.ID, b.ID)) },
			"created": func(a, b catalog.Product) int {
				return cmp.Or(cmp.Compare(a.CreatedAt, b.CreatedAt), cmp.Compare(a.ID, b.ID))
			},
			"onHand": func(a, b catalog.Product) int {
				return cmp.Or(cmp.Compare(a.OnHand, b.OnHand), cmp.Compare(a.ID, b.ID))
			},
			"available": func(a, b catalog.Product) int {
				return cmp.Or(cmp.Compare(a.Available, b.Available), cmp.Compare(a.ID, b.ID))
			},
			"brand": func(a, b catalog.Product) int {
				return cmp.Or(cmp.Compare(a.Brand, b.Brand), cmp.Compare(a.NameZh, b.NameZh), cmp.Compare(a.ID, b.ID))
			},
		}
		for key, compare := range sorts {
			for _, desc := range []bool{false, true} {
				t.Run(fmt.Sprintf("%s/desc=%v", key, desc), func(t *testing.T) {
					list, total, err := svc.FindProducts(ctx, catalog.ProductFilter{Sort: key, Desc: desc})
					if err != nil {
						t.Fatal(err)
					}
					if total != len(seeds) || len(list) != len(seeds) {
						t.Fatalf("got %d of %d products", len(list), total)
					}
					want := slices.Clone(list)
					slices.SortFunc(want, compare)
					if desc {
						slices.Reverse(want)
					}
					if got, w := skus(list), skus(want); !slices.Equal(got, w) {
						t.Fatalf("order %v, want %v", got, w)
					}
				})
			}
		}
		// Spot checks that do not rely on the comparator above.
		list, _, _ := svc.FindProducts(ctx, catalog.ProductFilter{Sort: "price", Desc: true})
		if list[0].SKU != "SKII-230" || list[len(list)-1].SKU != "DHC-VC" {
			t.Fatalf("price desc = %v", skus(list))
		}
		list, _, _ = svc.FindProducts(ctx, catalog.ProductFilter{Sort: "available"})
		if list[0].SKU != "DHC-VC" || list[1].SKU != "SKII-230" {
			t.Fatalf("available asc = %v", skus(list))
		}
		_, _, err := svc.FindProducts(ctx, catalog.ProductFilter{Sort: "price; DROP TABLE products"})
		wantErr(t, err, domain.EInvalid, "sort", "errors.badSort")
	})

	t.Run("LowStock", func(t *testing.T) {
		set := func(sku string, point int64) {
			in := catalog.ProductInput{}
			p, err := svc.FindProductByID(ctx, ids[sku])
			if err != nil {
				t.Fatal(err)
			}
			in = p.ProductInput
			in.ReorderPoint = point
			if _, err := svc.UpdateProduct(ctx, ids[sku], in); err != nil {
				t.Fatal(err)
			}
		}
		set("SHI-001", 5)  // available 3  → low
		set("SHI-002", 5)  // available 25 → fine
		set("SKII-230", 1) // on hand 12, reserved 11: available 1 → low (at the point)
		set("DHC-VC", 2)   // no stock at all → low
		set("LAN-01", 4)   // available 5 → fine
		list, total, err := svc.FindProducts(ctx, catalog.ProductFilter{LowStock: true, Sort: "sku"})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := skus(list), []string{"DHC-VC", "SHI-001", "SKII-230"}; !slices.Equal(got, want) || total != 3 {
			t.Fatalf("low stock = %v (total %d), want %v", got, total, want)
		}
		list, total, _ = svc.FindProducts(ctx, catalog.ProductFilter{LowStock: true, Query: "生堂"})
		if got := skus(list); !slices.Equal(got, []string{"SHI-001"}) || total != 1 {
			t.Fatalf("low stock + query = %v (total %d)", got, total)
		}
	})

	t.Run("Brands", func(t *testing.T) {
		brands, err := svc.Brands(ctx)
		want := []string{"DHC", "LANCÔME", "SK-II", "花王", "资生堂"}
		if err != nil || !slices.Equal(brands, want) {
			t.Fatalf("brands = %v, %v", brands, err)
		}
	})
}

func TestFindProductsPaging(t *testing.T) {
	ctx := context.Background()
	_, svc := mustOpen(t)
	var all []string
	for i := 0; i < 25; i++ {
		in := product(fmt.Sprintf("P-%02d", (i*7)%25)) // created out of SKU order
		in.Brand = []string{"资生堂", "花王"}[i%2]
		mustCreate(t, svc, in)
		all = append(all, in.SKU)
	}
	sort.Strings(all)
	for _, desc := range []bool{false, true} {
		var got []string
		for offset := 0; offset < 30; offset += 10 {
			page, total, err := svc.FindProducts(ctx, catalog.ProductFilter{Sort: "sku", Desc: desc, Offset: offset, Limit: 10})
			if err != nil {
				t.Fatal(err)
			}
			if total != 25 {
				t.Fatalf("total = %d, want 25", total)
			}
			if want := min(10, 25-offset); len(page) != want {
				t.Fatalf("page at %d has %d rows, want %d", offset, len(page), want)
			}
			for _, p := range page {
				got = append(got, p.SKU)
			}
		}
		want := slices.Clone(all)
		if desc {
			slices.Reverse(want)
		}
		if !slices.Equal(got, want) {
			t.Fatalf("desc=%v pages = %v\nwant %v", desc, got, want)
		}
	}
	page, total, err := svc.FindProducts(ctx, catalog.ProductFilter{Brand: "花王", Sort: "sku", Offset: 10, Limit: 10})
	if err != nil || total != 12 || len(page) != 2 {
		t.Fatalf("filtered page: %d rows, total %d, %v; want 2 rows of 12", len(page), total, err)
	}
	page, total, _ = svc.FindProducts(ctx, catalog.ProductFilter{Offset: 100, Limit: 10})
	if total != 25 || len(page) != 0 {
		t.Fatalf("page past the end: %d rows, total %d", len(page), total)
	}
}

func TestFindProductByCode(t *testing.T) {
	ctx := context.Background()
	_, svc := mustOpen(t)
	a := product("A-1")
	a.Barcode = ean13(1)
	pa := mustCreate(t, svc, a)
	// B's SKU is A's barcode: a scanned barcode must find A, not B.
	b := product(ean13(1))
	pb := mustCreate(t, svc, b)

	cases := []struct {
		name, code, want string
	}{
		{"Barcode", ean13(1), pa.ID},
		{"SKU", "A-1", pa.ID},
		{"SKUWithSpaces", "  A-1\n", pa.ID},
		{"OtherSKU", pb.SKU, pa.ID}, // barcode match wins over SKU match
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, err := svc.FindProductByCode(ctx, c.code)
			if err != nil || p.ID != c.want {
				t.Fatalf("FindProductByCode(%q) = %s, %v; want %s", c.code, p.ID, err, c.want)
			}
		})
	}
	for _, code := range []string{"a-1", "A-", "", "4901301231239"} {
		t.Run("ErrNotFound/"+code, func(t *testing.T) {
			_, err := svc.FindProductByCode(ctx, code)
			wantErr(t, err, domain.ENotFound, "", "")
		})
	}
}

func TestCategories(t *testing.T) {
	ctx := context.Background()
	db, svc := mustOpen(t)
	skin, err := svc.SaveCategory(ctx, catalog.Category{Name: " 护肤 ", NameEn: "Skincare"})
	if err != nil || skin.ID == "" || skin.Name != "护肤" {
		t.Fatalf("create = %+v, %v", skin, err)
	}
	face, err := svc.SaveCategory(ctx, catalog.Category{Name: "面霜", ParentID: skin.ID})
	if err != nil {
		t.Fatal(err)
	}
	face.Name = "乳霜"
	if _, err := svc.SaveCategory(ctx, face); err != nil {
		t.Fatal(err)
	}
	list, err := svc.Categories(ctx)
	if err != nil || len(list) != 2 || list[0].Name != "乳霜" || list[0].ParentID != skin.ID || list[1].NameEn != "Skincare" {
		t.Fatalf("categories = %+v, %v", list, err)
	}
	if n := count(t, db, `SELECT count(*) FROM categories`); n != 2 {
		t.Fatalf("update made a new row: %d categories", n)
	}

	errCases := []struct {
		name       string
		c          catalog.Category
		code, key  string
		fieldCheck string
	}{
		{"ErrNameRequired", catalog.Category{Name: "  "}, domain.EInvalid, "form.required", "name"},
		{"ErrUnknownID", catalog.Category{ID: "nope", Name: "x"}, domain.ENotFound, "", ""},
		{"ErrOwnParent", catalog.Category{ID: skin.ID, Name: "护肤", ParentID: skin.ID}, domain.EInvalid, "category.parent.self", "parentId"},
		{"ErrUnknownParent", catalog.Category{Name: "x", ParentID: "nope"}, domain.ENotFound, "", ""},
	}
	for _, c := range errCases {
		t.Run(c.name, func(t *testing.T) {
			before := count(t, db, `SELECT count(*) FROM oplog`)
			_, err := svc.SaveCategory(ctx, c.c)
			wantErr(t, err, c.code, c.fieldCheck, c.key)
			if n := count(t, db, `SELECT count(*) FROM oplog`); n != before {
				t.Fatal("refused save wrote an operation")
			}
		})
	}

	if err := svc.DeleteCategory(ctx, face.ID); err != nil {
		t.Fatal(err)
	}
	list, _ = svc.Categories(ctx)
	if len(list) != 1 || list[0].ID != skin.ID {
		t.Fatalf("after delete: %+v", list)
	}
	wantErr(t, svc.DeleteCategory(ctx, face.ID), domain.ENotFound, "", "")
	_, err = svc.SaveCategory(ctx, catalog.Category{ID: face.ID, Name: "复活"})
	wantErr(t, err, domain.ENotFound, "", "")
}

func TestZonesAndLocations(t *testing.T) {
	ctx := context.Background()
	db, svc := mustOpen(t)
	lux, err := svc.SaveZone(ctx, catalog.Zone{Name: "奢侈品", Kind: "luxury"})
	if err != nil {
		t.Fatal(err)
	}
	cos, err := svc.SaveZone(ctx, catalog.Zone{Name: "化妆品", Kind: "cosmetics"})
	if err != nil {
		t.Fatal(err)
	}
	lux.Note = "locked cabinet"
	if _, err := svc.SaveZone(ctx, lux); err != nil {
		t.Fatal(err)
	}
	zones, err := svc.Zones(ctx)
	if err != nil || len(zones) != 2 || zones[1].Note != "locked cabinet" {
		t.Fatalf("zones = %+v, %v", zones, err)
	}
	_, err = svc.SaveZone(ctx, catalog.Zone{Name: ""})
	wantErr(t, err, domain.EInvalid, "name", "form.required")
	_, err = svc.SaveZone(ctx, catalog.Zone{ID: "nope", Name: "x"})
	wantErr(t, err, domain.ENotFound, "", "")

	shelf, err := svc.SaveLocation(ctx, catalog.Location{ZoneID: cos.ID, Name: "A-1"})
	if err != nil || shelf.Kind != "shelf" {
		t.Fatalf("location = %+v, %v (kind should default to shelf)", shelf, err)
	}
	case1, err := svc.SaveLocation(ctx, catalog.Location{ZoneID: lux.ID, Name: "Alice's suitcase", Kind: "suitcase"})
	if err != nil {
		t.Fatal(err)
	}
	empty, err := svc.SaveLocation(ctx, catalog.Location{ZoneID: cos.ID, Name: "B-2", Kind: "bin"})
	if err != nil {
		t.Fatal(err)
	}
	empty.Name = "B-3"
	if _, err := svc.SaveLocation(ctx, empty); err != nil {
		t.Fatal(err)
	}
	locs, err := svc.Locations(ctx)
	if err != nil || len(locs) != 3 || locs[0].ZoneName != "化妆品" || locs[1].Name != "B-3" || locs[2].ZoneName != "奢侈品" {
		t.Fatalf("locations = %+v, %v", locs, err)
	}

	t.Run("Errors", func(t *testing.T) {
		cases := []struct {
			name        string
			l           catalog.Location
			code, field string
			key         string
		}{
			{"ErrNameRequired", catalog.Location{ZoneID: cos.ID}, domain.EInvalid, "name", "form.required"},
			{"ErrZoneRequired", catalog.Location{Name: "C-1"}, domain.EInvalid, "zoneId", "form.required"},
			{"ErrUnknownKind", catalog.Location{ZoneID: cos.ID, Name: "C-1", Kind: "drawer"}, domain.EInvalid, "kind", "location.kind.unknown"},
			{"ErrUnknownZone", catalog.Location{ZoneID: "nope", Name: "C-1"}, domain.ENotFound, "", ""},
			{"ErrUnknownLocation", catalog.Location{ID: "nope", ZoneID: cos.ID, Name: "C-1"}, domain.ENotFound, "", ""},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				before := count(t, db, `SELECT count(*) FROM oplog`)
				_, err := svc.SaveLocation(ctx, c.l)
				wantErr(t, err, c.code, c.field, c.key)
				if n := count(t, db, `SELECT count(*) FROM oplog`); n != before {
					t.Fatal("refused save wrote an operation")
				}
			})
		}
	})

	t.Run("DeleteWithStockRefused", func(t *testing.T) {
		p := mustCreate(t, svc, product("LOC-1"))
		seedStock(t, db, p.ID, shelf.ID, 3, 0)
		before := count(t, db, `SELECT count(*) FROM oplog`)
		wantErr(t, svc.DeleteLocation(ctx, shelf.ID), domain.EConflict, "", "place.hasStock")
		wantErr(t, svc.DeleteZone(ctx, cos.ID), domain.EConflict, "", "place.hasStock")
		if n := count(t, db, `SELECT count(*) FROM oplog`); n != before {
			t.Fatal("refused delete wrote an operation")
		}
		seedStock(t, db, p.ID, shelf.ID, -3, 0) // moved away: the shelf is empty again
		if err := svc.DeleteLocation(ctx, shelf.ID); err != nil {
			t.Fatalf("delete of an emptied location: %v", err)
		}
	})

	t.Run("DeleteEmpty", func(t *testing.T) {
		if err := svc.DeleteLocation(ctx, case1.ID); err != nil {
			t.Fatal(err)
		}
		wantErr(t, svc.DeleteLocation(ctx, case1.ID), domain.ENotFound, "", "")
		if err := svc.DeleteZone(ctx, lux.ID); err != nil {
			t.Fatal(err)
		}
		_, err := svc.SaveLocation(ctx, catalog.Location{ZoneID: lux.ID, Name: "X"})
		wantErr(t, err, domain.ENotFound, "", "")
		locs, _ := svc.Locations(ctx)
		if len(locs) != 1 || locs[0].ID != empty.ID {
			t.Fatalf("locations after deletes = %+v", locs)
		}
	})
}

func importRows() []catalog.ImportRow {
	return []catalog.ImportRow{
		{Line: 2, Category: "护肤", ProductInput: catalog.ProductInput{SKU: "SHI-001", NameZh: "资生堂红腰子精华",
			Brand: "资生堂", Barcode: ean13(1), Price: 68000, PriceCurrency: "CNY", Cost: 8800, CostCurrency: "JPY"}},
		{Line: 3, Category: "保健品", ProductInput: catalog.ProductInput{SKU: "DHC-VC", NameZh: "维生素C", Brand: "DHC",
			Price: 4500, PriceCurrency: "CNY"}},
		{Line: 4, Category: "护肤", ProductInput: catalog.ProductInput{SKU: "SKII-230", NameZh: "神仙水", Brand: "SK-II",
			Barcode: ean13(2), Price: 129000, PriceCurrency: "cny", ShelfLife: true}},
	}
}

func ids(tb testing.TB, db *store.DB, table string) []string {
	tb.Helper()
	rows, err := db.R().Query(`SELECT id FROM ` + table + ` ORDER BY id`)
	if err != nil {
		tb.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		rows.Scan(&id)
		out = append(out, id)
	}
	return out
}

func TestImportProducts(t *testing.T) {
	ctx := context.Background()
	db, svc := mustOpen(t)
	res, err := svc.ImportProducts(ctx, "products.csv", importRows())
	if err != nil || res != (catalog.ImportResult{Created: 3}) {
		t.Fatalf("import = %+v, %v", res, err)
	}
	p, err := svc.FindProductByID(ctx, domain.DerivedID("product", "SKII-230"))
	if err != nil || p.CategoryName != "护肤" || p.PriceCurrency != "CNY" || !p.ShelfLife {
		t.Fatalf("imported product = %+v, %v", p, err)
	}
	if n := count(t, db, `SELECT count(*) FROM categories`); n != 2 {
		t.Fatalf("categories = %d, want 2 (护肤 once)", n)
	}

	t.Run("SameIDsOnAnotherLaptop", func(t *testing.T) {
		other, otherSvc := mustOpen(t)
		if _, err := otherSvc.ImportProducts(ctx, "products.csv", importRows()); err != nil {
			t.Fatal(err)
		}
		for _, table := range []string{"products", "categories"} {
			if a, b := ids(t, db, table), ids(t, other, table); !slices.Equal(a, b) {
				t.Fatalf("%s ids differ between laptops:\n%v\n%v", table, a, b)
			}
		}
	})

	t.Run("ReimportUnchanged", func(t *testing.T) {
		before := count(t, db, `SELECT count(*) FROM oplog`)
		res, err := svc.ImportProducts(ctx, "products.csv", importRows())
		if err != nil || res != (catalog.ImportResult{Unchanged: 3}) {
			t.Fatalf("re-import = %+v, %v", res, err)
		}
		if n := count(t, db, `SELECT count(*) FROM oplog`); n != before {
			t.Fatalf("unchanged re-import wrote %d operations", n-before)
		}
	})

	t.Run("ChangedRowUpdatesOnlyThatField", func(t *testing.T) {
		rows := importRows()
		rows[1].Price = 4800
		res, err := svc.ImportProducts(ctx, "products.csv", rows)
		if err != nil || res != (catalog.ImportResult{Updated: 1, Unchanged: 2}) {
			t.Fatalf("import = %+v, %v", res, err)
		}
		if f := lastOpFields(t, db, domain.DerivedID("product", "DHC-VC")); !slices.Equal(f, []string{"price"}) {
			t.Fatalf("import wrote fields %v, want price", f)
		}
	})

	t.Run("PhotoTakenInAppKept", func(t *testing.T) {
		id := domain.DerivedID("product", "SHI-001")
		p, _ := svc.FindProductByID(ctx, id)
		in := p.ProductInput
		in.Photo = "blob:abc"
		if _, err := svc.UpdateProduct(ctx, id, in); err != nil {
			t.Fatal(err)
		}
		rows := importRows()
		rows[1].Price = 4800
		res, err := svc.ImportProducts(ctx, "products.csv", rows)
		if err != nil || res.Unchanged != 3 {
			t.Fatalf("import = %+v, %v", res, err)
		}
		if p, _ := svc.FindProductByID(ctx, id); p.Photo != "blob:abc" {
			t.Fatalf("photo = %q after import without photos", p.Photo)
		}
	})

	t.Run("UpdatesProductMadeInApp", func(t *testing.T) {
		made := mustCreate(t, svc, product("HAND-1"))
		in := product("HAND-1")
		in.Price = 1
		res, err := svc.ImportProducts(ctx, "more.csv", []catalog.ImportRow{{Line: 2, ProductInput: in}})
		if err != nil || res != (catalog.ImportResult{Updated: 1}) {
			t.Fatalf("import = %+v, %v", res, err)
		}
		if p, _ := svc.FindProductByID(ctx, made.ID); p.Price != 1 {
			t.Fatalf("price = %d", p.Price)
		}
		if n := count(t, db, `SELECT count(*) FROM products WHERE sku = 'HAND-1'`); n != 1 {
			t.Fatalf("%d products with SKU HAND-1", n)
		}
	})
}

func TestImportProductsBadRowsWriteNothing(t *testing.T) {
	ctx := context.Background()
	db, svc := mustOpen(t)
	existing := product("OLD-1")
	existing.Barcode = ean13(9)
	mustCreate(t, svc, existing)

	rows := importRows()
	rows = append(rows,
		catalog.ImportRow{Line: 5, ProductInput: catalog.ProductInput{SKU: "BAD-CHECK", NameZh: "x", Barcode: "4901301231234"}},
		catalog.ImportRow{Line: 6, ProductInput: catalog.ProductInput{NameZh: "没有SKU"}},
		catalog.ImportRow{Line: 7, ProductInput: catalog.ProductInput{SKU: "NEG", NameZh: "x", Price: -1, PriceCurrency: "CNY"}},
		catalog.ImportRow{Line: 8, ProductInput: catalog.ProductInput{SKU: "SHI-001", NameZh: "重复"}},
		catalog.ImportRow{Line: 9, ProductInput: catalog.ProductInput{SKU: "DUP-BC", NameZh: "x", Barcode: ean13(2)}},
		catalog.ImportRow{Line: 10, ProductInput: catalog.ProductInput{SKU: "TAKEN-BC", NameZh: "x", Barcode: ean13(9)}},
	)
	tables := []string{"products", "categories", "oplog"}
	before := map[string]int{}
	for _, tb := range tables {
		before[tb] = count(t, db, `SELECT count(*) FROM `+tb)
	}
	_, err := svc.ImportProducts(ctx, "bad.csv", rows)
	var fe *domain.FileError
	if !errors.As(err, &fe) {
		t.Fatalf("want *domain.FileError, got %T %v", err, err)
	}
	if fe.File != "bad.csv" || fe.Domain().Code != domain.EInvalid {
		t.Fatalf("file error = %+v", fe)
	}
	var got []string
	for _, p := range fe.Problems {
		got = append(got, fmt.Sprintf("%d:%s", p.Line, p.Field))
	}
	sort.Strings(got)
	want := []string{"10:barcode", "5:barcode", "6:sku", "7:price", "8:sku", "9:barcode"}
	if !slices.Equal(got, want) {
		t.Fatalf("problems = %v\nwant %v", got, want)
	}
	for _, tb := range tables {
		if n := count(t, db, `SELECT count(*) FROM `+tb); n != before[tb] {
			t.Errorf("%s: %d rows before a refused import, %d after", tb, before[tb], n)
		}
	}
}
