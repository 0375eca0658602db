package sync

import (
	"bytes"
	"context"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"daigoudesk/backend/store"
)

// device is one simulated laptop: its own database, clock and syncer on the shared folder.
type device struct {
	db    *store.DB
	sync  *Syncer
	clock *time.Time // its wall clock, skewed and jumping on its own
	n     int        // ledger rows it made
}

// laptop is a database kept for many schedules: opening and migrating databases, and
// preparing their statements, would otherwise cost more than the schedules themselves.
type laptop struct {
	db  *store.DB
	now time.Time
}

// laptops hands out sets of 8 laptops, emptied for the next schedule; their databases live
// in laptopsDir for the whole test.
var (
	laptops    = make(chan []*laptop, 8)
	laptopsDir string
)

func takeLaptops(t *testing.T) []*laptop {
	select {
	case set := <-laptops:
		for _, l := range set {
			if err := wipe(l.db); err != nil {
				t.Fatal(err)
			}
			if strings.Count(dumpOf(t, l.db), "\n") != len(store.Tables())+6 { // a title line per table, no rows
				t.Fatal("a wiped laptop still holds rows")
			}
		}
		return set
	default:
	}
	set := make([]*laptop, 8)
	for i := range set {
		l := &laptop{}
		dir, err := os.MkdirTemp(laptopsDir, "laptop-")
		if err != nil {
			t.Fatal(err)
		}
		db, err := openCopyAt(filepath.Join(dir, "daigou.db"), store.Options{Now: func() time.Time { return l.now }, NoSync: true})
		if err != nil {
			t.Fatal(err)
		}
		l.db = db
		set[i] = l
	}
	return set
}

// wipe empties a laptop's database (every replicated, derived and sync table) as if new,
// keeping its device id and clock (each schedule starts a day after the last, so stamps go
// on growing).
func wipe(db *store.DB) error {
	var tables []string
	for _, tb := range store.Tables() {
		tables = append(tables, tb.Name)
	}
	// derived tables last: deleting ledger rows fires triggers that write them
	tables = append(tables, "oplog", "sync_files", "stock_levels", "product_stock", "order_status", "order_counts")
	for _, tb := range tables {
		if err := db.Local(context.Background(), `DELETE FROM `+tb); err != nil {
			return err
		}
	}
	return db.Local(context.Background(), `DELETE FROM meta WHERE key LIKE 'sync_%'`)
}

// randomOp makes a random change of any replicated table, drawn from the store's registry so
// that tables added later join the test by themselves. Entity ids come from a small pool so
// devices edit the same rows; ledger rows are new, or now and then one that another device
// may make too (an id derived from the same source).
func randomOp(rng *rand.Rand, d *device, name int) (kind, table, id string, fields store.Fields) {
	tables := store.Tables()
	tb := tables[rng.Intn(len(tables))]
	fields = store.Fields{}
	texts := []string{"", "a", "b", "雪花秀", "神仙水 SK-II", "x0", "x1"}
	// which fields the operation sets: all of them, the first or the second half, or one —
	// as forms and services do (they set fixed groups of fields), overlapping so that
	// per-field merges are exercised, without a new SQL statement for every random subset
	half, one := len(tb.Fields)/2, rng.Intn(len(tb.Fields))
	mode := rng.Intn(4)
	for n, f := range tb.Fields {
		if mode == 1 && n >= half || mode == 2 && n < half || mode == 3 && n != one {
			continue
		}
		switch {
		case f.Name == "deleted":
			fields[f.Name] = rng.Intn(4) == 0
		case f.Type == store.Int:
			fields[f.Name] = rng.Intn(15) - 5
		case f.Name == "kind":
			fields[f.Name] = []string{"confirmed", "paid", "shipped", "cancelled", "receive", "payment", "refund"}[rng.Intn(7)]
		case len(f.Name) > 3 && f.Name[len(f.Name)-3:] == "_id":
			fields[f.Name] = "r" + strconv.Itoa(rng.Intn(3))
		default:
			fields[f.Name] = texts[rng.Intn(len(texts))]
		}
	}
	if len(fields) == 0 {
		f := tb.Fields[0]
		if f.Type == store.Int {
			fields[f.Name] = 1
		} else {
			fields[f.Name] = "r0"
		}
	}
	if tb.Kind == store.Entity {
		return "set", tb.Name, "r" + strconv.Itoa(rng.Intn(3)), fields
	}
	d.n++
	id = fmt.Sprintf("d%d-%d", name, d.n)
	if rng.Intn(5) == 0 {
		id = "shared" + strconv.Itoa(rng.Intn(3))
	}
	return "add", tb.Name, id, fields
}

// TestDevicesConverge is the sync property test: 2–8 simulated laptops make random changes
// offline, with skewed clocks that sometimes jump back, and sync through one folder in a
// random order — exporting, importing what they happen to see (some devices partitioned
// for a while, files seen twice, sync clients' duplicate copies) — and at the end, after
// everyone has exported and imported everything, every canonical dump (tables, derived stock
// and order status included) is byte-identical. $DAIGOU_SYNC_SCHEDULES sets how many
// random schedules run (CI runs the default, 1,000; -short 20; `make test-sync-long` 5,000).
func TestDevicesConverge(t *testing.T) {
	schedules := 1000
	if n, err := strconv.Atoi(os.Getenv("DAIGOU_SYNC_SCHEDULES")); err == nil && n > 0 {
		schedules = n
	} else if testing.Short() {
		schedules = 20
	}
	durable = false // thousands of folders that no power cut threatens
	dir, err := os.MkdirTemp("", "daigou-laptops-")
	if err != nil {
		t.Fatal(err)
	}
	laptopsDir = dir
	t.Cleanup(func() {
		durable = true
		for len(laptops) > 0 {
			for _, l := range <-laptops {
				l.db.Close()
			}
		}
		os.RemoveAll(dir)
	})
	for s := 0; s < schedules; s++ {
		seed := int64(s + 1)
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			t.Parallel() // schedules are independent: use every core
			converge(t, seed)
		})
	}
}

func converge(t *testing.T, seed int64) {
	ctx := context.Background()
	rng := rand.New(rand.NewSource(seed))
	folder := t.TempDir()
	devices := make([]*device, 2+rng.Intn(7))
	start := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC).AddDate(0, 0, int(seed))
	set := takeLaptops(t)
	defer func() { laptops <- set }()
	for i := range devices {
		l := set[i]
		l.now = start.Add(time.Duration(rng.Intn(6*3600)-3*3600) * time.Second) // hours of skew
		d := &device{clock: &l.now}
		db := l.db
		if err := Join(db, folder, ""); err != nil {
			t.Fatal(err)
		}
		var err error
		if d.sync, err = Open(db, folder); err != nil {
			t.Fatal(err)
		}
		d.db = db
		devices[i] = d
	}
	partitioned := map[int]bool{}
	for step := 0; step < 40+rng.Intn(60); step++ {
		i := rng.Intn(len(devices))
		d := devices[i]
		*d.clock = d.clock.Add(time.Duration(rng.Intn(5000)) * time.Millisecond)
		if rng.Intn(25) == 0 {
			*d.clock = d.clock.Add(-time.Duration(rng.Intn(3600)) * time.Second) // the wall clock jumps back
		}
		switch r := rng.Intn(10); {
		case r < 6: // an offline change of one to three operations, in one transaction
			n := 1 + rng.Intn(3)
			if rng.Intn(10) == 0 {
				n = 30 + rng.Intn(60) // a busy hour offline: its segment takes the bulk apply path
			}
			err := d.db.Write(ctx, func(tx *store.Tx) error {
				for k := 0; k < n; k++ {
					kind, table, id, fields := randomOp(rng, d, i)
					var err error
					if kind == "set" {
						err = tx.Set(table, id, fields)
					} else {
						err = tx.Add(table, id, fields)
					}
					if err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
		case r < 7:
			partitioned[i] = !partitioned[i]
		case r < 8: // a sync client duplicates a segment
			duplicateSomeSegment(t, rng, folder)
		default:
			if _, err := d.sync.Export(ctx); err != nil {
				t.Fatal(err)
			}
			if !partitioned[i] {
				if _, err := d.sync.Import(ctx); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	// everyone comes online: two rounds so every device has seen every other's export
	for round := 0; round < 2; round++ {
		for _, d := range devices {
			if _, res, err := d.sync.Once(ctx); err != nil || res.Problems > 0 {
				t.Fatalf("sync: %+v %v", res, err)
			}
		}
	}
	want := dumpOf(t, devices[0].db)
	for i, d := range devices[1:] {
		if got := dumpOf(t, d.db); got != want {
			t.Fatalf("device %d differs from device 0 after sync (seed %d):\n%s", i+1, seed, firstDiff(want, got))
		}
	}
	// the derived tables equal a rebuild from the ledgers
	if err := devices[0].db.RebuildDerived(ctx); err != nil {
		t.Fatal(err)
	}
	if got := dumpOf(t, devices[0].db); got != want {
		t.Fatalf("derived tables differ from a rebuild (seed %d):\n%s", seed, firstDiff(want, got))
	}
}

var template struct {
	once sync.Once
	data []byte
	err  error
}

// openCopy opens a new device's database made from a copy of an empty migrated database
// (migrating dozens of databases per schedule would dominate the test's time); it gets its
// own device id on first start like any new database.
func openCopy(t *testing.T, opts store.Options) (*store.DB, error) {
	template.once.Do(func() {
		path := filepath.Join(os.TempDir(), fmt.Sprintf("daigou-sync-template-%d.db", os.Getpid()))
		defer os.Remove(path)
		db, err := store.Open(path)
		if err != nil {
			template.err = err
			return
		}
		if err := db.Local(context.Background(), `DELETE FROM meta WHERE key IN ('device_id', 'clock')`); err != nil {
			template.err = err
		}
		db.Close()
		template.data, template.err = os.ReadFile(path)
	})
	if template.err != nil {
		return nil, template.err
	}
	return openCopyAt(filepath.Join(t.TempDir(), "daigou.db"), opts)
}

func openCopyAt(path string, opts store.Options) (*store.DB, error) {
	if err := os.WriteFile(path, template.data, 0o644); err != nil {
		return nil, err
	}
	return store.Open(path, opts)
}

func dumpOf(t *testing.T, db *store.DB) string {
	t.Helper()
	var b bytes.Buffer
	if err := db.Dump(&b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func firstDiff(a, b string) string {
	al, bl := bytes.Split([]byte(a), []byte("\n")), bytes.Split([]byte(b), []byte("\n"))
	for i := 0; i < len(al) && i < len(bl); i++ {
		if !bytes.Equal(al[i], bl[i]) {
			return fmt.Sprintf("line %d:\n  %s\n  %s", i+1, al[i], bl[i])
		}
	}
	return fmt.Sprintf("lengths %d and %d lines", len(al), len(bl))
}

// duplicateSomeSegment copies a random segment the way sync clients do when two machines
// touch one file: "name (2).seg", "name.sync-conflict-….seg", "name (conflicted copy).seg".
func duplicateSomeSegment(t *testing.T, rng *rand.Rand, folder string) {
	files, _ := filepath.Glob(filepath.Join(folder, "DaigouDesk", "log", "*", "*.seg"))
	if len(files) == 0 {
		return
	}
	src := files[rng.Intn(len(files))]
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	base := src[:len(src)-len(".seg")]
	dst := []string{base + " (2).seg", base + ".sync-conflict-20260301-120000-ABCDEFG.seg",
		base + " (Alice's conflicted copy 2026-03-01).seg"}[rng.Intn(3)]
	if err := os.WriteFile(dst, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
