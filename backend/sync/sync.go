package sync

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"time"

	"daigoudesk/backend/blobs"
	"daigoudesk/backend/store"
)

// segmentOps is the most operations one segment holds.
const segmentOps = 5000

// Syncer exchanges this device's operations with the others' through one folder.
type Syncer struct {
	db    *store.DB
	root  string       // <folder>/DaigouDesk
	key   []byte       // the team's data key when the folder is encrypted, else nil
	blobs *blobs.Store // this laptop's attachments (nil: not synced)
	now   func() time.Time
}

// folderFormat is FORMAT.json, written once by the laptop that made the folder.
type folderFormat struct {
	Format    int    `json:"format"`
	App       string `json:"app"`
	Encrypted bool   `json:"encrypted"`
}

// Errors a person can act on when choosing or opening a folder.
var (
	// ErrNeedPassphrase: an encrypted folder opened before its passphrase was given here.
	ErrNeedPassphrase = errors.New("this sync folder is encrypted: enter the team passphrase")
	// ErrPlainFolder: a passphrase given for a folder that is not encrypted (its history is
	// already readable, so it cannot be encrypted afterwards: start a new folder).
	ErrPlainFolder = errors.New("this folder is not encrypted; to encrypt the team's data, start a new folder with a passphrase")
	// ErrNotSetUp: the chosen folder has no DaigouDesk folder (it was moved, or is not mounted).
	ErrNotSetUp = errors.New("the sync folder is not set up here (moved, or not mounted?): choose it again")
	// ErrNoFolder: no sync folder is chosen on this laptop.
	ErrNoFolder = errors.New("no sync folder chosen")
	// ErrNotEncrypted: a passphrase change asked of a folder that has none.
	ErrNotEncrypted = errors.New("this sync folder is not encrypted")
	// ErrDamagedFormat: FORMAT.json cannot be read (half-synced, or damaged).
	ErrDamagedFormat = errors.New("the sync folder's FORMAT.json is damaged or incomplete")
)

// Join makes folder this laptop's sync folder. A folder used for the first time is set up
// (encrypted when passphrase is not empty); joining an encrypted folder needs its
// passphrase, and the data key it opens is kept in this laptop's meta. An unencrypted
// folder cannot be encrypted later (its history is already readable): use a new folder.
func Join(db *store.DB, folder, passphrase string) error {
	if strings.TrimSpace(folder) == "" {
		return ErrNoFolder
	}
	if st, err := os.Stat(folder); err != nil || !st.IsDir() {
		return fmt.Errorf("sync folder %s: not a folder that exists", folder)
	}
	root := filepath.Join(folder, "DaigouDesk")
	f, err := readFormat(root)
	if os.IsNotExist(err) {
		if err := os.MkdirAll(root, 0o755); err != nil {
			return err
		}
		f = folderFormat{Format: Format, App: "daigoudesk", Encrypted: passphrase != ""}
		if f.Encrypted {
			key := make([]byte, 32)
			if _, err := rand.Read(key); err != nil {
				return err
			}
			if err := writeWrap(root, db.Device(), passphrase, key); err != nil {
				return err
			}
		}
		data, _ := json.Marshal(f)
		if err := writeOnce(filepath.Join(root, "FORMAT.json"), data); err != nil {
			return err
		}
	} else if err != nil {
		return fmt.Errorf("sync folder %s: %w", folder, err)
	}
	if !f.Encrypted {
		if passphrase != "" {
			return fmt.Errorf("sync folder %s: %w", folder, ErrPlainFolder)
		}
		return db.SetMeta("sync_key", "")
	}
	if passphrase == "" {
		return ErrNeedPassphrase
	}
	key, err := unwrap(root, passphrase)
	if err != nil {
		return err
	}
	return db.SetMeta("sync_key", hex.EncodeToString(key))
}

func readFormat(root string) (folderFormat, error) {
	var f folderFormat
	data, err := os.ReadFile(filepath.Join(root, "FORMAT.json"))
	if err != nil {
		return f, err
	}
	if err := json.Unmarshal(data, &f); err != nil {
		return f, ErrDamagedFormat
	}
	if f.Format > Format {
		return f, fmt.Errorf("format %d: %w", f.Format, ErrNewer)
	}
	return f, nil
}

// Open returns the syncer of folder, which this laptop has joined.
func Open(db *store.DB, folder string) (*Syncer, error) {
	s := &Syncer{db: db, root: filepath.Join(folder, "DaigouDesk"), now: time.Now}
	f, err := readFormat(s.root)
	if os.IsNotExist(err) {
		return nil, fmt.Errorf("sync folder %s: %w", folder, ErrNotSetUp)
	} else if err != nil {
		return nil, fmt.Errorf("sync folder %s: %w", folder, err)
	}
	if f.Encrypted {
		k, err := db.Meta("sync_key")
		if err != nil {
			return nil, err
		}
		if s.key, err = hex.DecodeString(k); err != nil || len(s.key) != 32 {
			return nil, ErrNeedPassphrase
		}
	}
	for _, d := range []string{"devices", filepath.Join("log", db.Device())} {
		if err := os.MkdirAll(filepath.Join(s.root, d), 0o755); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// ChangePassphrase wraps the folder's data key with a new passphrase; the old one stops
// opening the folder. Nothing already written is rewritten.
func (s *Syncer) ChangePassphrase(passphrase string) error {
	if s.key == nil {
		return ErrNotEncrypted
	}
	return writeWrap(s.root, s.db.Device(), passphrase, s.key)
}

// writeOnce writes a file the way every file of the folder is written: under a temporary
// name, fsynced, then renamed, so no reader (or cloud client) ever sees half of it.
func writeOnce(path string, data []byte) error {
	var rnd [6]byte
	rand.Read(rnd[:])
	tmp := filepath.Join(filepath.Dir(path), ".tmp-"+hex.EncodeToString(rnd[:]))
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(tmp)
		return err
	}
	if durable {
		if err := f.Sync(); err != nil {
			f.Close()
			os.Remove(tmp)
			return err
		}
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	if !durable {
		return nil
	}
	if d, err := os.Open(filepath.Dir(path)); err == nil { // the rename itself is durable
		d.Sync()
		d.Close()
	}
	return nil
}

// durable makes writeOnce fsync the file and its folder, so a file survives a power cut once
// its name appears. Only the property test, which simulates no power cuts, turns it off.
var durable = true

// Export writes this device's operations not yet exported as new segments and returns how
// many operations it wrote.
func (s *Syncer) Export(ctx context.Context) (int, error) {
	device := s.db.Device()
	exported, err := s.db.Meta("sync_exported")
	if err != nil {
		return 0, err
	}
	seqText, err := s.db.Meta("sync_seq")
	if err != nil {
		return 0, err
	}
	seq, _ := strconv.ParseInt(seqText, 10, 64)
	total := 0
	for {
		var ops []store.Op
		errFull := errors.New("full")
		read, err := s.db.ScanOps(ctx, device, exported, func(op store.Op) error {
			ops = append(ops, op)
			if len(ops) == segmentOps {
				return errFull
			}
			return nil
		})
		if err != nil && err != errFull {
			return total, err
		}
		if len(ops) == 0 {
			if read != exported { // entries read and skipped: nothing was left of them to send
				return total, s.db.SetMeta("sync_exported", read)
			}
			return total, nil
		}
		seq++
		file, err := encodeSegment(device, seq, ops)
		if err != nil {
			return total, err
		}
		if s.key != nil {
			if file, err = seal(s.key, "seg", file); err != nil {
				return total, err
			}
		}
		name := segmentName(seq, file)
		if err := writeOnce(filepath.Join(s.root, "log", device, name), file); err != nil {
			return total, err
		}
		if err := s.noteWritten(ctx, device+"/"+name); err != nil {
			return total, err
		}
		// after a crash before these two lines the same operations go out again under the
		// same sequence number: importers skip operations they have
		exported = read // the last operation sent, or an entry after it that was skipped
		if err := s.db.SetMeta("sync_seq", strconv.FormatInt(seq, 10)); err != nil {
			return total, err
		}
		if err := s.db.SetMeta("sync_exported", exported); err != nil {
			return total, err
		}
		total += len(ops)
	}
}

// ImportResult says what one import pass did.
type ImportResult struct {
	Files    int    `json:"files"`    // segments applied
	Ops      int    `json:"ops"`      // operations new to this device
	Problems int    `json:"problems"` // files that could not be applied (yet)
	Renewed  string `json:"renewed"`  // this laptop's new device id, when its id was found on another laptop too
	// Attachments is how many photos and other attachments arrived.
	Attachments int `json:"attachments"`
	// Snapshot says this new laptop started from a snapshot.
	Snapshot bool `json:"snapshot"`
}

// Import applies every segment of other devices that this device has not imported yet, each
// in one transaction. A file that cannot be read or verified is recorded as a problem and
// tried again next time; nothing of it is applied.
func (s *Syncer) Import(ctx context.Context) (ImportResult, error) {
	var res ImportResult
	var err error
	if res.Snapshot, err = s.startFromSnapshot(ctx); err != nil {
		return res, err
	}
	done, err := s.importedFiles(ctx)
	if err != nil {
		return res, err
	}
	files, err := s.segmentFiles()
	if err != nil {
		return res, err
	}
	// A catch-up decodes and applies hundreds of thousands of small operations: collecting
	// garbage less often while it runs saves a third of a core (memory stays bounded by the
	// batch size).
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	// Files are read and verified on one core while the other applies the previous ones, and
	// segments are applied several to a transaction (a failing batch is applied again one
	// segment at a time, so one bad segment holds back only itself).
	type read struct {
		f   segmentFile
		ops []store.Op
		err error
	}
	reads := make(chan read, 4)
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		defer close(reads)
		for _, f := range files {
			if done[f.rel] {
				continue
			}
			ops, err := s.readSegment(f)
			select {
			case reads <- read{f, ops, err}:
			case <-stop:
				return
			}
		}
	}()
	var batch []read
	var batchOps int
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		var all []store.Op
		for _, r := range batch {
			all = append(all, r.ops...)
		}
		n, err := s.db.ApplyOps(ctx, all)
		if err == nil {
			res.Ops += n
			for _, r := range batch {
				res.Files++
				if err := s.record(ctx, r.f, ""); err != nil {
					return err
				}
			}
		} else {
			for _, r := range batch { // find the one that cannot apply
				n, err := s.db.ApplyOps(ctx, r.ops)
				res.Ops += n
				if err != nil {
					res.Problems++
				} else {
					res.Files++
				}
				if err := s.record(ctx, r.f, errText(err)); err != nil {
					return err
				}
			}
		}
		batch, batchOps = batch[:0], 0
		return nil
	}
	for r := range reads {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		if r.err != nil {
			res.Problems++
			if err := s.record(ctx, r.f, r.err.Error()); err != nil {
				return res, err
			}
			continue
		}
		s.checkClock(r.f.device, r.ops)
		batch = append(batch, r)
		if batchOps += len(r.ops); batchOps >= importBatch {
			if err := flush(); err != nil {
				return res, err
			}
		}
	}
	return res, flush()
}

// importBatch is about how many operations go into one import transaction.
const importBatch = 20_000

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// readSegment reads, decrypts and verifies one segment file.
func (s *Syncer) readSegment(f segmentFile) ([]store.Op, error) {
	data, err := os.ReadFile(f.path)
	if err != nil {
		return nil, err
	}
	name := filepath.Base(f.path)
	if s.key != nil {
		if err := checkName(name, data); err != nil {
			return nil, err
		}
		if data, err = unseal(s.key, "seg", data); err != nil {
			return nil, err
		}
		name = "" // checked on the sealed bytes
	}
	h, ops, err := decodeSegment(name, data)
	if err == nil && h.Device != f.device {
		err = fmt.Errorf("segment of device %s in the folder of device %s", h.Device, f.device)
	}
	return ops, err
}

// clockAhead is how far ahead of this laptop's clock another laptop's stamps may be before
// the sync screen warns about it. Its operations are applied all the same: refusing them
// would make laptops diverge.
const clockAhead = 10 * time.Minute

// checkClock notes (meta sync_clock_warning) a device whose newest stamp is far ahead of this
// laptop's wall clock, or clears the note when that device's clock looks right again.
func (s *Syncer) checkClock(device string, ops []store.Op) {
	last, err := store.ParseStamp(ops[len(ops)-1].HLC)
	if err != nil {
		return
	}
	ahead := time.UnixMilli(last.Wall).Sub(s.now())
	var warnings map[string]ClockWarning
	if v, _ := s.db.Meta("sync_clock_warning"); v != "" {
		json.Unmarshal([]byte(v), &warnings)
	}
	if warnings == nil {
		warnings = map[string]ClockWarning{}
	}
	if ahead > clockAhead {
		warnings[device] = ClockWarning{Device: device, AheadSeconds: int64(ahead / time.Second),
			Seen: s.now().UTC().Format(time.RFC3339)}
	} else if _, ok := warnings[device]; ok {
		delete(warnings, device)
	} else {
		return
	}
	data, _ := json.Marshal(warnings)
	s.db.SetMeta("sync_clock_warning", string(data))
}

// ClockWarning says a laptop's clock runs ahead of this one's.
type ClockWarning struct {
	Device       string `json:"device"`
	AheadSeconds int64  `json:"aheadSeconds"`
	Seen         string `json:"seen"`
}

type segmentFile struct {
	rel, path, device string
}

// segmentFiles lists the segment files of other devices in the folder, oldest first per
// device. Temporary names (".tmp-…", any dot file) and cloud placeholders (".icloud") are not
// segments yet; sync clients' duplicates ("… (2).seg", "….sync-conflict-….seg",
// "… conflicted copy ….seg") are listed and verified like any file.
func (s *Syncer) segmentFiles() ([]segmentFile, error) {
	logDir := filepath.Join(s.root, "log")
	devices, err := os.ReadDir(logDir)
	if err != nil {
		return nil, err
	}
	var out []segmentFile
	for _, d := range devices {
		if !d.IsDir() || d.Name() == s.db.Device() || strings.HasPrefix(d.Name(), ".") {
			continue
		}
		entries, err := os.ReadDir(filepath.Join(logDir, d.Name()))
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			n := e.Name()
			if e.IsDir() || strings.HasPrefix(n, ".") || !strings.Contains(n, ".seg") || strings.HasSuffix(n, ".icloud") {
				continue
			}
			out = append(out, segmentFile{rel: d.Name() + "/" + n, path: filepath.Join(logDir, d.Name(), n), device: d.Name()})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].device != out[j].device {
			return out[i].device < out[j].device
		}
		return seqOf(filepath.Base(out[i].path)) < seqOf(filepath.Base(out[j].path))
	})
	return out, nil
}

func (s *Syncer) importedFiles(ctx context.Context) (map[string]bool, error) {
	rows, err := s.db.R().QueryContext(ctx, `SELECT name FROM sync_files WHERE status = 'imported'`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		out[n] = true
	}
	return out, rows.Err()
}

// record notes a file as imported (problem "") or as a problem, keeping when it was first seen.
func (s *Syncer) record(ctx context.Context, f segmentFile, problem string) error {
	now := s.now().UTC().Format(time.RFC3339)
	status, doneAt := "imported", now
	if problem != "" {
		status, doneAt = "problem", ""
	}
	return s.db.Local(ctx, `INSERT INTO sync_files(name, device, status, problem, tries, first_seen, done_at)
		VALUES (?, ?, ?, ?, 1, ?, ?)
		ON CONFLICT(name) DO UPDATE SET status = excluded.status, problem = excluded.problem,
			tries = tries + 1, done_at = excluded.done_at`, f.rel, f.device, status, problem, now, doneAt)
}

// Once exports this device's new operations, imports the others', and notes this device as
// seen in the folder.
func (s *Syncer) Once(ctx context.Context) (exported int, res ImportResult, err error) {
	if res.Renewed, err = s.checkClone(ctx); err != nil {
		return 0, res, err
	}
	if exported, err = s.Export(ctx); err != nil {
		return exported, res, err
	}
	renewed := res.Renewed
	if res, err = s.Import(ctx); err != nil {
		return exported, res, err
	}
	res.Renewed = renewed
	var blobProblems int
	if res.Attachments, blobProblems, err = s.syncBlobs(ctx, s.blobs); err != nil {
		return exported, res, err
	}
	res.Problems += blobProblems
	if err := s.writeDevice(); err != nil {
		return exported, res, err
	}
	return exported, res, s.maintain(ctx)
}

// noteWritten records a segment this device wrote.
func (s *Syncer) noteWritten(ctx context.Context, rel string) error {
	return s.db.Local(ctx, `INSERT INTO sync_files(name, device, status, first_seen, done_at) VALUES (?, ?, 'written', ?, ?)
		ON CONFLICT(name) DO UPDATE SET status = 'written'`, rel, s.db.Device(), s.now().UTC().Format(time.RFC3339),
		s.now().UTC().Format(time.RFC3339))
}

// checkClone looks for segments under this device's id that this device did not write: a
// data folder copied to another laptop gives both laptops one id. Then this laptop exports
// what it has not yet exported under the old id and takes a new one (the other laptop does
// the same when it sees this one's segments); both keep importing the old id's segments like
// any other device's. It returns the new id, or "".
func (s *Syncer) checkClone(ctx context.Context) (string, error) {
	device := s.db.Device()
	dir := filepath.Join(s.root, "log", device)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "", nil // nothing written yet
	}
	written := map[string]bool{}
	rows, err := s.db.R().QueryContext(ctx, `SELECT name FROM sync_files WHERE status = 'written' AND device = ?`, device)
	if err != nil {
		return "", err
	}
	for rows.Next() {
		var n string
		rows.Scan(&n)
		written[n] = true
	}
	rows.Close()
	foreign := false
	for _, e := range entries {
		rel := device + "/" + e.Name()
		if e.IsDir() || strings.HasPrefix(e.Name(), ".") || !strings.Contains(e.Name(), ".seg") || written[rel] {
			continue
		}
		ops, err := s.readSegment(segmentFile{rel: rel, path: filepath.Join(dir, e.Name()), device: device})
		if err != nil {
			continue // unreadable yet: it says nothing
		}
		mine := true
		for _, op := range ops {
			var n int
			if err := s.db.R().QueryRowContext(ctx, `SELECT count(*) FROM oplog WHERE hlc = ?`, op.HLC).Scan(&n); err != nil {
				return "", err
			}
			if n == 0 {
				mine = false
				break
			}
		}
		if !mine {
			foreign = true
			break
		}
		if err := s.noteWritten(ctx, rel); err != nil { // a copy of this device's own, or written before this was noted
			return "", err
		}
	}
	if !foreign {
		return "", nil
	}
	if _, err := s.Export(ctx); err != nil {
		return "", err
	}
	if err := s.db.RenewDevice(); err != nil {
		return "", err
	}
	if err := s.db.SetMeta("sync_seq", "0"); err != nil {
		return "", err
	}
	return s.db.Device(), os.MkdirAll(filepath.Join(s.root, "log", s.db.Device()), 0o755)
}

// DeviceInfo is what devices/<device>.json says about a laptop.
type DeviceInfo struct {
	Device   string `json:"device"`
	Name     string `json:"name"`
	LastSeen string `json:"lastSeen"`
}

func (s *Syncer) writeDevice() error {
	name, err := s.db.Meta("device_name")
	if err != nil {
		return err
	}
	data, err := json.Marshal(DeviceInfo{Device: s.db.Device(), Name: name, LastSeen: s.now().UTC().Format(time.RFC3339)})
	if err != nil {
		return err
	}
	return writeOnce(filepath.Join(s.root, "devices", s.db.Device()+".json"), data)
}
