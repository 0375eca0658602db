package store

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
)

// TestBulkWriteGrowsTheCacheForItsTransactionOnly: a bulk write of many new rows runs with the
// writer's larger page cache, and the writer is back to the normal one after the commit and
// after a rollback.
func TestBulkWriteGrowsTheCacheForItsTransactionOnly(t *testing.T) {
	db, err := Open(filepath.Join(t.TempDir(), "c.db"), Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	writerCache := func() int {
		var n int
		if err := db.w.QueryRow(`PRAGMA cache_size`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	rows := make([]Row, 6000)
	for i := range rows {
		rows[i] = Row{ID: fmt.Sprintf("p%05d", i), Fields: Fields{"sku": fmt.Sprintf("S%05d", i)}}
	}
	for _, fail := range []bool{false, true} {
		var during int
		err := db.Write(context.Background(), func(tx *Tx) error {
			if err := tx.SetMany("products", rows); err != nil {
				return err
			}
			if err := tx.QueryRow(`PRAGMA cache_size`).Scan(&during); err != nil {
				return err
			}
			if fail {
				return fmt.Errorf("rolled back")
			}
			return nil
		})
		if (err != nil) != fail {
			t.Fatal(err)
		}
		if during != -bulkCacheKiB || writerCache() != -cacheKiB {
			t.Fatalf("cache during the write %d, after %d; want %d then %d", during, writerCache(), -bulkCacheKiB, -cacheKiB)
		}
		rows = rows[:0:0]
		for i := 0; i < 6000; i++ {
			rows = append(rows, Row{ID: fmt.Sprintf("q%05d", i), Fields: Fields{"sku": fmt.Sprintf("T%05d", i)}})
		}
	}
}

// TestStampStringIsTheFixedWidthForm: the hand-written String is the "%013d.%05d.%s" form,
// which ParseStamp reads back, for stamps at the edges of their widths.
func TestStampStringIsTheFixedWidthForm(t *testing.T) {
	for _, s := range []Stamp{{0, 0, "d"}, {1, 7, "dev-1"}, {1764115200123, 99999, "01JABCDEF"}, {9999999999999, 12, "x"}} {
		want := fmt.Sprintf("%013d.%05d.%s", s.Wall, s.Counter, s.Device)
		if got := s.String(); got != want {
			t.Errorf("%+v: %q, want %q", s, got, want)
		}
		if back, err := ParseStamp(s.String()); err != nil || back != s {
			t.Errorf("%+v: read back as %+v, %v", s, back, err)
		}
	}
}
