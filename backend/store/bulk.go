package store

import (
	"database/sql"
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"strings"
)

// Row is one row of a bulk Set or Add.
type Row struct {
	ID     string
	Fields Fields
}

// SetMany is Set for many rows of one entity table: the same operations, stamps and oplog
// entries, and the same last-writer-wins result, but rows that do not exist yet are inserted
// hundreds at a time in one statement, which is what makes a 100,000-product import fast.
// Rows that exist take the per-row path.
func (tx *Tx) SetMany(table string, rows []Row) error {
	return tx.many("set", table, rowIDs(rows), func(i int) Fields { return rows[i].Fields }, false)
}

// SetManyInOrder is SetMany for rows in an order that the table's indexes follow (an
// import's orders, by date): into a table that keeps its indexes (it holds more rows than
// come), the rows are inserted in that order, and those indexes grow at one place instead
// of at random ones. 40,000 imported orders went into a table of 1,000,000 in 1.1 s so, and
// in 1.6 s in id order.
func (tx *Tx) SetManyInOrder(table string, rows []Row) error {
	return tx.many("set", table, rowIDs(rows), func(i int) Fields { return rows[i].Fields }, true)
}

// AddMany is Add for many rows of one ledger table, inserted hundreds at a time.
func (tx *Tx) AddMany(table string, rows []Row) error {
	return tx.many("add", table, rowIDs(rows), func(i int) Fields { return rows[i].Fields }, false)
}

// SetManyFunc is SetMany for the rows ids whose fields are made when they are written, by
// fields(i) for ids[i], called once per row from several goroutines at a time: an import
// builds its rows on other cores while earlier ones are being inserted.
func (tx *Tx) SetManyFunc(table string, ids []string, fields func(i int) Fields) error {
	return tx.many("set", table, ids, fields, false)
}

func rowIDs(rows []Row) []string {
	ids := make([]string, len(rows))
	for i := range rows {
		ids[i] = rows[i].ID
	}
	return ids
}

func (tx *Tx) many(kind, table string, ids []string, fields func(i int) Fields, inOrder bool) error {
	if len(ids) == 0 {
		return nil
	}
	if registry[table] == nil {
		return fmt.Errorf("unknown table %q", table)
	}
	// The rest are stamped after the fresh rows, so the last row of an id wins as it would
	// written one by one.
	fresh, rest, err := tx.splitNew(table, ids)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		tx.mixed[table] = true
	}
	restore, dropped, err := tx.dropIndexesForBulk(table, len(fresh))
	if err != nil {
		return err
	}
	if inOrder && !dropped {
		slices.Sort(fresh) // the caller's order (see SetManyInOrder)
	}
	if err := tx.growCache(len(fresh)); err != nil {
		return err
	}
	tx.ops = slices.Grow(tx.ops, len(ids))
	if err := tx.insertFresh(kind, table, ids, fields, fresh); err != nil {
		return err
	}
	if err := restore(); err != nil {
		return err
	}
	var like *Op
	for _, i := range rest {
		op := &Op{Kind: kind, Table: table, ID: ids[i], Data: fields(i)}
		if err := op.normalizeLike(like); err != nil {
			return err
		}
		like = op
		op.HLC = tx.db.clock.Now().String()
		if err := tx.apply(*op); err != nil {
			return err
		}
		if err := tx.log(*op); err != nil {
			return err
		}
	}
	return nil
}

// splitNew sorts the rows ids (of table) into fresh, the first row of each id new to the
// table, in id order (the primary key then grows at its end instead of splitting pages
// everywhere), for the bulk insert; and rest, rows that exist or repeat an id of the batch, in
// their order, for the one-row path afterwards.
func (tx *Tx) splitNew(table string, ids []string) (fresh, rest []int, err error) {
	existing, err := tx.existingIDs(table, ids)
	if err != nil {
		return nil, nil, err
	}
	var candidates []int
	for i, id := range ids {
		if existing[id] {
			rest = append(rest, i)
		} else {
			candidates = append(candidates, i)
		}
	}
	slices.SortFunc(candidates, func(a, b int) int {
		if c := strings.Compare(ids[a], ids[b]); c != 0 {
			return c
		}
		return a - b
	})
	for k, i := range candidates {
		if k > 0 && ids[i] == ids[candidates[k-1]] {
			rest = append(rest, i)
		} else {
			fresh = append(fresh, i)
		}
	}
	slices.Sort(rest)
	return fresh, rest, nil
}

// growCache lets the writer's page cache hold a bulk write of many new rows: a 100,000-product
// import and its oplog are about 100 MB of pages, and with the normal cache SQLite wrote
// pages out to the WAL in the middle of the transaction, which made the oplog's inserts take
// twice as long. Rollback (also deferred after Commit) gives the memory back.
func (tx *Tx) growCache(rows int) error {
	if rows < 5000 || tx.grown {
		return nil
	}
	tx.grown = true
	_, err := tx.Exec(`PRAGMA cache_size = -` + strconv.Itoa(bulkCacheKiB))
	return err
}

// Rollback ends the transaction, doing nothing after Commit, and shrinks the writer's page
// cache again after a bulk write.
func (tx *Tx) Rollback() error {
	err := tx.Tx.Rollback()
	tx.release()
	if tx.grown {
		tx.grown = false
		tx.db.w.Exec(`PRAGMA cache_size = -` + strconv.Itoa(cacheKiB)) // frees the pages over it
	}
	return err
}

// bulkPart is a run of rows of insertFresh, normalized.
type bulkPart struct {
	first Fields // the fields of the part's first row when made before (part 0)
	ops   []Op
	err   error
	done  chan struct{}
}

// insertFresh inserts the rows at idx, which are new to table, with multi-row INSERTs and
// logs them. It is a pipeline: other goroutines normalize the rows a part at a time, a few
// parts ahead, while this one stamps and writes the parts in order, so the Go work overlaps
// SQLite's. Their oplog entries are lean (see logLean): the fields are the row's own.
func (tx *Tx) insertFresh(kind, table string, ids []string, fields func(int) Fields, idx []int) error {
	if len(idx) == 0 {
		return nil
	}
	first := fields(idx[0])
	size := 8 * max(1, 2000/(len(first)+2)) // eight full INSERTs of rows like the first
	parts := make([]*bulkPart, (len(idx)+size-1)/size)
	for k := range parts {
		parts[k] = &bulkPart{done: make(chan struct{})}
	}
	parts[0].first = first
	ahead := make(chan struct{}, runtime.GOMAXPROCS(0)+1) // bounds the parts made but not written
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		for k, p := range parts {
			select {
			case ahead <- struct{}{}:
			case <-stop:
				return
			}
			go p.make(kind, table, ids, fields, idx[k*size:min((k+1)*size, len(idx))])
		}
	}()
	tx.touched[table] = true
	for _, p := range parts {
		<-p.done
		if p.err != nil {
			return p.err
		}
		if err := tx.writePart(table, p); err != nil {
			return err
		}
		<-ahead
	}
	return nil
}

func (p *bulkPart) make(kind, table string, ids []string, fields func(int) Fields, idx []int) {
	defer close(p.done)
	p.ops = make([]Op, len(idx))
	var like *Op
	for j, i := range idx {
		op := &p.ops[j]
		f := p.first // the first row's fields, made already
		if j > 0 || f == nil {
			f = fields(i)
		}
		*op = Op{Kind: kind, Table: table, ID: ids[i], Data: f}
		if p.err = op.normalizeLike(like); p.err != nil {
			return
		}
		like = op
	}
}

// writePart stamps the part's operations, inserts their rows and logs them.
func (tx *Tx) writePart(table string, p *bulkPart) error {
	ops := make([]*Op, len(p.ops))
	for j := range p.ops {
		p.ops[j].HLC = tx.db.clock.Now().String()
		ops[j] = &p.ops[j]
	}
	if err := tx.insertGrouped(table, ops); err != nil {
		return err
	}
	for j := range p.ops {
		if err := tx.logEncoded(p.ops[j], logLean); err != nil {
			return err
		}
	}
	return nil
}

// insertMany applies ops that are stamped already (remote ones, all of one table): rows new to
// the table in multi-row INSERTs, the others one by one.
func (tx *Tx) insertMany(table string, ops []Op) error {
	ids := make([]string, len(ops))
	for i := range ops {
		ids[i] = ops[i].ID
	}
	fresh, rest, err := tx.splitNew(table, ids)
	if err != nil {
		return err
	}
	restore, _, err := tx.dropIndexesForBulk(table, len(fresh))
	if err != nil {
		return err
	}
	rows := make([]*Op, len(fresh))
	for k, i := range fresh {
		rows[k] = &ops[i]
	}
	if err := tx.insertGrouped(table, rows); err != nil {
		return err
	}
	if err := restore(); err != nil {
		return err
	}
	for _, i := range rest {
		if err := tx.apply(ops[i]); err != nil {
			return err
		}
	}
	return nil
}

// insertGrouped inserts ops, rows new to table, with one run of multi-row INSERTs per list of
// fields they set (in the order the lists first appear).
func (tx *Tx) insertGrouped(table string, ops []*Op) error {
	groups := map[string][]*Op{}
	var order []string
	var prev []string
	key := ""
	for _, op := range ops {
		if len(op.keys) != len(prev) || &op.keys[0] != &prev[0] { // not the slice of the op before
			key, prev = strings.Join(op.keys, ","), op.keys
		}
		if _, ok := groups[key]; !ok {
			order = append(order, key)
		}
		groups[key] = append(groups[key], op)
	}
	for _, key := range order {
		if err := tx.insertNew(table, groups[key][0].keys, groups[key]); err != nil {
			return err
		}
	}
	return nil
}

func (tx *Tx) existingIDs(table string, ids []string) (map[string]bool, error) {
	var any int
	if err := tx.QueryRow(`SELECT EXISTS (SELECT 1 FROM ` + table + `)`).Scan(&any); err != nil || any == 0 {
		return map[string]bool{}, err // an empty table (a first import) has none of them
	}
	out := make(map[string]bool, len(ids))
	return out, tx.collect(out, `SELECT id FROM `+table+` WHERE id IN (SELECT value FROM json_each(?))`, ids)
}

// insertNew inserts rows that do not exist yet, all setting the fields keys, in multi-row
// INSERT statements (bound values: cheaper than extracting them from JSON in SQL). Entity
// rows get their field stamps, ledger rows their stamp.
func (tx *Tx) insertNew(table string, keys []string, ops []*Op) error {
	cols := len(keys) + 2
	per := max(1, 2000/cols) // rows per statement, under SQLite's bound-parameter limit
	group := strings.Join(keys, ",")
	if len(keys) == len(registry[table].Fields) {
		group = "*" // see fieldStamps.encode
	}
	verb, stampCol := insertBulk, "_v"
	if ops[0].Kind == "add" {
		verb, stampCol = "INSERT OR IGNORE INTO ", "_hlc" // a ledger row already there is the same row
	}
	one := table + " (id, " + strings.Join(keys, ", ") + ", " + stampCol + ") VALUES "
	args := make([]any, 0, per*cols) // reused: the driver copies the values it binds
	return inChunks(len(ops), per, func(lo, hi int) error {
		args = args[:0]
		for _, op := range ops[lo:hi] {
			args = append(args, op.ID)
			args = append(args, op.vals...)
			if op.Kind == "add" {
				args = append(args, op.HLC)
			} else {
				args = append(args, op.HLC+":"+group)
			}
		}
		return tx.execBulk(verb+one+valuesList(hi-lo, cols), args)
	})
}

// inChunks calls fn for the runs [lo, hi) of n rows that one multi-row INSERT each takes: per
// rows, then 16, then 1, so that writing any number of rows uses three statements and the
// writer keeps few prepared.
func inChunks(n, per int, fn func(lo, hi int) error) error {
	for lo := 0; lo < n; {
		size := 1
		switch left := n - lo; {
		case left >= per:
			size = per
		case left >= 16:
			size = 16
		}
		if err := fn(lo, lo+size); err != nil {
			return err
		}
		lo += size
	}
	return nil
}

// execStmt runs a prepared statement that changes rows. It goes through Query, not Exec: for
// Query the driver (mattn/go-sqlite3) binds every value and takes the step in one cgo
// crossing, while Exec crosses once per value, which made binding a third of a
// 100,000-product import. A write is done by its first step, which Query takes.
func execStmt(s *sql.Stmt, args ...any) error {
	rows, err := s.Query(args...)
	if err != nil {
		return err
	}
	return rows.Close()
}

// valuesList returns "(?, ?), (?, ?)" for rows × cols placeholders.
func valuesList(rows, cols int) string {
	one := "(?" + strings.Repeat(", ?", cols-1) + ")"
	return one + strings.Repeat(", "+one, rows-1)
}

// dropIndexesForBulk drops the secondary indexes of table when newRows will at least double
// it (and are many), and returns the function that recreates them: building an index by
// sorting once is several times faster than growing it row by row. It all happens inside the
// transaction, so readers and a rollback never see the table without its indexes. dropped
// says whether it did.
func (tx *Tx) dropIndexesForBulk(table string, newRows int) (restore func() error, dropped bool, err error) {
	noop := func() error { return nil }
	if newRows < 5000 {
		return noop, false, nil
	}
	// Counted no further than newRows + 1: counting all of a table of 3,000,000 order lines
	// took a 100,000-row import 0.3–0.6 s, for an answer that stops mattering after newRows.
	var have int
	if err := tx.QueryRow(`SELECT count(*) FROM (SELECT 1 FROM `+table+` LIMIT ?)`, newRows+1).Scan(&have); err != nil {
		return nil, false, err
	}
	if have > newRows {
		return noop, false, nil
	}
	rows, err := tx.Query(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`, table)
	if err != nil {
		return nil, false, err
	}
	var names, defs []string
	for rows.Next() {
		var n, d string
		if err := rows.Scan(&n, &d); err != nil {
			rows.Close()
			return nil, false, err
		}
		names, defs = append(names, n), append(defs, d)
	}
	rows.Close()
	for _, n := range names {
		if _, err := tx.Exec(`DROP INDEX ` + n); err != nil {
			return nil, false, err
		}
	}
	tx.stmts = map[string]*sql.Stmt{} // statements prepared against the old schema
	return func() error {
		for _, d := range defs {
			if _, err := tx.Exec(d); err != nil {
				return err
			}
		}
		tx.stmts = map[string]*sql.Stmt{}
		return nil
	}, len(names) > 0, nil
}

// DeferIndexes is for a bulk write that will at least double table with newRows rows (and
// many): it drops the table's secondary indexes and returns the function that builds them
// again, to call before the transaction ends, and dropped true. Otherwise it does nothing.
func (tx *Tx) DeferIndexes(table string, newRows int) (restore func() error, dropped bool, err error) {
	return tx.dropIndexesForBulk(table, newRows)
}

// PauseOrderStatus runs fn, a bulk write of about rows rows whose orders' status rows the
// caller computes once afterwards (RefreshOrderStatus, PutOrderStatus), with the order-status
// triggers doing nothing. A small write sets derive_pause (migration 0013) inside the
// transaction, so no reader or other writer ever sees it set. A large one (rows ≥ dropTriggersMin)
// drops the triggers instead and creates them again (WithoutTriggers): SQLite compiles a
// table's triggers into every INSERT on it, paused or not, and an INSERT with triggers keeps
// a statement journal, a copy of every page of the database it changes. Into 1,000,000 orders
// that was 3.7 GB of temporary file for a 100,000-row import, and half its time; the schema
// change costs a few milliseconds.
func (tx *Tx) PauseOrderStatus(rows int, fn func() error) error {
	if rows >= dropTriggersMin {
		return tx.WithoutTriggers("order_status_", fn)
	}
	if _, err := tx.Exec(`UPDATE derive_pause SET paused = 1`); err != nil {
		return err
	}
	if err := fn(); err != nil {
		return err
	}
	_, err := tx.Exec(`UPDATE derive_pause SET paused = 0`)
	return err
}

// dropTriggersMin is the size of bulk write from which PauseOrderStatus drops the triggers.
const dropTriggersMin = 5000

// WithoutTriggers runs fn with the triggers whose names start with prefix dropped, and then
// creates them again, all inside the transaction: a bulk write whose derived rows the caller
// recomputes once afterwards, instead of a trigger recomputing them after every row. Readers
// and a rollback never see the schema without them.
func (tx *Tx) WithoutTriggers(prefix string, fn func() error) error {
	rows, err := tx.Query(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND substr(name, 1, length(?)) = ?`,
		prefix, prefix)
	if err != nil {
		return err
	}
	var names, defs []string
	for rows.Next() {
		var n, d string
		if err := rows.Scan(&n, &d); err != nil {
			rows.Close()
			return err
		}
		names, defs = append(names, n), append(defs, d)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, n := range names {
		if _, err := tx.Exec(`DROP TRIGGER ` + n); err != nil {
			return err
		}
	}
	tx.stmts = map[string]*sql.Stmt{} // statements prepared against the old schema
	if err := fn(); err != nil {
		return err
	}
	for _, d := range defs {
		if _, err := tx.Exec(d); err != nil {
			return err
		}
	}
	tx.stmts = map[string]*sql.Stmt{}
	return nil
}
