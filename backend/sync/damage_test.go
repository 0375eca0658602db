package sync

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"daigoudesk/backend/store"
)

// pair is two laptops on one folder; a has made changes and exported them as one segment.
func pair(t *testing.T, passphrase string) (a, b *Syncer, seg string, data []byte) {
	t.Helper()
	ctx := context.Background()
	folder := t.TempDir()
	var dbs [2]*store.DB
	for i := range dbs {
		db, err := openCopy(t, store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		dbs[i] = db
	}
	var err error
	for _, db := range dbs {
		if err := Join(db, folder, passphrase); err != nil {
			t.Fatal(err)
		}
	}
	if a, err = Open(dbs[0], folder); err != nil {
		t.Fatal(err)
	}
	if b, err = Open(dbs[1], folder); err != nil {
		t.Fatal(err)
	}
	err = dbs[0].Write(ctx, func(tx *store.Tx) error {
		for i := 0; i < 50; i++ {
			if err := tx.Set("customers", "c"+string(rune('a'+i%26))+strings.Repeat("x", i/26), store.Fields{"name": "王小美", "phone": "13912345678"}); err != nil {
				return err
			}
		}
		return tx.Add("stock_moves", "m1", store.Fields{"product_id": "p", "location_id": "l", "qty": 5})
	})
	if err != nil {
		t.Fatal(err)
	}
	if n, err := a.Export(ctx); err != nil || n != 51 {
		t.Fatalf("export: %d %v", n, err)
	}
	files, _ := filepath.Glob(filepath.Join(a.root, "log", dbs[0].Device(), "*.seg"))
	if len(files) != 1 {
		t.Fatalf("%d segments", len(files))
	}
	data, err = os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	return a, b, files[0], data
}

func customersOf(t *testing.T, s *Syncer) int {
	t.Helper()
	var n int
	if err := s.db.R().QueryRow(`SELECT count(*) FROM customers`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestDamagedFilesAreSkippedKeptAndRetried: a segment that is truncated, empty, bit-flipped,
// a cloud placeholder, or from a newer app applies nothing, is recorded as a problem, stays in
// the folder, and applies in full once the good file arrives.
func TestDamagedFilesAreSkippedKeptAndRetried(t *testing.T) {
	ctx := context.Background()
	flip := func(d []byte) []byte {
		c := append([]byte(nil), d...)
		c[len(c)-20] ^= 0x04
		return c
	}
	newer := func(d []byte) []byte {
		return []byte(strings.Replace(string(d), `"format":1`, `"format":99`, 1))
	}
	for name, damage := range map[string]func([]byte) []byte{
		"truncated":  func(d []byte) []byte { return d[:len(d)/2] },
		"zeroLength": func(d []byte) []byte { return nil },
		"bitFlipped": flip,
		"headerOnly": func(d []byte) []byte { return d[:strings.IndexByte(string(d), '\n')+1] },
		"newerApp":   newer,
	} {
		t.Run(name, func(t *testing.T) {
			_, b, seg, good := pair(t, "")
			if err := os.WriteFile(seg, damage(good), 0o644); err != nil {
				t.Fatal(err)
			}
			res, err := b.Import(ctx)
			if err != nil || res.Problems != 1 || res.Ops != 0 {
				t.Fatalf("import of a damaged file: %+v %v", res, err)
			}
			if n := customersOf(t, b); n != 0 {
				t.Fatalf("%d customers applied from a damaged file", n)
			}
			if _, err := os.Stat(seg); err != nil {
				t.Fatal("the damaged file was removed")
			}
			var problem string
			var tries int
			b.db.R().QueryRow(`SELECT problem, tries FROM sync_files WHERE status = 'problem'`).Scan(&problem, &tries)
			if problem == "" || tries != 1 {
				t.Fatalf("problem %q tries %d", problem, tries)
			}
			if name == "newerApp" && !strings.Contains(problem, "newer version") {
				t.Fatalf("problem of a newer file: %q", problem)
			}
			b.Import(ctx) // still damaged: tried again
			b.db.R().QueryRow(`SELECT tries FROM sync_files WHERE status = 'problem'`).Scan(&tries)
			if tries != 2 {
				t.Fatalf("tries %d after a second pass", tries)
			}
			// the sync client finishes the upload
			if err := os.WriteFile(seg, good, 0o644); err != nil {
				t.Fatal(err)
			}
			res, err = b.Import(ctx)
			if err != nil || res.Problems != 0 || res.Ops != 51 || customersOf(t, b) != 50 {
				t.Fatalf("import of the repaired file: %+v %v", res, err)
			}
		})
	}
}

// TestNoiseInTheFolderIsHarmless: temporary names and cloud placeholders are not read;
// sync clients' duplicate copies apply nothing new and report no problem.
func TestNoiseInTheFolderIsHarmless(t *testing.T) {
	ctx := context.Background()
	_, b, seg, good := pair(t, "")
	dir := filepath.Dir(seg)
	base := strings.TrimSuffix(filepath.Base(seg), ".seg")
	for name, data := range map[string][]byte{
		".tmp-0123456789ab":  good[:10],
		base + ".seg.icloud": []byte("bplist00"),
		base + " (2).seg":    good,
		base + ".sync-conflict-20260301-101010-ABCDEF.seg": good,
	} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res, err := b.Import(ctx)
	if err != nil || res.Problems != 0 || res.Ops != 51 || res.Files != 3 {
		t.Fatalf("import: %+v %v", res, err)
	}
	if n := customersOf(t, b); n != 50 {
		t.Fatalf("%d customers", n)
	}
}

// FuzzDecodeSegment: no input makes the decoder panic, and whatever it accepts is a
// segment whose operations all belong to its device and match its header.
func FuzzDecodeSegment(f *testing.F) {
	ops := []store.Op{{HLC: "0001772352000000.00000.dev1", Kind: "set", Table: "customers", ID: "c1",
		Data: store.Fields{"name": "王"}}}
	good, err := encodeSegment("dev1", 1, ops)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(segmentName(1, good), good)
	f.Add("x.seg", good[:len(good)/2])
	f.Add("x.seg", []byte("{}\n"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		h, got, err := decodeSegment(name, data)
		if err != nil {
			return
		}
		if len(got) != h.Count || got[0].HLC != h.First || got[len(got)-1].HLC != h.Last {
			t.Fatalf("accepted a segment that does not match its header: %+v", h)
		}
		for _, op := range got {
			if !strings.HasSuffix(op.HLC, "."+h.Device) {
				t.Fatalf("accepted an operation of another device: %s", op.HLC)
			}
		}
	})
}

// TestCrashPointsLoseAndDuplicateNothing simulates a laptop dying at each step of a sync:
// after writing a temporary file (before its rename), after the rename but before the export
// was noted, and after a segment was applied but before it was noted as imported.
func TestCrashPointsLoseAndDuplicateNothing(t *testing.T) {
	ctx := context.Background()
	a, b, seg, _ := pair(t, "")
	oplogRows := func(s *Syncer) int {
		var n int
		s.db.R().QueryRow(`SELECT count(*) FROM oplog`).Scan(&n)
		return n
	}
	// before the rename: a temporary file is all there is
	if err := os.WriteFile(filepath.Join(filepath.Dir(seg), ".tmp-deadbeef0000"), []byte("half"), 0o644); err != nil {
		t.Fatal(err)
	}
	// after the rename, before noting the export: the next export sends the same operations
	// again (with one more) under the same sequence number
	if err := a.db.SetMeta("sync_exported", ""); err != nil {
		t.Fatal(err)
	}
	if err := a.db.SetMeta("sync_seq", "0"); err != nil {
		t.Fatal(err)
	}
	if err := a.db.Write(ctx, func(tx *store.Tx) error {
		return tx.Set("customers", "late", store.Fields{"name": "李四"})
	}); err != nil {
		t.Fatal(err)
	}
	if n, err := a.Export(ctx); err != nil || n != 52 {
		t.Fatalf("export after the crash: %d %v", n, err)
	}
	res, err := b.Import(ctx)
	if err != nil || res.Problems != 0 || res.Files != 2 || res.Ops != 52 {
		t.Fatalf("import: %+v %v", res, err)
	}
	if oplogRows(b) != oplogRows(a) || customersOf(t, b) != 51 {
		t.Fatalf("oplog %d vs %d rows, %d customers", oplogRows(b), oplogRows(a), customersOf(t, b))
	}
	// applied but not noted as imported: the next pass applies nothing twice
	if err := b.db.Local(ctx, `DELETE FROM sync_files`); err != nil {
		t.Fatal(err)
	}
	res, err = b.Import(ctx)
	if err != nil || res.Ops != 0 || res.Files != 2 {
		t.Fatalf("second import: %+v %v", res, err)
	}
	var onHand int
	b.db.R().QueryRow(`SELECT on_hand FROM product_stock WHERE product_id = 'p'`).Scan(&onHand)
	if onHand != 5 || oplogRows(b) != oplogRows(a) {
		t.Fatalf("on hand %d, oplog %d rows after re-import", onHand, oplogRows(b))
	}
}

// TestOperationsFromANewerAppAreKept: a segment holding an operation on a table this version
// does not know applies nothing (not even its known operations), stays in the folder, and
// is shown as written by a newer version: after an upgrade it applies at the next pass.
func TestOperationsFromANewerAppAreKept(t *testing.T) {
	ctx := context.Background()
	a, b, _, _ := pair(t, "")
	ops := []store.Op{
		{HLC: "9000000000000.00000." + a.db.Device(), Kind: "set", Table: "customers", ID: "new1", Data: store.Fields{"name": "钱七"}},
		{HLC: "9000000000000.00001." + a.db.Device(), Kind: "set", Table: "voyages", ID: "t1", Data: store.Fields{"city": "大阪"}},
	}
	file, err := encodeSegment(a.db.Device(), 99, ops)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(a.root, "log", a.db.Device(), segmentName(99, file))
	if err := os.WriteFile(path, file, 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := b.Import(ctx)
	if err != nil || res.Problems != 1 || res.Ops != 51 {
		t.Fatalf("import: %+v %v", res, err)
	}
	var n int
	b.db.R().QueryRow(`SELECT count(*) FROM customers WHERE id = 'new1'`).Scan(&n)
	if n != 0 {
		t.Fatal("part of a segment was applied")
	}
	svc := New(b.db, nil)
	svc.db.SetMeta("sync_folder", filepath.Dir(b.root))
	st, err := svc.Status(ctx)
	if err != nil || len(st.Problems) != 1 || st.Problems[0].Kind != "newer" {
		t.Fatalf("status problems %+v %v", st.Problems, err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatal("the segment was removed")
	}
}
