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
