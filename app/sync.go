package app

import (
	"context"
	"errors"
	"log"
	"os"
	"path/filepath"
	"strings"
	gosync "sync"
	"time"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/sync"
)

// EventSyncStatus carries a SyncPass after every sync pass, in the background or asked for
// with Sync now, so the sync screen follows live.
const EventSyncStatus = "sync:status"

// syncRetry is how long the background sync waits before opening a folder again that could
// not be opened (a network share or cloud drive not mounted yet, a passphrase missing).
var syncRetry = time.Minute

// syncStopWait is how long quitting waits for the last export of the background sync.
const syncStopWait = 5 * time.Second

// Sync is the façade of the shared-folder sync: the chosen folder, the state the sync screen
// shows, Sync now, and the background sync that runs while the app is open.
type Sync struct {
	*facade
	emit func(event string, data any) // nil: to the window

	change gosync.Mutex // one change of folder at a time

	mu       gosync.Mutex
	stop     context.CancelFunc // of the background sync; nil when it is not running
	done     chan struct{}      // closed when the background sync has stopped
	lastErr  *ErrorDTO          // the last pass's error, until a pass succeeds
	quitting bool
}

// SyncStatus is what the sync screen shows: the service's sync.Status (its fields spelled out:
// the bindings generator leaves out the types of an embedded struct's fields) with the flags
// described for a person, this device's name, and whether the background sync runs and how
// its last pass went.
type SyncStatus struct {
	Folder     string `json:"folder"`
	Encrypted  bool   `json:"encrypted"`
	Device     string `json:"device"`
	DeviceName string `json:"deviceName"`
	DataDir    string `json:"dataDir"` // never to be put in the shared folder
	LastExport string `json:"lastExport"`
	LastImport string `json:"lastImport"`
	Unexported int    `json:"unexported"`
	// UnexportedCap is how far Unexported is counted: more shows as UnexportedCap+1.
	UnexportedCap int                 `json:"unexportedCap"`
	Devices       []sync.DeviceInfo   `json:"devices"`
	Problems      []sync.FileProblem  `json:"problems"`
	Clocks        []sync.ClockWarning `json:"clocks"`
	Flags         []SyncFlag          `json:"flags"`
	Running       bool                `json:"running"`
	LastError     *ErrorDTO           `json:"lastError,omitempty"`
}

// SyncPass is what one pass did (EventSyncStatus, SyncNow) and the status after it.
type SyncPass struct {
	Exported int               `json:"exported"`
	Result   sync.ImportResult `json:"result"`
	Error    *ErrorDTO         `json:"error,omitempty"`
	Status   SyncStatus        `json:"status"`
}

// Status returns the sync state.
func (s *Sync) Status() (SyncStatus, error) {
	st, err := s.svc.Sync.Status(s.ctx)
	if err != nil {
		return SyncStatus{}, err
	}
	out := SyncStatus{Folder: st.Folder, Encrypted: st.Encrypted, Device: st.Device, DataDir: s.svc.DataDir,
		LastExport: st.LastExport, LastImport: st.LastImport, Unexported: st.Unexported, UnexportedCap: sync.UnexportedCap, Devices: st.Devices,
		Problems: st.Problems, Clocks: st.Clocks, Flags: s.describeFlags(st.Flags)}
	if set, err := s.svc.Settings.Get(s.ctx); err == nil {
		out.DeviceName = set.DeviceName
	}
	s.mu.Lock()
	out.Running, out.LastError = s.stop != nil, s.lastErr
	s.mu.Unlock()
	return out, nil
}

// SetFolder chooses the shared folder (joining it: a new folder is set up, encrypted when a
// passphrase is given; an encrypted one needs the team's passphrase) and restarts the
// background sync on it.
func (s *Sync) SetFolder(folder, passphrase string) (SyncStatus, error) {
	folder = strings.TrimSpace(folder)
	if err := s.checkFolder(folder); err != nil {
		return SyncStatus{}, err
	}
	if err := s.changeFolder(folder, passphrase); err != nil {
		return SyncStatus{}, err
	}
	return s.Status()
}

// StopSyncing forgets the shared folder on this laptop (after a last export to it); the
// folder and the team's files in it stay as they are.
func (s *Sync) StopSyncing() (SyncStatus, error) {
	if err := s.changeFolder("", ""); err != nil {
		return SyncStatus{}, err
	}
	return s.Status()
}

// changeFolder stops the background sync, which exports what is pending, sets the folder and
// starts the background sync again (on the old folder when the new one is refused).
func (s *Sync) changeFolder(folder, passphrase string) error {
	s.change.Lock()
	defer s.change.Unlock()
	s.stopRunning(syncStopWait)
	err := s.svc.Sync.SetFolder(folder, passphrase)
	if err == nil {
		s.setLastError(nil)
	}
	s.startRunning()
	if err != nil {
		return syncError(err)
	}
	return nil
}

// checkFolder refuses what cannot be a shared folder before the sync service looks at it: a
// path that is not a folder, and the app's own data folder, inside which or around which a
// cloud drive would sync the live database.
func (s *Sync) checkFolder(folder string) error {
	if folder == "" {
		return domain.Invalid("folder", "sync.error.folderRequired", "choose the shared folder", nil)
	}
	if st, err := os.Stat(folder); err != nil || !st.IsDir() {
		return domain.Invalid("folder", "sync.error.notAFolder", "not a folder that exists: "+folder,
			map[string]any{"folder": folder})
	}
	data := s.svc.DataDir
	if within(folder, data) || within(data, folder) {
		return domain.Invalid("folder", "sync.error.dataDir", "the shared folder must not hold or be inside the app's data folder "+data,
			map[string]any{"folder": folder, "dataDir": data})
	}
	return nil
}

// within reports whether path is dir or inside it (after resolving links).
func within(path, dir string) bool {
	resolve := func(p string) string {
		if abs, err := filepath.Abs(p); err == nil {
			p = abs
		}
		if real, err := filepath.EvalSymlinks(p); err == nil {
			p = real
		}
		return p
	}
	rel, err := filepath.Rel(resolve(dir), resolve(path))
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// ChangePassphrase sets a new team passphrase for the encrypted folder; the old one stops
// opening it. The other laptops keep syncing (they hold the data key); a laptop that joins
// later needs the new passphrase.
func (s *Sync) ChangePassphrase(passphrase string) error {
	if strings.TrimSpace(passphrase) == "" {
		return domain.Invalid("passphrase", "sync.error.passphraseRequired", "enter the new passphrase", nil)
	}
	return syncError(s.svc.Sync.ChangePassphrase(passphrase))
}

// SyncNow runs one pass at once: export this laptop's new work, import the others'.
func (s *Sync) SyncNow() (SyncPass, error) {
	if folder, err := s.svc.Sync.Folder(); err != nil {
		return SyncPass{}, err
	} else if folder == "" { // not a failed pass: nothing to report
		return SyncPass{}, syncError(sync.ErrNoFolder)
	}
	exported, res, err := s.svc.Sync.Once(s.ctx)
	pass := s.report(exported, res, err)
	if err != nil {
		return pass, syncError(err)
	}
	return pass, nil
}

// startRunning starts the background sync when a folder is chosen and it is not running.
func (s *Sync) startRunning() {
	folder, err := s.svc.Sync.Folder()
	if err != nil || folder == "" {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stop != nil || s.quitting {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	s.stop, s.done = cancel, done
	go func() {
		defer close(done)
		s.run(ctx)
	}()
}

// run is the background sync: the service's loop, opened again after a while when the folder
// cannot be opened.
func (s *Sync) run(ctx context.Context) {
	for {
		err := s.svc.Sync.Run(ctx, func(exported int, res sync.ImportResult, err error) { s.report(exported, res, err) })
		if err == nil || ctx.Err() != nil {
			return
		}
		s.report(0, sync.ImportResult{}, err)
		select {
		case <-ctx.Done():
			return
		case <-time.After(syncRetry):
		}
	}
}

// stopRunning stops the background sync and waits up to timeout for its last export.
func (s *Sync) stopRunning(timeout time.Duration) {
	s.mu.Lock()
	stop, done := s.stop, s.done
	s.stop, s.done = nil, nil
	s.mu.Unlock()
	if stop == nil {
		return
	}
	stop()
	select {
	case <-done:
	case <-time.After(timeout):
		log.Printf("sync: the last export did not finish within %s", timeout)
	}
}

// shutdown stops the background sync as the app quits; its last pass exports what was made
// just before.
func (s *Sync) shutdown() {
	s.mu.Lock()
	s.quitting = true
	s.mu.Unlock()
	s.stopRunning(syncStopWait)
}

// report records how a pass went and tells the window.
func (s *Sync) report(exported int, res sync.ImportResult, err error) SyncPass {
	pass := SyncPass{Exported: exported, Result: res}
	if err != nil {
		dto := toErrorDTO(syncError(err))
		pass.Error = &dto
	}
	s.setLastError(pass.Error)
	s.mu.Lock()
	quitting := s.quitting
	s.mu.Unlock()
	if st, err := s.Status(); err == nil {
		pass.Status = st
	}
	if !quitting {
		s.send(EventSyncStatus, pass)
	}
	return pass
}

func (s *Sync) setLastError(e *ErrorDTO) {
	s.mu.Lock()
	s.lastErr = e
	s.mu.Unlock()
}

func (s *Sync) send(event string, data any) {
	if s.emit != nil {
		s.emit(event, data)
		return
	}
	runtime.EventsEmit(s.ctx, event, data)
}

// syncErrors translate the sync service's errors a person can act on.
var syncErrors = []struct {
	target error
	err    *domain.Error
}{
	{sync.ErrNeedPassphrase, domain.Invalid("passphrase", "sync.error.needPassphrase", sync.ErrNeedPassphrase.Error(), nil)},
	{sync.ErrWrongPassphrase, domain.Invalid("passphrase", "sync.error.wrongPassphrase", sync.ErrWrongPassphrase.Error(), nil)},
	{sync.ErrNewer, domain.Invalid("folder", "sync.error.newer", sync.ErrNewer.Error(), nil)},
	{sync.ErrPlainFolder, domain.Invalid("passphrase", "sync.error.plainFolder", sync.ErrPlainFolder.Error(), nil)},
	{sync.ErrNotSetUp, domain.Invalid("folder", "sync.error.notSetUp", sync.ErrNotSetUp.Error(), nil)},
	{sync.ErrDamagedFormat, domain.Invalid("folder", "sync.error.damagedFormat", sync.ErrDamagedFormat.Error(), nil)},
	{sync.ErrNoFolder, domain.Invalid("folder", "sync.error.noFolder", sync.ErrNoFolder.Error(), nil)},
	{sync.ErrNotEncrypted, domain.Invalid("passphrase", "sync.error.notEncrypted", sync.ErrNotEncrypted.Error(), nil)},
}

// syncError turns an error of the sync service into a domain error with a translation key.
// The service's other errors are about the folder (unreachable, not set up, damaged, not
// encrypted yet a passphrase was given): they are shown with their own (English) text, which
// names the folder and what is wrong better than "internal error" could.
func syncError(err error) error {
	if err == nil || domain.AsError(err) != nil {
		return err
	}
	for _, e := range syncErrors {
		if errors.Is(err, e.target) {
			return e.err
		}
	}
	log.Printf("sync: %v", err)
	return &domain.Error{Code: domain.EInvalid, Field: "folder", Key: "sync.error.other", Message: err.Error(),
		Params: map[string]any{"message": err.Error()}}
}

// SyncFlag is a flag of the sync service (sync.Flag) with the names a person reads.
type SyncFlag struct {
	sync.Flag
	Product     string   `json:"product"`  // SKU and name, for oversold
	Location    string   `json:"location"` // for oversold
	OrderID     string   `json:"orderId"`  // the order concerned
	OrderNumber string   `json:"orderNumber"`
	Choices     []string `json:"choices"` // the resolutions this kind of flag takes
}

// describeFlags names the products, locations and orders flags are about.
func (s *Sync) describeFlags(flags []sync.Flag) []SyncFlag {
	out := make([]SyncFlag, 0, len(flags))
	db := s.svc.DB.R()
	for _, f := range flags {
		d := SyncFlag{Flag: f, Choices: sync.Resolutions[f.Kind]}
		if f.Kind == "oversold" {
			db.QueryRowContext(s.ctx, `SELECT sku || ' ' || name_zh FROM products WHERE id = ?`, f.ProductID).Scan(&d.Product)
			db.QueryRowContext(s.ctx, `SELECT name FROM locations WHERE id = ?`, f.LocationID).Scan(&d.Location)
			db.QueryRowContext(s.ctx, `SELECT order_id FROM order_lines WHERE id = ?`, f.Ref).Scan(&d.OrderID)
		} else {
			d.OrderID = f.Subject
		}
		if d.OrderID != "" {
			db.QueryRowContext(s.ctx, `SELECT number FROM orders WHERE id = ?`, d.OrderID).Scan(&d.OrderNumber)
		}
		out = append(out, d)
	}
	return out
}

// Resolve records a person's answer to a sync flag (one of its Choices) and returns the new
// status; the flag clears on every laptop once the answer has synced.
func (s *Sync) Resolve(subject, kind, note string) (SyncStatus, error) {
	if err := s.svc.Sync.Resolve(s.ctx, subject, kind, note); err != nil {
		return SyncStatus{}, err
	}
	return s.Status()
}
