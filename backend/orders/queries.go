package orders

import (
	"context"
	"database/sql"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/money"
	"daigoudesk/backend/store"
)

// Order is an order header with its status.
type Order struct {
	ID             string `json:"id"`
	Number         string `json:"number"`
	Channel        string `json:"channel"`
	ChannelOrderNo string `json:"channelOrderNo"`
	CustomerID     string `json:"customerId"`
	CustomerName   string `json:"customerName"` // '' when the customer has not synced yet
	ShipName       string `json:"shipName"`
	ShipPhone      string `json:"shipPhone"`
	ShipProvince   string `json:"shipProvince"`
	ShipCity       string `json:"shipCity"`
	ShipDistrict   string `json:"shipDistrict"`
	ShipStreet     string `json:"shipStreet"`
	ShipPostcode   string `json:"shipPostcode"`
	Currency       string `json:"currency"`
	Discount       int64  `json:"discount"`
	ShippingFee    int64  `json:"shippingFee"`
	DueDate        string `json:"dueDate"`
	Priority       string `json:"priority"`    // the manual one ('' = by rule)
	EffPriority    string `json:"effPriority"` // what the work queue uses
	ZoneID         string `json:"zoneId"`
	Note           string `json:"note"`
	OrderedAt      string `json:"orderedAt"`
	CreatedAt      string `json:"createdAt"`
	Status         string `json:"status"`
	Total          int64  `json:"total"`
	Paid           int64  `json:"paid"`
	BalanceDue     int64  `json:"balanceDue"`
}

// Line is an order line with what the stock ledger says about it.
type Line struct {
	ID           string `json:"id"`
	ProductID    string `json:"productId"`
	ProductName  string `json:"productName"`
	SKU          string `json:"sku"`
	Title        string `json:"title"`
	Qty          int64  `json:"qty"`
	UnitPrice    int64  `json:"unitPrice"`
	Amount       int64  `json:"amount"`
	Preorder     bool   `json:"preorder"`
	LocationID   string `json:"locationId"`
	LocationName string `json:"locationName"`
	Reserved     int64  `json:"reserved"`
	Shipped      int64  `json:"shipped"`
	Returned     int64  `json:"returned"`
	Filled       int64  `json:"filled"`   // pre-order units bought on a trip for this line
	NotFound     string `json:"notFound"` // the trip that did not find the goods still missing, if any
}

// Figures are an order's money in its currency (and paid/refunded in base).
type Figures struct {
	Currency     string `json:"currency"`
	BaseCurrency string `json:"baseCurrency"`
	Goods        int64  `json:"goods"`
	Discount     int64  `json:"discount"`
	ShippingFee  int64  `json:"shippingFee"`
	Total        int64  `json:"total"`
	Returned     int64  `json:"returned"`
	NetTotal     int64  `json:"netTotal"`
	Paid         int64  `json:"paid"` // net of refunds
	Refunded     int64  `json:"refunded"`
	BalanceDue   int64  `json:"balanceDue"`
	PaidBase     int64  `json:"paidBase"`
	RefundedBase int64  `json:"refundedBase"`
	// RefundDue is what to give back for pre-order goods a trip did not find (domain.RefundDue).
	RefundDue int64 `json:"refundDue"`
}

// Profit is an order's profit in the base currency (see the package comment).
type Profit struct {
	Revenue  int64    `json:"revenue"`
	Cost     int64    `json:"cost"`
	Freight  int64    `json:"freight"`
	Profit   int64    `json:"profit"`
	Expected int64    `json:"expected"` // with revenue = net total at the order-date rate
	Missing  []string `json:"missing"`  // what could not be valued (a missing rate or cost)
}

// TimelineEntry is one thing that happened to an order: an event, a payment or a return.
type TimelineEntry struct {
	At       string `json:"at"`
	Type     string `json:"type"` // event | payment | return
	Kind     string `json:"kind"` // the event kind, payment kind, or return disposition
	Amount   int64  `json:"amount"`
	Currency string `json:"currency"`
	Rate     string `json:"rate"`
	Method   string `json:"method"`
	Ref      string `json:"ref"`
	LineID   string `json:"lineId"`
	Qty      int64  `json:"qty"`
	Note     string `json:"note"`
	Device   string `json:"device"`
	ID       string `json:"id"`
}

// Detail is everything the order page shows.
type Detail struct {
	Order    Order           `json:"order"`
	Lines    []Line          `json:"lines"`
	Timeline []TimelineEntry `json:"timeline"`
	Figures  Figures         `json:"figures"`
	Profit   Profit          `json:"profit"`
	Next     []string        `json:"next"` // events allowed now
}

const orderCols = `o.id, o.number, o.channel, o.channel_order_no, o.customer_id, coalesce(c.name, ''), o.ship_name,
	o.ship_phone, o.ship_province, o.ship_city, o.ship_district, o.ship_street, o.ship_postcode, o.currency, o.discount,
	o.shipping_fee, o.due_date, o.priority, o.zone_id, o.note, o.ordered_at, o.created_at, s.status, s.total,
	s.paid, s.total - s.returned - s.paid`

func scanOrder(sc interface{ Scan(...any) error }, o *Order, extra ...any) error {
	return sc.Scan(append([]any{&o.ID, &o.Number, &o.Channel, &o.ChannelOrderNo, &o.CustomerID, &o.CustomerName, &o.ShipName,
		&o.ShipPhone, &o.ShipProvince, &o.ShipCity, &o.ShipDistrict, &o.ShipStreet, &o.ShipPostcode, &o.Currency, &o.Discount,
		&o.ShippingFee, &o.DueDate, &o.Priority, &o.ZoneID, &o.Note, &o.OrderedAt, &o.CreatedAt, &o.Status, &o.Total,
		&o.Paid, &o.BalanceDue}, extra...)...)
}

// GetOrder returns an order with its lines, timeline, figures and profit.
func (s *Service) GetOrder(ctx context.Context, id string) (Detail, error) {
	q, err := s.db.Reader(ctx)
	if err != nil {
		return Detail{}, err
	}
	defer q.Close()
	var d Detail
	var f Figures
	err = scanOrder(q.QueryRow(`SELECT `+orderCols+`, s.goods, s.returned, s.refunded, s.paid_base, s.refunded_base
		FROM orders o JOIN order_status s ON s.order_id = o.id LEFT JOIN customers c ON c.id = o.customer_id
		WHERE o.id = ? AND o.deleted = 0`, id), &d.Order, &f.Goods, &f.Returned, &f.Refunded, &f.PaidBase, &f.RefundedBase)
	if err == sql.ErrNoRows {
		return d, domain.NotFound("order", id)
	} else if err != nil {
		return d, err
	}
	o := &d.Order
	if f.BaseCurrency, err = money.BaseCurrency(q); err != nil {
		return d, err
	}
	f.Currency, f.Discount, f.ShippingFee, f.Total, f.Paid = o.Currency, o.Discount, o.ShippingFee, o.Total, o.Paid
	f.NetTotal = f.Total - f.Returned
	f.BalanceDue = f.NetTotal - f.Paid
	d.Figures = f
	if d.Lines, err = s.detailLines(q, d.Order); err != nil {
		return d, err
	}
	if d.Timeline, err = timeline(q, id); err != nil {
		return d, err
	}
	r, err := rules(q)
	if err != nil {
		return d, err
	}
	totalBase := int64(0)
	if rate, err := money.RateOn(q, o.Currency, s.now().UTC().Format(dateLayout)); err == nil {
		rt, _ := domain.ParseRate(rate)
		totalBase = domain.Convert(o.Total, o.Currency, rt, f.BaseCurrency)
	}
	o.EffPriority = PriorityOf(r, s.now(), o.Priority, o.DueDate, totalBase)
	var missing int64
	for _, l := range d.Lines {
		if l.NotFound != "" {
			missing += (l.Qty - l.Filled) * l.UnitPrice
		}
	}
	if missing > 0 && o.Status != Cancelled && Rank(o.Status) <= Rank(Allocated) {
		d.Figures.RefundDue = domain.RefundDue(f.Paid, f.NetTotal, missing)
	}
	d.Next = Next(o.Status)
	if d.Next == nil {
		d.Next = []string{}
	}
	d.Profit, err = s.profit(q, d)
	return d, err
}

func (s *Service) detailLines(q *store.Reader, o Order) ([]Line, error) {
	rows, err := q.Query(`SELECT l.id, l.product_id, coalesce(p.name_zh, ''), coalesce(p.sku, ''), l.title, l.qty, l.unit_price,
		l.preorder, l.location_id, coalesce(lo.name, ''),
		coalesce((SELECT sum(m.reserved) FROM stock_moves m WHERE m.ref = l.id), 0),
		coalesce((SELECT sum(r.qty) FROM order_returns r WHERE r.line_id = l.id), 0),
		coalesce((SELECT sum(f.qty) FROM preorder_fills f WHERE f.line_id = l.id), 0),
		CASE WHEN l.preorder = 1 THEN coalesce((SELECT t.name FROM trip_buys b JOIN trips t ON t.id = b.trip_id
			WHERE b.product_id = l.product_id AND b.kind = 'not_found' AND b.at >= ?2
				AND NOT EXISTS (SELECT 1 FROM trip_buys u WHERE u.undoes = b.id) ORDER BY b.at DESC LIMIT 1), '') ELSE '' END
		FROM order_lines l LEFT JOIN products p ON p.id = l.product_id LEFT JOIN locations lo ON lo.id = l.location_id
		WHERE l.order_id = ?1 AND l.deleted = 0 ORDER BY l.position, l.id`, o.ID, o.OrderedAt)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Line{}
	shipped := Rank(o.Status) >= Rank(Shipped) && o.Status != Cancelled
	for rows.Next() {
		var l Line
		if err := rows.Scan(&l.ID, &l.ProductID, &l.ProductName, &l.SKU, &l.Title, &l.Qty, &l.UnitPrice, &l.Preorder,
			&l.LocationID, &l.LocationName, &l.Reserved, &l.Returned, &l.Filled, &l.NotFound); err != nil {
			return nil, err
		}
		if l.Filled >= l.Qty {
			l.NotFound = ""
		}
		l.Amount = l.Qty * l.UnitPrice
		if shipped {
			l.Shipped = l.Qty
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

func timeline(q *store.Reader, id string) ([]TimelineEntry, error) {
	rows, err := q.Query(`
		SELECT at, 'event', kind, 0, '', '', '', '', '', 0, note, device, id FROM order_events WHERE order_id = ?1
		UNION ALL
		SELECT paid_at, 'payment', kind, amount, currency, rate, method, ref, '', 0, note, device, id FROM payments WHERE order_id = ?1
		UNION ALL
		SELECT at, 'return', disposition, 0, '', '', '', '', line_id, qty, reason || CASE WHEN note <> '' THEN ' — ' || note ELSE '' END,
			device, id FROM order_returns WHERE order_id = ?1
		ORDER BY 1, 13`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []TimelineEntry{}
	for rows.Next() {
		var e TimelineEntry
		if err := rows.Scan(&e.At, &e.Type, &e.Kind, &e.Amount, &e.Currency, &e.Rate, &e.Method, &e.Ref, &e.LineID, &e.Qty,
			&e.Note, &e.Device, &e.ID); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// profit values an order in the base currency (formula in the package comment).
func (s *Service) profit(q *store.Reader, d Detail) (Profit, error) {
	p := Profit{Missing: []string{}}
	f, o := d.Figures, d.Order
	p.Revenue = f.PaidBase
	date := o.OrderedAt[:min(10, len(o.OrderedAt))]
	if o.Status != Cancelled {
		rows, err := q.Query(`SELECT l.id, l.product_id, l.qty - coalesce((SELECT sum(r.qty) FROM order_returns r
				WHERE r.line_id = l.id AND r.disposition = 'restock'), 0), p.cost, p.cost_currency
			FROM order_lines l JOIN products p ON p.id = l.product_id
			WHERE l.order_id = ? AND l.deleted = 0`, o.ID)
		if err != nil {
			return p, err
		}
		type item struct {
			line, product, cur string
			qty, cost          int64
		}
		var items []item
		var lines []CostLine
		for rows.Next() {
			var it item
			if err := rows.Scan(&it.line, &it.product, &it.qty, &it.cost, &it.cur); err != nil {
				rows.Close()
				return p, err
			}
			items = append(items, it)
			lines = append(lines, CostLine{LineID: it.line, ProductID: it.product})
		}
		rows.Close()
		landed := map[string]int64{}
		if s.costs != nil {
			if landed, err = s.costs.LineUnitCosts(q, lines); err != nil {
				return p, err
			}
		}
		for _, it := range items {
			if unit, ok := landed[it.line]; ok {
				p.Cost += it.qty * unit
				continue
			}
			if it.cur == "" {
				it.cur = f.BaseCurrency
			}
			rate, err := money.RateOn(q, it.cur, date)
			if err != nil {
				p.Missing = append(p.Missing, "rate:"+it.cur)
				continue
			}
			rt, _ := domain.ParseRate(rate)
			p.Cost += domain.Convert(it.qty*it.cost, it.cur, rt, f.BaseCurrency)
		}
	}
	if s.freight != nil && o.Status != Cancelled {
		var err error
		if p.Freight, err = s.freight.OrderFreight(q, o.ID); err != nil {
			return p, err
		}
	}
	p.Profit = p.Revenue - p.Cost - p.Freight
	p.Expected = p.Profit
	if f.BalanceDue != 0 && o.Status != Cancelled {
		if rate, err := money.RateOn(q, o.Currency, date); err == nil {
			rt, _ := domain.ParseRate(rate)
			p.Expected = domain.Convert(f.NetTotal, o.Currency, rt, f.BaseCurrency) - p.Cost - p.Freight
		} else {
			p.Missing = append(p.Missing, "rate:"+o.Currency)
		}
	}
	return p, nil
}
