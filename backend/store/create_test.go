package store

import (
	"database/sql"
	"path/filepath"
	"testing"
)

// TestOpenCreatesLargePagesAndKeepsAnOldFilesPages: a new database gets pageSize pages in
// WAL mode; a database made with SQLite's default pages opens, migrates and keeps them, with
// what it held.
func TestOpenCreatesLargePagesAndKeepsAnOldFilesPages(t *testing.T) {
	dir := t.TempDir()
	settings := func(db *DB) (page int, mode string) {
		t.Helper()
		if err := db.w.QueryRow(`PRAGMA page_size`).Scan(&page); err != nil {
			t.Fatal(err)
		}
		if err := db.w.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil {
			t.Fatal(err)
		}
		return page, mode
	}
	db, err := Open(filepath.Join(dir, "new.db"))
	if err != nil {
		t.Fatal(err)
	}
	if page, mode := settings(db); page != pageSize || mode != "wal" {
		t.Errorf("new database: page size %d, journal %s; want %d, wal", page, mode, pageSize)
	}
	db.Close()

	old := filepath.Join(dir, "old.db")
	raw, err := sql.Open("sqlite3", old)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`CREATE TABLE kept(x); INSERT INTO kept VALUES ('saved')`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	db, err = Open(old)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var x string
	if err := db.r.QueryRow(`SELECT x FROM kept`).Scan(&x); err != nil || x != "saved" {
		t.Fatalf("old database's row: %q, %v", x, err)
	}
	if page, mode := settings(db); page != 4096 || mode != "wal" {
		t.Errorf("old database: page size %d, journal %s; want 4096, wal", page, mode)
	}
}
