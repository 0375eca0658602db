package demo

import (
	"fmt"
	"sort"

	"daigoudesk/backend/customers"
	"daigoudesk/backend/domain"
	"daigoudesk/backend/orders"
)

// The sales side of the demo: a few thousand customers who order through WeChat,
// Xiaohongshu, Taobao and the website; orders confirmed (stock reserved), paid in full or
// with a deposit (定金) first, packed, shipped, delivered and completed; some cancelled and
// refunded, some partly returned with a partial refund. All through the customers and
// orders services.

type customer struct {
	id, name, phone, province, city, district, street string
}

type sale struct {
	orderID  string
	total    int64
	paid     int64
	channel  string
	deposit  bool
	returned bool
}

var (
	surnames  = []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
	givens    = []string{"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平", "刚", "桂英", "婷", "雪", "晨", "欣怡", "子涵", "梓萱", "一诺", "思远", "佳琪", "雨桐", "浩然", "诗涵", "嘉怡", "梦琪", "悦", "琳", "晶", "颖"}
	addresses = []struct{ province, city, district, street string }{
		{"上海市", "上海市", "浦东新区", "世纪大道100号环球金融中心"}, {"上海市", "上海市", "徐汇区", "漕溪北路88号"},
		{"北京市", "北京市", "朝阳区", "建国路87号华贸中心"}, {"北京市", "北京市", "海淀区", "中关村大街27号"},
		{"广东省", "深圳市", "南山区", "科技园南区高新南一道"}, {"广东省", "广州市", "天河区", "天河路208号"},
		{"浙江省", "杭州市", "西湖区", "文三路398号"}, {"江苏省", "南京市", "鼓楼区", "中山北路30号"},
		{"四川省", "成都市", "锦江区", "春熙路步行街12号"}, {"湖北省", "武汉市", "江汉区", "解放大道690号"},
		{"福建省", "厦门市", "思明区", "鹭江道8号"}, {"天津市", "天津市", "和平区", "南京路189号"},
	}
	channels = []struct {
		name, method string
		weight       int
	}{{"wechat", "wechat", 50}, {"xiaohongshu", "alipay", 20}, {"taobao", "alipay", 22}, {"website", "bank", 8}}
)

// rates are what the team entered for the currencies it buys in (1 unit in CNY), from the
// start of the history, so every order's profit is complete.
var rates = [][2]string{{"JPY", "0.0482"}, {"KRW", "0.00523"}, {"EUR", "7.82"}, {"USD", "7.21"}, {"AUD", "4.71"},
	{"GBP", "9.13"}, {"NZD", "4.32"}, {"CHF", "8.12"}, {"HKD", "0.92"}}

// makeCustomers creates the exchange rates and the customer base, each customer with a
// default shipping address.
func (l *loader) makeCustomers() error {
	from := l.opt.Now.UTC().AddDate(0, 0, -historyDays-1).Format("2006-01-02")
	for _, r := range rates {
		if _, err := l.svc.Orders.SetRate(l.ctx, r[0], r[1], from); err != nil {
			return fmt.Errorf("rate %s: %w", r[0], err)
		}
	}
	l.byID = map[string]*item{}
	for _, it := range l.items {
		l.byID[it.id] = it
	}
	for i := 0; i < l.opt.Customers; i++ {
		name := string(surnames[l.rng.Intn(len(surnames))]) + givens[l.rng.Intn(len(givens))]
		a := addresses[l.rng.Intn(len(addresses))]
		in := customers.CustomerInput{Name: name, Phone: fmt.Sprintf("1%d%09d", 3+l.rng.Intn(7), 100000000+i*37),
			WeChat: fmt.Sprintf("wx_%s%d", []string{"mei", "lili", "xiao", "anna", "coco", "sunny", "leo", "kiki"}[i%8], 1000+i)}
		if l.rng.Intn(4) == 0 {
			in.Tags = []string{[]string{"VIP", "老客户", "代理", "学生"}[l.rng.Intn(4)]}
		}
		c, err := l.svc.Customers.CreateCustomer(l.ctx, in)
		if err != nil {
			return fmt.Errorf("customer %d: %w", i, err)
		}
		if _, err := l.svc.Customers.SaveAddress(l.ctx, customers.Address{CustomerID: c.ID, Recipient: name, Phone: in.Phone,
			Province: a.province, City: a.city, District: a.district, Street: a.street, IsDefault: true}); err != nil {
			return fmt.Errorf("address of customer %d: %w", i, err)
		}
		l.customers = append(l.customers, customer{id: c.ID, name: name, phone: in.Phone,
			province: a.province, city: a.city, district: a.district, street: a.street})
	}
	l.res.Customers = len(l.customers)
	l.progress("%d customers", len(l.customers))
	return nil
}

// refreshLots reads what is in stock from the database: the orders service decides where
// reservations sit and which batches leave (first-expiry-first-out), so the demo asks rather
// than guesses.
func (l *loader) refreshLots() error {
	rows, err := l.svc.DB.R().QueryContext(l.ctx, `SELECT sl.product_id, sl.location_id, sl.batch_id, coalesce(b.expiry, ''),
		sl.on_hand, sl.reserved FROM stock_levels sl LEFT JOIN batches b ON b.id = sl.batch_id
		WHERE sl.on_hand <> 0 OR sl.reserved <> 0`)
	if err != nil {
		return err
	}
	defer rows.Close()
	l.lots = map[lotKey]*lot{}
	for rows.Next() {
		var product, loc, batch, expiry string
		var onHand, reserved int64
		if err := rows.Scan(&product, &loc, &batch, &expiry, &onHand, &reserved); err != nil {
			return err
		}
		if it := l.byID[product]; it != nil {
			lt := l.lotAt(it, loc, batch, expiry)
			lt.onHand, lt.reserved = onHand, reserved
		}
	}
	return rows.Err()
}

// newSale takes an order for one to three popular goods from a shelf, confirms it (the
// orders service reserves the stock), takes the money or a deposit, and plans the shipment
// (or, now and then, the cancellation). It returns nil when there was nothing to sell.
func (l *loader) newSale(day int, at string) (*pending, error) {
	free := map[*item]map[string]int64{} // item → location → available
	for _, lt := range l.lots {
		if l.isSuitcase(lt.loc) {
			continue
		}
		if free[lt.item] == nil {
			free[lt.item] = map[string]int64{}
		}
		free[lt.item][lt.loc] += lt.onHand - lt.reserved
	}
	byItem := map[*item][]*lot{} // pick only asks which items are on offer
	for it, locs := range free {
		for _, n := range locs {
			if n > 0 {
				byItem[it] = []*lot{nil}
				break
			}
		}
	}
	if len(byItem) == 0 {
		return nil, nil
	}
	c := l.customers[l.rng.Intn(len(l.customers))]
	ch := l.channel()
	in := orders.OrderInput{Channel: ch.name, CustomerID: c.id, ShipName: c.name, ShipPhone: c.phone, ShipProvince: c.province,
		ShipCity: c.city, ShipDistrict: c.district, ShipStreet: c.street, Currency: "CNY", OrderedAt: at}
	if ch.name == "taobao" {
		in.ChannelOrderNo = fmt.Sprintf("%d%012d", 3+l.rng.Intn(6), l.rng.Int63n(1e12))
	}
	if l.rng.Intn(3) == 0 {
		in.ShippingFee = 1500
	}
	reserveAt := map[*item]string{}
	for n := 1 + l.rng.Intn(3); n > 0; n-- {
		it := l.pick(byItem)
		if it == nil {
			break
		}
		delete(byItem, it)
		best, most := "", int64(0)
		locs := make([]string, 0, len(free[it]))
		for loc := range free[it] {
			locs = append(locs, loc)
		}
		sort.Strings(locs)
		for _, loc := range locs {
			if free[it][loc] > most {
				best, most = loc, free[it][loc]
			}
		}
		qty := min(int64(1+l.rng.Intn(2)), most)
		in.Lines = append(in.Lines, orders.LineInput{ProductID: it.id, Qty: qty, UnitPrice: it.price, LocationID: best})
		reserveAt[it] = best
	}
	d, err := l.svc.Orders.CreateOrder(l.ctx, in)
	if err != nil {
		return nil, fmt.Errorf("order: %w", err)
	}
	s := &sale{orderID: d.Order.ID, total: d.Figures.Total, channel: ch.name}
	if _, err := l.svc.Orders.Transition(l.ctx, orders.TransitionInput{OrderID: s.orderID, To: "confirmed", At: at}); err != nil {
		if domain.ErrorCode(err) == domain.EConflict { // sold out meanwhile: the draft goes
			return nil, l.svc.Orders.DeleteDraft(l.ctx, s.orderID)
		}
		return nil, fmt.Errorf("confirm %s: %w", d.Order.Number, err)
	}
	for _, line := range in.Lines {
		l.lotAt(l.byID[line.ProductID], line.LocationID, "", "").reserved += line.Qty
	}
	l.res.Orders++
	// pay in full, or a deposit now and the balance when it ships
	amount := s.total
	if l.rng.Intn(3) == 0 && s.total >= 20000 {
		s.deposit, amount = true, s.total*3/10/100*100
	}
	if err := l.pay(s, amount, "payment", at); err != nil {
		return nil, err
	}
	p := &pending{day: day + 1 + l.rng.Intn(4), kind: "ship", sale: s}
	if l.rng.Intn(20) == 0 {
		p.kind = "cancel"
	}
	return p, nil
}

func (l *loader) channel() struct {
	name, method string
	weight       int
} {
	x := l.rng.Intn(100)
	for _, c := range channels {
		if x -= c.weight; x < 0 {
			return c
		}
	}
	return channels[0]
}

func (l *loader) pay(s *sale, amount int64, kind, at string) error {
	if amount == 0 {
		return nil
	}
	method := l.method(s)
	if kind == "payment" && s.deposit && s.paid == 0 {
		kind = "deposit"
	}
	if _, err := l.svc.Orders.AddPayment(l.ctx, orders.PaymentInput{OrderID: s.orderID, Kind: kind, Amount: amount,
		Method: method, PaidAt: at}); err != nil {
		return fmt.Errorf("%s of %d: %w", kind, amount, err)
	}
	if kind == "refund" { // entered as a positive amount, kept as money going out
		s.paid -= amount
	} else {
		s.paid += amount
	}
	return nil
}

// saleStep moves a sale on: ship (collecting the balance), deliver, complete, or cancel and
// refund what was paid. A few delivered orders come back in part, with a partial refund.
func (l *loader) saleStep(p pending, at string) error {
	s := p.sale
	move := func(to string) error {
		_, err := l.svc.Orders.Transition(l.ctx, orders.TransitionInput{OrderID: s.orderID, To: to, At: at})
		if err != nil {
			return fmt.Errorf("%s: %w", to, err)
		}
		return nil
	}
	next := func(kind string, days int) {
		l.later = append(l.later, pending{day: p.day + days, kind: kind, sale: s})
	}
	switch p.kind {
	case "cancel":
		if err := move("cancelled"); err != nil {
			return err
		}
		l.res.Cancelled++
		return l.pay(s, s.paid, "refund", at)
	case "ship":
		if err := l.pay(s, s.total-s.paid, "payment", at); err != nil {
			return err
		}
		if err := move("packed"); err != nil {
			return err
		}
		if err := move("shipped"); err != nil {
			return err
		}
		next("deliver", 3+l.rng.Intn(6))
	case "deliver":
		if err := move("delivered"); err != nil {
			return err
		}
		if l.rng.Intn(30) == 0 {
			return l.partReturn(s, at)
		}
		next("complete", 5+l.rng.Intn(10))
	case "complete":
		return move("completed")
	}
	return nil
}

// partReturn sends one unit of the first line back, refunds its price, and puts it back on
// the shelf (or writes it off when it arrived damaged).
func (l *loader) partReturn(s *sale, at string) error {
	d, err := l.svc.Orders.GetOrder(l.ctx, s.orderID)
	if err != nil || len(d.Lines) == 0 {
		return err
	}
	line := d.Lines[0]
	in := orders.ReturnInput{OrderID: s.orderID, Lines: []orders.ReturnLine{{LineID: line.ID, Qty: 1}},
		Reason: "不喜欢 changed her mind", Condition: "resaleable", Disposition: "restock", At: at,
		Refund: &orders.RefundInput{Amount: line.UnitPrice, Method: l.method(s)}}
	if l.rng.Intn(3) == 0 {
		in.Reason, in.Condition, in.Disposition = "运输破损 damaged in transit", "damaged", "write_off"
	}
	if _, err := l.svc.Orders.AddReturn(l.ctx, in); err != nil {
		return fmt.Errorf("return on %s: %w", d.Order.Number, err)
	}
	l.res.Returns++
	return nil
}

// method is how the customers of s's channel pay.
func (l *loader) method(s *sale) string {
	for _, c := range channels {
		if c.name == s.channel {
			return c.method
		}
	}
	return "wechat"
}
