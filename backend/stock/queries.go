package stock

import (
	"context"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/store"
	"strings"
	"time"
)

// OnHand returns on-hand, reserved and available stock of a product over all locations.
func (s *Service) OnHand(ctx context.Context, productID string) (Level, error) {
	var l Level
	err := s.db.R().QueryRowContext(ctx, `SELECT coalesce(sum(on_hand), 0), coalesce(sum(reserved), 0)
		FROM product_stock WHERE product_id = ?`, productID).Scan(&l.OnHand, &l.Reserved)
	l.Available = l.OnHand - l.Reserved
	return l, err
}

// LevelRow is the stock of one product at one location (and batch).
type LevelRow struct {
	ProductID    string `json:"productId"`
	SKU          string `json:"sku"`
	ProductName  string `json:"productName"`
	LocationID   string `json:"locationId"`
	LocationName string `json:"locationName"`
	ZoneID       string `json:"zoneId"`
	ZoneName     string `json:"zoneName"`
	BatchID      string `json:"batchId"`
	BatchCode    string `json:"batchCode"`
	Expiry       string `json:"expiry"`
	Level
}

// LevelFilter selects stock rows; empty fields match everything.
type LevelFilter struct {
	ProductID  string `json:"productId"`
	LocationID string `json:"locationId"`
	ZoneID     string `json:"zoneId"`
	Query      string `json:"query"`
	Sort       string `json:"sort"` // product | sku | location | onHand | available | expiry
	Desc       bool   `json:"desc"`
	Offset     int    `json:"offset"`
	Limit      int    `json:"limit"`
}

var levelSorts = map[string]string{
	"": "p.name_zh %s", "product": "p.name_zh %s", "sku": "p.sku %s", "location": "z.name %s, l.name %[1]s",
	"onHand": "sl.on_hand %s", "available": "(sl.on_hand - sl.reserved) %s", "expiry": "coalesce(b.expiry, '') %s",
}

// Levels returns a page of stock rows (product × location × batch with stock or a
// reservation) and how many match.
func (s *Service) Levels(ctx context.Context, f LevelFilter) ([]LevelRow, int, error) {
	order, err := store.OrderBy(levelSorts, f.Sort, f.Desc)
	if err != nil {
		return nil, 0, err
	}
	f.Limit, f.Offset = store.PageWindow(f.Limit, f.Offset)
	where := []string{"(sl.on_hand <> 0 OR sl.reserved <> 0)"}
	var args []any
	for _, c := range []struct{ col, v string }{{"sl.product_id", f.ProductID}, {"sl.location_id", f.LocationID}, {"l.zone_id", f.ZoneID}} {
		if c.v != "" {
			where = append(where, c.col+" = ?")
			args = append(args, c.v)
		}
	}
	if q := strings.TrimSpace(f.Query); q != "" {
		// lower() in SQL, not strings.ToLower: p.search is built with SQLite's lower(), which
		// folds ASCII only, so "LANCÔME" must be lowered the same way to find itself.
		where = append(where, "instr(p.search, lower(?)) > 0")
		args = append(args, q)
	}
	from := ` FROM stock_levels sl LEFT JOIN products p ON p.id = sl.product_id
		LEFT JOIN locations l ON l.id = sl.location_id LEFT JOIN zones z ON z.id = l.zone_id
		LEFT JOIN batches b ON b.id = sl.batch_id WHERE ` + strings.Join(where, " AND ")
	var total int
	if err := s.db.R().QueryRowContext(ctx, "SELECT count(*)"+from, args...).Scan(&total); err != nil {
		return nil, 0, err
	}
	rows, err := s.db.R().QueryContext(ctx, `SELECT sl.product_id, coalesce(p.sku, ''), coalesce(p.name_zh, ''),
		sl.location_id, coalesce(l.name, ''), coalesce(l.zone_id, ''), coalesce(z.name, ''), sl.batch_id,
		coalesce(b.code, ''), coalesce(b.expiry, ''), sl.on_hand, sl.reserved`+from+
		" ORDER BY "+order+", sl.product_id, sl.location_id, sl.batch_id LIMIT ? OFFSET ?",
		append(args, f.Limit, f.Offset)...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	out := []LevelRow{}
	for rows.Next() {
		var r LevelRow
		if err := rows.Scan(&r.ProductID, &r.SKU, &r.ProductName, &r.LocationID, &r.LocationName, &r.ZoneID, &r.ZoneName,
			&r.BatchID, &r.BatchCode, &r.Expiry, &r.OnHand, &r.Reserved); err != nil {
			return nil, 0, err
		}
		r.Available = r.OnHand - r.Reserved
		out = append(out, r)
	}
	return out, total, rows.Err()
}

// MoveFilter selects ledger rows, newest first.
type MoveFilter struct {
	ProductID  string `json:"productId"`
	LocationID string `json:"locationId"`
	Kind       string `json:"kind"`
	Offset     int    `json:"offset"`
	Limit      int    `json:"limit"`
}

// Moves returns a page of the stock ledger, newest first, and how many rows match.
func (s *Service) Moves(ctx context.Context, f MoveFilter) ([]Move, int, error) {
	f.Limit, f.Offset = store.PageWindow(f.Limit, f.Offset)
	where := []string{"1 = 1"}
	var args []any
	for _, c := range []struct{ col, v string }{{"m.product_id", f.ProductID}, {"m.location_id", f.LocationID}, {"m.kind", f.Kind}} {
		if c.v != "" {
			where = append(where, c.col+" = ?")
			args = append(args, c.v)
		}
	}
	cond := " WHERE " + strings.Join(where, " AND ")
	// Without a product, the page walks the ledger newest first and stops when it is full;
	// left to itself SQLite sorted all the moves of a location or kind (6.5 s for 2,000,000).
	byTime := ""
	if f.ProductID == "" {
		byTime = "INDEXED BY stock_moves_at"
	}
	var total int
	if err := s.db.R().QueryRowContext(ctx, "SELECT count(*) FROM stock_moves m"+cond, args...).Scan(&total); err != nil {
		return nil, 0, err
	}
	rows, err := s.db.R().QueryContext(ctx, `SELECT m.id, m.product_id, coalesce(p.name_zh, ''), coalesce(p.sku, ''),
		m.location_id, coalesce(l.name, ''), m.batch_id, coalesce(b.code, ''), m.kind, m.qty, m.reserved, m.unit_cost,
		m.cost_currency, m.reason, m.ref, m.note, m.at, m.device
		FROM stock_moves m `+byTime+` LEFT JOIN products p ON p.id = m.product_id LEFT JOIN locations l ON l.id = m.location_id
		LEFT JOIN batches b ON b.id = m.batch_id`+cond+` ORDER BY m.at DESC, m.id DESC LIMIT ? OFFSET ?`,
		append(args, f.Limit, f.Offset)...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	out := []Move{}
	for rows.Next() {
		var m Move
		if err := rows.Scan(&m.ID, &m.ProductID, &m.ProductName, &m.SKU, &m.LocationID, &m.LocationName, &m.BatchID,
			&m.BatchCode, &m.Kind, &m.Qty, &m.Reserved, &m.UnitCost, &m.CostCurrency, &m.Reason, &m.Ref, &m.Note,
			&m.At, &m.Device); err != nil {
			return nil, 0, err
		}
		out = append(out, m)
	}
	return out, total, rows.Err()
}

// LowStockRow is a product at or below its reorder point, with a suggested order quantity.
type LowStockRow struct {
	ProductID    string `json:"productId"`
	SKU          string `json:"sku"`
	ProductName  string `json:"productName"`
	Brand        string `json:"brand"`
	ReorderPoint int64  `json:"reorderPoint"`
	ReorderQty   int64  `json:"reorderQty"`
	Suggested    int64  `json:"suggested"`
	Level
}

// LowStock lists products whose available stock is at or below their reorder point, the
// emptiest first. The suggestion brings available stock back above the reorder point, and
// at least to the product's usual reorder quantity.
func (s *Service) LowStock(ctx context.Context) ([]LowStockRow, error) {
	rows, err := s.db.R().QueryContext(ctx, `SELECT p.id, p.sku, p.name_zh, p.brand, p.reorder_point, p.reorder_qty,
		coalesce(s.on_hand, 0), coalesce(s.reserved, 0)
		FROM products p LEFT JOIN product_stock s ON s.product_id = p.id
		WHERE p.deleted = 0 AND p.reorder_point > 0 AND coalesce(s.available, 0) <= p.reorder_point
		ORDER BY coalesce(s.available, 0) - p.reorder_point, p.name_zh`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []LowStockRow{}
	for rows.Next() {
		var r LowStockRow
		if err := rows.Scan(&r.ProductID, &r.SKU, &r.ProductName, &r.Brand, &r.ReorderPoint, &r.ReorderQty,
			&r.OnHand, &r.Reserved); err != nil {
			return nil, err
		}
		r.Available = r.OnHand - r.Reserved
		r.Suggested = SuggestReorder(r.Available, r.ReorderPoint, r.ReorderQty)
		out = append(out, r)
	}
	return out, rows.Err()
}

// SuggestReorder is domain.SuggestReorder (kept here for callers of this package).
func SuggestReorder(available, point, qty int64) int64 {
	return domain.SuggestReorder(available, point, qty)
}

// BatchRow is a batch with the stock left in it.
type BatchRow struct {
	ID          string `json:"id"`
	ProductID   string `json:"productId"`
	SKU         string `json:"sku"`
	ProductName string `json:"productName"`
	Code        string `json:"code"`
	Expiry      string `json:"expiry"`
	DaysLeft    int    `json:"daysLeft"`
	OnHand      int64  `json:"onHand"`
}

// Expiring lists batches with stock whose expiry date is within days from today (or past).
// A batch's levels are found by its product (the levels' key) as well as its id: by the id
// alone, which no index starts with, SQLite read every stock level.
func (s *Service) Expiring(ctx context.Context, days int) ([]BatchRow, error) {
	today := time.Now().UTC().Truncate(24 * time.Hour)
	limit := today.AddDate(0, 0, days).Format("2006-01-02")
	rows, err := s.db.R().QueryContext(ctx, `SELECT b.id, b.product_id, coalesce(p.sku, ''), coalesce(p.name_zh, ''), b.code,
		b.expiry, sum(sl.on_hand) FROM batches b JOIN stock_levels sl ON sl.product_id = b.product_id AND sl.batch_id = b.id
		LEFT JOIN products p ON p.id = b.product_id
		WHERE b.deleted = 0 AND b.expiry <> '' AND b.expiry <= ? GROUP BY b.id HAVING sum(sl.on_hand) > 0
		ORDER BY b.expiry, p.name_zh`, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []BatchRow{}
	for rows.Next() {
		var r BatchRow
		if err := rows.Scan(&r.ID, &r.ProductID, &r.SKU, &r.ProductName, &r.Code, &r.Expiry, &r.OnHand); err != nil {
			return nil, err
		}
		if t, err := time.Parse("2006-01-02", r.Expiry); err == nil {
			r.DaysLeft = int(t.Sub(today).Hours() / 24)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
