package bench

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"daigoudesk/backend/catalog"
	"daigoudesk/backend/services"
)

// openBig opens the benchmark data folder and warms nothing: each benchmark runs its query
// once before timing, so figures are for a running app, except BenchmarkAppStart.
func openBig(b *testing.B) *services.Services {
	dir := bigDB(b)
	svc, err := services.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { svc.Close() })
	return svc
}

func reportMs(b *testing.B, start time.Time, unit string) {
	b.ReportMetric(float64(time.Since(start).Microseconds())/1000/float64(b.N), unit)
}

// BenchmarkFindProducts is the product list's first page (100 rows and the total) for every
// sort key × filter. Target: < 20 ms each.
func BenchmarkFindProducts(b *testing.B) {
	svc := openBig(b)
	ctx := context.Background()
	filters := []struct {
		name string
		f    catalog.ProductFilter
	}{
		{"all", catalog.ProductFilter{}},
		{"category", catalog.ProductFilter{CategoryID: bigInfo.category}},
		{"query", catalog.ProductFilter{Query: "精华"}},
		{"lowStock", catalog.ProductFilter{LowStock: true}},
	}
	for _, sort := range []string{"name", "sku", "brand", "price", "cost", "created", "onHand", "available"} {
		for _, fl := range filters {
			f := fl.f
			f.Sort, f.Limit = sort, 100
			b.Run(sort+"/"+fl.name, func(b *testing.B) {
				if _, _, err := svc.Catalog.FindProducts(ctx, f); err != nil {
					b.Fatal(err)
				}
				b.ResetTimer()
				start := time.Now()
				for i := 0; i < b.N; i++ {
					if _, _, err := svc.Catalog.FindProducts(ctx, f); err != nil {
						b.Fatal(err)
					}
				}
				reportMs(b, start, "ms/page")
			})
		}
	}
}

// BenchmarkOnHand is one product's stock. Target: < 1 ms.
func BenchmarkOnHand(b *testing.B) {
	svc := openBig(b)
	ctx := context.Background()
	svc.Stock.OnHand(ctx, bigInfo.someProduct)
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		if _, err := svc.Stock.OnHand(ctx, bigInfo.someProduct); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(time.Since(start).Microseconds())/float64(b.N), "µs/op")
}

// BenchmarkImportProductsFile imports the 100,000-product CSV (exported from the big
// database) into an empty one. Target: ≥ 50,000 rows/s.
func BenchmarkImportProductsFile(b *testing.B) {
	bigDB(b)
	ctx := context.Background()
	var rows int
	var spent time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		dir, err := os.MkdirTemp(tmpRoot, "import-")
		if err != nil {
			b.Fatal(err)
		}
		svc, err := services.Open(dir)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start := time.Now()
		res, err := svc.Catalog.ImportProductsFile(ctx, bigInfo.csvFile)
		spent += time.Since(start)
		if err != nil {
			b.Fatal(err)
		}
		rows += res.Created
		b.StopTimer()
		svc.Close()
		os.RemoveAll(dir)
		b.StartTimer()
	}
	b.ReportMetric(float64(rows)/spent.Seconds(), "rows/s")
}

// BenchmarkAppStart opens the big data folder and shows the first product page, as the app
// does at start. Target: well under 1 s.
func BenchmarkAppStart(b *testing.B) {
	dir := bigDB(b)
	ctx := context.Background()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		svc, err := services.Open(dir)
		if err != nil {
			b.Fatal(err)
		}
		if _, _, err := svc.Catalog.FindProducts(ctx, catalog.ProductFilter{Limit: 100}); err != nil {
			b.Fatal(err)
		}
		svc.Close()
	}
	reportMs(b, start, "ms/start")
}

var _ = filepath.Join

// BenchmarkFindProductsAfterChange is a searched page right after a product changed: the
// in-memory list index (catalog/listindex.go) is rebuilt from SQLite first. This is the
// worst case a user meets on a 100,000-product catalog.
func BenchmarkFindProductsAfterChange(b *testing.B) {
	svc := openBig(b)
	ctx := context.Background()
	p, err := svc.Catalog.FindProductByID(ctx, bigInfo.someProduct)
	if err != nil {
		b.Fatal(err)
	}
	f := catalog.ProductFilter{Query: "精华", Limit: 100}
	if _, _, err := svc.Catalog.FindProducts(ctx, f); err != nil { // the app has shown the list before
		b.Fatal(err)
	}
	var spent time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		in := p.ProductInput
		in.Notes = fmt.Sprintf("bench %d", i)
		if _, err := svc.Catalog.UpdateProduct(ctx, p.ID, in); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start := time.Now()
		if _, _, err := svc.Catalog.FindProducts(ctx, f); err != nil {
			b.Fatal(err)
		}
		spent += time.Since(start)
	}
	b.ReportMetric(float64(spent.Microseconds())/1000/float64(b.N), "ms/page")
}
