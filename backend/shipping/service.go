package shipping

import (
	"database/sql"
	"time"

	"daigoudesk/backend/store"
)

// Orders is what shipping needs of the orders area, inside the caller's transaction (package
// orders, wired by package services).
type Orders interface {
	// Advance adds the event to (packed, shipped, delivered) to an order whose status allows
	// it, with its stock effects.
	Advance(tx *store.Tx, orderID, to, at, note string) error
	// ShipLine takes qty of an order line's reserved goods out of stock (a parcel with part
	// of the order left); moveID is the stock move's derived id, so two laptops shipping the
	// same parcel offline record it once.
	ShipLine(tx *store.Tx, lineID string, qty int64, moveID, at string) error
}

// Service is the shipping area over one store.
type Service struct {
	db     *store.DB
	orders Orders
	now    func() time.Time
}

// New returns the shipping service.
func New(db *store.DB, o Orders) *Service { return &Service{db: db, orders: o, now: time.Now} }

// SetClock replaces the clock (tests).
func (s *Service) SetClock(now func() time.Time) { s.now = now }

type querier interface {
	QueryRow(string, ...any) *sql.Row
	Query(string, ...any) (*sql.Rows, error)
}

func (s *Service) nowText() string { return s.now().UTC().Format(time.RFC3339) }

// scanAll reads every row of a query with fn.
func scanAll(q querier, query string, args []any, fn func(*sql.Rows) error) error {
	rows, err := q.Query(query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

func b2i(b bool) int64 {
	if b {
		return 1
	}
	return 0
}
