package orders

import (
	"context"
	"database/sql"
	"fmt"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/store"
)

// line is an order line as the stock steps need it.
type line struct {
	id, product, title, location string
	qty, unitPrice               int64
	preorder                     bool
	position                     int
}

func loadLines(q interface {
	Query(string, ...any) (*sql.Rows, error)
}, orderID string) ([]line, error) {
	rows, err := q.Query(`SELECT id, product_id, title, location_id, qty, unit_price, preorder, position
		FROM order_lines WHERE order_id = ? AND deleted = 0 ORDER BY position, id`, orderID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []line
	for rows.Next() {
		var l line
		if err := rows.Scan(&l.id, &l.product, &l.title, &l.location, &l.qty, &l.unitPrice, &l.preorder, &l.position); err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

// stocked reports whether a line's goods come out of stock (pre-orders are bought for the
// customer and never enter stock).
func (l line) stocked() bool { return !l.preorder && l.product != "" }

// effects are the stock steps an event makes, in the event's transaction.
var effects = map[string]func(s *Service, tx *store.Tx, orderID string, lines []line, at string) error{
	Confirmed: (*Service).reserveLines,
	Cancelled: (*Service).releaseLines,
	Shipped:   (*Service).shipLines,
}

// TransitionInput is an event a person adds to an order.
type TransitionInput struct {
	OrderID string `json:"orderId"`
	To      string `json:"to"` // confirmed | allocated | bought | packed | shipped | delivered | completed | cancelled
	Note    string `json:"note"`
	At      string `json:"at"` // when it happened (RFC 3339); '' = now
}

// Transition adds an event to an order if its status allows it (else conflict
// order.transition), with its stock effects in the same transaction.
func (s *Service) Transition(ctx context.Context, in TransitionInput) (Detail, error) {
	if err := s.db.Write(ctx, func(tx *store.Tx) error { return s.TransitionTx(tx, "", in) }); err != nil {
		return Detail{}, err
	}
	return s.GetOrder(ctx, in.OrderID)
}

// reserveLines reserves every stocked line at its location, choosing (and recording) one by
// the allocation rule when the line has none. Nothing is written if any line is short.
func (s *Service) reserveLines(tx *store.Tx, orderID string, lines []line, at string) error {
	if len(lines) == 0 {
		return &domain.Error{Code: domain.EConflict, Field: "lines", Key: "order.lines.empty", Message: "the order has no lines"}
	}
	var zoneOverride, province string
	if err := tx.QueryRow(`SELECT zone_id, ship_province FROM orders WHERE id = ?`, orderID).Scan(&zoneOverride, &province); err != nil {
		return err
	}
	r, err := rules(tx)
	if err != nil {
		return err
	}
	zone := ZoneFor(r, zoneOverride, province)
	for i, l := range lines {
		if l.product == "" && !l.preorder {
			return &domain.Error{Code: domain.EConflict, Field: lineField(i, "productId"), Key: "order.line.unmatched",
				Message: fmt.Sprintf("line %d (%s) has no product yet", i+1, l.title), Params: map[string]any{"line": i + 1}}
		}
		if !l.stocked() {
			continue
		}
		loc := l.location
		if loc == "" {
			if loc, err = allocate(tx, l, zone); err != nil {
				return err
			}
			if loc == "" {
				avail, err := available(tx, l.product, "")
				if err != nil {
					return err
				}
				return shortError(i, l, avail)
			}
			if err := tx.Set("order_lines", l.id, store.Fields{"location_id": loc}); err != nil {
				return err
			}
		}
		if err := s.stock.Reserve(tx, StockMove{ProductID: l.product, LocationID: loc, Ref: l.id, Qty: l.qty, At: at,
			Note: "order"}); err != nil {
			if e := domain.AsError(err); e != nil && e.Code == domain.EConflict {
				avail, _ := available(tx, l.product, loc)
				return shortError(i, l, avail)
			}
			return err
		}
	}
	return nil
}

func shortError(i int, l line, avail int64) error {
	return &domain.Error{Code: domain.EConflict, Field: lineField(i, "qty"), Key: "order.line.stock",
		Message: fmt.Sprintf("line %d: not enough stock to reserve %d (%d available)", i+1, l.qty, avail),
		Params:  map[string]any{"line": i + 1, "qty": l.qty, "available": avail}}
}

// allocate picks the location for a line by PickLocation over the product's stock.
func allocate(tx *store.Tx, l line, zone string) (string, error) {
	rows, err := tx.Query(`SELECT sl.location_id, lo.zone_id, sum(sl.on_hand) - sum(sl.reserved)
		FROM stock_levels sl JOIN locations lo ON lo.id = sl.location_id
		WHERE sl.product_id = ? AND lo.deleted = 0 GROUP BY sl.location_id, lo.zone_id`, l.product)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var locs []LocationStock
	for rows.Next() {
		var ls LocationStock
		if err := rows.Scan(&ls.Location, &ls.Zone, &ls.Available); err != nil {
			return "", err
		}
		locs = append(locs, ls)
	}
	if err := rows.Err(); err != nil {
		return "", err
	}
	if i := PickLocation(locs, zone, l.qty); i >= 0 {
		return locs[i].Location, nil
	}
	return "", nil
}

// LocationStock is a product's available stock at one location.
type LocationStock struct {
	Location, Zone string
	Available      int64
}

// PickLocation is the allocation rule: the location of zone (if any) with the most available
// stock that covers qty, else any location that does (ties: the smaller location id). It
// returns the position in locs, or -1 when none can. The order importer runs it over its
// running simulation of the stock.
func PickLocation(locs []LocationStock, zone string, qty int64) int {
	for _, z := range []string{zone, ""} {
		best := -1
		for i, a := range locs {
			if (z != "" && a.Zone != z) || a.Available < qty {
				continue
			}
			if best < 0 || a.Available > locs[best].Available ||
				(a.Available == locs[best].Available && a.Location < locs[best].Location) {
				best = i
			}
		}
		if best >= 0 || z == "" {
			return best
		}
	}
	return -1
}

// available is a product's available stock at loc (” = everywhere).
func available(q querier, product, loc string) (int64, error) {
	var n int64
	err := q.QueryRow(`SELECT coalesce(sum(on_hand - reserved), 0) FROM stock_levels
		WHERE product_id = ? AND (? = '' OR location_id = ?)`, product, loc, loc).Scan(&n)
	return n, err
}

// reservation is what a line holds at one location, from its stock moves.
type reservation struct {
	product, location string
	qty               int64
}

// reservations reads a line's stock moves; the non-empty ref test lets SQLite use the partial index
// stock_moves_ref (a bound ref alone cannot prove the index covers it).
func reservations(tx *store.Tx, lineID string) ([]reservation, error) {
	rows, err := tx.Query(`SELECT product_id, location_id, sum(reserved) FROM stock_moves WHERE ref = ? AND ref <> ''
		GROUP BY product_id, location_id HAVING sum(reserved) > 0 ORDER BY location_id`, lineID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []reservation
	for rows.Next() {
		var r reservation
		if err := rows.Scan(&r.product, &r.location, &r.qty); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// eachReservation calls fn for what every line holds.
func eachReservation(tx *store.Tx, lines []line, fn func(l line, r reservation) error) error {
	for _, l := range lines {
		res, err := reservations(tx, l.id)
		if err != nil {
			return err
		}
		for _, r := range res {
			if err := fn(l, r); err != nil {
				return err
			}
		}
	}
	return nil
}

func (s *Service) releaseLines(tx *store.Tx, orderID string, lines []line, at string) error {
	return eachReservation(tx, lines, func(l line, r reservation) error {
		return s.stock.Release(tx, StockMove{ProductID: r.product, LocationID: r.location, Ref: l.id, Qty: r.qty, At: at, Note: "order cancelled"})
	})
}

func (s *Service) shipLines(tx *store.Tx, orderID string, lines []line, at string) error {
	return eachReservation(tx, lines, func(l line, r reservation) error {
		return s.stock.Ship(tx, StockMove{ProductID: r.product, LocationID: r.location, Ref: l.id, Qty: r.qty, At: at, Note: "order shipped"})
	})
}

// ShipLineTx takes qty of a line's reserved goods out of stock, from the locations holding
// them (a parcel with part of an order). moveID is the first stock move's derived id (further
// locations get -b, -c …), so the same parcel shipped on two laptops records one move. A line
// with nothing reserved (a pre-order, goods already shipped) moves nothing.
func (s *Service) ShipLineTx(tx *store.Tx, lineID string, qty int64, moveID, at string) error {
	res, err := reservations(tx, lineID)
	if err != nil {
		return err
	}
	for n, r := range res {
		if qty <= 0 {
			break
		}
		take := min(qty, r.qty)
		id := moveID
		if n > 0 && id != "" {
			id = fmt.Sprintf("%s-%c", moveID, 'a'+n)
		}
		if err := s.stock.Ship(tx, StockMove{ID: id, ProductID: r.product, LocationID: r.location, Ref: lineID, Qty: take,
			At: at, Note: "parcel shipped"}); err != nil {
			return err
		}
		qty -= take
	}
	return nil
}
