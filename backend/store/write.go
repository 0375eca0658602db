package store

import (
	"cmp"
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"daigoudesk/backend/domain"
)

// Fields are the values of one operation, by column name: strings for Text fields and
// integers (or bools) for Int fields.
type Fields map[string]any

// Op is one replicated operation, as stored in the oplog and exchanged by sync.
type Op struct {
	HLC   string   `json:"h"`
	Kind  string   `json:"k"` // "set" or "add"
	Table string   `json:"t"`
	ID    string   `json:"i"`
	Data  Fields   `json:"d"`
	keys  []string // the names in Data, sorted (set by normalize)
	defs  []Field  // the fields named by keys
	vals  []any    // the values of keys, converted (Data holds the same values)
}

// Tx is a write transaction. It embeds *sql.Tx for reads that must see the transaction's
// own changes (validation); all changes to replicated tables go through Set and Add.
type Tx struct {
	*sql.Tx
	db      *DB
	conn    *sql.Conn           // the writer connection, held until the transaction ends
	nv      []driver.NamedValue // execBulk's argument list, reused
	stmts   map[string]*sql.Stmt
	touched map[string]bool
	pending [][6]string     // oplog rows not yet written (see log)
	ops     []Op            // every operation of the transaction, for listeners
	fresh   []string        // statements this transaction prepared that the writer does not keep yet
	grown   bool            // the writer's page cache is grown for a bulk write (growCache)
	mixed   map[string]bool // tables a bulk write of this transaction found some of its rows in already
}

// Write runs fn in one transaction on the writer connection. If fn returns an error nothing
// is written; otherwise every Set/Add and its oplog entry commit together.
func (db *DB) Write(ctx context.Context, fn func(tx *Tx) error) error {
	tx, err := db.begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.commit(false)
}

func (db *DB) begin(ctx context.Context) (*Tx, error) {
	conn, err := db.w.Conn(ctx)
	if err != nil {
		return nil, err
	}
	sqlTx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		conn.Close()
		return nil, err
	}
	return &Tx{Tx: sqlTx, db: db, conn: conn, stmts: map[string]*sql.Stmt{}, touched: map[string]bool{}, mixed: map[string]bool{}}, nil
}

// release gives the writer connection back to its pool once the transaction has ended.
func (tx *Tx) release() {
	if tx.conn != nil {
		tx.conn.Close()
		tx.conn = nil
	}
}

func (tx *Tx) commit(remote bool) error {
	if err := tx.flushLog(); err != nil {
		return err
	}
	if err := tx.Tx.Commit(); err != nil {
		return err
	}
	tx.release()
	tx.db.committed(len(tx.ops))
	if len(tx.touched) > 0 {
		tx.db.notify(Change{Tables: tx.touched, Ops: tx.ops, Remote: remote})
	}
	tx.db.keepStatements(tx.fresh)
	return nil
}

// maxKept bounds the statements the writer keeps prepared.
const maxKept = 1000

// keepStatements prepares queries on the writer connection, now that no transaction holds
// it, so that later transactions reuse them: preparing an insert compiles its table's
// triggers, which costs more than running it. A statement is kept from the second
// transaction that prepares it: one-off statements are not prepared twice.
func (db *DB) keepStatements(queries []string) {
	if len(queries) == 0 {
		return
	}
	db.stmtMu.Lock()
	defer db.stmtMu.Unlock()
	if db.wstmts == nil {
		db.wstmts, db.once = map[string]*sql.Stmt{}, map[string]bool{}
	}
	for _, q := range queries {
		if _, ok := db.wstmts[q]; ok || len(db.wstmts) >= maxKept {
			continue
		}
		if !db.once[q] {
			if len(db.once) < 10*maxKept {
				db.once[q] = true
			}
			continue
		}
		delete(db.once, q)
		if s, err := db.w.Prepare(q); err == nil {
			db.wstmts[q] = s
		}
	}
}

// Device returns the id of the device writing.
func (tx *Tx) Device() string { return tx.db.device }

// Set changes fields of the entity row id in table (creating the row if needed), with
// per-field last-writer-wins.
func (tx *Tx) Set(table, id string, fields Fields) error {
	return tx.local("set", table, id, fields)
}

// SetChanged is Set of only the fields whose values differ from the row as this device holds
// it (all of them for a new row). A form saves every field it shows; writing the unchanged
// ones too would stamp them newer and undo another laptop's concurrent edit of them when the
// two merge. Nothing is written when nothing changed.
func (tx *Tx) SetChanged(table, id string, fields Fields) error {
	op := Op{Kind: "set", Table: table, ID: id, Data: fields}
	if err := op.normalize(); err != nil {
		return err
	}
	cols := make([]string, len(op.keys))
	vals := make([]any, len(op.keys))
	ptrs := make([]any, len(op.keys))
	for i, k := range op.keys {
		cols[i] = `"` + k + `"`
		ptrs[i] = &vals[i]
	}
	err := tx.QueryRow(`SELECT `+strings.Join(cols, ", ")+` FROM `+table+` WHERE id = ?`, id).Scan(ptrs...)
	if err == sql.ErrNoRows {
		return tx.Set(table, id, op.Data)
	} else if err != nil {
		return err
	}
	changed := Fields{}
	for i, k := range op.keys {
		if cur, err := convert(registry[table].Fields[registry[table].byName[k]], vals[i]); err != nil || cur != op.Data[k] {
			changed[k] = op.Data[k]
		}
	}
	if len(changed) == 0 {
		return nil
	}
	return tx.Set(table, id, changed)
}

// Add appends the immutable ledger row id to table.
func (tx *Tx) Add(table, id string, fields Fields) error {
	return tx.local("add", table, id, fields)
}

func (tx *Tx) local(kind, table, id string, fields Fields) error {
	op := Op{Kind: kind, Table: table, ID: id, Data: fields}
	if err := op.normalize(); err != nil {
		return err
	}
	op.HLC = tx.db.clock.Now().String()
	if err := tx.apply(op); err != nil {
		return err
	}
	return tx.log(op)
}

// ApplyOps applies operations from other devices in one transaction. Operations already in
// the oplog are skipped, so applying a batch twice changes nothing. It returns how many were
// new. On any error nothing is applied.
func (db *DB) ApplyOps(ctx context.Context, ops []Op) (int, error) {
	tx, err := db.begin(ctx)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	hlcs := make([]string, len(ops))
	for i := range ops {
		if err := ops[i].normalize(); err != nil {
			return 0, fmt.Errorf("operation %s: %w", ops[i].HLC, err)
		}
		if _, err := ParseStamp(ops[i].HLC); err != nil {
			return 0, err
		}
		hlcs[i] = ops[i].HLC
	}
	seen, err := tx.loggedHLCs(hlcs)
	if err != nil {
		return 0, err
	}
	fresh := make([]Op, 0, len(ops))
	for _, op := range ops {
		if seen[op.HLC] {
			continue
		}
		seen[op.HLC] = true
		stamp, _ := ParseStamp(op.HLC)
		db.clock.Observe(stamp)
		fresh = append(fresh, op)
	}
	if len(fresh) >= bulkApply {
		err = tx.applyBulk(fresh)
	} else {
		for _, op := range fresh {
			if err = tx.apply(op); err != nil {
				break
			}
		}
	}
	if err != nil {
		return 0, err
	}
	for _, op := range fresh {
		if err := tx.log(op); err != nil {
			return 0, err
		}
	}
	return len(fresh), tx.commit(true)
}

// bulkApply is the batch size from which remote operations are applied table by table with
// the order-status triggers suspended (see applyBulk).
const bulkApply = 50

// loggedHLCs returns which of hlcs are in the oplog already.
func (tx *Tx) loggedHLCs(hlcs []string) (map[string]bool, error) {
	out := make(map[string]bool, len(hlcs))
	return out, tx.collect(out, `SELECT hlc FROM oplog WHERE hlc IN (SELECT value FROM json_each(?))`, hlcs)
}

// collect adds to set the text values query returns for the list of values (bound as one
// JSON array, in chunks, so a long list costs a few statements).
func (tx *Tx) collect(set map[string]bool, query string, values []string) error {
	for start := 0; start < len(values); start += 5000 {
		list, err := json.Marshal(values[start:min(start+5000, len(values))])
		if err != nil {
			return err
		}
		rows, err := tx.Query(query, string(list))
		if err != nil {
			return err
		}
		for rows.Next() {
			var v string
			if err := rows.Scan(&v); err != nil {
				rows.Close()
				return err
			}
			set[v] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	return nil
}

// applyBulk applies many remote operations the way apply does one at a time: the merge rules
// do not depend on the order operations arrive in (per-field stamps for entities, the smaller
// stamp for a ledger row made twice), so they are applied grouped by table with the bulk
// insert of SetMany, and each touched order's status is computed once at the end instead of
// by a trigger after every row.
func (tx *Tx) applyBulk(ops []Op) error {
	before, err := tx.ordersOf(ops) // a line or ledger row may move away from an order
	if err != nil {
		return err
	}
	err = tx.PauseOrderStatus(len(ops), func() error {
		var order []string
		groups := map[string][]Op{}
		for _, op := range ops {
			if _, ok := groups[op.Table]; !ok {
				order = append(order, op.Table)
			}
			groups[op.Table] = append(groups[op.Table], op)
		}
		for _, table := range order {
			tx.touched[table] = true
			if err := tx.insertMany(table, groups[table]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	after, err := tx.ordersOf(ops)
	if err != nil {
		return err
	}
	for id := range before {
		after[id] = true
	}
	ids := make([]string, 0, len(after))
	for id := range after {
		ids = append(ids, id)
	}
	return tx.RefreshOrderStatus(ids)
}

// ordersOf returns the orders whose status rows depend on the rows ops change, as the tables
// hold them now.
func (tx *Tx) ordersOf(ops []Op) (map[string]bool, error) {
	out := map[string]bool{}
	byTable := map[string][]string{}
	for _, op := range ops {
		switch op.Table {
		case "orders":
			out[op.ID] = true
		case "order_lines", "order_events", "payments", "order_returns", "preorder_fills":
			if id, ok := op.Data["order_id"].(string); ok {
				out[id] = true
			}
			byTable[op.Table] = append(byTable[op.Table], op.ID)
		}
	}
	for table, ids := range byTable {
		if err := tx.collect(out, `SELECT order_id FROM `+table+` WHERE id IN (SELECT value FROM json_each(?))`, ids); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// RefreshOrderStatus computes the order_status rows of orders ids again from their ledgers
// (what the triggers do after each change to one order), for bulk writes that suspended them.
func (tx *Tx) RefreshOrderStatus(ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	list, err := json.Marshal(ids)
	if err != nil {
		return err
	}
	restore, _, err := tx.DeferIndexes("order_status", len(ids))
	if err != nil {
		return err
	}
	for _, q := range []string{
		`DELETE FROM order_status WHERE order_id IN (SELECT value FROM json_each(?1))`,
		`INSERT INTO order_status SELECT * FROM order_status_calc WHERE order_id IN (SELECT value FROM json_each(?1))`,
	} {
		if _, err := tx.Exec(q, string(list)); err != nil {
			return err
		}
	}
	return restore()
}

// OrderStatus is an order's row of order_status: its status, its figures in its currency and
// in the base currency, and the header fields the order list filters and sorts on.
type OrderStatus struct {
	OrderID, Status                                                string
	Rank                                                           int
	Goods, Total, Paid, Refunded, PaidBase, RefundedBase, Returned int64
	OrderedAt                                                      string
	Deleted                                                        bool
	Number, Channel, ChannelOrderNo, CustomerID, ShipName          string
	Currency, DueDate, Priority                                    string
}

// orderStatusCols are the columns of order_status, in OrderStatus's order.
const orderStatusCols = `order_id, status, rank, goods, total, paid, refunded, paid_base, refunded_base, returned,
	ordered_at, deleted, number, channel, channel_order_no, customer_id, ship_name, currency, due_date, priority`

// PutOrderStatus writes the order_status rows of orders a bulk write has just created, which
// the caller computed from the rows it wrote, as order_status_calc computes them from the
// tables: for 40,000 imported orders, reading them back through the view took 0.8–1.3 s and
// writing the computed rows takes 0.15–0.3 s. When a bulk write of the transaction found some
// of its orders, lines, events or payments there already (an order imported before, a ledger
// row that is not added again), the caller's figures may be off, and the rows are computed
// through the view instead (RefreshOrderStatus).
func (tx *Tx) PutOrderStatus(rows []OrderStatus) error {
	if len(rows) == 0 {
		return nil
	}
	if tx.mixed["orders"] || tx.mixed["order_lines"] || tx.mixed["order_events"] || tx.mixed["payments"] {
		ids := make([]string, len(rows))
		for i := range rows {
			ids[i] = rows[i].OrderID
		}
		return tx.RefreshOrderStatus(ids)
	}
	restore, dropped, err := tx.DeferIndexes("order_status", len(rows))
	if err != nil {
		return err
	}
	// Without its indexes, the table's key grows at its end in order id order; with them
	// (into many orders), the indexes on dates and numbers do in date order: 40,000 status
	// rows into 1,000,000 took 4.5 s so, and 7.2 s in id order.
	rows = slices.Clone(rows)
	if dropped {
		slices.SortFunc(rows, func(a, b OrderStatus) int { return strings.Compare(a.OrderID, b.OrderID) })
	} else {
		slices.SortFunc(rows, func(a, b OrderStatus) int {
			return cmp.Or(strings.Compare(a.OrderedAt, b.OrderedAt), strings.Compare(a.Number, b.Number), strings.Compare(a.OrderID, b.OrderID))
		})
	}
	// order_counts by a sum per channel and rank, not by its trigger after every row
	type key struct {
		channel string
		rank    int
	}
	counts := map[key]int{}
	err = tx.WithoutTriggers("order_counts_insert", func() error {
		const cols, per = 20, 100
		args := make([]any, 0, per*cols)
		return inChunks(len(rows), per, func(lo, hi int) error {
			args = args[:0]
			for _, r := range rows[lo:hi] {
				args = append(args, r.OrderID, r.Status, r.Rank, r.Goods, r.Total, r.Paid, r.Refunded, r.PaidBase,
					r.RefundedBase, r.Returned, r.OrderedAt, r.Deleted, r.Number, r.Channel, r.ChannelOrderNo, r.CustomerID,
					r.ShipName, r.Currency, r.DueDate, r.Priority)
				if !r.Deleted {
					counts[key{r.Channel, r.Rank}]++
				}
			}
			return tx.execBulk(insertBulk+`order_status (`+orderStatusCols+`) VALUES `+valuesList(hi-lo, cols), args)
		})
	})
	if err != nil {
		return err
	}
	for k, n := range counts {
		if _, err := tx.Exec(`INSERT INTO order_counts(channel, rank, n) VALUES (?, ?, ?)
			ON CONFLICT(channel, rank) DO UPDATE SET n = n + excluded.n`, k.channel, k.rank, n); err != nil {
			return err
		}
	}
	return restore()
}

// normalize checks the operation against the registry and converts values to int64/string.
func (op *Op) normalize() error { return op.normalizeLike(nil) }

// normalizeLike is normalize for one of many operations on one table, most of which set the
// same fields: when op sets exactly the fields of like (the operation before, already
// normalized), op shares like's sorted names instead of sorting its own, and looks each
// value up once.
func (op *Op) normalizeLike(like *Op) error {
	tb := registry[op.Table]
	if tb == nil {
		return fmt.Errorf("unknown table %q", op.Table)
	}
	if (op.Kind == "set") != (tb.Kind == Entity) || (op.Kind != "set" && op.Kind != "add") {
		return fmt.Errorf("%s is not allowed on table %s", op.Kind, op.Table)
	}
	if op.ID == "" {
		return fmt.Errorf("%s %s: empty id", op.Kind, op.Table)
	}
	if len(op.Data) == 0 {
		return fmt.Errorf("%s %s/%s: no fields", op.Kind, op.Table, op.ID)
	}
	if like != nil && like.Table == op.Table && len(like.keys) == len(op.Data) {
		if same, err := op.convertLike(like); same || err != nil {
			return err
		}
	}
	for name, v := range op.Data {
		f, ok := tb.field(name)
		if !ok {
			return fmt.Errorf("table %s has no field %q", op.Table, name)
		}
		nv, err := convert(f, v)
		if err != nil {
			return fmt.Errorf("%s.%s: %w", op.Table, name, err)
		}
		if nv != v {
			op.Data[name] = nv
		}
	}
	op.keys = sortedKeys(op.Data)
	op.defs = make([]Field, len(op.keys))
	op.vals = make([]any, len(op.keys))
	for i, k := range op.keys {
		op.defs[i], _ = tb.field(k)
		op.vals[i] = op.Data[k]
	}
	return nil
}

// convertLike converts op's values as the fields of like, which has as many; same is false
// when op lacks one of them (normalize then takes the general way).
func (op *Op) convertLike(like *Op) (same bool, err error) {
	vals := make([]any, len(like.keys))
	for i, k := range like.keys {
		v, ok := op.Data[k]
		if !ok {
			return false, nil
		}
		nv, err := convert(like.defs[i], v)
		if err != nil {
			return false, fmt.Errorf("%s.%s: %w", op.Table, k, err)
		}
		if nv != v {
			op.Data[k] = nv
		}
		vals[i] = nv
	}
	op.keys, op.defs, op.vals = like.keys, like.defs, vals
	return true, nil
}

// convert returns v as its field's type (string, or int64 for integers and booleans). A value
// already of that type comes back as it is, without a new allocation.
func convert(f Field, v any) (any, error) {
	if f.Type == Text {
		if _, ok := v.(string); ok {
			return v, nil
		}
		return nil, fmt.Errorf("want text, got %T", v)
	}
	switch x := v.(type) {
	case int64:
		return v, nil
	case int:
		return int64(x), nil
	case int32:
		return int64(x), nil
	case bool:
		if x {
			return int64(1), nil
		}
		return int64(0), nil
	case json.Number:
		return x.Int64()
	case float64: // JSON without UseNumber; only exact integers are accepted
		if x == float64(int64(x)) {
			return int64(x), nil
		}
	}
	return nil, fmt.Errorf("want integer, got %T %v", v, v)
}

// QueryRow runs a read inside the transaction through a prepared statement kept for the
// rest of the transaction, so checks repeated for every row of a bulk change cost one prepare.
func (tx *Tx) QueryRow(query string, args ...any) *sql.Row {
	s, err := tx.prepare(query)
	if err != nil {
		return tx.Tx.QueryRow(query, args...) // reports the error through Row.Scan
	}
	return s.QueryRow(args...)
}

// Query is QueryRow for several rows.
func (tx *Tx) Query(query string, args ...any) (*sql.Rows, error) {
	s, err := tx.prepare(query)
	if err != nil {
		return nil, err
	}
	return s.Query(args...)
}

func (tx *Tx) prepare(query string) (*sql.Stmt, error) {
	if s, ok := tx.stmts[query]; ok {
		return s, nil
	}
	tx.db.stmtMu.Lock()
	kept := tx.db.wstmts[query]
	tx.db.stmtMu.Unlock()
	if kept != nil {
		s := tx.Tx.Stmt(kept) // the writer's prepared statement, not prepared again
		tx.stmts[query] = s
		return s, nil
	}
	s, err := tx.Tx.Prepare(query)
	if err != nil {
		return nil, err
	}
	tx.stmts[query] = s
	tx.fresh = append(tx.fresh, query)
	return s, nil
}

func (tx *Tx) stmt(query string) *sql.Stmt {
	s, err := tx.prepare(query)
	if err != nil {
		panic(fmt.Sprintf("store: bad generated SQL %q: %v", query, err))
	}
	return s
}

// log queues op for the oplog; flushLog writes the queue in multi-row statements, at the
// latest before commit.
func (tx *Tx) log(op Op) error {
	return tx.logEncoded(op, encodeFields(op.keys, op.vals))
}

// logLean is the data of a lean oplog entry: that of a row inserted new by a bulk write
// (SetMany, AddMany), whose fields are the row's own, stamped with the entry's stamp. Not
// writing them twice made the order import about 10 % faster; ScanOps reads them from the
// row. An entry's data is otherwise its fields' JSON, never empty.
const logLean = ""

// logEncoded is log for an operation whose fields are already encoded, or lean (logLean).
func (tx *Tx) logEncoded(op Op, data string) error {
	device := op.HLC[strings.LastIndexByte(op.HLC, '.')+1:]
	tx.pending = append(tx.pending, [6]string{op.HLC, device, op.Kind, op.Table, op.ID, data})
	tx.ops = append(tx.ops, op)
	if len(tx.pending) >= logChunk {
		return tx.flushLog()
	}
	return nil
}

const logChunk = 2000

// flushLog writes the queued oplog rows in multi-row INSERTs. A run of logRun rows of one
// device, kind and table (a bulk write, or many writes to one table) has those three written
// into the statement as quoted literals, so each row binds three values instead of six:
// binding costs per value, in database/sql and in the driver, and this made a
// 100,000-product import 3–6 % faster (8 of 10 interleaved runs). The other rows bind all
// six, 300 to a statement.
func (tx *Tx) flushLog() error {
	var rest [][6]string
	args := make([]any, 0, 3*logRun) // reused: the driver copies the values it binds
	for start := 0; start < len(tx.pending); {
		first := tx.pending[start]
		end := start + 1
		for end < len(tx.pending) && tx.pending[end][1] == first[1] && tx.pending[end][2] == first[2] &&
			tx.pending[end][3] == first[3] {
			end++
		}
		var q string
		for ; end-start >= logRun; start += logRun {
			args = args[:0]
			for _, r := range tx.pending[start : start+logRun] {
				args = append(args, r[0], r[4], r[5])
			}
			if q == "" {
				q = logInsert(first[1], first[2], first[3])
			}
			if err := tx.execBulk(q, args); err != nil {
				return err
			}
		}
		rest = append(rest, tx.pending[start:end]...)
		start = end
	}
	const per = 300 // rows per statement: 1,800 bound values
	for start := 0; start < len(rest); start += per {
		chunk := rest[start:min(start+per, len(rest))]
		args := make([]any, 0, len(chunk)*6)
		for _, r := range chunk {
			args = append(args, r[0], r[1], r[2], r[3], r[4], r[5])
		}
		if err := tx.execBulk(insertBulk+`oplog(hlc, device, kind, tbl, row_id, data) VALUES `+valuesList(len(chunk), 6), args); err != nil {
			return err
		}
	}
	tx.pending = tx.pending[:0]
	return nil
}

// logRun is the length of the runs of oplog rows flushLog writes with their device, kind and
// table as literals: 1,500 bound values.
const logRun = 500

// logInsert is the INSERT of logRun oplog rows of device, kind and table, binding each row's
// stamp, row id and data.
func logInsert(device, kind, table string) string {
	quote := func(v string) string { return "'" + strings.ReplaceAll(v, "'", "''") + "'" }
	one := "(?, " + quote(device) + ", " + quote(kind) + ", " + quote(table) + ", ?, ?)"
	return insertBulk + `oplog(hlc, device, kind, tbl, row_id, data) VALUES ` + one + strings.Repeat(", "+one, logRun-1)
}

func sortedKeys(m Fields) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// apply makes the effect of op on its table. It is the only code that writes replicated rows.
func (tx *Tx) apply(op Op) error {
	tx.touched[op.Table] = true
	keys := op.keys
	if op.Kind == "add" {
		// A ledger row never changes. Two devices that made the same row (an id derived from
		// one source) keep, everywhere, the copy with the smaller stamp.
		var have string
		err := tx.stmt("SELECT _hlc FROM " + op.Table + " WHERE id = ?").QueryRow(op.ID).Scan(&have)
		switch {
		case err == nil && op.HLC >= have:
			return nil
		case err == nil:
			if err := execStmt(tx.stmt("DELETE FROM "+op.Table+" WHERE id = ?"), op.ID); err != nil {
				return err
			}
		case err != sql.ErrNoRows:
			return err
		}
		return execStmt(tx.stmt(insertSQL(op.Table, "_hlc", 1)), rowArgs(nil, op, op.HLC)...)
	}
	var v string
	err := tx.stmt("SELECT _v FROM " + op.Table + " WHERE id = ?").QueryRow(op.ID).Scan(&v)
	if err == sql.ErrNoRows {
		stamps := fieldStamps{}
		for _, k := range keys {
			stamps[k] = op.HLC
		}
		return execStmt(tx.stmt(insertSQL(op.Table, "_v", 1)), rowArgs(nil, op, stamps.encode(registry[op.Table]))...)
	} else if err != nil {
		return err
	}
	stamps := decodeStamps(registry[op.Table], v)
	var set []string
	var args []any
	for _, k := range keys {
		if op.HLC > stamps[k] { // the newer stamp wins; stamps end in the device id, so ties cannot happen
			stamps[k] = op.HLC
			set = append(set, k+" = ?")
			args = append(args, op.Data[k])
		}
	}
	if len(set) == 0 {
		return nil
	}
	q := "UPDATE " + op.Table + " SET " + strings.Join(set, ", ") + ", _v = ? WHERE id = ?"
	return execStmt(tx.stmt(q), append(args, stamps.encode(registry[op.Table]), op.ID)...)
}

// insertSQL is the statement inserting rows whole rows into table: id, every registry field
// (a field an operation does not set gets the column's default, ” or 0, as if left out),
// and stampCol. One statement per table and row count, whatever fields the operations set,
// so a few prepared statements serve every insert (preparing an insert compiles its
// table's triggers).
func insertSQL(table, stampCol string, rows int) string {
	tb := registry[table]
	cols := make([]string, 0, len(tb.Fields)+2)
	cols = append(cols, "id")
	for _, f := range tb.Fields {
		cols = append(cols, f.Name)
	}
	cols = append(cols, stampCol)
	return "INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES " + valuesList(rows, len(cols))
}

// rowArgs appends to args the values insertSQL binds for op: its id, every registry field
// (the column's default where op does not set it), and stamp.
func rowArgs(args []any, op Op, stamp string) []any {
	args = append(args, op.ID)
	for _, f := range registry[op.Table].Fields {
		v, ok := op.Data[f.Name]
		if !ok {
			if f.Type == Text {
				v = ""
			} else {
				v = int64(0)
			}
		}
		args = append(args, v)
	}
	return append(args, stamp)
}

// fieldStamps maps a field to the stamp of the operation that last set it. A field missing
// from the map was never set and loses to any operation.
type fieldStamps map[string]string

// encode writes the stamps grouped by stamp, "stamp:f1,f2;stamp2:f3", sorted, so one
// operation's row costs one stamp however many fields it set, and equal maps encode equally.
// A group holding every field of tb is written "stamp:*" (a row made by one operation, the
// common case, then carries a few dozen bytes instead of its whole field list).
func (s fieldStamps) encode(tb *Table) string {
	groups := map[string][]string{}
	for f, h := range s {
		groups[h] = append(groups[h], f)
	}
	hs := make([]string, 0, len(groups))
	for h := range groups {
		hs = append(hs, h)
	}
	sort.Strings(hs)
	var b strings.Builder
	for i, h := range hs {
		if i > 0 {
			b.WriteByte(';')
		}
		fs := groups[h]
		b.WriteString(h)
		b.WriteByte(':')
		if len(fs) == len(tb.Fields) {
			b.WriteByte('*')
			continue
		}
		sort.Strings(fs)
		b.WriteString(strings.Join(fs, ","))
	}
	return b.String()
}

func decodeStamps(tb *Table, v string) fieldStamps {
	s := fieldStamps{}
	if v == "" {
		return s
	}
	for _, group := range strings.Split(v, ";") {
		h, fs, _ := strings.Cut(group, ":")
		if fs == "*" {
			for _, f := range tb.Fields {
				s[f.Name] = h
			}
			continue
		}
		for _, f := range strings.Split(fs, ",") {
			s[f] = h
		}
	}
	return s
}

// encodeFields writes normalized fields (strings and int64s), names keys (sorted) and values
// vals, as a JSON object with sorted keys, without reflection: every operation pays for it.
func encodeFields(keys []string, vals []any) string {
	var b strings.Builder // its String does not copy
	size := 2
	for i, k := range keys {
		size += len(k) + 4
		if s, ok := vals[i].(string); ok {
			size += len(s) + 2
		} else {
			size += 20
		}
	}
	b.Grow(size)
	b.WriteByte('{')
	var num [20]byte
	for i, k := range keys {
		if i > 0 {
			b.WriteByte(',')
		}
		writeJSONString(&b, k)
		b.WriteByte(':')
		switch v := vals[i].(type) {
		case int64:
			b.Write(strconv.AppendInt(num[:0], v, 10))
		case string:
			writeJSONString(&b, v)
		default: // normalize allows nothing else
			panic(fmt.Sprintf("store: field %s has type %T", k, v))
		}
	}
	b.WriteByte('}')
	return b.String()
}

func writeJSONString(b *strings.Builder, s string) {
	const hex = "0123456789abcdef"
	b.WriteByte('"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' {
			continue
		}
		b.WriteString(s[start:i])
		switch c {
		case '"', '\\':
			b.Write([]byte{'\\', c})
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			b.Write([]byte{'\\', 'u', '0', '0', hex[c>>4], hex[c&0xf]})
		}
		start = i + 1
	}
	b.WriteString(s[start:])
	b.WriteByte('"')
}

// Live checks, for a local write, that table has a row id that is not deleted, and returns
// an error a person can act on otherwise: invalid when id is empty, not_found naming kind
// ("product", "location", …) when there is no such row. Remote operations never call it:
// their referents may simply not have arrived yet.
func (tx *Tx) Live(table, kind, id string) error {
	if id == "" {
		return domain.Invalid(kind+"Id", "form.required", kind+" is required", map[string]any{"field": kind})
	}
	var n int
	if err := tx.QueryRow(`SELECT count(*) FROM `+table+` WHERE id = ? AND deleted = 0`, id).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return domain.NotFound(kind, id)
	}
	return nil
}
