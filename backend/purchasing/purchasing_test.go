package purchasing_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"daigoudesk/backend/catalog"
	"daigoudesk/backend/domain"
	"daigoudesk/backend/orders"
	"daigoudesk/backend/purchasing"
	"daigoudesk/backend/services"
	"daigoudesk/backend/stock"
	"daigoudesk/backend/store"
)

var ctx = context.Background()

// env is a fresh data folder with a shelf at home and a suitcase, three products (a serum and
// a sunscreen customers pre-order, a mask kept in stock with a reorder point), a JPY rate,
// a Tokyo store and two customers.
type env struct {
	svc                    *services.Services
	p                      *purchasing.Service
	shelf, suitcase        string
	serum, sunscreen, mask string
	matsu                  string // supplier in Tokyo
	alice, bob             string // customers
}

func mustOpen(tb testing.TB) *env {
	tb.Helper()
	svc, err := services.Open(tb.TempDir())
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { svc.Close() })
	clock := func() time.Time { return time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC) }
	svc.Orders.SetClock(clock)
	svc.Purchasing.SetClock(clock)
	e := &env{svc: svc, p: svc.Purchasing}
	z := must(svc.Catalog.SaveZone(ctx, catalog.Zone{Name: "家里"}))(tb)
	e.shelf = must(svc.Catalog.SaveLocation(ctx, catalog.Location{ZoneID: z.ID, Name: "A-1"}))(tb).ID
	e.suitcase = must(svc.Catalog.SaveLocation(ctx, catalog.Location{ZoneID: z.ID, Name: "Alice's suitcase"}))(tb).ID
	e.serum = must(svc.Catalog.CreateProduct(ctx, catalog.ProductInput{SKU: "SKII-230", NameZh: "神仙水", NameOrig: "SK-II フェイシャル",
		Brand: "SK-II", Cost: 20000, CostCurrency: "JPY", Price: 120000, PriceCurrency: "CNY", WeightG: 400}))(tb).ID
	e.sunscreen = must(svc.Catalog.CreateProduct(ctx, catalog.ProductInput{SKU: "ANESSA-60", NameZh: "安耐晒", Brand: "Anessa",
		Cost: 3000, CostCurrency: "JPY", Price: 20000, PriceCurrency: "CNY", WeightG: 100}))(tb).ID
	e.mask = must(svc.Catalog.CreateProduct(ctx, catalog.ProductInput{SKU: "LULU-32", NameZh: "露露面膜", Brand: "Lululun",
		Cost: 1500, CostCurrency: "JPY", Price: 9900, PriceCurrency: "CNY", WeightG: 500, ReorderPoint: 5, ReorderQty: 10}))(tb).ID
	must(svc.Orders.SetRate(ctx, "JPY", "0.05", "2026-01-01"))(tb)
	e.matsu = must(e.p.CreateSupplier(ctx, purchasing.SupplierInput{Name: "松本清 银座店", Kind: "shop", Country: "jp",
		City: "东京", Currency: "jpy", LeadDays: 0}))(tb).ID
	e.alice, e.bob = domain.NewID(), domain.NewID()
	if err := svc.DB.Write(ctx, func(tx *store.Tx) error {
		if err := tx.Set("customers", e.alice, store.Fields{"name": "张丽"}); err != nil {
			return err
		}
		return tx.Set("customers", e.bob, store.Fields{"name": "李强"})
	}); err != nil {
		tb.Fatal(err)
	}
	return e
}

func must[T any](v T, err error) func(testing.TB) T {
	return func(tb testing.TB) T {
		tb.Helper()
		if err != nil {
			tb.Fatal(err)
		}
		return v
	}
}

func mustErr(tb testing.TB, err error, code, key string) {
	tb.Helper()
	e := domain.AsError(err)
	if e == nil {
		tb.Fatalf("want %s error %s, got %v", code, key, err)
	}
	if e.Code != code || e.Key != key {
		for _, d := range e.Details {
			if d.Code == code && d.Key == key {
				return
			}
		}
		tb.Fatalf("want %s/%s, got %s/%s: %v", code, key, e.Code, e.Key, err)
	}
}

// preorder takes a confirmed order of qty pre-ordered units of product for customer, with a
// deposit, and returns it.
func (e *env) preorder(tb testing.TB, customer, product string, qty, price, deposit int64, due string) orders.Detail {
	tb.Helper()
	d := must(e.svc.Orders.CreateOrder(ctx, orders.OrderInput{Channel: "wechat", CustomerID: customer, Currency: "CNY",
		ShipName: "收件人", ShipPhone: "13800000000", ShipProvince: "广东省", ShipCity: "深圳市", ShipStreet: "南山区1号",
		DueDate: due, Lines: []orders.LineInput{{ProductID: product, Qty: qty, UnitPrice: price, Preorder: true}}}))(tb)
	must(e.svc.Orders.Transition(ctx, orders.TransitionInput{OrderID: d.Order.ID, To: orders.Confirmed}))(tb)
	if deposit > 0 {
		must(e.svc.Orders.AddPayment(ctx, orders.PaymentInput{OrderID: d.Order.ID, Kind: "deposit", Amount: deposit,
			Method: "wechat"}))(tb)
	}
	return must(e.svc.Orders.GetOrder(ctx, d.Order.ID))(tb)
}

func (e *env) trip(tb testing.TB, location string) purchasing.Trip {
	tb.Helper()
	return must(e.p.CreateTrip(ctx, purchasing.TripInput{Name: "东京 3月", Country: "JP", City: "东京", StartsOn: "2026-03-12",
		EndsOn: "2026-03-16", Buyer: "Alice", Currency: "JPY", CardRate: "0.048", CashRate: "0.0475", LocationID: location}))(tb)
}

func item(tb testing.TB, l purchasing.ShoppingList, product string) purchasing.ListItem {
	tb.Helper()
	for _, g := range l.Groups {
		for _, it := range g.Items {
			if it.ProductID == product {
				return it
			}
		}
	}
	tb.Fatalf("product %s is not on the list", product)
	return purchasing.ListItem{}
}

func status(tb testing.TB, e *env, order string) string {
	tb.Helper()
	return must(e.svc.Orders.GetOrder(ctx, order))(tb).Order.Status
}

func dump(tb testing.TB, db *store.DB) string {
	tb.Helper()
	var b strings.Builder
	if err := db.Dump(&b); err != nil {
		tb.Fatal(err)
	}
	return b.String()
}

func TestSupplierValidation(t *testing.T) {
	e := mustOpen(t)
	scenarios := []struct {
		name  string
		in    purchasing.SupplierInput
		field string
		key   string
	}{
		{"ErrNameRequired", purchasing.SupplierInput{Name: " ", Kind: "shop", Currency: "JPY"}, "name", "form.required"},
		{"ErrKind", purchasing.SupplierInput{Name: "x", Kind: "market", Currency: "JPY"}, "kind", "supplier.kind.unknown"},
		{"ErrCountry", purchasing.SupplierInput{Name: "x", Kind: "shop", Country: "Japan", Currency: "JPY"}, "country", "supplier.country.format"},
		{"ErrCurrency", purchasing.SupplierInput{Name: "x", Kind: "shop", Currency: "YEN"}, "currency", "order.currency.unknown"},
		{"ErrLeadDays", purchasing.SupplierInput{Name: "x", Kind: "shop", Currency: "JPY", LeadDays: -1}, "leadDays", "supplier.leadDays.range"},
	}
	before := dump(t, e.svc.DB)
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			_, err := e.p.CreateSupplier(ctx, sc.in)
			mustErr(t, err, domain.EInvalid, sc.key)
			if f := domain.AsError(err).Field; f != sc.field {
				t.Fatalf("field %q, want %q", f, sc.field)
			}
		})
	}
	if dump(t, e.svc.DB) != before {
		t.Fatal("a refused supplier changed the database")
	}
	s := must(e.p.GetSupplier(ctx, e.matsu))(t)
	if s.Country != "JP" || s.Currency != "JPY" {
		t.Fatalf("country/currency not normalised: %+v", s)
	}
	list := must(e.p.FindSuppliers(ctx, purchasing.SupplierFilter{Query: "银座"}))(t)
	if len(list) != 1 || list[0].ID != e.matsu {
		t.Fatalf("search: %+v", list)
	}
}

func TestPurchaseOrderReceiving(t *testing.T) {
	e := mustOpen(t)
	po := must(e.p.CreatePO(ctx, purchasing.POInput{SupplierID: e.matsu, Currency: "JPY", OrderedAt: "2026-03-01",
		LocationID: e.shelf, Lines: []purchasing.POLineInput{
			{ProductID: e.mask, Qty: 10, UnitPrice: 1200}, {ProductID: e.sunscreen, Qty: 4, UnitPrice: 2800}}}))(t)
	if !strings.HasPrefix(po.Number, "PO-") || po.Rate != "0.05" || po.Status != purchasing.POOpen || po.Total != 10*1200+4*2800 {
		t.Fatalf("new PO: %+v", po.PO)
	}
	// ¥4,640 of freight spread by value: the masks are ¥12,000 of ¥23,200 → ¥2,400
	must(e.p.SaveCost(ctx, "", purchasing.CostInput{OwnerID: po.ID, Kind: purchasing.CostForwarder, Amount: 4640,
		Currency: "JPY", Spread: "value", At: "2026-03-02"}))(t)
	masks := po.Lines[0].ID
	t.Run("ErrTooMany", func(t *testing.T) {
		before := dump(t, e.svc.DB)
		_, err := e.p.ReceivePO(ctx, purchasing.ReceiveInput{POID: po.ID, Lines: []purchasing.ReceiveLine{
			{LineID: po.Lines[1].ID, Qty: 1}, {LineID: masks, Qty: 11}}})
		mustErr(t, err, domain.EConflict, "purchase.receive.tooMany")
		if domain.AsError(err).Field != "lines[1].qty" {
			t.Fatalf("field %q", domain.AsError(err).Field)
		}
		if dump(t, e.svc.DB) != before {
			t.Fatal("a refused delivery changed the database")
		}
	})
	d := must(e.p.ReceivePO(ctx, purchasing.ReceiveInput{POID: po.ID, At: "2026-03-05T10:00:00Z", Lines: []purchasing.ReceiveLine{
		{LineID: masks, Qty: 6, BatchCode: "L2603", Expiry: "2028-01-31"}}}))(t)
	if d.Status != purchasing.POPartial || d.Lines[0].Received != 6 || len(d.Receipts) != 1 || d.Receipts[0].BatchCode != "L2603" {
		t.Fatalf("after part delivery: %+v", d)
	}
	// landed unit: (12,000 + 2,400) JPY × 0.05 / 10 = ¥72.00 = 7,200 fen
	if d.Lines[0].LandedUnit != 7200 {
		t.Fatalf("landed unit %d, want 7200", d.Lines[0].LandedUnit)
	}
	var qty, unitCost int64
	var cur, batch string
	if err := e.svc.DB.R().QueryRow(`SELECT qty, unit_cost, cost_currency, batch_id FROM stock_moves WHERE ref = ?`,
		d.Receipts[0].ID).Scan(&qty, &unitCost, &cur, &batch); err != nil {
		t.Fatal(err)
	}
	if qty != 6 || unitCost != 7200 || cur != "CNY" || batch == "" {
		t.Fatalf("stock move: qty %d cost %d %s batch %q", qty, unitCost, cur, batch)
	}
	var expiry string
	e.svc.DB.R().QueryRow(`SELECT expiry FROM batches WHERE id = ?`, batch).Scan(&expiry)
	if expiry != "2028-01-31" {
		t.Fatalf("batch expiry %q", expiry)
	}
	t.Run("ErrEditAfterReceipt", func(t *testing.T) {
		_, err := e.p.UpdatePO(ctx, po.ID, purchasing.POInput{SupplierID: e.matsu, Currency: "JPY",
			Lines: []purchasing.POLineInput{{ProductID: e.mask, Qty: 1, UnitPrice: 1}}})
		mustErr(t, err, domain.EConflict, "purchase.po.received")
	})
	t.Run("HeaderEditAfterReceipt", func(t *testing.T) {
		in := purchasing.POInput{SupplierID: e.matsu, Currency: "JPY", Rate: d.Rate, OrderedAt: d.OrderedAt,
			ExpectedAt: "2026-03-20", LocationID: e.shelf, Note: "余下的下周到"}
		for _, l := range d.Lines {
			in.Lines = append(in.Lines, purchasing.POLineInput{ID: l.ID, ProductID: l.ProductID, Qty: l.Qty, UnitPrice: l.UnitPrice})
		}
		got := must(e.p.UpdatePO(ctx, po.ID, in))(t)
		if got.ExpectedAt != "2026-03-20" || got.Note != "余下的下周到" || got.Lines[0].Received != 6 {
			t.Fatalf("after a header edit: %+v", got.PO)
		}
	})
	d = must(e.p.ReceivePO(ctx, purchasing.ReceiveInput{POID: po.ID, Lines: []purchasing.ReceiveLine{
		{LineID: masks, Qty: 4}, {LineID: po.Lines[1].ID, Qty: 4, LocationID: e.suitcase}}}))(t)
	if d.Status != purchasing.POReceived {
		t.Fatalf("status %s after everything arrived", d.Status)
	}
	_, err := e.p.CancelPO(ctx, po.ID)
	mustErr(t, err, domain.EConflict, "purchase.po.closed")
	// the supplier now lists both products with the price paid
	sp := must(e.p.SupplierProducts(ctx, e.matsu, ""))(t)
	if len(sp) != 2 || sp[0].LastPrice == 0 || sp[0].LastCurrency != "JPY" {
		t.Fatalf("supplier products: %+v", sp)
	}
	t.Run("ErrCancelled", func(t *testing.T) {
		po2 := must(e.p.CreatePO(ctx, purchasing.POInput{SupplierID: e.matsu, Currency: "JPY", LocationID: e.shelf,
			Lines: []purchasing.POLineInput{{ProductID: e.mask, Qty: 1, UnitPrice: 1000}}}))(t)
		must(e.p.CancelPO(ctx, po2.ID))(t)
		_, err := e.p.ReceivePO(ctx, purchasing.ReceiveInput{POID: po2.ID, Lines: []purchasing.ReceiveLine{{LineID: po2.Lines[0].ID, Qty: 1}}})
		mustErr(t, err, domain.EConflict, "purchase.po.cancelled")
	})
}

func TestShoppingListCombinesNeeds(t *testing.T) {
	e := mustOpen(t)
	e.preorder(t, e.alice, e.serum, 2, 120000, 50000, "")
	e.preorder(t, e.bob, e.serum, 1, 120000, 0, "")
	draft := must(e.svc.Orders.CreateOrder(ctx, orders.OrderInput{Channel: "wechat", CustomerID: e.bob, Currency: "CNY",
		Lines: []orders.LineInput{{ProductID: e.serum, Qty: 5, UnitPrice: 1, Preorder: true}}}))(t)
	_ = draft // a draft is not an order yet: it must not count
	cancelled := e.preorder(t, e.bob, e.serum, 7, 1, 0, "")
	must(e.svc.Orders.Transition(ctx, orders.TransitionInput{OrderID: cancelled.Order.ID, To: orders.Cancelled}))(t)
	// the mask has 2 in stock, reorder point 5, usual order 10
	must(e.svc.Stock.Receive(ctx, stockIn(e.mask, e.shelf, 2)))(t)
	must(0, e.p.LinkProduct(ctx, purchasing.SupplierProductInput{SupplierID: e.matsu, ProductID: e.serum, Preferred: true}))(t)
	trip := e.trip(t, e.suitcase)
	l := must(e.p.ShoppingList(ctx, trip.ID))(t)
	serum := item(t, l, e.serum)
	if serum.ForOrders != 3 || serum.Orders != 2 || serum.Need != 3 {
		t.Fatalf("serum: %+v", serum)
	}
	mask := item(t, l, e.mask)
	if mask.ForStock != 10 || mask.Available != 2 {
		t.Fatalf("mask: %+v", mask)
	}
	if l.Groups[0].SupplierID != e.matsu || l.Groups[0].Items[0].ProductID != e.serum {
		t.Fatalf("the serum is not filed under its preferred store: %+v", l.Groups)
	}
	if last := l.Groups[len(l.Groups)-1]; last.SupplierID != "" {
		t.Fatalf("the any-store group is not last: %+v", last)
	}
	// a person's own quantity for stock replaces the suggestion; skip leaves it off
	must(0, e.p.SetTripItem(ctx, purchasing.TripItemInput{TripID: trip.ID, ProductID: e.mask, Qty: 20}))(t)
	must(0, e.p.SetTripItem(ctx, purchasing.TripItemInput{TripID: trip.ID, ProductID: e.sunscreen, Qty: 3}))(t)
	l = must(e.p.ShoppingList(ctx, trip.ID))(t)
	if m := item(t, l, e.mask); m.ForStock != 20 || !m.Manual {
		t.Fatalf("mask with own quantity: %+v", m)
	}
	if s := item(t, l, e.sunscreen); s.Need != 3 {
		t.Fatalf("sunscreen added by hand: %+v", s)
	}
	must(0, e.p.SetTripItem(ctx, purchasing.TripItemInput{TripID: trip.ID, ProductID: e.mask, Skip: true}))(t)
	l = must(e.p.ShoppingList(ctx, trip.ID))(t)
	if m := item(t, l, e.mask); !m.Skipped || m.Need != 0 { // shown as skipped, so it can be put back
		t.Fatalf("a skipped suggestion: %+v", m)
	}
	// a purchase order on its way covers the reorder need
	must(0, e.p.RemoveTripItem(ctx, trip.ID, e.mask))(t)
	must(e.p.CreatePO(ctx, purchasing.POInput{SupplierID: e.matsu, Currency: "JPY", LocationID: e.shelf,
		Lines: []purchasing.POLineInput{{ProductID: e.mask, Qty: 10, UnitPrice: 1000}}}))(t)
	l = must(e.p.ShoppingList(ctx, trip.ID))(t)
	for _, g := range l.Groups {
		for _, it := range g.Items {
			if it.ProductID == e.mask {
				t.Fatalf("stock on its way is bought again: %+v", it)
			}
		}
	}
}

func stockIn(product, loc string, qty int64) stock.ReceiveInput {
	return stock.ReceiveInput{ProductID: product, LocationID: loc, Qty: qty}
}

func TestBuyFillsPreordersThenStock(t *testing.T) {
	e := mustOpen(t)
	late := e.preorder(t, e.alice, e.serum, 2, 120000, 50000, "")          // no due date: served last
	early := e.preorder(t, e.bob, e.serum, 1, 120000, 30000, "2026-03-20") // due first
	trip := e.trip(t, e.suitcase)

	t.Run("ErrNoLocation", func(t *testing.T) {
		nowhere := e.trip(t, "")
		before := dump(t, e.svc.DB)
		_, err := e.p.Buy(ctx, purchasing.BuyInput{TripID: nowhere.ID, ProductID: e.serum, Qty: 4, UnitPrice: 20000, PaidWith: "card"})
		mustErr(t, err, domain.EConflict, "trip.location.required")
		if dump(t, e.svc.DB) != before {
			t.Fatal("a refused purchase changed the database")
		}
	})
	t.Run("ErrBadInput", func(t *testing.T) {
		_, err := e.p.Buy(ctx, purchasing.BuyInput{TripID: trip.ID, ProductID: e.serum, Qty: -1, UnitPrice: 100, PaidWith: "card"})
		mustErr(t, err, domain.EInvalid, "purchase.qty.positive")
		_, err = e.p.Buy(ctx, purchasing.BuyInput{TripID: trip.ID, ProductID: e.serum, Qty: 1, UnitPrice: 100, Discount: 200, PaidWith: "card"})
		mustErr(t, err, domain.EInvalid, "purchase.discount.range")
		_, err = e.p.Buy(ctx, purchasing.BuyInput{TripID: trip.ID, ProductID: e.serum, Qty: 1, UnitPrice: 100, PaidWith: "card", Currency: "KRW"})
		mustErr(t, err, domain.EInvalid, "trip.rate.missing")
	})

	// 1 of 2 units: Bob's order is due first and gets it
	r := must(e.p.Buy(ctx, purchasing.BuyInput{TripID: trip.ID, ProductID: e.serum, Qty: 1, UnitPrice: 20000,
		PaidWith: "card", SupplierID: e.matsu, TaxFree: true}))(t)
	if len(r.Fills) != 1 || r.Fills[0].OrderID != early.Order.ID || r.ToStock != 0 {
		t.Fatalf("first unit: %+v", r)
	}
	if s := status(t, e, early.Order.ID); s != orders.Allocated {
		t.Fatalf("Bob's order is %s, want allocated", s)
	}
	if s := status(t, e, late.Order.ID); s != orders.Deposit {
		t.Fatalf("Alice's order is %s before her goods are bought", s)
	}
	// 3 more: 2 for Alice, 1 into stock at the suitcase
	r = must(e.p.Buy(ctx, purchasing.BuyInput{TripID: trip.ID, ProductID: e.serum, Qty: 3, UnitPrice: 20000, Discount: 3000,
		PaidWith: "cash"}))(t)
	if len(r.Fills) != 1 || r.Fills[0].OrderID != late.Order.ID || r.Fills[0].Qty != 2 || r.ToStock != 1 {
		t.Fatalf("next three: %+v", r)
	}
	if s := status(t, e, late.Order.ID); s != orders.Allocated {
		t.Fatalf("Alice's order is %s, want allocated", s)
	}
	onHand := func() int64 {
		var n int64
		e.svc.DB.R().QueryRow(`SELECT coalesce(sum(on_hand), 0) FROM stock_levels WHERE product_id = ? AND location_id = ?`,
			e.serum, e.suitcase).Scan(&n)
		return n
	}
	if onHand() != 1 {
		t.Fatalf("suitcase holds %d serums, want 1", onHand())
	}
	l := must(e.p.ShoppingList(ctx, trip.ID))(t)
	if it := item(t, l, e.serum); it.Bought != 4 || it.Need != 0 || it.ForOrders != 0 {
		t.Fatalf("list after buying: %+v", it)
	}
	// the cash purchase used the trip's cash rate; a line's detail shows it filled
	sum := must(e.p.TripSummary(ctx, trip.ID))(t)
	if sum.Buys[0].Rate != "0.0475" || sum.Buys[1].Rate != "0.048" {
		t.Fatalf("rates used: %s, %s", sum.Buys[0].Rate, sum.Buys[1].Rate)
	}
	// goods: ¥20,000 × 0.048 = 960.00 CNY; (¥60,000 − ¥3,000) × 0.0475 = 2,707.50 CNY
	if sum.GoodsBase != 96000+270750 || len(sum.Spent) != 1 || sum.Spent[0].Amount != 77000 {
		t.Fatalf("summary: goods %d, spent %+v", sum.GoodsBase, sum.Spent)
	}
	d := must(e.svc.Orders.GetOrder(ctx, late.Order.ID))(t)
	if d.Lines[0].Filled != 2 {
		t.Fatalf("Alice's line filled %d", d.Lines[0].Filled)
	}
	// her order's cost is what her goods landed at: 2 × 902.50 CNY
	if d.Profit.Cost != 2*90250 {
		t.Fatalf("Alice's order cost %d, want %d", d.Profit.Cost, 2*90250)
	}

	// undo the three: Alice is back to waiting, the suitcase is empty
	must(0, e.p.Undo(ctx, sum.Buys[0].ID))(t)
	if s := status(t, e, late.Order.ID); s != orders.Deposit {
		t.Fatalf("after undo Alice's order is %s", s)
	}
	if onHand() != 0 {
		t.Fatalf("after undo the suitcase holds %d", onHand())
	}
	mustErr(t, e.p.Undo(ctx, sum.Buys[0].ID), domain.EConflict, "trip.undo.done")
	l = must(e.p.ShoppingList(ctx, trip.ID))(t)
	if it := item(t, l, e.serum); it.Bought != 1 || it.Need != 2 {
		t.Fatalf("list after undo: %+v", it)
	}
	// Bob's goods are packed: that purchase can no longer be undone
	must(e.svc.Orders.Transition(ctx, orders.TransitionInput{OrderID: early.Order.ID, To: orders.Packed}))(t)
	mustErr(t, e.p.Undo(ctx, sum.Buys[1].ID), domain.EConflict, "trip.undo.packed")
	// a closed trip cannot be ticked, and its list is what it bought: nothing is still to buy
	must(e.p.CloseTrip(ctx, trip.ID, true))(t)
	if l := must(e.p.ShoppingList(ctx, trip.ID))(t); l.Need != 0 || item(t, l, e.serum).Bought != 1 {
		t.Fatalf("a closed trip's list: need %d, %+v", l.Need, item(t, l, e.serum))
	}
	_, err := e.p.Buy(ctx, purchasing.BuyInput{TripID: trip.ID, ProductID: e.serum, Qty: 1, UnitPrice: 1, PaidWith: "card"})
	mustErr(t, err, domain.EConflict, "trip.closed")
}

func TestNotFoundShowsDepositToRefund(t *testing.T) {
	e := mustOpen(t)
	alice := e.preorder(t, e.alice, e.sunscreen, 1, 20000, 5000, "")
	// Bob ordered a serum and a sunscreen, paid ¥500 of ¥1,400: the serum still comes, so
	// his deposit is kept
	bob := must(e.svc.Orders.CreateOrder(ctx, orders.OrderInput{Channel: "wechat", CustomerID: e.bob, Currency: "CNY",
		Lines: []orders.LineInput{{ProductID: e.serum, Qty: 1, UnitPrice: 120000, Preorder: true},
			{ProductID: e.sunscreen, Qty: 1, UnitPrice: 20000, Preorder: true}}}))(t)
	must(e.svc.Orders.Transition(ctx, orders.TransitionInput{OrderID: bob.Order.ID, To: orders.Confirmed}))(t)
	must(e.svc.Orders.AddPayment(ctx, orders.PaymentInput{OrderID: bob.Order.ID, Kind: "deposit", Amount: 50000, Method: "alipay"}))(t)
	trip := e.trip(t, e.suitcase)
	must(e.p.MarkNotFound(ctx, purchasing.NotFoundInput{TripID: trip.ID, ProductID: e.sunscreen, At: "2026-03-13T08:00:00Z"}))(t)
	sum := must(e.p.TripSummary(ctx, trip.ID))(t)
	if len(sum.NotFound) != 2 {
		t.Fatalf("not found: %+v", sum.NotFound)
	}
	refunds := map[string]int64{}
	for _, r := range sum.NotFound {
		refunds[r.OrderID] += r.Refund
	}
	if refunds[alice.Order.ID] != 5000 || refunds[bob.Order.ID] != 0 {
		t.Fatalf("refunds due: %+v", sum.NotFound)
	}
	d := must(e.svc.Orders.GetOrder(ctx, alice.Order.ID))(t)
	if d.Figures.RefundDue != 5000 || d.Lines[0].NotFound != trip.Name {
		t.Fatalf("Alice's order: refund due %d, line %+v", d.Figures.RefundDue, d.Lines[0])
	}
	// once refunded, nothing is due
	must(e.svc.Orders.AddPayment(ctx, orders.PaymentInput{OrderID: alice.Order.ID, Kind: "refund", Amount: 5000, Method: "wechat"}))(t)
	if d := must(e.svc.Orders.GetOrder(ctx, alice.Order.ID))(t); d.Figures.RefundDue != 0 {
		t.Fatalf("refund due after refunding: %d", d.Figures.RefundDue)
	}
	// found after all, on the next day: the mark no longer applies to Bob's line
	must(e.p.Buy(ctx, purchasing.BuyInput{TripID: trip.ID, ProductID: e.sunscreen, Qty: 2, UnitPrice: 2800, PaidWith: "card"}))(t)
	if d := must(e.svc.Orders.GetOrder(ctx, bob.Order.ID))(t); d.Lines[1].NotFound != "" || d.Lines[1].Filled != 1 {
		t.Fatalf("Bob's sunscreen line: %+v", d.Lines[1])
	}
	// an order taken after the mark is not affected by it
	e.svc.Orders.SetClock(func() time.Time { return time.Date(2026, 3, 14, 9, 0, 0, 0, time.UTC) })
	later := e.preorder(t, e.alice, e.sunscreen, 1, 20000, 5000, "")
	if d := must(e.svc.Orders.GetOrder(ctx, later.Order.ID))(t); d.Lines[0].NotFound != "" || d.Figures.RefundDue != 0 {
		t.Fatalf("a later order shows an old mark: %+v %d", d.Lines[0], d.Figures.RefundDue)
	}
}

func TestLandedCostAndTaxRefund(t *testing.T) {
	e := mustOpen(t)
	trip := e.trip(t, e.suitcase)
	// ¥10,000 serum (400 g) and ¥10,000 of sunscreens (2 × 100 g), both tax-free at Matsumoto
	serum := must(e.p.Buy(ctx, purchasing.BuyInput{TripID: trip.ID, ProductID: e.serum, Qty: 1, UnitPrice: 10000,
		PaidWith: "card", Rate: "0.05", SupplierID: e.matsu, TaxFree: true}))(t)
	sun := must(e.p.Buy(ctx, purchasing.BuyInput{TripID: trip.ID, ProductID: e.sunscreen, Qty: 2, UnitPrice: 5000,
		PaidWith: "card", Rate: "0.05", SupplierID: e.matsu, TaxFree: true}))(t)
	// ¥301 of luggage fees by weight: 400 g of 600 g → 2/3
	must(e.p.SaveCost(ctx, "", purchasing.CostInput{OwnerID: trip.ID, Kind: purchasing.CostLuggage, Amount: 30100,
		Currency: "CNY", Spread: "weight", At: "2026-03-16"}))(t)
	refund := must(e.p.SaveCost(ctx, "", purchasing.CostInput{OwnerID: trip.ID, Kind: purchasing.CostTaxRefund, Amount: 2000,
		Currency: "JPY", SupplierID: e.matsu, Status: "eligible", At: "2026-03-16"}))(t)
	landed := func() map[string]int64 {
		out := map[string]int64{}
		for _, b := range must(e.p.TripSummary(ctx, trip.ID))(t).Buys {
			out[b.ID] = b.Landed
		}
		return out
	}
	l := landed()
	// the serum: 500.00 + 2/3 × 301.00 = 500.00 + 200.67; sunscreens: 500.00 + 100.33
	if l[serum.BuyID] != 50000+20067 || l[sun.BuyID] != 50000+10033 {
		t.Fatalf("landed with luggage: %+v", l)
	}
	sum := must(e.p.TripSummary(ctx, trip.ID))(t)
	// the refund expected, at the trip's card rate: ¥2,000 × 0.048
	if sum.LandedBase != 100000+30100 || sum.RefundsDue != 9600 || sum.RefundsBase != 0 {
		t.Fatalf("summary before the refund: %+v", sum)
	}
	// claimed is not money: nothing changes; received lowers the cost by what came back
	refund.Status = "claimed"
	must(e.p.SaveCost(ctx, refund.ID, refund.CostInput))(t)
	if landed()[serum.BuyID] != 70067 {
		t.Fatal("a claimed refund changed the cost")
	}
	refund.Status, refund.AmountReceived, refund.Rate = "received", 1800, "0.05"
	must(e.p.SaveCost(ctx, refund.ID, refund.CostInput))(t)
	l = landed()
	// ¥1,800 × 0.05 = 90.00 back, half each by value
	if l[serum.BuyID] != 70067-4500 || l[sun.BuyID] != 60033-4500 {
		t.Fatalf("landed after the refund: %+v", l)
	}
	sum = must(e.p.TripSummary(ctx, trip.ID))(t)
	if sum.RefundsBase != -9000 || sum.LandedBase != 130100-9000 || sum.RefundsDue != 0 {
		t.Fatalf("summary after the refund: %+v", sum)
	}
	// stock valuation uses the landed costs: the sunscreens landed at 555.33 / 2 → 277.67 each
	v := must(e.p.StockValuation(ctx))(t)
	got := map[string]purchasing.ValuedProduct{}
	for _, p := range v.Products {
		got[p.ProductID] = p
	}
	if p := got[e.sunscreen]; p.UnitCost != 27767 || p.Source != "landed" || p.Value != 2*27767 {
		t.Fatalf("sunscreen valued %+v", p)
	}
	t.Run("ErrRefundReceivedBeforeArriving", func(t *testing.T) {
		_, err := e.p.SaveCost(ctx, "", purchasing.CostInput{OwnerID: trip.ID, Kind: purchasing.CostTaxRefund, Amount: 100,
			Currency: "JPY", Status: "claimed", AmountReceived: 50, At: "2026-03-16"})
		mustErr(t, err, domain.EInvalid, "purchase.refund.received")
	})
}

// Two buyers on two laptops, offline, both tick the last open unit of a customer's pre-order:
// after they merge, both keep their purchase, the line shows one unit too many on both
// laptops, the trip summary offers to book it into stock, and booking it converges too.
func TestTwoBuyersOfflineMerge(t *testing.T) {
	a := mustOpen(t)
	order := a.preorder(t, a.alice, a.serum, 1, 120000, 0, "")
	trip := a.trip(t, a.suitcase)
	b := a.laptop(t)
	must(a.p.Buy(ctx, purchasing.BuyInput{TripID: trip.ID, ProductID: a.serum, Qty: 1, UnitPrice: 20000, PaidWith: "card"}))(t)
	must(b.p.Buy(ctx, purchasing.BuyInput{TripID: trip.ID, ProductID: a.serum, Qty: 1, UnitPrice: 19800, PaidWith: "cash"}))(t)
	exchange(t, a.svc.DB, b.svc.DB)
	exchange(t, b.svc.DB, a.svc.DB)
	if dump(t, a.svc.DB) != dump(t, b.svc.DB) {
		t.Fatal("the laptops disagree after merging")
	}
	for _, e := range []*env{a, b} {
		sum := must(e.p.TripSummary(ctx, trip.ID))(t)
		if len(sum.Surplus) != 1 || sum.Surplus[0].Extra != 1 || sum.Surplus[0].OrderID != order.Order.ID {
			t.Fatalf("surplus: %+v", sum.Surplus)
		}
		if s := status(t, e, order.Order.ID); s != orders.Allocated {
			t.Fatalf("order %s", s)
		}
	}
	// both laptops book the extra unit offline: one fill row and one unit into stock, the
	// order still allocated
	must(0, a.p.BookSurplus(ctx, trip.ID, order.Lines[0].ID))(t)
	must(0, b.p.BookSurplus(ctx, trip.ID, order.Lines[0].ID))(t)
	exchange(t, a.svc.DB, b.svc.DB)
	exchange(t, b.svc.DB, a.svc.DB)
	if dump(t, a.svc.DB) != dump(t, b.svc.DB) {
		t.Fatal("the laptops disagree after booking the surplus")
	}
	var inStock int64
	b.svc.DB.R().QueryRow(`SELECT coalesce(sum(on_hand), 0) FROM stock_levels WHERE product_id = ? AND location_id = ?`,
		a.serum, a.suitcase).Scan(&inStock)
	if inStock != 1 {
		t.Fatalf("%d serums in the suitcase after booking one surplus unit on two laptops", inStock)
	}
	if sum := must(b.p.TripSummary(ctx, trip.ID))(t); len(sum.Surplus) != 0 {
		t.Fatalf("surplus after booking: %+v", sum.Surplus)
	}
	if s := status(t, b, order.Order.ID); s != orders.Allocated {
		t.Fatalf("order %s after booking the surplus", s)
	}
}

// Two buyers fill the two pre-order lines of one order on two laptops: neither sees the
// order complete alone, both do once merged.
func TestFillsOfOneOrderOnTwoLaptops(t *testing.T) {
	a := mustOpen(t)
	d := must(a.svc.Orders.CreateOrder(ctx, orders.OrderInput{Channel: "wechat", CustomerID: a.alice, Currency: "CNY",
		Lines: []orders.LineInput{{ProductID: a.serum, Qty: 1, UnitPrice: 120000, Preorder: true},
			{ProductID: a.sunscreen, Qty: 1, UnitPrice: 20000, Preorder: true}}}))(t)
	must(a.svc.Orders.Transition(ctx, orders.TransitionInput{OrderID: d.Order.ID, To: orders.Confirmed}))(t)
	trip := a.trip(t, a.suitcase)
	b := a.laptop(t)
	must(a.p.Buy(ctx, purchasing.BuyInput{TripID: trip.ID, ProductID: a.serum, Qty: 1, UnitPrice: 20000, PaidWith: "card"}))(t)
	must(b.p.Buy(ctx, purchasing.BuyInput{TripID: trip.ID, ProductID: a.sunscreen, Qty: 1, UnitPrice: 2800, PaidWith: "card"}))(t)
	if s := status(t, a, d.Order.ID); s != orders.Confirmed {
		t.Fatalf("half bought: %s", s)
	}
	exchange(t, a.svc.DB, b.svc.DB)
	exchange(t, b.svc.DB, a.svc.DB)
	for _, e := range []*env{a, b} {
		if s := status(t, e, d.Order.ID); s != orders.Allocated {
			t.Fatalf("after merging: %s", s)
		}
	}
	// the same trip's costs edited on both laptops: per-field last writer wins, no cost lost
	c := must(a.p.SaveCost(ctx, "", purchasing.CostInput{OwnerID: trip.ID, Kind: purchasing.CostLuggage, Amount: 10000,
		Currency: "CNY", Spread: "value", At: "2026-03-16"}))(t)
	exchange(t, a.svc.DB, b.svc.DB)
	c.Amount = 12000
	must(b.p.SaveCost(ctx, c.ID, c.CostInput))(t)
	must(a.p.SaveCost(ctx, "", purchasing.CostInput{OwnerID: trip.ID, Kind: purchasing.CostDuty, Amount: 5000,
		Currency: "CNY", Spread: "value", At: "2026-03-16"}))(t)
	exchange(t, a.svc.DB, b.svc.DB)
	exchange(t, b.svc.DB, a.svc.DB)
	sa, sb := must(a.p.TripSummary(ctx, trip.ID))(t), must(b.p.TripSummary(ctx, trip.ID))(t)
	if sa.ExtrasBase != 17000 || sb.ExtrasBase != 17000 || sa.LandedBase != sb.LandedBase {
		t.Fatalf("extras after merging: %d / %d", sa.ExtrasBase, sb.ExtrasBase)
	}
}

// laptop is a second laptop that has everything e has.
func (e *env) laptop(tb testing.TB) *env {
	b := &env{svc: must(services.Open(tb.TempDir()))(tb)}
	tb.Cleanup(func() { b.svc.Close() })
	b.p = b.svc.Purchasing
	exchange(tb, e.svc.DB, b.svc.DB)
	return b
}

// exchange applies every operation of from that to has not seen yet.
func exchange(tb testing.TB, from, to *store.DB) {
	tb.Helper()
	var ops []store.Op
	if _, err := from.ScanOps(ctx, "", "", func(op store.Op) error { ops = append(ops, op); return nil }); err != nil {
		tb.Fatal(err)
	}
	if _, err := to.ApplyOps(ctx, ops); err != nil {
		tb.Fatal(err)
	}
}

// One buyer marks a product not found while the other, offline at another store, buys it:
// once merged, the customer's line is filled, no deposit is to be refunded, and the list
// shows the product bought (the mark stays visible for the record).
func TestNotFoundHereBoughtThere(t *testing.T) {
	a := mustOpen(t)
	order := a.preorder(t, a.alice, a.sunscreen, 1, 20000, 5000, "")
	trip := a.trip(t, a.suitcase)
	b := a.laptop(t)
	must(a.p.MarkNotFound(ctx, purchasing.NotFoundInput{TripID: trip.ID, ProductID: a.sunscreen}))(t)
	must(b.p.Buy(ctx, purchasing.BuyInput{TripID: trip.ID, ProductID: a.sunscreen, Qty: 1, UnitPrice: 2800, PaidWith: "card"}))(t)
	exchange(t, a.svc.DB, b.svc.DB)
	exchange(t, b.svc.DB, a.svc.DB)
	for _, e := range []*env{a, b} {
		sum := must(e.p.TripSummary(ctx, trip.ID))(t)
		if len(sum.NotFound) != 0 {
			t.Fatalf("refunds due after the goods were found elsewhere: %+v", sum.NotFound)
		}
		d := must(e.svc.Orders.GetOrder(ctx, order.Order.ID))(t)
		if d.Order.Status != orders.Allocated || d.Figures.RefundDue != 0 || d.Lines[0].NotFound != "" {
			t.Fatalf("order: %s, refund due %d, line %+v", d.Order.Status, d.Figures.RefundDue, d.Lines[0])
		}
		it := item(t, must(e.p.ShoppingList(ctx, trip.ID))(t), a.sunscreen)
		if it.Bought != 1 || it.Need != 0 || !it.NotFound {
			t.Fatalf("list item: %+v", it)
		}
	}
	if dump(t, a.svc.DB) != dump(t, b.svc.DB) {
		t.Fatal("the laptops disagree")
	}
}
