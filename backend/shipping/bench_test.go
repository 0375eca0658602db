package shipping_test

import (
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"daigoudesk/backend/orders"
	"daigoudesk/backend/shipping"
	"daigoudesk/backend/stock"
)

// BenchmarkPrintLabels1000 prints the labels of 1,000 parcels waiting for them, from the
// database to one PDF file, as `daigoudesk labels` and the Print button do. Target: < 1 s.
func BenchmarkPrintLabels1000(b *testing.B) {
	e := mustOpen(b)
	must(e.svc.Stock.Receive(ctx, stock.ReceiveInput{ProductID: e.serum, LocationID: e.shelf, Qty: 1000}))(b)
	var ids []string
	for i := 0; i < 1000; i++ {
		in := orders.OrderInput{Channel: "wechat", CustomerID: e.alice, Currency: "CNY", ShipName: "张丽", ShipPhone: "13800000000",
			ShipProvince: "广东省", ShipCity: "深圳市", ShipDistrict: "南山区", ShipStreet: "科技园路1号腾讯大厦A座1201室",
			Lines: []orders.LineInput{{ProductID: e.serum, Qty: 1, UnitPrice: 120000}}}
		d := must(e.svc.Orders.CreateOrder(ctx, in))(b)
		d = must(e.svc.Orders.Transition(ctx, orders.TransitionInput{OrderID: d.Order.ID, To: orders.Confirmed}))(b)
		p := must(e.s.SaveParcel(ctx, shipping.ParcelInput{ShipName: "张丽", ShipPhone: "13800000000", ShipProvince: "广东省",
			ShipCity: "深圳市", ShipDistrict: "南山区", ShipStreet: "科技园路1号腾讯大厦A座1201室", WeightG: 450,
			TrackingNo: "SF1" + time.Now().Format("150405") + string(rune('A'+i%26)), Contents: "神仙水",
			Items: []shipping.ItemInput{{LineID: d.Lines[0].ID, Qty: 1}}}))(b)
		ids = append(ids, p.ID)
	}
	dir := b.TempDir()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		n, err := e.s.PrintFile(ctx, filepath.Join(dir, "labels.pdf"), shipping.PrintRequest{Kind: "labels",
			Selection: shipping.PrintSelection{IDs: ids}}, nil)
		if err != nil || n != 1000 {
			b.Fatal(n, err)
		}
	}
	b.StopTimer()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	b.ReportMetric(float64(m.Sys)/(1<<20), "MB-sys")
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/op")
}
