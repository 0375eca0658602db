package store

import (
	"context"
	"database/sql/driver"
	"fmt"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// insertBulk begins the multi-row INSERTs of bulk writes that add rows new to their table
// (ledger rows, which may be there already, are INSERT OR IGNORE). OR FAIL: a bad row still
// fails the statement, and the caller rolls the transaction back; with the default ABORT,
// SQLite keeps a statement journal for every multi-row INSERT, a copy of each page of the
// database it changes, to undo the statement alone (3.7 GB for one order import into
// 1,000,000 orders).
const insertBulk = "INSERT OR FAIL INTO "

// execBulk runs one of a bulk write's multi-row INSERTs (hundreds of rows, up to 2,000 bound
// values) on the driver's own statement, under database/sql's lock of the transaction's
// connection (sql.Conn.Raw), with one argument list reused from statement to statement.
// Through database/sql, each such statement allocated a fresh 96 KB list of arguments and
// converted every value on the way: a third of a GB of short-lived memory for a 100,000-row
// order import, most of it new pages for the kernel to fault in. The values are those of
// normalized fields (strings and int64s), ints and bools.
func (tx *Tx) execBulk(query string, args []any) error {
	return tx.conn.Raw(func(dc any) error {
		c, ok := dc.(*sqlite3.SQLiteConn)
		if !ok {
			return fmt.Errorf("store: the writer's connection is a %T", dc)
		}
		st, err := tx.db.rawStmt(c, query)
		if err != nil {
			return err
		}
		nv := tx.nv[:0]
		for i, a := range args {
			switch v := a.(type) {
			case int:
				a = int64(v)
			case string, int64, bool, nil:
			default:
				if a, err = driver.DefaultParameterConverter.ConvertValue(a); err != nil {
					return fmt.Errorf("store: argument %d: %w", i+1, err)
				}
			}
			nv = append(nv, driver.NamedValue{Ordinal: i + 1, Value: a})
		}
		tx.nv = nv
		rows, err := st.QueryContext(context.Background(), nv) // the driver binds and steps in one call
		if err != nil {
			return err
		}
		return rows.Close()
	})
}

// rawStmt returns query prepared on the writer's driver connection c, kept until the
// database closes (SQLite prepares it again by itself after a schema change), up to maxKept
// of them.
func (db *DB) rawStmt(c *sqlite3.SQLiteConn, query string) (driver.StmtQueryContext, error) {
	db.stmtMu.Lock()
	defer db.stmtMu.Unlock()
	if db.rawConn != c { // a new connection: the old one's statements went with it
		db.rawConn, db.raw = c, map[string]driver.StmtQueryContext{}
	}
	if len(db.raw) >= maxKept { // many devices' oplog runs, say: start again
		closeStmts(db.raw)
		db.raw = map[string]driver.StmtQueryContext{}
	}
	if st, ok := db.raw[query]; ok {
		return st, nil
	}
	st, err := c.Prepare(query)
	if err != nil {
		return nil, err
	}
	q, ok := st.(driver.StmtQueryContext)
	if !ok {
		st.Close()
		return nil, fmt.Errorf("store: the driver's statement is a %T", st)
	}
	db.raw[query] = q
	return q, nil
}

// closeRaw closes the statements rawStmt kept.
func (db *DB) closeRaw() {
	db.stmtMu.Lock()
	defer db.stmtMu.Unlock()
	closeStmts(db.raw)
	db.raw, db.rawConn = nil, nil
}

func closeStmts(stmts map[string]driver.StmtQueryContext) {
	for _, st := range stmts {
		st.(driver.Stmt).Close()
	}
}
