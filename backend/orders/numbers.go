package orders

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/store"
)

// ImportedOrderID is the id of an order made from a channel's export: the same channel order
// number imported on two laptops offline makes one order, not two.
func ImportedOrderID(channel, channelOrderNo string) string {
	return domain.DerivedID("order", channel, strings.TrimSpace(channelOrderNo))
}

// ImportedLineID is the id of the n-th line (from 1) of an imported order.
func ImportedLineID(orderID string, n int) string {
	return domain.DerivedID("order_line", orderID, strconv.Itoa(n))
}

var prefixPattern = regexp.MustCompile(`^[A-Z0-9]{1,6}$`)

// Prefix returns this device's order-number prefix.
func (s *Service) Prefix(ctx context.Context) (string, error) {
	p, err := s.db.Meta("order_prefix")
	if err != nil || p != "" {
		return p, err
	}
	return defaultPrefix(s.db.Device()), nil
}

func defaultPrefix(device string) string {
	return strings.ToUpper(device[:min(3, len(device))])
}

// SetPrefix sets this device's order-number prefix (1–6 letters or digits). Numbers already
// given keep their prefix.
func (s *Service) SetPrefix(ctx context.Context, prefix string) error {
	prefix = strings.ToUpper(strings.TrimSpace(prefix))
	if !prefixPattern.MatchString(prefix) {
		return domain.Invalid("prefix", "order.prefix.format", "the prefix must be 1 to 6 letters or digits",
			map[string]any{"prefix": prefix})
	}
	return s.db.SetMeta("order_prefix", prefix)
}

// nextNumber takes the next number of this device inside tx (a rolled-back order gives its
// number back), skipping numbers already in use (a data folder copied from another laptop).
func nextNumber(tx *store.Tx) (string, error) {
	numbers, err := nextNumbers(tx, 1)
	if err != nil {
		return "", err
	}
	return numbers[0], nil
}

// nextNumbers takes the next n numbers of this device inside tx.
func nextNumbers(tx *store.Tx, n int) ([]string, error) {
	meta := func(key string) (string, error) {
		var v string
		err := tx.QueryRow(`SELECT value FROM meta WHERE key = ?`, key).Scan(&v)
		if err == sql.ErrNoRows {
			return "", nil
		}
		return v, err
	}
	prefix, err := meta("order_prefix")
	if err != nil {
		return nil, err
	}
	if prefix == "" {
		prefix = defaultPrefix(tx.Device())
	}
	seqText, err := meta("order_seq")
	if err != nil {
		return nil, err
	}
	seq, _ := strconv.Atoi(seqText)
	out := make([]string, 0, n)
	for len(out) < n {
		seq++
		number := fmt.Sprintf("SO-%s-%04d", prefix, seq)
		var used int
		if err := tx.QueryRow(`SELECT count(*) FROM orders WHERE number = ?`, number).Scan(&used); err != nil {
			return nil, err
		}
		if used == 0 {
			out = append(out, number)
		}
	}
	_, err = tx.Exec(`INSERT INTO meta(key, value) VALUES ('order_seq', ?)
		ON CONFLICT(key) DO UPDATE SET value = excluded.value`, strconv.Itoa(seq))
	return out, err
}
