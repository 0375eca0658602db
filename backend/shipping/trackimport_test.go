package shipping_test

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/importer"
	"daigoudesk/backend/orders"
	"daigoudesk/backend/shipping"
)

// trackParcel packs an order of one serum into a parcel with the tracking numbers.
func trackParcel(t *testing.T, e *env, tracking, leg2 string) (shipping.Parcel, orders.Detail) {
	t.Helper()
	o := e.order(t, lineQty{e.serum, 1})
	p := must(e.s.SaveParcel(ctx, shipping.ParcelInput{ShipName: "张丽", TrackingNo: tracking, Leg2TrackingNo: leg2,
		Items: []shipping.ItemInput{{LineID: o.Lines[0].ID, Qty: 1}}}))(t)
	return p, o
}

func gbk(t *testing.T, s string) []byte {
	t.Helper()
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func eventKinds(p shipping.Parcel) []string {
	var out []string
	for _, ev := range p.Events {
		out = append(out, ev.Kind)
	}
	return out
}

// An SF export: GBK, Chinese headers, numbers as ="…", newest event first, a shipment of
// someone else, and a forwarder's domestic number with a blank cell continuing it.
func TestImportTrackingSFExport(t *testing.T) {
	e := mustOpen(t)
	a, o1 := trackParcel(t, e, "sf1234567890123", "")
	b, o2 := trackParcel(t, e, "", "yt7788990011") // the forwarder's domestic leg, typed in lower case
	file := gbk(t, "运单号,扫描时间,所在城市,物流状态\r\n"+
		`="SF1234567890123",2026-03-02 17:20:00,上海市,已签收，感谢使用顺丰，期待再次为您服务`+"\r\n"+
		`="SF1234567890123",2026-03-02 14:00:00,上海市,快件交给王师傅，正在派送途中`+"\r\n"+
		`="SF1234567890123",2026-03-02 09:00:00,上海市,快件到达【上海转运中心】`+"\r\n"+
		`="SF1234567890123",2026-03-01 18:30:00,深圳市,快件已发车，正在发往【上海转运中心】`+"\r\n"+
		`="SF1234567890123",2026-03-01 10:00:00,深圳市,顺丰速运 已收取快件`+"\r\n"+
		`="SF9999999999999",2026-03-01 11:00:00,广州市,顺丰速运 已收取快件`+"\r\n"+
		`="YT7788990011",2026/3/3 8:00,杭州市,【杭州市】圆通速递 已揽收`+"\r\n"+
		`,2026-03-04 08:00,杭州市,【杭州市】快件离开杭州转运中心`+"\r\n")
	parcels := []string{a.Number, b.Number}
	if parcels[0] > parcels[1] {
		parcels[0], parcels[1] = parcels[1], parcels[0]
	}
	moved := []string{o1.Order.Number, o2.Order.Number}
	if moved[0] > moved[1] {
		moved[0], moved[1] = moved[1], moved[0]
	}
	wantSkipped := []shipping.SkippedRow{{Line: 7, Tracking: "SF9999999999999", Reason: "unknown"}}

	preview := must(e.s.ImportTracking(ctx, "sf-routes.csv", file, false))(t)
	if preview.Committed || preview.Rows != 8 || preview.Events != 7 || preview.Known != 0 || len(preview.Problems) != 0 ||
		!reflect.DeepEqual(preview.Skipped, wantSkipped) || !reflect.DeepEqual(preview.Parcels, parcels) ||
		!reflect.DeepEqual(preview.Orders, moved) {
		t.Fatalf("preview: %+v", preview)
	}
	if p := must(e.s.GetParcel(ctx, a.ID))(t); p.Status != "packed" || len(p.Events) != 0 || e.status(t, o1.Order.ID) != orders.Packed {
		t.Fatalf("a preview writes nothing: %+v", p)
	}

	res := must(e.s.ImportTracking(ctx, "sf-routes.csv", file, true))(t)
	if !res.Committed || res.Events != 7 || res.Known != 0 || !reflect.DeepEqual(res.Skipped, wantSkipped) ||
		!reflect.DeepEqual(res.Parcels, parcels) || !reflect.DeepEqual(res.Orders, moved) {
		t.Fatalf("import: %+v", res)
	}
	pa := must(e.s.GetParcel(ctx, a.ID))(t)
	if want := []string{"picked_up", "in_transit", "in_transit", "out_for_delivery", "delivered"}; !reflect.DeepEqual(eventKinds(pa), want) {
		t.Fatalf("events in time order: %v", eventKinds(pa))
	}
	if pa.Status != "delivered" || pa.ShippedAt != "2026-03-01T02:00:00Z" || pa.DeliveredAt != "2026-03-02T09:20:00Z" {
		t.Fatalf("delivered, times in China time: %+v", pa)
	}
	if ev := pa.Events[0]; ev.Source != "import" || ev.Place != "深圳市" || ev.Note != "顺丰速运 已收取快件" {
		t.Fatalf("the carrier's text is kept: %+v", ev)
	}
	if st := e.status(t, o1.Order.ID); st != orders.Delivered {
		t.Fatalf("the delivery delivers the order, got %s", st)
	}
	if l := e.level(t, e.serum); l.OnHand != 18 || l.Reserved != 0 {
		t.Fatalf("both parcels shipped their serum: %+v", l)
	}
	pb := must(e.s.GetParcel(ctx, b.ID))(t)
	if pb.Status != "in_transit" || len(pb.Events) != 2 || pb.ShippedAt != "2026-03-03T00:00:00Z" {
		t.Fatalf("the domestic number matched, the blank cell continued it: %+v", pb)
	}
	if st := e.status(t, o2.Order.ID); st != orders.Shipped {
		t.Fatalf("order 2 shipped, got %s", st)
	}

	again := must(e.s.ImportTracking(ctx, "sf-routes.csv", file, true))(t)
	if again.Events != 0 || again.Known != 7 || len(again.Parcels) != 0 || len(again.Orders) != 0 || len(again.Problems) != 0 {
		t.Fatalf("importing again changes nothing: %+v", again)
	}
	if p := must(e.s.GetParcel(ctx, a.ID))(t); len(p.Events) != 5 {
		t.Fatalf("each event once: %v", eventKinds(p))
	}
}

// An English workbook with separate date and time columns, written by the importer.
func TestImportTrackingXLSX(t *testing.T) {
	e := mustOpen(t)
	p, o := trackParcel(t, e, "1Z999AA10123456784", "")
	n := "1Z 999 AA1 012 345 6784" // spaces as some carriers print it
	path := filepath.Join(t.TempDir(), "ups.xlsx")
	if err := importer.WriteTable(path, []string{"Tracking Number", "Date", "Time", "Location", "Activity"}, [][]string{
		{n, "2026-03-05", "16:45", "Shanghai CN", "Delivered"},
		{n, "2026-03-05", "11:00", "Shanghai CN", "Out For Delivery Today"},
		{n, "2026-03-04", "06:00", "Shanghai CN", "Import Customs Clearance Complete"},
		{n, "2026-03-03", "20:00", "Tokyo JP", "Departed from Facility"},
		{n, "2026-03-03", "08:15", "Tokyo JP", "Picked up"},
		{n, "", "", "", "Shipper created a label, UPS has not received the package yet. Label Created"}, // no event: its time is not needed
	}); err != nil {
		t.Fatal(err)
	}
	data := must(os.ReadFile(path))(t)
	res := must(e.s.ImportTracking(ctx, "ups.xlsx", data, true))(t)
	if res.Events != 5 || len(res.Problems) != 0 || !reflect.DeepEqual(res.Skipped,
		[]shipping.SkippedRow{{Line: 7, Tracking: "1Z999AA10123456784", Reason: "noEvent"}}) {
		t.Fatalf("import: %+v", res)
	}
	got := must(e.s.GetParcel(ctx, p.ID))(t)
	if want := []string{"picked_up", "in_transit", "customs", "out_for_delivery", "delivered"}; !reflect.DeepEqual(eventKinds(got), want) {
		t.Fatalf("events: %v", eventKinds(got))
	}
	if got.DeliveredAt != "2026-03-05T08:45:00Z" || e.status(t, o.Order.ID) != orders.Delivered {
		t.Fatalf("delivered at 16:45 China time: %+v", got)
	}

	// a workbook made by a person: the date as Excel's serial number (2026-03-06 12:00)
	q, _ := trackParcel(t, e, "EA123456789JP", "")
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"AWB", "Date", "Status"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"EA123456789JP", 46087.5, "Posting/Collection"})
	f.SetSheetRow("Sheet1", "A3", &[]any{"EA123456789JP", 46088.25, "In transit"})
	book := filepath.Join(t.TempDir(), "ems.xlsx")
	if err := f.SaveAs(book); err != nil {
		t.Fatal(err)
	}
	res, err := e.s.ImportTracking(ctx, "ems.xlsx", must(os.ReadFile(book))(t), true)
	var fe *domain.FileError
	if !errors.As(err, &fe) || len(res.Problems) != 1 || res.Problems[0].Line != 2 || res.Problems[0].Field != "Status" ||
		res.Problems[0].Key != "shipping.import.status" || res.Committed {
		t.Fatalf("Japan Post's \"Posting/Collection\" is not a known status: %+v %v", res, err)
	}
	f.SetCellValue("Sheet1", "C2", "Picked up")
	if err := f.SaveAs(book); err != nil {
		t.Fatal(err)
	}
	res = must(e.s.ImportTracking(ctx, "ems.xlsx", must(os.ReadFile(book))(t), true))(t)
	if got := must(e.s.GetParcel(ctx, q.ID))(t); res.Events != 2 || got.ShippedAt != "2026-03-06T04:00:00Z" {
		t.Fatalf("serial 46087.5 is 2026-03-06 12:00 China time: %+v %+v", res, got)
	}
}

func TestImportTrackingProblems(t *testing.T) {
	e := mustOpen(t)
	p, o := trackParcel(t, e, "SF1234567890123", "")
	file := []byte("Tracking number,Time,Status\n" +
		"SF1234567890123,2026-03-01 10:00,Picked up\n" +
		"SF1234567890123,yesterday,In transit\n" +
		"SF1234567890123,2026-03-02 10:00,Teleported\n" +
		",2026-03-02 11:00,\n" +
		"NOT-OURS-1,garbage,???\n")
	for _, commit := range []bool{false, true} {
		res, err := e.s.ImportTracking(ctx, "bad.csv", file, commit)
		var fe *domain.FileError
		if commit != errors.As(err, &fe) {
			t.Fatalf("commit=%v: a file with problems is refused only when committing: %v", commit, err)
		}
		if commit && (fe.File != "bad.csv" || !strings.Contains(err.Error(), "bad.csv:3: Time:")) {
			t.Fatalf("the error names file, line and column: %v", err)
		}
		type lp struct {
			line       int
			field, key string
		}
		var got []lp
		for _, x := range res.Problems {
			got = append(got, lp{x.Line, x.Field, x.Key})
		}
		want := []lp{{3, "Time", "shipping.import.time"}, {4, "Status", "shipping.import.status"},
			{5, "Status", "shipping.import.statusEmpty"}}
		if !reflect.DeepEqual(got, want) || res.Committed || res.Events != 1 ||
			!reflect.DeepEqual(res.Skipped, []shipping.SkippedRow{{Line: 6, Tracking: "NOT-OURS-1", Reason: "unknown"}}) {
			t.Fatalf("commit=%v: every bad row, the unknown number only skipped: %+v", commit, res)
		}
		if got := must(e.s.GetParcel(ctx, p.ID))(t); len(got.Events) != 0 || e.status(t, o.Order.ID) != orders.Packed {
			t.Fatalf("nothing written: %+v", got)
		}
	}

	res, err := e.s.ImportTracking(ctx, "other.csv", []byte("订单号,金额\nA1,10\n"), true)
	if fe := (*domain.FileError)(nil); !errors.As(err, &fe) || len(res.Problems) != 3 || res.Problems[0].Line != 1 ||
		res.Problems[0].Key != "shipping.import.noTrackingColumn" {
		t.Fatalf("a file without the columns: %+v %v", res, err)
	}
	_, err = e.s.ImportTracking(ctx, "routes.txt", file, true)
	mustErr(t, err, domain.EInvalid, "file.format")
	if !strings.Contains(err.Error(), "routes.txt") {
		t.Fatalf("the error names the file: %v", err)
	}
	_, err = e.s.ImportTracking(ctx, "broken.csv", []byte("Tracking number,Time,Status\nA,\"never closed\n"), false)
	var fe *domain.FileError
	if !errors.As(err, &fe) || fe.File != "broken.csv" {
		t.Fatalf("a malformed file names itself, not a temporary copy: %v", err)
	}

	// a parcel holding a cancelled order cannot ship: its line is a problem
	q, o2 := trackParcel(t, e, "SF5550000000001", "")
	must(e.svc.Orders.Transition(ctx, orders.TransitionInput{OrderID: o2.Order.ID, To: orders.Cancelled}))(t)
	res, err = e.s.ImportTracking(ctx, "c.csv", []byte("运单号,时间,状态\nSF5550000000001,2026-03-01 10:00,已揽收\n"), true)
	if err == nil || len(res.Problems) != 1 || res.Problems[0].Line != 2 || res.Problems[0].Key != "shipping.parcel.cancelledOrder" {
		t.Fatalf("cancelled order: %+v %v", res, err)
	}
	if got := must(e.s.GetParcel(ctx, q.ID))(t); got.Status != "packed" {
		t.Fatalf("did not ship: %+v", got)
	}

	// one number on two live parcels is not guessed at
	trackParcel(t, e, "DUP-1", "")
	trackParcel(t, e, "", "dup-1")
	res, _ = e.s.ImportTracking(ctx, "d.csv", []byte("运单号,时间,状态\nDUP-1,2026-03-01 10:00,已揽收\n"), false)
	if len(res.Problems) != 1 || res.Problems[0].Key != "shipping.import.ambiguous" || res.Problems[0].Field != "运单号" {
		t.Fatalf("ambiguous number: %+v", res)
	}
}

func TestStatusKind(t *testing.T) {
	for text, want := range map[string]string{
		"顺丰速运 已收取快件":                       "picked_up",
		"【杭州市】圆通速递 已揽收，准备发往上海":             "picked_up",
		"快件到达【上海转运中心】":                     "in_transit",
		"Departed from Facility":           "in_transit",
		"清关中":                              "customs",
		"Customs clearance delay":          "customs",
		"快件交给王师傅，正在派送途中":                   "out_for_delivery",
		"Out for delivery":                 "out_for_delivery",
		"派送中，请等待签收":                        "out_for_delivery",
		"已签收，感谢使用顺丰":                       "delivered",
		"您的快件已妥投":                          "delivered",
		"DELIVERED":                        "delivered",
		"未妥投，收件人不在":                        "exception",
		"Delivery attempted - no one home": "exception",
		"快件异常":                             "exception",
		"问题件":                              "exception",
		"丢失":                               "lost",
		"Package lost":                     "lost",
		"外包装破损":                            "damaged",
		"已退回寄件人":                           "returned",
		"Returned to sender":               "returned",
		"in transit":                       "in_transit",
		"out_for_delivery":                 "out_for_delivery",
		"待揽收":                              "",
		"Label created":                    "",
	} {
		kind, known := shipping.StatusKind(text)
		if !known || kind != want {
			t.Errorf("%q → %q %v, want %q", text, kind, known, want)
		}
	}
	if _, known := shipping.StatusKind("Posting/Collection"); known {
		t.Error("an unknown text is not guessed at")
	}
}
