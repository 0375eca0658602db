package demo_test

import (
	"bytes"
	"context"
	"testing"
	"time"

	"daigoudesk/backend/demo"
	"daigoudesk/backend/domain"
	"daigoudesk/backend/services"
)

func TestLoad(t *testing.T) {
	ctx := context.Background()
	svc, err := services.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	start := time.Now()
	res, err := demo.Load(ctx, svc, demo.Options{Customers: 300, OrdersPerDay: 3})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%+v in %s", res, time.Since(start))
	if res.Products != 300 || res.Zones != 5 || res.Moves < 5000 || res.LowStock == 0 || res.Expiring == 0 ||
		res.Customers != 300 || res.Orders < 500 || res.Cancelled == 0 || res.Returns == 0 ||
		res.Suppliers < 10 || res.Trips < 20 || res.Preorders == 0 {
		t.Fatalf("thin demo: %+v", res)
	}
	var moves, badBarcodes int
	svc.DB.R().QueryRow(`SELECT count(*) FROM stock_moves`).Scan(&moves)
	if moves != res.Moves {
		t.Fatalf("counted %d moves, ledger has %d", res.Moves, moves)
	}
	rows, _ := svc.DB.R().Query(`SELECT barcode FROM products WHERE barcode <> ''`)
	for rows.Next() {
		var b string
		rows.Scan(&b)
		if domain.ValidateBarcode(b) != nil {
			badBarcodes++
		}
	}
	rows.Close()
	if badBarcodes > 0 {
		t.Fatalf("%d invalid barcodes", badBarcodes)
	}
	// The history spans 18 months and no stock is negative anywhere.
	var first, last string
	var negative int
	svc.DB.R().QueryRow(`SELECT min(at), max(at) FROM stock_moves`).Scan(&first, &last)
	// reservations are kept per location (on the unbatched row), so compare per location
	svc.DB.R().QueryRow(`SELECT count(*) FROM (SELECT product_id, location_id, sum(on_hand) AS h, sum(reserved) AS r
		FROM stock_levels GROUP BY 1, 2) WHERE h < 0 OR r < 0 OR h < r`).Scan(&negative)
	f, _ := time.Parse(time.RFC3339, first)
	if time.Since(f) < 500*24*time.Hour || negative > 0 {
		t.Fatalf("history from %s to %s, %d negative levels", first, last, negative)
	}
	// Past trips are closed with their costs and tax refunds in every state; the open trip's
	// list has the customers' pre-orders and the reorder suggestions.
	trips, err := svc.Purchasing.FindTrips(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if trips[0].Closed || !trips[1].Closed || trips[1].Bought == 0 {
		t.Fatalf("trips: %+v", trips[:2])
	}
	list, err := svc.Purchasing.ShoppingList(ctx, trips[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	var forOrders, forStock int64
	for _, g := range list.Groups {
		for _, it := range g.Items {
			forOrders += it.ForOrders
			forStock += it.ForStock
		}
	}
	if forOrders == 0 || forStock == 0 {
		t.Fatalf("the open trip's list has %d for orders, %d for stock", forOrders, forStock)
	}
	refunds := map[string]int{}
	rows, _ = svc.DB.R().Query(`SELECT status FROM purchase_costs WHERE kind = 'tax_refund'`)
	for rows.Next() {
		var s string
		rows.Scan(&s)
		refunds[s]++
	}
	rows.Close()
	if refunds["received"] == 0 || refunds["claimed"] == 0 || refunds["eligible"] == 0 {
		t.Fatalf("tax refunds by status: %v", refunds)
	}
	// The cached balances equal the ledger.
	var before, after bytes.Buffer
	svc.DB.Dump(&before)
	if err := svc.DB.RebuildDerived(ctx); err != nil {
		t.Fatal(err)
	}
	svc.DB.Dump(&after)
	if before.String() != after.String() {
		t.Fatal("derived stock differs from the ledger")
	}
}

func TestProductsUniqueAndValid(t *testing.T) {
	rows := demo.Products(20000, 1)
	skus, codes := map[string]bool{}, map[string]bool{}
	for _, r := range rows {
		if skus[r.SKU] || (r.Barcode != "" && codes[r.Barcode]) {
			t.Fatalf("duplicate %s / %s", r.SKU, r.Barcode)
		}
		skus[r.SKU], codes[r.Barcode] = true, true
		if p := r.Validate(); len(p.List) > 0 {
			t.Fatalf("%s: %v", r.SKU, p.Err())
		}
	}
}
