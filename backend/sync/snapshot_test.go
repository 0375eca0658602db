package sync

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"daigoudesk/backend/store"
)

// TestSnapshotsAndCompaction: once laptops hold enough operations a snapshot is written; a
// new laptop starts from it plus the later segments and ends with the same data; segments go
// only once every laptop has applied them and a snapshot covers them, and only by their
// owner; a laptop joining after that still gets everything.
func TestSnapshotsAndCompaction(t *testing.T) {
	ctx := context.Background()
	defer func(n int, every time.Duration) { snapMinOps, snapEvery = n, every }(snapMinOps, snapEvery)
	snapMinOps, snapEvery = 20, 0 // a snapshot at every pass
	folder := t.TempDir()
	join := func() *Service {
		s := New(newDB(t), nil)
		if err := s.SetFolder(folder, "口令"); err != nil {
			t.Fatal(err)
		}
		return s
	}
	change := func(s *Service, n int, tag string) {
		t.Helper()
		err := s.db.Write(ctx, func(tx *store.Tx) error {
			for i := 0; i < n; i++ {
				if err := tx.Set("customers", fmt.Sprintf("%s%d", tag, i%7), store.Fields{"name": fmt.Sprint(tag, i)}); err != nil {
					return err
				}
				if err := tx.Add("stock_moves", fmt.Sprintf("%s-m%d", tag, i), store.Fields{"product_id": "p", "location_id": "L", "qty": 1}); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	pass := func(list ...*Service) {
		t.Helper()
		for round := 0; round < 2; round++ {
			for _, s := range list {
				if _, res, err := s.Once(ctx); err != nil || res.Problems > 0 {
					t.Fatalf("pass: %+v %v", res, err)
				}
			}
		}
	}
	segments := func(s *Service) int {
		files, _ := filepath.Glob(filepath.Join(folder, "DaigouDesk", "log", s.db.Device(), "*.seg"))
		return len(files)
	}
	a, b := join(), join()
	change(a, 15, "a")
	pass(a, b)
	change(b, 15, "b")
	pass(a, b)
	snaps, _ := filepath.Glob(filepath.Join(folder, "DaigouDesk", "snap", "*.snap"))
	if len(snaps) == 0 {
		t.Fatal("no snapshot was written")
	}
	if segments(a) != 0 || segments(b) != 0 {
		t.Fatalf("segments left after every laptop applied them and a snapshot covers them: a %d, b %d", segments(a), segments(b))
	}
	// a new laptop starts from the snapshot, then a change made after it arrives by segment
	change(a, 3, "late")
	a.Once(ctx)
	c := join()
	_, res, err := c.Once(ctx)
	if err != nil || !res.Snapshot || res.Problems > 0 {
		t.Fatalf("new laptop: %+v %v", res, err)
	}
	pass(a, b, c)
	want := dumpOf(t, a.db)
	for i, s := range []*Service{b, c} {
		if got := dumpOf(t, s.db); got != want {
			t.Fatalf("laptop %d differs after starting from a snapshot:\n%s", i+1, firstDiff(want, got))
		}
	}
	// a laptop that has written to the folder but never says what it applied keeps every
	// segment made from then on
	os.Remove(filepath.Join(folder, "DaigouDesk", "state", c.db.Device()+".json"))
	c.db.Close()
	change(a, 2, "kept")
	a.Once(ctx)
	a.Once(ctx)
	if segments(a) == 0 {
		t.Fatal("a segment went before every laptop had applied it")
	}
}
