package shipping

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"net/mail"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/store"
)

// Notice is a message to a customer about an order, kept on the order.
type Notice struct {
	ID        string `json:"id"`
	OrderID   string `json:"orderId"`
	ParcelID  string `json:"parcelId"`
	Stage     string `json:"stage"`   // shipped | customs | delivered | delayed
	Channel   string `json:"channel"` // copy | email
	Lang      string `json:"lang"`    // zh-CN | en
	Recipient string `json:"recipient"`
	Subject   string `json:"subject"`
	Body      string `json:"body"`
	At        string `json:"at"`
	Device    string `json:"device"`
	// Sent: for e-mail, when it was sent ('' = waiting in the outbox); LastError is the
	// last failed attempt's error.
	Sent      string `json:"sent"`
	LastError string `json:"lastError"`
	Attempts  int    `json:"attempts"`
	// LastTry is when the last failed attempt was made; NextTry (outbox only) is when the
	// outbox tries again ('' = at its next round).
	LastTry string `json:"lastTry"`
	NextTry string `json:"nextTry"`
}

// noticesWhere reads notices matching a condition on the notices table, oldest first.
func noticesWhere(q querier, cond string, args ...any) ([]Notice, error) {
	out := []Notice{}
	err := scanAll(q, `SELECT n.id, n.order_id, n.parcel_id, n.stage, n.channel, n.lang, n.recipient, n.subject, n.body, n.at,
			n.device, coalesce((SELECT min(x.at) FROM notice_sends x WHERE x.notice_id = n.id AND x.ok = 1), ''),
			coalesce((SELECT x.error FROM notice_sends x WHERE x.notice_id = n.id AND x.ok = 0 ORDER BY x.at DESC, x.id DESC LIMIT 1), ''),
			(SELECT count(*) FROM notice_sends x WHERE x.notice_id = n.id),
			coalesce((SELECT max(x.at) FROM notice_sends x WHERE x.notice_id = n.id AND x.ok = 0), '')
		FROM notices n WHERE `+cond+` ORDER BY n.at, n.id`, args, func(r *sql.Rows) error {
		var n Notice
		if err := r.Scan(&n.ID, &n.OrderID, &n.ParcelID, &n.Stage, &n.Channel, &n.Lang, &n.Recipient, &n.Subject, &n.Body,
			&n.At, &n.Device, &n.Sent, &n.LastError, &n.Attempts, &n.LastTry); err != nil {
			return err
		}
		out = append(out, n)
		return nil
	})
	return out, err
}

// NoticeStages are the moments a customer hears about a parcel; NoticeLangs the languages
// a notice is written in.
var (
	NoticeStages = []string{"shipped", "customs", "delivered", "delayed"}
	NoticeLangs  = []string{"zh-CN", "en"}
)

// NoticePlaceholders are the {names} a template may use; any other {name} stays as typed.
var NoticePlaceholders = []string{"customer", "order", "parcel", "carrier", "service", "tracking", "trackingUrl", "items",
	"eta", "place", "leg2"}

// Template is the text of a notice for one stage and language: Subject for e-mail, Body for
// both e-mail and WeChat. Custom is false while the built-in default applies.
type Template struct {
	Stage   string `json:"stage"`
	Lang    string `json:"lang"`
	Subject string `json:"subject"`
	Body    string `json:"body"`
	Custom  bool   `json:"custom"`
}

// defaultTemplates are the built-in texts, by stage then language. A line whose
// placeholders all come out empty is left out of the message, so the tracking link, the
// arrival date, the domestic courier and the place lines appear only when known.
var defaultTemplates = map[string]map[string]Template{
	"shipped": {
		"zh-CN": {Subject: "您的订单 {order} 已发货",
			Body: "亲爱的{customer}，您好！\n" +
				"您的订单 {order} 已由{carrier}发出，运单号 {tracking}。\n" +
				"物流查询：{trackingUrl}\n" +
				"国内段快递：{leg2}\n" +
				"本次寄出：{items}\n" +
				"预计 {eta} 前送达，收到后记得检查一下哦～\n" +
				"有任何问题随时微信找我，谢谢支持！"},
		"en": {Subject: "Your order {order} is on its way",
			Body: "Hi {customer},\n" +
				"Good news: your order {order} has shipped with {carrier}, tracking number {tracking}.\n" +
				"Track it here: {trackingUrl}\n" +
				"Domestic courier: {leg2}\n" +
				"In this parcel: {items}\n" +
				"It should arrive by {eta}.\n" +
				"Any questions, just message me. Thank you for your order!"},
	},
	"customs": {
		"zh-CN": {Subject: "您的订单 {order} 正在清关",
			Body: "亲爱的{customer}，您好！\n" +
				"您的订单 {order} 的包裹（{carrier} 运单号 {tracking}）已进入海关清关环节，一般需要几个工作日，请耐心等待～\n" +
				"最新位置：{place}\n" +
				"物流查询：{trackingUrl}\n" +
				"如果海关需要补充身份证等资料，我会第一时间联系您。谢谢理解与支持！"},
		"en": {Subject: "Your order {order} is in customs",
			Body: "Hi {customer},\n" +
				"The parcel with your order {order} ({carrier}, tracking number {tracking}) is now going through customs. " +
				"This usually takes a few working days.\n" +
				"Latest location: {place}\n" +
				"Track it here: {trackingUrl}\n" +
				"If customs need anything from you (such as an ID number), I will let you know right away. Thank you for your patience!"},
	},
	"delivered": {
		"zh-CN": {Subject: "您的订单 {order} 已签收",
			Body: "亲爱的{customer}，您好！\n" +
				"物流显示您的订单 {order} 已经签收啦（{carrier} 运单号 {tracking}）。\n" +
				"本次包裹：{items}\n" +
				"收到后请检查一下商品，有任何问题随时联系我～用得满意欢迎再来哦，谢谢支持！"},
		"en": {Subject: "Your order {order} has been delivered",
			Body: "Hi {customer},\n" +
				"Your order {order} has been delivered ({carrier}, tracking number {tracking}).\n" +
				"In this parcel: {items}\n" +
				"Please check everything arrived in good shape, and message me if anything is wrong. Hope you love it, and thank you!"},
	},
	"delayed": {
		"zh-CN": {Subject: "您的订单 {order} 物流有延误",
			Body: "亲爱的{customer}，您好！\n" +
				"很抱歉，您的订单 {order} 的包裹（{carrier} 运单号 {tracking}）比预期慢了一些，我正在跟进物流情况。\n" +
				"最新位置：{place}\n" +
				"物流查询：{trackingUrl}\n" +
				"一有新消息会马上告诉您，给您添麻烦了，感谢耐心等待！"},
		"en": {Subject: "Your order {order} is delayed",
			Body: "Hi {customer},\n" +
				"I am sorry: the parcel with your order {order} ({carrier}, tracking number {tracking}) is taking longer than expected, " +
				"and I am following it up with the carrier.\n" +
				"Latest location: {place}\n" +
				"Track it here: {trackingUrl}\n" +
				"I will tell you as soon as there is news. Thank you for your patience!"},
	},
}

// DefaultTemplate is the built-in text of a stage and language.
func DefaultTemplate(stage, lang string) Template {
	t := defaultTemplates[stage][lang]
	t.Stage, t.Lang = stage, lang
	return t
}

func templateID(stage, lang string) string { return "notice_template." + stage + "." + lang }

// checkStageLang adds a problem for an unknown stage or language.
func checkStageLang(p *domain.Problems, stage, lang string) {
	if !slices.Contains(NoticeStages, stage) {
		p.Add(domain.Invalid("stage", "shipping.notice.stage", fmt.Sprintf("unknown notice stage %q", stage),
			map[string]any{"stage": stage}))
	}
	if !slices.Contains(NoticeLangs, lang) {
		p.Add(domain.Invalid("lang", "shipping.notice.lang", fmt.Sprintf("unknown language %q", lang),
			map[string]any{"lang": lang}))
	}
}

// loadTemplate is the team's template (settings row notice_template.<stage>.<lang>) or the
// default. A custom template without a subject takes the default's.
func loadTemplate(q querier, stage, lang string) (Template, error) {
	t := DefaultTemplate(stage, lang)
	var v string
	err := q.QueryRow(`SELECT value FROM settings WHERE id = ? AND deleted = 0`, templateID(stage, lang)).Scan(&v)
	if err == sql.ErrNoRows {
		return t, nil
	} else if err != nil {
		return t, err
	}
	var saved struct{ Subject, Body string }
	if json.Unmarshal([]byte(v), &saved) != nil || strings.TrimSpace(saved.Body) == "" {
		return t, nil // written by a newer version we cannot read
	}
	t.Body, t.Custom = saved.Body, true
	if strings.TrimSpace(saved.Subject) != "" {
		t.Subject = saved.Subject
	}
	return t, nil
}

// Templates returns the notice templates of every stage and language, the team's or the
// built-in ones.
func (s *Service) Templates(ctx context.Context) ([]Template, error) {
	out := []Template{}
	for _, stage := range NoticeStages {
		for _, lang := range NoticeLangs {
			t, err := loadTemplate(s.db.R(), stage, lang)
			if err != nil {
				return nil, err
			}
			out = append(out, t)
		}
	}
	return out, nil
}

// SaveTemplate stores the team's text for a stage and language (replicated: every laptop
// uses it). The body may not be empty; an empty subject falls back to the default's.
func (s *Service) SaveTemplate(ctx context.Context, t Template) (Template, error) {
	t.Stage, t.Lang = strings.TrimSpace(t.Stage), strings.TrimSpace(t.Lang)
	t.Subject = strings.TrimSpace(strings.ReplaceAll(strings.ReplaceAll(t.Subject, "\r", " "), "\n", " "))
	t.Body = strings.TrimSpace(strings.ReplaceAll(t.Body, "\r\n", "\n"))
	p := &domain.Problems{}
	checkStageLang(p, t.Stage, t.Lang)
	if t.Body == "" {
		p.Add(domain.Invalid("body", "shipping.template.body", "the message may not be empty", nil))
	}
	if err := p.Err(); err != nil {
		return t, err
	}
	value, err := json.Marshal(map[string]string{"subject": t.Subject, "body": t.Body})
	if err != nil {
		return t, err
	}
	err = s.db.Write(ctx, func(tx *store.Tx) error {
		return tx.Set("settings", templateID(t.Stage, t.Lang), store.Fields{"value": string(value), "deleted": int64(0)})
	})
	if err != nil {
		return t, err
	}
	return loadTemplate(s.db.R(), t.Stage, t.Lang)
}

// ResetTemplate goes back to the built-in text of a stage and language.
func (s *Service) ResetTemplate(ctx context.Context, stage, lang string) error {
	p := &domain.Problems{}
	checkStageLang(p, stage, lang)
	if err := p.Err(); err != nil {
		return err
	}
	return s.db.Write(ctx, func(tx *store.Tx) error {
		return tx.Set("settings", templateID(stage, lang), store.Fields{"deleted": int64(1)})
	})
}

// RenderNotice fills the stage's template in lang with the parcel's details: for one order
// of it, or for all of them when orderID is "". The customer is the order's (or the
// parcel's) customer, else the parcel's recipient; Recipient is the customer's e-mail when
// known. Nothing is saved: the user edits the text, then copies or sends it (RecordNotice).
func (s *Service) RenderNotice(ctx context.Context, parcelID, orderID, stage, lang string) (Notice, error) {
	n := Notice{ParcelID: parcelID, OrderID: orderID, Stage: stage, Lang: lang}
	p := &domain.Problems{}
	checkStageLang(p, stage, lang)
	if err := p.Err(); err != nil {
		return n, err
	}
	q := s.db.R()
	t, err := loadTemplate(q, stage, lang)
	if err != nil {
		return n, err
	}
	vars, email, err := noticeVars(q, parcelID, orderID, lang, s.now())
	if err != nil {
		return n, err
	}
	n.Recipient = email
	n.Subject = fillTemplate(t.Subject, vars)
	n.Body = fillTemplate(t.Body, vars)
	return n, nil
}

// noticeVars are the placeholder values of a parcel (or one order of it), and the
// customer's e-mail.
func noticeVars(q querier, parcelID, orderID, lang string, now time.Time) (map[string]string, string, error) {
	p, err := getParcel(q, parcelID, now)
	if err != nil {
		return nil, "", err
	}
	zh := lang == "zh-CN"
	sep := ", "
	if zh {
		sep = "、"
	}
	var numbers []string
	for _, o := range p.Orders {
		if orderID == "" || o.ID == orderID {
			numbers = append(numbers, o.Number)
		}
	}
	if orderID != "" && len(numbers) == 0 {
		return nil, "", orderNotInParcel()
	}
	customerID := p.CustomerID
	if orderID != "" || customerID == "" {
		first := orderID
		if first == "" && len(p.Orders) > 0 {
			first = p.Orders[0].ID
		}
		q.QueryRow(`SELECT customer_id FROM orders WHERE id = ?`, first).Scan(&customerID)
	}
	var name, email string
	if customerID != "" {
		q.QueryRow(`SELECT name, email FROM customers WHERE id = ? AND deleted = 0`, customerID).Scan(&name, &email)
	}
	if strings.TrimSpace(name) == "" {
		name = p.ShipName
	}
	// goods, by product, in packing order
	type good struct {
		name string
		qty  int64
	}
	var goods []*good
	byKey := map[string]*good{}
	for _, l := range p.Lines {
		if orderID != "" && l.OrderID != orderID {
			continue
		}
		key := l.ProductID + "|" + l.Name
		if g := byKey[key]; g != nil {
			g.qty += l.Qty
			continue
		}
		g := &good{l.Name, l.Qty}
		byKey[key] = g
		goods = append(goods, g)
	}
	items := make([]string, len(goods))
	for i, g := range goods {
		items[i] = g.name + " ×" + strconv.FormatInt(g.qty, 10)
	}
	carrier, service := p.CarrierEn, p.ServiceEn
	if zh || carrier == "" {
		carrier = p.Carrier
	}
	if zh || service == "" {
		service = p.Service
	}
	trackingURL := ""
	if p.TrackingURL != "" && p.TrackingNo != "" {
		trackingURL = strings.ReplaceAll(p.TrackingURL, "{no}", url.PathEscape(p.TrackingNo))
	}
	place := ""
	for i := len(p.Events) - 1; i >= 0 && place == ""; i-- {
		place = p.Events[i].Place
	}
	vars := map[string]string{
		"customer":    strings.TrimSpace(name),
		"order":       strings.Join(numbers, sep),
		"parcel":      p.Number,
		"carrier":     carrier,
		"service":     service,
		"tracking":    p.TrackingNo,
		"trackingUrl": trackingURL,
		"items":       strings.Join(items, sep),
		"eta":         eta(p.ShippedAt, p.TransitMax),
		"place":       place,
		"leg2":        strings.TrimSpace(p.Leg2Carrier + " " + p.Leg2TrackingNo),
	}
	return vars, strings.TrimSpace(email), nil
}

// eta is the latest expected arrival, China time: the shipping day plus the service's
// longest transit ("" when not shipped or unknown).
func eta(shippedAt string, transitMax int64) string {
	t, err := time.Parse(time.RFC3339, shippedAt)
	if err != nil || transitMax <= 0 {
		return ""
	}
	return t.In(time.FixedZone("CST", 8*3600)).AddDate(0, 0, int(transitMax)).Format("2006-01-02")
}

var placeholder = regexp.MustCompile(`\{([A-Za-z0-9]+)\}`)

// fillTemplate replaces the known {placeholders}; unknown ones stay as typed. A line whose
// known placeholders are all empty is left out ("Track it here: " with no link).
func fillTemplate(text string, vars map[string]string) string {
	lines := strings.Split(text, "\n")
	out := lines[:0]
	for _, line := range lines {
		known, filled := 0, 0
		line = placeholder.ReplaceAllStringFunc(line, func(m string) string {
			v, ok := vars[m[1:len(m)-1]]
			if !ok {
				return m
			}
			known++
			if v != "" {
				filled++
			}
			return v
		})
		if known > 0 && filled == 0 && len(lines) > 1 {
			continue
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

func orderNotInParcel() error {
	return domain.Invalid("orderId", "shipping.notice.order", "the order is not in this parcel", nil)
}

// NoticeInput is a notice as the user sends it: the rendered text, possibly edited.
// OrderID "" is about every order of the parcel.
type NoticeInput struct {
	ParcelID  string `json:"parcelId"`
	OrderID   string `json:"orderId"`
	Stage     string `json:"stage"`
	Lang      string `json:"lang"`
	Channel   string `json:"channel"` // copy (pasted into WeChat by hand) | email (sent by the outbox)
	Recipient string `json:"recipient"`
	Subject   string `json:"subject"`
	Body      string `json:"body"`
}

// plausibleEmail: one address, name@domain.tld or "Name <name@domain.tld>".
func plausibleEmail(v string) (*mail.Address, bool) {
	a, err := mail.ParseAddress(v)
	if err != nil {
		return nil, false
	}
	local, domainPart, ok := strings.Cut(a.Address, "@")
	if !ok || local == "" || strings.Count(a.Address, "@") != 1 || strings.ContainsAny(a.Address, " \t") ||
		!strings.Contains(strings.Trim(domainPart, "."), ".") {
		return nil, false
	}
	return a, true
}

// RecordNotice keeps a notice on the history of its order: one row for each order it is
// about (OrderID "" = every order of the parcel), so each order shows it; the first is
// returned. An e-mail notice goes to this device's outbox, which sends it once for all those
// rows; it needs a plausible address and the SMTP settings (a copied one needs neither).
func (s *Service) RecordNotice(ctx context.Context, in NoticeInput) (Notice, error) {
	for _, f := range []*string{&in.ParcelID, &in.OrderID, &in.Stage, &in.Lang, &in.Channel, &in.Recipient} {
		*f = strings.TrimSpace(*f)
	}
	in.Subject = strings.TrimSpace(strings.ReplaceAll(strings.ReplaceAll(in.Subject, "\r", " "), "\n", " "))
	in.Body = strings.TrimSpace(strings.ReplaceAll(in.Body, "\r\n", "\n"))
	p := &domain.Problems{}
	checkStageLang(p, in.Stage, in.Lang)
	if in.Channel != "copy" && in.Channel != "email" {
		p.Add(domain.Invalid("channel", "shipping.notice.channel", fmt.Sprintf("unknown channel %q: copy or email", in.Channel),
			map[string]any{"channel": in.Channel}))
	}
	if in.Body == "" {
		p.Add(domain.Invalid("body", "shipping.notice.body", "the message is empty", nil))
	}
	if in.Channel == "email" {
		if _, ok := plausibleEmail(in.Recipient); !ok {
			p.Add(domain.Invalid("recipient", "shipping.notice.recipient", fmt.Sprintf("%q is not an e-mail address", in.Recipient),
				map[string]any{"recipient": in.Recipient}))
		}
		if in.Subject == "" {
			p.Add(domain.Invalid("subject", "shipping.notice.subject", "an e-mail needs a subject", nil))
		}
	}
	if err := p.Err(); err != nil {
		return Notice{}, err
	}
	if in.Channel == "email" {
		cfg, err := s.loadSMTP()
		if err != nil {
			return Notice{}, err
		}
		if cfg.Host == "" {
			return Notice{}, &domain.Error{Code: domain.EConflict, Key: "shipping.notice.noSmtp",
				Message: "set up e-mail sending (SMTP) in the settings first"}
		}
	}
	var first string
	err := s.db.Write(ctx, func(tx *store.Tx) error {
		var deleted int
		err := tx.QueryRow(`SELECT deleted FROM parcels WHERE id = ?`, in.ParcelID).Scan(&deleted)
		if err == sql.ErrNoRows || deleted != 0 {
			return domain.NotFound("parcel", in.ParcelID)
		} else if err != nil {
			return err
		}
		var orders []string
		if err := scanAll(tx, `SELECT DISTINCT i.order_id, coalesce(o.number, '') FROM parcel_items i
				LEFT JOIN orders o ON o.id = i.order_id
			WHERE i.parcel_id = ? AND i.deleted = 0 ORDER BY 2, 1`, []any{in.ParcelID}, func(r *sql.Rows) error {
			var id, number string
			if err := r.Scan(&id, &number); err != nil {
				return err
			}
			if in.OrderID == "" || id == in.OrderID {
				orders = append(orders, id)
			}
			return nil
		}); err != nil {
			return err
		}
		if in.OrderID != "" && len(orders) == 0 {
			return orderNotInParcel()
		}
		if len(orders) == 0 {
			orders = []string{""} // an empty parcel: the notice stays on the parcel
		}
		at := s.nowText()
		for _, o := range orders {
			id := domain.NewID()
			if first == "" {
				first = id
			}
			if err := tx.Add("notices", id, store.Fields{"order_id": o, "parcel_id": in.ParcelID, "stage": in.Stage,
				"channel": in.Channel, "lang": in.Lang, "recipient": in.Recipient, "subject": in.Subject, "body": in.Body,
				"at": at, "device": tx.Device()}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return Notice{}, err
	}
	list, err := noticesWhere(s.db.R(), `n.id = ?`, first)
	if err != nil || len(list) == 0 {
		return Notice{}, err
	}
	return list[0], nil
}

// OrderNotices is the order's notice history, oldest first.
func (s *Service) OrderNotices(ctx context.Context, orderID string) ([]Notice, error) {
	return noticesWhere(s.db.R(), `n.order_id = ?`, orderID)
}
