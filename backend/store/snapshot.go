package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
)

// SnapRow is one row of a replicated table in a snapshot, with the stamps that decide later
// merges: the per-field stamps of an entity (its _v), the stamp of a ledger row (its _hlc).
type SnapRow struct {
	Table  string `json:"t"`
	ID     string `json:"i"`
	Fields Fields `json:"d"`
	Stamp  string `json:"s"`
}

// SnapshotRows calls fn for every row of every replicated table, tables by name and rows by
// id, read in one consistent view of the database.
func (db *DB) SnapshotRows(ctx context.Context, fn func(SnapRow) error) error {
	conn, err := db.r.BeginTx(ctx, nil) // one read transaction: one point in time
	if err != nil {
		return err
	}
	defer conn.Rollback()
	for _, tb := range Tables() {
		cols := []string{"id"}
		for _, f := range tb.Fields {
			cols = append(cols, f.Name)
		}
		stampCol := "_v"
		if tb.Kind == Ledger {
			stampCol = "_hlc"
		}
		rows, err := conn.QueryContext(ctx, "SELECT "+strings.Join(cols, ", ")+", "+stampCol+" FROM "+tb.Name+" ORDER BY id")
		if err != nil {
			return err
		}
		vals := make([]any, len(cols)+1)
		ptrs := make([]any, len(vals))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				rows.Close()
				return err
			}
			r := SnapRow{Table: tb.Name, ID: asText(vals[0]), Fields: Fields{}, Stamp: asText(vals[len(vals)-1])}
			for i, f := range tb.Fields {
				if f.Type == Text {
					r.Fields[f.Name] = asText(vals[i+1])
				} else {
					n, _ := vals[i+1].(int64)
					r.Fields[f.Name] = n
				}
			}
			if err := fn(r); err != nil {
				rows.Close()
				return err
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	return nil
}

func asText(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case []byte:
		return string(x)
	}
	return ""
}

// Empty reports whether this database holds no replicated data and no operations: a new
// laptop, which may start from a snapshot.
func (db *DB) Empty(ctx context.Context) (bool, error) {
	var n int
	if err := db.r.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM oplog)`).Scan(&n); err != nil || n > 0 {
		return false, err
	}
	for _, tb := range Tables() {
		if err := db.r.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM `+tb.Name+`)`).Scan(&n); err != nil || n > 0 {
			return false, err
		}
	}
	return true, nil
}

// LoadSnapshot fills an empty database (see Empty) with a snapshot's rows as they are, stamps
// included, rebuilds the derived tables, and moves the clock past the newest stamp. Later
// operations merge with the rows exactly as with rows built from the operations themselves.
// On any error nothing is loaded.
func (db *DB) LoadSnapshot(ctx context.Context, rows []SnapRow) error {
	if empty, err := db.Empty(ctx); err != nil {
		return err
	} else if !empty {
		return fmt.Errorf("a snapshot loads only into a new, empty database")
	}
	tx, err := db.begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var newest string
	err = tx.WithoutTriggers("", func() error { // derived tables are rebuilt once below
		for _, r := range rows {
			tb := registry[r.Table]
			if tb == nil {
				return fmt.Errorf("snapshot: unknown table %q", r.Table)
			}
			op := Op{Kind: "set", Table: r.Table, ID: r.ID, Data: r.Fields}
			if tb.Kind == Ledger {
				op.Kind = "add"
			}
			if err := op.normalize(); err != nil {
				return fmt.Errorf("snapshot: %w", err)
			}
			stampCol := "_v"
			if tb.Kind == Ledger {
				stampCol = "_hlc"
				newest = max(newest, r.Stamp)
			} else {
				for _, h := range decodeStamps(tb, r.Stamp) {
					newest = max(newest, h)
				}
			}
			args := make([]any, 0, len(op.keys)+2)
			args = append(args, op.ID)
			for _, k := range op.keys {
				args = append(args, op.Data[k])
			}
			q := "INSERT INTO " + r.Table + " (id, " + strings.Join(op.keys, ", ") + ", " + stampCol + ") VALUES (?" +
				strings.Repeat(", ?", len(op.keys)+1) + ")"
			if err := execStmt(tx.stmt(q), append(args, r.Stamp)...); err != nil {
				return fmt.Errorf("snapshot %s/%s: %w", r.Table, r.ID, err)
			}
			tx.touched[r.Table] = true
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := tx.rebuildDerived(); err != nil {
		return err
	}
	if newest != "" {
		stamp, err := ParseStamp(newest)
		if err != nil {
			return fmt.Errorf("snapshot: %w", err)
		}
		db.clock.Observe(stamp)
	}
	return tx.commit(true)
}

// DecodeSnapRow reads one JSON line of a snapshot (integers kept exact).
func DecodeSnapRow(line []byte) (SnapRow, error) {
	var r SnapRow
	dec := json.NewDecoder(strings.NewReader(string(line)))
	dec.UseNumber()
	err := dec.Decode(&r)
	return r, err
}
