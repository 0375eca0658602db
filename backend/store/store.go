package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"database/sql/driver"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	sqlite3 "github.com/mattn/go-sqlite3" // also registers the "sqlite3" driver
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// DB is an open Daigou Desk database.
type DB struct {
	Path   string
	w      *sql.DB // the single writer connection
	r      *sql.DB // readers
	device string
	clock  *Clock

	mu        sync.Mutex
	listeners []func(Change)

	stmtMu  sync.Mutex
	wstmts  map[string]*sql.Stmt               // statements prepared on the writer connection, kept across transactions
	once    map[string]bool                    // statements prepared by one transaction so far (kept from their second)
	raw     map[string]driver.StmtQueryContext // bulk INSERTs prepared on the writer's driver connection (raw.go)
	rawConn *sqlite3.SQLiteConn                // the connection they were prepared on

	ckMu      sync.Mutex // background WAL checkpoints (checkpoint.go)
	ckOps     int
	ckLast    time.Time
	ckRunning bool
	ckClosed  bool
	ckDone    sync.WaitGroup
}

// Change tells listeners what a committed transaction did: the tables it touched, its
// operations (in order), and whether they came from another device. Listeners must not keep
// or modify the operations' fields.
type Change struct {
	Tables map[string]bool
	Ops    []Op
	Remote bool
}

// Options tune Open; the zero value is right for the app.
type Options struct {
	Now func() time.Time // the wall clock the HLC reads (tests move it backwards)
	// NoSync skips fsync entirely (SQLite synchronous=OFF): for tests that open thousands of
	// throwaway databases and simulate no power cuts. Never for a real data folder.
	NoSync bool
}

// cacheKiB is the page cache of each connection, and bulkCacheKiB the writer's during a bulk
// write (see Tx.growCache).
const (
	cacheKiB     = 64 << 10
	bulkCacheKiB = 256 << 10
)

// Open opens (creating if needed) the database at path, applies pending migrations and
// makes sure the device has an id.
func Open(path string, opts ...Options) (*DB, error) {
	var o Options
	if len(opts) > 0 {
		o = opts[0]
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("create data folder: %w", err)
	}
	syncMode := "NORMAL"
	if o.NoSync {
		syncMode = "OFF"
	}
	dsn := func(extra string) string {
		return "file:" + (&url.URL{Path: path}).EscapedPath() +
			"?_busy_timeout=10000&_journal_mode=WAL&_synchronous=" + syncMode + "&_foreign_keys=on&_cache_size=-" + strconv.Itoa(cacheKiB) + extra
	}
	if err := create(path); err != nil {
		return nil, err
	}
	w, err := sql.Open(writerDriver, dsn("&_txlock=immediate"))
	if err != nil {
		return nil, err
	}
	w.SetMaxOpenConns(1)
	w.SetConnMaxLifetime(0)
	w.SetMaxIdleConns(1)
	r, err := sql.Open("sqlite3", dsn("&_query_only=1"))
	if err != nil {
		w.Close()
		return nil, err
	}
	r.SetMaxOpenConns(4)
	r.SetMaxIdleConns(4)
	db := &DB{Path: path, w: w, r: r, ckLast: time.Now()}
	if err := db.migrate(); err != nil {
		db.Close()
		return nil, fmt.Errorf("migrate %s: %w", path, err)
	}
	if err := db.initDevice(o.Now); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// pageSize is the page size of the databases this version creates, four times SQLite's
// default: a bulk write touches, logs and commits a quarter as many pages. Importing 100,000
// order rows into 1,000,000 orders took 5.9–6.1 s instead of 6.8–7.0 s (the same build, the
// same minutes), and the order list, an order's detail and the list index read as fast. A
// database made before keeps its 4 KiB pages: changing them rewrites the whole file (VACUUM).
const pageSize = 16384

// create makes the database file at path with pageSize pages, in WAL mode, when there is none
// yet: the page size is fixed by the first write, which setting WAL mode is.
func create(path string) error {
	st, err := os.Stat(path)
	switch {
	case err == nil && st.Size() > 0: // there already
		return nil
	case err != nil && !errors.Is(err, fs.ErrNotExist): // not ours to make: Open says why
		return nil
	}
	c, err := sql.Open("sqlite3", "file:"+(&url.URL{Path: path}).EscapedPath())
	if err != nil {
		return err
	}
	defer c.Close()
	if _, err := c.Exec(`PRAGMA page_size = ` + strconv.Itoa(pageSize) + `; PRAGMA journal_mode = WAL`); err != nil {
		return fmt.Errorf("create %s: %w", path, err)
	}
	return c.Close()
}

// Close closes both connection pools.
func (db *DB) Close() error {
	db.stopCheckpoints()
	db.stmtMu.Lock()
	for _, s := range db.wstmts {
		s.Close()
	}
	db.wstmts = nil
	db.stmtMu.Unlock()
	db.closeRaw()
	err := db.r.Close()
	if e := db.w.Close(); e != nil {
		err = e
	}
	return err
}

// R returns the reader pool for plain SQL reads.
func (db *DB) R() *sql.DB { return db.r }

// Device returns this device's id.
func (db *DB) Device() string { return db.device }

// Clock returns the device's hybrid logical clock.
func (db *DB) Clock() *Clock { return db.clock }

// Subscribe calls fn after every committed write, with the tables it touched.
func (db *DB) Subscribe(fn func(Change)) {
	db.mu.Lock()
	defer db.mu.Unlock()
	db.listeners = append(db.listeners, fn)
}

func (db *DB) notify(c Change) {
	db.mu.Lock()
	ls := append([]func(Change){}, db.listeners...)
	db.mu.Unlock()
	for _, fn := range ls {
		fn(c)
	}
}

func (db *DB) migrate() error {
	// Two processes can open a new data folder at the same moment (the app and a CLI
	// command): one migrates while the other waits, then finds nothing left to do. Setting
	// up WAL on a new file can report "locked" without waiting, so that is retried.
	var err error
	for try := 0; try < 50; try++ {
		if err = db.migrateOnce(); err == nil || !strings.Contains(err.Error(), "database is locked") {
			return err
		}
		time.Sleep(100 * time.Millisecond)
	}
	return err
}

func (db *DB) migrateOnce() error {
	if _, err := db.w.Exec(`CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`); err != nil {
		return err
	}
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	for _, name := range names {
		version := strings.TrimSuffix(filepath.Base(name), ".sql")
		body, err := migrationFiles.ReadFile(name)
		if err != nil {
			return err
		}
		tx, err := db.w.Begin() // immediate (the writer's _txlock): the check below holds
		if err != nil {
			return err
		}
		var n int
		if err := tx.QueryRow(`SELECT count(*) FROM schema_migrations WHERE version = ?`, version).Scan(&n); err != nil {
			tx.Rollback()
			return err
		}
		if n > 0 {
			tx.Rollback()
			continue
		}
		if _, err := tx.Exec(string(body)); err != nil {
			tx.Rollback()
			return fmt.Errorf("%s: %w", name, err)
		}
		if _, err := tx.Exec(`INSERT INTO schema_migrations VALUES (?, ?)`, version, time.Now().UTC().Format(time.RFC3339)); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}

// initDevice creates the device id on first start and starts the clock after the newest
// stamp this device ever issued, so it stays monotonic across restarts and clock changes.
func (db *DB) initDevice(now func() time.Time) error {
	id, err := db.Meta("device_id")
	if err != nil {
		return err
	}
	if id == "" { // another process opening the new folder at the same moment may win: use its id
		if _, err := db.w.Exec(`INSERT INTO meta(key, value) VALUES ('device_id', ?) ON CONFLICT(key) DO NOTHING`,
			newDeviceID()); err != nil {
			return err
		}
		if id, err = db.Meta("device_id"); err != nil {
			return err
		}
	}
	db.device = id
	var last Stamp
	var lastStr sql.NullString
	if err := db.w.QueryRow(`SELECT max(hlc) FROM oplog`).Scan(&lastStr); err != nil {
		return err
	}
	if saved, _ := db.Meta("clock"); saved > lastStr.String {
		lastStr.String = saved
	}
	if lastStr.String != "" {
		if last, err = ParseStamp(lastStr.String); err != nil {
			return err
		}
	}
	db.clock = NewClock(id, last, now)
	return nil
}

// RenewDevice gives this database a new device id (used when a data folder was copied from
// another laptop, so two devices would otherwise share one id).
func (db *DB) RenewDevice() error {
	id := newDeviceID()
	if err := db.SetMeta("device_id", id); err != nil {
		return err
	}
	db.device = id
	db.clock.mu.Lock()
	db.clock.device = id
	db.clock.mu.Unlock()
	return nil
}

func newDeviceID() string {
	const alphabet = "0123456789abcdefghjkmnpqrstvwxyz"
	b := make([]byte, 10)
	_, _ = rand.Read(b)
	for i := range b {
		b[i] = alphabet[b[i]&31]
	}
	return string(b)
}

// Meta reads a local, unreplicated setting ("" when unset).
func (db *DB) Meta(key string) (string, error) {
	var v string
	err := db.w.QueryRow(`SELECT value FROM meta WHERE key = ?`, key).Scan(&v)
	if err == sql.ErrNoRows {
		return "", nil
	}
	return v, err
}

// SetMeta writes a local, unreplicated setting (device name, language, …).
func (db *DB) SetMeta(key, value string) error {
	_, err := db.w.Exec(`INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`, key, value)
	return err
}

// Local runs a statement on a local table (meta, sync_files: tables that are never
// replicated) on the writer connection. Replicated tables change only through Write.
func (db *DB) Local(ctx context.Context, query string, args ...any) error {
	_, err := db.w.ExecContext(ctx, query, args...)
	return err
}
