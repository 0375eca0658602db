package purchasing

import (
	"context"
	"sort"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/money"
)

// Buy is one row of a trip's history: a tick, with its landed cost in the base currency.
type Buy struct {
	ID             string `json:"id"`
	Kind           string `json:"kind"` // bought | not_found | undo
	ProductID      string `json:"productId"`
	ProductName    string `json:"productName"`
	ForProductID   string `json:"forProductId"`
	ForProductName string `json:"forProductName"`
	Qty            int64  `json:"qty"`
	UnitPrice      int64  `json:"unitPrice"`
	Discount       int64  `json:"discount"`
	Currency       string `json:"currency"`
	Rate           string `json:"rate"`
	PaidWith       string `json:"paidWith"`
	SupplierID     string `json:"supplierId"`
	Store          string `json:"store"` // supplier name, or the store typed
	TaxFree        bool   `json:"taxFree"`
	Receipt        string `json:"receipt"`
	ToStock        int64  `json:"toStock"`
	Undone         bool   `json:"undone"`
	Note           string `json:"note"`
	At             string `json:"at"`
	Device         string `json:"device"`
	Base           int64  `json:"base"`   // goods at the rate, base minor units
	Landed         int64  `json:"landed"` // with extras spread and refunds received
}

// Spent is money spent on a trip in one currency.
type Spent struct {
	Currency string `json:"currency"`
	Amount   int64  `json:"amount"` // minor units of Currency
	Base     int64  `json:"base"`
}

// RefundDue is an order waiting for goods that were not found, with what to give back.
type RefundDue struct {
	OrderID     string `json:"orderId"`
	OrderNumber string `json:"orderNumber"`
	Customer    string `json:"customer"`
	ProductID   string `json:"productId"`
	ProductName string `json:"productName"`
	Qty         int64  `json:"qty"`      // units not found
	Currency    string `json:"currency"` // the order's
	Missing     int64  `json:"missing"`  // their value
	Paid        int64  `json:"paid"`     // paid on the order so far (net of refunds)
	Refund      int64  `json:"refund"`   // to refund (domain.RefundDue)
}

// Surplus is a pre-order line that got more goods than ordered (two buyers ticked it on
// two laptops): the extra should be booked into stock.
type Surplus struct {
	OrderID     string `json:"orderId"`
	OrderNumber string `json:"orderNumber"`
	LineID      string `json:"lineId"`
	ProductName string `json:"productName"`
	Extra       int64  `json:"extra"`
}

// TripSummary is what a trip bought and cost.
type TripSummary struct {
	Trip         Trip        `json:"trip"`
	BaseCurrency string      `json:"baseCurrency"`
	Spent        []Spent     `json:"spent"`
	GoodsBase    int64       `json:"goodsBase"`
	ExtrasBase   int64       `json:"extrasBase"`
	RefundsBase  int64       `json:"refundsBase"` // tax refunds received (negative)
	LandedBase   int64       `json:"landedBase"`
	RefundsDue   int64       `json:"refundsDue"` // tax refunds not yet received, base minor units
	Costs        []Cost      `json:"costs"`
	Buys         []Buy       `json:"buys"`
	NotFound     []RefundDue `json:"notFound"`
	Surplus      []Surplus   `json:"surplus"`
}

// TripSummary returns a trip's spending per currency and in the base currency, its landed
// costs, tax refunds, the items not found with the deposits to refund, and its history.
func (s *Service) TripSummary(ctx context.Context, tripID string) (TripSummary, error) {
	q, err := s.db.Reader(ctx)
	if err != nil {
		return TripSummary{}, err
	}
	defer q.Close()
	var sum TripSummary
	if sum.Trip, err = getTrip(q, tripID); err != nil {
		return sum, err
	}
	if sum.BaseCurrency, err = money.BaseCurrency(q); err != nil {
		return sum, err
	}
	landed, err := landedOf(q, tripID)
	if err != nil {
		return sum, err
	}
	sum.Costs, sum.GoodsBase, sum.ExtrasBase, sum.RefundsBase, sum.LandedBase =
		landed.Costs, landed.GoodsBase, landed.ExtrasBase, landed.RefundsBase, landed.LandedBase
	for _, c := range landed.Costs {
		if c.Kind == CostTaxRefund && c.Status != "received" {
			sum.RefundsDue += domain.ConvertAt(c.Amount, c.Currency, c.Rate, sum.BaseCurrency)
		}
	}
	if sum.Buys, err = buysOf(q, tripID, landed, sum.BaseCurrency); err != nil {
		return sum, err
	}
	spent := map[string]*Spent{}
	for _, b := range sum.Buys {
		if b.Kind != "bought" || b.Undone {
			continue
		}
		sp := spent[b.Currency]
		if sp == nil {
			sp = &Spent{Currency: b.Currency}
			spent[b.Currency] = sp
		}
		sp.Amount += b.Qty*b.UnitPrice - b.Discount
		sp.Base += b.Base
	}
	for _, c := range landed.Costs {
		if c.Kind == CostTaxRefund {
			continue
		}
		sp := spent[c.Currency]
		if sp == nil {
			sp = &Spent{Currency: c.Currency}
			spent[c.Currency] = sp
		}
		sp.Amount += c.Amount
		sp.Base += c.Base
	}
	sum.Spent = []Spent{}
	for _, sp := range spent {
		sum.Spent = append(sum.Spent, *sp)
	}
	sort.Slice(sum.Spent, func(a, b int) bool { return sum.Spent[a].Currency < sum.Spent[b].Currency })
	if sum.NotFound, err = refundsDue(q, tripID); err != nil {
		return sum, err
	}
	sum.Surplus, err = surplus(q, tripID)
	return sum, err
}

func buysOf(q querier, tripID string, landed Landed, base string) ([]Buy, error) {
	rows, err := q.Query(`SELECT b.id, b.kind, b.product_id, coalesce(p.name_zh, ''), b.for_product_id, coalesce(fp.name_zh, ''),
		b.qty, b.unit_price, b.discount, b.currency, b.rate, b.paid_with, b.supplier_id,
		CASE WHEN s.name IS NOT NULL THEN s.name ELSE b.store END, b.tax_free, b.receipt, b.to_stock,
		EXISTS (SELECT 1 FROM trip_buys u WHERE u.undoes = b.id), b.note, b.at, b.device
		FROM trip_buys b LEFT JOIN products p ON p.id = b.product_id LEFT JOIN products fp ON fp.id = b.for_product_id
		LEFT JOIN suppliers s ON s.id = b.supplier_id AND b.supplier_id <> ''
		WHERE b.trip_id = ? ORDER BY b.at DESC, b.id DESC`, tripID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	landedBy := map[string]int64{}
	for _, g := range landed.goods {
		landedBy[g.key] = g.landed
	}
	out := []Buy{}
	for rows.Next() {
		var b Buy
		if err := rows.Scan(&b.ID, &b.Kind, &b.ProductID, &b.ProductName, &b.ForProductID, &b.ForProductName, &b.Qty,
			&b.UnitPrice, &b.Discount, &b.Currency, &b.Rate, &b.PaidWith, &b.SupplierID, &b.Store, &b.TaxFree, &b.Receipt,
			&b.ToStock, &b.Undone, &b.Note, &b.At, &b.Device); err != nil {
			return nil, err
		}
		if b.Kind == "bought" {
			b.Base = domain.ConvertAt(b.Qty*b.UnitPrice-b.Discount, b.Currency, b.Rate, base)
			b.Landed = landedBy[b.ID]
		}
		out = append(out, b)
	}
	return out, rows.Err()
}

// refundsDue lists the open orders (taken before the mark) still waiting for products the
// trip marked not found, with the deposit to refund per order. The lines are looked up by
// those products (the IN list) rather than all open pre-order lines tested one by one.
func refundsDue(q querier, tripID string) ([]RefundDue, error) {
	rows, err := q.Query(`SELECT o.id, o.number, coalesce(c.name, o.ship_name), l.product_id, coalesce(p.name_zh, l.title),
			l.qty - coalesce((SELECT sum(f.qty) FROM preorder_fills f WHERE f.line_id = l.id), 0), l.unit_price, o.currency,
			s.paid, s.total - s.returned
		FROM order_lines l INDEXED BY order_lines_preorder
		JOIN order_status s ON s.order_id = l.order_id JOIN orders o ON o.id = l.order_id
		LEFT JOIN customers c ON c.id = o.customer_id LEFT JOIN products p ON p.id = l.product_id
		WHERE l.product_id IN (SELECT product_id FROM trip_buys WHERE trip_id = ?1 AND kind = 'not_found')
			AND EXISTS (SELECT 1 FROM trip_buys b WHERE b.trip_id = ?1 AND b.kind = 'not_found' AND b.product_id = l.product_id
				AND b.at >= o.ordered_at AND NOT EXISTS (SELECT 1 FROM trip_buys u WHERE u.undoes = b.id))
			AND l.preorder = 1 AND l.deleted = 0 AND s.deleted = 0 AND s.rank BETWEEN 10 AND 40
		ORDER BY o.number, l.position`, tripID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []RefundDue{}
	missing := map[string]int64{} // per order, all its lines not found
	for rows.Next() {
		var r RefundDue
		var price, netTotal int64
		if err := rows.Scan(&r.OrderID, &r.OrderNumber, &r.Customer, &r.ProductID, &r.ProductName, &r.Qty, &price,
			&r.Currency, &r.Paid, &netTotal); err != nil {
			return nil, err
		}
		if r.Qty <= 0 {
			continue
		}
		r.Missing = r.Qty * price
		missing[r.OrderID] += r.Missing
		r.Refund = netTotal // kept here until every line of the order is known
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	// an order's refund is for all its missing goods, shown on its first row
	seen := map[string]bool{}
	for i := range out {
		r := &out[i]
		netTotal := r.Refund
		r.Refund = 0
		if !seen[r.OrderID] {
			seen[r.OrderID] = true
			r.Refund = domain.RefundDue(r.Paid, netTotal, missing[r.OrderID])
		}
	}
	return out, nil
}

// surplus lists the pre-order lines filled by this trip's goods beyond their quantity.
func surplus(q querier, tripID string) ([]Surplus, error) {
	rows, err := q.Query(`SELECT l.order_id, coalesce(o.number, ''), l.id, coalesce(p.name_zh, l.title),
			(SELECT sum(f.qty) FROM preorder_fills f WHERE f.line_id = l.id) - l.qty
		FROM order_lines l LEFT JOIN orders o ON o.id = l.order_id LEFT JOIN products p ON p.id = l.product_id
		WHERE l.id IN (SELECT f.line_id FROM preorder_fills f JOIN trip_buys b ON b.id = f.buy_id WHERE b.trip_id = ?)
			AND (SELECT sum(f.qty) FROM preorder_fills f WHERE f.line_id = l.id) > l.qty
		ORDER BY o.number`, tripID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Surplus{}
	for rows.Next() {
		var v Surplus
		if err := rows.Scan(&v.OrderID, &v.OrderNumber, &v.LineID, &v.ProductName, &v.Extra); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
