// Package services opens a data folder and builds every backend service over it. The desktop
// app (package app) and the command line (package cli) both start here, so they run the same
// code. It imports the backend area packages and nothing of Wails.
package services

import (
	"os"
	"path/filepath"
	"runtime"

	"daigoudesk/backend/blobs"
	"daigoudesk/backend/catalog"
	"daigoudesk/backend/settings"
	"daigoudesk/backend/stock"
	"daigoudesk/backend/store"
)

// DBFile is the database's name inside the data folder.
const DBFile = "daigou.db"

// Services are the backend services over one data folder.
type Services struct {
	DataDir  string
	DB       *store.DB
	Blobs    *blobs.Store
	Catalog  *catalog.Service
	Stock    *stock.Service
	Settings *settings.Service
}

// Open opens (creating if needed) the data folder dir.
func Open(dir string) (*Services, error) {
	db, err := store.Open(filepath.Join(dir, DBFile))
	if err != nil {
		return nil, err
	}
	return &Services{
		DataDir:  dir,
		DB:       db,
		Blobs:    blobs.New(filepath.Join(dir, "blobs")),
		Catalog:  catalog.New(db),
		Stock:    stock.New(db),
		Settings: settings.New(db, dir),
	}, nil
}

// Close closes the database.
func (s *Services) Close() error { return s.DB.Close() }

// DefaultDataDir is where the app keeps its data unless told otherwise: $DAIGOU_DATA_DIR, or
// the user's data folder (~/.local/share/DaigouDesk on Linux, ~/Library/Application
// Support/DaigouDesk on macOS, %AppData%\DaigouDesk on Windows).
func DefaultDataDir() string {
	if d := os.Getenv("DAIGOU_DATA_DIR"); d != "" {
		return d
	}
	if runtime.GOOS == "linux" {
		if x := os.Getenv("XDG_DATA_HOME"); x != "" {
			return filepath.Join(x, "DaigouDesk")
		}
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, ".local", "share", "DaigouDesk")
		}
	}
	if d, err := os.UserConfigDir(); err == nil {
		return filepath.Join(d, "DaigouDesk")
	}
	return "DaigouDesk"
}
