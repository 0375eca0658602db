package stock_test

import (
	"context"
	"testing"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/stock"
	"daigoudesk/backend/store"
)

// batchQty returns on-hand per batch code ("" = unbatched) of product at location.
func (e *env) batchQty(t *testing.T, product, location string) map[string]int {
	t.Helper()
	rows, err := e.db.R().Query(`SELECT coalesce(b.code, ''), sl.on_hand FROM stock_levels sl
		LEFT JOIN batches b ON b.id = sl.batch_id WHERE sl.product_id = ? AND sl.location_id = ?`, product, location)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var code string
		var n int
		rows.Scan(&code, &n)
		if n != 0 {
			out[code] = n
		}
	}
	return out
}

func equalMap(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// TestOutgoingWithoutBatchIsFirstExpiryFirstOut: goods leaving without a named batch come
// from the batch that expires first, then later ones, then unbatched stock.
func TestOutgoingWithoutBatchIsFirstExpiryFirstOut(t *testing.T) {
	ctx := context.Background()
	e := mustOpen(t)
	p := e.product(t, "SK2-FTE", "神仙水", 0, 0)
	e.receiveLots(t, p)

	t.Run("ShipAgainstReservation", func(t *testing.T) {
		if _, err := e.st.Reserve(ctx, stock.QtyInput{ProductID: p, LocationID: e.locA, Qty: 6, Ref: "o1"}); err != nil {
			t.Fatal(err)
		}
		if _, err := e.st.Ship(ctx, stock.QtyInput{ProductID: p, LocationID: e.locA, Qty: 6, Ref: "o1"}); err != nil {
			t.Fatal(err)
		}
		if got, want := e.batchQty(t, p, e.locA), map[string]int{"LATE": 3, "": 3}; !equalMap(got, want) {
			t.Fatalf("after shipping 6: %v, want %v", got, want)
		}
		e.wantLevel(t, p, stock.Level{OnHand: 6, Reserved: 0, Available: 6})
	})

	t.Run("TransferKeepsBatches", func(t *testing.T) {
		if err := e.st.Transfer(ctx, stock.TransferInput{ProductID: p, From: e.locA, To: e.locB, Qty: 4}); err != nil {
			t.Fatal(err)
		}
		if got, want := e.batchQty(t, p, e.locA), map[string]int{"": 2}; !equalMap(got, want) {
			t.Fatalf("source after transfer: %v, want %v", got, want)
		}
		if got, want := e.batchQty(t, p, e.locB), map[string]int{"LATE": 3, "": 1}; !equalMap(got, want) {
			t.Fatalf("destination after transfer: %v, want %v", got, want)
		}
	})

	t.Run("ErrNotEnoughWritesNothing", func(t *testing.T) {
		before := e.oplog(t)
		_, err := e.st.Adjust(ctx, stock.AdjustInput{ProductID: p, LocationID: e.locB, Delta: -5, Reason: "lost"})
		wantErr(t, err, "conflict", "qty", "stock.notEnough")
		if e.oplog(t) != before {
			t.Fatal("a refused split move wrote part of itself")
		}
	})
}

// TestBulkMovesFollowTheSameRules: AddMovesTx reserves and ships first-expiry-first-out like
// moves made one by one, and refuses the whole batch when one move would leave available
// stock negative.
func TestBulkMovesFollowTheSameRules(t *testing.T) {
	ctx := context.Background()
	e := mustOpen(t)
	p := e.product(t, "SK2-BULK", "神仙水", 0, 0)
	e.receiveLots(t, p)
	moves := []stock.BulkMove{
		{Kind: stock.Reserve, ProductID: p, LocationID: e.locA, Qty: 2, Ref: "l1"},
		{Kind: stock.Ship, ProductID: p, LocationID: e.locA, Qty: 6, Ref: "l2"}, // SOON 4, then LATE 2
		{Kind: stock.Ship, ProductID: p, LocationID: e.locA, Qty: 3, Ref: "l3"}, // LATE 3
	}
	if err := e.db.Write(ctx, func(tx *store.Tx) error { return stock.AddMovesTx(tx, moves) }); err != nil {
		t.Fatal(err)
	}
	if got, want := e.batchQty(t, p, e.locA), map[string]int{"": 3}; !equalMap(got, want) {
		t.Fatalf("after bulk shipping 9: %v, want %v", got, want)
	}
	e.wantLevel(t, p, stock.Level{OnHand: 3, Reserved: 2, Available: 1})

	before := e.moves(t)
	err := e.db.Write(ctx, func(tx *store.Tx) error {
		return stock.AddMovesTx(tx, []stock.BulkMove{
			{Kind: stock.Reserve, ProductID: p, LocationID: e.locA, Qty: 1, Ref: "l4"}, // fine alone
			{Kind: stock.Ship, ProductID: p, LocationID: e.locA, Qty: 1, Ref: "l5"},    // nothing left available
		})
	})
	if e := domain.AsError(err); e == nil || e.Key != "stock.notEnough" {
		t.Fatalf("over-shipping in bulk: %v, want stock.notEnough", err)
	}
	if after := e.moves(t); after != before {
		t.Fatalf("a refused bulk write added %d moves", after-before)
	}
	e.wantLevel(t, p, stock.Level{OnHand: 3, Reserved: 2, Available: 1})
}

func (e *env) moves(t *testing.T) int {
	t.Helper()
	var n int
	if err := e.db.R().QueryRow(`SELECT count(*) FROM stock_moves`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// receiveLots receives product p at location A in three lots: LATE (5, expiring in 400
// days), SOON (4, in 30 days) and 3 without a batch.
func (e *env) receiveLots(t *testing.T, p string) {
	t.Helper()
	for _, r := range []stock.ReceiveInput{
		{BatchCode: "LATE", Expiry: date(400), Qty: 5},
		{BatchCode: "SOON", Expiry: date(30), Qty: 4},
		{Qty: 3},
	} {
		r.ProductID, r.LocationID = p, e.locA
		if _, err := e.st.Receive(context.Background(), r); err != nil {
			t.Fatal(err)
		}
	}
}
