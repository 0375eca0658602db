package demo_test

import (
	"bytes"
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"daigoudesk/backend/demo"
	"daigoudesk/backend/domain"
	"daigoudesk/backend/services"
	"daigoudesk/backend/shipping"
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
	checkShipping(t, svc, res)
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

// checkShipping: the team's carriers and rules; a parcel for every shipped order, with its
// tracking history, some late, some lost; parcels packed today waiting for their labels; and
// every order's parcels agree with its status and its shipped and delivered times.
func checkShipping(t *testing.T, svc *services.Services, res demo.Result) {
	t.Helper()
	ctx := context.Background()
	if res.Parcels < 500 || res.Waiting < 5 || res.LateParcels == 0 || res.LostParcels == 0 {
		t.Fatalf("thin shipping: %+v", res)
	}
	// SF Standard's contract price is under the published one; every service has rates
	carriers, err := svc.Shipping.Carriers(ctx)
	if err != nil {
		t.Fatal(err)
	}
	published := map[string]int64{}
	for _, c := range shipping.BuiltInCarriers() {
		for _, v := range c.Services {
			for _, r := range v.Rates {
				published[r.ID] = r.FirstFee
			}
		}
	}
	carrierEn := map[string]string{}
	cheaper := 0
	for _, c := range carriers {
		carrierEn[c.ID] = c.NameEn
		for _, v := range c.Services {
			if len(v.Rates) == 0 {
				t.Fatalf("%s %s has no rates", c.NameEn, v.NameEn)
			}
			for _, r := range v.Rates {
				if v.NameEn == "SF Standard Express" && r.FirstFee < published[r.ID] {
					cheaper++
				}
			}
		}
	}
	rules, err := svc.Shipping.Rules(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(carriers) < 5 || cheaper < 4 || len(rules.Destinations) != 1 || !strings.Contains(rules.Destinations[0].Provinces, "新疆") {
		t.Fatalf("carriers %d, SF rates under the published %d, rules %+v", len(carriers), cheaper, rules)
	}
	// every parcel: a tracking number of its carrier's format, unique; delivered ones tracked all the way
	all, err := svc.Shipping.Parcels(ctx, shipping.ParcelFilter{Limit: 100000})
	if err != nil {
		t.Fatal(err)
	}
	formats := map[string]*regexp.Regexp{"SF Express": regexp.MustCompile(`^SF\d{13}$`),
		"China Post EMS": regexp.MustCompile(`^E[A-Z]\d{9}(CN|JP)$`), "DHL Express": regexp.MustCompile(`^\d{10}$`),
		"FedEx": regexp.MustCompile(`^\d{12}$`), "UPS": regexp.MustCompile(`^1Z[0-9A-Z]{16}$`)}
	status := map[string]int{}
	seen := map[string]bool{}
	late, abroad := 0, 0
	for _, p := range all {
		if f := formats[carrierEn[p.CarrierID]]; f == nil || !f.MatchString(p.TrackingNo) || seen[p.TrackingNo] {
			t.Fatalf("parcel %s of %s: tracking number %q", p.Number, carrierEn[p.CarrierID], p.TrackingNo)
		}
		seen[p.TrackingNo] = true
		status[p.Status]++
		if p.Late && p.DeliveredAt != "" {
			late++
		}
	}
	if len(all) != res.Parcels || status["delivered"] < len(all)/2 || status["lost"] != res.LostParcels || late != res.LateParcels ||
		status["in_transit"] == 0 || status["customs"] == 0 {
		t.Fatalf("%d parcels by status %v, %d delivered late: %+v", len(all), status, late, res)
	}
	var untracked, noCustoms int
	if err := svc.DB.R().QueryRow(`SELECT count(*) FROM parcel_state s WHERE s.status = 'delivered' AND
		(SELECT count(DISTINCT kind) FROM parcel_events e WHERE e.parcel_id = s.parcel_id
		 AND kind IN ('picked_up', 'in_transit', 'out_for_delivery', 'delivered')) < 4`).Scan(&untracked); err != nil {
		t.Fatal(err)
	}
	if err := svc.DB.R().QueryRow(`SELECT count(*), coalesce(sum(NOT EXISTS (SELECT 1 FROM parcel_events e WHERE e.parcel_id = p.id
		AND e.kind = 'customs')), 0) FROM parcels p WHERE p.origin <> 'CN'`).Scan(&abroad, &noCustoms); err != nil {
		t.Fatal(err)
	}
	if untracked > 0 || abroad == 0 || noCustoms > 0 {
		t.Fatalf("%d delivered parcels lack tracking; %d from abroad, %d of them without customs", untracked, abroad, noCustoms)
	}
	problems, err := svc.Shipping.Parcels(ctx, shipping.ParcelFilter{Status: "problem"})
	if err != nil || len(problems) < res.LostParcels {
		t.Fatalf("%d problem parcels, %d lost: %v", len(problems), res.LostParcels, err)
	}
	// waiting for labels: booked with the carrier, goods inside, nothing printed or scanned yet
	waiting, err := svc.Shipping.Parcels(ctx, shipping.ParcelFilter{Status: "waiting"})
	if err != nil || len(waiting) != res.Waiting {
		t.Fatalf("%d waiting, want %d: %v", len(waiting), res.Waiting, err)
	}
	combined, xinjiang := false, false
	for _, row := range waiting {
		p, err := svc.Shipping.GetParcel(ctx, row.ID)
		if err != nil {
			t.Fatal(err)
		}
		if p.TrackingNo == "" || p.ServiceID == "" || len(p.Lines) == 0 || len(p.Events) > 0 || p.LabelledAt != "" ||
			p.WeightG == 0 || p.Freight == 0 || p.OverPacked {
			t.Fatalf("waiting parcel %+v", p)
		}
		combined = combined || len(p.Orders) > 1
		if strings.HasPrefix(p.ShipProvince, "新疆") {
			xinjiang = p.ServiceEn == "EMS Standard"
		}
	}
	if !combined || !xinjiang {
		t.Fatalf("waiting: two orders in one parcel %v, Xinjiang by EMS %v", combined, xinjiang)
	}
	// no line is packed more than it holds
	var overPacked int
	if err := svc.DB.R().QueryRow(`SELECT count(*) FROM order_lines l WHERE l.qty < (SELECT sum(i.qty) FROM parcel_items i
		JOIN parcels p ON p.id = i.parcel_id WHERE i.line_id = l.id AND i.deleted = 0 AND p.deleted = 0)`).Scan(&overPacked); err != nil {
		t.Fatal(err)
	}
	if overPacked > 0 {
		t.Fatalf("%d order lines packed more than they hold", overPacked)
	}
	// each order's parcels agree with its status: packed or later, its goods are all in parcels;
	// shipped, all its parcels left (no later than its shipped event), not all arrived; delivered
	// or completed, all arrived no later than its delivered event, except an order whose parcel
	// was lost: the team refunded it and closed it.
	rows, err := svc.DB.R().Query(`SELECT o.number, s.status, s.refunded, x.parcels, x.shipped, x.delivered, x.lost,
			(SELECT count(*) FROM order_lines l WHERE l.order_id = o.id AND l.deleted = 0 AND l.qty <>
				coalesce((SELECT sum(i.qty) FROM parcel_items i WHERE i.line_id = l.id AND i.deleted = 0), 0)),
			coalesce((SELECT min(e.at) FROM order_events e WHERE e.order_id = o.id AND e.kind = 'shipped'), ''), x.left_at,
			coalesce((SELECT min(e.at) FROM order_events e WHERE e.order_id = o.id AND e.kind = 'delivered'), ''), x.arrived_at
		FROM orders o JOIN order_status s ON s.order_id = o.id JOIN (
			SELECT i.order_id, count(DISTINCT i.parcel_id) AS parcels, count(DISTINCT CASE WHEN ps.shipped_at <> '' THEN ps.parcel_id END) AS shipped,
				count(DISTINCT CASE WHEN ps.delivered_at <> '' THEN ps.parcel_id END) AS delivered,
				count(DISTINCT CASE WHEN ps.status = 'lost' THEN ps.parcel_id END) AS lost,
				coalesce(max(ps.shipped_at), '') AS left_at, coalesce(max(ps.delivered_at), '') AS arrived_at
			FROM parcel_items i JOIN parcel_state ps ON ps.parcel_id = i.parcel_id WHERE i.deleted = 0 GROUP BY i.order_id
		) x ON x.order_id = o.id
		UNION ALL
		SELECT o.number, s.status, s.refunded, 0, 0, 0, 0, 1, '', '', '', '' FROM orders o JOIN order_status s ON s.order_id = o.id
		WHERE o.deleted = 0 AND NOT EXISTS (SELECT 1 FROM parcel_items i WHERE i.order_id = o.id AND i.deleted = 0)`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	byStatus := map[string]int{}
	for rows.Next() {
		var number, st, shippedAt, leftAt, deliveredAt, arrivedAt string
		var refunded int64
		var parcels, shipped, delivered, lost, short int
		if err := rows.Scan(&number, &st, &refunded, &parcels, &shipped, &delivered, &lost, &short, &shippedAt, &leftAt,
			&deliveredAt, &arrivedAt); err != nil {
			t.Fatal(err)
		}
		var ok bool
		switch st {
		case "draft", "confirmed", "deposit", "paid", "allocated", "bought", "cancelled":
			ok = parcels == 0
		case "packed":
			ok = parcels > 0 && short == 0 && shipped == 0
		case "shipped":
			ok = parcels > 0 && short == 0 && shipped == parcels && delivered < parcels && leftAt <= shippedAt
		case "delivered", "completed":
			ok = parcels > 0 && short == 0 && shipped == parcels && leftAt <= shippedAt &&
				((lost == 0 && delivered == parcels && arrivedAt <= deliveredAt) || (lost > 0 && refunded > 0))
		}
		if !ok {
			t.Fatalf("order %s is %s with %d parcels (%d shipped, %d delivered, %d lost), %d lines not packed; shipped %s, "+
				"its parcels left by %s; delivered %s, its parcels arrived by %s", number, st, parcels, shipped, delivered,
				lost, short, shippedAt, leftAt, deliveredAt, arrivedAt)
		}
		if parcels > 0 {
			byStatus[st]++
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if byStatus["packed"] < 5 || byStatus["shipped"] == 0 || byStatus["completed"] == 0 {
		t.Fatalf("orders with parcels by status: %v", byStatus)
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
