package store

import (
	"context"
	"database/sql"
	"time"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// The writer connection never checkpoints the WAL itself: a commit that crosses SQLite's
// automatic threshold would copy the whole WAL into the database file before returning, which
// made a 100,000-row import wait half a second more. Instead, once enough has been written since
// the last checkpoint, a reader connection checkpoints in the background while the caller goes
// on (PASSIVE: it never blocks the writer or the readers; a reader may checkpoint, query_only
// only refuses changes to tables). Closing the database checkpoints whatever is left.

// writerDriver is the "sqlite3" driver with automatic checkpoints off on every connection.
const writerDriver = "sqlite3_writer"

func init() {
	sql.Register(writerDriver, &sqlite3.SQLiteDriver{ConnectHook: func(c *sqlite3.SQLiteConn) error {
		_, err := c.Exec(`PRAGMA wal_autocheckpoint = 0`, nil)
		return err
	}})
}

const (
	checkpointOps   = 1000             // operations committed since the last checkpoint that call for one
	checkpointAfter = 30 * time.Second // or any, this long after the last one
)

// committed notes that a transaction with ops operations committed and starts a background
// checkpoint when one is due and none is running.
func (db *DB) committed(ops int) {
	db.ckMu.Lock()
	defer db.ckMu.Unlock()
	db.ckOps += max(ops, 1) // a commit without operations (derived tables, settings) counts once
	if db.ckRunning || db.ckClosed || db.ckOps < checkpointOps && time.Since(db.ckLast) < checkpointAfter {
		return
	}
	db.ckRunning, db.ckOps = true, 0
	db.ckDone.Add(1)
	go func() {
		defer db.ckDone.Done()
		db.r.ExecContext(context.Background(), `PRAGMA wal_checkpoint(PASSIVE)`) // a failed one is retried by the next
		db.ckMu.Lock()
		db.ckRunning, db.ckLast = false, time.Now()
		db.ckMu.Unlock()
	}()
}

// stopCheckpoints waits for a running background checkpoint and starts no more.
func (db *DB) stopCheckpoints() {
	db.ckMu.Lock()
	db.ckClosed = true
	db.ckMu.Unlock()
	db.ckDone.Wait()
}
