package store

import (
	"context"
	"database/sql"
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

// TestPauseOrderStatusDropsTheTriggersOnlyForALargeWrite: while a small bulk write runs, the
// order-status triggers are there but paused; while a large one runs, they are gone. Either
// way they do nothing during it and work again after it, and a write that fails leaves them
// as they were.
func TestPauseOrderStatusDropsTheTriggersOnlyForALargeWrite(t *testing.T) {
	db, err := Open(filepath.Join(t.TempDir(), "p.db"), Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	state := func(q interface {
		QueryRow(string, ...any) *sql.Row
	}) (triggers, paused int) {
		t.Helper()
		err := q.QueryRow(`SELECT (SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'order\_status\_%' ESCAPE '\'),
			(SELECT paused FROM derive_pause)`).Scan(&triggers, &paused)
		if err != nil {
			t.Fatal(err)
		}
		return triggers, paused
	}
	all, _ := state(db.w)
	if all < 10 {
		t.Fatalf("%d order-status triggers", all)
	}
	statusRows := func(id string) int {
		var n int
		if err := db.r.QueryRow(`SELECT count(*) FROM order_status WHERE order_id = ?`, id).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	for _, c := range []struct {
		rows                   int
		wantTriggers, wantPaus int
	}{{10, all, 1}, {dropTriggersMin, 0, 0}} {
		for _, fail := range []bool{false, true} {
			id := fmt.Sprintf("o-%d-%v", c.rows, fail)
			err := db.Write(ctx, func(tx *Tx) error {
				err := tx.PauseOrderStatus(c.rows, func() error {
					if n, p := state(tx); n != c.wantTriggers || p != c.wantPaus {
						t.Errorf("%d rows: %d triggers, paused %d during the write; want %d, %d", c.rows, n, p, c.wantTriggers, c.wantPaus)
					}
					return tx.Set("orders", id, Fields{"number": id})
				})
				if err != nil {
					return err
				}
				if n, p := state(tx); n != all || p != 0 {
					t.Errorf("%d rows: %d triggers, paused %d after the write", c.rows, n, p)
				}
				if fail {
					return fmt.Errorf("rolled back")
				}
				return nil
			})
			if (err != nil) != fail {
				t.Fatal(err)
			}
			if n, p := state(db.w); n != all || p != 0 {
				t.Errorf("%d rows, failed %v: %d triggers, paused %d after the transaction", c.rows, fail, n, p)
			}
			if got := statusRows(id); got != 0 {
				t.Errorf("%d rows: the paused triggers made %d status rows", c.rows, got)
			}
			if fail {
				continue
			}
			if err := db.Write(ctx, func(tx *Tx) error {
				return tx.Add("order_events", id+"-e", Fields{"order_id": id, "kind": "confirmed"})
			}); err != nil {
				t.Fatal(err)
			}
			if got := statusRows(id); got != 1 {
				t.Errorf("%d rows: after the write, an event made %d status rows; want 1", c.rows, got)
			}
		}
	}
}

// TestDeferIndexesOnlyWhenTheWriteAtLeastDoublesTheTable: a bulk write of n new rows drops
// the table's secondary indexes when the table holds n rows or fewer, keeps them when it
// holds more (however many more: the count stops at n + 1), and does nothing for fewer than
// 5,000 rows; the indexes are back after restore.
func TestDeferIndexesOnlyWhenTheWriteAtLeastDoublesTheTable(t *testing.T) {
	db, err := Open(filepath.Join(t.TempDir(), "d.db"), Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	indexes := func(q interface {
		QueryRow(string, ...any) *sql.Row
	}) int {
		var n int
		if err := q.QueryRow(`SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'products'
			AND sql IS NOT NULL`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	all := indexes(db.w)
	if all == 0 {
		t.Fatal("products has no secondary indexes")
	}
	next := 0
	add := func(n int) {
		rows := make([]Row, n)
		for i := range rows {
			rows[i] = Row{ID: fmt.Sprintf("p%06d", next), Fields: Fields{"sku": fmt.Sprintf("S%06d", next)}}
			next++
		}
		if err := db.Write(ctx, func(tx *Tx) error { return tx.SetMany("products", rows) }); err != nil {
			t.Fatal(err)
		}
	}
	check := func(newRows int, want bool) {
		t.Helper()
		err := db.Write(ctx, func(tx *Tx) error {
			restore, dropped, err := tx.DeferIndexes("products", newRows)
			if err != nil {
				return err
			}
			if left := indexes(tx); dropped != want || (left == 0) != want {
				t.Errorf("%d new rows: dropped %v with %d of %d indexes left; want dropped %v", newRows, dropped, left, all, want)
			}
			return restore()
		})
		if err != nil {
			t.Fatal(err)
		}
		if got := indexes(db.w); got != all {
			t.Errorf("%d new rows: %d indexes after restore, want %d", newRows, got, all)
		}
	}
	check(4999, false) // too few to bother
	check(5000, true)  // into an empty table
	add(5000)
	check(5000, true) // doubles it exactly
	check(4999, false)
	add(1)
	check(5000, false) // 5,001 rows there
	check(5001, true)
}
