package stock

import (
	"encoding/json"
	"time"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/store"
)

// BulkMove is one move of a bulk write: Reserve holds available stock for a document, Ship
// takes goods out that were not reserved first (an order imported as already shipped).
type BulkMove struct {
	Kind                                 string // Reserve or Ship
	ProductID, LocationID, Ref, Note, At string
	Qty                                  int64
}

// AddMovesTx checks and adds many moves in one go inside tx, as a large order import needs.
// Each move follows the rules it would follow alone (addMove): available stock never goes
// below zero, and goods leaving without a batch leave first-expiry-first-out. The stock of
// the moves' products is read once and followed in memory while the moves are checked in
// order; then every ledger row is added with one AddMany, and the stock levels by one sum
// per product, location and batch. The caller has checked that the products and locations
// exist. A refused move returns its error and nothing is added.
func AddMovesTx(tx *store.Tx, moves []BulkMove) error {
	if len(moves) == 0 {
		return nil
	}
	levels, err := loadLevels(tx, moves)
	if err != nil {
		return err
	}
	rows := make([]store.Row, 0, len(moves))
	device := tx.Device()
	type levelKey struct{ product, location, batch string }
	deltas := map[levelKey]*[2]int64{} // on hand and reserved, by product, location and batch
	for _, bm := range moves {
		if err := positive(bm.Qty); err != nil {
			return err
		}
		if bm.At != "" {
			if _, err := time.Parse(time.RFC3339, bm.At); err != nil {
				return domain.Invalid("at", "stock.at.format", "the date must be RFC 3339, e.g. 2026-03-01T10:00:00Z", nil)
			}
		}
		m := move{product: bm.ProductID, location: bm.LocationID, kind: bm.Kind, ref: bm.Ref, note: bm.Note, at: bm.At}
		switch bm.Kind {
		case Reserve:
			m.reserved = bm.Qty
		case Ship:
			m.qty = -bm.Qty
		default:
			return domain.Invalid("kind", "", "a bulk stock move is reserve or ship, not "+bm.Kind, nil)
		}
		lv := levels[[2]string{m.product, m.location}]
		if lv == nil {
			lv = &locLevel{}
			levels[[2]string{m.product, m.location}] = lv
		}
		pieces := []move{m}
		if m.qty < 0 {
			pieces = splitFEFO(m, lv.lots)
		}
		for _, p := range pieces {
			if err := checkLevels(p, lv.onHand, lv.reserved, lv.batch(p.batch)); err != nil {
				return err
			}
			lv.apply(p)
			rows = append(rows, store.Row{ID: domain.NewID(), Fields: p.fields(device)})
			d := deltas[levelKey{p.product, p.location, p.batch}]
			if d == nil {
				d = &[2]int64{}
				deltas[levelKey{p.product, p.location, p.batch}] = d
			}
			d[0], d[1] = d[0]+p.qty, d[1]+p.reserved
		}
	}
	// The derived levels by one sum per product, location and batch instead of by the
	// trigger after every row (the rows all have new ids, so every one is added).
	if err := tx.WithoutTriggers("stock_moves_levels", func() error { return tx.AddMany("stock_moves", rows) }); err != nil {
		return err
	}
	products := map[string]*[2]int64{}
	for k, d := range deltas {
		if _, err := tx.Exec(`INSERT INTO stock_levels(product_id, location_id, batch_id, on_hand, reserved) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT(product_id, location_id, batch_id) DO UPDATE
			SET on_hand = on_hand + excluded.on_hand, reserved = reserved + excluded.reserved`,
			k.product, k.location, k.batch, d[0], d[1]); err != nil {
			return err
		}
		p := products[k.product]
		if p == nil {
			p = &[2]int64{}
			products[k.product] = p
		}
		p[0], p[1] = p[0]+d[0], p[1]+d[1]
	}
	for id, d := range products {
		if _, err := tx.Exec(`INSERT INTO product_stock(product_id, on_hand, reserved) VALUES (?, ?, ?)
			ON CONFLICT(product_id) DO UPDATE SET on_hand = on_hand + excluded.on_hand, reserved = reserved + excluded.reserved`,
			id, d[0], d[1]); err != nil {
			return err
		}
	}
	return nil
}

// locLevel is the stock of one product at one location during a bulk write.
type locLevel struct {
	onHand, reserved int64
	lots             []lot // in fefoOrder
}

func (lv *locLevel) batch(id string) int64 {
	for _, l := range lv.lots {
		if l.batch == id {
			return l.qty
		}
	}
	return 0
}

func (lv *locLevel) apply(m move) {
	lv.onHand += m.qty
	lv.reserved += m.reserved
	if m.qty == 0 {
		return
	}
	for i := range lv.lots {
		if lv.lots[i].batch == m.batch {
			lv.lots[i].qty += m.qty
			return
		}
	}
	lv.lots = append(lv.lots, lot{batch: m.batch, qty: m.qty}) // unbatched sorts last, as in fefoOrder
}

func loadLevels(tx *store.Tx, moves []BulkMove) (map[[2]string]*locLevel, error) {
	seen := map[string]bool{}
	var products []string
	for _, m := range moves {
		if !seen[m.ProductID] {
			seen[m.ProductID] = true
			products = append(products, m.ProductID)
		}
	}
	list, err := json.Marshal(products)
	if err != nil {
		return nil, err
	}
	rows, err := tx.Query(`SELECT sl.product_id, sl.location_id, sl.batch_id, sl.on_hand, sl.reserved
		FROM stock_levels sl LEFT JOIN batches b ON b.id = sl.batch_id
		WHERE sl.product_id IN (SELECT value FROM json_each(?))
		ORDER BY sl.product_id, sl.location_id, `+fefoOrder, string(list))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[[2]string]*locLevel{}
	for rows.Next() {
		var product, location, batch string
		var onHand, reserved int64
		if err := rows.Scan(&product, &location, &batch, &onHand, &reserved); err != nil {
			return nil, err
		}
		lv := out[[2]string{product, location}]
		if lv == nil {
			lv = &locLevel{}
			out[[2]string{product, location}] = lv
		}
		lv.onHand += onHand
		lv.reserved += reserved
		lv.lots = append(lv.lots, lot{batch: batch, qty: onHand})
	}
	return out, rows.Err()
}
