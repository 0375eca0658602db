package orders_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"testing"
	"time"

	"daigoudesk/backend/catalog"
	"daigoudesk/backend/domain"
	"daigoudesk/backend/orders"
	"daigoudesk/backend/services"
	"daigoudesk/backend/stock"
	"daigoudesk/backend/store"
)

var ctx = context.Background()

// env is a fresh data folder with two zones (one location each), a product costing ¥5,000
// (JPY), a JPY rate, and a customer.
type env struct {
	svc                    *services.Services
	o                      *orders.Service
	zoneA, zoneB           string
	locA, locB             string
	serum, cream, customer string
}

func mustOpen(tb testing.TB) *env {
	tb.Helper()
	svc, err := services.Open(tb.TempDir())
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { svc.Close() })
	e := &env{svc: svc, o: svc.Orders}
	e.o.SetClock(func() time.Time { return time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC) })
	za := must(svc.Catalog.SaveZone(ctx, catalog.Zone{Name: "华南仓"}))(tb)
	zb := must(svc.Catalog.SaveZone(ctx, catalog.Zone{Name: "东京"}))(tb)
	la := must(svc.Catalog.SaveLocation(ctx, catalog.Location{ZoneID: za.ID, Name: "A-1"}))(tb)
	lb := must(svc.Catalog.SaveLocation(ctx, catalog.Location{ZoneID: zb.ID, Name: "B-1"}))(tb)
	e.zoneA, e.zoneB, e.locA, e.locB = za.ID, zb.ID, la.ID, lb.ID
	e.serum = must(svc.Catalog.CreateProduct(ctx, catalog.ProductInput{SKU: "SKII-230", NameZh: "神仙水", Cost: 5000,
		CostCurrency: "JPY", Price: 39900, PriceCurrency: "CNY"}))(tb).ID
	e.cream = must(svc.Catalog.CreateProduct(ctx, catalog.ProductInput{SKU: "DHC-C", NameZh: "面霜", Cost: 2000,
		CostCurrency: "CNY", Price: 10000, PriceCurrency: "CNY"}))(tb).ID
	must(e.o.SetRate(ctx, "JPY", "0.048", "2026-01-01"))(tb)
	e.customer = domain.NewID()
	if err := svc.DB.Write(ctx, func(tx *store.Tx) error {
		if err := tx.Set("customers", e.customer, store.Fields{"name": "王小明", "wechat": "wxm"}); err != nil {
			return err
		}
		return tx.Set("customer_addresses", domain.NewID(), store.Fields{"customer_id": e.customer, "recipient": "王小明",
			"phone": "13800000000", "province": "广东省", "city": "深圳市", "street": "南山区科技园1号", "is_default": 1})
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

func (e *env) receive(tb testing.TB, product, loc string, qty int64) {
	tb.Helper()
	if _, err := e.svc.Stock.Receive(ctx, stock.ReceiveInput{ProductID: product, LocationID: loc, Qty: qty}); err != nil {
		tb.Fatal(err)
	}
}

func (e *env) level(tb testing.TB, product string) stock.Level {
	return must(e.svc.Stock.OnHand(ctx, product))(tb)
}

func (e *env) draft(tb testing.TB, cur string, lines ...orders.LineInput) orders.Detail {
	tb.Helper()
	return must(e.o.CreateOrder(ctx, orders.OrderInput{Channel: "wechat", CustomerID: e.customer, Currency: cur,
		OrderedAt: "2026-03-01", Lines: lines}))(tb)
}

func (e *env) step(tb testing.TB, id string, to ...string) orders.Detail {
	tb.Helper()
	var d orders.Detail
	for _, s := range to {
		d = must(e.o.Transition(ctx, orders.TransitionInput{OrderID: id, To: s}))(tb)
	}
	return d
}

func wantErr(tb testing.TB, err error, code, key string) *domain.Error {
	tb.Helper()
	e := domain.AsError(err)
	if e == nil || e.Code != code || (key != "" && e.Key != key) {
		tb.Fatalf("want %s/%s, got %v (%#v)", code, key, err, e)
	}
	return e
}

func TestHappyPath(t *testing.T) {
	e := mustOpen(t)
	e.receive(t, e.serum, e.locA, 10)
	d := must(e.o.CreateOrder(ctx, orders.OrderInput{Channel: "wechat", ChannelOrderNo: "WX-1", CustomerID: e.customer,
		Currency: "CNY", Discount: 1000, ShippingFee: 2000, OrderedAt: "2026-03-01",
		Lines: []orders.LineInput{{ProductID: e.serum, Qty: 2, UnitPrice: 39900}}}))(t)
	if d.Order.Status != orders.Draft || d.Figures.Total != 80800 || d.Order.ShipName != "王小明" || d.Order.ShipProvince != "广东省" {
		t.Fatalf("draft: %+v %+v", d.Order, d.Figures)
	}
	id := d.Order.ID
	d = e.step(t, id, orders.Confirmed)
	if d.Order.Status != orders.Confirmed || d.Lines[0].Reserved != 2 || d.Lines[0].LocationID != e.locA {
		t.Fatalf("confirm: %s %+v", d.Order.Status, d.Lines[0])
	}
	if l := e.level(t, e.serum); l.Reserved != 2 || l.Available != 8 {
		t.Fatalf("stock after confirm %+v", l)
	}
	d = must(e.o.AddPayment(ctx, orders.PaymentInput{OrderID: id, Kind: "deposit", Amount: 20000, Method: "wechat", PaidAt: "2026-03-01"}))(t)
	if d.Order.Status != orders.Deposit || d.Figures.BalanceDue != 60800 {
		t.Fatalf("deposit: %s %+v", d.Order.Status, d.Figures)
	}
	d = must(e.o.AddPayment(ctx, orders.PaymentInput{OrderID: id, Kind: "payment", Amount: 60800, Method: "alipay", Ref: "AP-9", PaidAt: "2026-03-02"}))(t)
	if d.Order.Status != orders.Paid || d.Figures.BalanceDue != 0 || d.Figures.PaidBase != 80800 {
		t.Fatalf("paid: %s %+v", d.Order.Status, d.Figures)
	}
	d = e.step(t, id, orders.Packed, orders.Shipped)
	if l := e.level(t, e.serum); l.OnHand != 8 || l.Reserved != 0 || l.Available != 8 {
		t.Fatalf("stock after ship %+v", l)
	}
	if d.Lines[0].Shipped != 2 || d.Lines[0].Reserved != 0 {
		t.Fatalf("line after ship %+v", d.Lines[0])
	}
	d = e.step(t, id, orders.Delivered, orders.Completed)
	if d.Order.Status != orders.Completed || len(d.Next) != 0 {
		t.Fatalf("complete: %s %v", d.Order.Status, d.Next)
	}
	// cost 2 × ¥5,000 × 0.048 = 480.00 CNY; revenue 808.00 CNY
	if p := d.Profit; p.Revenue != 80800 || p.Cost != 48000 || p.Profit != 32800 || p.Expected != 32800 || len(p.Missing) != 0 {
		t.Fatalf("profit %+v", p)
	}
	var kinds []string
	for _, te := range d.Timeline {
		kinds = append(kinds, te.Type+":"+te.Kind)
	}
	want := []string{"payment:deposit", "payment:payment", "event:confirmed", "event:packed", "event:shipped", "event:delivered", "event:completed"}
	if len(kinds) != len(want) {
		t.Fatalf("timeline %v", kinds)
	}
	if !slices.IsSortedFunc(d.Timeline, func(a, b orders.TimelineEntry) int { return strings.Compare(a.At, b.At) }) {
		t.Fatalf("timeline not in time order: %v", kinds)
	}
}

func TestCancelReleasesReservation(t *testing.T) {
	e := mustOpen(t)
	e.receive(t, e.serum, e.locA, 5)
	d := e.draft(t, "CNY", orders.LineInput{ProductID: e.serum, Qty: 3, UnitPrice: 100},
		orders.LineInput{Title: "限定口红(预订)", Preorder: true, Qty: 1, UnitPrice: 500})
	e.step(t, d.Order.ID, orders.Confirmed)
	if l := e.level(t, e.serum); l.Reserved != 3 {
		t.Fatalf("reserved %+v", l)
	}
	must(e.o.AddPayment(ctx, orders.PaymentInput{OrderID: d.Order.ID, Kind: "deposit", Amount: 300, Method: "cash"}))(t)
	d = e.step(t, d.Order.ID, orders.Cancelled)
	if l := e.level(t, e.serum); l.Reserved != 0 || l.Available != 5 {
		t.Fatalf("after cancel %+v", l)
	}
	if d.Order.Status != orders.Cancelled || d.Profit.Cost != 0 {
		t.Fatalf("cancelled: %s %+v", d.Order.Status, d.Profit)
	}
	_, err := e.o.AddPayment(ctx, orders.PaymentInput{OrderID: d.Order.ID, Kind: "payment", Amount: 1, Method: "cash"})
	wantErr(t, err, domain.EConflict, "order.payment.status")
	d = must(e.o.AddPayment(ctx, orders.PaymentInput{OrderID: d.Order.ID, Kind: "refund", Amount: 300, Method: "cash"}))(t)
	if d.Figures.Paid != 0 || d.Figures.Refunded != 300 || d.Order.Status != orders.Cancelled {
		t.Fatalf("refund after cancel %+v", d.Figures)
	}
}

func TestIllegalTransitions(t *testing.T) {
	e := mustOpen(t)
	e.receive(t, e.serum, e.locA, 50)
	line := orders.LineInput{ProductID: e.serum, Qty: 1, UnitPrice: 100}
	scenarios := []struct {
		name   string
		before []string
		to     string
		from   string
	}{
		{"DraftToShipped", nil, orders.Shipped, orders.Draft},
		{"DraftToPaidIsNotAnEvent", nil, orders.Paid, orders.Draft},
		{"ConfirmedToShippedSkipsPacking", []string{orders.Confirmed}, orders.Shipped, orders.Confirmed},
		{"ConfirmTwice", []string{orders.Confirmed}, orders.Confirmed, orders.Confirmed},
		{"ShippedCannotBeCancelled", []string{orders.Confirmed, orders.Packed, orders.Shipped}, orders.Cancelled, orders.Shipped},
		{"CompletedIsFinal", []string{orders.Confirmed, orders.Packed, orders.Shipped, orders.Delivered, orders.Completed}, orders.Cancelled, orders.Completed},
		{"CancelledIsFinal", []string{orders.Cancelled}, orders.Confirmed, orders.Cancelled},
		{"BoughtBeforeAllocated", []string{orders.Confirmed, orders.Bought}, orders.Allocated, orders.Bought},
		{"UnknownEvent", []string{orders.Confirmed}, "teleported", orders.Confirmed},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			d := e.draft(t, "CNY", line)
			e.step(t, d.Order.ID, sc.before...)
			var events int
			e.svc.DB.R().QueryRow(`SELECT count(*) FROM order_events WHERE order_id = ?`, d.Order.ID).Scan(&events)
			_, err := e.o.Transition(ctx, orders.TransitionInput{OrderID: d.Order.ID, To: sc.to})
			de := wantErr(t, err, domain.EConflict, "order.transition")
			if de.Params["from"] != sc.from || de.Params["to"] != sc.to {
				t.Fatalf("params %v", de.Params)
			}
			var after int
			e.svc.DB.R().QueryRow(`SELECT count(*) FROM order_events WHERE order_id = ?`, d.Order.ID).Scan(&after)
			if after != events {
				t.Fatal("a refused transition wrote an event")
			}
		})
	}
	t.Run("UpdateAfterConfirm", func(t *testing.T) {
		d := e.draft(t, "CNY", line)
		e.step(t, d.Order.ID, orders.Confirmed)
		_, err := e.o.UpdateOrder(ctx, d.Order.ID, orders.OrderInput{Channel: "wechat", CustomerID: e.customer, Currency: "CNY",
			Lines: []orders.LineInput{line}})
		wantErr(t, err, domain.EConflict, "order.notDraft")
		// the ship-to and due date still change
		d = must(e.o.UpdateOrderInfo(ctx, d.Order.ID, orders.InfoInput{ShipName: "李四", DueDate: "2026-03-12"}))(t)
		if d.Order.ShipName != "李四" || d.Order.EffPriority != "urgent" {
			t.Fatalf("info %+v", d.Order)
		}
	})
}

func TestConfirmRefusedWhenShort(t *testing.T) {
	e := mustOpen(t)
	e.receive(t, e.serum, e.locA, 3)
	e.receive(t, e.cream, e.locA, 1)
	d := e.draft(t, "CNY", orders.LineInput{ProductID: e.serum, Qty: 2, UnitPrice: 100},
		orders.LineInput{ProductID: e.cream, Qty: 2, UnitPrice: 100})
	var opsBefore int
	e.svc.DB.R().QueryRow(`SELECT count(*) FROM oplog`).Scan(&opsBefore)
	_, err := e.o.Transition(ctx, orders.TransitionInput{OrderID: d.Order.ID, To: orders.Confirmed})
	de := wantErr(t, err, domain.EConflict, "order.line.stock")
	if de.Field != "lines[1].qty" || de.Params["available"] != int64(1) {
		t.Fatalf("error %+v", de)
	}
	var opsAfter int
	e.svc.DB.R().QueryRow(`SELECT count(*) FROM oplog`).Scan(&opsAfter)
	if opsAfter != opsBefore {
		t.Fatalf("a refused confirm wrote %d operations", opsAfter-opsBefore)
	}
	if l := e.level(t, e.serum); l.Reserved != 0 {
		t.Fatalf("serum reserved %+v", l)
	}
	if got := must(e.o.GetOrder(ctx, d.Order.ID))(t); got.Order.Status != orders.Draft || got.Lines[0].LocationID != "" {
		t.Fatalf("order changed: %+v", got.Order)
	}
}

func TestPaymentsInJPY(t *testing.T) {
	e := mustOpen(t)
	pre := orders.LineInput{Title: "东京限定", Preorder: true, Qty: 1, UnitPrice: 10000}
	d := e.draft(t, "JPY", pre)
	id := d.Order.ID
	e.step(t, id, orders.Confirmed)
	d = must(e.o.AddPayment(ctx, orders.PaymentInput{OrderID: id, Kind: "payment", Amount: 10000, Rate: "0.05", Method: "bank", PaidAt: "2026-03-01"}))(t)
	if d.Order.Status != orders.Paid || d.Figures.PaidBase != 50000 || d.Figures.Paid != 10000 {
		t.Fatalf("paid in JPY: %s %+v", d.Order.Status, d.Figures)
	}
	// refund ¥3,000 at the kept rate 0.048 = 144.00 CNY
	d = must(e.o.AddPayment(ctx, orders.PaymentInput{OrderID: id, Kind: "refund", Amount: 3000, Method: "bank", PaidAt: "2026-03-05"}))(t)
	if d.Figures.Paid != 7000 || d.Figures.Refunded != 3000 || d.Figures.PaidBase != 50000-14400 || d.Figures.RefundedBase != 14400 {
		t.Fatalf("after refund %+v", d.Figures)
	}
	if d.Order.Status != orders.Deposit {
		t.Fatalf("a partly refunded confirmed order is %s", d.Order.Status)
	}
	_, err := e.o.AddPayment(ctx, orders.PaymentInput{OrderID: id, Kind: "refund", Amount: 7001, Method: "bank"})
	wantErr(t, err, domain.EConflict, "order.refund.tooMuch")

	// a JPY order paid in CNY: 480.00 CNY at 0.048 is ¥10,000 toward ¥20,000
	d2 := e.draft(t, "JPY", orders.LineInput{Title: "x", Preorder: true, Qty: 2, UnitPrice: 10000})
	e.step(t, d2.Order.ID, orders.Confirmed)
	d2 = must(e.o.AddPayment(ctx, orders.PaymentInput{OrderID: d2.Order.ID, Kind: "deposit", Amount: 48000, Currency: "CNY", Method: "wechat", PaidAt: "2026-03-01"}))(t)
	if d2.Figures.Paid != 10000 || d2.Figures.PaidBase != 48000 || d2.Order.Status != orders.Deposit || d2.Figures.BalanceDue != 10000 {
		t.Fatalf("CNY on JPY order %s %+v", d2.Order.Status, d2.Figures)
	}
	// no rate kept for USD
	_, err = e.o.AddPayment(ctx, orders.PaymentInput{OrderID: id, Kind: "payment", Amount: 100, Currency: "USD", Method: "bank"})
	wantErr(t, err, domain.EInvalid, "order.rate.missing")
	for _, bad := range []struct {
		in  orders.PaymentInput
		key string
	}{
		{orders.PaymentInput{OrderID: id, Kind: "tip", Amount: 1, Method: "cash"}, "order.payment.kind"},
		{orders.PaymentInput{OrderID: id, Kind: "payment", Amount: 0, Method: "cash"}, "order.payment.amount"},
		{orders.PaymentInput{OrderID: id, Kind: "payment", Amount: 1, Method: "paypal"}, "order.payment.method"},
		{orders.PaymentInput{OrderID: id, Kind: "payment", Amount: 1, Method: "cash", Rate: "-1"}, "order.rate.format"},
	} {
		_, err := e.o.AddPayment(ctx, bad.in)
		wantErr(t, err, domain.EInvalid, bad.key)
	}
	// rates on a date
	must(e.o.SetRate(ctx, "JPY", "0.05", "2026-03-03"))(t)
	for date, want := range map[string]string{"2026-03-02": "0.048", "2026-03-03": "0.05", "2026-12-31T10:00:00Z": "0.05"} {
		if got := must(e.o.RateOn(ctx, "JPY", date))(t); got != want {
			t.Fatalf("rate on %s = %s, want %s", date, got, want)
		}
	}
	_, err = e.o.RateOn(ctx, "JPY", "2025-12-31")
	wantErr(t, err, domain.EInvalid, "order.rate.missing")
	if got := must(e.o.RateOn(ctx, "CNY", "2020-01-01"))(t); got != "1" {
		t.Fatalf("base rate %s", got)
	}
}

func TestPartialReturnWithRefund(t *testing.T) {
	e := mustOpen(t)
	e.receive(t, e.cream, e.locA, 10)
	d := e.draft(t, "CNY", orders.LineInput{ProductID: e.cream, Qty: 3, UnitPrice: 10000})
	id, lineID := d.Order.ID, d.Lines[0].ID
	_, err := e.o.AddReturn(ctx, orders.ReturnInput{OrderID: id, Lines: []orders.ReturnLine{{lineID, 1}}, Reason: "过敏",
		Condition: "opened", Disposition: "restock"})
	wantErr(t, err, domain.EConflict, "order.return.notShipped")
	e.step(t, id, orders.Confirmed)
	must(e.o.AddPayment(ctx, orders.PaymentInput{OrderID: id, Kind: "payment", Amount: 30000, Method: "wechat"}))(t)
	e.step(t, id, orders.Packed, orders.Shipped)
	if l := e.level(t, e.cream); l.OnHand != 7 {
		t.Fatalf("after ship %+v", l)
	}
	d = must(e.o.AddReturn(ctx, orders.ReturnInput{OrderID: id, Lines: []orders.ReturnLine{{lineID, 1}}, Reason: "过敏",
		Condition: "resaleable", Disposition: "restock", Refund: &orders.RefundInput{Amount: 10000, Method: "wechat"}}))(t)
	f := d.Figures
	if f.Returned != 10000 || f.NetTotal != 20000 || f.Paid != 20000 || f.Refunded != 10000 || f.BalanceDue != 0 {
		t.Fatalf("figures after return %+v", f)
	}
	if l := e.level(t, e.cream); l.OnHand != 8 {
		t.Fatalf("not restocked %+v", l)
	}
	// a damaged one written off: no stock back, still a cost
	d = must(e.o.AddReturn(ctx, orders.ReturnInput{OrderID: id, Lines: []orders.ReturnLine{{lineID, 1}}, Reason: "破损",
		Condition: "damaged", Disposition: "write_off"}))(t)
	if l := e.level(t, e.cream); l.OnHand != 8 {
		t.Fatalf("write-off changed stock %+v", l)
	}
	if d.Lines[0].Returned != 2 || d.Figures.BalanceDue != -10000 {
		t.Fatalf("after write-off %+v %+v", d.Lines[0], d.Figures)
	}
	// revenue 200.00; cost (3 − 1 restocked) × 20.00 = 40.00
	if p := d.Profit; p.Revenue != 20000 || p.Cost != 4000 || p.Profit != 16000 {
		t.Fatalf("profit %+v", p)
	}
	_, err = e.o.AddReturn(ctx, orders.ReturnInput{OrderID: id, Lines: []orders.ReturnLine{{lineID, 2}}, Reason: "x",
		Condition: "damaged", Disposition: "write_off"})
	de := wantErr(t, err, domain.EInvalid, "order.return.qty")
	if de.Params["max"] != int64(1) {
		t.Fatalf("params %v", de.Params)
	}
	var returns, refunds int
	e.svc.DB.R().QueryRow(`SELECT count(*) FROM order_returns`).Scan(&returns)
	e.svc.DB.R().QueryRow(`SELECT count(*) FROM payments WHERE kind = 'refund' AND return_id <> ''`).Scan(&refunds)
	if returns != 2 || refunds != 1 {
		t.Fatalf("%d returns, %d refunds", returns, refunds)
	}
	kinds := []string{}
	for _, te := range d.Timeline {
		kinds = append(kinds, te.Type)
	}
	if !slices.Contains(kinds, "return") {
		t.Fatalf("timeline %v", kinds)
	}
}

func TestProfitUnpaidUsesExpected(t *testing.T) {
	e := mustOpen(t)
	e.receive(t, e.serum, e.locA, 2)
	d := e.draft(t, "JPY", orders.LineInput{ProductID: e.serum, Qty: 1, UnitPrice: 8000})
	d = e.step(t, d.Order.ID, orders.Confirmed)
	// revenue 0 so far; expected ¥8,000 × 0.048 − ¥5,000 × 0.048 = 384.00 − 240.00
	if p := d.Profit; p.Revenue != 0 || p.Cost != 24000 || p.Profit != -24000 || p.Expected != 14400 {
		t.Fatalf("profit %+v", p)
	}
}

func TestDraftValidation(t *testing.T) {
	e := mustOpen(t)
	_, err := e.o.CreateOrder(ctx, orders.OrderInput{Channel: "fax", CustomerID: "nobody", Currency: "XXX", Discount: -1,
		DueDate: "12/03", Lines: []orders.LineInput{{ProductID: e.serum, Qty: 0, UnitPrice: -5}, {Qty: 1}, {ProductID: "gone", Qty: 1}}})
	de := wantErr(t, err, domain.EInvalid, "")
	got := map[string]string{}
	for _, d := range de.Details {
		got[d.Field] = d.Key
	}
	want := map[string]string{"channel": "order.channel.unknown", "currency": "order.currency.unknown",
		"discount": "order.discount.negative", "dueDate": "order.date.format", "lines[0].qty": "order.line.qty",
		"lines[0].unitPrice": "order.line.price", "lines[1].productId": "order.line.product"}
	for f, k := range want {
		if got[f] != k {
			t.Errorf("%s: want %s, got %q (all: %v)", f, k, got[f], got)
		}
	}
	_, err = e.o.CreateOrder(ctx, orders.OrderInput{Channel: "taobao", CustomerID: "nobody", Currency: "CNY",
		Lines: []orders.LineInput{{ProductID: "gone", Qty: 1}}})
	de = wantErr(t, err, domain.EInvalid, "")
	got = map[string]string{}
	for _, d := range append(de.Details, de) {
		got[d.Field] = d.Key
	}
	if got["customerId"] != "order.customer.missing" || got["lines[0].productId"] != "order.line.productMissing" {
		t.Fatalf("references: %v", got)
	}
	// editing a draft: lines removed are tombstoned, kept ones keep their id
	d := e.draft(t, "CNY", orders.LineInput{ProductID: e.serum, Qty: 1, UnitPrice: 100}, orders.LineInput{ProductID: e.cream, Qty: 1, UnitPrice: 50})
	keep := d.Lines[1]
	d = must(e.o.UpdateOrder(ctx, d.Order.ID, orders.OrderInput{Channel: "wechat", CustomerID: e.customer, Currency: "CNY",
		Lines: []orders.LineInput{{ID: keep.ID, ProductID: e.cream, Qty: 4, UnitPrice: 50}}}))(t)
	if len(d.Lines) != 1 || d.Lines[0].ID != keep.ID || d.Figures.Total != 200 {
		t.Fatalf("edited draft %+v %+v", d.Lines, d.Figures)
	}
	if err := e.o.DeleteDraft(ctx, d.Order.ID); err != nil {
		t.Fatal(err)
	}
	_, err = e.o.GetOrder(ctx, d.Order.ID)
	wantErr(t, err, domain.ENotFound, "")
}

func TestNumbering(t *testing.T) {
	e := mustOpen(t)
	line := orders.LineInput{Title: "x", Preorder: true, Qty: 1, UnitPrice: 1}
	def := strings.ToUpper(e.svc.DB.Device()[:3])
	if p := must(e.o.Prefix(ctx))(t); p != def {
		t.Fatalf("default prefix %s", p)
	}
	if n := e.draft(t, "CNY", line).Order.Number; n != "SO-"+def+"-0001" {
		t.Fatalf("first number %s", n)
	}
	wantErr(t, e.o.SetPrefix(ctx, "jp-1!"), domain.EInvalid, "order.prefix.format")
	if err := e.o.SetPrefix(ctx, "jp1"); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"SO-JP1-0002", "SO-JP1-0003"} {
		if n := e.draft(t, "CNY", line).Order.Number; n != want {
			t.Fatalf("number %s want %s", n, want)
		}
	}
	// a refused order gives its number back
	e.o.CreateOrder(ctx, orders.OrderInput{Channel: "wechat", CustomerID: e.customer, Currency: "CNY"})
	if n := e.draft(t, "CNY", line).Order.Number; n != "SO-JP1-0004" {
		t.Fatalf("after a refused order: %s", n)
	}
	// a counter behind the numbers in use (a data folder copied from another laptop) skips them
	if err := e.svc.DB.SetMeta("order_seq", "1"); err != nil {
		t.Fatal(err)
	}
	if n := e.draft(t, "CNY", line).Order.Number; n != "SO-JP1-0005" {
		t.Fatalf("after the counter went back: %s", n)
	}
	e.svc.DB.SetMeta("order_seq", "2")
	var many []string
	if err := e.svc.DB.Write(ctx, func(tx *store.Tx) (err error) {
		many, err = tx.NextNumbers(store.Series{Label: "SO", SeqKey: "order_seq", Table: "orders"}, 3)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(many, []string{"SO-JP1-0006", "SO-JP1-0007", "SO-JP1-0008"}) {
		t.Fatalf("three numbers after 0002: %v", many)
	}
	// an imported order's id comes from its channel key and date, and sorts by the date
	id := func(channel, no, at string) string { return orders.ImportedOrderID(channel, no, at) }
	march, april := "2026-03-01T01:00:00Z", "2026-04-01T01:00:00Z"
	if id("taobao", "12345", march) != id("taobao", " 12345 ", march) || id("taobao", "12345", march) == id("wechat", "12345", march) ||
		id("taobao", "12345", march) == id("taobao", "12346", march) || id("taobao", "12345", "") != id("taobao", "12345", "") {
		t.Fatal("imported ids not stable/distinct")
	}
	if !(id("taobao", "9", march) < id("taobao", "1", april) && id("taobao", "1", april) < domain.NewID() &&
		id("taobao", "1", "") < id("taobao", "1", march)) {
		t.Fatal("imported ids do not sort by date")
	}
	if line := orders.ImportedLineID(id("taobao", "9", march), 1); line[:10] != id("taobao", "9", march)[:10] ||
		line == orders.ImportedLineID(id("taobao", "9", march), 2) || line == id("taobao", "9", march) {
		t.Fatal("imported line ids are not in their order's place")
	}
}

func TestAllocationRule(t *testing.T) {
	e := mustOpen(t)
	e.receive(t, e.serum, e.locA, 5)
	e.receive(t, e.serum, e.locB, 10)
	must(e.o.SaveRules(ctx, orders.Rules{UrgentDays: 3, HighValue: 100000, ProvinceZones: map[string]string{"广东": e.zoneA}}))(t)
	scenarios := []struct {
		name           string
		province, zone string
		lineLoc        string
		qty            int64
		wantLoc        func() string
	}{
		{"ProvinceRule", "广东省", "", "", 2, func() string { return e.locA }},
		{"NoRuleMostAvailable", "北京市", "", "", 2, func() string { return e.locB }},
		{"ZoneOverride", "广东省", e.zoneB, "", 1, func() string { return e.locB }},
		{"ZoneShortFallsBack", "广东省", "", "", 4, func() string { return e.locB }}, // A has 3 left
		{"LineOverride", "北京市", "", e.locA, 1, func() string { return e.locA }},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			d := must(e.o.CreateOrder(ctx, orders.OrderInput{Channel: "xiaohongshu", CustomerID: e.customer, Currency: "CNY",
				ShipName: "收件人", ShipProvince: sc.province, ZoneID: sc.zone,
				Lines: []orders.LineInput{{ProductID: e.serum, Qty: sc.qty, UnitPrice: 100, LocationID: sc.lineLoc}}}))(t)
			d = e.step(t, d.Order.ID, orders.Confirmed)
			if d.Lines[0].LocationID != sc.wantLoc() || d.Lines[0].Reserved != sc.qty {
				t.Fatalf("allocated %+v", d.Lines[0])
			}
		})
	}
	if z := orders.ZoneFor(orders.Rules{ProvinceZones: map[string]string{"广东省": "Z"}, DefaultZone: "D"}, "", "广东"); z != "Z" {
		t.Fatalf("prefix match %q", z)
	}
	if z := orders.ZoneFor(orders.Rules{DefaultZone: "D"}, "", "上海"); z != "D" {
		t.Fatalf("default %q", z)
	}
}

func TestWorkQueuePriority(t *testing.T) {
	e := mustOpen(t)
	must(e.o.SaveRules(ctx, orders.Rules{UrgentDays: 3, HighValue: 100000}))(t) // today is 2026-03-10
	mk := func(name, due, prio, cur string, price int64, confirm bool) string {
		d := must(e.o.CreateOrder(ctx, orders.OrderInput{Channel: "wechat", CustomerID: e.customer, Currency: cur,
			ShipName: name, DueDate: due, Priority: prio, OrderedAt: "2026-03-0" + name[len(name)-1:],
			Lines: []orders.LineInput{{Title: name, Preorder: true, Qty: 1, UnitPrice: price}}}))(t)
		if confirm {
			e.step(t, d.Order.ID, orders.Confirmed)
		}
		return d.Order.Number
	}
	a := mk("a1", "", "", "CNY", 500, true)
	b := mk("b2", "", "", "CNY", 200000, true)
	c := mk("c3", "2026-03-12", "", "CNY", 500, true)
	dd := mk("d4", "", "low", "CNY", 900000, true)
	ee := mk("e5", "2026-03-20", "", "CNY", 500, true)
	f := mk("f6", "", "", "JPY", 2100000, true)   // ¥2,100,000 × 0.048 = 100,800.00 ≥ 1,000.00 → high
	mk("g7", "2026-03-11", "", "CNY", 500, false) // a draft is not work
	rows, total := must2(e.o.WorkQueue(ctx, 0, 50))(t)
	var got []string
	for _, r := range rows {
		got = append(got, r.Number)
	}
	want := []string{c, b, f, ee, a, dd}
	if total != 6 || !slices.Equal(got, want) {
		t.Fatalf("queue %v (total %d), want %v", got, total, want)
	}
	if rows[0].EffPriority != "urgent" || rows[1].EffPriority != "high" || rows[5].EffPriority != "low" {
		t.Fatalf("priorities %+v", rows)
	}
	high, n := must2(e.o.FindOrders(ctx, orders.Filter{Priority: "high"}))(t)
	if n != 2 || len(high) != 2 {
		t.Fatalf("high filter %d", n)
	}
	if p := orders.PriorityOf(orders.DefaultRules(), time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC), "", "2026-03-13", 0); p != "urgent" {
		t.Fatalf("PriorityOf %s", p)
	}
}

func must2[T any](v T, n int, err error) func(testing.TB) (T, int) {
	return func(tb testing.TB) (T, int) {
		tb.Helper()
		if err != nil {
			tb.Fatal(err)
		}
		return v, n
	}
}

func TestFindOrders(t *testing.T) {
	e := mustOpen(t)
	e.receive(t, e.cream, e.locA, 100)
	line := orders.LineInput{ProductID: e.cream, Qty: 1, UnitPrice: 1000}
	var ids []string
	for i, ch := range []string{"wechat", "taobao", "taobao", "website"} {
		d := must(e.o.CreateOrder(ctx, orders.OrderInput{Channel: ch, ChannelOrderNo: fmt.Sprintf("TB%04d", i), CustomerID: e.customer,
			Currency: "CNY", ShipName: []string{"张三", "李四", "张伟", "王五"}[i], OrderedAt: fmt.Sprintf("2026-02-%02d", i+1),
			Lines: []orders.LineInput{line}}))(t)
		ids = append(ids, d.Order.ID)
	}
	e.step(t, ids[1], orders.Confirmed)
	e.step(t, ids[2], orders.Cancelled)
	scenarios := []struct {
		name string
		f    orders.Filter
		want []int
	}{
		{"All", orders.Filter{}, []int{3, 2, 1, 0}},
		{"Status", orders.Filter{Statuses: []string{orders.Draft}}, []int{3, 0}},
		{"Channel", orders.Filter{Channel: "taobao"}, []int{2, 1}},
		{"Dates", orders.Filter{From: "2026-02-02", To: "2026-02-03"}, []int{2, 1}},
		{"QueryName", orders.Filter{Query: "张"}, []int{2, 0}},
		{"QueryChannelNo", orders.Filter{Query: "TB0003"}, []int{3}},
		{"QueryNumber", orders.Filter{Query: "so-"}, []int{3, 2, 1, 0}},
		{"Customer", orders.Filter{CustomerID: e.customer, Sort: "ordered"}, []int{0, 1, 2, 3}},
		{"Open", orders.Filter{Open: true}, []int{1}},
		{"Page", orders.Filter{Offset: 1, Limit: 2}, []int{2, 1}},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			rows, total := must2(e.o.FindOrders(ctx, sc.f))(t)
			var got []string
			for _, r := range rows {
				got = append(got, r.ID)
			}
			var want []string
			for _, i := range sc.want {
				want = append(want, ids[i])
			}
			if !slices.Equal(got, want) {
				t.Fatalf("got %v want %v", got, want)
			}
			if sc.name != "Page" && total != len(want) {
				t.Fatalf("total %d", total)
			}
		})
	}
	_, _, err := e.o.FindOrders(ctx, orders.Filter{Sort: "colour"})
	wantErr(t, err, domain.EInvalid, "errors.badSort")
}

// TestStatus is the status rule as a table: highest event, payments once confirmed,
// cancelled beats all, unknown kinds ignored.
func TestStatus(t *testing.T) {
	scenarios := []struct {
		name        string
		events      []string
		paid, total int64
		want        string
	}{
		{"NoEvents", nil, 0, 100, orders.Draft},
		{"DraftPaymentIgnored", nil, 100, 100, orders.Draft},
		{"Confirmed", []string{"confirmed"}, 0, 100, orders.Confirmed},
		{"Deposit", []string{"confirmed"}, 30, 100, orders.Deposit},
		{"PaidExactly", []string{"confirmed"}, 100, 100, orders.Paid},
		{"Overpaid", []string{"confirmed"}, 150, 100, orders.Paid},
		{"FreeOrder", []string{"confirmed"}, 0, 0, orders.Paid},
		{"RefundedBack", []string{"confirmed"}, 0, 100, orders.Confirmed},
		{"AllocatedBeatsPaid", []string{"confirmed", "allocated"}, 100, 100, orders.Allocated},
		{"PaidBeatsConfirmed", []string{"confirmed"}, 100, 100, orders.Paid},
		{"ShippedUnpaid", []string{"confirmed", "packed", "shipped"}, 0, 100, orders.Shipped},
		{"OutOfOrder", []string{"delivered", "confirmed", "shipped"}, 0, 100, orders.Delivered},
		{"Completed", []string{"confirmed", "packed", "shipped", "delivered", "completed"}, 100, 100, orders.Completed},
		{"CancelledDraft", []string{"cancelled"}, 0, 100, orders.Cancelled},
		{"CancelBeatsShipped", []string{"confirmed", "shipped", "cancelled"}, 100, 100, orders.Cancelled},
		{"UnknownKind", []string{"confirmed", "teleported"}, 0, 100, orders.Confirmed},
		{"Bought", []string{"confirmed", "bought", "allocated"}, 0, 100, orders.Bought},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			if got := orders.Status(sc.events, sc.paid, sc.total); got != sc.want {
				t.Fatalf("Status(%v, %d, %d) = %s, want %s", sc.events, sc.paid, sc.total, got, sc.want)
			}
		})
	}
}

// TestRanksMatchMigration: the triggers' rank table is the Go one.
func TestRanksMatchMigration(t *testing.T) {
	e := mustOpen(t)
	rows, err := e.svc.DB.R().Query(`SELECT status, rank FROM order_status_ranks ORDER BY rank`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	i := 0
	for rows.Next() {
		var s string
		var r int
		rows.Scan(&s, &r)
		if i >= len(orders.Statuses) || orders.Statuses[i].Status != s || orders.Statuses[i].Rank != r {
			t.Fatalf("row %d: %s %d differs from Go", i, s, r)
		}
		i++
	}
	if i != len(orders.Statuses) {
		t.Fatalf("%d ranks in SQL, %d in Go", i, len(orders.Statuses))
	}
}

// TestDerivedStatusMatchesRebuild runs a random mix of order operations, then checks that
// order_status as the triggers kept it equals a rebuild from the ledgers, and that every
// row's status is what the Go rule says.
func TestDerivedStatusMatchesRebuild(t *testing.T) {
	e := mustOpen(t)
	e.receive(t, e.serum, e.locA, 1000)
	e.receive(t, e.cream, e.locB, 1000)
	rng := rand.New(rand.NewSource(3))
	var ids []string
	products := []string{e.serum, e.cream}
	randomLines := func() []orders.LineInput {
		var ls []orders.LineInput
		for k := 0; k <= rng.Intn(3); k++ {
			if rng.Intn(4) == 0 {
				ls = append(ls, orders.LineInput{Title: "预订", Preorder: true, Qty: int64(1 + rng.Intn(3)), UnitPrice: int64(rng.Intn(5000))})
			} else {
				ls = append(ls, orders.LineInput{ProductID: products[rng.Intn(2)], Qty: int64(1 + rng.Intn(3)), UnitPrice: int64(rng.Intn(5000))})
			}
		}
		return ls
	}
	events := []string{orders.Confirmed, orders.Allocated, orders.Bought, orders.Packed, orders.Shipped, orders.Delivered, orders.Completed, orders.Cancelled}
	for step := 0; step < 400; step++ {
		if len(ids) == 0 || rng.Intn(5) == 0 {
			cur := []string{"CNY", "JPY"}[rng.Intn(2)]
			d, err := e.o.CreateOrder(ctx, orders.OrderInput{Channel: "wechat", CustomerID: e.customer, Currency: cur,
				ShippingFee: int64(rng.Intn(1000)), Lines: randomLines()})
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, d.Order.ID)
			continue
		}
		id := ids[rng.Intn(len(ids))]
		var err error
		switch rng.Intn(6) {
		case 0, 1:
			_, err = e.o.Transition(ctx, orders.TransitionInput{OrderID: id, To: events[rng.Intn(len(events))]})
		case 2:
			_, err = e.o.AddPayment(ctx, orders.PaymentInput{OrderID: id, Kind: []string{"deposit", "payment"}[rng.Intn(2)],
				Amount: int64(1 + rng.Intn(8000)), Currency: []string{"", "CNY", "JPY"}[rng.Intn(3)], Method: "wechat"})
		case 3:
			_, err = e.o.AddPayment(ctx, orders.PaymentInput{OrderID: id, Kind: "refund", Amount: int64(1 + rng.Intn(3000)), Method: "bank"})
		case 4:
			_, err = e.o.UpdateOrder(ctx, id, orders.OrderInput{Channel: "taobao", CustomerID: e.customer, Currency: "CNY",
				Discount: int64(rng.Intn(100)), Lines: randomLines()})
		case 5:
			d, gerr := e.o.GetOrder(ctx, id)
			if gerr == nil && len(d.Lines) > 0 {
				_, err = e.o.AddReturn(ctx, orders.ReturnInput{OrderID: id, Lines: []orders.ReturnLine{{d.Lines[0].ID, 1}},
					Reason: "x", Condition: "damaged", Disposition: "write_off"})
			} else if rng.Intn(2) == 0 {
				err = e.o.DeleteDraft(ctx, id)
			}
		}
		if err != nil && domain.ErrorCode(err) == domain.EInternal {
			t.Fatalf("step %d: %v", step, err)
		}
	}
	snapshot := func() string {
		var b strings.Builder
		for _, q := range []string{`SELECT * FROM order_status ORDER BY order_id`,
			`SELECT channel, rank, n FROM order_counts WHERE n <> 0 ORDER BY channel, rank`} {
			rows, err := e.svc.DB.R().Query(q)
			if err != nil {
				t.Fatal(err)
			}
			cols, _ := rows.Columns()
			for rows.Next() {
				v := make([]any, len(cols))
				p := make([]any, len(cols))
				for i := range v {
					p[i] = &v[i]
				}
				rows.Scan(p...)
				fmt.Fprintln(&b, v...)
			}
			rows.Close()
		}
		return b.String()
	}
	before := snapshot()
	counts := map[string]int{}
	for _, id := range ids {
		var st string
		var paid, total int64
		e.svc.DB.R().QueryRow(`SELECT status, paid, total FROM order_status WHERE order_id = ?`, id).Scan(&st, &paid, &total)
		var kinds []string
		rows, _ := e.svc.DB.R().Query(`SELECT kind FROM order_events WHERE order_id = ?`, id)
		for rows.Next() {
			var k string
			rows.Scan(&k)
			kinds = append(kinds, k)
		}
		rows.Close()
		if want := orders.Status(kinds, paid, total); st != want {
			t.Fatalf("order %s: table says %s, Status says %s (%v, %d/%d)", id, st, want, kinds, paid, total)
		}
		counts[st]++
	}
	if len(counts) < 5 {
		t.Fatalf("the random mix reached too few statuses: %v", counts)
	}
	if err := e.svc.DB.RebuildDerived(ctx); err != nil {
		t.Fatal(err)
	}
	if after := snapshot(); after != before {
		t.Fatalf("order_status kept by triggers differs from a rebuild:\n%s\n---\n%s", before, after)
	}
	// and a replay of the oplog on another device (shuffled) converges to the same table
	var ops []store.Op
	e.svc.DB.ScanOps(ctx, "", "", func(op store.Op) error { ops = append(ops, op); return nil })
	rng.Shuffle(len(ops), func(i, j int) { ops[i], ops[j] = ops[j], ops[i] })
	other := must(services.Open(t.TempDir()))(t)
	defer other.Close()
	if _, err := other.DB.ApplyOps(ctx, ops); err != nil {
		t.Fatal(err)
	}
	var a, b strings.Builder
	e.svc.DB.Dump(&a)
	other.DB.Dump(&b)
	if a.String() != b.String() {
		t.Fatal("a shuffled replay gives another dump")
	}
}

// TestImportedOrdersStatusRowsEqualTheView imports orders of every status, with discounts,
// shipping fees, priorities, deposits, full payments, foreign currencies and pre-order lines,
// and checks that the order_status rows ImportOrdersTx computes itself are the rows the view
// order_status_calc computes from the tables.
func TestImportedOrdersStatusRowsEqualTheView(t *testing.T) {
	e := mustOpen(t)
	e.receive(t, e.serum, e.locA, 100)
	e.receive(t, e.cream, e.locB, 100)
	var list []orders.ImportedOrder
	statuses := []string{orders.Draft, orders.Confirmed, orders.Paid, orders.Allocated, orders.Bought, orders.Packed,
		orders.Shipped, orders.Delivered, orders.Completed, orders.Cancelled}
	for n := 0; n < 40; n++ {
		st := statuses[n%len(statuses)]
		cur := []string{"CNY", "JPY"}[n%2]
		in := orders.OrderInput{Channel: "taobao", ChannelOrderNo: fmt.Sprintf("T-%d", n), CustomerID: e.customer,
			Currency: cur, Discount: int64(n%3) * 500, ShippingFee: int64(n%4) * 800, OrderedAt: "2026-03-01",
			Priority: []string{"", "urgent", "low"}[n%3], DueDate: []string{"", "2026-04-01"}[n%2],
			Lines: []orders.LineInput{{ProductID: e.serum, Qty: 1 + int64(n%3), UnitPrice: 39900},
				{ProductID: e.cream, Qty: 1, UnitPrice: 10000, Preorder: n%5 == 0}}}
		stocked := st != orders.Draft && st != orders.Cancelled
		if stocked {
			in.Lines[0].LocationID = e.locA
			if !in.Lines[1].Preorder {
				in.Lines[1].LocationID = e.locB
			}
		}
		o := orders.ImportedOrder{ID: domain.DerivedID("imported", in.ChannelOrderNo), Input: in, Status: st, Note: "test"}
		if stocked && n%4 != 3 { // some confirmed orders unpaid, some with a deposit, some paid in full or more
			pay := orders.PaymentInput{Kind: "payment", Amount: []int64{100, 60000, 200000}[n%3], Method: "alipay",
				PaidAt: "2026-03-02"}
			if n%3 == 1 {
				pay.Currency = "CNY" // a CNY payment on a JPY order: converted at the day's rate
			}
			o.Payment, o.PaymentID = &pay, domain.DerivedID("payment", o.ID)
		}
		list = append(list, o)
	}
	if err := e.svc.DB.Write(ctx, func(tx *store.Tx) error { return e.o.ImportOrdersTx(tx, list) }); err != nil {
		t.Fatal(err)
	}
	db := e.svc.DB.R()
	var rows int
	if err := db.QueryRow(`SELECT count(*) FROM order_status`).Scan(&rows); err != nil || rows != len(list) {
		t.Fatalf("%d order_status rows (%v), want %d", rows, err, len(list))
	}
	sameAsView(t, db)
	seen := map[string]bool{}
	r, err := db.Query(`SELECT DISTINCT status FROM order_status`)
	if err != nil {
		t.Fatal(err)
	}
	for r.Next() {
		var s string
		r.Scan(&s)
		seen[s] = true
	}
	r.Close()
	for _, s := range orders.Statuses {
		if !seen[s.Status] {
			t.Errorf("no imported order is %s: %v", s.Status, seen)
		}
	}

	// An order imported again, after a payment was added to it in the app: its status counts
	// its earlier rows too.
	again := list[1]
	must(e.o.AddPayment(ctx, orders.PaymentInput{OrderID: again.ID, Kind: "payment", Amount: 5000, Method: "cash"}))(t)
	// A new order whose payment row is there already (so it is not added again).
	fresh := list[2]
	fresh.ID, fresh.Input.ChannelOrderNo = domain.DerivedID("imported", "T-new"), "T-new"
	for _, o := range []orders.ImportedOrder{again, fresh} {
		if err := e.svc.DB.Write(ctx, func(tx *store.Tx) error { return e.o.ImportOrdersTx(tx, []orders.ImportedOrder{o}) }); err != nil {
			t.Fatal(err)
		}
		sameAsView(t, db)
	}
}

// sameAsView fails unless every order_status row is the row order_status_calc computes, and
// order_counts counts them.
func sameAsView(t *testing.T, db *sql.DB) {
	t.Helper()
	var differ int
	for _, q := range []string{`SELECT * FROM order_status EXCEPT SELECT * FROM order_status_calc`,
		`SELECT * FROM order_status_calc EXCEPT SELECT * FROM order_status`,
		// and the list's counts agree with the rows
		`SELECT channel, rank, n FROM order_counts WHERE n <> 0 EXCEPT
		 SELECT channel, rank, count(*) FROM order_status WHERE deleted = 0 GROUP BY channel, rank`,
		`SELECT channel, rank, count(*) FROM order_status WHERE deleted = 0 GROUP BY channel, rank EXCEPT
		 SELECT channel, rank, n FROM order_counts`} {
		if err := db.QueryRow(`SELECT count(*) FROM (` + q + `)`).Scan(&differ); err != nil || differ != 0 {
			t.Fatalf("%s: %d rows (%v)", q, differ, err)
		}
	}
}

// TestImportOrdersNamesTheFirstBadOrder: ImportOrdersTx checks a long list on several cores
// and in steps, but the order it names is the first bad one in list order, whichever step
// found it, and nothing is written.
func TestImportOrdersNamesTheFirstBadOrder(t *testing.T) {
	e := mustOpen(t)
	e.receive(t, e.serum, e.locA, 100000)
	good := func(n int) orders.ImportedOrder {
		no := fmt.Sprintf("B-%d", n)
		return orders.ImportedOrder{ID: domain.DerivedID("imported", no), Status: orders.Confirmed, Input: orders.OrderInput{
			Channel: "taobao", ChannelOrderNo: no, CustomerID: e.customer, Currency: "CNY", OrderedAt: "2026-03-01",
			Lines: []orders.LineInput{{ProductID: e.serum, Qty: 1, UnitPrice: 39900, LocationID: e.locA}}}}
	}
	scenarios := []struct {
		name      string
		bad       map[int]func(*orders.ImportedOrder)
		index     int
		code, key string
	}{
		{"a stocked line without a location before an unknown status", map[int]func(*orders.ImportedOrder){
			2600: func(o *orders.ImportedOrder) { o.Input.Lines[0].LocationID = "" },
			4100: func(o *orders.ImportedOrder) { o.Status = "lost" },
		}, 2600, domain.EConflict, "order.line.stock"},
		{"a payment on a draft before them", map[int]func(*orders.ImportedOrder){
			1000: func(o *orders.ImportedOrder) {
				o.Status, o.Input.Lines[0].LocationID = orders.Draft, ""
				o.Payment = &orders.PaymentInput{Kind: "payment", Amount: 100, Method: "alipay"}
			},
			2600: func(o *orders.ImportedOrder) { o.Input.Lines[0].LocationID = "" },
			4100: func(o *orders.ImportedOrder) { o.Status = "lost" },
		}, 1000, domain.EConflict, "order.payment.status"},
		{"a bad quantity first", map[int]func(*orders.ImportedOrder){
			30:   func(o *orders.ImportedOrder) { o.Input.Lines[0].Qty = 0 },
			2600: func(o *orders.ImportedOrder) { o.Input.Lines[0].LocationID = "" },
		}, 30, domain.EInvalid, ""},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			list := make([]orders.ImportedOrder, 5000)
			for n := range list {
				list[n] = good(n)
				if f := sc.bad[n]; f != nil {
					f(&list[n])
				}
			}
			err := e.svc.DB.Write(ctx, func(tx *store.Tx) error { return e.o.ImportOrdersTx(tx, list) })
			var ie *orders.ImportError
			if !errors.As(err, &ie) || ie.Index != sc.index {
				t.Fatalf("want the error of order %d, got %v", sc.index, err)
			}
			wantErr(t, ie.Err, sc.code, sc.key)
			var n int
			e.svc.DB.R().QueryRow(`SELECT count(*) FROM orders`).Scan(&n)
			if n != 0 {
				t.Fatalf("%d orders written", n)
			}
		})
	}
}
