package purchasing

import (
	"database/sql"
	"encoding/json"
	"strings"
	"time"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/store"
)

// Stock books goods in and takes them back out inside the caller's transaction (package
// stock, wired by package services).
type Stock interface {
	// Receive books goods in and returns the stock move's id and its batch ("" for none).
	Receive(tx *store.Tx, in StockIn) (move, batch string, err error)
	// TakeBack books goods of an undone purchase out again as a correction, from the batch
	// they came in as.
	TakeBack(tx *store.Tx, out StockOut) error
}

// StockOut is goods of an undone purchase leaving again.
type StockOut struct {
	ProductID, LocationID, BatchID string
	Qty                            int64
	Ref, Note, At                  string
}

// StockIn is goods arriving: Qty of a product at a location, at UnitCost minor units of
// CostCurrency, optionally as a batch with an expiry date; Ref names the purchase; MoveID is
// the stock move's id when derived (” = new).
type StockIn struct {
	MoveID                string
	ProductID, LocationID string
	Qty, UnitCost         int64
	CostCurrency          string
	BatchCode, Expiry     string
	Ref, Note, At         string
}

// Service is the purchasing area over one store.
type Service struct {
	db    *store.DB
	stock Stock
	now   func() time.Time
	costs costCache
}

// New returns the purchasing service.
func New(db *store.DB, st Stock) *Service {
	s := &Service{db: db, stock: st, now: time.Now}
	s.costs.watch(db)
	return s
}

// SetClock replaces the clock (tests).
func (s *Service) SetClock(now func() time.Time) { s.now = now }

const dateLayout = "2006-01-02"

type querier interface {
	QueryRow(string, ...any) *sql.Row
	Query(string, ...any) (*sql.Rows, error)
}

// checkDate refuses a business date that is not YYYY-MM-DD; empty is allowed when optional.
func checkDate(p *domain.Problems, field, v string, optional bool) {
	if v == "" && optional {
		return
	}
	if _, err := time.Parse(dateLayout, v); err != nil {
		p.Add(domain.Invalid(field, "purchase.date.format", field+": the date must be YYYY-MM-DD", map[string]any{"field": field}))
	}
}

func checkCurrency(p *domain.Problems, field, cur string) {
	if !domain.ValidCurrency(cur) {
		p.Add(domain.Invalid(field, "order.currency.unknown", "unknown currency "+cur, map[string]any{"currency": cur}))
	}
}

// checkRate refuses a rate that is not a positive decimal; empty is allowed when optional.
func checkRate(p *domain.Problems, field, rate string, optional bool) {
	if rate == "" && optional {
		return
	}
	if _, ok := domain.ParseRate(rate); !ok {
		p.Add(domain.Invalid(field, "order.rate.format", field+": the rate must be a positive decimal number, e.g. 0.0483",
			map[string]any{"field": field}))
	}
}

func checkText(p *domain.Problems, field, v string, max int, required bool) {
	switch {
	case required && strings.TrimSpace(v) == "":
		p.Add(domain.Invalid(field, "form.required", field+" is required", map[string]any{"field": field}))
	case len([]rune(v)) > max:
		p.Add(domain.Invalid(field, "form.tooLong", field+" is too long", map[string]any{"field": field, "max": max}))
	}
}

// idList is ids as one JSON array, for `IN (SELECT value FROM json_each(?))`.
func idList(ids []string) string {
	b, _ := json.Marshal(ids)
	return string(b)
}
