package orders

import (
	"context"
	"database/sql"
	"fmt"
	"math/big"
	"strings"
	"time"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/store"
)

// querier is what reads need: the reader pool or a write transaction.
type querier interface {
	QueryRow(string, ...any) *sql.Row
}

// baseCurrency is the team's base currency (settings row base_currency, default CNY).
func baseCurrency(q querier) (string, error) {
	var cur string
	err := q.QueryRow(`SELECT value FROM settings WHERE id = 'base_currency' AND deleted = 0`).Scan(&cur)
	if err != nil && err != sql.ErrNoRows {
		return "", err
	}
	if cur == "" {
		cur = "CNY"
	}
	return cur, nil
}

// parseRate reads a positive decimal rate ("0.0483", "1").
func parseRate(s string) (*big.Rat, bool) {
	r, ok := new(big.Rat).SetString(strings.TrimSpace(s))
	if !ok || r.Sign() <= 0 || strings.ContainsAny(s, "/eE") {
		return nil, false
	}
	return r, true
}

// convert turns amount minor units of from into minor units of to, where rate is how many
// units of to one unit of from is worth; rounded half away from zero.
func convert(amount int64, from string, rate *big.Rat, to string) int64 {
	v := new(big.Rat).Mul(new(big.Rat).SetInt64(amount), rate)
	shift := domain.Currencies[to] - domain.Currencies[from]
	p := new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(abs(shift))), nil))
	if shift > 0 {
		v.Mul(v, p)
	} else {
		v.Quo(v, p)
	}
	return roundRat(v)
}

func roundRat(v *big.Rat) int64 {
	num, den := new(big.Int).Set(v.Num()), v.Denom()
	neg := num.Sign() < 0
	num.Abs(num)
	q, r := new(big.Int).QuoRem(num, den, new(big.Int))
	if new(big.Int).Mul(r, big.NewInt(2)).Cmp(den) >= 0 {
		q.Add(q, big.NewInt(1))
	}
	if neg {
		q.Neg(q)
	}
	return q.Int64()
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
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
	if _, ok := parseRate(rate); !ok {
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
		base, err := baseCurrency(tx)
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
	return rateOn(s.db.R(), currency, date)
}

func rateOn(q querier, currency, date string) (string, error) {
	base, err := baseCurrency(q)
	if err != nil {
		return "", err
	}
	if currency == base {
		return "1", nil
	}
	if len(date) > 10 {
		date = date[:10]
	}
	var rate string
	err = q.QueryRow(`SELECT rate FROM exchange_rates WHERE currency = ? AND base = ? AND valid_from <= ? AND deleted = 0
		ORDER BY valid_from DESC LIMIT 1`, currency, base, date).Scan(&rate)
	if err == sql.ErrNoRows {
		return "", domain.Invalid("rate", "order.rate.missing", fmt.Sprintf("no exchange rate for %s to %s on %s", currency, base, date),
			map[string]any{"currency": currency, "base": base, "date": date})
	}
	return rate, err
}

const dateLayout = "2006-01-02"
