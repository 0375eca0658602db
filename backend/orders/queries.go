package orders

import (
	"context"
	"database/sql"

	"daigoudesk/backend/domain"
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
	conn, err := s.db.R().Conn(ctx) // one connection: a consistent, quick series of reads
	if err != nil {
		return Detail{}, err
	}
	defer conn.Close()
	q := connQ{ctx, conn}
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
	if f.BaseCurrency, err = baseCurrency(q); err != nil {
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
	if rate, err := rateOn(q, o.Currency, s.now().UTC().Format(dateLayout)); err == nil {
		rt, _ := parseRate(rate)
		totalBase = convert(o.Total, o.Currency, rt, f.BaseCurrency)
	}
	o.EffPriority = PriorityOf(r, s.now(), o.Priority, o.DueDate, totalBase)
	d.Next = Next(o.Status)
	if d.Next == nil {
		d.Next = []string{}
	}
	d.Profit, err = profit(q, d)
	return d, err
}

// connQ runs reads on one pooled connection.
type connQ struct {
	ctx  context.Context
	conn *sql.Conn
}

func (c connQ) QueryRow(q string, args ...any) *sql.Row {
	return c.conn.QueryRowContext(c.ctx, q, args...)
}
func (c connQ) Query(q string, args ...any) (*sql.Rows, error) {
	return c.conn.QueryContext(c.ctx, q, args...)
}

func (s *Service) detailLines(q connQ, o Order) ([]Line, error) {
	rows, err := q.Query(`SELECT l.id, l.product_id, coalesce(p.name_zh, ''), coalesce(p.sku, ''), l.title, l.qty, l.unit_price,
		l.preorder, l.location_id, coalesce(lo.name, ''),
		coalesce((SELECT sum(m.reserved) FROM stock_moves m WHERE m.ref = l.id), 0),
		coalesce((SELECT sum(r.qty) FROM order_returns r WHERE r.line_id = l.id), 0)
		FROM order_lines l LEFT JOIN products p ON p.id = l.product_id LEFT JOIN locations lo ON lo.id = l.location_id
		WHERE l.order_id = ? AND l.deleted = 0 ORDER BY l.position, l.id`, o.ID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Line{}
	shipped := Rank(o.Status) >= Rank(Shipped) && o.Status != Cancelled
	for rows.Next() {
		var l Line
		if err := rows.Scan(&l.ID, &l.ProductID, &l.ProductName, &l.SKU, &l.Title, &l.Qty, &l.UnitPrice, &l.Preorder,
			&l.LocationID, &l.LocationName, &l.Reserved, &l.Returned); err != nil {
			return nil, err
		}
		l.Amount = l.Qty * l.UnitPrice
		if shipped {
			l.Shipped = l.Qty
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

func timeline(q connQ, id string) ([]TimelineEntry, error) {
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
func profit(q connQ, d Detail) (Profit, error) {
	p := Profit{Missing: []string{}}
	f, o := d.Figures, d.Order
	p.Revenue = f.PaidBase
	date := o.OrderedAt[:min(10, len(o.OrderedAt))]
	if o.Status != Cancelled {
		rows, err := q.Query(`SELECT l.product_id, l.qty - coalesce((SELECT sum(r.qty) FROM order_returns r
				WHERE r.line_id = l.id AND r.disposition = 'restock'), 0), p.cost, p.cost_currency
			FROM order_lines l JOIN products p ON p.id = l.product_id
			WHERE l.order_id = ? AND l.deleted = 0`, o.ID)
		if err != nil {
			return p, err
		}
		type item struct {
			product, cur string
			qty, cost    int64
		}
		var items []item
		for rows.Next() {
			var it item
			if err := rows.Scan(&it.product, &it.qty, &it.cost, &it.cur); err != nil {
				rows.Close()
				return p, err
			}
			items = append(items, it)
		}
		rows.Close()
		for _, it := range items {
			if it.cur == "" {
				it.cur = f.BaseCurrency
			}
			rate, err := rateOn(q, it.cur, date)
			if err != nil {
				p.Missing = append(p.Missing, "rate:"+it.cur)
				continue
			}
			rt, _ := parseRate(rate)
			p.Cost += convert(it.qty*it.cost, it.cur, rt, f.BaseCurrency)
		}
	}
	p.Profit = p.Revenue - p.Cost - p.Freight
	p.Expected = p.Profit
	if f.BalanceDue != 0 && o.Status != Cancelled {
		if rate, err := rateOn(q, o.Currency, date); err == nil {
			rt, _ := parseRate(rate)
			p.Expected = convert(f.NetTotal, o.Currency, rt, f.BaseCurrency) - p.Cost - p.Freight
		} else {
			p.Missing = append(p.Missing, "rate:"+o.Currency)
		}
	}
	return p, nil
}
