// Package money holds the reads every area that values goods or money needs: the team's base
// currency (settings row base_currency, default CNY) and the exchange rate kept for a
// currency on a date (table exchange_rates). Conversions and rate parsing are pure and live
// in domain. It imports domain only; callers pass the reader pool or their transaction.
package money

import (
	"database/sql"
	"fmt"

	"daigoudesk/backend/domain"
)

// Querier is what the reads need: the reader pool, a pooled connection or a write transaction.
type Querier interface {
	QueryRow(string, ...any) *sql.Row
}

// BaseCurrency is the team's base currency (settings row base_currency, default CNY).
func BaseCurrency(q Querier) (string, error) {
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

// RateOn returns the rate of currency in the base currency on date (YYYY-MM-DD or RFC 3339):
// the newest rate valid from that date or earlier; "1" for the base currency itself. No rate
// is an invalid error with key order.rate.missing naming currency, base and date.
func RateOn(q Querier, currency, date string) (string, error) {
	base, err := BaseCurrency(q)
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
