package purchasing

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/money"
	"daigoudesk/backend/store"
)

// poNumbers is the series of purchase order numbers.
var poNumbers = store.Series{Label: "PO", SeqKey: "po_seq", Table: "purchase_orders"}

// PO statuses, derived from its receipts.
const (
	POOpen      = "open"      // nothing received yet
	POPartial   = "partial"   // some goods received
	POReceived  = "received"  // every line received in full
	POCancelled = "cancelled" // no more goods will come
)

// POLineInput is one line of a purchase order.
type POLineInput struct {
	ID        string `json:"id"` // '' for a new line
	ProductID string `json:"productId"`
	Qty       int64  `json:"qty"`
	UnitPrice int64  `json:"unitPrice"` // minor units of the order's currency
}

// POInput is what a person types into the purchase order form.
type POInput struct {
	SupplierID string        `json:"supplierId"`
	Currency   string        `json:"currency"`
	Rate       string        `json:"rate"`      // '' = the kept rate on the order date
	OrderedAt  string        `json:"orderedAt"` // YYYY-MM-DD; '' = today
	ExpectedAt string        `json:"expectedAt"`
	LocationID string        `json:"locationId"` // where its goods are received by default
	Note       string        `json:"note"`
	Lines      []POLineInput `json:"lines"`
}

// POLine is a purchase order line with what has arrived of it.
type POLine struct {
	ID          string `json:"id"`
	ProductID   string `json:"productId"`
	ProductName string `json:"productName"`
	SKU         string `json:"sku"`
	Qty         int64  `json:"qty"`
	UnitPrice   int64  `json:"unitPrice"`
	Received    int64  `json:"received"`
	LandedUnit  int64  `json:"landedUnit"` // base minor units per unit, extras spread
}

// PO is a stored purchase order.
type PO struct {
	ID           string `json:"id"`
	Number       string `json:"number"`
	SupplierID   string `json:"supplierId"`
	SupplierName string `json:"supplierName"`
	Currency     string `json:"currency"`
	Rate         string `json:"rate"`
	OrderedAt    string `json:"orderedAt"`
	ExpectedAt   string `json:"expectedAt"`
	LocationID   string `json:"locationId"`
	Note         string `json:"note"`
	Status       string `json:"status"`
	Total        int64  `json:"total"` // minor units of Currency
	Ordered      int64  `json:"ordered"`
	Received     int64  `json:"received"`
}

// PODetail is a purchase order with its lines, costs and receipts.
type PODetail struct {
	PO
	BaseCurrency string    `json:"baseCurrency"`
	Lines        []POLine  `json:"lines"`
	Costs        []Cost    `json:"costs"`
	Receipts     []Receipt `json:"receipts"`
	GoodsBase    int64     `json:"goodsBase"`
	ExtrasBase   int64     `json:"extrasBase"`
	LandedBase   int64     `json:"landedBase"`
}

// Receipt is goods of a line that arrived.
type Receipt struct {
	ID           string `json:"id"`
	LineID       string `json:"lineId"`
	ProductName  string `json:"productName"`
	Qty          int64  `json:"qty"`
	LocationName string `json:"locationName"`
	BatchCode    string `json:"batchCode"`
	Expiry       string `json:"expiry"`
	At           string `json:"at"`
	Device       string `json:"device"`
}

func (in *POInput) normalize(now time.Time) {
	in.Currency = strings.ToUpper(strings.TrimSpace(in.Currency))
	in.Rate = strings.TrimSpace(in.Rate)
	if in.OrderedAt == "" {
		in.OrderedAt = now.UTC().Format(dateLayout)
	}
}

func (in *POInput) validate() error {
	p := &domain.Problems{}
	if in.SupplierID == "" {
		p.Add(domain.Invalid("supplierId", "form.required", "choose the supplier", map[string]any{"field": "supplierId"}))
	}
	checkCurrency(p, "currency", in.Currency)
	checkRate(p, "rate", in.Rate, true)
	checkDate(p, "orderedAt", in.OrderedAt, false)
	checkDate(p, "expectedAt", in.ExpectedAt, true)
	checkText(p, "note", in.Note, 4000, false)
	if len(in.Lines) == 0 {
		p.Add(domain.Invalid("lines", "purchase.lines.empty", "add at least one line", nil))
	}
	for i, l := range in.Lines {
		if l.ProductID == "" {
			p.Add(domain.Invalid(fmt.Sprintf("lines[%d].productId", i), "form.required", "choose the product", map[string]any{"field": "productId"}))
		}
		if l.Qty <= 0 {
			p.Add(domain.Invalid(fmt.Sprintf("lines[%d].qty", i), "purchase.qty.positive", "the quantity must be more than 0", nil))
		}
		if l.UnitPrice < 0 {
			p.Add(domain.Invalid(fmt.Sprintf("lines[%d].unitPrice", i), "product.money.negative", "the price may not be negative", nil))
		}
	}
	return p.Err()
}

// CreatePO adds a purchase order with the next PO number of this laptop.
func (s *Service) CreatePO(ctx context.Context, in POInput) (PODetail, error) {
	return s.savePO(ctx, "", in)
}

// UpdatePO saves the form of a purchase order nothing has been received of yet.
func (s *Service) UpdatePO(ctx context.Context, id string, in POInput) (PODetail, error) {
	return s.savePO(ctx, id, in)
}

func (s *Service) savePO(ctx context.Context, id string, in POInput) (PODetail, error) {
	in.normalize(s.now())
	if err := in.validate(); err != nil {
		return PODetail{}, err
	}
	err := s.db.Write(ctx, func(tx *store.Tx) error {
		if err := tx.Live("suppliers", "supplier", in.SupplierID); err != nil {
			return err
		}
		if in.LocationID != "" {
			if err := tx.Live("locations", "location", in.LocationID); err != nil {
				return err
			}
		}
		for i, l := range in.Lines {
			if err := tx.Live("products", "product", l.ProductID); err != nil {
				return withField(err, fmt.Sprintf("lines[%d].productId", i))
			}
		}
		if in.Rate == "" {
			rate, err := money.RateOn(tx, in.Currency, in.OrderedAt)
			if err != nil {
				return err
			}
			in.Rate = rate
		}
		f := store.Fields{"supplier_id": in.SupplierID, "currency": in.Currency, "rate": in.Rate,
			"ordered_at": in.OrderedAt, "expected_at": in.ExpectedAt, "location_id": in.LocationID, "note": in.Note}
		var old []string
		if id == "" {
			numbers, err := tx.NextNumbers(poNumbers, 1)
			if err != nil {
				return err
			}
			id = domain.NewID()
			f["number"], f["created_at"], f["deleted"], f["cancelled"] = numbers[0], s.now().UTC().Format(time.RFC3339), false, false
		} else {
			if err := tx.Live("purchase_orders", "purchase order", id); err != nil {
				return err
			}
			var received int64
			var cur, rate string
			if err := tx.QueryRow(`SELECT (SELECT count(*) FROM purchase_receipts WHERE po_id = ?1), currency, rate
				FROM purchase_orders WHERE id = ?1`, id).Scan(&received, &cur, &rate); err != nil {
				return err
			}
			var err error
			if old, err = store.Strings(tx, `SELECT id || ' ' || product_id || ' ' || qty || ' ' || unit_price
				FROM purchase_order_lines WHERE po_id = ? AND deleted = 0 ORDER BY position, id`, id); err != nil {
				return err
			}
			same := len(old) == len(in.Lines)
			for i := 0; same && i < len(old); i++ {
				l := in.Lines[i]
				same = old[i] == fmt.Sprintf("%s %s %d %d", l.ID, l.ProductID, l.Qty, l.UnitPrice)
			}
			// once goods arrived, the header (dates, note, location) may still change, the lines not
			if received > 0 && (!same || in.Currency != cur || in.Rate != rate) {
				return &domain.Error{Code: domain.EConflict, Key: "purchase.po.received",
					Message: "goods of this purchase order have arrived: its lines, currency and rate can no longer change"}
			}
			for i := range old {
				old[i], _, _ = strings.Cut(old[i], " ")
			}
		}
		if err := tx.Set("purchase_orders", id, f); err != nil {
			return err
		}
		keep := map[string]bool{}
		for i, l := range in.Lines {
			lid := l.ID
			if lid == "" {
				lid = domain.NewID()
			}
			keep[lid] = true
			if err := tx.Set("purchase_order_lines", lid, store.Fields{"po_id": id, "product_id": l.ProductID, "qty": l.Qty,
				"unit_price": l.UnitPrice, "position": i, "deleted": false}); err != nil {
				return err
			}
			if err := linkBought(tx, in.SupplierID, l.ProductID); err != nil {
				return err
			}
		}
		for _, lid := range old {
			if !keep[lid] {
				if err := tx.Set("purchase_order_lines", lid, store.Fields{"deleted": true}); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return PODetail{}, err
	}
	return s.GetPO(ctx, id)
}

// CancelPO says no more goods of a purchase order will come (what arrived stays). An order
// that arrived in full or is cancelled already cannot be cancelled.
func (s *Service) CancelPO(ctx context.Context, id string) (PODetail, error) {
	d, err := s.GetPO(ctx, id)
	if err != nil {
		return d, err
	}
	if d.Status == POReceived || d.Status == POCancelled {
		return d, &domain.Error{Code: domain.EConflict, Key: "purchase.po.closed",
			Message: "the purchase order is " + d.Status + ": there is nothing left to cancel", Params: map[string]any{"status": d.Status}}
	}
	err = s.db.Write(ctx, func(tx *store.Tx) error {
		return tx.Set("purchase_orders", id, store.Fields{"cancelled": true})
	})
	if err != nil {
		return PODetail{}, err
	}
	return s.GetPO(ctx, id)
}

// ReceiveLine is goods of one purchase order line arriving.
type ReceiveLine struct {
	LineID     string `json:"lineId"`
	Qty        int64  `json:"qty"`
	LocationID string `json:"locationId"` // '' = the order's location
	BatchCode  string `json:"batchCode"`
	Expiry     string `json:"expiry"` // YYYY-MM-DD
}

// ReceiveInput is a delivery against a purchase order, whole or in part.
type ReceiveInput struct {
	POID  string        `json:"poId"`
	At    string        `json:"at"` // RFC 3339; '' = now
	Note  string        `json:"note"`
	Lines []ReceiveLine `json:"lines"`
}

// ReceivePO books a delivery into stock: per line a receipt and its stock move at the
// chosen location, with the batch, expiry date and the landed unit cost in the base
// currency. More than is still outstanding is refused, and so is a cancelled order.
func (s *Service) ReceivePO(ctx context.Context, in ReceiveInput) (PODetail, error) {
	if in.At == "" {
		in.At = s.now().UTC().Format(time.RFC3339)
	} else if _, err := time.Parse(time.RFC3339, in.At); err != nil {
		return PODetail{}, domain.Invalid("at", "order.time.format", "the time must be RFC 3339, e.g. 2026-03-01T10:00:00Z", nil)
	}
	p := &domain.Problems{}
	some := false
	for i, l := range in.Lines {
		if l.Qty < 0 {
			p.Add(domain.Invalid(fmt.Sprintf("lines[%d].qty", i), "purchase.qty.positive", "the quantity must be more than 0", nil))
		}
		some = some || l.Qty > 0
		checkDate(p, fmt.Sprintf("lines[%d].expiry", i), l.Expiry, true)
	}
	if !some && len(p.List) == 0 {
		p.Add(domain.Invalid("lines", "purchase.receive.empty", "enter how many of at least one line arrived", nil))
	}
	if err := p.Err(); err != nil {
		return PODetail{}, err
	}
	err := s.db.Write(ctx, func(tx *store.Tx) error {
		if err := tx.Live("purchase_orders", "purchase order", in.POID); err != nil {
			return err
		}
		var cancelled bool
		var defLoc string
		if err := tx.QueryRow(`SELECT cancelled, location_id FROM purchase_orders WHERE id = ?`, in.POID).Scan(&cancelled, &defLoc); err != nil {
			return err
		}
		if cancelled {
			return &domain.Error{Code: domain.EConflict, Key: "purchase.po.cancelled", Message: "the purchase order is cancelled"}
		}
		landed, err := landedOf(tx, in.POID)
		if err != nil {
			return err
		}
		base, err := money.BaseCurrency(tx)
		if err != nil {
			return err
		}
		for i, l := range in.Lines {
			if l.Qty == 0 {
				continue
			}
			field := fmt.Sprintf("lines[%d]", i)
			var product string
			var ordered, received int64
			err := tx.QueryRow(`SELECT product_id, qty, coalesce((SELECT sum(r.qty) FROM purchase_receipts r WHERE r.line_id = l.id), 0)
				FROM purchase_order_lines l WHERE l.id = ? AND l.po_id = ? AND l.deleted = 0`, l.LineID, in.POID).Scan(&product, &ordered, &received)
			if err == sql.ErrNoRows {
				return withField(domain.NotFound("purchase order line", l.LineID), field+".lineId")
			} else if err != nil {
				return err
			}
			if l.Qty > ordered-received {
				return &domain.Error{Code: domain.EConflict, Field: field + ".qty", Key: "purchase.receive.tooMany",
					Message: fmt.Sprintf("line %d: only %d still to come", i+1, ordered-received),
					Params:  map[string]any{"line": i + 1, "outstanding": ordered - received}}
			}
			loc := l.LocationID
			if loc == "" {
				loc = defLoc
			}
			if loc == "" {
				return domain.Invalid(field+".locationId", "form.required", "choose where the goods go", map[string]any{"field": "locationId"})
			}
			unit, _ := landed.unit(l.LineID)
			id := domain.NewID()
			_, batch, err := s.stock.Receive(tx, StockIn{ProductID: product, LocationID: loc, Qty: l.Qty, UnitCost: unit,
				CostCurrency: base, BatchCode: l.BatchCode, Expiry: l.Expiry, Ref: id, Note: in.Note, At: in.At})
			if err != nil {
				return withField(err, field)
			}
			if err := tx.Add("purchase_receipts", id, store.Fields{"po_id": in.POID, "line_id": l.LineID, "product_id": product,
				"qty": l.Qty, "location_id": loc, "batch_id": batch, "note": in.Note, "at": in.At, "device": tx.Device()}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return PODetail{}, err
	}
	return s.GetPO(ctx, in.POID)
}

// withField names the field of a domain error that has none (an error about line 3 of a form).
func withField(err error, field string) error {
	if e := domain.AsError(err); e != nil && e.Field == "" {
		c := *e
		c.Field = field
		return &c
	}
	return err
}

const poCols = `po.id, po.number, po.supplier_id, coalesce(s.name, ''), po.currency, po.rate, po.ordered_at, po.expected_at,
	po.location_id, po.note, po.cancelled,
	coalesce((SELECT sum(l.qty * l.unit_price) FROM purchase_order_lines l WHERE l.po_id = po.id AND l.deleted = 0), 0),
	coalesce((SELECT sum(l.qty) FROM purchase_order_lines l WHERE l.po_id = po.id AND l.deleted = 0), 0),
	coalesce((SELECT sum(r.qty) FROM purchase_receipts r WHERE r.po_id = po.id), 0)`

func scanPO(sc interface{ Scan(...any) error }) (PO, error) {
	var v PO
	var cancelled bool
	err := sc.Scan(&v.ID, &v.Number, &v.SupplierID, &v.SupplierName, &v.Currency, &v.Rate, &v.OrderedAt, &v.ExpectedAt,
		&v.LocationID, &v.Note, &cancelled, &v.Total, &v.Ordered, &v.Received)
	switch {
	case cancelled:
		v.Status = POCancelled
	case v.Received == 0:
		v.Status = POOpen
	case v.Received >= v.Ordered:
		v.Status = POReceived
	default:
		v.Status = POPartial
	}
	return v, err
}

// POFilter narrows the purchase order list.
type POFilter struct {
	Status     string `json:"status"` // '' | open | partial | received | cancelled | pending (open or partial)
	SupplierID string `json:"supplierId"`
}

// FindPOs lists purchase orders, newest first.
func (s *Service) FindPOs(ctx context.Context, f POFilter) ([]PO, error) {
	where, args := "po.deleted = 0", []any{}
	if f.SupplierID != "" {
		where, args = where+" AND po.supplier_id = ?", append(args, f.SupplierID)
	}
	rows, err := s.db.R().QueryContext(ctx, `SELECT `+poCols+` FROM purchase_orders po LEFT JOIN suppliers s ON s.id = po.supplier_id
		WHERE `+where+` ORDER BY po.ordered_at DESC, po.number DESC`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []PO{}
	for rows.Next() {
		v, err := scanPO(rows)
		if err != nil {
			return nil, err
		}
		if f.Status == "" || f.Status == v.Status || f.Status == "pending" && (v.Status == POOpen || v.Status == POPartial) {
			out = append(out, v)
		}
	}
	return out, rows.Err()
}

// GetPO returns a purchase order with its lines (landed unit cost each), costs and receipts.
func (s *Service) GetPO(ctx context.Context, id string) (PODetail, error) {
	q, err := s.db.Reader(ctx)
	if err != nil {
		return PODetail{}, err
	}
	defer q.Close()
	var d PODetail
	d.PO, err = scanPO(q.QueryRow(`SELECT `+poCols+` FROM purchase_orders po LEFT JOIN suppliers s ON s.id = po.supplier_id
		WHERE po.id = ? AND po.deleted = 0`, id))
	if err == sql.ErrNoRows {
		return d, domain.NotFound("purchase order", id)
	} else if err != nil {
		return d, err
	}
	if d.BaseCurrency, err = money.BaseCurrency(q); err != nil {
		return d, err
	}
	landed, err := landedOf(q, id)
	if err != nil {
		return d, err
	}
	d.Costs, d.GoodsBase, d.ExtrasBase, d.LandedBase = landed.Costs, landed.GoodsBase, landed.ExtrasBase+landed.RefundsBase, landed.LandedBase
	rows, err := q.Query(`SELECT l.id, l.product_id, coalesce(p.name_zh, ''), coalesce(p.sku, ''), l.qty, l.unit_price,
		coalesce((SELECT sum(r.qty) FROM purchase_receipts r WHERE r.line_id = l.id), 0)
		FROM purchase_order_lines l LEFT JOIN products p ON p.id = l.product_id
		WHERE l.po_id = ? AND l.deleted = 0 ORDER BY l.position, l.id`, id)
	if err != nil {
		return d, err
	}
	d.Lines = []POLine{}
	for rows.Next() {
		var l POLine
		if err := rows.Scan(&l.ID, &l.ProductID, &l.ProductName, &l.SKU, &l.Qty, &l.UnitPrice, &l.Received); err != nil {
			rows.Close()
			return d, err
		}
		l.LandedUnit, _ = landed.unit(l.ID)
		d.Lines = append(d.Lines, l)
	}
	rows.Close()
	rows, err = q.Query(`SELECT r.id, r.line_id, coalesce(p.name_zh, ''), r.qty, coalesce(lo.name, ''), coalesce(b.code, ''),
		coalesce(b.expiry, ''), r.at, r.device
		FROM purchase_receipts r LEFT JOIN products p ON p.id = r.product_id LEFT JOIN locations lo ON lo.id = r.location_id
		LEFT JOIN batches b ON b.id = r.batch_id WHERE r.po_id = ? ORDER BY r.at, r.id`, id)
	if err != nil {
		return d, err
	}
	defer rows.Close()
	d.Receipts = []Receipt{}
	for rows.Next() {
		var r Receipt
		if err := rows.Scan(&r.ID, &r.LineID, &r.ProductName, &r.Qty, &r.LocationName, &r.BatchCode, &r.Expiry, &r.At, &r.Device); err != nil {
			return d, err
		}
		d.Receipts = append(d.Receipts, r)
	}
	return d, rows.Err()
}
