package store

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// Dump writes every replicated and derived table as canonical text: tables by name, rows by
// key, one JSON array per row. Two devices that have applied the same operations produce
// byte-identical dumps. Derived rows that sum to zero are left out: a balance that came and
// went is the same as one that never existed.
func (db *DB) Dump(w io.Writer) error {
	bw := bufio.NewWriter(w)
	for _, tb := range Tables() {
		cols := rowCols(tb)
		if err := dumpQuery(bw, db.r, tb.Name, "SELECT "+strings.Join(cols, ", ")+" FROM "+tb.Name+" ORDER BY id", len(cols)); err != nil {
			return err
		}
	}
	if err := dumpQuery(bw, db.r, "stock_levels", `SELECT product_id, location_id, batch_id, on_hand, reserved FROM stock_levels
		WHERE on_hand <> 0 OR reserved <> 0 ORDER BY product_id, location_id, batch_id`, 5); err != nil {
		return err
	}
	if err := dumpQuery(bw, db.r, "product_stock", `SELECT product_id, on_hand, reserved FROM product_stock
		WHERE on_hand <> 0 OR reserved <> 0 ORDER BY product_id`, 3); err != nil {
		return err
	}
	if err := dumpQuery(bw, db.r, "order_status", `SELECT order_id, status, rank, goods, total, paid, refunded,
		paid_base, refunded_base, returned, ordered_at, deleted, number, channel, channel_order_no, customer_id, ship_name,
		currency, due_date, priority FROM order_status ORDER BY order_id`, 20); err != nil {
		return err
	}
	if err := dumpQuery(bw, db.r, "order_counts", `SELECT channel, rank, n FROM order_counts WHERE n <> 0
		ORDER BY channel, rank`, 3); err != nil {
		return err
	}
	if err := dumpQuery(bw, db.r, "oversold_moves", `SELECT move_id, product_id, location_id, ref, avail_after
		FROM oversold_moves ORDER BY move_id`, 5); err != nil {
		return err
	}
	if err := dumpQuery(bw, db.r, "order_conflicts", `SELECT order_id, kind FROM order_conflicts ORDER BY order_id`, 2); err != nil {
		return err
	}
	return bw.Flush()
}

func dumpQuery(w *bufio.Writer, q Querier, name, query string, n int) error {
	fmt.Fprintf(w, "# %s\n", name)
	rows, err := q.Query(query)
	if err != nil {
		return fmt.Errorf("dump %s: %w", name, err)
	}
	defer rows.Close()
	vals := make([]any, n)
	ptrs := make([]any, n)
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		for i, v := range vals {
			if b, ok := v.([]byte); ok {
				vals[i] = string(b)
			}
		}
		line, err := json.Marshal(vals)
		if err != nil {
			return err
		}
		w.Write(line)
		w.WriteByte('\n')
	}
	return rows.Err()
}

// ScanOps calls fn for every operation in the oplog in HLC order, optionally only those of
// one device and newer than after, and returns the stamp of the last entry it read (after,
// when none).
//
// A lean entry (a row a bulk write inserted new, see logLean) gets the fields of its row
// that still carry its stamp: all of them, unless a newer operation changed some since, and
// that one is in the oplog too, with the value that wins everywhere. An entry nothing is left
// of (every field changed since, or a ledger row that another device's copy replaced) changes
// nothing anywhere and is skipped; the stamp returned still counts it as read.
func (db *DB) ScanOps(ctx context.Context, device, after string, fn func(Op) error) (last string, err error) {
	tx, err := db.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true}) // the entries and their rows as of one moment
	if err != nil {
		return after, err
	}
	defer tx.Rollback()
	q := `SELECT hlc, kind, tbl, row_id, data FROM oplog WHERE hlc > ?`
	args := []any{after}
	if device != "" {
		q += ` AND device = ?`
		args = append(args, device)
	}
	rows, err := tx.QueryContext(ctx, q+` ORDER BY hlc`, args...)
	if err != nil {
		return after, err
	}
	defer rows.Close()
	last = after
	type entry struct {
		op   Op
		data string
	}
	var batch []entry
	lean := leanRows{tx: tx}
	// The entries are read a batch at a time, and the rows of a batch's lean entries with
	// one query per table.
	emit := func() error {
		ids := map[string][]string{}
		for _, e := range batch {
			if e.data == logLean {
				ids[e.op.Table] = append(ids[e.op.Table], e.op.ID)
			}
		}
		if err := lean.load(ctx, ids); err != nil {
			return err
		}
		for _, e := range batch {
			op := e.op
			if e.data == logLean {
				op.Data = lean.fields(op)
			} else {
				dec := json.NewDecoder(strings.NewReader(e.data))
				dec.UseNumber()
				if err := dec.Decode(&op.Data); err != nil {
					return fmt.Errorf("oplog %s: %w", op.HLC, err)
				}
			}
			last = op.HLC
			if len(op.Data) > 0 {
				if err := fn(op); err != nil {
					return err
				}
			}
		}
		batch = batch[:0]
		return nil
	}
	for rows.Next() {
		var e entry
		if err := rows.Scan(&e.op.HLC, &e.op.Kind, &e.op.Table, &e.op.ID, &e.data); err != nil {
			return last, err
		}
		if batch = append(batch, e); len(batch) == scanBatch {
			if err := emit(); err != nil {
				return last, err
			}
		}
	}
	if err := rows.Err(); err != nil {
		return last, err
	}
	return last, emit()
}

// scanBatch is how many oplog entries ScanOps reads before it reads their lean rows.
const scanBatch = 500

// leanRows holds the rows of a batch of lean oplog entries.
type leanRows struct {
	tx   *sql.Tx
	rows map[string]map[string][]any // table → id → fields (*int64, *string) and stamp
}

// rowCols are the columns of a row of tb: its id, its fields in order and its stamps.
func rowCols(tb *Table) []string {
	cols := []string{"id"}
	for _, f := range tb.Fields {
		cols = append(cols, f.Name)
	}
	if tb.Kind == Entity {
		return append(cols, "_v")
	}
	return append(cols, "_hlc")
}

// load reads the rows ids (by table).
func (r *leanRows) load(ctx context.Context, ids map[string][]string) error {
	r.rows = map[string]map[string][]any{}
	for table, list := range ids {
		tb := registry[table]
		if tb == nil {
			return fmt.Errorf("oplog: unknown table %q", table)
		}
		cols := rowCols(tb)
		list, _ := json.Marshal(list)
		rows, err := r.tx.QueryContext(ctx, "SELECT "+strings.Join(cols, ", ")+" FROM "+table+
			" WHERE id IN (SELECT value FROM json_each(?))", string(list))
		if err != nil {
			return err
		}
		byID := map[string][]any{}
		for rows.Next() {
			var id, stamp string
			dest := make([]any, len(cols))
			dest[0], dest[len(cols)-1] = &id, &stamp
			for n, f := range tb.Fields {
				if f.Type == Int {
					dest[n+1] = new(int64)
				} else {
					dest[n+1] = new(string)
				}
			}
			if err := rows.Scan(dest...); err != nil {
				rows.Close()
				return err
			}
			byID[id] = dest[1:]
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		r.rows[table] = byID
	}
	return nil
}

// fields returns the fields of op's row that carry op's stamp (none when the row is gone or
// holds none of them).
func (r *leanRows) fields(op Op) Fields {
	tb, vals := registry[op.Table], r.rows[op.Table][op.ID]
	if vals == nil {
		return nil
	}
	stamp := *vals[len(vals)-1].(*string)
	var stamps fieldStamps
	if tb.Kind == Entity {
		stamps = decodeStamps(tb, stamp)
	} else if stamp != op.HLC {
		return nil // another device's copy of the ledger row
	}
	out := Fields{}
	for n, f := range tb.Fields {
		if stamps != nil && stamps[f.Name] != op.HLC {
			continue
		}
		switch v := vals[n].(type) {
		case *int64:
			out[f.Name] = *v
		case *string:
			out[f.Name] = *v
		}
	}
	return out
}

// RebuildDerived recomputes the derived tables from their ledgers: stock levels from the
// stock moves, each order's status and figures (order_status) from its events, payments,
// returns and lines through the same view the triggers use, and the list's counts of live
// orders per channel and status (order_counts) from order_status.
func (db *DB) RebuildDerived(ctx context.Context) error {
	tx, err := db.begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := tx.rebuildDerived(); err != nil {
		return err
	}
	return tx.commit(false)
}

func (tx *Tx) rebuildDerived() error {
	for _, q := range []string{
		`DELETE FROM stock_levels`,
		`DELETE FROM product_stock`,
		`INSERT INTO stock_levels(product_id, location_id, batch_id, on_hand, reserved)
		 SELECT product_id, location_id, batch_id, sum(qty), sum(reserved) FROM stock_moves GROUP BY 1, 2, 3`,
		`INSERT INTO product_stock(product_id, on_hand, reserved)
		 SELECT product_id, sum(qty), sum(reserved) FROM stock_moves GROUP BY 1`,
		`DELETE FROM order_status`,
		`INSERT INTO order_status SELECT * FROM order_status_calc`,
		// the triggers on order_status kept order_counts through both; recount to repair it too
		`DELETE FROM order_counts`,
		`INSERT INTO order_counts(channel, rank, n) SELECT channel, rank, count(*) FROM order_status WHERE deleted = 0
		 GROUP BY channel, rank`,
	} {
		if _, err := tx.Exec(q); err != nil {
			return err
		}
	}
	for _, t := range Derived { // what reads them (the order list's index) reads them again
		tx.touched[t] = true
	}
	return nil
}
