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

// BuyInput is an item the buyer ticks off as bought.
type BuyInput struct {
	TripID       string `json:"tripId"`
	ProductID    string `json:"productId"`    // what was bought
	ForProductID string `json:"forProductId"` // a substitute: the product the customers asked for
	Qty          int64  `json:"qty"`
	UnitPrice    int64  `json:"unitPrice"` // minor units of Currency, before discount
	Discount     int64  `json:"discount"`  // off the whole purchase, minor units of Currency
	Currency     string `json:"currency"`  // '' = the trip's
	PaidWith     string `json:"paidWith"`  // card | cash
	Rate         string `json:"rate"`      // '' = the trip's card or cash rate, else the kept rate of the day
	SupplierID   string `json:"supplierId"`
	Store        string `json:"store"` // a store not in the supplier list
	TaxFree      bool   `json:"taxFree"`
	Receipt      string `json:"receipt"`   // blob hash of the receipt photo
	BatchCode    string `json:"batchCode"` // of the goods that go into stock
	Expiry       string `json:"expiry"`    // YYYY-MM-DD, of the goods that go into stock
	Note         string `json:"note"`
	At           string `json:"at"` // RFC 3339; '' = now
}

// Fill is goods of a purchase given to a customer's pre-order line.
type Fill struct {
	OrderID     string `json:"orderId"`
	OrderNumber string `json:"orderNumber"`
	LineID      string `json:"lineId"`
	Qty         int64  `json:"qty"`
}

// BuyResult says where the goods of a purchase went.
type BuyResult struct {
	BuyID   string `json:"buyId"`
	Fills   []Fill `json:"fills"`
	ToStock int64  `json:"toStock"`
}

func validBlob(h string) bool {
	if len(h) != 64 {
		return false
	}
	for _, c := range h {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}

func (in *BuyInput) validate() error {
	p := &domain.Problems{}
	if in.ProductID == "" {
		p.Add(domain.Invalid("productId", "form.required", "choose the product", map[string]any{"field": "productId"}))
	}
	if in.Qty <= 0 {
		p.Add(domain.Invalid("qty", "purchase.qty.positive", "the quantity must be more than 0", nil))
	}
	if in.UnitPrice < 0 {
		p.Add(domain.Invalid("unitPrice", "product.money.negative", "the price may not be negative", nil))
	}
	if in.Discount < 0 || in.Discount > in.Qty*in.UnitPrice {
		p.Add(domain.Invalid("discount", "purchase.discount.range", "the discount is between 0 and the price of the goods", nil))
	}
	if in.PaidWith != "card" && in.PaidWith != "cash" {
		p.Add(domain.Invalid("paidWith", "purchase.paidWith", "paid by card or in cash?", nil))
	}
	if in.Currency != "" {
		checkCurrency(p, "currency", in.Currency)
	}
	checkRate(p, "rate", in.Rate, true)
	if in.Receipt != "" && !validBlob(in.Receipt) {
		p.Add(domain.Invalid("receipt", "blob.badHash", "invalid photo id", nil))
	}
	checkText(p, "store", in.Store, 100, false)
	checkText(p, "batchCode", in.BatchCode, 64, false)
	checkDate(p, "expiry", in.Expiry, true)
	checkText(p, "note", in.Note, 500, false)
	if in.ForProductID == in.ProductID {
		in.ForProductID = ""
	}
	return p.Err()
}

// openTrip loads a trip that can still be ticked.
func openTrip(tx *store.Tx, id string) (Trip, error) {
	t, err := getTrip(tx, id)
	if err != nil {
		return t, err
	}
	if t.Closed {
		return t, &domain.Error{Code: domain.EConflict, Key: "trip.closed", Message: "the trip is closed: open it again to change it"}
	}
	return t, nil
}

// Buy records goods bought on a trip: they fill the open pre-order lines of the product
// (earliest due, then earliest order) and the rest goes into stock at the trip's location,
// all in one transaction.
func (s *Service) Buy(ctx context.Context, in BuyInput) (BuyResult, error) {
	in.Currency = strings.ToUpper(strings.TrimSpace(in.Currency))
	in.Rate = strings.TrimSpace(in.Rate)
	if in.At == "" {
		in.At = s.now().UTC().Format(time.RFC3339)
	} else if _, err := time.Parse(time.RFC3339, in.At); err != nil {
		return BuyResult{}, domain.Invalid("at", "order.time.format", "the time must be RFC 3339, e.g. 2026-03-01T10:00:00Z", nil)
	}
	if err := in.validate(); err != nil {
		return BuyResult{}, err
	}
	var res BuyResult
	err := s.db.Write(ctx, func(tx *store.Tx) error {
		trip, err := openTrip(tx, in.TripID)
		if err != nil {
			return err
		}
		if err := tx.Live("products", "product", in.ProductID); err != nil {
			return withField(err, "productId")
		}
		want := in.ProductID
		if in.ForProductID != "" {
			if err := tx.Live("products", "product", in.ForProductID); err != nil {
				return withField(err, "forProductId")
			}
			want = in.ForProductID
		}
		if in.SupplierID != "" {
			if err := tx.Live("suppliers", "supplier", in.SupplierID); err != nil {
				return withField(err, "supplierId")
			}
		}
		if in.Currency == "" {
			in.Currency = trip.Currency
		}
		if in.Rate == "" {
			if in.Rate, err = tripRate(tx, trip, in.Currency, in.PaidWith, in.At); err != nil {
				return err
			}
		}
		res.BuyID = domain.NewID()
		left := in.Qty
		open, err := openLines(tx, want)
		if err != nil {
			return err
		}
		for _, l := range open {
			if left == 0 {
				break
			}
			n := min(left, l.open)
			if err := tx.Add("preorder_fills", domain.NewID(), store.Fields{"line_id": l.id, "order_id": l.order,
				"buy_id": res.BuyID, "qty": n, "at": in.At, "device": tx.Device()}); err != nil {
				return err
			}
			res.Fills = append(res.Fills, Fill{OrderID: l.order, OrderNumber: l.number, LineID: l.id, Qty: n})
			left -= n
		}
		res.ToStock = left
		if left > 0 {
			if trip.LocationID == "" {
				return noStockLocation(left)
			}
			base, err := money.BaseCurrency(tx)
			if err != nil {
				return err
			}
			unit := domain.ConvertAt(in.Qty*in.UnitPrice-in.Discount, in.Currency, in.Rate, base)
			unit = perUnit(unit, in.Qty)
			if _, _, err := s.stock.Receive(tx, StockIn{ProductID: in.ProductID, LocationID: trip.LocationID, Qty: left,
				UnitCost: unit, CostCurrency: base, BatchCode: in.BatchCode, Expiry: in.Expiry, Ref: res.BuyID,
				Note: trip.Name, At: in.At}); err != nil {
				return err
			}
		}
		if err := linkBought(tx, in.SupplierID, in.ProductID); err != nil {
			return err
		}
		return tx.Add("trip_buys", res.BuyID, store.Fields{"trip_id": in.TripID, "kind": "bought",
			"product_id": in.ProductID, "for_product_id": in.ForProductID, "qty": in.Qty, "unit_price": in.UnitPrice,
			"discount": in.Discount, "currency": in.Currency, "rate": in.Rate, "paid_with": in.PaidWith,
			"supplier_id": in.SupplierID, "store": strings.TrimSpace(in.Store), "tax_free": in.TaxFree,
			"receipt": in.Receipt, "to_stock": left, "note": in.Note, "at": in.At, "device": tx.Device()})
	})
	if res.Fills == nil {
		res.Fills = []Fill{}
	}
	return res, err
}

// noStockLocation refuses qty units for stock on a trip that has no location for them.
func noStockLocation(qty int64) error {
	return &domain.Error{Code: domain.EConflict, Key: "trip.location.required",
		Message: fmt.Sprintf("%d are for stock: choose on the trip where goods for stock are kept", qty),
		Params:  map[string]any{"qty": qty}}
}

// tripRate is the rate of a purchase: the trip's card or cash rate for its own currency,
// else the kept rate of the day.
func tripRate(q querier, t Trip, cur, paidWith, at string) (string, error) {
	if cur == t.Currency {
		if paidWith == "cash" && t.CashRate != "" {
			return t.CashRate, nil
		}
		if t.CardRate != "" {
			return t.CardRate, nil
		}
		if t.CashRate != "" {
			return t.CashRate, nil
		}
	}
	rate, err := money.RateOn(q, cur, at)
	if e := domain.AsError(err); e != nil {
		c := *e
		c.Field, c.Key = "rate", "trip.rate.missing"
		c.Message = "no rate for " + cur + ": enter the rate, or set the trip's card and cash rates"
		return "", &c
	}
	return rate, err
}

// openLine is a pre-order line still waiting for goods.
type openLine struct {
	id, order, number string
	open              int64
}

// openLines lists the unfilled pre-order lines of a product in open orders, in the order
// they are served: due date first (orders without one last), then the oldest order.
func openLines(q querier, product string) ([]openLine, error) {
	rows, err := q.Query(`SELECT l.id, l.order_id, o.number,
			l.qty - coalesce((SELECT sum(f.qty) FROM preorder_fills f WHERE f.line_id = l.id), 0) AS open
		FROM order_lines l INDEXED BY order_lines_preorder
		JOIN order_status s ON s.order_id = l.order_id JOIN orders o ON o.id = l.order_id
		WHERE l.product_id = ? AND l.preorder = 1 AND l.deleted = 0 AND s.deleted = 0 AND s.rank BETWEEN 10 AND 40
		ORDER BY o.due_date = '', o.due_date, o.ordered_at, o.id, l.position, l.id`, product)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []openLine
	for rows.Next() {
		var l openLine
		if err := rows.Scan(&l.id, &l.order, &l.number, &l.open); err != nil {
			return nil, err
		}
		if l.open > 0 {
			out = append(out, l)
		}
	}
	return out, rows.Err()
}

// NotFoundInput marks a product the buyer could not find on a trip.
type NotFoundInput struct {
	TripID    string `json:"tripId"`
	ProductID string `json:"productId"`
	Note      string `json:"note"`
	At        string `json:"at"`
}

// MarkNotFound records that a product was not found on a trip. The orders waiting for it
// show in the trip summary with the deposit to refund.
func (s *Service) MarkNotFound(ctx context.Context, in NotFoundInput) (string, error) {
	if in.At == "" {
		in.At = s.now().UTC().Format(time.RFC3339)
	}
	p := &domain.Problems{}
	checkText(p, "note", in.Note, 500, false)
	if err := p.Err(); err != nil {
		return "", err
	}
	id := domain.NewID()
	err := s.db.Write(ctx, func(tx *store.Tx) error {
		if _, err := openTrip(tx, in.TripID); err != nil {
			return err
		}
		if err := tx.Live("products", "product", in.ProductID); err != nil {
			return err
		}
		var open int64
		lines, err := openLines(tx, in.ProductID)
		if err != nil {
			return err
		}
		for _, l := range lines {
			open += l.open
		}
		return tx.Add("trip_buys", id, store.Fields{"trip_id": in.TripID, "kind": "not_found", "product_id": in.ProductID,
			"qty": open, "note": in.Note, "at": in.At, "device": tx.Device()})
	})
	return id, err
}

// Undo takes back a tick (bought or not found) made by mistake: the negative rows of its
// fills and of its goods in stock, in one transaction. Goods already packed or shipped for an
// order, or stock already used, cannot be taken back.
func (s *Service) Undo(ctx context.Context, buyID string) error {
	return s.db.Write(ctx, func(tx *store.Tx) error {
		var b struct {
			trip, kind, product, forProduct, cur, rate, paidWith string
			qty, price, discount, toStock                        int64
		}
		err := tx.QueryRow(`SELECT trip_id, kind, product_id, for_product_id, currency, rate, paid_with, qty, unit_price,
			discount, to_stock FROM trip_buys WHERE id = ?`, buyID).Scan(&b.trip, &b.kind, &b.product, &b.forProduct,
			&b.cur, &b.rate, &b.paidWith, &b.qty, &b.price, &b.discount, &b.toStock)
		if err == sql.ErrNoRows || err == nil && b.kind == "undo" {
			return domain.NotFound("purchase", buyID)
		} else if err != nil {
			return err
		}
		var undone int
		if err := tx.QueryRow(`SELECT count(*) FROM trip_buys WHERE undoes = ?`, buyID).Scan(&undone); err != nil {
			return err
		}
		if undone > 0 {
			return &domain.Error{Code: domain.EConflict, Key: "trip.undo.done", Message: "this was already undone"}
		}
		trip, err := openTrip(tx, b.trip)
		if err != nil {
			return err
		}
		at := s.now().UTC().Format(time.RFC3339)
		undo := domain.DerivedID("undo", buyID) // two laptops undoing the same tick make one row
		f := store.Fields{"trip_id": b.trip, "kind": "undo", "product_id": b.product, "for_product_id": b.forProduct,
			"undoes": buyID, "at": at, "device": tx.Device()}
		if b.kind == "bought" {
			f["qty"], f["unit_price"], f["discount"], f["to_stock"] = -b.qty, b.price, -b.discount, -b.toStock
			f["currency"], f["rate"], f["paid_with"] = b.cur, b.rate, b.paidWith
			if err := s.unfill(tx, buyID, at); err != nil {
				return err
			}
			if b.toStock > 0 {
				var batch string
				if err := tx.QueryRow(`SELECT batch_id FROM stock_moves WHERE ref = ? AND kind = 'receive' LIMIT 1`, buyID).
					Scan(&batch); err != nil && err != sql.ErrNoRows {
					return err
				}
				if err := s.stock.TakeBack(tx, StockOut{ProductID: b.product, LocationID: trip.LocationID, BatchID: batch,
					Qty: b.toStock, Ref: buyID, Note: trip.Name, At: at}); err != nil {
					return err
				}
			}
		}
		return tx.Add("trip_buys", undo, f)
	})
}

// unfill adds the negative row of every fill of a purchase, refusing when an order it filled
// has moved past allocated (its goods are packed or gone).
func (s *Service) unfill(tx *store.Tx, buyID, at string) error {
	rows, err := tx.Query(`SELECT f.id, f.line_id, f.order_id, f.qty, coalesce(o.number, ''), coalesce(s.rank, 0)
		FROM preorder_fills f LEFT JOIN orders o ON o.id = f.order_id LEFT JOIN order_status s ON s.order_id = f.order_id
		WHERE f.buy_id = ? AND f.qty > 0`, buyID)
	if err != nil {
		return err
	}
	type fill struct {
		id, line, order, number string
		qty                     int64
		rank                    int
	}
	var fills []fill
	for rows.Next() {
		var f fill
		if err := rows.Scan(&f.id, &f.line, &f.order, &f.qty, &f.number, &f.rank); err != nil {
			rows.Close()
			return err
		}
		fills = append(fills, f)
	}
	rows.Close()
	for _, f := range fills {
		if f.rank > 40 && f.rank < 100 {
			return &domain.Error{Code: domain.EConflict, Key: "trip.undo.packed",
				Message: fmt.Sprintf("the goods are already with order %s: take them back there first", f.number),
				Params:  map[string]any{"order": f.number}}
		}
		if err := tx.Add("preorder_fills", domain.DerivedID("unfill", f.id), store.Fields{"line_id": f.line,
			"order_id": f.order, "buy_id": buyID, "qty": -f.qty, "at": at, "device": tx.Device()}); err != nil {
			return err
		}
	}
	return nil
}

// BookSurplus books the goods a pre-order line got beyond its quantity (two buyers ticked it
// on two laptops) into stock at the trip's location: the negative fill and the stock receipt.
func (s *Service) BookSurplus(ctx context.Context, tripID, lineID string) error {
	return s.db.Write(ctx, func(tx *store.Tx) error {
		trip, err := openTrip(tx, tripID)
		if err != nil {
			return err
		}
		var qty, filled int64
		var order, product, buy string
		err = tx.QueryRow(`SELECT l.qty, l.order_id, l.product_id,
				coalesce((SELECT sum(f.qty) FROM preorder_fills f WHERE f.line_id = l.id), 0),
				coalesce((SELECT f.buy_id FROM preorder_fills f JOIN trip_buys b ON b.id = f.buy_id
					WHERE f.line_id = l.id AND b.trip_id = ? AND f.qty > 0 ORDER BY f._hlc DESC LIMIT 1), '')
			FROM order_lines l WHERE l.id = ?`, tripID, lineID).Scan(&qty, &order, &product, &filled, &buy)
		if err == sql.ErrNoRows {
			return domain.NotFound("order line", lineID)
		} else if err != nil {
			return err
		}
		extra := filled - qty
		if extra <= 0 || buy == "" {
			return &domain.Error{Code: domain.EConflict, Key: "trip.surplus.none", Message: "this line has no goods beyond its quantity"}
		}
		if trip.LocationID == "" {
			return noStockLocation(extra)
		}
		at := s.now().UTC().Format(time.RFC3339)
		// derived from the fills seen, so the same surplus booked on two laptops is one fill row
		// and one stock move
		id := domain.DerivedID("surplus", lineID, fmt.Sprint(filled))
		if err := tx.Add("preorder_fills", id, store.Fields{"line_id": lineID, "order_id": order, "buy_id": buy,
			"qty": -extra, "at": at, "device": tx.Device()}); err != nil {
			return err
		}
		_, _, err = s.stock.Receive(tx, StockIn{MoveID: domain.DerivedID("surplus_stock", id), ProductID: product,
			LocationID: trip.LocationID, Qty: extra, Ref: id, Note: trip.Name, At: at})
		return err
	})
}
