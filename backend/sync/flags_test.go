package sync

import (
	"context"
	"testing"
	"time"

	"daigoudesk/backend/store"
)

// TestOversoldAndCancelVsShipAreFlaggedEverywhere: the last unit reserved on two laptops
// offline flags the later reservation (by stamp) on both, and an order cancelled on one
// laptop while shipped on the other is flagged on both; a resolution made on either clears
// the flag on both.
func TestOversoldAndCancelVsShipAreFlaggedEverywhere(t *testing.T) {
	ctx := context.Background()
	folder := t.TempDir()
	var svcs [2]*Service
	for i := range svcs {
		db := newDB(t)
		svcs[i] = New(db, nil)
		if err := svcs[i].SetFolder(folder, ""); err != nil {
			t.Fatal(err)
		}
	}
	a, b := svcs[0], svcs[1]
	add := func(s *Service, table, id string, f store.Fields) {
		t.Helper()
		if err := s.db.Write(ctx, func(tx *store.Tx) error { return tx.Add(table, id, f) }); err != nil {
			t.Fatal(err)
		}
	}
	syncAll := func() {
		t.Helper()
		for round := 0; round < 2; round++ {
			for _, s := range svcs {
				if _, _, err := s.Once(ctx); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	add(a, "stock_moves", "in", store.Fields{"product_id": "p", "location_id": "L", "kind": "receive", "qty": 1})
	syncAll()
	// offline: each laptop reserves the one unit for its own order, and one order is
	// cancelled on a while b ships it
	add(a, "stock_moves", "ra", store.Fields{"product_id": "p", "location_id": "L", "kind": "reserve", "reserved": 1, "ref": "lineA"})
	add(b, "stock_moves", "rb", store.Fields{"product_id": "p", "location_id": "L", "kind": "reserve", "reserved": 1, "ref": "lineB"})
	add(a, "order_events", "e1", store.Fields{"order_id": "o1", "kind": "cancelled"})
	add(b, "order_events", "e2", store.Fields{"order_id": "o1", "kind": "shipped"})
	syncAll()
	var later string
	b.db.R().QueryRow(`SELECT id FROM stock_moves WHERE id IN ('ra', 'rb') ORDER BY _hlc DESC LIMIT 1`).Scan(&later)
	for i, s := range svcs {
		flags, err := s.Flags(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(flags) != 2 || flags[0].Kind != "oversold" || flags[0].Subject != later || flags[0].Short != 1 ||
			flags[1].Kind != "cancel_vs_ship" || flags[1].Subject != "o1" {
			t.Fatalf("laptop %d flags %+v, want the later reservation %s and order o1", i, flags, later)
		}
	}
	if err := b.Resolve(ctx, later, "nonsense", ""); err == nil {
		t.Fatal("an unknown resolution should be refused")
	}
	if err := b.Resolve(ctx, later, "backorder", "客户同意等下一批"); err != nil {
		t.Fatal(err)
	}
	if err := a.Resolve(ctx, "o1", "keep_cancelled", ""); err != nil {
		t.Fatal(err)
	}
	syncAll()
	for i, s := range svcs {
		if flags, _ := s.Flags(ctx); len(flags) != 0 {
			t.Fatalf("laptop %d still has flags after resolving: %+v", i, flags)
		}
	}
}

// TestClockFarAheadIsWarned: operations from a laptop whose clock runs two hours ahead still
// apply, and the sync status names that laptop.
func TestClockFarAheadIsWarned(t *testing.T) {
	ctx := context.Background()
	folder := t.TempDir()
	ahead, err := openCopy(t, store.Options{Now: func() time.Time { return time.Now().Add(2 * time.Hour) }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ahead.Close() })
	a, b := New(ahead, nil), New(newDB(t), nil)
	for _, s := range []*Service{a, b} {
		if err := s.SetFolder(folder, ""); err != nil {
			t.Fatal(err)
		}
	}
	if err := ahead.Write(ctx, func(tx *store.Tx) error { return tx.Set("customers", "c", store.Fields{"name": "赵六"}) }); err != nil {
		t.Fatal(err)
	}
	a.Once(ctx)
	if _, res, err := b.Once(ctx); err != nil || res.Ops != 1 {
		t.Fatalf("b's pass: %+v %v", res, err)
	}
	st, err := b.Status(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Clocks) != 1 || st.Clocks[0].Device != ahead.Device() || st.Clocks[0].AheadSeconds < 7000 {
		t.Fatalf("clock warnings %+v", st.Clocks)
	}
}
