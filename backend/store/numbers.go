package store

import (
	"database/sql"
	"fmt"
	"strconv"
	"strings"
)

// Series is a kind of human document number: SO-JP1-0042 for orders, PO-JP1-0007 for purchase
// orders. The middle part is this device's prefix (meta order_prefix, default the first three
// characters of the device id, upper-cased) and the counter is local (meta SeqKey), so two
// laptops never hand out the same number.
type Series struct {
	Label  string // "SO"
	SeqKey string // meta key of the counter, "order_seq"
	Table  string // the table whose number column holds the numbers given
}

// DefaultPrefix is the number prefix of a device that has not chosen one.
func DefaultPrefix(device string) string {
	return strings.ToUpper(device[:min(3, len(device))])
}

// NextNumbers takes the next n numbers of the series inside tx (a rolled-back transaction
// gives them back), skipping numbers already in use (a data folder copied from another laptop).
func (tx *Tx) NextNumbers(s Series, n int) ([]string, error) {
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
		prefix = DefaultPrefix(tx.Device())
	}
	seqText, err := meta(s.SeqKey)
	if err != nil {
		return nil, err
	}
	seq, _ := strconv.Atoi(seqText)
	out := make([]string, 0, n)
	for len(out) < n { // the next numbers wanted, less those in use, until there are n
		next := make([]string, n-len(out))
		for i := range next {
			seq++
			next[i] = fmt.Sprintf("%s-%s-%04d", s.Label, prefix, seq)
		}
		used := map[string]bool{}
		if err := tx.collect(used, `SELECT number FROM `+s.Table+` WHERE number IN (SELECT value FROM json_each(?))`, next); err != nil {
			return nil, err
		}
		for _, number := range next {
			if !used[number] {
				out = append(out, number)
			}
		}
	}
	_, err = tx.Exec(`INSERT INTO meta(key, value) VALUES (?, ?)
		ON CONFLICT(key) DO UPDATE SET value = excluded.value`, s.SeqKey, strconv.Itoa(seq))
	return out, err
}
