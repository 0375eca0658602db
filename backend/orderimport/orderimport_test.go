package orderimport_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"daigoudesk/backend/catalog"
	"daigoudesk/backend/domain"
	"daigoudesk/backend/orderimport"
	"daigoudesk/backend/orders"
	"daigoudesk/backend/services"
	"daigoudesk/backend/stock"
	"daigoudesk/backend/store"
)

var ctx = context.Background()

type env struct {
	svc          *services.Services
	imp          *orderimport.Service
	serum, cream string
	loc          string
}

// mustOpen is a fresh data folder with two products (神仙水 SKU SKII-230, 10 in stock; 面霜
// without stock).
func mustOpen(tb testing.TB) *env { return mustOpenIn(tb, tb.TempDir()) }

// mustOpenIn is mustOpen with the data folder dir, which may hold a database already.
func mustOpenIn(tb testing.TB, dir string) *env {
	tb.Helper()
	svc, err := services.Open(dir)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { svc.Close() })
	e := &env{svc: svc, imp: svc.OrderImport}
	zone, err := svc.Catalog.SaveZone(ctx, catalog.Zone{Name: "上海仓"})
	if err != nil {
		tb.Fatal(err)
	}
	loc, err := svc.Catalog.SaveLocation(ctx, catalog.Location{ZoneID: zone.ID, Name: "A-1"})
	if err != nil {
		tb.Fatal(err)
	}
	e.loc = loc.ID
	p, err := svc.Catalog.CreateProduct(ctx, catalog.ProductInput{SKU: "SKII-230", NameZh: "神仙水", Barcode: "4979006070965",
		Price: 79900, PriceCurrency: "CNY"})
	if err != nil {
		tb.Fatal(err)
	}
	e.serum = p.ID
	p, err = svc.Catalog.CreateProduct(ctx, catalog.ProductInput{SKU: "DHC-C", NameZh: "面霜", Price: 10000, PriceCurrency: "CNY"})
	if err != nil {
		tb.Fatal(err)
	}
	e.cream = p.ID
	if _, err := svc.Stock.Receive(ctx, stock.ReceiveInput{ProductID: e.serum, LocationID: e.loc, Qty: 10}); err != nil {
		tb.Fatal(err)
	}
	return e
}

func (e *env) count(tb testing.TB, query string, args ...any) int {
	tb.Helper()
	var n int
	if err := e.svc.DB.R().QueryRow(query, args...).Scan(&n); err != nil {
		tb.Fatal(err)
	}
	return n
}

func (e *env) status(tb testing.TB, channel, no string) string {
	tb.Helper()
	var st string
	if err := e.svc.DB.R().QueryRow(`SELECT status FROM order_status WHERE order_id = ?`,
		e.orderID(tb, channel, no)).Scan(&st); err != nil {
		tb.Fatalf("order %s: %v", no, err)
	}
	return st
}

// orderID is the id of the order imported from channel's order no, which must be
// orders.ImportedOrderID of its channel, number and date (none when the file gives none).
func (e *env) orderID(tb testing.TB, channel, no string) string {
	tb.Helper()
	var id, at string
	if err := e.svc.DB.R().QueryRow(`SELECT id, ordered_at FROM orders WHERE channel = ? AND channel_order_no = ?`,
		channel, no).Scan(&id, &at); err != nil {
		tb.Fatalf("order %s: %v", no, err)
	}
	if id != orders.ImportedOrderID(channel, no, at) && id != orders.ImportedOrderID(channel, no, "") {
		tb.Fatalf("order %s has id %s, want %s", no, id, orders.ImportedOrderID(channel, no, at))
	}
	return id
}

func writeFile(tb testing.TB, name string, data []byte) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}

func gbk(tb testing.TB, s string) []byte {
	tb.Helper()
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// taobaoCSV is a Taobao order export (one row per item) as Qianniu writes it.
const taobaoCSV = "订单编号,买家会员名,收货人姓名,收货地址,联系手机,宝贝标题,宝贝总数量,买家实际支付金额,订单状态,订单创建时间,商家编码\r\n" +
	"=\"3101\",tb_alice,张三,上海 上海市 浦东新区 世纪大道100号 (200120),=\"13812345678\",SK-II 神仙水 230ml 日本直邮,2,\"1,598.00\",交易成功,2026-03-01 10:00:00,SKII-230\r\n" +
	"=\"3101\",tb_alice,张三,上海 上海市 浦东新区 世纪大道100号 (200120),=\"13812345678\",面霜,1,\"1,598.00\",交易成功,2026-03-01 10:00:00,\r\n" +
	"=\"3102\",tb_bob,李四,广东省深圳市南山区科技园1号,=\"13912345678\",限定礼盒 圣诞款,1,300.00,买家已付款,2026-03-02 11:00:00,\r\n" +
	"=\"3103\",tb_alice,张三,上海 上海市 浦东新区 世纪大道100号 (200120),=\"13812345678\",面霜,1,100,等待买家付款,2026-03-03 12:00:00,\r\n" +
	"=\"3104\",tb_carol,王五,浙江省 杭州市 西湖区 文三路1号,=\"13712345678\",面霜,1,100,交易关闭,2026-03-04 09:00:00,DHC-C\r\n" +
	"=\"3105\",tb_dan,赵六,北京 北京市 朝阳区 建国路88号,=\"13612345678\",神仙水,20,\"15,980\",卖家已发货,2026-03-05 08:00:00,SKII-230\r\n"

func TestTaobaoPreviewImportReimport(t *testing.T) {
	e := mustOpen(t)
	path := writeFile(t, "ExportOrderList.csv", gbk(t, taobaoCSV))
	req := orderimport.Request{Path: path} // channel detected from the headers

	opsBefore := e.count(t, `SELECT count(*) FROM oplog`)
	pv, err := e.imp.Preview(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	if e.count(t, `SELECT count(*) FROM oplog`) != opsBefore {
		t.Fatal("preview wrote something")
	}
	if pv.Channel != "taobao" || pv.Preset != "taobao" || pv.Rows != 6 || pv.Orders != 5 || pv.Lines != 6 ||
		pv.NewCustomers != 4 || pv.Skipped != 0 || len(pv.Problems) != 0 {
		t.Fatalf("preview %+v", pv)
	}
	if len(pv.Unmatched) != 1 || pv.Unmatched[0].Title != "限定礼盒 圣诞款" || pv.Unmatched[0].Lines[0] != 4 {
		t.Fatalf("unmatched %+v", pv.Unmatched)
	}
	if s := pv.Sample[0]; s.ChannelOrderNo != "3101" || s.Total != 159800 || s.Status != "completed" || s.Province != "上海市" {
		t.Fatalf("sample %+v", s)
	}

	res, err := e.imp.Import(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	want := orderimport.Result{Created: 5, Lines: 6, Unmatched: 1, Preordered: 2, NewCustomers: 4} // 面霜 has no stock
	if res != want {
		t.Fatalf("result %+v, want %+v", res, want)
	}
	for no, st := range map[string]string{"3101": "completed", "3102": "paid", "3103": "draft", "3104": "cancelled", "3105": "shipped"} {
		if got := e.status(t, "taobao", no); got != st {
			t.Errorf("order %s is %s, want %s", no, got, st)
		}
	}
	d, err := e.svc.Orders.GetOrder(ctx, e.orderID(t, "taobao", "3101"))
	if err != nil {
		t.Fatal(err)
	}
	if d.Figures.Total != 159800 || d.Figures.Paid != 159800 || d.Figures.BalanceDue != 0 || len(d.Lines) != 2 ||
		d.Lines[0].ProductID != e.serum || d.Lines[1].ProductID != e.cream || d.Order.ShipDistrict != "浦东新区" ||
		d.Order.ShipPostcode != "200120" || d.Order.OrderedAt != "2026-03-01T02:00:00Z" {
		t.Fatalf("order 3101: %+v lines %+v", d.Figures, d.Lines)
	}
	if n := e.count(t, `SELECT count(*) FROM payments WHERE method = 'alipay' AND amount = 159800 AND order_id = ?`, d.Order.ID); n != 1 {
		t.Fatalf("%d alipay payments of 1598.00", n)
	}
	// one customer for both of alice's orders, with her Taobao handle and address
	if n := e.count(t, `SELECT count(*) FROM customers WHERE taobao = 'tb_alice' AND phone = '13812345678' AND name = '张三'`); n != 1 {
		t.Fatalf("%d alice customers", n)
	}
	if n := e.count(t, `SELECT count(DISTINCT customer_id) FROM orders WHERE channel_order_no IN ('3101', '3103')`); n != 1 {
		t.Fatalf("alice's orders name %d customers", n)
	}
	if n := e.count(t, `SELECT count(*) FROM customer_addresses a JOIN customers c ON c.id = a.customer_id
		WHERE c.taobao = 'tb_alice' AND a.province = '上海市' AND a.city = '上海市' AND a.district = '浦东新区'
		AND a.street = '世纪大道100号' AND a.is_default = 1`); n != 1 {
		t.Fatalf("alice has %d such addresses", n)
	}
	// 2 of the 10 serums shipped; the 20 of order 3105 could not be covered: a pre-order
	if n := e.count(t, `SELECT on_hand FROM product_stock WHERE product_id = ?`, e.serum); n != 8 {
		t.Fatalf("serum on hand %d", n)
	}
	if n := e.count(t, `SELECT count(*) FROM order_lines WHERE preorder = 1 AND product_id = ?`, e.serum); n != 1 {
		t.Fatalf("%d serum pre-order lines", n)
	}

	t.Run("ReimportChangesNothing", func(t *testing.T) {
		var before bytes.Buffer
		if err := e.svc.DB.Dump(&before); err != nil {
			t.Fatal(err)
		}
		ops := e.count(t, `SELECT count(*) FROM oplog`)
		res, err := e.imp.Import(ctx, req)
		if err != nil {
			t.Fatal(err)
		}
		if res != (orderimport.Result{Skipped: 5}) {
			t.Fatalf("result %+v", res)
		}
		if n := e.count(t, `SELECT count(*) FROM oplog`); n != ops {
			t.Fatalf("oplog %d → %d rows", ops, n)
		}
		var after bytes.Buffer
		e.svc.DB.Dump(&after)
		if before.String() != after.String() {
			t.Fatal("re-import changed the data")
		}
		pv, err := e.imp.Preview(ctx, req)
		if err != nil || pv.Skipped != 5 || pv.Orders != 0 || len(pv.Unmatched) != 0 {
			t.Fatalf("preview after import: %+v %v", pv, err)
		}
	})
	t.Run("StatusTableEqualsRebuild", func(t *testing.T) {
		var kept, rebuilt bytes.Buffer
		e.svc.DB.Dump(&kept)
		if err := e.svc.DB.RebuildDerived(ctx); err != nil {
			t.Fatal(err)
		}
		e.svc.DB.Dump(&rebuilt)
		if kept.String() != rebuilt.String() {
			t.Fatal("order_status after import differs from a rebuild")
		}
	})
}

// TestImportSkipsOrdersThereUnderAnotherID: an order of the file that is there already under
// an id that is not its ImportedOrderID (imported by an earlier version, or typed in by hand
// with the channel's number) is found by channel and number, and not made twice.
func TestImportSkipsOrdersThereUnderAnotherID(t *testing.T) {
	e := mustOpen(t)
	err := e.svc.DB.Write(ctx, func(tx *store.Tx) error {
		for id, no := range map[string]string{orders.LegacyImportedOrderID("taobao", "3103"): "3103", domain.NewID(): "3102"} {
			if err := tx.Set("orders", id, store.Fields{"channel": "taobao", "channel_order_no": no,
				"ordered_at": "2026-03-01T00:00:00Z", "currency": "CNY"}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	req := orderimport.Request{Path: writeFile(t, "ExportOrderList.csv", gbk(t, taobaoCSV))}
	pv, err := e.imp.Preview(ctx, req)
	if err != nil || pv.Orders != 3 || pv.Skipped != 2 {
		t.Fatalf("preview %+v %v", pv, err)
	}
	res, err := e.imp.Import(ctx, req)
	if err != nil || res.Created != 3 || res.Skipped != 2 {
		t.Fatalf("result %+v %v", res, err)
	}
	for _, no := range []string{"3101", "3102", "3103", "3104", "3105"} {
		if n := e.count(t, `SELECT count(*) FROM orders WHERE channel = 'taobao' AND channel_order_no = ?`, no); n != 1 {
			t.Errorf("%d orders %s", n, no)
		}
	}
}

func fileError(tb testing.TB, err error) *domain.FileError {
	tb.Helper()
	var fe *domain.FileError
	if !errors.As(err, &fe) {
		tb.Fatalf("want a *domain.FileError, got %T %v", err, err)
	}
	return fe
}

type lineField struct {
	Line  int
	Field string
}

func problemsOf(list []domain.LineProblem) []lineField {
	var out []lineField
	for _, p := range list {
		out = append(out, lineField{p.Line, p.Field})
	}
	return out
}

type keyParams struct {
	Key    string
	Params map[string]any
}

func keysOf(list []domain.LineProblem) []keyParams {
	var out []keyParams
	for _, p := range list {
		out = append(out, keyParams{p.Key, p.Params})
	}
	return out
}

func TestBadRows(t *testing.T) {
	e := mustOpen(t)
	path := writeFile(t, "orders.csv", []byte("order_no,recipient,phone,title,qty,paid,status,ordered_at\n"+
		"A1,李四,13900000000,面霜,1,100,paid,2026-03-01 10:00\n"+ // 2 good
		"A2,王五,12345,面霜,x,100,shipped,yesterday\n"+ // 3 phone, qty, ordered_at
		"A3,赵六,13900000001,面霜,1,abc,wat,2026-03-01\n"+ // 4 paid, status
		",钱七,13900000002,面霜,1,100,paid,2026-03-01\n"+ // 5 order_no
		"A5,孙八,13900000003,神仙水,1,200,paid,2026-03-01T10:00:00+09:00\n"+ // 6 good
		"A2,王五,,面霜,1,999,shipped,\n")) // 7 paid differs from line 3
	want := []lineField{{3, "phone"}, {3, "ordered_at"}, {3, "qty"}, {4, "paid"}, {4, "status"}, {5, "order_no"}, {7, "paid"}}
	req := orderimport.Request{Path: path, Channel: "wechat"}

	pv, err := e.imp.Preview(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	if got := problemsOf(pv.Problems); !equal(got, want) {
		t.Fatalf("preview problems %v\nwant %v", got, want)
	}
	if pv.Orders != 2 || pv.BadOrders != 2 {
		t.Fatalf("preview %+v", pv)
	}
	// Each problem carries its translation key and the values its message names.
	wantKeys := []keyParams{
		{"importing.problem.phone", map[string]any{"value": "12345"}},
		{"importing.problem.dateTime", map[string]any{"value": "yesterday"}},
		{"importing.problem.quantity", map[string]any{"value": "x"}},
		{"importing.problem.amount", map[string]any{"value": "abc", "currency": "CNY"}},
		{"importing.problem.status", map[string]any{"value": "wat"}},
		{"importing.problem.orderNoEmpty", nil},
		{"importing.problem.differs", map[string]any{"value": "999.00", "first": "100.00", "line": 3}},
	}
	if got := keysOf(pv.Problems); !reflect.DeepEqual(got, wantKeys) {
		t.Fatalf("preview problem keys %v\nwant %v", got, wantKeys)
	}
	ops := e.count(t, `SELECT count(*) FROM oplog`)
	_, err = e.imp.Import(ctx, req)
	fe := fileError(t, err)
	if got := problemsOf(fe.Problems); !equal(got, want) || domain.ErrorCode(fe.Domain()) != domain.EInvalid {
		t.Fatalf("import problems %v", got)
	}
	if got := keysOf(fe.Problems); !reflect.DeepEqual(got, wantKeys) {
		t.Fatalf("import problem keys %v", got)
	}
	if !strings.Contains(err.Error(), path+":3: phone:") {
		t.Fatalf("message: %v", err)
	}
	if n := e.count(t, `SELECT count(*) FROM oplog`); n != ops {
		t.Fatal("a refused file wrote something")
	}

	t.Run("SkipBad", func(t *testing.T) {
		req := req
		req.SkipBad = true
		res, err := e.imp.Import(ctx, req)
		if err != nil {
			t.Fatal(err)
		}
		if res.Created != 2 || res.SkippedBad != 2 {
			t.Fatalf("result %+v", res)
		}
		if e.status(t, "wechat", "A1") != "paid" || e.count(t, `SELECT count(*) FROM orders WHERE channel_order_no = 'A2'`) != 0 {
			t.Fatal("wrong orders imported")
		}
		d, _ := e.svc.Orders.GetOrder(ctx, e.orderID(t, "wechat", "A5"))
		if d.Order.OrderedAt != "2026-03-01T01:00:00Z" || d.Timeline[0].Kind == "" {
			t.Fatalf("A5: %+v", d.Order)
		}
		if n := e.count(t, `SELECT count(*) FROM payments WHERE method = 'wechat'`); n != 2 {
			t.Fatalf("%d wechat payments", n)
		}
	})
	t.Run("ErrNoOrderNoColumn", func(t *testing.T) {
		path := writeFile(t, "x.csv", []byte("title,qty\n面霜,1\n"))
		_, err := e.imp.Import(ctx, orderimport.Request{Path: path, Channel: "other", SkipBad: true})
		fe := fileError(t, err)
		if got := problemsOf(fe.Problems); !equal(got, []lineField{{1, "order_no"}}) || fe.Problems[0].Key == "" {
			t.Fatalf("got %v", fe.Problems)
		}
	})
	t.Run("CustomerProblemKeepsKey", func(t *testing.T) {
		path := writeFile(t, "c.csv", []byte("order_no,buyer,recipient,title\nC1,"+strings.Repeat("x", 70)+",李四,面霜\n"))
		pv, err := e.imp.Preview(ctx, orderimport.Request{Path: path, Channel: "wechat"})
		if err != nil {
			t.Fatal(err)
		}
		want := []keyParams{{"customer.field.tooLong", map[string]any{"max": 64}}}
		if got := keysOf(pv.Problems); !reflect.DeepEqual(got, want) || !strings.HasPrefix(pv.Problems[0].Message, "customer: ") {
			t.Fatalf("got %+v", pv.Problems)
		}
	})
	t.Run("ErrChannelRequired", func(t *testing.T) {
		_, err := e.imp.Preview(ctx, orderimport.Request{Path: path})
		if d := domain.AsError(err); d == nil || d.Field != "channel" || d.Code != domain.EInvalid {
			t.Fatalf("got %v", err)
		}
	})
}

func equal(a, b []lineField) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestProductMapAndSavedMapping(t *testing.T) {
	e := mustOpen(t)
	path := writeFile(t, "wx.xlsx", nil)
	os.Remove(path)
	if err := writeXLSX(path, [][]string{
		{"单号", "微信号", "姓名", "电话", "地址", "商品", "数量", "单价", "状态"},
		{"W-1", "wx_amy", "周一", "13500000000", "江苏省苏州市昆山市前进中路8号", "日本限定眼霜", "2", "150", "已付款"},
		{"W-1", "wx_amy", "周一", "13500000000", "江苏省苏州市昆山市前进中路8号", "面霜", "1", "100", "已付款"},
	}); err != nil {
		t.Fatal(err)
	}
	mapping := orderimport.Mapping{"order_no": "单号", "buyer": "微信号", "recipient": "姓名", "phone": "电话", "address": "地址",
		"title": "商品", "qty": "数量", "unit_price": "单价", "status": "状态"}
	t.Run("ErrMappingWithoutOrderNo", func(t *testing.T) {
		_, err := e.imp.SaveMapping(ctx, "wechat", orderimport.Mapping{"title": "商品", "bogus": "x"})
		d := domain.AsError(err)
		if d == nil || len(d.Details) != 2 || d.Details[0].Field != "bogus" || d.Details[1].Field != "order_no" {
			t.Fatalf("got %+v", err)
		}
	})
	if _, err := e.imp.SaveMapping(ctx, "wechat", mapping); err != nil {
		t.Fatal(err)
	}
	saved, err := e.imp.Mappings(ctx)
	if err != nil || len(saved) != 1 || saved[0].Mapping["order_no"] != "单号" {
		t.Fatalf("mappings %+v %v", saved, err)
	}
	req := orderimport.Request{Path: path, Channel: "wechat"} // the saved mapping applies
	pv, err := e.imp.Preview(ctx, req)
	if err != nil || len(pv.Problems) != 0 || len(pv.Unmatched) != 1 || pv.Unmatched[0].Title != "日本限定眼霜" {
		t.Fatalf("preview %+v %v", pv, err)
	}
	t.Run("ErrMappedProductMissing", func(t *testing.T) {
		req := req
		req.ProductMap = map[string]string{"日本限定眼霜": "NOPE"}
		_, err := e.imp.Import(ctx, req)
		if d := domain.AsError(err); d == nil || d.Key != "importing.productMap.missing" {
			t.Fatalf("got %v", err)
		}
	})
	req.ProductMap = map[string]string{"日本限定眼霜": e.serum}
	res, err := e.imp.Import(ctx, req)
	if err != nil || res.Created != 1 || res.Unmatched != 0 || res.Preordered != 1 { // 面霜 has no stock
		t.Fatalf("result %+v %v", res, err)
	}
	d, _ := e.svc.Orders.GetOrder(ctx, e.orderID(t, "wechat", "W-1"))
	if d.Lines[0].ProductID != e.serum || d.Lines[0].Reserved != 2 || d.Order.Status != "confirmed" ||
		d.Figures.Total != 40000 || d.Order.ShipCity != "苏州市" || d.Order.ShipDistrict != "昆山市" {
		t.Fatalf("order %+v lines %+v figures %+v", d.Order, d.Lines, d.Figures)
	}
}
