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
		cols := []string{"id"}
		for _, f := range tb.Fields {
			cols = append(cols, f.Name)
		}
		if tb.Kind == Entity {
			cols = append(cols, "_v")
		} else {
			cols = append(cols, "_hlc")
		}
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

func dumpQuery(w *bufio.Writer, q interface {
	Query(string, ...any) (*sql.Rows, error)
}, name, query string, n int) error {
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
// one device and newer than after.
func (db *DB) ScanOps(ctx context.Context, device, after string, fn func(Op) error) error {
	q := `SELECT hlc, kind, tbl, row_id, data FROM oplog WHERE hlc > ?`
	args := []any{after}
	if device != "" {
		q += ` AND device = ?`
		args = append(args, device)
	}
	rows, err := db.r.QueryContext(ctx, q+` ORDER BY hlc`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var op Op
		var data string
		if err := rows.Scan(&op.HLC, &op.Kind, &op.Table, &op.ID, &data); err != nil {
			return err
		}
		dec := json.NewDecoder(strings.NewReader(data))
		dec.UseNumber()
		if err := dec.Decode(&op.Data); err != nil {
			return fmt.Errorf("oplog %s: %w", op.HLC, err)
		}
		if err := fn(op); err != nil {
			return err
		}
	}
	return rows.Err()
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
	return nil
}
