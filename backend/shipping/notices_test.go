package shipping_test

import (
	"strings"
	"testing"
	"time"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/orders"
	"daigoudesk/backend/shipping"
	"daigoudesk/backend/store"
)

// noticeParcel packs two of alice's orders (a serum; two sunscreens) into one SF Standard
// parcel with a forwarder's domestic leg, and gives alice an e-mail address.
func noticeParcel(t *testing.T, e *env) (shipping.Parcel, orders.Detail, orders.Detail) {
	t.Helper()
	if err := e.svc.DB.Write(ctx, func(tx *store.Tx) error {
		return tx.Set("customers", e.alice, store.Fields{"email": "zhangli@example.com"})
	}); err != nil {
		t.Fatal(err)
	}
	var sfStandard string
	for _, c := range must(e.s.Carriers(ctx))(t) {
		for _, v := range c.Services {
			if v.NameEn == "SF Standard Express" {
				sfStandard = v.ID
			}
		}
	}
	o1 := e.order(t, lineQty{e.serum, 1})
	o2 := e.order(t, lineQty{e.sunscreen, 2})
	d := must(e.s.DraftParcel(ctx, []string{o1.Order.ID, o2.Order.ID}))(t)
	in := d.Parcel
	in.ServiceID, in.TrackingNo, in.Leg2Carrier, in.Leg2TrackingNo = sfStandard, "SF1234567890", "中通快递", "ZT998877"
	return must(e.s.SaveParcel(ctx, in))(t), o1, o2
}

const allPlaceholders = "{customer}|{order}|{parcel}|{carrier}|{service}|{tracking}|{trackingUrl}|{items}|{eta}|{place}|{leg2}|{unknown}"

func TestRenderNoticeFillsEveryPlaceholder(t *testing.T) {
	e := mustOpen(t)
	p, o1, o2 := noticeParcel(t, e)

	// before pickup the arrival date is unknown: its line is left out of the default text
	n := must(e.s.RenderNotice(ctx, p.ID, "", "shipped", "zh-CN"))(t)
	if strings.Contains(n.Body, "预计") || !strings.Contains(n.Body, "运单号 SF1234567890") {
		t.Fatalf("no ETA line before the parcel ships:\n%s", n.Body)
	}

	must(e.s.AddEvent(ctx, shipping.EventInput{ParcelID: p.ID, Kind: "picked_up", Place: "深圳"}))(t) // 2026-03-10 17:00 China time
	must(e.s.AddEvent(ctx, shipping.EventInput{ParcelID: p.ID, Kind: "customs", At: "2026-03-11 08:00", Place: "上海海关"}))(t)
	must(e.s.AddEvent(ctx, shipping.EventInput{ParcelID: p.ID, Kind: "in_transit", At: "2026-03-11 20:00"}))(t)
	numbers := o1.Order.Number + "、" + o2.Order.Number
	url := "https://www.sf-express.com/chn/sc/waybill/waybill-detail/SF1234567890"
	for _, lang := range shipping.NoticeLangs {
		must(e.s.SaveTemplate(ctx, shipping.Template{Stage: "customs", Lang: lang, Subject: "{order} {place}", Body: allPlaceholders}))(t)
	}
	n = must(e.s.RenderNotice(ctx, p.ID, "", "customs", "zh-CN"))(t)
	want := "张丽|" + numbers + "|" + p.Number + "|顺丰速运|顺丰标快|SF1234567890|" + url +
		"|神仙水 ×1、安耐晒 ×2|2026-03-13|上海海关|中通快递 ZT998877|{unknown}"
	if n.Body != want || n.Subject != numbers+" 上海海关" {
		t.Fatalf("zh-CN:\n got %q / %q\nwant %q", n.Subject, n.Body, want)
	}
	if n.Recipient != "zhangli@example.com" || n.ParcelID != p.ID || n.Stage != "customs" || n.Lang != "zh-CN" {
		t.Fatalf("the customer's e-mail is the recipient: %+v", n)
	}
	n = must(e.s.RenderNotice(ctx, p.ID, "", "customs", "en"))(t)
	want = "张丽|" + o1.Order.Number + ", " + o2.Order.Number + "|" + p.Number + "|SF Express|SF Standard Express|SF1234567890|" + url +
		"|神仙水 ×1, 安耐晒 ×2|2026-03-13|上海海关|中通快递 ZT998877|{unknown}"
	if n.Body != want {
		t.Fatalf("en:\n got %q\nwant %q", n.Body, want)
	}
	// one order of the parcel: its number and its goods only
	n = must(e.s.RenderNotice(ctx, p.ID, o2.Order.ID, "customs", "en"))(t)
	if !strings.HasPrefix(n.Body, "张丽|"+o2.Order.Number+"|") || !strings.Contains(n.Body, "|安耐晒 ×2|") || strings.Contains(n.Body, "神仙水") {
		t.Fatalf("one order: %q", n.Body)
	}

	// the built-in texts, every stage and language: the details filled in, no placeholder left
	for _, stage := range shipping.NoticeStages {
		for _, lang := range shipping.NoticeLangs {
			n := must(e.s.RenderNotice(ctx, p.ID, "", stage, lang))(t)
			if stage == "customs" {
				continue // customised above
			}
			if strings.Contains(n.Body+n.Subject, "{") || !strings.Contains(n.Body, "张丽") ||
				!strings.Contains(n.Subject, o1.Order.Number) || !strings.Contains(n.Body, "SF1234567890") {
				t.Fatalf("%s %s:\n%s\n%s", stage, lang, n.Subject, n.Body)
			}
		}
	}
	shipped := must(e.s.RenderNotice(ctx, p.ID, "", "shipped", "zh-CN"))(t)
	for _, s := range []string{"亲爱的张丽", "已由顺丰速运发出", url, "神仙水 ×1、安耐晒 ×2", "预计 2026-03-13 前送达", "中通快递 ZT998877"} {
		if !strings.Contains(shipped.Body, s) {
			t.Fatalf("the shipped notice says %q:\n%s", s, shipped.Body)
		}
	}

	_, err := e.s.RenderNotice(ctx, p.ID, "", "lost-in-space", "zh-CN")
	mustErr(t, err, domain.EInvalid, "shipping.notice.stage")
	_, err = e.s.RenderNotice(ctx, p.ID, "", "shipped", "fr")
	mustErr(t, err, domain.EInvalid, "shipping.notice.lang")
	other := e.order(t, lineQty{e.serum, 1})
	_, err = e.s.RenderNotice(ctx, p.ID, other.Order.ID, "shipped", "zh-CN")
	mustErr(t, err, domain.EInvalid, "shipping.notice.order")
	_, err = e.s.RenderNotice(ctx, "nope", "", "shipped", "zh-CN")
	mustErr(t, err, domain.ENotFound, "errors.notFoundThing")
}

func TestNoticeTemplates(t *testing.T) {
	e := mustOpen(t)
	list := must(e.s.Templates(ctx))(t)
	if len(list) != 8 {
		t.Fatalf("4 stages × 2 languages: %d", len(list))
	}
	for _, tp := range list {
		if tp.Custom || tp.Body == "" || tp.Subject == "" || tp != shipping.DefaultTemplate(tp.Stage, tp.Lang) {
			t.Fatalf("the defaults apply: %+v", tp)
		}
	}
	p, _, _ := noticeParcel(t, e)
	saved := must(e.s.SaveTemplate(ctx, shipping.Template{Stage: "delivered", Lang: "zh-CN", Subject: "到啦",
		Body: "{customer}，{order} 到啦！\r\n{leg2}\n{nothing}"}))(t)
	if !saved.Custom || saved.Body != "{customer}，{order} 到啦！\n{leg2}\n{nothing}" {
		t.Fatalf("saved: %+v", saved)
	}
	n := must(e.s.RenderNotice(ctx, p.ID, p.Orders[0].ID, "delivered", "zh-CN"))(t)
	if n.Subject != "到啦" || n.Body != "张丽，"+p.Orders[0].Number+" 到啦！\n中通快递 ZT998877\n{nothing}" {
		t.Fatalf("the team's template is used: %q %q", n.Subject, n.Body)
	}
	if en := must(e.s.RenderNotice(ctx, p.ID, "", "delivered", "en"))(t); !strings.HasPrefix(en.Body, "Hi 张丽,") {
		t.Fatalf("the other language keeps its default: %q", en.Body)
	}
	var custom int
	for _, tp := range must(e.s.Templates(ctx))(t) {
		if tp.Custom {
			custom++
		}
	}
	if custom != 1 {
		t.Fatalf("one custom template: %d", custom)
	}

	_, err := e.s.SaveTemplate(ctx, shipping.Template{Stage: "delivered", Lang: "zh-CN", Body: "  \n "})
	mustErr(t, err, domain.EInvalid, "shipping.template.body")
	_, err = e.s.SaveTemplate(ctx, shipping.Template{Stage: "arrived", Lang: "de"})
	mustErr(t, err, domain.EInvalid, "shipping.notice.stage")
	mustErr(t, err, domain.EInvalid, "shipping.notice.lang")
	mustErr(t, err, domain.EInvalid, "shipping.template.body")
	mustErr(t, e.s.ResetTemplate(ctx, "delivered", "jp"), domain.EInvalid, "shipping.notice.lang")

	// an empty subject takes the default's; text equal to the default may be saved
	def := shipping.DefaultTemplate("shipped", "en")
	if got := must(e.s.SaveTemplate(ctx, shipping.Template{Stage: "shipped", Lang: "en", Body: def.Body}))(t); !got.Custom ||
		got.Subject != def.Subject {
		t.Fatalf("saved as the default: %+v", got)
	}

	if err := e.s.ResetTemplate(ctx, "delivered", "zh-CN"); err != nil {
		t.Fatal(err)
	}
	n = must(e.s.RenderNotice(ctx, p.ID, "", "delivered", "zh-CN"))(t)
	if !strings.HasPrefix(n.Body, "亲爱的张丽，您好！") || n.Subject != "您的订单 "+p.Orders[0].Number+"、"+p.Orders[1].Number+" 已签收" {
		t.Fatalf("reset restores the default: %q %q", n.Subject, n.Body)
	}
	// saved again after a reset: custom again
	if got := must(e.s.SaveTemplate(ctx, shipping.Template{Stage: "delivered", Lang: "zh-CN", Body: "x"}))(t); !got.Custom || got.Body != "x" {
		t.Fatalf("saved after reset: %+v", got)
	}
	var rows int
	e.svc.DB.R().QueryRow(`SELECT count(*) FROM settings WHERE id LIKE 'notice_template.%' AND deleted = 0`).Scan(&rows)
	if rows != 2 {
		t.Fatalf("templates are replicated settings rows: %d", rows)
	}
}

func TestRecordNotice(t *testing.T) {
	e := mustOpen(t)
	p, o1, o2 := noticeParcel(t, e)
	n := must(e.s.RenderNotice(ctx, p.ID, "", "shipped", "zh-CN"))(t)
	in := shipping.NoticeInput{ParcelID: p.ID, Stage: "shipped", Lang: "zh-CN", Channel: "copy", Subject: n.Subject,
		Body: n.Body + "\n（已改）"}
	got := must(e.s.RecordNotice(ctx, in))(t)
	if got.ID == "" || got.Channel != "copy" || got.At != "2026-03-10T09:00:00Z" || got.Device != e.svc.DB.Device() ||
		!strings.HasSuffix(got.Body, "（已改）") {
		t.Fatalf("recorded: %+v", got)
	}
	for _, o := range []string{o1.Order.ID, o2.Order.ID} {
		h := must(e.s.OrderNotices(ctx, o))(t)
		if len(h) != 1 || h[0].OrderID != o || h[0].Body != got.Body || h[0].Stage != "shipped" {
			t.Fatalf("the notice is on each order's history: %+v", h)
		}
	}
	if len(must(e.s.Outbox(ctx))(t)) != 0 {
		t.Fatal("a copied notice is not e-mailed")
	}

	count := func() int {
		var n int
		e.svc.DB.R().QueryRow(`SELECT count(*) FROM notices`).Scan(&n)
		return n
	}
	before := count()
	email := in
	email.Channel, email.Recipient, email.OrderID = "email", "zhangli@example.com", o1.Order.ID
	_, err := e.s.RecordNotice(ctx, email)
	mustErr(t, err, domain.EConflict, "shipping.notice.noSmtp")
	must(e.s.SaveSMTP(ctx, shipping.SMTPSettings{Host: "smtp.example.com", Port: 587, From: "shop@example.com"}))(t)
	for _, bad := range []string{"", "zhangli", "zhangli@", "a@b@c.com", "zhang li@example.com", "zhangli@example"} {
		email.Recipient = bad
		_, err = e.s.RecordNotice(ctx, email)
		mustErr(t, err, domain.EInvalid, "shipping.notice.recipient")
	}
	for _, bad := range []shipping.NoticeInput{
		{ParcelID: p.ID, Stage: "shipped", Lang: "zh-CN", Channel: "fax", Body: "x"},
		{ParcelID: p.ID, Stage: "shipped", Lang: "zh-CN", Channel: "copy", Body: " "},
		{ParcelID: p.ID, Stage: "shipped", Lang: "zh-CN", Channel: "email", Recipient: "a@b.cn", Body: "x"},
	} {
		_, err = e.s.RecordNotice(ctx, bad)
		if domain.ErrorCode(err) != domain.EInvalid {
			t.Fatalf("refused: %+v: %v", bad, err)
		}
	}
	_, err = e.s.RecordNotice(ctx, shipping.NoticeInput{ParcelID: "nope", Stage: "shipped", Lang: "en", Channel: "copy", Body: "x"})
	mustErr(t, err, domain.ENotFound, "errors.notFoundThing")
	other := e.order(t, lineQty{e.serum, 1})
	_, err = e.s.RecordNotice(ctx, shipping.NoticeInput{ParcelID: p.ID, OrderID: other.Order.ID, Stage: "shipped", Lang: "en",
		Channel: "copy", Body: "x"})
	mustErr(t, err, domain.EInvalid, "shipping.notice.order")
	if count() != before {
		t.Fatal("refused notices write nothing")
	}

	email.Recipient = "张丽 <zhangli@example.com>"
	e.now = e.now.Add(time.Minute)
	got = must(e.s.RecordNotice(ctx, email))(t)
	if got.OrderID != o1.Order.ID || got.Channel != "email" || got.Sent != "" || got.Attempts != 0 {
		t.Fatalf("an e-mail notice waits in the outbox: %+v", got)
	}
	if h := must(e.s.OrderNotices(ctx, o1.Order.ID))(t); len(h) != 2 || h[1].ID != got.ID {
		t.Fatalf("the history grows, oldest first: %+v", h)
	}
	if h := must(e.s.OrderNotices(ctx, o2.Order.ID))(t); len(h) != 1 {
		t.Fatalf("a notice for one order stays on that order: %+v", h)
	}
	if box := must(e.s.Outbox(ctx))(t); len(box) != 1 || box[0].ID != got.ID {
		t.Fatalf("outbox: %+v", box)
	}
	if ps := must(e.s.GetParcel(ctx, p.ID))(t).Notices; len(ps) != 3 {
		t.Fatalf("the parcel shows its notices: %d", len(ps))
	}
}
