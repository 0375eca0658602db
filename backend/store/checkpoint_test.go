package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// A big commit returns before its pages are copied from the WAL into the database file; a
// background checkpoint copies them soon after. A small one leaves them in the WAL.
func TestCheckpointsRunInBackground(t *testing.T) {
	db, err := Open(filepath.Join(t.TempDir(), "daigou.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	size := func() int64 {
		st, err := os.Stat(db.Path)
		if err != nil {
			t.Fatal(err)
		}
		return st.Size()
	}
	write := func(first, n int) {
		rows := make([]Row, n)
		for i := range rows {
			rows[i] = Row{ID: fmt.Sprintf("P%06d", first+i), Fields: Fields{"sku": fmt.Sprintf("SKU-%06d", first+i),
				"name_zh": "资生堂红腰子精华 50ml", "notes": "a note long enough to fill some pages of the table"}}
		}
		if err := db.Write(context.Background(), func(tx *Tx) error { return tx.SetMany("products", rows) }); err != nil {
			t.Fatal(err)
		}
		db.ckDone.Wait() // a checkpoint it started has finished
	}
	before := size()
	write(0, 10)
	if got := size(); got != before {
		t.Fatalf("10 operations were checkpointed at once: file %d → %d bytes", before, got)
	}
	write(10, checkpointOps)
	if got := size(); got < before+int64(checkpointOps)*100 {
		t.Fatalf("%d operations were not checkpointed: file %d → %d bytes", checkpointOps, before, got)
	}
	var n int
	if err := db.R().QueryRow(`SELECT count(*) FROM products`).Scan(&n); err != nil || n != 10+checkpointOps {
		t.Fatalf("products = %d, %v", n, err)
	}
}
