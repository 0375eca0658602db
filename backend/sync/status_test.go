package sync

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"daigoudesk/backend/store"
)

// The operations waiting to be sent are counted only with a folder, and only up to a cap,
// so that showing the status never walks a long history.
func TestStatusCountsUnexportedUpToCap(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(filepath.Join(t.TempDir(), "daigou.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	svc := New(db, nil)
	write := func(first, n int) {
		rows := make([]store.Row, n)
		for i := range rows {
			rows[i] = store.Row{ID: fmt.Sprintf("P%06d", first+i), Fields: store.Fields{"sku": fmt.Sprintf("S-%06d", first+i)}}
		}
		if err := db.Write(ctx, func(tx *store.Tx) error { return tx.SetMany("products", rows) }); err != nil {
			t.Fatal(err)
		}
	}
	unexported := func() int {
		st, err := svc.Status(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return st.Unexported
	}
	write(0, 5)
	if n := unexported(); n != 0 {
		t.Fatalf("without a folder: %d waiting", n)
	}
	if err := db.SetMeta("sync_folder", t.TempDir()); err != nil {
		t.Fatal(err)
	}
	if n := unexported(); n != 5 {
		t.Fatalf("5 operations, %d waiting", n)
	}
	write(5, UnexportedCap+10)
	if n := unexported(); n != UnexportedCap+1 {
		t.Fatalf("%d operations, %d waiting (want the cap + 1)", UnexportedCap+15, n)
	}
	var last string
	if err := db.R().QueryRow(`SELECT max(hlc) FROM oplog`).Scan(&last); err != nil {
		t.Fatal(err)
	}
	if err := db.SetMeta("sync_exported", last); err != nil {
		t.Fatal(err)
	}
	if n := unexported(); n != 0 {
		t.Fatalf("after export: %d waiting", n)
	}
}

// Export moves past this device's entries that nothing is left of (rows a bulk write
// inserted, which another device's copies replaced since), so that they are not counted as
// waiting to be sent for ever.
func TestExportMovesPastEntriesNothingIsLeftOf(t *testing.T) {
	ctx := context.Background()
	folder := t.TempDir()
	var dbs [2]*store.DB
	for i := range dbs {
		db, err := store.Open(filepath.Join(t.TempDir(), "daigou.db"))
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		dbs[i] = db
	}
	a, b := dbs[0], dbs[1]
	moves := make([]store.Row, 20)
	for i := range moves {
		moves[i] = store.Row{ID: fmt.Sprintf("m%02d", i), Fields: store.Fields{"product_id": "p", "location_id": "l", "qty": i + 1}}
	}
	add := func(db *store.DB) {
		if err := db.Write(ctx, func(tx *store.Tx) error { return tx.AddMany("stock_moves", moves) }); err != nil {
			t.Fatal(err)
		}
	}
	add(b) // b's copies are older
	if err := a.Write(ctx, func(tx *store.Tx) error { return tx.Set("products", "p", store.Fields{"sku": "S"}) }); err != nil {
		t.Fatal(err)
	}
	add(a)
	var ops []store.Op
	if _, err := b.ScanOps(ctx, "", "", func(op store.Op) error { ops = append(ops, op); return nil }); err != nil {
		t.Fatal(err)
	}
	if _, err := a.ApplyOps(ctx, ops); err != nil {
		t.Fatal(err)
	}
	if err := Join(a, folder, ""); err != nil {
		t.Fatal(err)
	}
	s, err := Open(a, folder)
	if err != nil {
		t.Fatal(err)
	}
	if err := a.SetMeta("sync_folder", folder); err != nil {
		t.Fatal(err)
	}
	svc := New(a, nil)
	if st, err := svc.Status(ctx); err != nil || st.Unexported != 21 {
		t.Fatalf("before export: %d waiting, %v", st.Unexported, err)
	}
	if n, err := s.Export(ctx); err != nil || n != 1 {
		t.Fatalf("export: %d operations, %v (want the product's only)", n, err)
	}
	if st, err := svc.Status(ctx); err != nil || st.Unexported != 0 {
		t.Fatalf("after export: %d waiting, %v", st.Unexported, err)
	}
	if n, err := s.Export(ctx); err != nil || n != 0 {
		t.Fatalf("second export: %d, %v", n, err)
	}
}
