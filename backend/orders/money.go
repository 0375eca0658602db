package orders

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

// querier is what reads need: the reader pool or a write transaction.
type querier interface {
	QueryRow(string, ...any) *sql.Row
}

// Rate is one exchange rate the team keeps: 1 Currency = Rate Base, from ValidFrom on.
type Rate struct {
	ID        string `json:"id"`
	Currency  string `json:"currency"`
	Base      string `json:"base"`
	Rate      string `json:"rate"`
	ValidFrom string `json:"validFrom"` // YYYY-MM-DD
}

// SetRate records the rate of currency in the base currency from a date on. Setting the same
// currency and date again (on any laptop) changes that one row.
func (s *Service) SetRate(ctx context.Context, currency, rate, validFrom string) (Rate, error) {
	currency = strings.ToUpper(strings.TrimSpace(currency))
	p := &domain.Problems{}
	if !domain.ValidCurrency(currency) {
		p.Add(domain.Invalid("currency", "order.currency.unknown", "unknown currency "+currency, map[string]any{"currency": currency}))
	}
	if _, ok := domain.ParseRate(rate); !ok {
		p.Add(domain.Invalid("rate", "order.rate.format", fmt.Sprintf("rate %q must be a positive decimal number", rate), nil))
	}
	if _, err := time.Parse(dateLayout, validFrom); err != nil {
		p.Add(domain.Invalid("validFrom", "order.date.format", "the date must be YYYY-MM-DD", nil))
	}
	if err := p.Err(); err != nil {
		return Rate{}, err
	}
	var out Rate
	err := s.db.Write(ctx, func(tx *store.Tx) error {
		base, err := money.BaseCurrency(tx)
		if err != nil {
			return err
		}
		if currency == base {
			return domain.Invalid("currency", "order.rate.base", currency+" is the base currency", nil)
		}
		out = Rate{ID: domain.DerivedID("rate", currency, base, validFrom), Currency: currency, Base: base,
			Rate: strings.TrimSpace(rate), ValidFrom: validFrom}
		return tx.Set("exchange_rates", out.ID, store.Fields{"currency": currency, "base": base, "rate": out.Rate,
			"valid_from": validFrom, "deleted": false})
	})
	return out, err
}

// Rates lists the kept rates, newest first per currency.
func (s *Service) Rates(ctx context.Context) ([]Rate, error) {
	rows, err := s.db.R().QueryContext(ctx, `SELECT id, currency, base, rate, valid_from FROM exchange_rates
		WHERE deleted = 0 ORDER BY currency, valid_from DESC`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Rate{}
	for rows.Next() {
		var r Rate
		if err := rows.Scan(&r.ID, &r.Currency, &r.Base, &r.Rate, &r.ValidFrom); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// RateOn returns the rate of currency in the base currency on date (YYYY-MM-DD or RFC 3339):
// the newest rate valid from that date or earlier; "1" for the base currency itself.
func (s *Service) RateOn(ctx context.Context, currency, date string) (string, error) {
	return money.RateOn(s.db.R(), currency, date)
}

const dateLayout = "2006-01-02"
