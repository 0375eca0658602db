package catalog_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"daigoudesk/backend/catalog"
	"daigoudesk/backend/domain"
)

// mustOpen and count are in catalog_test.go.

func writeFile(tb testing.TB, name, body string) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), name)
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}

// A file as a person makes it: Chinese headers in their own order, currency symbols, an
// amount without a currency, Excel's ="…" around a barcode.
const goodFile = "货号,商品名称,原名,品牌,类目,条形码,进价,成本币种,售价,重量(g),保质期,补货点,补货量,备注\n" +
	"JP-SHI-001,资生堂红腰子精华 50ml,Shiseido Ultimune 50ml,资生堂,护肤,=\"4901872123452\",\"8,800\",JPY,￥520.00,180,是,5,10,热卖\n" +
	"KR-SUL-002,雪花秀滋阴水 150ml,설화수 자음수,Sulwhasoo,护肤,8809535801234,45000,krw,420,300,1,3,6,\n" +
	"US-KIE-003,科颜氏高保湿面霜,Kiehl's Ultra Facial Cream,Kiehl's,,,,,199.5,,否,,,\n"

func TestImportProductsFile(t *testing.T) {
	ctx := context.Background()
	db, cat := mustOpen(t)
	path := writeFile(t, "products.csv", goodFile)
	res, err := cat.ImportProductsFile(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if res != (catalog.ImportResult{Created: 3}) {
		t.Fatalf("got %+v", res)
	}
	p, err := cat.FindProductByCode(ctx, "4901872123452")
	if err != nil {
		t.Fatal(err)
	}
	want := catalog.ProductInput{SKU: "JP-SHI-001", NameZh: "资生堂红腰子精华 50ml", NameOrig: "Shiseido Ultimune 50ml",
		Brand: "资生堂", CategoryID: p.CategoryID, Barcode: "4901872123452", Cost: 8800, CostCurrency: "JPY",
		Price: 52000, PriceCurrency: "CNY", WeightG: 180, Notes: "热卖", ShelfLife: true, ReorderPoint: 5, ReorderQty: 10}
	if p.ProductInput != want || p.CategoryName != "护肤" {
		t.Fatalf("got  %+v\nwant %+v", p.ProductInput, want)
	}
	kr, _ := cat.FindProductByCode(ctx, "KR-SUL-002")
	if kr.Cost != 45000 || kr.CostCurrency != "KRW" || kr.CategoryID != p.CategoryID {
		t.Fatalf("KR row: %+v", kr)
	}
	if n := count(t, db, `SELECT count(*) FROM categories`); n != 1 {
		t.Fatalf("%d categories", n)
	}

	t.Run("AgainUnchanged", func(t *testing.T) {
		res, err := cat.ImportProductsFile(ctx, path)
		if err != nil || res != (catalog.ImportResult{Unchanged: 3}) {
			t.Fatalf("got %+v %v", res, err)
		}
	})
	t.Run("PartialFileKeepsOtherFields", func(t *testing.T) {
		res, err := cat.ImportProductsFile(ctx, writeFile(t, "prices.csv", "sku,name_zh,price\nJP-SHI-001,资生堂红腰子精华 50ml,499\n"))
		if err != nil || res != (catalog.ImportResult{Updated: 1}) {
			t.Fatalf("got %+v %v", res, err)
		}
		p, _ := cat.FindProductByCode(ctx, "JP-SHI-001")
		if p.Price != 49900 || p.Cost != 8800 || p.Barcode != "4901872123452" || p.CategoryName != "护肤" || p.NameOrig == "" {
			t.Fatalf("partial import changed other fields: %+v", p)
		}
	})
}

func TestImportProductsFileBadRowsWriteNothing(t *testing.T) {
	ctx := context.Background()
	db, cat := mustOpen(t)
	if _, err := cat.ImportProductsFile(ctx, writeFile(t, "seed.csv", "sku,name_zh\nOLD-1,旧商品\n")); err != nil {
		t.Fatal(err)
	}
	before := [2]int{count(t, db, `SELECT count(*) FROM products`), count(t, db, `SELECT count(*) FROM oplog`)}
	body := "sku,name_zh,barcode,cost,cost_currency,price,weight_g,shelf_life\n" +
		"A-1,好商品,4901301231239,100,JPY,50,100,1\n" + // line 2: good
		"A-2,价格错,,12.5,JPY,abc,,\n" + // line 3: JPY has no decimals; price not a number
		",没有货号,,,,,,\n" + // line 4: sku missing
		"A-4,条码错,4901301231234,,,,,\n" + // line 5: bad check digit
		"A-5,币种错,,10,XYZ,,-5,maybe\n" + // line 6: currency, weight, shelf_life
		"A-6,Excel,4.9013E+12,,,,,\n" // line 7: barcode mangled by Excel
	path := writeFile(t, "bad.csv", body)
	_, err := cat.ImportProductsFile(ctx, path)
	var fe *domain.FileError
	if !errors.As(err, &fe) {
		t.Fatalf("want *domain.FileError, got %T %v", err, err)
	}
	type lf struct {
		line  int
		field string
	}
	got := map[lf]bool{}
	keys := map[lf]string{}
	for _, p := range fe.Problems {
		got[lf{p.Line, p.Field}] = true
		keys[lf{p.Line, p.Field}] = p.Key
		if p.Key == "" {
			t.Errorf("problem without a translation key: %+v", p)
		}
	}
	// a rule of ProductInput.Validate keeps its key; a cell that cannot be read has its own
	if keys[lf{5, "barcode"}] != "product.barcode.check" || keys[lf{6, "shelf_life"}] != "importing.problem.yesNo" {
		t.Errorf("keys %v", keys)
	}
	for _, w := range []lf{{3, "cost"}, {3, "price"}, {4, "sku"}, {5, "barcode"}, {6, "cost_currency"},
		{6, "weight_g"}, {6, "shelf_life"}, {7, "barcode"}} {
		if !got[w] {
			t.Errorf("missing problem at line %d field %s; got %+v", w.line, w.field, fe.Problems)
		}
	}
	if len(fe.Problems) != 8 {
		t.Errorf("want 8 problems, got %d: %v", len(fe.Problems), err)
	}
	if !strings.Contains(err.Error(), "bad.csv:3: price:") {
		t.Errorf("message does not name file:line: field: %v", err)
	}
	after := [2]int{count(t, db, `SELECT count(*) FROM products`), count(t, db, `SELECT count(*) FROM oplog`)}
	if after != before {
		t.Fatalf("a bad file changed the database: products, oplog %v → %v", before, after)
	}

	t.Run("ErrDuplicateSKUAndTakenBarcode", func(t *testing.T) {
		body := "sku,name_zh,barcode\nB-1,一,4901301231239\nB-1,二,\nB-3,三,\n"
		_, err := cat.ImportProductsFile(ctx, writeFile(t, "dup.csv", body))
		if !errors.As(err, &fe) || fe.Problems[0].Line != 3 || fe.Problems[0].Field != "sku" {
			t.Fatalf("got %v", err)
		}
		if n := count(t, db, `SELECT count(*) FROM oplog`); n != before[1] {
			t.Fatal("oplog grew")
		}
	})
	t.Run("CellsAndRepeatsReportedTogether", func(t *testing.T) {
		// a bad cell does not hide a repeated SKU further down: one round of fixing
		body := "sku,name_zh,price\nC-1,一,abc\nC-2,二,10\nC-2,三,10\n"
		_, err := cat.ImportProductsFile(ctx, writeFile(t, "both.csv", body))
		if !errors.As(err, &fe) || len(fe.Problems) != 2 {
			t.Fatalf("want 2 problems, got %v", err)
		}
		if p := fe.Problems; p[0].Line != 2 || p[0].Field != "price" || p[1].Line != 4 || p[1].Field != "sku" {
			t.Fatalf("problems %+v", p)
		}
	})
	t.Run("ErrNoSKUColumn", func(t *testing.T) {
		_, err := cat.ImportProductsFile(ctx, writeFile(t, "nosku.csv", "名称,售价\n面霜,100\n"))
		if !errors.As(err, &fe) || fe.Problems[0].Line != 1 || fe.Problems[0].Field != "sku" {
			t.Fatalf("got %v", err)
		}
	})
}

func TestExportImportRoundTrip(t *testing.T) {
	ctx := context.Background()
	_, cat := mustOpen(t)
	if _, err := cat.ImportProductsFile(ctx, writeFile(t, "products.csv", goodFile)); err != nil {
		t.Fatal(err)
	}
	// Notes with a comma, quotes and a line break; a product made in the app.
	if _, err := cat.CreateProduct(ctx, catalog.ProductInput{SKU: "AU-SWI-9", NameOrig: "Swisse Vitamin C 110 tabs",
		Notes: "含\"引号\", 逗号\n换行", Price: 9900, PriceCurrency: "CNY", Cost: 1599, CostCurrency: "AUD", ShelfLife: true}); err != nil {
		t.Fatal(err)
	}
	for _, ext := range []string{".csv", ".xlsx"} {
		t.Run(ext, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "export"+ext)
			n, err := cat.ExportProductsFile(ctx, path)
			if err != nil || n != 4 {
				t.Fatalf("export: %d %v", n, err)
			}
			res, err := cat.ImportProductsFile(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			if res != (catalog.ImportResult{Unchanged: n}) {
				t.Fatalf("round trip changed products: %+v", res)
			}
		})
	}
}

// A file big enough to be read and checked on several cores reports its bad rows in line
// order, writes nothing, and once clean imports every row as it was written.
func TestImportProductsFileLarge(t *testing.T) {
	ctx := context.Background()
	db, cat := mustOpen(t)
	const n = 6000
	bad := map[int]bool{2: true, 3001: true, n + 1: true} // lines: the first row, one in the middle, the last
	var b strings.Builder
	write := func(withBad bool) string {
		b.Reset()
		b.WriteString("sku,name_zh,price,weight_g\n")
		for i := 0; i < n; i++ {
			weight := fmt.Sprint(i % 900)
			if withBad && bad[i+2] {
				weight = "heavy"
			}
			fmt.Fprintf(&b, "L-%05d,商品%d,%d.50,%s\n", i, i, i, weight)
		}
		return writeFile(t, "large.csv", b.String())
	}
	_, err := cat.ImportProductsFile(ctx, write(true))
	var fe *domain.FileError
	if !errors.As(err, &fe) || len(fe.Problems) != len(bad) {
		t.Fatalf("want %d problems, got %v", len(bad), err)
	}
	for i, want := range []int{2, 3001, n + 1} {
		if p := fe.Problems[i]; p.Line != want || p.Field != "weight_g" {
			t.Errorf("problem %d: %+v, want line %d weight_g", i, p, want)
		}
	}
	if c := count(t, db, `SELECT count(*) FROM products`); c != 0 {
		t.Fatalf("a bad file wrote %d products", c)
	}
	res, err := cat.ImportProductsFile(ctx, write(false))
	if err != nil || res.Created != n {
		t.Fatalf("created %d, %v", res.Created, err)
	}
	for _, i := range []int{0, n / 2, n - 1} {
		p, err := cat.FindProductByCode(ctx, fmt.Sprintf("L-%05d", i))
		if err != nil {
			t.Fatal(err)
		}
		if p.NameZh != fmt.Sprintf("商品%d", i) || p.Price != int64(i)*100+50 || p.WeightG != int64(i%900) {
			t.Errorf("row %d imported as %+v", i, p.ProductInput)
		}
	}
}

// TestImportProductsFileRepeatFoundWhileWriting: on an empty catalog a large file is written
// while its rows are checked for repeats; a repeated SKU and barcode near the end (every cell
// fine) still fail the import, are reported by line, and leave nothing behind: no product,
// no category, no oplog entry, and the product indexes the bulk write had dropped.
func TestImportProductsFileRepeatFoundWhileWriting(t *testing.T) {
	ctx := context.Background()
	db, cat := mustOpen(t)
	const n = 7000
	var b strings.Builder
	b.WriteString("sku,name_zh,category,barcode,price\n")
	for i := 0; i < n; i++ {
		sku, code := fmt.Sprintf("R-%05d", i), ean13(i)
		switch i {
		case n - 2:
			sku = "R-00010" // line 12's SKU
		case n - 1:
			code = ean13(20) // line 22's barcode
		}
		fmt.Fprintf(&b, "%s,商品%d,类%d,%s,%d\n", sku, i, i%7, code, i)
	}
	indexes := `SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'products'`
	before := count(t, db, indexes)
	_, err := cat.ImportProductsFile(ctx, writeFile(t, "repeats.csv", b.String()))
	var fe *domain.FileError
	if !errors.As(err, &fe) || len(fe.Problems) != 2 {
		t.Fatalf("want 2 problems, got %v", err)
	}
	if p := fe.Problems[0]; p.Line != n || p.Field != "sku" || p.Key != "importing.problem.skuRepeats" {
		t.Errorf("first problem %+v", p)
	}
	if p := fe.Problems[1]; p.Line != n+1 || p.Field != "barcode" || p.Key != "importing.problem.barcodeRepeats" {
		t.Errorf("second problem %+v", p)
	}
	for _, q := range []string{`SELECT count(*) FROM products`, `SELECT count(*) FROM categories`, `SELECT count(*) FROM oplog`} {
		if c := count(t, db, q); c != 0 {
			t.Errorf("%s: %d after a refused import", q, c)
		}
	}
	if after := count(t, db, indexes); after != before {
		t.Errorf("product indexes: %d before, %d after", before, after)
	}
}
