package stock

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/store"
)

// Move kinds. qty changes on-hand, reserved changes the reserved quantity.
const (
	Receive     = "receive"      // +qty: goods arrive
	Adjust      = "adjust"       // ±qty with a reason (damaged, lost, found, …)
	TransferOut = "transfer_out" // -qty at the source of a transfer
	TransferIn  = "transfer_in"  // +qty at its destination
	Count       = "count"        // ±qty: a stock-take sets on-hand to the counted figure
	Reserve     = "reserve"      // +reserved: held for an order
	Release     = "release"      // -reserved: an order no longer needs it
	Ship        = "ship"         // -qty and -reserved: reserved goods leave
	Return      = "return"       // +qty: goods come back
)

// AdjustReasons are the reasons the UI offers for an adjustment.
var AdjustReasons = []string{"damaged", "lost", "found", "expired", "gift", "sample", "correction", "other"}

// Service is the stock ledger over one store.
type Service struct{ db *store.DB }

// New returns the stock service.
func New(db *store.DB) *Service { return &Service{db: db} }

// Move is one stock ledger row with the names a person needs to read it.
type Move struct {
	ID           string `json:"id"`
	ProductID    string `json:"productId"`
	ProductName  string `json:"productName"`
	SKU          string `json:"sku"`
	LocationID   string `json:"locationId"`
	LocationName string `json:"locationName"`
	BatchID      string `json:"batchId"`
	BatchCode    string `json:"batchCode"`
	Kind         string `json:"kind"`
	Qty          int64  `json:"qty"`
	Reserved     int64  `json:"reserved"`
	UnitCost     int64  `json:"unitCost"`
	CostCurrency string `json:"costCurrency"`
	Reason       string `json:"reason"`
	Ref          string `json:"ref"`
	Note         string `json:"note"`
	At           string `json:"at"`
	Device       string `json:"device"`
}

// Level is on-hand, reserved and available stock.
type Level struct {
	OnHand    int64 `json:"onHand"`
	Reserved  int64 `json:"reserved"`
	Available int64 `json:"available"`
}

// move is what the service writes; check runs before it is added.
type move struct {
	id                             string // '' = a new id
	product, location, batch, kind string
	qty, reserved                  int64
	unitCost                       int64
	costCurrency                   string
	reason, ref, note, at          string
}

// addMove adds m to the ledger. Goods leaving without a named batch are taken first-expiry-
// first-out from the location's batches (unbatched stock last), one ledger row per batch, so
// batch balances and expiry lists stay true; a reservation being used up is released on the
// unbatched row where reservations are kept. It returns the id of the first row.
func addMove(tx *store.Tx, m move) (string, error) {
	if m.at != "" {
		if _, err := time.Parse(time.RFC3339, m.at); err != nil {
			return "", domain.Invalid("at", "stock.at.format", "the date must be RFC 3339, e.g. 2026-03-01T10:00:00Z", nil)
		}
	}
	if m.batch != "" || m.qty >= 0 {
		return addOne(tx, m)
	}
	pieces, err := fefo(tx, m)
	if err != nil {
		return "", err
	}
	first := ""
	for n, p := range pieces {
		if p.id != "" && n > 0 {
			p.id = fmt.Sprintf("%s-%d", m.id, n+1)
		}
		id, err := addOne(tx, p)
		if err != nil {
			return "", err
		}
		if first == "" {
			first = id
		}
	}
	return first, nil
}

// lot is the on-hand stock of one batch ("" = unbatched) at a location.
type lot struct {
	batch string
	qty   int64
}

// fefo splits an outgoing move without a batch over the batches on hand at its location.
func fefo(tx *store.Tx, m move) ([]move, error) {
	rows, err := tx.Query(`SELECT sl.batch_id, sl.on_hand FROM stock_levels sl LEFT JOIN batches b ON b.id = sl.batch_id
		WHERE sl.product_id = ? AND sl.location_id = ? AND sl.on_hand > 0
		ORDER BY `+fefoOrder, m.product, m.location)
	if err != nil {
		return nil, err
	}
	var stock []lot
	for rows.Next() {
		var a lot
		if err := rows.Scan(&a.batch, &a.qty); err != nil {
			rows.Close()
			return nil, err
		}
		stock = append(stock, a)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return splitFEFO(m, stock), nil
}

// fefoOrder orders stock_levels sl (joined with batches b) first expiry first, batches
// without an expiry next and unbatched stock last.
const fefoOrder = `sl.batch_id = '', coalesce(b.expiry, '') = '', b.expiry, sl.batch_id`

// splitFEFO splits m, goods leaving without a batch, over stock (the location's lots on hand
// in fefoOrder): one piece per lot taken, and first a piece releasing m's reservation.
func splitFEFO(m move, stock []lot) []move {
	var pieces []move
	if m.reserved != 0 { // release the reservation first, so the pieces below see it gone
		r := m
		r.qty, r.batch = 0, ""
		pieces = append(pieces, r)
		m.reserved = 0
	}
	need := -m.qty
	for _, a := range stock {
		if need == 0 {
			break
		}
		if a.qty <= 0 {
			continue
		}
		take := min(a.qty, need)
		p := m
		p.batch, p.qty = a.batch, -take
		pieces = append(pieces, p)
		need -= take
	}
	if need > 0 { // not enough: let the check on the unbatched row refuse it
		p := m
		p.batch, p.qty = "", -need
		pieces = append(pieces, p)
	}
	// unbatched goods leaving against a reservation are one row, as without batches
	if len(pieces) >= 2 && pieces[0].qty == 0 && pieces[1].batch == "" {
		pieces[1].reserved = pieces[0].reserved
		pieces = pieces[1:]
	}
	return pieces
}

// addOne checks that product and location exist and that the move leaves neither on-hand nor
// available stock negative, then adds it to the ledger.
func addOne(tx *store.Tx, m move) (string, error) {
	if err := tx.Live("products", "product", m.product); err != nil {
		return "", err
	}
	if err := tx.Live("locations", "location", m.location); err != nil {
		return "", err
	}
	if m.batch != "" {
		// the batch must be one of this product's: another product's batch would mix two
		// products' stock under one batch (expiry lists sum stock by batch)
		var n int
		if err := tx.QueryRow(`SELECT count(*) FROM batches WHERE id = ? AND product_id = ? AND deleted = 0`,
			m.batch, m.product).Scan(&n); err != nil {
			return "", err
		}
		if n == 0 {
			return "", domain.NotFound("batch", m.batch)
		}
	}
	var onHand, reserved, batchOnHand int64
	if err := tx.QueryRow(`SELECT coalesce(sum(on_hand), 0), coalesce(sum(reserved), 0) FROM stock_levels
		WHERE product_id = ? AND location_id = ?`, m.product, m.location).Scan(&onHand, &reserved); err != nil {
		return "", err
	}
	if m.qty < 0 {
		tx.QueryRow(`SELECT coalesce(on_hand, 0) FROM stock_levels WHERE product_id = ? AND location_id = ? AND batch_id = ?`,
			m.product, m.location, m.batch).Scan(&batchOnHand)
	}
	if err := checkLevels(m, onHand, reserved, batchOnHand); err != nil {
		return "", err
	}
	id := m.id
	if id == "" {
		id = domain.NewID()
	}
	return id, tx.Add("stock_moves", id, m.fields(tx.Device()))
}

// checkLevels refuses m when it would leave the location's on-hand (onHand) or available
// stock (onHand − reserved) negative, release more than is reserved, or take more of its
// batch than the batch has there (batchOnHand, read for outgoing moves only).
func checkLevels(m move, onHand, reserved, batchOnHand int64) error {
	if onHand+m.qty < 0 || (onHand+m.qty)-(reserved+m.reserved) < 0 && (m.qty < 0 || m.reserved > 0) {
		return &domain.Error{Code: domain.EConflict, Field: "qty", Key: "stock.notEnough",
			Message: fmt.Sprintf("not enough stock: %d on hand, %d reserved, %d available at this location",
				onHand, reserved, onHand-reserved),
			Params: map[string]any{"onHand": onHand, "reserved": reserved, "available": onHand - reserved}}
	}
	if reserved+m.reserved < 0 {
		return &domain.Error{Code: domain.EConflict, Field: "qty", Key: "stock.notReserved",
			Message: fmt.Sprintf("only %d reserved at this location", reserved), Params: map[string]any{"reserved": reserved}}
	}
	if m.qty < 0 && batchOnHand+m.qty < 0 {
		return &domain.Error{Code: domain.EConflict, Field: "qty", Key: "stock.batchNotEnough",
			Message: fmt.Sprintf("only %d of this batch on hand here", batchOnHand), Params: map[string]any{"onHand": batchOnHand}}
	}
	return nil
}

// fields are the ledger row of m, written by device (the time defaults to now).
func (m move) fields(device string) store.Fields {
	if m.at == "" {
		m.at = time.Now().UTC().Format(time.RFC3339)
	}
	return store.Fields{
		"product_id": m.product, "location_id": m.location, "batch_id": m.batch, "kind": m.kind,
		"qty": m.qty, "reserved": m.reserved, "unit_cost": m.unitCost, "cost_currency": m.costCurrency,
		"reason": m.reason, "ref": m.ref, "note": m.note, "at": m.at, "device": device,
	}
}

func positive(qty int64) error {
	if qty <= 0 {
		return domain.Invalid("qty", "stock.qty.positive", fmt.Sprintf("quantity must be more than 0, got %d", qty), nil)
	}
	return nil
}

// ReceiveInput is goods arriving at a location, optionally as a batch with an expiry date.
type ReceiveInput struct {
	ProductID    string `json:"productId"`
	LocationID   string `json:"locationId"`
	Qty          int64  `json:"qty"`
	BatchCode    string `json:"batchCode"`
	Expiry       string `json:"expiry"` // YYYY-MM-DD
	UnitCost     int64  `json:"unitCost"`
	CostCurrency string `json:"costCurrency"`
	Ref          string `json:"ref"`
	Note         string `json:"note"`
	At           string `json:"at"`
	// ID is the stock move's id when the caller derives it (the same receipt made on two
	// laptops is then one move); '' = a new id.
	ID string `json:"-"`
}

// Receive books goods in. A batch code or expiry date makes (or reuses) a batch of the product.
func (s *Service) Receive(ctx context.Context, in ReceiveInput) (string, error) {
	var id string
	err := s.db.Write(ctx, func(tx *store.Tx) (err error) {
		id, err = s.ReceiveTx(tx, in)
		return err
	})
	return id, err
}

// ReceiveTx is Receive inside the caller's transaction (purchasing books goods in with the
// receipt or purchase that brought them).
func (s *Service) ReceiveTx(tx *store.Tx, in ReceiveInput) (string, error) {
	if err := positive(in.Qty); err != nil {
		return "", err
	}
	if in.Expiry != "" {
		if _, err := time.Parse("2006-01-02", in.Expiry); err != nil {
			return "", domain.Invalid("expiry", "stock.expiry.format", "expiry must be a date YYYY-MM-DD", nil)
		}
	}
	if in.UnitCost < 0 {
		return "", domain.Invalid("unitCost", "product.money.negative", "unit cost may not be negative", nil)
	}
	if in.CostCurrency != "" && !domain.ValidCurrency(in.CostCurrency) {
		return "", domain.Invalid("costCurrency", "product.currency.unknown", "unknown currency "+in.CostCurrency, nil)
	}
	batch, err := ensureBatch(tx, in.ProductID, strings.TrimSpace(in.BatchCode), in.Expiry)
	if err != nil {
		return "", err
	}
	return addMove(tx, move{id: in.ID, product: in.ProductID, location: in.LocationID, batch: batch, kind: Receive,
		qty: in.Qty, unitCost: in.UnitCost, costCurrency: in.CostCurrency, ref: in.Ref, note: in.Note, at: in.At})
}

// ensureBatch returns the batch of product with code/expiry, creating it when new. No code
// and no expiry means no batch.
func ensureBatch(tx *store.Tx, product, code, expiry string) (string, error) {
	if code == "" && expiry == "" {
		return "", nil
	}
	var id string
	err := tx.QueryRow(`SELECT id FROM batches WHERE product_id = ? AND code = ? AND expiry = ? AND deleted = 0`,
		product, code, expiry).Scan(&id)
	if err == nil {
		return id, nil
	} else if err != sql.ErrNoRows {
		return "", err
	}
	id = domain.DerivedID("batch", product, code, expiry)
	return id, tx.Set("batches", id, store.Fields{"product_id": product, "code": code, "expiry": expiry,
		"created_at": time.Now().UTC().Format(time.RFC3339), "deleted": false})
}

// AdjustInput corrects on-hand stock by Delta for a reason.
type AdjustInput struct {
	ProductID  string `json:"productId"`
	LocationID string `json:"locationId"`
	BatchID    string `json:"batchId"`
	Delta      int64  `json:"delta"`
	Reason     string `json:"reason"`
	Ref        string `json:"ref"` // the document that made it ('' for a correction by hand)
	Note       string `json:"note"`
	At         string `json:"at"` // when it happened (RFC 3339); empty = now
}

// Adjust books a correction with a reason.
func (s *Service) Adjust(ctx context.Context, in AdjustInput) (string, error) {
	var id string
	err := s.db.Write(ctx, func(tx *store.Tx) (err error) {
		id, err = s.AdjustTx(tx, in)
		return err
	})
	return id, err
}

// AdjustTx is Adjust inside the caller's transaction (purchasing takes back the goods of a
// purchase that is undone).
func (s *Service) AdjustTx(tx *store.Tx, in AdjustInput) (string, error) {
	if in.Delta == 0 {
		return "", domain.Invalid("delta", "stock.delta.zero", "the adjustment must not be 0", nil)
	}
	if !contains(AdjustReasons, in.Reason) {
		return "", domain.Invalid("reason", "stock.reason.required", "choose a reason for the adjustment", nil)
	}
	return addMove(tx, move{product: in.ProductID, location: in.LocationID, batch: in.BatchID, kind: Adjust,
		qty: in.Delta, reason: in.Reason, ref: in.Ref, note: in.Note, at: in.At})
}

// TransferInput moves Qty of a product from one location to another.
type TransferInput struct {
	ProductID string `json:"productId"`
	From      string `json:"from"`
	To        string `json:"to"`
	BatchID   string `json:"batchId"`
	Qty       int64  `json:"qty"`
	Note      string `json:"note"`
	At        string `json:"at"` // when it happened (RFC 3339); empty = now
}

// Transfer moves stock between locations as pairs of ledger rows sharing a reference. Without
// a named batch the goods leave first-expiry-first-out and arrive in the same batches.
func (s *Service) Transfer(ctx context.Context, in TransferInput) error {
	if err := positive(in.Qty); err != nil {
		return err
	}
	if in.From == in.To {
		return domain.Invalid("to", "stock.transfer.same", "source and destination are the same location", nil)
	}
	ref := "transfer:" + domain.NewID()
	return s.db.Write(ctx, func(tx *store.Tx) error {
		if err := tx.Live("locations", "location", in.To); err != nil {
			return err
		}
		out := move{product: in.ProductID, location: in.From, batch: in.BatchID, kind: TransferOut,
			qty: -in.Qty, ref: ref, note: in.Note, at: in.At}
		pieces := []move{out}
		if in.BatchID == "" {
			var err error
			if pieces, err = fefo(tx, out); err != nil {
				return err
			}
		}
		for _, p := range pieces {
			if _, err := addMove(tx, p); err != nil {
				return err
			}
			p.location, p.kind, p.qty = in.To, TransferIn, -p.qty
			if _, err := addMove(tx, p); err != nil {
				return err
			}
		}
		return nil
	})
}

// CountLine is one counted product (and batch) at the stock-take's location.
type CountLine struct {
	ProductID string `json:"productId"`
	BatchID   string `json:"batchId"`
	Counted   int64  `json:"counted"`
}

// CountInput is a stock-take of one location.
type CountInput struct {
	LocationID string      `json:"locationId"`
	Lines      []CountLine `json:"lines"`
	Note       string      `json:"note"`
	At         string      `json:"at"` // when the count was made (RFC 3339); empty = now
}

// CountResult says what a stock-take changed.
type CountResult struct {
	Lines   int `json:"lines"`
	Changed int `json:"changed"`
}

// StockTake sets on-hand at a location to the counted figures, in one transaction: each
// line that differs becomes a count move of the difference. Every line is checked first; a
// bad line stops the whole count.
func (s *Service) StockTake(ctx context.Context, in CountInput) (CountResult, error) {
	res := CountResult{Lines: len(in.Lines)}
	if len(in.Lines) == 0 {
		return res, domain.Invalid("lines", "stock.count.empty", "the stock-take has no lines", nil)
	}
	seen := map[[2]string]int{}
	for i, l := range in.Lines {
		if l.Counted < 0 {
			return res, domain.Invalid("counted", "stock.count.negative",
				fmt.Sprintf("line %d: counted quantity may not be negative", i+1), map[string]any{"line": i + 1})
		}
		key := [2]string{l.ProductID, l.BatchID}
		if first, dup := seen[key]; dup {
			return res, domain.Invalid("lines", "stock.count.duplicate",
				fmt.Sprintf("line %d counts the same product as line %d", i+1, first), map[string]any{"line": i + 1, "first": first})
		}
		seen[key] = i + 1
	}
	ref := "count:" + domain.NewID()
	err := s.db.Write(ctx, func(tx *store.Tx) error {
		if err := tx.Live("locations", "location", in.LocationID); err != nil {
			return err
		}
		for _, l := range in.Lines {
			var onHand int64
			err := tx.QueryRow(`SELECT on_hand FROM stock_levels WHERE product_id = ? AND location_id = ? AND batch_id = ?`,
				l.ProductID, in.LocationID, l.BatchID).Scan(&onHand)
			if err != nil && err != sql.ErrNoRows {
				return err
			}
			if l.Counted == onHand {
				continue
			}
			// a count line names its batch ("" = the unbatched stock): never split it FEFO
			if _, err := addOne(tx, move{product: l.ProductID, location: in.LocationID, batch: l.BatchID, kind: Count,
				qty: l.Counted - onHand, ref: ref, note: in.Note, at: in.At, reason: fmt.Sprintf("counted %d", l.Counted)}); err != nil {
				return fmt.Errorf("product %s: %w", l.ProductID, err)
			}
			res.Changed++
		}
		return nil
	})
	return res, err
}

// QtyInput is a quantity of a product at a location tied to a document (an order line).
type QtyInput struct {
	ID         string `json:"-"` // the move's id when derived ('' = new); pieces of a split move get ID-2, ID-3 …
	ProductID  string `json:"productId"`
	LocationID string `json:"locationId"`
	BatchID    string `json:"batchId"`
	Qty        int64  `json:"qty"`
	Ref        string `json:"ref"`
	Note       string `json:"note"`
	At         string `json:"at"` // when it happened (RFC 3339); empty = now
}

// Reserve holds stock for a document; available stock may not go below zero.
func (s *Service) Reserve(ctx context.Context, in QtyInput) (string, error) {
	return s.simple(ctx, s.ReserveTx, in)
}

// ReleaseReservation gives reserved stock back to available.
func (s *Service) ReleaseReservation(ctx context.Context, in QtyInput) (string, error) {
	return s.simple(ctx, s.ReleaseTx, in)
}

// Ship takes reserved stock out.
func (s *Service) Ship(ctx context.Context, in QtyInput) (string, error) {
	return s.simple(ctx, s.ShipTx, in)
}

// ReturnGoods books goods back in.
func (s *Service) ReturnGoods(ctx context.Context, in QtyInput) (string, error) {
	return s.simple(ctx, s.ReturnTx, in)
}

// ReserveTx is Reserve inside the caller's transaction, so another service (orders) can
// reserve stock in the same transaction as its own change: both commit or neither does.
func (s *Service) ReserveTx(tx *store.Tx, in QtyInput) (string, error) {
	return qtyMove(tx, Reserve, in, 0, +1)
}

// ReleaseTx is ReleaseReservation inside the caller's transaction.
func (s *Service) ReleaseTx(tx *store.Tx, in QtyInput) (string, error) {
	return qtyMove(tx, Release, in, 0, -1)
}

// ShipTx is Ship inside the caller's transaction.
func (s *Service) ShipTx(tx *store.Tx, in QtyInput) (string, error) {
	return qtyMove(tx, Ship, in, -1, -1)
}

// ReturnTx is ReturnGoods inside the caller's transaction.
func (s *Service) ReturnTx(tx *store.Tx, in QtyInput) (string, error) {
	return qtyMove(tx, Return, in, +1, 0)
}

func (s *Service) simple(ctx context.Context, fn func(*store.Tx, QtyInput) (string, error), in QtyInput) (string, error) {
	if err := positive(in.Qty); err != nil {
		return "", err
	}
	var id string
	err := s.db.Write(ctx, func(tx *store.Tx) (err error) {
		id, err = fn(tx, in)
		return err
	})
	return id, err
}

func qtyMove(tx *store.Tx, kind string, in QtyInput, qtySign, resSign int64) (string, error) {
	if err := positive(in.Qty); err != nil {
		return "", err
	}
	return addMove(tx, move{id: in.ID, product: in.ProductID, location: in.LocationID, batch: in.BatchID, kind: kind,
		qty: qtySign * in.Qty, reserved: resSign * in.Qty, ref: in.Ref, note: in.Note, at: in.At})
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
