package stock_test

import (
	"context"
	"testing"

	"daigoudesk/backend/stock"
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
	for _, r := range []stock.ReceiveInput{
		{BatchCode: "LATE", Expiry: date(400), Qty: 5},
		{BatchCode: "SOON", Expiry: date(30), Qty: 4},
		{Qty: 3},
	} {
		r.ProductID, r.LocationID = p, e.locA
		if _, err := e.st.Receive(ctx, r); err != nil {
			t.Fatal(err)
		}
	}

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
