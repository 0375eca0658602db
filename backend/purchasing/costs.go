package purchasing

import (
	"context"
	"slices"
	"strings"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/money"
	"daigoudesk/backend/store"
)

// Cost kinds: extras raise the landed cost of the owner's goods, a received tax refund lowers it.
const (
	CostLuggage   = "luggage"
	CostForwarder = "forwarder"
	CostDuty      = "duty"
	CostOther     = "other"
	CostTaxRefund = "tax_refund"
)

// CostKinds are the kinds of cost a trip or purchase order can carry.
var CostKinds = []string{CostLuggage, CostForwarder, CostDuty, CostOther, CostTaxRefund}

// RefundStatuses are the steps of a tax refund, in order.
var RefundStatuses = []string{"eligible", "claimed", "received"}

// CostInput is an extra cost or a tax refund of a trip or purchase order (OwnerID).
type CostInput struct {
	OwnerID        string `json:"ownerId"`
	Kind           string `json:"kind"`
	Amount         int64  `json:"amount"` // minor units of Currency; for a tax refund the amount expected
	Currency       string `json:"currency"`
	Rate           string `json:"rate"`   // '' = the kept rate on At's date
	Spread         string `json:"spread"` // value | weight (extras)
	SupplierID     string `json:"supplierId"`
	Store          string `json:"store"`
	Status         string `json:"status"`         // tax refunds: eligible | claimed | received
	AmountReceived int64  `json:"amountReceived"` // tax refunds: what came back, minor units of Currency
	Note           string `json:"note"`
	At             string `json:"at"` // YYYY-MM-DD; '' = today
}

// Cost is a stored extra cost or tax refund, with its amount in the base currency (received
// amount for a tax refund).
type Cost struct {
	ID string `json:"id"`
	CostInput
	Base int64 `json:"base"`
}

func (in *CostInput) validate(p *domain.Problems) {
	if !slices.Contains(CostKinds, in.Kind) {
		p.Add(domain.Invalid("kind", "purchase.cost.kind", "choose the kind of cost", nil))
	}
	if in.Amount <= 0 {
		p.Add(domain.Invalid("amount", "purchase.amount.positive", "the amount must be more than 0", nil))
	}
	checkCurrency(p, "currency", in.Currency)
	checkRate(p, "rate", in.Rate, true)
	checkDate(p, "at", in.At, false)
	if in.Kind == CostTaxRefund {
		if !slices.Contains(RefundStatuses, in.Status) {
			p.Add(domain.Invalid("status", "purchase.refund.status", "choose the refund's status", nil))
		}
		if in.AmountReceived < 0 || in.Status != "received" && in.AmountReceived != 0 {
			p.Add(domain.Invalid("amountReceived", "purchase.refund.received", "enter the amount received once the refund has arrived", nil))
		}
		if in.Status == "received" && in.AmountReceived == 0 {
			in.AmountReceived = in.Amount
		}
	} else {
		in.Status, in.AmountReceived = "", 0
		if in.Spread != "value" && in.Spread != "weight" {
			p.Add(domain.Invalid("spread", "purchase.cost.spread", "spread the cost by value or by weight", nil))
		}
	}
	checkText(p, "note", in.Note, 500, false)
}

// SaveCost adds (id "") or changes an extra cost or tax refund of a trip or purchase order.
// A missing rate is taken from the kept rates on its date and stored with it.
func (s *Service) SaveCost(ctx context.Context, id string, in CostInput) (Cost, error) {
	in.Currency = strings.ToUpper(strings.TrimSpace(in.Currency))
	in.Rate = strings.TrimSpace(in.Rate)
	if in.At == "" {
		in.At = s.now().UTC().Format(dateLayout)
	}
	p := &domain.Problems{}
	in.validate(p)
	if err := p.Err(); err != nil {
		return Cost{}, err
	}
	err := s.db.Write(ctx, func(tx *store.Tx) error {
		if err := liveOwner(tx, in.OwnerID); err != nil {
			return err
		}
		if id == "" {
			id = domain.NewID()
		} else if err := tx.Live("purchase_costs", "cost", id); err != nil {
			return err
		}
		if in.Rate == "" {
			rate, err := costRate(tx, in)
			if err != nil {
				return err
			}
			in.Rate = rate
		}
		return tx.Set("purchase_costs", id, store.Fields{"owner_id": in.OwnerID, "kind": in.Kind, "amount": in.Amount,
			"currency": in.Currency, "rate": in.Rate, "spread": in.Spread, "supplier_id": in.SupplierID, "store": strings.TrimSpace(in.Store),
			"status": in.Status, "amount_received": in.AmountReceived, "note": in.Note, "at": in.At, "deleted": false})
	})
	if err != nil {
		return Cost{}, err
	}
	costs, err := costsOf(s.db.R(), in.OwnerID)
	for _, c := range costs {
		if c.ID == id {
			return c, err
		}
	}
	return Cost{}, err
}

// DeleteCost removes an extra cost or tax refund.
func (s *Service) DeleteCost(ctx context.Context, id string) error {
	return s.db.Write(ctx, func(tx *store.Tx) error {
		if err := tx.Live("purchase_costs", "cost", id); err != nil {
			return err
		}
		return tx.Set("purchase_costs", id, store.Fields{"deleted": true})
	})
}

// costRate is the rate of a cost given without one: a trip's card rate for its own currency,
// a purchase order's rate for its currency, else the kept rate of the day.
func costRate(q querier, in CostInput) (string, error) {
	var rate string
	err := q.QueryRow(`SELECT card_rate FROM trips WHERE id = ?1 AND currency = ?2 AND card_rate <> ''
		UNION ALL SELECT rate FROM purchase_orders WHERE id = ?1 AND currency = ?2 AND rate <> '' LIMIT 1`,
		in.OwnerID, in.Currency).Scan(&rate)
	if err == nil {
		return rate, nil
	}
	return money.RateOn(q, in.Currency, in.At)
}

func liveOwner(tx *store.Tx, owner string) error {
	var n int
	if err := tx.QueryRow(`SELECT (SELECT count(*) FROM trips WHERE id = ?1 AND deleted = 0)
		+ (SELECT count(*) FROM purchase_orders WHERE id = ?1 AND deleted = 0)`, owner).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return withField(domain.NotFound("trip or purchase order", owner), "ownerId")
	}
	return nil
}

func costsOf(q querier, owner string) ([]Cost, error) {
	rows, err := q.Query(`SELECT id, owner_id, kind, amount, currency, rate, spread, supplier_id, store, status,
		amount_received, note, at FROM purchase_costs WHERE owner_id = ? AND deleted = 0 ORDER BY at, id`, owner)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	base, err := money.BaseCurrency(q)
	if err != nil {
		return nil, err
	}
	out := []Cost{}
	for rows.Next() {
		var c Cost
		if err := rows.Scan(&c.ID, &c.OwnerID, &c.Kind, &c.Amount, &c.Currency, &c.Rate, &c.Spread, &c.SupplierID,
			&c.Store, &c.Status, &c.AmountReceived, &c.Note, &c.At); err != nil {
			return nil, err
		}
		amount := c.Amount
		if c.Kind == CostTaxRefund {
			amount = c.AmountReceived
		}
		c.Base = domain.ConvertAt(amount, c.Currency, c.Rate, base)
		out = append(out, c)
	}
	return out, rows.Err()
}

// good is one purchase inside a trip or purchase order, as landed costing needs it.
type good struct {
	key             string // trip buy id or purchase order line id
	product         string
	qty             int64
	value           int64 // base minor units, goods at their rate after discount
	weight          int64 // grams, product weight × qty
	taxFree         bool
	supplier, store string
	landed          int64 // value + its share of extras − its share of refunds received
}

// land spreads the owner's costs over its goods (good.landed), by value or weight, with
// the largest remainder so every cost is spread to the last minor unit.
func land(goods []good, costs []Cost) {
	for i := range goods {
		goods[i].landed = goods[i].value
	}
	for _, c := range costs {
		switch {
		case c.Kind == CostTaxRefund:
			if c.Status != "received" || c.Base == 0 {
				continue
			}
			idx := refundGoods(goods, c)
			spread(goods, idx, -c.Base, func(g good) int64 { return g.value })
		case c.Spread == "weight":
			idx := allGoods(goods)
			if total := sum(goods, idx, func(g good) int64 { return g.weight }); total > 0 {
				spread(goods, idx, c.Base, func(g good) int64 { return g.weight })
				continue
			}
			spread(goods, idx, c.Base, func(g good) int64 { return g.value })
		default:
			spread(goods, allGoods(goods), c.Base, func(g good) int64 { return g.value })
		}
	}
}

func allGoods(goods []good) []int {
	idx := make([]int, len(goods))
	for i := range goods {
		idx[i] = i
	}
	return idx
}

// refundGoods are the goods a tax refund is for: the tax-free goods of its store (by
// supplier or store name), else all tax-free goods, else all goods.
func refundGoods(goods []good, c Cost) []int {
	var store, free []int
	for i, g := range goods {
		if !g.taxFree {
			continue
		}
		free = append(free, i)
		if c.SupplierID != "" && g.supplier == c.SupplierID || c.SupplierID == "" && c.Store != "" && strings.EqualFold(g.store, c.Store) {
			store = append(store, i)
		}
	}
	switch {
	case len(store) > 0:
		return store
	case len(free) > 0:
		return free
	}
	return allGoods(goods)
}

func sum(goods []good, idx []int, w func(good) int64) int64 {
	var t int64
	for _, i := range idx {
		t += w(goods[i])
	}
	return t
}

// spread adds amount to the goods idx in proportion to w (equal shares when all weigh 0),
// to the last minor unit (domain.Apportion).
func spread(goods []good, idx []int, amount int64, w func(good) int64) {
	if len(idx) == 0 || amount == 0 {
		return
	}
	weights := make([]int64, len(idx))
	for n, i := range idx {
		weights[n] = w(goods[i])
	}
	for n, share := range domain.Apportion(amount, weights) {
		goods[idx[n]].landed += share
	}
}

// loadGoods returns the goods of a trip (buys not undone) or a purchase order (its lines;
// received quantities only once it is cancelled), valued in the base currency.
func loadGoods(q querier, owner, base string) ([]good, error) {
	rows, err := q.Query(`
		SELECT b.id, b.product_id, b.qty, b.qty * b.unit_price - b.discount, b.currency, b.rate,
			b.qty * coalesce(p.weight_g, 0), b.tax_free, b.supplier_id, b.store
		FROM trip_buys b LEFT JOIN products p ON p.id = b.product_id
		WHERE b.trip_id = ?1 AND b.kind = 'bought' AND NOT EXISTS (SELECT 1 FROM trip_buys u WHERE u.undoes = b.id)
		UNION ALL
		SELECT l.id, l.product_id, q.qty, q.qty * l.unit_price, po.currency, po.rate, q.qty * coalesce(p.weight_g, 0),
			0, po.supplier_id, ''
		FROM purchase_order_lines l JOIN purchase_orders po ON po.id = l.po_id LEFT JOIN products p ON p.id = l.product_id
		JOIN (SELECT l2.id AS line_id, CASE WHEN po2.cancelled = 1
				THEN coalesce((SELECT sum(r.qty) FROM purchase_receipts r WHERE r.line_id = l2.id), 0) ELSE l2.qty END AS qty
			FROM purchase_order_lines l2 JOIN purchase_orders po2 ON po2.id = l2.po_id WHERE l2.po_id = ?1) q ON q.line_id = l.id
		WHERE l.po_id = ?1 AND l.deleted = 0 AND po.deleted = 0
		ORDER BY 1`, owner)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []good
	for rows.Next() {
		var g good
		var amount int64
		var cur, rate string
		if err := rows.Scan(&g.key, &g.product, &g.qty, &amount, &cur, &rate, &g.weight, &g.taxFree, &g.supplier, &g.store); err != nil {
			return nil, err
		}
		g.value = domain.ConvertAt(amount, cur, rate, base)
		out = append(out, g)
	}
	return out, rows.Err()
}

// Landed is the landed costing of one trip or purchase order.
type Landed struct {
	goods []good
	Costs []Cost
	// GoodsBase, ExtrasBase and RefundsBase add up to LandedBase (refunds negative).
	GoodsBase, ExtrasBase, RefundsBase, LandedBase int64
}

// perUnit is total ÷ n rounded half up (costs are not negative), for n > 0.
func perUnit(total, n int64) int64 { return (2*total + n) / (2 * n) }

// unit returns the landed cost per unit of the purchase key (buy or line), rounded.
func (l Landed) unit(key string) (int64, bool) {
	for _, g := range l.goods {
		if g.key == key && g.qty > 0 {
			return perUnit(g.landed, g.qty), true
		}
	}
	return 0, false
}

func landedOf(q querier, owner string) (Landed, error) {
	base, err := money.BaseCurrency(q)
	if err != nil {
		return Landed{}, err
	}
	var l Landed
	if l.goods, err = loadGoods(q, owner, base); err != nil {
		return l, err
	}
	if l.Costs, err = costsOf(q, owner); err != nil {
		return l, err
	}
	land(l.goods, l.Costs)
	for _, g := range l.goods {
		l.GoodsBase += g.value
		l.LandedBase += g.landed
	}
	for _, c := range l.Costs {
		if c.Kind == CostTaxRefund {
			if c.Status == "received" && len(l.goods) > 0 {
				l.RefundsBase -= c.Base
			}
		} else if len(l.goods) > 0 {
			l.ExtrasBase += c.Base
		}
	}
	return l, nil
}
