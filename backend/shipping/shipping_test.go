package shipping_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"daigoudesk/backend/catalog"
	"daigoudesk/backend/domain"
	"daigoudesk/backend/orders"
	"daigoudesk/backend/services"
	"daigoudesk/backend/shipping"
	"daigoudesk/backend/stock"
	"daigoudesk/backend/store"
)

var ctx = context.Background()

// env is a fresh data folder with a shelf holding stock of a serum (400 g) and a sunscreen
// (100 g), a USD and a JPY rate, and a customer in Guangdong.
type env struct {
	svc              *services.Services
	s                *shipping.Service
	shelf            string
	serum, sunscreen string
	alice            string
	now              time.Time
}

func mustOpen(tb testing.TB) *env {
	tb.Helper()
	svc, err := services.Open(tb.TempDir())
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { svc.Close() })
	e := &env{svc: svc, s: svc.Shipping, now: time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)}
	clock := func() time.Time { return e.now }
	svc.Orders.SetClock(clock)
	svc.Shipping.SetClock(clock)
	z := must(svc.Catalog.SaveZone(ctx, catalog.Zone{Name: "家里"}))(tb)
	e.shelf = must(svc.Catalog.SaveLocation(ctx, catalog.Location{ZoneID: z.ID, Name: "A-1"}))(tb).ID
	e.serum = must(svc.Catalog.CreateProduct(ctx, catalog.ProductInput{SKU: "SKII-230", NameZh: "神仙水", NameOrig: "SK-II",
		Brand: "SK-II", Cost: 60000, CostCurrency: "CNY", Price: 120000, PriceCurrency: "CNY", WeightG: 400}))(tb).ID
	e.sunscreen = must(svc.Catalog.CreateProduct(ctx, catalog.ProductInput{SKU: "ANESSA-60", NameZh: "安耐晒", Brand: "Anessa",
		Cost: 10000, CostCurrency: "CNY", Price: 20000, PriceCurrency: "CNY", WeightG: 100}))(tb).ID
	for _, p := range []string{e.serum, e.sunscreen} {
		must(svc.Stock.Receive(ctx, stock.ReceiveInput{ProductID: p, LocationID: e.shelf, Qty: 20}))(tb)
	}
	must(svc.Orders.SetRate(ctx, "USD", "7.2", "2026-01-01"))(tb)
	must(svc.Orders.SetRate(ctx, "JPY", "0.048", "2026-01-01"))(tb)
	e.alice = domain.NewID()
	if err := svc.DB.Write(ctx, func(tx *store.Tx) error {
		return tx.Set("customers", e.alice, store.Fields{"name": "张丽", "id_number": "11010519491231002X"})
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
	if e.Code == code && e.Key == key {
		return
	}
	for _, d := range e.Details {
		if d.Code == code && d.Key == key {
			return
		}
	}
	tb.Fatalf("want %s/%s, got %s/%s: %v", code, key, e.Code, e.Key, err)
}

type lineQty struct {
	product string
	qty     int64
}

// order takes a confirmed order (stock reserved) for alice in Shenzhen.
func (e *env) order(tb testing.TB, lines ...lineQty) orders.Detail {
	tb.Helper()
	in := orders.OrderInput{Channel: "wechat", CustomerID: e.alice, Currency: "CNY", ShipName: "张丽", ShipPhone: "13800000000",
		ShipProvince: "广东省", ShipCity: "深圳市", ShipDistrict: "南山区", ShipStreet: "科技园路1号"}
	for _, l := range lines {
		in.Lines = append(in.Lines, orders.LineInput{ProductID: l.product, Qty: l.qty, UnitPrice: 10000})
	}
	d := must(e.svc.Orders.CreateOrder(ctx, in))(tb)
	return must(e.svc.Orders.Transition(ctx, orders.TransitionInput{OrderID: d.Order.ID, To: orders.Confirmed}))(tb)
}

func (e *env) status(tb testing.TB, order string) string {
	tb.Helper()
	return must(e.svc.Orders.GetOrder(ctx, order))(tb).Order.Status
}

func (e *env) level(tb testing.TB, product string) stock.Level {
	tb.Helper()
	return must(e.svc.Stock.OnHand(ctx, product))(tb)
}

func TestPackShipDeliverTwoOrders(t *testing.T) {
	e := mustOpen(t)
	o1 := e.order(t, lineQty{e.serum, 1})
	o2 := e.order(t, lineQty{e.sunscreen, 2})
	if l := e.level(t, e.serum); l.Reserved != 1 {
		t.Fatalf("confirming reserves: %+v", l)
	}
	d := must(e.s.DraftParcel(ctx, []string{o1.Order.ID, o2.Order.ID}))(t)
	if len(d.Parcel.Items) != 2 || d.Parcel.WeightG != 600 {
		t.Fatalf("draft holds both orders' goods, 400+2×100 g: %+v", d.Parcel)
	}
	if d.Parcel.IDNumber != "11010519491231002X" || d.Parcel.ShipProvince != "广东省" {
		t.Fatalf("draft takes recipient and ID from the order and customer: %+v", d.Parcel)
	}
	if !strings.Contains(d.Parcel.Contents, "神仙水") || !strings.Contains(d.Parcel.Contents, "安耐晒") {
		t.Fatalf("contents from product names: %q", d.Parcel.Contents)
	}
	if len(d.Quote.Options) < 2 || !d.Quote.Options[0].Suggested || d.Parcel.ServiceID != d.Quote.Options[0].ServiceID {
		t.Fatalf("the suggested option comes first and is chosen: %+v", d.Quote.Options)
	}
	for _, o := range d.Quote.Options {
		if o.Currency == "USD" || o.Currency == "JPY" {
			t.Fatalf("a parcel from home (CN) is not offered international services: %+v", o)
		}
	}
	in := d.Parcel
	in.Freight, in.FreightCurrency = 2000, "CNY"
	p := must(e.s.SaveParcel(ctx, in))(t)
	if !strings.HasPrefix(p.Number, "PCL-") || p.Status != "packed" || len(p.Orders) != 2 || p.Seq != 1 || p.Count != 1 {
		t.Fatalf("packed parcel: %+v", p)
	}
	for _, o := range []string{o1.Order.ID, o2.Order.ID} {
		if st := e.status(t, o); st != orders.Packed {
			t.Fatalf("an order wholly in a parcel is packed, got %s", st)
		}
	}
	if ready := must(e.s.ReadyToPack(ctx))(t); len(ready) != 0 {
		t.Fatalf("nothing is left to pack: %+v", ready)
	}
	waiting := must(e.s.Parcels(ctx, shipping.ParcelFilter{Status: "waiting"}))(t)
	if len(waiting) != 1 || waiting[0].ID != p.ID {
		t.Fatalf("the parcel waits for its label: %+v", waiting)
	}

	// freight is shared by weight: 400 g and 200 g of 600 g
	if f := must(e.svc.Orders.GetOrder(ctx, o1.Order.ID))(t).Profit.Freight; f != 1333 {
		t.Fatalf("order 1 carries 2/3 of ¥20.00 freight, got %d", f)
	}
	if f := must(e.svc.Orders.GetOrder(ctx, o2.Order.ID))(t).Profit.Freight; f != 667 {
		t.Fatalf("order 2 carries 1/3 of ¥20.00 freight, got %d", f)
	}

	e.now = e.now.Add(2 * time.Hour)
	p = must(e.s.AddEvent(ctx, shipping.EventInput{ParcelID: p.ID, Kind: "picked_up", Place: "深圳"}))(t)
	if p.Status != "in_transit" || p.ShippedAt == "" {
		t.Fatalf("picked up is in transit: %+v", p)
	}
	if l := e.level(t, e.serum); l.OnHand != 19 || l.Reserved != 0 {
		t.Fatalf("shipping takes the reserved goods out: %+v", l)
	}
	if l := e.level(t, e.sunscreen); l.OnHand != 18 || l.Reserved != 0 {
		t.Fatalf("shipping takes the reserved goods out: %+v", l)
	}
	for _, o := range []string{o1.Order.ID, o2.Order.ID} {
		if st := e.status(t, o); st != orders.Shipped {
			t.Fatalf("the orders shipped, got %s", st)
		}
	}
	mustErr(t, e.s.DeleteParcel(ctx, p.ID), domain.EConflict, "shipping.parcel.shipped")
	must(e.s.AddEvent(ctx, shipping.EventInput{ParcelID: p.ID, Kind: "customs", At: "2026-03-11 08:00", Place: "上海海关"}))(t)
	p = must(e.s.AddEvent(ctx, shipping.EventInput{ParcelID: p.ID, Kind: "delivered", At: "2026-03-12 15:30"}))(t)
	if p.Status != "delivered" || p.DeliveredAt != "2026-03-12T07:30:00Z" || len(p.Events) != 3 {
		t.Fatalf("delivered (China time taken as UTC+8): %+v", p)
	}
	for _, o := range []string{o1.Order.ID, o2.Order.ID} {
		if st := e.status(t, o); st != orders.Delivered {
			t.Fatalf("the orders are delivered, got %s", st)
		}
	}
	if l := e.level(t, e.serum); l.OnHand != 19 {
		t.Fatalf("delivery moves no stock: %+v", l)
	}
}

func TestSplitOrderShipsInTwoParcels(t *testing.T) {
	e := mustOpen(t)
	o := e.order(t, lineQty{e.serum, 2}, lineQty{e.sunscreen, 1})
	serumLine, sunLine := o.Lines[0].ID, o.Lines[1].ID
	p1 := must(e.s.SaveParcel(ctx, shipping.ParcelInput{ShipName: "张丽", ShipProvince: "广东", WeightG: 400,
		Items: []shipping.ItemInput{{LineID: serumLine, Qty: 1}}}))(t)
	if st := e.status(t, o.Order.ID); st != orders.Confirmed {
		t.Fatalf("a part packed leaves the order as it was, got %s", st)
	}
	if left := must(e.s.LeftToPack(ctx, o.Order.ID))(t); left != 2 {
		t.Fatalf("one serum and one sunscreen are left to pack, got %d", left)
	}
	_, err := e.s.SaveParcel(ctx, shipping.ParcelInput{ShipName: "张丽", Items: []shipping.ItemInput{{LineID: serumLine, Qty: 2}}})
	mustErr(t, err, domain.EConflict, "shipping.item.tooMany")
	_, err = e.s.SaveParcel(ctx, shipping.ParcelInput{ShipName: "张丽", Items: []shipping.ItemInput{{LineID: sunLine, Qty: -1}}})
	mustErr(t, err, domain.EInvalid, "shipping.item.qty")
	_, err = e.s.SaveParcel(ctx, shipping.ParcelInput{ShipName: "张丽", WeightG: -5, Items: []shipping.ItemInput{{LineID: sunLine, Qty: 1}}})
	mustErr(t, err, domain.EInvalid, "shipping.parcel.negative")
	if n := len(must(e.s.Parcels(ctx, shipping.ParcelFilter{}))(t)); n != 1 {
		t.Fatalf("refused parcels change nothing: %d parcels", n)
	}

	must(e.s.AddEvent(ctx, shipping.EventInput{ParcelID: p1.ID, Kind: "picked_up"}))(t)
	if l := e.level(t, e.serum); l.OnHand != 19 || l.Reserved != 1 {
		t.Fatalf("the first parcel takes its one serum out, one stays reserved: %+v", l)
	}
	if st := e.status(t, o.Order.ID); st != orders.Confirmed {
		t.Fatalf("half shipped is not shipped, got %s", st)
	}
	p2 := must(e.s.SaveParcel(ctx, shipping.ParcelInput{ShipName: "张丽", ShipProvince: "广东",
		Items: []shipping.ItemInput{{LineID: serumLine, Qty: 1}, {LineID: sunLine, Qty: 1}}}))(t)
	if p2.Seq != 2 || p2.Count != 2 {
		t.Fatalf("second of two parcels: %d / %d", p2.Seq, p2.Count)
	}
	if st := e.status(t, o.Order.ID); st != orders.Packed {
		t.Fatalf("all lines in parcels: packed, got %s", st)
	}
	must(e.s.AddEvent(ctx, shipping.EventInput{ParcelID: p2.ID, Kind: "in_transit"}))(t)
	if l := e.level(t, e.serum); l.OnHand != 18 || l.Reserved != 0 {
		t.Fatalf("both serums out: %+v", l)
	}
	if st := e.status(t, o.Order.ID); st != orders.Shipped {
		t.Fatalf("all parcels shipped: shipped, got %s", st)
	}
	must(e.s.AddEvent(ctx, shipping.EventInput{ParcelID: p2.ID, Kind: "delivered"}))(t)
	if st := e.status(t, o.Order.ID); st != orders.Shipped {
		t.Fatalf("one parcel of two delivered: still shipped, got %s", st)
	}
	must(e.s.AddEvent(ctx, shipping.EventInput{ParcelID: p1.ID, Kind: "delivered"}))(t)
	if st := e.status(t, o.Order.ID); st != orders.Delivered {
		t.Fatalf("both delivered, got %s", st)
	}
}

func TestUnpackAndCancelledOrders(t *testing.T) {
	e := mustOpen(t)
	o := e.order(t, lineQty{e.serum, 1})
	p := must(e.s.SaveParcel(ctx, shipping.ParcelInput{ShipName: "张丽", Items: []shipping.ItemInput{{LineID: o.Lines[0].ID, Qty: 1}}}))(t)
	if err := e.s.DeleteParcel(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	ready := must(e.s.ReadyToPack(ctx))(t)
	if len(ready) != 1 || ready[0].Left != 1 {
		t.Fatalf("unpacked goods are ready to pack again: %+v", ready)
	}
	p = must(e.s.SaveParcel(ctx, shipping.ParcelInput{ShipName: "张丽", Items: []shipping.ItemInput{{LineID: o.Lines[0].ID, Qty: 1}}}))(t)
	must(e.svc.Orders.Transition(ctx, orders.TransitionInput{OrderID: o.Order.ID, To: orders.Cancelled}))(t)
	_, err := e.s.AddEvent(ctx, shipping.EventInput{ParcelID: p.ID, Kind: "picked_up"})
	mustErr(t, err, domain.EConflict, "shipping.parcel.cancelledOrder")
	if got := must(e.s.GetParcel(ctx, p.ID))(t); !got.HasCancelled || got.Status != "packed" {
		t.Fatalf("the parcel shows the cancelled order and did not ship: %+v", got)
	}
	_, err = e.s.AddEvent(ctx, shipping.EventInput{ParcelID: p.ID, Kind: "teleported"})
	mustErr(t, err, domain.EInvalid, "shipping.event.kind")
}

func TestQuoteRules(t *testing.T) {
	if g := shipping.ChargeableG(1000, 400, 300, 200, 6000); g != 4000 {
		t.Fatalf("40×30×20 cm at 6000 weighs 4 kg: %d", g)
	}
	if g := shipping.ChargeableG(5000, 400, 300, 200, 6000); g != 5000 {
		t.Fatalf("heavier than its volume: %d", g)
	}
	r := shipping.Rate{FirstG: 1000, FirstFee: 1800, ExtraG: 1000, ExtraFee: 500}
	for _, c := range []struct{ g, fee int64 }{{1, 1800}, {1000, 1800}, {1001, 2300}, {3000, 2800}, {3001, 3300}} {
		if f := shipping.Fee(r, c.g); f != c.fee {
			t.Fatalf("%d g costs %d, got %d", c.g, c.fee, f)
		}
	}

	e := mustOpen(t)
	light := must(e.s.Quote(ctx, shipping.QuoteInput{Province: "广东省", WeightG: 300}))(t)
	if !light.Light || light.Options[0].Tier != "economy" || light.Options[0].Reason != "light" {
		t.Fatalf("a light parcel goes economy: %+v", light.Options[0])
	}
	valuable := must(e.s.Quote(ctx, shipping.QuoteInput{Province: "广东省", WeightG: 300, DeclaredValue: 500000, Currency: "CNY"}))(t)
	if top := valuable.Options[0]; !valuable.Valuable || !top.Insurance || !top.Signature || top.Reason != "valuable" {
		t.Fatalf("a valuable parcel is insured and signed for: %+v", top)
	}
	for _, o := range valuable.Options {
		if o.MeetsRules != (o.Insurance && o.Signature) {
			t.Fatalf("meets rules only with insurance and signature: %+v", o)
		}
	}
	// a rule for Xinjiang: EMS
	var ems string
	for _, c := range must(e.s.Carriers(ctx))(t) {
		for _, v := range c.Services {
			if v.NameEn == "EMS Standard" {
				ems = v.ID
			}
		}
	}
	rules := shipping.DefaultRules()
	rules.Destinations = []shipping.DestinationRule{{Provinces: "新疆，西藏", ServiceID: ems}}
	must(e.s.SaveRules(ctx, rules))(t)
	far := must(e.s.Quote(ctx, shipping.QuoteInput{Province: "新疆维吾尔自治区", WeightG: 2000}))(t)
	if far.Options[0].ServiceID != ems || far.Options[0].Reason != "destination" {
		t.Fatalf("the destination rule wins: %+v", far.Options[0])
	}
	abroad := must(e.s.Quote(ctx, shipping.QuoteInput{Origin: "JP", Province: "上海", WeightG: 1200}))(t)
	for _, o := range abroad.Options {
		if o.Currency == "CNY" && o.Tier != "economy" {
			t.Fatalf("from Japan, no domestic Chinese service: %+v", o)
		}
	}
	if len(abroad.Options) < 4 || abroad.Options[0].FeeBase > abroad.Options[1].FeeBase && abroad.Options[0].Reason == "cheapest" {
		t.Fatalf("international options, cheapest first: %+v", abroad.Options)
	}
	_, err := e.s.Quote(ctx, shipping.QuoteInput{WeightG: -1})
	mustErr(t, err, domain.EInvalid, "shipping.parcel.negative")
}

func TestEditBuiltInCarrier(t *testing.T) {
	e := mustOpen(t)
	before := must(e.s.Carriers(ctx))(t)
	if len(before) != 6 || !before[0].BuiltIn {
		t.Fatalf("six preloaded carriers: %d", len(before))
	}
	var n int
	e.svc.DB.R().QueryRow(`SELECT count(*) FROM carriers`).Scan(&n)
	if n != 0 {
		t.Fatal("preloaded carriers are not written until edited")
	}
	sf := before[0]
	for _, c := range before {
		if c.NameEn == "SF Express" {
			sf = c
		}
	}
	v := sf.Services[0]
	v.Rates = v.Rates[:1]
	v.Rates[0].FirstFee = 999
	saved := must(e.s.SaveService(ctx, v))(t)
	if len(saved.Rates) != 1 || saved.Rates[0].FirstFee != 999 {
		t.Fatalf("rates replaced: %+v", saved.Rates)
	}
	v.Rates = append(v.Rates, shipping.Rate{Zone: "x", FirstG: 0})
	_, err := e.s.SaveService(ctx, v)
	mustErr(t, err, domain.EInvalid, "shipping.rate.numbers")
	if err := e.s.DeleteCarrier(ctx, sf.ID); err != nil {
		t.Fatal(err)
	}
	after := must(e.s.Carriers(ctx))(t)
	if len(after) != 5 {
		t.Fatalf("a deleted preloaded carrier stays deleted: %d", len(after))
	}
}
