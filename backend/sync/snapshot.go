package sync

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"daigoudesk/backend/store"
)

// Snapshots and compaction. A snapshot (snap/<stamp>-<device>-<hash>.snap) holds every row
// of every replicated table with its merge stamps, and says which segments it covers: for
// each device, the sequence number up to which that device's segments had all been applied.
// A new laptop (an empty database) starts from the newest snapshot it can read and then
// imports only the segments after what it covers. Every laptop writes
// state/<device>.json: the segments it has applied, per device. A laptop deletes its own
// segments — nobody else's — once every laptop that has written to the folder has applied
// them and a snapshot covers them; and its own older snapshots once a newer one exists.

// snapEvery is the age after which a laptop writes a new snapshot, and snapMinOps the
// operations a database must hold before a snapshot is worth writing.
var (
	snapEvery  = 24 * time.Hour
	snapMinOps = 10_000
)

// snapHeader is the first line of a snapshot.
type snapHeader struct {
	Format int              `json:"format"`
	Kind   string           `json:"kind"` // "snapshot"
	Device string           `json:"device"`
	Made   string           `json:"made"` // RFC 3339
	Covers map[string]int64 `json:"covers"`
	Rows   int              `json:"rows"`
	Body   string           `json:"body"` // SHA-256 (hex) of the compressed body
}

// covers returns, per device, the sequence number up to which all its segments have been
// applied here (for this device: exported).
func (s *Syncer) covers(ctx context.Context) (map[string]int64, error) {
	rows, err := s.db.R().QueryContext(ctx, `SELECT name FROM sync_files WHERE status IN ('imported', 'written')`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	seqs := map[string]map[int64]bool{}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, err
		}
		device, file, ok := strings.Cut(name, "/")
		if !ok || device == "blobs" || !namePattern.MatchString(file) {
			continue
		}
		if seqs[device] == nil {
			seqs[device] = map[int64]bool{}
		}
		seqs[device][seqOf(file)] = true
	}
	// a laptop that started from a snapshot has applied what the snapshot covered
	out := map[string]int64{}
	if v, _ := s.db.Meta("sync_base"); v != "" {
		json.Unmarshal([]byte(v), &out)
	}
	for device, have := range seqs {
		n := out[device]
		for have[n+1] {
			n++
		}
		out[device] = n
	}
	return out, rows.Err()
}

// writeSnapshot writes a snapshot of this laptop's database.
func (s *Syncer) writeSnapshot(ctx context.Context) error {
	covers, err := s.covers(ctx)
	if err != nil {
		return err
	}
	// the rows read below may be newer than covers says (never older): a laptop starting
	// from it applies the segments after covers again, which changes nothing
	var body bytes.Buffer
	zw := gzip.NewWriter(&body)
	enc := json.NewEncoder(zw)
	n := 0
	if err := s.db.SnapshotRows(ctx, func(r store.SnapRow) error { n++; return enc.Encode(r) }); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	sum := sha256.Sum256(body.Bytes())
	made := s.now().UTC()
	head, err := json.Marshal(snapHeader{Format: Format, Kind: "snapshot", Device: s.db.Device(), Made: made.Format(time.RFC3339),
		Covers: covers, Rows: n, Body: hex.EncodeToString(sum[:])})
	if err != nil {
		return err
	}
	file := append(append(head, '\n'), body.Bytes()...)
	if s.key != nil {
		if file, err = seal(s.key, "snap", file); err != nil {
			return err
		}
	}
	fsum := sha256.Sum256(file)
	name := fmt.Sprintf("%s-%s-%s.snap", made.Format("20060102T150405.000000000Z"), s.db.Device(), hex.EncodeToString(fsum[:8]))
	dir := filepath.Join(s.root, "snap")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return writeOnce(filepath.Join(dir, name), file)
}

// snapshots lists the folder's snapshot files, newest first.
func (s *Syncer) snapshots() []string {
	files, _ := filepath.Glob(filepath.Join(s.root, "snap", "*.snap"))
	var out []string
	for _, f := range files {
		if !strings.HasPrefix(filepath.Base(f), ".") {
			out = append(out, f)
		}
	}
	sort.Sort(sort.Reverse(sort.StringSlice(out)))
	return out
}

// readSnapshot verifies and decodes a snapshot file.
func (s *Syncer) readSnapshot(path string) (snapHeader, []store.SnapRow, error) {
	var h snapHeader
	file, err := os.ReadFile(path)
	if err != nil {
		return h, nil, err
	}
	name := filepath.Base(path)
	parts := strings.Split(strings.TrimSuffix(name, ".snap"), "-")
	fsum := sha256.Sum256(file)
	if len(parts) != 3 || parts[2] != hex.EncodeToString(fsum[:8]) {
		return h, nil, fmt.Errorf("content does not match the name (damaged or incomplete)")
	}
	if s.key != nil {
		if file, err = unseal(s.key, "snap", file); err != nil {
			return h, nil, err
		}
	}
	nl := bytes.IndexByte(file, '\n')
	if nl < 0 || json.Unmarshal(file[:nl], &h) != nil || h.Kind != "snapshot" {
		return h, nil, fmt.Errorf("not a snapshot (damaged or incomplete)")
	}
	if h.Format > Format {
		return h, nil, fmt.Errorf("format %d: %w", h.Format, ErrNewer)
	}
	rows := make([]store.SnapRow, 0, h.Rows)
	err = eachLine(file[nl+1:], h.Body, func(line []byte) error {
		r, err := store.DecodeSnapRow(line)
		if err != nil {
			return fmt.Errorf("row %d: %v", len(rows)+1, err)
		}
		rows = append(rows, r)
		return nil
	})
	if err != nil {
		return h, nil, err
	}
	if len(rows) != h.Rows {
		return h, nil, fmt.Errorf("has %d rows, its header says %d", len(rows), h.Rows)
	}
	return h, rows, nil
}

// newestSnapshot returns the folder's snapshots (newest first), and the header and position
// of the newest whole one (position -1: none). Snapshots never change (their names carry
// their hash), so the header of the one last read is kept in local meta and a pass reads
// and decodes a snapshot only when a newer one has appeared.
func (s *Syncer) newestSnapshot() ([]string, snapHeader, int) {
	var cached struct {
		Name   string     `json:"name"`
		Header snapHeader `json:"header"`
	}
	if v, _ := s.db.Meta("sync_snap_header"); v != "" {
		json.Unmarshal([]byte(v), &cached)
	}
	snaps := s.snapshots()
	for i, p := range snaps {
		if filepath.Base(p) == cached.Name {
			return snaps, cached.Header, i
		}
		if h, _, err := s.readSnapshot(p); err == nil {
			cached.Name, cached.Header = filepath.Base(p), h
			if data, err := json.Marshal(cached); err == nil {
				s.db.SetMeta("sync_snap_header", string(data))
			}
			return snaps, h, i
		}
	}
	return snaps, snapHeader{}, -1
}

// startFromSnapshot loads the newest readable snapshot into a new laptop's empty database
// and marks the segments it covers as applied. It reports whether it loaded one.
func (s *Syncer) startFromSnapshot(ctx context.Context) (bool, error) {
	if empty, err := s.db.Empty(ctx); err != nil || !empty {
		return false, err
	}
	for _, path := range s.snapshots() {
		h, rows, err := s.readSnapshot(path)
		if err != nil {
			continue // an older one may be whole
		}
		if err := s.db.LoadSnapshot(ctx, rows); err != nil {
			return false, err
		}
		base, _ := json.Marshal(h.Covers)
		if err := s.db.SetMeta("sync_base", string(base)); err != nil {
			return true, err
		}
		files, err := s.segmentFiles()
		if err != nil {
			return true, err
		}
		for _, f := range files {
			if seqOf(filepath.Base(f.path)) <= h.Covers[f.device] && namePattern.MatchString(filepath.Base(f.path)) {
				if err := s.record(ctx, f, ""); err != nil {
					return true, err
				}
			}
		}
		return true, nil
	}
	return false, nil
}

// maintain writes this laptop's state file, a snapshot when the newest is old, and deletes
// this laptop's segments and snapshots that nobody needs any more.
func (s *Syncer) maintain(ctx context.Context) error {
	covers, err := s.covers(ctx)
	if err != nil {
		return err
	}
	me := s.db.Device()
	data, _ := json.Marshal(map[string]any{"device": me, "applied": covers})
	if err := os.MkdirAll(filepath.Join(s.root, "state"), 0o755); err != nil {
		return err
	}
	if err := writeOnce(filepath.Join(s.root, "state", me+".json"), data); err != nil {
		return err
	}
	snaps, newest, at := s.newestSnapshot()
	newestOK := at >= 0
	made, _ := time.Parse(time.RFC3339, newest.Made)
	if !newestOK || s.now().Sub(made) > snapEvery {
		var ops int
		if err := s.db.R().QueryRowContext(ctx, `SELECT count(*) FROM oplog`).Scan(&ops); err != nil {
			return err
		}
		if ops >= snapMinOps {
			if err := s.writeSnapshot(ctx); err != nil {
				return err
			}
			snaps, newest, at = s.newestSnapshot()
			newestOK = at >= 0
		}
	}
	if !newestOK {
		return nil
	}
	// every laptop that wrote to the folder must have applied a segment before it goes
	bound := newest.Covers[me]
	devices, _ := filepath.Glob(filepath.Join(s.root, "devices", "*.json"))
	for _, d := range devices {
		dev := strings.TrimSuffix(filepath.Base(d), ".json")
		if dev == me {
			continue
		}
		var st struct {
			Applied map[string]int64 `json:"applied"`
		}
		raw, err := os.ReadFile(filepath.Join(s.root, "state", dev+".json"))
		if err != nil || json.Unmarshal(raw, &st) != nil {
			return nil // not known yet: keep everything
		}
		bound = min(bound, st.Applied[me])
	}
	own, _ := os.ReadDir(filepath.Join(s.root, "log", me))
	for _, e := range own {
		if namePattern.MatchString(e.Name()) && seqOf(e.Name()) <= bound {
			os.Remove(filepath.Join(s.root, "log", me, e.Name()))
		}
	}
	for _, p := range snaps[at+1:] { // older than the newest whole one: this laptop's own go
		if strings.Contains(filepath.Base(p), "-"+me+"-") {
			os.Remove(p)
		}
	}
	return nil
}
