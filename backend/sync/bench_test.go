package sync

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"daigoudesk/backend/store"
)

// benchFolder makes a folder holding the segments of devices laptops that made opsEach
// operations each (customers, order lines and stock moves, like a team's week), in
// segments of at most segmentOps.
func benchFolder(b *testing.B, devices, opsEach int) string {
	b.Helper()
	ctx := context.Background()
	folder := b.TempDir()
	for d := 0; d < devices; d++ {
		db, err := store.Open(filepath.Join(b.TempDir(), "daigou.db"))
		if err != nil {
			b.Fatal(err)
		}
		if err := Join(db, folder, ""); err != nil {
			b.Fatal(err)
		}
		if err := writeWeek(db, fmt.Sprint(d), opsEach); err != nil {
			b.Fatal(err)
		}
		s, err := Open(db, folder)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.Export(ctx); err != nil {
			b.Fatal(err)
		}
		db.Close()
	}
	return folder
}

// writeWeek writes ops operations of laptop d in bulk: customers, order lines and stock moves.
func writeWeek(db *store.DB, d string, ops int) error {
	return db.Write(context.Background(), func(tx *store.Tx) error {
		var customers, lines, moves []store.Row
		for i := 0; i < ops/3; i++ {
			customers = append(customers, store.Row{ID: fmt.Sprintf("c%s-%d", d, i), Fields: store.Fields{
				"name": fmt.Sprintf("客户 %d", i), "phone": fmt.Sprintf("139%08d", i), "created_at": "2026-03-01T00:00:00Z"}})
			lines = append(lines, store.Row{ID: fmt.Sprintf("l%s-%d", d, i), Fields: store.Fields{
				"order_id": fmt.Sprintf("o%s-%d", d, i/3), "product_id": fmt.Sprintf("p%d", i%300), "qty": 1 + i%3,
				"unit_price": 9900, "position": 1}})
			moves = append(moves, store.Row{ID: fmt.Sprintf("m%s-%d", d, i), Fields: store.Fields{
				"product_id": fmt.Sprintf("p%d", i%300), "location_id": "l1", "kind": "receive", "qty": 1 + i%5,
				"at": "2026-03-01T00:00:00Z"}})
		}
		for _, w := range []error{tx.SetMany("customers", customers), tx.SetMany("order_lines", lines),
			tx.AddMany("stock_moves", moves)} {
			if w != nil {
				return w
			}
		}
		return nil
	})
}

// BenchmarkCatchUp is a new laptop joining a folder of 10 devices × 10,000 operations and
// importing everything. Target: < 3 s.
func BenchmarkCatchUp(b *testing.B) {
	folder := benchFolder(b, 10, 10_000)
	ctx := context.Background()
	var spent time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		db, err := store.Open(filepath.Join(b.TempDir(), "daigou.db"))
		if err != nil {
			b.Fatal(err)
		}
		if err := Join(db, folder, ""); err != nil {
			b.Fatal(err)
		}
		s, _ := Open(db, folder)
		b.StartTimer()
		start := time.Now()
		res, err := s.Import(ctx)
		if err != nil || res.Problems > 0 || res.Ops < 99_990 {
			b.Fatalf("%+v %v", res, err)
		}
		spent += time.Since(start)
		b.StopTimer()
		db.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(spent.Milliseconds())/float64(b.N), "ms/catch-up")
}

// BenchmarkImportSegment500 imports one 500-operation segment into a laptop that already
// holds 10,000 operations. Target: < 20 ms.
func BenchmarkImportSegment500(b *testing.B) {
	folder := benchFolder(b, 1, 10_000)
	ctx := context.Background()
	var seg string
	filepath.Walk(filepath.Join(folder, "DaigouDesk", "log"), func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() && filepath.Ext(p) == ".seg" && seg == "" {
			seg = p
		}
		return nil
	})
	data, _ := os.ReadFile(seg)
	_, ops, err := decodeSegment(filepath.Base(seg), data)
	if err != nil {
		b.Fatal(err)
	}
	var spent time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		db, err := store.Open(filepath.Join(b.TempDir(), "daigou.db"))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := db.ApplyOps(ctx, ops[500:]); err != nil { // what the laptop had
			b.Fatal(err)
		}
		batch := ops[:500]
		b.StartTimer()
		start := time.Now()
		if n, err := db.ApplyOps(ctx, batch); err != nil || n != 500 {
			b.Fatal(n, err)
		}
		spent += time.Since(start)
		b.StopTimer()
		db.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(spent.Microseconds())/1000/float64(b.N), "ms/segment")
}

// BenchmarkExport100k writes the segments of 100,000 operations of one laptop's bulk writes
// (their oplog entries are lean: ScanOps reads each from its row).
func BenchmarkExport100k(b *testing.B) {
	ctx := context.Background()
	db, err := store.Open(filepath.Join(b.TempDir(), "daigou.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	if err := writeWeek(db, "x", 100_000); err != nil {
		b.Fatal(err)
	}
	var spent time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		folder := b.TempDir()
		if err := Join(db, folder, ""); err != nil {
			b.Fatal(err)
		}
		for _, k := range []string{"sync_exported", "sync_seq"} {
			if err := db.SetMeta(k, ""); err != nil {
				b.Fatal(err)
			}
		}
		s, err := Open(db, folder)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start := time.Now()
		if n, err := s.Export(ctx); err != nil || n < 99_990 {
			b.Fatal(n, err)
		}
		spent += time.Since(start)
	}
	b.ReportMetric(float64(spent.Milliseconds())/float64(b.N), "ms/export")
}
