package app

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/importer"
	"daigoudesk/backend/orderimport"
)

// EventImportPending carries the files of the watched import folder waiting for the user
// ([]orderimport.PendingFile) whenever that list changes.
const EventImportPending = "import:pending"

// OrderImport is the façade for importing orders from sales channels' export files: the
// mapping step, the dry-run preview, the import, and the watched import folder.
type OrderImport struct{ *facade }

// startWatching lists the import folder (off the startup path: a network share can be
// slow) and emits EventImportPending on every change.
func (o *OrderImport) startWatching() {
	err := o.svc.OrderImport.Watcher().Start(func(files []orderimport.PendingFile) {
		runtime.EventsEmit(o.ctx, EventImportPending, files)
	})
	if err != nil {
		log.Printf("import folder: %v", err)
	}
}

func (o *OrderImport) stopWatching() { o.svc.OrderImport.Watcher().Stop() }

// StageDir is the folder under the data folder where Stage keeps the files the user uploads.
const StageDir = "imports"

// MaxStageSize is the largest export file Stage accepts (a year of a busy Taobao shop is a
// few MB).
const MaxStageSize = 64 << 20

// unsafeName are the characters a file name may not carry on some OS.
var unsafeName = strings.NewReplacer("/", "_", "\\", "_", ":", "_", "*", "_", "?", "_", "\"", "_", "<", "_", ">", "_", "|", "_")

// Stage saves an export file the user picked or dropped in the window (sent as base64: a
// webview has no file path) to <data dir>/imports/<hash>-<name> and returns that path for
// Preview and Import. The name starts with the content's hash, so uploading the same file
// again reuses one copy; the copies stay so an import can be traced back to its file.
func (o *OrderImport) Stage(name, dataBase64 string) (string, error) {
	name = unsafeName.Replace(filepath.Base(strings.TrimSpace(name)))
	if _, err := importer.FormatOf(name); err != nil {
		return "", err
	}
	if base64.StdEncoding.DecodedLen(len(dataBase64)) > MaxStageSize {
		return "", domain.Invalid("file", "importing.upload.tooBig",
			fmt.Sprintf("the file is larger than %d MB", MaxStageSize>>20), map[string]any{"mb": MaxStageSize >> 20})
	}
	data, err := base64.StdEncoding.DecodeString(dataBase64)
	if err != nil {
		return "", domain.Invalid("file", "importing.upload.unreadable", "the file could not be read: "+name,
			map[string]any{"file": name})
	}
	sum := sha256.Sum256(data)
	dir := filepath.Join(o.svc.DataDir, StageDir)
	path := filepath.Join(dir, hex.EncodeToString(sum[:8])+"-"+name)
	if _, err := os.Stat(path); err == nil {
		return path, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	pruneStaged(dir, time.Now().Add(-stageKeep))
	// written under a hidden name, then renamed: a half-written copy never has the final name
	part := filepath.Join(dir, "."+filepath.Base(path)+".part")
	if err := os.WriteFile(part, data, 0o644); err != nil {
		os.Remove(part)
		return "", err
	}
	return path, os.Rename(part, path)
}

// stageKeep is how long a picked file's copy stays in the data folder: long enough to import
// it again or look at what was imported, not forever.
const stageKeep = 30 * 24 * time.Hour

// pruneStaged removes the copies of picked files older than before (the imported orders keep
// everything they need; the files are only copies).
func pruneStaged(dir string, before time.Time) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if info, err := e.Info(); err == nil && !e.IsDir() && info.ModTime().Before(before) {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// Fields lists the fields a mapping can name, in form order.
func (o *OrderImport) Fields() []orderimport.Field { return orderimport.Fields }

// Presets lists the built-in mappings (taobao, generic).
func (o *OrderImport) Presets() []orderimport.Preset { return orderimport.Presets }

// Preview reads the file with the mapping (nil = the channel's saved mapping or preset) and
// says what importing it would do, listing every bad row; it writes nothing.
func (o *OrderImport) Preview(path, channel string, mapping map[string]string) (orderimport.Preview, error) {
	return o.svc.OrderImport.Preview(o.ctx, orderimport.Request{Path: path, Channel: channel, Mapping: mapping})
}

// Import imports the file; productMap maps unmatched titles to product ids; skipBad leaves
// the orders of bad rows out instead of refusing the file.
func (o *OrderImport) Import(path, channel string, mapping map[string]string, productMap map[string]string,
	skipBad bool) (orderimport.Result, error) {
	return o.svc.OrderImport.Import(o.ctx, orderimport.Request{Path: path, Channel: channel, Mapping: mapping,
		ProductMap: productMap, SkipBad: skipBad})
}

// Mappings lists the mappings saved per channel.
func (o *OrderImport) Mappings() ([]orderimport.SavedMapping, error) {
	return o.svc.OrderImport.Mappings(o.ctx)
}

// SaveMapping saves the mapping for a channel.
func (o *OrderImport) SaveMapping(channel string, mapping map[string]string) (orderimport.SavedMapping, error) {
	return o.svc.OrderImport.SaveMapping(o.ctx, channel, mapping)
}

// WatchFolder returns the watched import folder (” = none).
func (o *OrderImport) WatchFolder() (string, error) { return o.svc.OrderImport.Watcher().Folder() }

// SetWatchFolder sets the watched import folder (” = stop watching).
func (o *OrderImport) SetWatchFolder(path string) error {
	return o.svc.OrderImport.Watcher().SetFolder(path)
}

// PendingFiles lists the watched folder's files waiting to be imported.
func (o *OrderImport) PendingFiles() []orderimport.PendingFile {
	return o.svc.OrderImport.PendingFiles(o.ctx)
}

// ExportOrdersAs asks where to save every order (format "xlsx" or "csv" preselected), writes
// them there in the generic channel layout, and returns the path ("" when the person
// cancelled) and how many orders it wrote.
func (o *OrderImport) ExportOrdersAs(format string) (ExportResult, error) {
	return exportAs(o.ctx, "orders", format, func(path string) (int, error) {
		return o.svc.OrderImport.ExportOrdersFile(o.ctx, path)
	})
}
