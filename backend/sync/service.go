package sync

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	gosync "sync"
	"time"

	"github.com/fsnotify/fsnotify"

	"daigoudesk/backend/blobs"
	"daigoudesk/backend/store"
)

// Timing of the run loop: an export this long after the last local change (changes made
// together go out in one segment), and a full pass this often whatever the watcher says
// (fsnotify is silent on network shares, FUSE and cloud placeholders).
var (
	exportDelay  = 1 * time.Second
	rescanPeriod = time.Minute
	importDelay  = 300 * time.Millisecond // files arrive in bursts
)

// Service is the sync of one data folder: its chosen shared folder (local meta sync_folder),
// one-off passes, the run loop, and the status the sync screen and CLI show.
type Service struct {
	db    *store.DB
	blobs *blobs.Store
	now   func() time.Time

	mu      gosync.Mutex // one pass at a time
	changed chan struct{}

	flagsMu  gosync.Mutex
	flags    []Flag // the last Flags, until a change to what they are computed from (nil: none yet)
	flagsGen int    // counts those changes, so a list read during one is not kept
}

// New returns the sync service of db and its attachments.
func New(db *store.DB, attachments *blobs.Store) *Service {
	s := &Service{db: db, blobs: attachments, now: time.Now, changed: make(chan struct{}, 1)}
	db.Subscribe(func(c store.Change) {
		if c.Tables["stock_moves"] || c.Tables["order_events"] || c.Tables["sync_resolutions"] {
			s.flagsMu.Lock()
			s.flags, s.flagsGen = nil, s.flagsGen+1
			s.flagsMu.Unlock()
		}
		if !c.Remote {
			select {
			case s.changed <- struct{}{}:
			default:
			}
		}
	})
	return s
}

// UnexportedCap is how far Status counts the operations waiting to be sent: more shows as
// UnexportedCap+1 ("10,000+").
const UnexportedCap = 10000

// Folder returns the chosen shared folder ("" = none).
func (s *Service) Folder() (string, error) { return s.db.Meta("sync_folder") }

// SetFolder chooses the shared folder, joining it (see Join: passphrase sets up or opens an
// encrypted folder), or with "" stops syncing.
func (s *Service) SetFolder(folder, passphrase string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if folder != "" {
		abs, err := filepath.Abs(folder)
		if err != nil {
			return err
		}
		if err := Join(s.db, abs, passphrase); err != nil {
			return err
		}
		folder = abs
	}
	if old, err := s.Folder(); err != nil {
		return err
	} else if old != folder {
		if err := s.forgetFolder(); err != nil {
			return err
		}
	}
	return s.db.SetMeta("sync_folder", folder)
}

// forgetFolder clears what this laptop knew of its previous folder, so everything it holds
// goes to the new folder and the old folder's problems are not shown for the new one.
func (s *Service) forgetFolder() error {
	if err := s.db.Local(context.Background(), `DELETE FROM sync_files`); err != nil {
		return err
	}
	for _, k := range []string{"sync_exported", "sync_seq", "sync_base", "sync_clock_warning", "sync_last_export", "sync_last_import",
		"sync_snap_header"} {
		if err := s.db.SetMeta(k, ""); err != nil {
			return err
		}
	}
	return nil
}

// ChangePassphrase sets a new passphrase for the encrypted sync folder.
func (s *Service) ChangePassphrase(passphrase string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	sy, err := s.open()
	if err != nil {
		return err
	}
	return sy.ChangePassphrase(passphrase)
}

// open returns the syncer of the chosen folder.
func (s *Service) open() (*Syncer, error) {
	folder, err := s.Folder()
	if err != nil {
		return nil, err
	}
	if folder == "" {
		return nil, ErrNoFolder
	}
	sy, err := Open(s.db, folder)
	if err != nil {
		return nil, err
	}
	sy.now, sy.blobs = s.now, s.blobs
	return sy, nil
}

// Once runs one pass: export this device's new operations, import the others'.
func (s *Service) Once(ctx context.Context) (exported int, res ImportResult, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sy, err := s.open()
	if err != nil {
		return 0, res, err
	}
	exported, res, err = sy.Once(ctx)
	now := s.now().UTC().Format(time.RFC3339)
	if exported > 0 {
		s.db.SetMeta("sync_last_export", now)
	}
	if err == nil {
		s.db.SetMeta("sync_last_import", now)
	}
	return exported, res, err
}

// Run syncs until ctx ends: a pass at start, an export shortly after local changes, an
// import when files arrive in the folder, a full pass every minute, and a last export when it
// stops (the app quitting). Errors of a pass go to report and the loop goes on.
func (s *Service) Run(ctx context.Context, report func(exported int, res ImportResult, err error)) error {
	sy, err := s.open()
	if err != nil {
		return err
	}
	pass := func() { report(s.Once(context.WithoutCancel(ctx))) }
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	logDir := filepath.Join(sy.root, "log")
	watchAll := func() { // every device's folder: fsnotify is not recursive
		w.Add(logDir)
		entries, _ := os.ReadDir(logDir)
		for _, e := range entries {
			if e.IsDir() {
				w.Add(filepath.Join(logDir, e.Name()))
			}
		}
	}
	watchAll()
	pass()
	rescan := time.NewTicker(rescanPeriod)
	defer rescan.Stop()
	var exportTimer, importTimer <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			pass() // what was made just before quitting goes out now
			return nil
		case <-s.changed:
			exportTimer = time.After(exportDelay)
		case <-exportTimer:
			exportTimer = nil
			pass()
		case ev := <-w.Events:
			if ev.Op&fsnotify.Create != 0 && filepath.Dir(ev.Name) == logDir {
				watchAll() // a new device's folder
			}
			importTimer = time.After(importDelay)
		case <-importTimer:
			importTimer = nil
			pass()
		case <-w.Errors:
		case <-rescan.C:
			watchAll()
			pass()
		}
	}
}

// FileProblem is a file of the folder this device could not apply (yet).
type FileProblem struct {
	Name      string `json:"name"`
	Problem   string `json:"problem"` // in English, with the detail
	Kind      string `json:"kind"`    // damaged | newer | undecryptable | other, for the screen's words
	Tries     int    `json:"tries"`
	FirstSeen string `json:"firstSeen"`
}

// problemKind sorts a recorded problem into what a person needs to know.
func problemKind(problem string) string {
	switch {
	case strings.Contains(problem, "newer version"), strings.Contains(problem, "unknown table"),
		strings.Contains(problem, "has no field"): // operations on tables or fields a later version adds
		return "newer"
	case strings.Contains(problem, "decrypted"):
		return "undecryptable"
	case strings.Contains(problem, "damaged"), strings.Contains(problem, "incomplete"), strings.Contains(problem, "truncated"),
		strings.Contains(problem, "no header"), strings.Contains(problem, "checksum"), strings.Contains(problem, "header"):
		return "damaged"
	}
	return "other"
}

// Status is what the sync screen and `daigoudesk sync status` show.
type Status struct {
	Folder     string        `json:"folder"`
	Encrypted  bool          `json:"encrypted"`
	Device     string        `json:"device"`
	LastExport string        `json:"lastExport"`
	LastImport string        `json:"lastImport"`
	Unexported int           `json:"unexported"` // local operations not yet in the folder, up to UnexportedCap+1
	Devices    []DeviceInfo  `json:"devices"`    // every laptop that has written to the folder
	Problems   []FileProblem `json:"problems"`
	// Clocks are laptops whose clocks run far ahead of this one's (their changes still apply).
	Clocks []ClockWarning `json:"clocks"`
	// Flags are what sync found for a person to decide (see Flags).
	Flags []Flag `json:"flags"`
}

// Status reports the sync state.
func (s *Service) Status(ctx context.Context) (Status, error) {
	st := Status{Device: s.db.Device(), Devices: []DeviceInfo{}, Problems: []FileProblem{}, Clocks: []ClockWarning{}}
	if v, _ := s.db.Meta("sync_clock_warning"); v != "" {
		var warnings map[string]ClockWarning
		json.Unmarshal([]byte(v), &warnings)
		for _, w := range warnings {
			st.Clocks = append(st.Clocks, w)
		}
		sort.Slice(st.Clocks, func(i, j int) bool { return st.Clocks[i].Device < st.Clocks[j].Device })
	}
	var err error
	if st.Flags, err = s.Flags(ctx); err != nil {
		return st, err
	}
	if st.Folder, err = s.Folder(); err != nil {
		return st, err
	}
	st.LastExport, _ = s.db.Meta("sync_last_export")
	st.LastImport, _ = s.db.Meta("sync_last_import")
	if st.Folder != "" { // without a folder nothing waits to be sent
		// counted up to a cap: a laptop that never exported would otherwise count its whole
		// history (2,000,000 operations take half a second, at every refresh of the status)
		exported, _ := s.db.Meta("sync_exported")
		if err := s.db.R().QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM oplog WHERE hlc > ? AND device = ? LIMIT ?)`,
			exported, s.db.Device(), UnexportedCap+1).Scan(&st.Unexported); err != nil {
			return st, err
		}
	}
	rows, err := s.db.R().QueryContext(ctx, `SELECT name, problem, tries, first_seen FROM sync_files
		WHERE status = 'problem' ORDER BY first_seen, name`)
	if err != nil {
		return st, err
	}
	defer rows.Close()
	for rows.Next() {
		var p FileProblem
		if err := rows.Scan(&p.Name, &p.Problem, &p.Tries, &p.FirstSeen); err != nil {
			return st, err
		}
		p.Kind = problemKind(p.Problem)
		st.Problems = append(st.Problems, p)
	}
	if err := rows.Err(); err != nil {
		return st, err
	}
	if st.Folder != "" {
		if f, err := readFormat(filepath.Join(st.Folder, "DaigouDesk")); err == nil {
			st.Encrypted = f.Encrypted
		}
		files, _ := filepath.Glob(filepath.Join(st.Folder, "DaigouDesk", "devices", "*.json"))
		for _, f := range files {
			data, err := os.ReadFile(f)
			var d DeviceInfo
			if err != nil || json.Unmarshal(data, &d) != nil || d.Device == "" {
				continue // half-synced: it will be read next time
			}
			st.Devices = append(st.Devices, d)
		}
		sort.Slice(st.Devices, func(i, j int) bool { return st.Devices[i].Device < st.Devices[j].Device })
	}
	return st, nil
}
