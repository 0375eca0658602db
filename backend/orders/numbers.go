package orders

import (
	"context"
	"regexp"
	"strconv"
	"strings"
	"time"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/store"
)

// ImportedOrderID is the id of an order made from a channel's export, from the channel, its
// order number and the order's date (RFC 3339, ” when the file has none): the same channel
// order imported on two laptops offline makes one order, not two. It sorts by the order's
// date (domain.DatedID). Orders imported before their ids had a date have
// LegacyImportedOrderID, so a re-import looks for them by channel and number as well.
func ImportedOrderID(channel, channelOrderNo, orderedAt string) string {
	at, _ := time.Parse(time.RFC3339, orderedAt) // the zero time when unknown
	return domain.DatedID(at, "order", channel, strings.TrimSpace(channelOrderNo))
}

// LegacyImportedOrderID is the id an imported order had before ImportedOrderID (a hash of the
// channel and order number alone).
func LegacyImportedOrderID(channel, channelOrderNo string) string {
	return domain.DerivedID("order", channel, strings.TrimSpace(channelOrderNo))
}

// ImportedLineID is the id of the n-th line (from 1) of an imported order.
func ImportedLineID(orderID string, n int) string {
	return domain.ChildID(orderID, "order_line", strconv.Itoa(n))
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

func defaultPrefix(device string) string { return store.DefaultPrefix(device) }

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

// orderNumbers is the series of order numbers.
var orderNumbers = store.Series{Label: "SO", SeqKey: "order_seq", Table: "orders"}

// nextNumbers takes the next n numbers of this device inside tx.
func nextNumbers(tx *store.Tx, n int) ([]string, error) { return tx.NextNumbers(orderNumbers, n) }
