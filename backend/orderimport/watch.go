package orderimport

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/importer"
	"daigoudesk/backend/store"
)

// Local meta keys (this laptop only: the folder is a path on this machine).
const (
	metaFolder = "order_import_folder"
	metaDone   = "order_import_done:" // + the SHA-256 of an imported file's content → its path
)

// RescanEvery is how often the watched folder is listed in full: fsnotify is silent on
// network shares, FUSE mounts and cloud-drive placeholders.
var RescanEvery = time.Minute

// PendingFile is an export file in the watched folder that has not been imported.
type PendingFile struct {
	Path    string `json:"path"`
	Name    string `json:"name"`
	Size    int64  `json:"size"`
	ModTime string `json:"modTime"` // RFC 3339
	Preset  string `json:"preset"`  // the preset whose headers it has ('' = map the columns by hand)
	Channel string `json:"channel"` // the preset's channel ('' = the user says)
	Problem string `json:"problem"` // why it could not be read (yet): half-synced, not a table …
}

// Watcher lists the files of the import folder that wait for the user to import them. It
// never imports, moves or deletes anything: the files are the user's. A file is remembered
// as imported by its content hash, so a copy under another name, or the same file touched
// by a sync client, is not offered again.
type Watcher struct {
	db *store.DB

	mu       sync.Mutex
	folder   string
	pending  []PendingFile
	cache    map[string]scanned // path → what was read at that size and mtime
	onChange func([]PendingFile)
	fsw      *fsnotify.Watcher
	stop     chan struct{}
	done     chan struct{}
}

type scanned struct {
	size    int64
	mod     time.Time
	hash    string
	preset  Preset
	problem string
}

func newWatcher(db *store.DB) *Watcher { return &Watcher{db: db, cache: map[string]scanned{}} }

// Folder returns the watched folder ("" = none).
func (w *Watcher) Folder() (string, error) { return w.db.Meta(metaFolder) }

// SetFolder sets (or with "" clears) the watched folder and, when watching, watches the new
// one at once.
func (w *Watcher) SetFolder(dir string) error {
	dir = strings.TrimSpace(dir)
	if dir != "" {
		abs, err := filepath.Abs(dir)
		if err != nil {
			return domain.Invalid("folder", "importing.folder.missing", "not a folder: "+dir, map[string]any{"folder": dir})
		}
		if st, err := os.Stat(abs); err != nil || !st.IsDir() {
			return domain.Invalid("folder", "importing.folder.missing", "not a folder: "+dir, map[string]any{"folder": dir})
		}
		dir = abs
	}
	if err := w.db.SetMeta(metaFolder, dir); err != nil {
		return err
	}
	w.mu.Lock()
	running := w.stop != nil
	onChange := w.onChange
	w.mu.Unlock()
	if running {
		w.Stop()
		return w.Start(onChange)
	}
	return nil
}

// Start watches the folder (if one is set): it lists it now, on every change fsnotify
// reports, and every RescanEvery; onChange gets the pending files whenever they change.
func (w *Watcher) Start(onChange func([]PendingFile)) error {
	folder, err := w.Folder()
	if err != nil {
		return err
	}
	w.mu.Lock()
	if w.stop != nil {
		w.mu.Unlock()
		return nil
	}
	w.folder, w.onChange = folder, onChange
	w.stop, w.done = make(chan struct{}), make(chan struct{})
	stop, done := w.stop, w.done
	if folder != "" {
		if fsw, err := fsnotify.NewWatcher(); err == nil {
			if err := fsw.Add(folder); err != nil {
				log.Printf("orderimport: watch %s: %v (rescanning every %s)", folder, err, RescanEvery)
				fsw.Close()
			} else {
				w.fsw = fsw
			}
		}
	}
	fsw := w.fsw
	w.mu.Unlock()
	w.Rescan()
	go w.loop(fsw, stop, done)
	return nil
}

func (w *Watcher) loop(fsw *fsnotify.Watcher, stop, done chan struct{}) {
	defer close(done)
	var events chan fsnotify.Event
	var errs chan error
	if fsw != nil {
		events, errs = fsw.Events, fsw.Errors
	}
	tick := time.NewTicker(RescanEvery)
	defer tick.Stop()
	// changes come in bursts (a sync client writing a file): list the folder once they settle
	settle := time.NewTimer(time.Hour)
	settle.Stop()
	for {
		select {
		case <-stop:
			return
		case _, ok := <-events:
			if !ok {
				events = nil
				continue
			}
			settle.Reset(150 * time.Millisecond)
		case err, ok := <-errs:
			if !ok {
				errs = nil
				continue
			}
			log.Printf("orderimport: watch: %v", err)
		case <-settle.C:
			w.Rescan()
		case <-tick.C:
			w.Rescan()
		}
	}
}

// Stop stops watching.
func (w *Watcher) Stop() {
	w.mu.Lock()
	stop, done, fsw := w.stop, w.done, w.fsw
	w.stop, w.done, w.fsw = nil, nil, nil
	w.mu.Unlock()
	if stop == nil {
		return
	}
	close(stop)
	<-done
	if fsw != nil {
		fsw.Close()
	}
}

// Pending returns the files waiting to be imported, by name.
func (w *Watcher) Pending() []PendingFile {
	w.mu.Lock()
	defer w.mu.Unlock()
	return slices.Clone(w.pending)
}

// Rescan lists the folder now and tells onChange when the pending files changed.
func (w *Watcher) Rescan() {
	folder, err := w.Folder()
	if err != nil {
		log.Printf("orderimport: %v", err)
		return
	}
	list := []PendingFile{}
	if folder != "" {
		list = w.scan(folder)
	}
	w.mu.Lock()
	changed := !slices.Equal(list, w.pending)
	w.pending = list
	onChange := w.onChange
	w.mu.Unlock()
	if changed && onChange != nil {
		onChange(slices.Clone(list))
	}
}

// candidate reports whether a name in the folder may be an export: .csv or .xlsx, not hidden,
// not Excel's lock file (~$name.xlsx), not a sync client's or browser's temporary file.
func candidate(name string) bool {
	lower := strings.ToLower(name)
	if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$") {
		return false
	}
	return strings.HasSuffix(lower, ".csv") || strings.HasSuffix(lower, ".xlsx")
}

func (w *Watcher) scan(folder string) []PendingFile {
	entries, err := os.ReadDir(folder)
	if err != nil {
		log.Printf("orderimport: list %s: %v", folder, err)
		return []PendingFile{}
	}
	out := []PendingFile{}
	seen := map[string]bool{}
	for _, e := range entries {
		if e.IsDir() || !candidate(e.Name()) {
			continue
		}
		path := filepath.Join(folder, e.Name())
		info, err := e.Info()
		if err != nil {
			continue // gone since listing
		}
		seen[path] = true
		w.mu.Lock()
		sc, ok := w.cache[path]
		w.mu.Unlock()
		if !ok || sc.size != info.Size() || !sc.mod.Equal(info.ModTime()) {
			sc = scanFile(path, info)
			w.mu.Lock()
			w.cache[path] = sc
			w.mu.Unlock()
		}
		if sc.hash != "" {
			if done, _ := w.db.Meta(metaDone + sc.hash); done != "" {
				continue
			}
		}
		out = append(out, PendingFile{Path: path, Name: e.Name(), Size: info.Size(),
			ModTime: info.ModTime().UTC().Format(time.RFC3339), Preset: sc.preset.Name, Channel: sc.preset.Channel,
			Problem: sc.problem})
	}
	w.mu.Lock()
	for p := range w.cache {
		if !seen[p] && filepath.Dir(p) == folder {
			delete(w.cache, p)
		}
	}
	w.mu.Unlock()
	return out
}

func scanFile(path string, info os.FileInfo) scanned {
	sc := scanned{size: info.Size(), mod: info.ModTime()}
	hash, err := fileHash(path)
	if err != nil {
		sc.problem = err.Error()
		return sc
	}
	sc.hash = hash
	tb, err := importer.ReadTable(path)
	if err != nil {
		sc.problem = err.Error()
		return sc
	}
	sc.preset = DetectPreset(tb.Header)
	return sc
}

func fileHash(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// markImported remembers that the file's content was imported.
func markImported(db *store.DB, path string) error {
	hash, err := fileHash(path)
	if err != nil {
		return fmt.Errorf("remember %s as imported: %w", path, err)
	}
	return db.SetMeta(metaDone+hash, path)
}

// Watcher returns the service's import-folder watcher.
func (s *Service) Watcher() *Watcher { return s.watch }

// PendingFiles lists the files of the import folder waiting to be imported.
func (s *Service) PendingFiles(ctx context.Context) []PendingFile { return s.watch.Pending() }
