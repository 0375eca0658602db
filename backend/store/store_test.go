package store_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"daigoudesk/backend/store"
)

func mustOpen(tb testing.TB, opts ...store.Options) *store.DB {
	tb.Helper()
	db, err := store.Open(filepath.Join(tb.TempDir(), "daigou.db"), opts...)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

func count(tb testing.TB, db *store.DB, query string, args ...any) int {
	tb.Helper()
	var n int
	if err := db.R().QueryRow(query, args...).Scan(&n); err != nil {
		tb.Fatal(err)
	}
	return n
}

func dump(tb testing.TB, db *store.DB) string {
	tb.Helper()
	var b bytes.Buffer
	if err := db.Dump(&b); err != nil {
		tb.Fatal(err)
	}
	return b.String()
}

func TestWriteCommitsChangeAndOplogTogether(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)

	t.Run("RollbackOnError", func(t *testing.T) {
		boom := errors.New("boom")
		err := db.Write(ctx, func(tx *store.Tx) error {
			if err := tx.Set("products", "p1", store.Fields{"sku": "A-1", "name_zh": "面霜"}); err != nil {
				return err
			}
			return boom
		})
		if !errors.Is(err, boom) {
			t.Fatalf("want boom, got %v", err)
		}
		if n := count(t, db, `SELECT count(*) FROM products`); n != 0 {
			t.Fatalf("product written despite rollback: %d", n)
		}
		if n := count(t, db, `SELECT count(*) FROM oplog`); n != 0 {
			t.Fatalf("oplog written despite rollback: %d", n)
		}
	})

	t.Run("RollbackWhenLaterOpFails", func(t *testing.T) {
		err := db.Write(ctx, func(tx *store.Tx) error {
			if err := tx.Add("stock_moves", "m1", store.Fields{"product_id": "p1", "qty": 5}); err != nil {
				return err
			}
			return tx.Set("products", "p1", store.Fields{"no_such_field": "x"})
		})
		if err == nil {
			t.Fatal("want error for unknown field")
		}
		if n := count(t, db, `SELECT count(*) FROM stock_moves`) + count(t, db, `SELECT count(*) FROM oplog`) +
			count(t, db, `SELECT count(*) FROM product_stock`); n != 0 {
			t.Fatalf("partial write survived: %d rows", n)
		}
	})

	t.Run("Commit", func(t *testing.T) {
		err := db.Write(ctx, func(tx *store.Tx) error {
			if err := tx.Set("products", "p1", store.Fields{"sku": "A-1", "name_zh": "面霜"}); err != nil {
				return err
			}
			return tx.Add("stock_moves", "m1", store.Fields{"product_id": "p1", "location_id": "l1", "kind": "receive", "qty": 5})
		})
		if err != nil {
			t.Fatal(err)
		}
		if n := count(t, db, `SELECT count(*) FROM oplog`); n != 2 {
			t.Fatalf("oplog rows = %d, want 2", n)
		}
		if n := count(t, db, `SELECT on_hand FROM product_stock WHERE product_id = 'p1'`); n != 5 {
			t.Fatalf("on hand = %d, want 5", n)
		}
	})
}

func TestWriteRefusesBadOperations(t *testing.T) {
	db := mustOpen(t)
	cases := []struct {
		name string
		fn   func(tx *store.Tx) error
	}{
		{"UnknownTable", func(tx *store.Tx) error { return tx.Set("nope", "x", store.Fields{"a": "b"}) }},
		{"SetOnLedger", func(tx *store.Tx) error { return tx.Set("stock_moves", "x", store.Fields{"qty": 1}) }},
		{"AddOnEntity", func(tx *store.Tx) error { return tx.Add("products", "x", store.Fields{"sku": "a"}) }},
		{"WrongType", func(tx *store.Tx) error { return tx.Set("products", "x", store.Fields{"price": "12"}) }},
		{"EmptyID", func(tx *store.Tx) error { return tx.Set("products", "", store.Fields{"sku": "a"}) }},
		{"NoFields", func(tx *store.Tx) error { return tx.Set("products", "x", store.Fields{}) }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if err := db.Write(context.Background(), c.fn); err == nil {
				t.Fatal("want error")
			}
		})
	}
	if n := count(t, db, `SELECT count(*) FROM oplog`); n != 0 {
		t.Fatalf("oplog has %d rows after refused writes", n)
	}
}

func TestClockMonotonicWhenWallClockGoesBack(t *testing.T) {
	wall := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	now := func() time.Time { return wall }
	c := store.NewClock("dev1", store.Stamp{}, now)
	prev := c.Now().String()
	steps := []time.Duration{time.Second, -time.Hour, 0, 0, -24 * time.Hour, time.Millisecond, 2 * time.Hour}
	for i, d := range steps {
		wall = wall.Add(d)
		for j := 0; j < 3; j++ {
			s := c.Now().String()
			if s <= prev {
				t.Fatalf("step %d: stamp %s not after %s", i, s, prev)
			}
			prev = s
		}
	}
}

func TestClockCounterOverflowStaysOrdered(t *testing.T) {
	wall := time.UnixMilli(1_700_000_000_000)
	c := store.NewClock("d", store.Stamp{}, func() time.Time { return wall })
	prev := c.Now().String()
	for k := 0; k < 250_000; k++ {
		s := c.Now()
		if str := s.String(); str <= prev {
			t.Fatalf("stamp %s not after %s", str, prev)
		} else {
			prev = str
		}
	}
}

func TestClockSurvivesRestartWithClockBehind(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "d.db")
	future := time.Now().Add(48 * time.Hour)
	db, err := store.Open(path, store.Options{Now: func() time.Time { return future }})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Write(ctx, func(tx *store.Tx) error { return tx.Set("zones", "z", store.Fields{"name": "A"}) }); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db, err = store.Open(path) // the real clock is two days behind the last stamp
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Write(ctx, func(tx *store.Tx) error { return tx.Set("zones", "z", store.Fields{"name": "B"}) }); err != nil {
		t.Fatal(err)
	}
	var name string
	db.R().QueryRow(`SELECT name FROM zones WHERE id='z'`).Scan(&name)
	if name != "B" {
		t.Fatalf("later edit lost after restart with clock behind: name = %q", name)
	}
}

func TestPerFieldLastWriterWins(t *testing.T) {
	ctx := context.Background()
	a, b := mustOpen(t), mustOpen(t)
	write := func(db *store.DB, f store.Fields) {
		if err := db.Write(ctx, func(tx *store.Tx) error { return tx.Set("products", "p", f) }); err != nil {
			t.Fatal(err)
		}
	}
	write(a, store.Fields{"sku": "S1", "name_zh": "旧名", "price": 100})
	exchange(t, a, b)
	write(a, store.Fields{"name_zh": "新名"})
	time.Sleep(2 * time.Millisecond)
	write(b, store.Fields{"price": 250})
	exchange(t, a, b)
	exchange(t, b, a)
	for _, db := range []*store.DB{a, b} {
		var name string
		var price int
		db.R().QueryRow(`SELECT name_zh, price FROM products WHERE id='p'`).Scan(&name, &price)
		if name != "新名" || price != 250 {
			t.Fatalf("device %s: got %q %d, want both edits kept", db.Device(), name, price)
		}
	}
	if dump(t, a) != dump(t, b) {
		t.Fatal("dumps differ after exchange")
	}
}

// exchange copies every operation of from into to.
func exchange(t testing.TB, from, to *store.DB) {
	t.Helper()
	var ops []store.Op
	if _, err := from.ScanOps(context.Background(), "", "", func(op store.Op) error { ops = append(ops, op); return nil }); err != nil {
		t.Fatal(err)
	}
	if _, err := to.ApplyOps(context.Background(), ops); err != nil {
		t.Fatal(err)
	}
}

func TestApplyOpsIsIdempotent(t *testing.T) {
	ctx := context.Background()
	a, b := mustOpen(t), mustOpen(t)
	a.Write(ctx, func(tx *store.Tx) error {
		tx.Set("products", "p", store.Fields{"sku": "S"})
		return tx.Add("stock_moves", "m", store.Fields{"product_id": "p", "location_id": "l", "qty": 3})
	})
	var ops []store.Op
	a.ScanOps(ctx, "", "", func(op store.Op) error { ops = append(ops, op); return nil })
	n1, err := b.ApplyOps(ctx, ops)
	if err != nil || n1 != 2 {
		t.Fatalf("first apply: %d, %v", n1, err)
	}
	n2, err := b.ApplyOps(ctx, ops)
	if err != nil || n2 != 0 {
		t.Fatalf("second apply: %d, %v", n2, err)
	}
	if on := count(t, b, `SELECT on_hand FROM product_stock WHERE product_id='p'`); on != 3 {
		t.Fatalf("on hand %d after duplicate apply, want 3", on)
	}
}

// TestReplayOplogYieldsSameTables makes random changes on one device, replays its oplog into
// an empty database in a shuffled order, and compares canonical dumps.
func TestReplayOplogYieldsSameTables(t *testing.T) {
	ctx := context.Background()
	src := mustOpen(t)
	rng := rand.New(rand.NewSource(42))
	products := []string{"p1", "p2", "p3", "p4"}
	for round := 0; round < 60; round++ {
		err := src.Write(ctx, func(tx *store.Tx) error {
			for k := 0; k < 1+rng.Intn(4); k++ {
				p := products[rng.Intn(len(products))]
				var err error
				switch rng.Intn(4) {
				case 0:
					err = tx.Set("products", p, store.Fields{"name_zh": fmt.Sprintf("商品%d", rng.Intn(100))})
				case 1:
					err = tx.Set("products", p, store.Fields{"price": rng.Intn(10000), "price_currency": "CNY"})
				case 2:
					err = tx.Add("stock_moves", fmt.Sprintf("m%d-%d", round, k),
						store.Fields{"product_id": p, "location_id": "l1", "kind": "receive", "qty": rng.Intn(9) + 1})
				case 3:
					err = tx.Set("products", p, store.Fields{"deleted": rng.Intn(2) == 0})
				}
				if err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	var ops []store.Op
	src.ScanOps(ctx, "", "", func(op store.Op) error { ops = append(ops, op); return nil })
	rng.Shuffle(len(ops), func(i, j int) { ops[i], ops[j] = ops[j], ops[i] })
	dst := mustOpen(t)
	if _, err := dst.ApplyOps(ctx, ops); err != nil {
		t.Fatal(err)
	}
	want, got := dump(t, src), dump(t, dst)
	if want != got {
		t.Fatalf("replayed dump differs:\n--- source\n%s\n--- replay\n%s", want, got)
	}
	if count(t, src, `SELECT count(*) FROM products`) == 0 || count(t, src, `SELECT count(*) FROM stock_moves`) == 0 {
		t.Fatal("test made no changes")
	}
}

func TestRebuildDerivedMatchesTriggers(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	rng := rand.New(rand.NewSource(7))
	db.Write(ctx, func(tx *store.Tx) error {
		for k := 0; k < 500; k++ {
			tx.Add("stock_moves", fmt.Sprintf("m%d", k), store.Fields{
				"product_id": fmt.Sprintf("p%d", rng.Intn(20)), "location_id": fmt.Sprintf("l%d", rng.Intn(3)),
				"batch_id": fmt.Sprintf("b%d", rng.Intn(2)), "qty": rng.Intn(21) - 10, "reserved": rng.Intn(5) - 2})
		}
		return nil
	})
	before := dump(t, db)
	if err := db.RebuildDerived(ctx); err != nil {
		t.Fatal(err)
	}
	if after := dump(t, db); after != before {
		t.Fatal("derived tables from triggers differ from a rebuild from the ledger")
	}
}

func TestRegistryMatchesSchema(t *testing.T) {
	db := mustOpen(t)
	for _, tb := range store.Tables() {
		rows, err := db.R().Query(`SELECT name, type FROM pragma_table_info(?)`, tb.Name)
		if err != nil {
			t.Fatal(err)
		}
		cols := map[string]string{}
		for rows.Next() {
			var n, ty string
			rows.Scan(&n, &ty)
			cols[n] = ty
		}
		rows.Close()
		if len(cols) == 0 {
			t.Fatalf("registered table %s is not in the schema", tb.Name)
		}
		want := map[store.FieldType]string{store.Text: "TEXT", store.Int: "INTEGER"}
		for _, f := range tb.Fields {
			if cols[f.Name] != want[f.Type] {
				t.Errorf("%s.%s: schema type %q, registry %q", tb.Name, f.Name, cols[f.Name], want[f.Type])
			}
			delete(cols, f.Name)
		}
		delete(cols, "id")
		delete(cols, "_v")
		delete(cols, "_hlc")
		if len(cols) > 0 {
			t.Errorf("%s has columns missing from the registry: %v", tb.Name, cols)
		}
	}
}

func TestDeviceIDCreatedOnceAndKept(t *testing.T) {
	path := filepath.Join(t.TempDir(), "d.db")
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	id := db.Device()
	db.Close()
	db, _ = store.Open(path)
	defer db.Close()
	if id == "" || db.Device() != id {
		t.Fatalf("device id %q then %q", id, db.Device())
	}
}

func TestOplogDataIsJSON(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	tricky := "引号\"反斜杠\\换行\n制表\t控制\x01 <&> é"
	if err := db.Write(ctx, func(tx *store.Tx) error {
		return tx.Set("products", "p", store.Fields{"notes": tricky, "price": -12, "shelf_life": true})
	}); err != nil {
		t.Fatal(err)
	}
	var got []store.Op
	db.ScanOps(ctx, "", "", func(op store.Op) error { got = append(got, op); return nil })
	if len(got) != 1 || got[0].Data["notes"] != tricky || fmt.Sprint(got[0].Data["price"]) != "-12" ||
		fmt.Sprint(got[0].Data["shelf_life"]) != "1" {
		t.Fatalf("oplog round trip: %#v", got)
	}
}

// TestStampsOfWholeRowAndPartialSetsMerge: a row written whole ("stamp:*") and then partly
// by an older and a newer operation keeps exactly the newer fields, on either apply order.
func TestStampsOfWholeRowAndPartialSetsMerge(t *testing.T) {
	ctx := context.Background()
	a, b := mustOpen(t), mustOpen(t)
	all := store.Fields{}
	for _, f := range store.LookupTable("zones").Fields {
		if f.Type == store.Text {
			all[f.Name] = "v0"
		} else {
			all[f.Name] = 0
		}
	}
	write := func(db *store.DB, f store.Fields) {
		if err := db.Write(ctx, func(tx *store.Tx) error { return tx.Set("zones", "z", f) }); err != nil {
			t.Fatal(err)
		}
	}
	write(a, all)
	exchange(t, a, b)
	write(b, store.Fields{"note": "old"}) // b's edit first …
	time.Sleep(2 * time.Millisecond)
	write(a, store.Fields{"note": "new", "kind": "k"}) // … a's later
	exchange(t, b, a)
	exchange(t, a, b)
	for _, db := range []*store.DB{a, b} {
		var name, kind, note string
		db.R().QueryRow(`SELECT name, kind, note FROM zones WHERE id='z'`).Scan(&name, &kind, &note)
		if name != "v0" || kind != "k" || note != "new" {
			t.Fatalf("got %q %q %q", name, kind, note)
		}
	}
	if dump(t, a) != dump(t, b) {
		t.Fatal("dumps differ")
	}
}

// TestBulkWritesEqualRowWrites writes the same rows with SetMany/AddMany on one database and
// with Set/Add on another (with existing rows, a deleted one, repeats in a batch, and enough
// new rows for the index drop-and-rebuild path), and checks that the tables, the derived
// stock and a replay of each oplog agree.
func TestBulkWritesEqualRowWrites(t *testing.T) {
	ctx := context.Background()
	bulk, rows := mustOpen(t), mustOpen(t)
	var products, moves []store.Row
	for n := 0; n < 6000; n++ {
		products = append(products, store.Row{ID: fmt.Sprintf("p%05d", n), Fields: store.Fields{
			"sku": fmt.Sprintf("SKU-%05d", n), "name_zh": fmt.Sprintf("商品 %d", n), "price": n, "deleted": false}})
		if n%7 == 0 { // rows setting other fields, in among the others
			products[n].Fields["notes"] = fmt.Sprintf("备注 %d", n)
		}
		moves = append(moves, store.Row{ID: fmt.Sprintf("m%05d", n), Fields: store.Fields{
			"product_id": fmt.Sprintf("p%05d", n%50), "location_id": "l1", "kind": "receive", "qty": n%7 + 1}})
	}
	// a repeat in the batch, and a partial set of an earlier row: both take the per-row path
	products = append(products, store.Row{ID: "p00003", Fields: store.Fields{"name_zh": "改名"}})
	moves = append(moves, moves[10])
	for _, db := range []*store.DB{bulk, rows} {
		err := db.Write(ctx, func(tx *store.Tx) error { // rows that exist before the bulk write
			if err := tx.Set("products", "p00001", store.Fields{"sku": "OLD", "notes": "kept"}); err != nil {
				return err
			}
			return tx.Add("stock_moves", "m00002", store.Fields{"product_id": "p00002", "location_id": "l1", "kind": "receive", "qty": 2})
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	clone := func(rs []store.Row) []store.Row { // writes normalize the caller's maps
		out := make([]store.Row, len(rs))
		for i, r := range rs {
			f := store.Fields{}
			for k, v := range r.Fields {
				f[k] = v
			}
			out[i] = store.Row{ID: r.ID, Fields: f}
		}
		return out
	}
	err := bulk.Write(ctx, func(tx *store.Tx) error {
		if err := tx.SetMany("products", clone(products)); err != nil {
			return err
		}
		return tx.AddMany("stock_moves", clone(moves))
	})
	if err != nil {
		t.Fatal(err)
	}
	err = rows.Write(ctx, func(tx *store.Tx) error {
		for _, r := range clone(products) {
			if err := tx.Set("products", r.ID, r.Fields); err != nil {
				return err
			}
		}
		for _, r := range clone(moves) {
			if err := tx.Add("stock_moves", r.ID, r.Fields); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	const tables = `SELECT group_concat(x, '|') FROM (SELECT id || sku || name_zh || notes || price || deleted AS x FROM products ORDER BY id)`
	for _, q := range []string{tables,
		`SELECT group_concat(x, '|') FROM (SELECT id || product_id || qty AS x FROM stock_moves ORDER BY id)`,
		`SELECT group_concat(x, '|') FROM (SELECT product_id || on_hand AS x FROM product_stock ORDER BY product_id)`,
		`SELECT count(*) FROM oplog`,
		`SELECT group_concat(x, '|') FROM (SELECT kind || tbl || count(*) AS x FROM oplog GROUP BY kind, tbl ORDER BY 1)`} {
		var a, b string
		if err := bulk.R().QueryRow(q).Scan(&a); err != nil {
			t.Fatal(err)
		}
		if err := rows.R().QueryRow(q).Scan(&b); err != nil {
			t.Fatal(err)
		}
		if a != b {
			t.Fatalf("bulk and row writes differ for %s", q)
		}
	}
	for _, db := range []*store.DB{bulk, rows} { // long runs of the oplog have their device written into the statement
		if n := count(t, db, `SELECT count(*) FROM oplog WHERE hlc NOT LIKE '%.' || device`); n != 0 {
			t.Fatalf("%d oplog rows name another device than their stamp", n)
		}
	}
	if n := count(t, bulk, `SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'products'`); n <
		count(t, rows, `SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'products'`) {
		t.Fatal("the bulk write lost an index")
	}
	for _, db := range []*store.DB{bulk, rows} { // each oplog replays to its tables
		var ops []store.Op
		db.ScanOps(ctx, "", "", func(op store.Op) error { ops = append(ops, op); return nil })
		replay := mustOpen(t)
		if _, err := replay.ApplyOps(ctx, ops); err != nil {
			t.Fatal(err)
		}
		if dump(t, db) != dump(t, replay) {
			t.Fatal("replaying a bulk write's oplog gives other tables")
		}
	}
}

// A form saving every field with SetChanged keeps another laptop's concurrent edit of a
// field it did not change.
func TestSetChangedWritesOnlyChangedFields(t *testing.T) {
	ctx := context.Background()
	a, b := mustOpen(t), mustOpen(t)
	form := store.Fields{"sku": "A-1", "name_zh": "面膜", "price": int64(100), "shelf_life": true}
	write := func(db *store.DB, f store.Fields) {
		t.Helper()
		if err := db.Write(ctx, func(tx *store.Tx) error { return tx.SetChanged("products", "p1", f) }); err != nil {
			t.Fatal(err)
		}
	}
	write(a, form)
	exchange(t, a, b)
	var before int
	a.R().QueryRow(`SELECT count(*) FROM oplog`).Scan(&before)
	write(a, store.Fields{"sku": "A-1", "name_zh": "面膜", "price": int64(100), "shelf_life": true})
	var after int
	a.R().QueryRow(`SELECT count(*) FROM oplog`).Scan(&after)
	if after != before {
		t.Fatal("saving an unchanged form writes nothing")
	}
	write(a, store.Fields{"sku": "A-1", "name_zh": "面膜", "price": int64(120), "shelf_life": true})   // a: price
	write(b, store.Fields{"sku": "A-1", "name_zh": "补水面膜", "price": int64(100), "shelf_life": true}) // b, later: name
	exchange(t, a, b)
	exchange(t, b, a)
	for _, db := range []*store.DB{a, b} {
		var name string
		var price int64
		db.R().QueryRow(`SELECT name_zh, price FROM products WHERE id = 'p1'`).Scan(&name, &price)
		if name != "补水面膜" || price != 120 {
			t.Fatalf("both edits survive: %q %d", name, price)
		}
	}
}

// TestBulkWriteWithABadRowWritesNothing: a wrong value deep in a bulk write (in a later part
// of the pipeline) fails the write with an error naming the field, and nothing of it stays.
func TestBulkWriteWithABadRowWritesNothing(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	var rows []store.Row
	for n := 0; n < 9000; n++ {
		rows = append(rows, store.Row{ID: fmt.Sprintf("p%05d", n), Fields: store.Fields{"sku": fmt.Sprintf("S%05d", n), "price": n}})
	}
	rows[8123].Fields["price"] = "12.5"
	err := db.Write(ctx, func(tx *store.Tx) error { return tx.SetMany("products", rows) })
	if err == nil || !strings.Contains(err.Error(), "products.price") {
		t.Fatalf("want an error naming products.price, got %v", err)
	}
	if n := count(t, db, `SELECT count(*) FROM products`) + count(t, db, `SELECT count(*) FROM oplog`); n != 0 {
		t.Fatalf("%d rows written by a failed bulk write", n)
	}
	err = db.Write(ctx, func(tx *store.Tx) error { return tx.SetMany("no_such_table", rows[:1]) })
	if err == nil || !strings.Contains(err.Error(), "no_such_table") {
		t.Fatalf("unknown table: %v", err)
	}
}

// TestLeanOplogEntriesScanAsTheirRows: rows a bulk write inserts new are logged without their
// fields (lean), and ScanOps reads them from the rows: whole while nothing changed them, the
// fields still carrying their stamp after newer local and remote changes, and not at all when
// nothing is left of them; the oplog still replays to the same tables, and the last stamp
// ScanOps returns counts the entries it skipped.
func TestLeanOplogEntriesScanAsTheirRows(t *testing.T) {
	ctx := context.Background()
	a, b := mustOpen(t), mustOpen(t)
	var products, moves []store.Row
	for n := 0; n < 6000; n++ {
		products = append(products, store.Row{ID: fmt.Sprintf("p%05d", n), Fields: store.Fields{
			"sku": fmt.Sprintf("SKU-%05d", n), "name_zh": fmt.Sprintf("商品 \"%d\"\n", n), "price": -n}})
		moves = append(moves, store.Row{ID: fmt.Sprintf("m%05d", n), Fields: store.Fields{
			"product_id": fmt.Sprintf("p%05d", n%50), "location_id": "l1", "kind": "receive", "qty": n%7 + 1}})
	}
	for _, db := range []*store.DB{b, a} { // b's copy of m00005 is older than a's
		if err := db.Write(ctx, func(tx *store.Tx) error {
			if err := tx.SetMany("products", products); err != nil {
				return err
			}
			return tx.AddMany("stock_moves", moves)
		}); err != nil {
			t.Fatal(err)
		}
	}
	if n := count(t, a, `SELECT count(*) FROM oplog WHERE data = ''`); n != 12000 {
		t.Fatalf("%d lean oplog entries, want 12000", n)
	}
	scan := func(db *store.DB, device string) map[string]store.Op {
		out := map[string]store.Op{}
		if _, err := db.ScanOps(ctx, device, "", func(op store.Op) error { // the first entry of each row
			if _, ok := out[op.ID]; !ok {
				out[op.ID] = op
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		return out
	}
	// untouched: the fields the bulk write set, from the row
	if op := scan(a, a.Device())["p00007"]; len(op.Data) != 3 || op.Data["sku"] != "SKU-00007" ||
		op.Data["name_zh"] != "商品 \"7\"\n" || op.Data["price"] != int64(-7) {
		t.Fatalf("untouched lean entry: %#v", op.Data)
	}
	// a ledger row never changes: all its fields, those the write left out at their defaults
	if op := scan(a, a.Device())["m00009"]; len(op.Data) != len(store.LookupTable("stock_moves").Fields) ||
		op.Data["product_id"] != "p00009" || op.Data["qty"] != int64(3) || op.Data["note"] != "" {
		t.Fatalf("untouched lean ledger entry: %#v", op.Data)
	}
	all := store.Fields{}
	for _, f := range store.LookupTable("products").Fields {
		if f.Type == store.Text {
			all[f.Name] = "新"
		} else {
			all[f.Name] = 1
		}
	}
	time.Sleep(2 * time.Millisecond)
	if err := a.Write(ctx, func(tx *store.Tx) error {
		if err := tx.Set("products", "p00001", store.Fields{"name_zh": "改名"}); err != nil {
			return err
		}
		return tx.Set("products", "p00002", all)
	}); err != nil {
		t.Fatal(err)
	}
	if err := b.Write(ctx, func(tx *store.Tx) error { return tx.Set("products", "p00003", store.Fields{"price": 99}) }); err != nil {
		t.Fatal(err)
	}
	exchange(t, b, a) // b's newer price of p00003, and b's older copy of every stock move
	mine := scan(a, a.Device())
	p1, p3 := mine["p00001"], mine["p00003"]
	if _, ok := p1.Data["name_zh"]; ok || p1.Data["sku"] != "SKU-00001" {
		t.Fatalf("p00001's bulk entry after a newer rename: %#v", p1.Data)
	}
	if _, ok := p3.Data["price"]; ok || p3.Data["sku"] != "SKU-00003" {
		t.Fatalf("p00003's bulk entry after a newer remote price: %#v", p3.Data)
	}
	if op := mine["p00002"]; op.HLC == "" || op.Data["sku"] != "新" {
		t.Fatalf("p00002: want only the entry that set every field, got %#v", op)
	}
	if op, ok := mine["m00005"]; ok {
		t.Fatalf("a's stock move replaced by b's older copy is still scanned: %#v", op)
	}
	var last string
	if err := a.R().QueryRow(`SELECT max(hlc) FROM oplog WHERE device = ?`, a.Device()).Scan(&last); err != nil {
		t.Fatal(err)
	}
	if got, err := a.ScanOps(ctx, a.Device(), "", func(store.Op) error { return nil }); err != nil || got != last {
		t.Fatalf("ScanOps read up to %q, want %q (%v)", got, last, err)
	}
	// the stock moves are all b's now, so only the products' entries are read from a's rows
	var firstMove string
	a.R().QueryRow(`SELECT min(hlc) FROM oplog WHERE device = ? AND tbl = 'stock_moves'`, a.Device()).Scan(&firstMove)
	var lastProduct string
	a.R().QueryRow(`SELECT max(hlc) FROM oplog WHERE device = ? AND tbl = 'products' AND hlc < ?`, a.Device(), firstMove).Scan(&lastProduct)
	var n int
	got, err := a.ScanOps(ctx, a.Device(), lastProduct, func(op store.Op) error {
		if op.Table == "stock_moves" {
			n++
		}
		return nil
	})
	if err != nil || n != 0 || got != last {
		t.Fatalf("after the products: %d stock moves scanned, read up to %q (want %q), %v", n, got, last, err)
	}
	replay := mustOpen(t)
	var ops []store.Op
	if _, err := a.ScanOps(ctx, "", "", func(op store.Op) error { ops = append(ops, op); return nil }); err != nil {
		t.Fatal(err)
	}
	rand.New(rand.NewSource(3)).Shuffle(len(ops), func(i, j int) { ops[i], ops[j] = ops[j], ops[i] })
	if _, err := replay.ApplyOps(ctx, ops); err != nil {
		t.Fatal(err)
	}
	if dump(t, a) != dump(t, replay) {
		t.Fatal("replaying an oplog with lean entries gives other tables")
	}
	exchange(t, a, b)
	if dump(t, a) != dump(t, b) {
		t.Fatal("a and b differ after exchanging both ways")
	}
}

// SetManyInOrder inserts the rows new to a table that keeps its indexes in the caller's
// order (their stamps follow it), SetMany in id order; both write the same rows.
func TestSetManyInOrderKeepsTheCallersOrder(t *testing.T) {
	ctx := context.Background()
	for _, inOrder := range []bool{false, true} {
		db := mustOpen(t)
		var old, rows []store.Row
		for n := 0; n < 3000; n++ {
			old = append(old, store.Row{ID: fmt.Sprintf("a%05d", n), Fields: store.Fields{"sku": "OLD"}})
		}
		for n := 999; n >= 0; n-- { // ids from high to low
			rows = append(rows, store.Row{ID: fmt.Sprintf("b%05d", n), Fields: store.Fields{"sku": fmt.Sprintf("S%d", n)}})
		}
		err := db.Write(ctx, func(tx *store.Tx) error {
			if err := tx.SetMany("products", old); err != nil {
				return err
			}
			if inOrder {
				return tx.SetManyInOrder("products", rows)
			}
			return tx.SetMany("products", rows)
		})
		if err != nil {
			t.Fatal(err)
		}
		var first string
		if err := db.R().QueryRow(`SELECT row_id FROM oplog WHERE row_id LIKE 'b%' ORDER BY hlc LIMIT 1`).Scan(&first); err != nil {
			t.Fatal(err)
		}
		if want := map[bool]string{false: "b00000", true: "b00999"}[inOrder]; first != want {
			t.Fatalf("in order %v: the first stamped row is %s, want %s", inOrder, first, want)
		}
		if n := count(t, db, `SELECT count(*) FROM products WHERE sku = 'S' || (substr(id, 2) + 0)`); n != 1000 {
			t.Fatalf("in order %v: %d rows written right", inOrder, n)
		}
	}
}
