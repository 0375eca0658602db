package purchasing

import (
	"context"
	"sort"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/money"
)

// costBook computes landed costs of trips and purchase orders through the service's cache.
type costBook struct {
	q     querier
	cache *costCache
	gen   uint64
}

func (s *Service) costBook(q querier) *costBook {
	return &costBook{q: q, cache: &s.costs, gen: s.costs.generation()}
}

func (b *costBook) of(owner string) (Landed, error) {
	if l, ok := b.cache.getLanded(owner); ok {
		return l, nil
	}
	l, err := landedOf(b.q, owner)
	if err == nil {
		b.cache.keepLanded(b.gen, owner, l)
	}
	return l, err
}

// averages returns the average landed unit cost of products (see compute), cached.
func (b *costBook) averages(products []string) (map[string]int64, error) {
	out, missing := b.cache.getAverages(products)
	if len(missing) == 0 {
		return out, nil
	}
	avg, err := b.compute(missing)
	if err != nil {
		return nil, err
	}
	b.cache.keepAverages(b.gen, missing, avg)
	for p, v := range avg {
		out[p] = v
	}
	return out, nil
}

// compute returns the weighted average landed unit cost (base minor units) of each product
// over its purchases: trip buys not undone, and what arrived of purchase orders. Products
// never bought are left out.
func (b *costBook) compute(products []string) (map[string]int64, error) {
	out := map[string]int64{}
	rows, err := b.q.Query(`
		SELECT b.trip_id, b.id, b.product_id, b.qty FROM trip_buys b
		WHERE b.product_id IN (SELECT value FROM json_each(?1)) AND b.kind = 'bought'
			AND NOT EXISTS (SELECT 1 FROM trip_buys u WHERE u.undoes = b.id)
		UNION ALL
		SELECT l.po_id, l.id, l.product_id, coalesce((SELECT sum(r.qty) FROM purchase_receipts r WHERE r.line_id = l.id), 0)
		FROM purchase_order_lines l WHERE l.product_id IN (SELECT value FROM json_each(?1)) AND l.deleted = 0`,
		idList(products))
	if err != nil {
		return nil, err
	}
	type piece struct {
		owner, key, product string
		qty                 int64
	}
	var pieces []piece
	for rows.Next() {
		var p piece
		if err := rows.Scan(&p.owner, &p.key, &p.product, &p.qty); err != nil {
			rows.Close()
			return nil, err
		}
		if p.qty > 0 {
			pieces = append(pieces, p)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	total, units := map[string]int64{}, map[string]int64{}
	for _, p := range pieces {
		l, err := b.of(p.owner)
		if err != nil {
			return nil, err
		}
		unit, ok := l.unit(p.key)
		if !ok {
			continue
		}
		total[p.product] += unit * p.qty
		units[p.product] += p.qty
	}
	for product, n := range units {
		out[product] = perUnit(total[product], n)
	}
	return out, nil
}

// CostLine is an order line whose goods an order's profit needs the cost of.
type CostLine struct {
	LineID    string
	ProductID string
}

// LineUnitCosts returns the unit cost in base minor units of each order line's goods: for
// goods bought on a trip for the line, what those purchases landed at (average over its
// fills); otherwise the product's average landed cost. Lines of products never bought are
// left out (the order falls back to the product's cost price). q is the caller's reader.
func (s *Service) LineUnitCosts(q querier, lines []CostLine) (map[string]int64, error) {
	book := s.costBook(q)
	ids := make([]string, len(lines))
	for i, l := range lines {
		ids[i] = l.LineID
	}
	// the fills of all the lines in one read
	type fill struct {
		qty       int64
		trip, buy string
	}
	fills := map[string][]fill{}
	rows, err := q.Query(`SELECT f.line_id, f.qty, b.trip_id, b.id FROM preorder_fills f JOIN trip_buys b ON b.id = f.buy_id
		WHERE f.line_id IN (SELECT value FROM json_each(?))`, idList(ids))
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var line string
		var f fill
		if err := rows.Scan(&line, &f.qty, &f.trip, &f.buy); err != nil {
			rows.Close()
			return nil, err
		}
		fills[line] = append(fills[line], f)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := map[string]int64{}
	var rest []string
	restLines := map[string][]string{}
	for _, l := range lines {
		var total, units int64
		for _, f := range fills[l.LineID] {
			landed, err := book.of(f.trip)
			if err != nil {
				return nil, err
			}
			if unit, ok := landed.unit(f.buy); ok {
				total += unit * f.qty
				units += f.qty
			}
		}
		if units > 0 {
			out[l.LineID] = perUnit(total, units)
			continue
		}
		if l.ProductID != "" {
			if _, seen := restLines[l.ProductID]; !seen {
				rest = append(rest, l.ProductID)
			}
			restLines[l.ProductID] = append(restLines[l.ProductID], l.LineID)
		}
	}
	avg, err := book.averages(rest)
	if err != nil {
		return nil, err
	}
	for product, unit := range avg {
		for _, line := range restLines[product] {
			out[line] = unit
		}
	}
	return out, nil
}

// ValuedProduct is a product's stock at its landed cost.
type ValuedProduct struct {
	ProductID string `json:"productId"`
	SKU       string `json:"sku"`
	Name      string `json:"name"`
	OnHand    int64  `json:"onHand"`
	UnitCost  int64  `json:"unitCost"` // base minor units
	Source    string `json:"source"`   // landed (from purchases) | cost_price (the product's cost) | none
	Value     int64  `json:"value"`
}

// MaxValued is how many products StockValuation lists by name.
const MaxValued = 200

// StockValuation is the value of the stock on hand in the base currency.
type StockValuation struct {
	BaseCurrency string          `json:"baseCurrency"`
	Total        int64           `json:"total"`
	Products     []ValuedProduct `json:"products"` // the most valuable first, at most MaxValued
	Count        int             `json:"count"`    // products in stock
	Unvalued     int             `json:"unvalued"` // products in stock with no cost known
}

// StockValuation values the stock on hand: each product at its average landed cost, else at
// its cost price converted at today's kept rate.
func (s *Service) StockValuation(ctx context.Context) (StockValuation, error) {
	q, err := s.db.Reader(ctx)
	if err != nil {
		return StockValuation{}, err
	}
	defer q.Close()
	v := StockValuation{Products: []ValuedProduct{}}
	if v.BaseCurrency, err = money.BaseCurrency(q); err != nil {
		return v, err
	}
	rows, err := q.Query(`SELECT p.id, p.sku, p.name_zh, ps.on_hand, p.cost, p.cost_currency
		FROM product_stock ps JOIN products p ON p.id = ps.product_id WHERE ps.on_hand > 0 AND p.deleted = 0`)
	if err != nil {
		return v, err
	}
	type row struct {
		ValuedProduct
		cost int64
		cur  string
	}
	var list []row
	var ids []string
	for rows.Next() {
		var r row
		if err := rows.Scan(&r.ProductID, &r.SKU, &r.Name, &r.OnHand, &r.cost, &r.cur); err != nil {
			rows.Close()
			return v, err
		}
		list = append(list, r)
		ids = append(ids, r.ProductID)
	}
	rows.Close()
	avg, err := s.costBook(q).averages(ids)
	if err != nil {
		return v, err
	}
	today := s.now().UTC().Format(dateLayout)
	rates := map[string]string{}
	for _, r := range list {
		p := r.ValuedProduct
		if unit, ok := avg[p.ProductID]; ok {
			p.UnitCost, p.Source = unit, "landed"
		} else if r.cost > 0 {
			cur := r.cur
			if cur == "" {
				cur = v.BaseCurrency
			}
			rate, seen := rates[cur]
			if !seen {
				rate, _ = money.RateOn(q, cur, today)
				rates[cur] = rate
			}
			if rate != "" {
				p.UnitCost, p.Source = domain.ConvertAt(r.cost, cur, rate, v.BaseCurrency), "cost_price"
			}
		}
		if p.Source == "" {
			p.Source = "none"
			v.Unvalued++
		}
		p.Value = p.UnitCost * p.OnHand
		v.Total += p.Value
		v.Products = append(v.Products, p)
	}
	sort.Slice(v.Products, func(a, b int) bool {
		x, y := v.Products[a], v.Products[b]
		if x.Value != y.Value {
			return x.Value > y.Value
		}
		return x.Name < y.Name
	})
	v.Count = len(v.Products)
	v.Products = v.Products[:min(len(v.Products), MaxValued)]
	return v, nil
}
