package demo

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"daigoudesk/backend/customers"
	"daigoudesk/backend/domain"
	"daigoudesk/backend/orders"
	"daigoudesk/backend/purchasing"
	"daigoudesk/backend/shipping"
	"daigoudesk/backend/store"
)

// The shipping side of the demo: the team's edits to the preloaded carriers (SF's contract
// price, the carriers' hotlines, a rule that sends Xinjiang and Tibet by EMS, the sender on
// the labels), a parcel for
// every order the history shipped with the carrier's tracking history, and today's work at
// the packing table.
//
// The history's orders were shipped by the orders service, with their stock moves, before
// any parcel existed, so their parcels are written straight through the store's write path as
// the app would have written them (one batched transaction), never through AddEvent, which
// would ship the goods a second time. A parcel leaves when its order shipped (its first event
// is the order's shipped event) and arrives no later than the order was marked delivered: most
// within the service's transit time, about 8% late, about 1.5% after an exception on the way,
// and about 0.7% never: lost, the order refunded in full (its delivered and completed events
// stay, as the team closed it after the refund). Orders of one customer shipped the same day
// travel together; an order with a bag and other goods, and now and then a large one, goes in
// two boxes. Orders of goods from the country of a buying trip under way were sent straight
// from there (EMS from Japan, SF International, DHL, FedEx, UPS) through Chinese customs; that
// is a simplification, as the stock ledger still takes them off the shelf the order reserved.
//
// Today's work goes through the shipping service, as the pack screen does it: a pre-order
// bought on a short trip to Japan and sent from there (in customs now), a few orders shipped
// in the last days, 6–10 packed today with their tracking numbers booked and labels still to
// print (one of two orders of the same customer, one to Xinjiang by the rule's EMS), and a few
// confirmed orders left to pack.

var parcelSeries = store.Series{Label: "PCL", SeqKey: "parcel_seq", Table: "parcels"}

var cst = time.FixedZone("CST", 8*3600)

const contractNote = "2026 年月结协议价"

// The team packs at home in Shanghai (Minhang).
const (
	sfPickup  = "上海市闵行区七宝营业部"
	sfHub     = "上海闵行集散中心"
	emsPickup = "上海闵行七宝邮政支局"
	emsHub    = "上海邮区中心局"
	pvgArrive = "上海浦东国际机场 Shanghai Pudong Airport"
	pvgCustom = "上海海关 浦东机场快件监管中心"
)

// sfHubs are the destination cities' sorting centres; midHubs the one a parcel passes on
// the way to a far province.
var (
	sfHubs = map[string]string{"上海市": "上海青浦转运中心", "北京市": "北京顺义集散中心", "深圳市": "深圳转运中心",
		"广州市": "广州白云转运中心", "杭州市": "杭州萧山转运中心", "南京市": "南京江宁转运中心", "成都市": "成都双流转运中心",
		"武汉市": "武汉东西湖转运中心", "厦门市": "厦门集美转运中心", "天津市": "天津武清转运中心", "乌鲁木齐市": "乌鲁木齐转运中心"}
	midHubs = map[string]string{"北京": "济南转运中心", "天津": "济南转运中心", "广东": "南昌转运中心", "四川": "武汉转运中心",
		"福建": "杭州转运中心", "新疆": "兰州转运中心"}
	postcodes = map[string]string{"浦东新区": "200120", "徐汇区": "200030", "朝阳区": "100022", "海淀区": "100080",
		"南山区": "518057", "天河区": "510620", "西湖区": "310012", "鼓楼区": "210008", "锦江区": "610021", "江汉区": "430015",
		"思明区": "361001", "和平区": "300041", "天山区": "830002"}
	areaCodes = map[string]string{"浦东新区": "310115", "徐汇区": "310104", "朝阳区": "110105", "海淀区": "110108",
		"南山区": "440305", "天河区": "440106", "西湖区": "330106", "鼓楼区": "320106", "锦江区": "510104", "江汉区": "420103",
		"思明区": "350203", "和平区": "120101", "天山区": "650102"}
	// abroad: where a parcel from the country is handed over and leaves for China.
	abroad = map[string][2]string{
		"JP": {"東京都 銀座郵便局 Ginza, Tokyo", "東京国際郵便局 Tokyo International"}, "KR": {"서울 명동 Myeongdong, Seoul", "인천국제공항 Incheon Airport"},
		"FR": {"Paris 9e", "Roissy CDG Hub"}, "IT": {"Firenze", "Milano Malpensa Hub"}, "DE": {"Frankfurt am Main", "Leipzig Hub"},
		"CH": {"Luzern", "Zürich Airport"}, "GB": {"London W1", "East Midlands Hub"}, "US": {"Los Angeles, CA", "LAX Gateway"},
		"AU": {"Sydney NSW", "Sydney Gateway"}, "NZ": {"Auckland", "Auckland Gateway"}}
	signedBy = []string{"已签收，本人签收", "已签收，丰巢智能柜代收", "已签收，前台代收", "已签收，家人代收", "已签收，菜鸟驿站代收",
		"已签收，门卫代收"}
	exceptionNotes = []string{"派送不成功：收件人电话无人接听，改日派送", "收件地址不详，已联系收件人确认", "因天气原因，快件延误",
		"外包装破损，已重新加固包装"}
	customsNotes = []string{"海关查验：需补充收件人身份证信息", "海关查验：需缴纳进口税款，已通知收件人"}
	delayNote    = "因中转量大，快件延误 delayed by a backlog"
)

// shipper is the loader while it makes the shipping data.
type shipper struct {
	*loader
	now                    time.Time
	used                   map[string]bool   // tracking numbers given
	idNos                  map[string]string // customer → resident ID number (for customs)
	service                map[string]string // built-in service by English name → id
	late, lost, exceptions int               // delivered late; lost; delivered after an exception
	heldUp                 bool              // a parcel on its way is held up at the door with an exception
}

// shipping is the load step: carriers, the history's parcels, today's packing.
func (l *loader) shipping() error {
	s := &shipper{loader: l, now: l.opt.Now.UTC(), used: map[string]bool{}, idNos: map[string]string{}, service: map[string]string{}}
	for _, c := range shipping.BuiltInCarriers() {
		for _, v := range c.Services {
			s.service[v.NameEn] = v.ID
		}
	}
	for _, step := range []func() error{s.carriers, s.pastParcels, s.recent} {
		if err := step(); err != nil {
			return err
		}
	}
	var waiting, all int
	if err := l.svc.DB.R().QueryRowContext(l.ctx, `SELECT count(*), coalesce(sum(s.status = 'packed' AND p.labelled_at = ''), 0)
		FROM parcels p JOIN parcel_state s ON s.parcel_id = p.id WHERE p.deleted = 0`).Scan(&all, &waiting); err != nil {
		return err
	}
	l.res.Parcels, l.res.Waiting, l.res.LateParcels, l.res.LostParcels = all, waiting, s.late, s.lost
	l.progress("%d parcels (%d late, %d with an exception, %d lost), %d packed waiting for labels", all, s.late, s.exceptions,
		s.lost, waiting)
	return nil
}

// carriers: the team's contract price with SF (a little under the published one), the
// carriers' hotlines and monthly account, the rule that sends Xinjiang and Tibet by EMS, and
// the sender and thank-you note printed on labels and packing slips.
func (s *shipper) carriers() error {
	ship := s.svc.Shipping
	cs, err := ship.Carriers(s.ctx)
	if err != nil {
		return err
	}
	for _, c := range cs {
		switch c.NameEn {
		case "SF Express":
			c.Phone, c.Note = "95338", "月结账号 0219876543，每天 17:00 上门取件"
		case "China Post EMS":
			c.Phone, c.Note = "11183", "寄新疆、西藏和偏远地区"
		default:
			continue
		}
		if _, err := ship.SaveCarrier(s.ctx, c); err != nil {
			return fmt.Errorf("carrier %s: %w", c.NameEn, err)
		}
		for _, v := range c.Services {
			if v.NameEn != "SF Standard Express" || v.Note == contractNote { // a second run keeps the contract as it is
				continue
			}
			for i := range v.Rates { // 2026 contract: ¥2–3 off the first kilo, ¥1 off each further one
				r := &v.Rates[i]
				r.FirstFee -= 100 + r.FirstFee/1000*100
				r.ExtraFee = max(r.ExtraFee-100, 100)
			}
			v.Note = contractNote
			if _, err := ship.SaveService(s.ctx, v); err != nil {
				return fmt.Errorf("service %s: %w", v.NameEn, err)
			}
		}
	}
	rules := shipping.DefaultRules()
	rules.Destinations = []shipping.DestinationRule{{Provinces: "新疆,西藏", ServiceID: s.service["EMS Standard"]}}
	rules.Sender = shipping.Sender{Name: "小美海外代购", Phone: "13916882046", Address: "上海市闵行区七宝镇漕宝路 3366 弄 12 号 301 室"}
	rules.SlipNote = "谢谢支持！收货后请检查商品，如有问题 7 天内微信联系我们。Thank you for your order!"
	_, err = ship.SaveRules(s.ctx, rules)
	return err
}

// pastOrder is an order the history shipped, as its parcels need it.
type pastOrder struct {
	id, number, customer, channel                           string
	name, phone, province, city, district, street, postcode string
	fee, paid                                               int64 // shipping fee charged; paid net of refunds
	shippedAt, deliveredAt                                  time.Time
	returned                                                bool
	lines                                                   []pastLine
}

type pastLine struct {
	id, order, name string
	it              *item // nil: a product the demo did not make
	qty, price, wG  int64
}

func (l pastLine) category() string {
	if l.it == nil {
		return ""
	}
	return l.it.category
}

// parcelPlan is one parcel about to be written.
type parcelPlan struct {
	id       string
	fields   store.Fields
	lines    []pastLine
	events   []trackEvent
	refund   *pastOrder // lost: refund this order
	refundAt time.Time
}

type trackEvent struct {
	kind, place, note string
	at                time.Time
}

type pastTrip struct {
	countries  map[string]bool
	from, till string // YYYY-MM-DD
}

func ts(t time.Time) string { return t.UTC().Truncate(time.Minute).Format(time.RFC3339) }

// pastParcels packs, ships and tracks every order the history shipped.
func (s *shipper) pastParcels() error {
	started := time.Now()
	list, err := s.pastOrders()
	if err != nil || len(list) == 0 {
		return err
	}
	tripsAbroad, err := s.pastTrips()
	if err != nil {
		return err
	}
	// orders of a customer shipped the same day (both still travelling or both arrived) go together
	type group struct{ orders []*pastOrder }
	var groups []*group
	open := map[string]*group{}
	for _, o := range list {
		key := fmt.Sprintf("%s|%s|%v", o.customer, o.shippedAt.In(cst).Format("2006-01-02"), o.deliveredAt.IsZero())
		if g := open[key]; g != nil && len(g.orders) < 3 {
			g.orders = append(g.orders, o)
			continue
		}
		g := &group{orders: []*pastOrder{o}}
		open[key] = g
		groups = append(groups, g)
	}
	// about 0.7% of the parcels are lost: one-order parcels a month old or more, nothing returned
	var eligible []*group
	for _, g := range groups {
		o := g.orders[0]
		if len(g.orders) == 1 && !o.returned && !o.deliveredAt.IsZero() && o.paid > 0 && s.now.Sub(o.shippedAt) > 30*24*time.Hour {
			eligible = append(eligible, g)
		}
	}
	lost := map[*group]bool{}
	s.rng.Shuffle(len(eligible), func(i, j int) { eligible[i], eligible[j] = eligible[j], eligible[i] })
	for _, g := range eligible[:min(len(eligible), max(1, len(groups)*7/1000))] {
		lost[g] = true
	}
	var plans []*parcelPlan
	for _, g := range groups {
		var lines []pastLine
		for _, o := range g.orders {
			lines = append(lines, o.lines...)
		}
		// boxes: a bag travels alone; now and then a big order is split in two
		boxes := [][]pastLine{lines}
		if len(lines) > 1 && !lost[g] {
			var bags, rest []pastLine
			for _, ln := range lines {
				if ln.category() == "箱包" {
					bags = append(bags, ln)
				} else {
					rest = append(rest, ln)
				}
			}
			switch {
			case len(bags) > 0 && len(rest) > 0:
				boxes = [][]pastLine{bags, rest}
			case s.rng.Intn(40) == 0:
				boxes = [][]pastLine{lines[:1], lines[1:]}
			}
		}
		origin := "CN"
		if len(boxes) == 1 && !lost[g] {
			origin = s.sentFrom(tripsAbroad, g.orders[0].shippedAt, lines)
		}
		for i, box := range boxes {
			p, err := s.pastParcel(g.orders, box, origin, lost[g])
			if err != nil {
				return err
			}
			if len(boxes) > 1 {
				p.fields["note"] = fmt.Sprintf("分箱发货 %d/%d", i+1, len(boxes))
			} else if len(g.orders) > 1 {
				p.fields["note"] = "同一客户合并发货"
			}
			plans = append(plans, p)
		}
	}
	// one transaction: numbers in packing order, then the rows in bulk
	sort.SliceStable(plans, func(i, j int) bool {
		return plans[i].fields["packed_at"].(string) < plans[j].fields["packed_at"].(string)
	})
	err = s.svc.DB.Write(s.ctx, func(tx *store.Tx) error {
		numbers, err := tx.NextNumbers(parcelSeries, len(plans))
		if err != nil {
			return err
		}
		var parcels, items, events []store.Row
		for i, p := range plans {
			p.fields["number"] = numbers[i]
			parcels = append(parcels, store.Row{ID: p.id, Fields: p.fields})
			for _, ln := range p.lines {
				items = append(items, store.Row{ID: domain.DerivedID("parcel-item", p.id, ln.id), Fields: store.Fields{
					"parcel_id": p.id, "order_id": ln.order, "line_id": ln.id, "qty": ln.qty}})
			}
			for _, e := range p.events {
				at := ts(e.at)
				events = append(events, store.Row{ID: domain.DerivedID("tracking-import", p.id, e.kind, at), Fields: store.Fields{
					"parcel_id": p.id, "kind": e.kind, "at": at, "place": e.place, "note": e.note, "source": "import",
					"device": tx.Device()}})
			}
		}
		if err := tx.SetMany("parcels", parcels); err != nil {
			return err
		}
		if err := tx.SetMany("parcel_items", items); err != nil {
			return err
		}
		return tx.AddMany("parcel_events", events)
	})
	if err != nil {
		return fmt.Errorf("past parcels: %w", err)
	}
	for _, p := range plans { // a lost parcel's order is refunded in full
		if o := p.refund; o != nil {
			sl := &sale{orderID: o.id, paid: o.paid, channel: o.channel}
			if _, err := s.svc.Orders.AddPayment(s.ctx, orders.PaymentInput{OrderID: o.id, Kind: "refund", Amount: o.paid,
				Method: s.method(sl), PaidAt: ts(p.refundAt), Note: "快递丢件，全额退款 parcel lost, refunded in full"}); err != nil {
				return fmt.Errorf("refund of lost %s: %w", o.number, err)
			}
		}
	}
	s.progress("%d past parcels for %d shipped orders in %s", len(plans), len(list), time.Since(started).Round(time.Millisecond))
	return nil
}

// The orders the history shipped: shipped, delivered or completed.
var shippedRank, completedRank = orders.Rank(orders.Shipped), orders.Rank(orders.Completed)

// pastOrders reads the orders the history shipped (not yet in parcels: a forced second run
// leaves the first run's alone), in shipping order, with their lines.
func (s *shipper) pastOrders() ([]*pastOrder, error) {
	q := s.svc.DB.R()
	rows, err := q.QueryContext(s.ctx, `SELECT o.id, o.number, o.customer_id, o.channel, o.ship_name, o.ship_phone,
			o.ship_province, o.ship_city, o.ship_district, o.ship_street, o.ship_postcode, o.shipping_fee, s.paid,
			coalesce((SELECT min(e.at) FROM order_events e WHERE e.order_id = o.id AND e.kind = 'shipped'), '') AS shipped,
			coalesce((SELECT min(e.at) FROM order_events e WHERE e.order_id = o.id AND e.kind = 'delivered'), ''),
			EXISTS (SELECT 1 FROM order_returns r WHERE r.order_id = o.id)
		FROM order_status s JOIN orders o ON o.id = s.order_id
		WHERE s.deleted = 0 AND s.rank BETWEEN ? AND ?
			AND NOT EXISTS (SELECT 1 FROM parcel_items i WHERE i.order_id = o.id AND i.deleted = 0)
		ORDER BY shipped, o.number`, shippedRank, completedRank)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*pastOrder
	byID := map[string]*pastOrder{}
	for rows.Next() {
		o := &pastOrder{}
		var shipped, delivered string
		if err := rows.Scan(&o.id, &o.number, &o.customer, &o.channel, &o.name, &o.phone, &o.province, &o.city, &o.district,
			&o.street, &o.postcode, &o.fee, &o.paid, &shipped, &delivered, &o.returned); err != nil {
			return nil, err
		}
		if o.shippedAt, err = time.Parse(time.RFC3339, shipped); err != nil {
			continue // shipped without an event: not the demo's
		}
		if delivered != "" {
			o.deliveredAt, _ = time.Parse(time.RFC3339, delivered)
		}
		out = append(out, o)
		byID[o.id] = o
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	lrows, err := q.QueryContext(s.ctx, `SELECT l.id, l.order_id, l.product_id, l.qty, l.unit_price, coalesce(p.weight_g, 0),
			coalesce(nullif(p.name_zh, ''), l.title)
		FROM order_lines l JOIN order_status s ON s.order_id = l.order_id LEFT JOIN products p ON p.id = l.product_id
		WHERE l.deleted = 0 AND s.deleted = 0 AND s.rank BETWEEN ? AND ? ORDER BY l.order_id, l.position, l.id`,
		shippedRank, completedRank)
	if err != nil {
		return nil, err
	}
	defer lrows.Close()
	for lrows.Next() {
		var ln pastLine
		var product string
		if err := lrows.Scan(&ln.id, &ln.order, &product, &ln.qty, &ln.price, &ln.wG, &ln.name); err != nil {
			return nil, err
		}
		if o := byID[ln.order]; o != nil && ln.qty > 0 {
			ln.it = s.byID[product]
			o.lines = append(o.lines, ln)
		}
	}
	if err := lrows.Err(); err != nil {
		return nil, err
	}
	kept := out[:0]
	for _, o := range out {
		if len(o.lines) > 0 {
			kept = append(kept, o)
		}
	}
	return kept, nil
}

// pastTrips are the buying trips, with every country each one went to.
func (s *shipper) pastTrips() ([]pastTrip, error) {
	rows, err := s.svc.DB.R().QueryContext(s.ctx, `SELECT country, starts_on, ends_on FROM trips WHERE deleted = 0 AND closed = 1
		ORDER BY starts_on`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []pastTrip
	for rows.Next() {
		var country string
		t := pastTrip{countries: map[string]bool{}}
		if err := rows.Scan(&country, &t.from, &t.till); err != nil {
			return nil, err
		}
		t.countries[country] = true
		for _, tr := range trips {
			if tr.countries[0] == country {
				for _, c := range tr.countries {
					t.countries[c] = true
				}
			}
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// sentFrom is where goods shipped at t leave from: the country of a buying trip under way
// when they all come from its countries (more than half the time), else home.
func (s *shipper) sentFrom(tripsAbroad []pastTrip, t time.Time, lines []pastLine) string {
	day := t.In(cst).Format("2006-01-02")
	for _, tr := range tripsAbroad {
		if day < tr.from || day > tr.till {
			continue
		}
		for _, ln := range lines {
			if ln.it == nil || !tr.countries[ln.it.country] {
				return "CN"
			}
		}
		if s.rng.Intn(5) < 3 {
			return lines[0].it.country
		}
	}
	return "CN"
}

// box is the carton for goods of goodsG grams: its size and the weight packed.
func (s *shipper) box(goodsG int64, bag bool) (weightG, l, w, h int64) {
	sizes := []struct{ upTo, l, w, h, tare int64 }{{300, 200, 150, 80, 60}, {800, 250, 200, 120, 110},
		{2000, 300, 250, 150, 180}, {4000, 400, 300, 200, 300}, {1 << 40, 500, 400, 300, 450}}
	b := sizes[len(sizes)-1]
	for _, c := range sizes {
		if goodsG <= c.upTo {
			b = c
			break
		}
	}
	if bag { // a bag keeps its shape in a dust bag and a big box
		b = struct{ upTo, l, w, h, tare int64 }{0, 450, 350, 200, 400}
	}
	return goodsG + b.tare + int64(20+s.rng.Intn(60)), b.l, b.w, b.h
}

// contents is the declaration: product names at home, categories in English for customs.
func contents(lines []pastLine, abroad bool) string {
	var parts []string
	seen := map[string]bool{}
	for _, ln := range lines {
		part := ln.name
		if abroad {
			part = "Cosmetics 化妆品"
			for _, c := range categories {
				if c.zh == ln.category() {
					part = c.en + " " + c.zh
				}
			}
		}
		if !seen[part] {
			seen[part] = true
			parts = append(parts, part)
		}
	}
	sep := "、"
	if abroad {
		sep = ", "
	}
	out := strings.Join(parts, sep)
	if r := []rune(out); len(r) > 60 {
		out = string(r[:59]) + "…"
	}
	return out
}

// pastParcel plans the parcel of lines of orders: the service (the rules' suggestion, SF
// Standard when the customer paid for shipping, a courier abroad), its price, a tracking
// number and the tracking history.
func (s *shipper) pastParcel(group []*pastOrder, lines []pastLine, origin string, lost bool) (*parcelPlan, error) {
	o := group[0]
	t := o.shippedAt // the parcel leaves with its first order
	deadline := time.Time{}
	for _, x := range group {
		if !x.deliveredAt.IsZero() && (deadline.IsZero() || x.deliveredAt.Before(deadline)) {
			deadline = x.deliveredAt
		}
	}
	var goodsG, value, cost int64
	bag := false
	costCur := ""
	for _, ln := range lines {
		goodsG += ln.qty * ln.wG
		value += ln.qty * ln.price
		if ln.category() == "箱包" {
			bag = true
		}
		if ln.it != nil {
			if costCur == "" || costCur == ln.it.currency {
				costCur = ln.it.currency
				cost += ln.qty * ln.it.unitCost
			} else {
				costCur = "mixed"
			}
		}
	}
	weightG, lmm, wmm, hmm := s.box(goodsG, bag)
	q, err := s.svc.Shipping.Quote(s.ctx, shipping.QuoteInput{Origin: origin, Province: o.province, WeightG: weightG,
		LengthMM: lmm, WidthMM: wmm, HeightMM: hmm, DeclaredValue: value, Currency: "CNY"})
	if err != nil {
		return nil, err
	}
	opt, ok := s.choose(q, o, origin, t, deadline)
	if !ok && origin != "CN" { // nothing abroad arrives in time: it went from home after all
		return s.pastParcel(group, lines, "CN", lost)
	} else if !ok {
		return nil, fmt.Errorf("no service carries the parcel of %s (%d g to %s)", o.number, weightG, o.province)
	}
	p := &parcelPlan{id: domain.NewID(), lines: lines}
	packed := t.Add(-time.Duration(30+s.rng.Intn(150)) * time.Minute)
	labelled := packed.Add(time.Duration(3+s.rng.Intn(20)) * time.Minute)
	declared, declCur := value, "CNY"
	if origin != "CN" && costCur != "" && costCur != "mixed" {
		declared, declCur = cost, costCur
	}
	idNo := ""
	if origin != "CN" {
		idNo = s.idNumber(o.customer, o.district)
	}
	postcode := o.postcode
	if postcode == "" {
		postcode = postcodes[o.district]
	}
	p.fields = store.Fields{"carrier_id": opt.CarrierID, "service_id": opt.ServiceID, "tracking_no": s.trackingNo(opt.CarrierEn, origin),
		"origin": origin, "weight_g": weightG, "length_mm": lmm, "width_mm": wmm, "height_mm": hmm,
		"contents": contents(lines, origin != "CN"), "declared_value": declared, "declared_currency": declCur,
		"insured": q.Valuable && opt.Insurance, "signature": q.Valuable && opt.Signature, "freight": opt.Fee,
		"freight_currency": opt.Currency, "freight_rate": opt.Rate, "customer_id": o.customer, "ship_name": o.name,
		"ship_phone": o.phone, "ship_province": o.province, "ship_city": o.city, "ship_district": o.district,
		"ship_street": o.street, "ship_postcode": postcode, "id_number": idNo, "note": "",
		"packed_at": ts(packed), "labelled_at": ts(labelled), "created_at": ts(packed)}
	r := tracker{shipper: s, carrier: opt.CarrierEn, origin: origin, city: o.city, province: o.province, district: o.district}
	switch {
	case lost:
		p.events = r.lost(t)
		p.refund, p.refundAt = o, p.events[len(p.events)-1].at.Add(time.Duration(20+s.rng.Intn(30))*time.Hour)
		if p.refundAt.After(s.now) {
			p.refundAt = s.now.Add(-time.Hour)
		}
		s.lost++
	case deadline.IsZero(): // still on its way
		p.events = r.travelling(t, opt.TransitMin, opt.TransitMax)
	default:
		x := s.rng.Float64()
		trouble := x < 0.018
		late := trouble || x < 0.115
		d, wasLate := s.arrival(t, opt.TransitMin, opt.TransitMax, deadline, late)
		trouble = trouble && d.Sub(t) > 36*time.Hour
		p.events = r.delivered(t, d, wasLate, trouble)
		if wasLate {
			s.late++
		}
		if trouble {
			s.exceptions++
		}
	}
	return p, nil
}

// choose picks the service: at home the rules' suggestion, SF Standard when the customer paid
// for shipping and now and then EMS; abroad a courier of the country that arrives in time.
func (s *shipper) choose(q shipping.Quote, o *pastOrder, origin string, t, deadline time.Time) (shipping.Option, bool) {
	fits := func(v shipping.Option) bool {
		return v.FeeBase >= 0 && (deadline.IsZero() || t.Add(time.Duration(v.TransitMin)*24*time.Hour+12*time.Hour).Before(deadline))
	}
	if origin == "CN" {
		var pick *shipping.Option
		for i := range q.Options {
			if q.Options[i].Suggested {
				pick = &q.Options[i]
				break
			}
		}
		want := ""
		switch {
		case o.fee > 0 && s.rng.Intn(3) > 0:
			want = "SF Standard Express" // the customer paid ¥15 for it
		case s.rng.Intn(20) == 0:
			want = "EMS Standard"
		}
		for i := range q.Options {
			if q.Options[i].ServiceEn == want && q.Options[i].MeetsRules {
				pick = &q.Options[i]
			}
		}
		if pick == nil && len(q.Options) > 0 {
			pick = &q.Options[0]
		}
		if pick == nil {
			return shipping.Option{}, false
		}
		return *pick, true
	}
	prefer := map[string]map[string]int{
		"JP": {"International EMS (Japan Post)": 5, "SF International Express": 3, "DHL Express Worldwide": 1},
		"KR": {"SF International Express": 4, "DHL Express Worldwide": 2},
		"US": {"FedEx International Priority": 3, "FedEx International Economy": 2, "UPS Worldwide Saver": 3},
		"AU": {"DHL Express Worldwide": 3, "SF International Express": 1}, "NZ": {"DHL Express Worldwide": 3},
	}[origin]
	if prefer == nil { // Europe
		prefer = map[string]int{"DHL Express Worldwide": 4, "FedEx International Priority": 2, "UPS Worldwide Saver": 2}
	}
	var cands []shipping.Option
	total := 0
	for _, v := range q.Options {
		if w := prefer[v.ServiceEn]; w > 0 && v.MeetsRules && fits(v) {
			cands = append(cands, v)
			total += w
		}
	}
	if total == 0 {
		return shipping.Option{}, false
	}
	x := s.rng.Intn(total)
	for _, v := range cands {
		if x -= prefer[v.ServiceEn]; x < 0 {
			return v, true
		}
	}
	return cands[0], true
}

// arrival is when a parcel picked up at t is delivered: on a day within the service's transit
// time (late: one to three days after it), between half past nine and half past seven China
// time, and no later than the order was marked delivered (nor now). It reports whether the
// parcel came late.
func (s *shipper) arrival(t time.Time, tmin, tmax int64, deadline time.Time, late bool) (time.Time, bool) {
	local := t.In(cst)
	day0 := time.Date(local.Year(), local.Month(), local.Day(), 0, 0, 0, 0, cst)
	limit := time.Duration(tmax) * 24 * time.Hour
	try := func(from, to int64) (time.Time, bool) {
		n := int(to - from + 1)
		start := s.rng.Intn(n)
		for k := 0; k < n; k++ {
			d := from + int64((start+k)%n)
			at := day0.AddDate(0, 0, int(d)).Add(time.Duration(9*60+30+s.rng.Intn(10*60)) * time.Minute)
			span := at.Sub(t)
			if span < 8*time.Hour || (late != (span > limit)) || at.After(deadline) || at.After(s.now) {
				continue
			}
			return at, true
		}
		return time.Time{}, false
	}
	if late {
		if at, ok := try(tmax+1, tmax+3); ok {
			return at, true
		}
		late = false
	}
	if at, ok := try(max(tmin, 1), max(tmax, 1)); ok {
		return at, false
	}
	// the order was marked delivered soon after it shipped: the parcel came just before
	end := deadline
	if s.now.Before(end) {
		end = s.now
	}
	at := end.Add(-time.Duration(30+s.rng.Intn(90)) * time.Minute)
	if at.Sub(t) < 4*time.Hour {
		at = t.Add(end.Sub(t) * 3 / 4)
	}
	return at, at.Sub(t) > limit
}

// trackingNo is a new tracking number in the carrier's format: SF "SF" and 13 digits, EMS
// the UPU S10 form (EA123456785CN, the check digit computed; JP from Japan Post), DHL 10
// digits, FedEx 12, UPS "1Z" and 16 characters.
func (s *shipper) trackingNo(carrier, origin string) string {
	for {
		var no string
		switch carrier {
		case "SF Express":
			no = fmt.Sprintf("SF1%012d", s.rng.Int63n(1e12))
		case "China Post EMS":
			serial := fmt.Sprintf("%08d", s.rng.Int63n(1e8))
			country := "CN"
			if origin != "CN" {
				country = origin
			}
			no = fmt.Sprintf("E%c%s%d%s", 'A'+rune(s.rng.Intn(26)), serial, s10Check(serial), country)
		case "DHL Express":
			no = fmt.Sprintf("%d%09d", 1+s.rng.Intn(9), s.rng.Int63n(1e9))
		case "FedEx":
			no = fmt.Sprintf("7%011d", s.rng.Int63n(1e11))
		case "UPS":
			no = fmt.Sprintf("1ZV8A97E04%08d", s.rng.Int63n(1e8))
		default:
			no = fmt.Sprintf("DG%010d", s.rng.Int63n(1e10))
		}
		if !s.used[no] {
			s.used[no] = true
			return no
		}
	}
}

// s10Check is the UPU S10 check digit of an 8-digit serial.
func s10Check(serial string) int {
	weights := []int{8, 6, 4, 2, 3, 5, 9, 7}
	sum := 0
	for i, w := range weights {
		sum += int(serial[i]-'0') * w
	}
	switch c := 11 - sum%11; c {
	case 10:
		return 0
	case 11:
		return 5
	default:
		return c
	}
}

// idNumber is the customer's resident ID number for customs (made up, valid, of the area of
// her district): the same for every parcel of the customer.
func (s *shipper) idNumber(customer, district string) string {
	if id := s.idNos[customer]; id != "" {
		return id
	}
	area := areaCodes[district]
	if area == "" {
		area = "310115"
	}
	birth := time.Date(1975+s.rng.Intn(28), time.January, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, s.rng.Intn(365))
	first := area + birth.Format("20060102") + fmt.Sprintf("%03d", s.rng.Intn(1000))
	id := first + string(domain.ResidentIDCheckChar(first))
	s.idNos[customer] = id
	return id
}

// tracker writes a parcel's tracking history as its carrier reports it.
type tracker struct {
	*shipper
	carrier, origin, city, province, district string
}

func (r tracker) sf() bool { return r.carrier != "China Post EMS" || r.origin != "CN" }

func (r tracker) hub() string {
	if !r.sf() {
		return strings.TrimSuffix(r.city, "市") + "邮区中心局"
	}
	if h := sfHubs[r.city]; h != "" {
		return h
	}
	return strings.TrimSuffix(r.city, "市") + "转运中心"
}

func (r tracker) courier() string {
	return fmt.Sprintf("派件员：%c师傅，电话 13%d%08d", surnames[r.rng.Intn(len(surnames))], 5+r.rng.Intn(5), r.rng.Int63n(1e8))
}

// between is a time a fraction f of the way from a to b, give or take a few minutes.
func (r tracker) between(a, b time.Time, f float64) time.Time {
	return a.Add(time.Duration(float64(b.Sub(a))*f) + time.Duration(r.rng.Intn(20)-10)*time.Minute)
}

// route is the journey from pick-up at t to the destination's sorting centre by until, the
// events in order: hand-over, departure, a hub on the way, customs for a parcel from abroad
// (held there for a check when hold).
func (r tracker) route(t, until time.Time, hold bool) []trackEvent {
	if r.origin != "CN" {
		places := abroad[r.origin]
		out := []trackEvent{
			{kind: "picked_up", place: places[0], note: "已收件 picked up", at: t},
			{kind: "in_transit", place: places[1], note: "已离开，发往中国 departed for China", at: r.between(t, until, 0.15)},
			{kind: "in_transit", place: pvgArrive, note: "已到达中国 arrived in China", at: r.between(t, until, 0.38)},
			{kind: "customs", place: pvgCustom, note: "进口清关中 import customs clearance", at: r.between(t, until, 0.45)},
		}
		if hold {
			out = append(out, trackEvent{kind: "exception", place: pvgCustom, note: customsNotes[r.rng.Intn(len(customsNotes))],
				at: r.between(t, until, 0.52)})
		}
		return append(out,
			trackEvent{kind: "customs", place: pvgCustom, note: "清关完成，已放行 customs cleared", at: r.between(t, until, 0.7)},
			trackEvent{kind: "in_transit", place: r.hub(), note: "已转国内段派送", at: r.between(t, until, 0.9)})
	}
	pickup, hub, verb := sfPickup, sfHub, "顺丰速运 已收取快件"
	if !r.sf() {
		pickup, hub, verb = emsPickup, emsHub, "中国邮政 已收寄"
	}
	out := []trackEvent{{kind: "picked_up", place: pickup, note: verb, at: t}}
	depart := t.Add(time.Duration(2*60+r.rng.Intn(180)) * time.Minute)
	if depart.After(r.between(t, until, 0.3)) {
		depart = r.between(t, until, 0.2)
	}
	out = append(out, trackEvent{kind: "in_transit", place: hub, note: "快件已发车，发往 " + r.hub(), at: depart})
	province := []rune(r.province)
	if mid := midHubs[string(province[:min(2, len(province))])]; mid != "" && r.rng.Intn(3) > 0 {
		out = append(out, trackEvent{kind: "in_transit", place: mid, note: "快件到达 " + mid + "，正在分拣", at: r.between(t, until, 0.5)})
	}
	if r.city != "上海市" {
		out = append(out, trackEvent{kind: "in_transit", place: r.hub(), note: "快件到达 " + r.hub(), at: r.between(t, until, 0.85)})
	}
	return out
}

// delivered is the history of a parcel picked up at t and delivered at d: late ones held up
// on the way; after an exception (customs from abroad, else the first delivery failed) a day
// later than planned.
func (r tracker) delivered(t, d time.Time, late, trouble bool) []trackEvent {
	ofd := d.Add(-time.Duration(40+r.rng.Intn(150)) * time.Minute)
	until := ofd.Add(-time.Hour)
	if trouble && r.origin == "CN" {
		until = ofd.Add(-27 * time.Hour)
	}
	out := r.route(t, until, trouble && r.origin != "CN")
	if late {
		last := out[len(out)-1]
		out = append(out, trackEvent{kind: "in_transit", place: last.place, note: delayNote, at: last.at.Add(until.Sub(last.at) / 2)})
	}
	if trouble && r.origin == "CN" {
		out = append(out, trackEvent{kind: "exception", place: r.district, note: exceptionNotes[r.rng.Intn(len(exceptionNotes))],
			at: until.Add(time.Duration(60+r.rng.Intn(120)) * time.Minute)})
	}
	return append(out,
		trackEvent{kind: "out_for_delivery", place: r.district, note: r.courier(), at: ofd},
		trackEvent{kind: "delivered", place: r.district, note: signedBy[r.rng.Intn(len(signedBy))], at: d})
}

// travelling is the history so far of a parcel picked up at t that has not arrived: on time
// it may be out for delivery today; past its transit time it is held up on the way (the
// first one such at the door, with an exception).
func (r tracker) travelling(t time.Time, tmin, tmax int64) []trackEvent {
	due := t.Add(time.Duration(max(tmin, 1)*24+int64(r.rng.Intn(int(max(tmax-tmin, 0)*24+1)))) * time.Hour)
	var out []trackEvent
	for i, e := range r.route(t, due.Add(-2*time.Hour), false) {
		if i == 0 || e.at.Before(r.now) { // the pick-up is the order's shipped event, whenever that was
			out = append(out, e)
		}
	}
	last := out[len(out)-1]
	switch ofd := due.Add(-time.Duration(60+r.rng.Intn(120)) * time.Minute); {
	case due.Before(r.now) && !r.heldUp:
		r.heldUp = true
		out = append(out, trackEvent{kind: "exception", place: r.district, note: exceptionNotes[1], at: last.at.Add(r.now.Sub(last.at) / 2)})
	case due.Before(r.now):
		out = append(out, trackEvent{kind: "in_transit", place: last.place, note: delayNote, at: last.at.Add(r.now.Sub(last.at) / 2)})
	case ofd.Before(r.now) && ofd.After(last.at):
		out = append(out, trackEvent{kind: "out_for_delivery", place: r.district, note: r.courier(), at: ofd})
	}
	return out
}

// lost is the history of a parcel that never arrived: picked up at t, one scan on the way,
// then a missing scan and, two weeks on, the carrier's word that it is lost.
func (r tracker) lost(t time.Time) []trackEvent {
	route := r.route(t, t.Add(36*time.Hour), false)
	out := route[:min(len(route), 2)]
	return append(out,
		trackEvent{kind: "exception", place: out[len(out)-1].place, note: "中转扫描缺失，正在核查 missing scan, being traced",
			at: t.Add(time.Duration(72+r.rng.Intn(48)) * time.Hour)},
		trackEvent{kind: "lost", place: "", note: "快递公司确认丢失，已提交理赔 confirmed lost, claim filed",
			at: officeHours(t.AddDate(0, 0, 10+r.rng.Intn(5)), r.rng.Intn(8*60))})
}

// officeHours is minutes after ten in the morning, China time, on t's day.
func officeHours(t time.Time, minutes int) time.Time {
	local := t.In(cst)
	return time.Date(local.Year(), local.Month(), local.Day(), 10, 0, 0, 0, cst).Add(time.Duration(minutes) * time.Minute)
}

// recent is today's work, through the shipping service with its clock set to the moment:
// a pre-order sent from Japan (in customs), a few orders shipped in the last days, 6–10
// packed today with their tracking numbers booked and labels to print, and some left to pack.
func (s *shipper) recent() error {
	defer s.svc.Shipping.SetClock(time.Now)
	if err := s.fromJapan(); err != nil {
		return err
	}
	shipped, waiting, unpacked := 2+s.rng.Intn(3), 6+s.rng.Intn(5), 3+s.rng.Intn(3)
	// today's packing: this afternoon, or (early in the day) last night after the courier came
	local := s.now.In(cst)
	today := time.Date(local.Year(), local.Month(), local.Day(), 0, 0, 0, 0, cst)
	packAt := today.Add(time.Duration(13*60+s.rng.Intn(30)) * time.Minute)
	if packAt.After(s.now.Add(-90 * time.Minute)) {
		packAt = today.Add(time.Duration(-4*60-30+s.rng.Intn(20)) * time.Minute)
	}
	gap := min(20*time.Minute, s.now.Add(-10*time.Minute).Sub(packAt)/time.Duration(waiting+1))
	next := func() time.Time {
		packAt = packAt.Add(gap/2 + time.Duration(s.rng.Int63n(int64(gap/2))))
		return packAt
	}
	// of the waiting: one parcel of two orders of one customer, one to Xinjiang, the rest one order each
	if err := s.refreshLots(); err != nil {
		return err
	}
	open, err := s.openOrders()
	if err != nil {
		return err
	}
	before := func() (n int) { // orders in before the packing started
		for _, o := range open {
			if o.orderedAt.Before(packAt.Add(-30 * time.Minute)) {
				n++
			}
		}
		return n
	}
	need := shipped + waiting - 1
	for tries := 0; (before() < need || len(open) < need+unpacked) && tries < 3*(need+unpacked); tries++ {
		at := packAt.Add(time.Duration(tries*30-30*60+s.rng.Intn(25)) * time.Minute) // a quiet week: more orders came in
		if _, err := s.newSale(historyDays, ts(at)); err != nil {
			return err
		}
		if open, err = s.openOrders(); err != nil {
			return err
		}
	}
	// the oldest went out in the last days: packed and labelled, picked up by the courier at five
	day := -shipped
	for len(open) > 0 && day < 0 {
		o := open[0]
		pickup := today.AddDate(0, 0, day).Add(time.Duration(17*60+s.rng.Intn(80)) * time.Minute)
		packed := pickup.Add(-time.Duration(40+s.rng.Intn(40)) * time.Minute)
		day++
		if packed.Before(o.orderedAt.Add(3 * time.Hour)) {
			continue // not ordered yet that day
		}
		p, err := s.pack([]openOrder{o}, packed, "")
		if err != nil {
			return err
		}
		if err := s.shipRecent(p, pickup, pickup.Add(36*time.Hour)); err != nil {
			return err
		}
		open = open[1:]
	}
	// packed today, labels to print; orders that came in later wait for tomorrow
	var todays []openOrder
	for _, o := range open {
		if len(todays) < waiting-1 && o.orderedAt.Before(packAt.Add(-30*time.Minute)) {
			todays = append(todays, o)
		}
	}
	if len(todays) == 0 {
		return nil
	}
	for _, o := range todays[:len(todays)-1] {
		if _, err := s.pack([]openOrder{o}, next(), ""); err != nil {
			return err
		}
	}
	// she asked for one more thing before it went: both orders in one box
	at := next()
	first := todays[len(todays)-1]
	group := []openOrder{first}
	for _, c := range s.customers {
		if c.id == first.customer {
			second, err := s.orderFor(c, at.Add(-45*time.Minute))
			if err != nil {
				return err
			}
			if second != nil {
				group = append(group, *second)
			}
			break
		}
	}
	if _, err := s.pack(group, at, "同一客户两单合并发货"); err != nil {
		return err
	}
	at = next()
	far, err := s.xinjiang(at.Add(-2 * time.Hour))
	if err != nil || far == nil {
		return err
	}
	_, err = s.pack([]openOrder{*far}, at, "")
	return err
}

// openOrder is an order waiting to be packed.
type openOrder struct {
	id, customer, channel string
	total, paid           int64
	orderedAt             time.Time
}

// openOrders are the confirmed orders of goods in stock not yet in parcels, oldest first.
func (s *shipper) openOrders() ([]openOrder, error) {
	rows, err := s.svc.DB.R().QueryContext(s.ctx, `SELECT o.id, o.customer_id, o.channel, s.total, s.paid, o.ordered_at
		FROM order_status s JOIN orders o ON o.id = s.order_id
		WHERE s.deleted = 0 AND s.rank BETWEEN ? AND ?
			AND NOT EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id AND l.deleted = 0 AND l.preorder = 1)
			AND NOT EXISTS (SELECT 1 FROM parcel_items i WHERE i.order_id = o.id AND i.deleted = 0)
		ORDER BY o.ordered_at, o.number`, orders.Rank(orders.Confirmed), orders.Rank(orders.Paid))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []openOrder
	for rows.Next() {
		var o openOrder
		var at string
		if err := rows.Scan(&o.id, &o.customer, &o.channel, &o.total, &o.paid, &at); err != nil {
			return nil, err
		}
		o.orderedAt, _ = time.Parse(time.RFC3339, at)
		out = append(out, o)
	}
	return out, rows.Err()
}

// orderFor takes an order of the customer c (to her address in c) at the moment at,
// confirmed and paid like any other: through newSale, with her the only customer to choose
// from. It is nil when nothing is in stock.
func (s *shipper) orderFor(c customer, at time.Time) (*openOrder, error) {
	before, err := s.openOrders()
	if err != nil {
		return nil, err
	}
	had := map[string]bool{}
	for _, o := range before {
		had[o.id] = true
	}
	all := s.customers
	s.customers = []customer{c}
	_, err = s.newSale(historyDays, ts(at))
	s.customers = all
	if err != nil {
		return nil, err
	}
	after, err := s.openOrders()
	if err != nil {
		return nil, err
	}
	for _, o := range after {
		if !had[o.id] && o.customer == c.id {
			return &o, nil
		}
	}
	return nil, nil
}

// xinjiang is an order a customer sends to her sister in Ürümqi (a second address of hers):
// the rules send it by EMS.
func (s *shipper) xinjiang(at time.Time) (*openOrder, error) {
	if len(s.customers) == 0 {
		return nil, nil
	}
	c := s.customers[s.rng.Intn(len(s.customers))]
	c.name, c.phone = string([]rune(c.name)[:1])+"丽娜", fmt.Sprintf("1389912%04d", s.rng.Intn(10000))
	c.province, c.city, c.district, c.street = "新疆维吾尔自治区", "乌鲁木齐市", "天山区", "解放北路 88 号 大巴扎小区 3 栋 502"
	if _, err := s.svc.Customers.SaveAddress(s.ctx, customers.Address{CustomerID: c.id, Recipient: c.name, Phone: c.phone,
		Province: c.province, City: c.city, District: c.district, Street: c.street, Postcode: postcodes[c.district],
		Label: "妹妹家"}); err != nil {
		return nil, fmt.Errorf("address in Xinjiang: %w", err)
	}
	return s.orderFor(c, at)
}

// pack packs the orders in one parcel at the moment at, as the pack screen does: the balance
// collected, the draft (goods, recipient, declared value), the box weighed and measured, the
// quote for it and its suggested service, a tracking number booked with the carrier.
func (s *shipper) pack(group []openOrder, at time.Time, note string) (shipping.Parcel, error) {
	ship := s.svc.Shipping
	ship.SetClock(func() time.Time { return at })
	ids := make([]string, len(group))
	for i, o := range group {
		ids[i] = o.id
		if o.total > o.paid {
			sl := &sale{orderID: o.id, paid: o.paid, channel: o.channel, deposit: true}
			if err := s.pay(sl, o.total-o.paid, "payment", ts(at.Add(-10*time.Minute))); err != nil {
				return shipping.Parcel{}, err
			}
		}
	}
	d, err := ship.DraftParcel(s.ctx, ids)
	if err != nil {
		return shipping.Parcel{}, fmt.Errorf("draft: %w", err)
	}
	in := d.Parcel
	bag := false
	for _, ln := range d.Lines {
		if it := s.byID[ln.ProductID]; it != nil && it.category == "箱包" {
			bag = true
		}
	}
	in.WeightG, in.LengthMM, in.WidthMM, in.HeightMM = s.box(in.WeightG, bag)
	if in.ShipPostcode == "" {
		in.ShipPostcode = postcodes[in.ShipDistrict]
	}
	q, err := ship.Quote(s.ctx, shipping.QuoteInput{Origin: in.Origin, Province: in.ShipProvince, WeightG: in.WeightG,
		LengthMM: in.LengthMM, WidthMM: in.WidthMM, HeightMM: in.HeightMM, DeclaredValue: in.DeclaredValue,
		Currency: in.DeclaredCurrency})
	if err != nil {
		return shipping.Parcel{}, err
	}
	if len(q.Options) > 0 {
		o := q.Options[0] // the suggested service
		in.CarrierID, in.ServiceID, in.Freight, in.FreightCurrency = o.CarrierID, o.ServiceID, o.Fee, o.Currency
		in.Insured, in.Signature = q.Valuable && o.Insurance, q.Valuable && o.Signature
		in.TrackingNo = s.trackingNo(o.CarrierEn, "CN")
	}
	in.Note = note
	p, err := ship.SaveParcel(s.ctx, in)
	if err != nil {
		return p, fmt.Errorf("pack: %w", err)
	}
	return p, nil
}

// shipRecent prints the label and hands the parcel to the courier at pickup; the carrier's
// scans on the way (planned to reach the destination by until) follow, up to now.
func (s *shipper) shipRecent(p shipping.Parcel, pickup, until time.Time) error {
	ship := s.svc.Shipping
	ship.SetClock(func() time.Time { return pickup.Add(-20 * time.Minute) })
	if err := ship.MarkLabelled(s.ctx, []string{p.ID}); err != nil {
		return err
	}
	r := tracker{shipper: s, carrier: p.CarrierEn, origin: p.Origin, city: p.ShipCity, province: p.ShipProvince, district: p.ShipDistrict}
	for i, e := range r.route(pickup, until, false) {
		if i > 0 && !e.at.Before(s.now) {
			break
		}
		if _, err := ship.AddEvent(s.ctx, shipping.EventInput{ParcelID: p.ID, Kind: e.kind, At: ts(e.at), Place: e.place,
			Note: e.note}); err != nil {
			return fmt.Errorf("track %s: %w", p.Number, err)
		}
	}
	return nil
}

// fromJapan is a short trip to Tokyo that ended a few days ago: a customer's pre-order was
// bought there and sent to her straight from Japan by EMS, held in customs in Shanghai now.
func (s *shipper) fromJapan() error {
	var goods []*item
	for _, it := range s.items {
		if it.country == "JP" && (it.category == "护肤" || it.category == "彩妆") {
			goods = append(goods, it)
		}
	}
	if len(goods) == 0 || len(s.customers) == 0 {
		return nil
	}
	start := s.now.Truncate(24*time.Hour).AddDate(0, 0, -8)
	it := goods[s.rng.Intn(len(goods))]
	c := s.customers[s.rng.Intn(len(s.customers))]
	at := ts(start.AddDate(0, 0, -3).Add(5 * time.Hour))
	qty := int64(1 + s.rng.Intn(2))
	d, err := s.svc.Orders.CreateOrder(s.ctx, orders.OrderInput{Channel: "wechat", CustomerID: c.id, ShipName: c.name,
		ShipPhone: c.phone, ShipProvince: c.province, ShipCity: c.city, ShipDistrict: c.district, ShipStreet: c.street,
		Currency: "CNY", OrderedAt: at, Note: "代购预订：日本直邮", Lines: []orders.LineInput{{ProductID: it.id, Qty: qty,
			UnitPrice: it.price, Preorder: true}}})
	if err != nil {
		return fmt.Errorf("pre-order from Japan: %w", err)
	}
	if _, err := s.svc.Orders.Transition(s.ctx, orders.TransitionInput{OrderID: d.Order.ID, To: "confirmed", At: at}); err != nil {
		return fmt.Errorf("confirm pre-order: %w", err)
	}
	sl := &sale{orderID: d.Order.ID, total: d.Figures.Total, channel: "wechat", deposit: true}
	if err := s.pay(sl, d.Figures.Total*3/10/100*100, "deposit", at); err != nil {
		return err
	}
	s.res.Orders++
	trip, err := s.openTrip([]string{"JP"}, "阿杰的行李箱", start)
	if err != nil {
		return fmt.Errorf("trip to Japan: %w", err)
	}
	in := purchasing.BuyInput{TripID: trip.ID, ProductID: it.id, Qty: qty, UnitPrice: it.unitCost, Currency: it.currency,
		PaidWith: "card", TaxFree: true, At: ts(start.Add(30 * time.Hour)), Note: "客人预订，日本直邮"}
	if st := s.stores["JP"]; len(st) > 0 {
		in.SupplierID = st[s.rng.Intn(len(st))]
	}
	if _, err := s.svc.Purchasing.Buy(s.ctx, in); err != nil {
		return fmt.Errorf("buy for the pre-order: %w", err)
	}
	if err := s.tripCosts(trip, start, 8); err != nil {
		return err
	}
	s.res.Trips++
	// packed at the hotel at ten at night, posted at the Ginza post office the next morning (Tokyo time)
	packAt := start.Add(2*24*time.Hour + 13*time.Hour)
	ship := s.svc.Shipping
	ship.SetClock(func() time.Time { return packAt })
	if err := s.pay(sl, sl.total-sl.paid, "payment", ts(packAt.Add(-time.Hour))); err != nil {
		return err
	}
	dr, err := ship.DraftParcel(s.ctx, []string{d.Order.ID})
	if err != nil {
		return fmt.Errorf("draft from Japan: %w", err)
	}
	p := dr.Parcel
	p.Origin = "JP"
	p.WeightG, p.LengthMM, p.WidthMM, p.HeightMM = s.box(p.WeightG, false)
	p.ShipPostcode = postcodes[p.ShipDistrict]
	p.IDNumber = s.idNumber(c.id, c.district)
	p.DeclaredValue, p.DeclaredCurrency = qty*it.unitCost, it.currency
	p.Contents = contents([]pastLine{{it: it, qty: qty}}, true)
	q, err := ship.Quote(s.ctx, shipping.QuoteInput{Origin: "JP", Province: p.ShipProvince, WeightG: p.WeightG, LengthMM: p.LengthMM,
		WidthMM: p.WidthMM, HeightMM: p.HeightMM, DeclaredValue: p.DeclaredValue, Currency: p.DeclaredCurrency})
	if err != nil {
		return err
	}
	for _, o := range q.Options {
		if o.ServiceEn == "International EMS (Japan Post)" {
			p.CarrierID, p.ServiceID, p.Freight, p.FreightCurrency = o.CarrierID, o.ServiceID, o.Fee, o.Currency
			p.Insured, p.Signature = true, true
			p.TrackingNo = s.trackingNo(o.CarrierEn, "JP")
		}
	}
	p.Note = "日本直邮"
	saved, err := ship.SaveParcel(s.ctx, p)
	if err != nil {
		return fmt.Errorf("parcel from Japan: %w", err)
	}
	// planned so that it reached customs and is still there: cleared only after now
	pickup := packAt.Add(12*time.Hour + 30*time.Minute)
	return s.shipRecent(saved, pickup, pickup.Add(s.now.Sub(pickup)*100/55))
}
