package sync

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"daigoudesk/backend/store"
)

// TestClonedDeviceGetsNewID: a data folder copied to a second laptop gives both one device
// id. When either sees segments under its id that it did not write, it takes a new id; no
// change made on either laptop is lost, and both end with the same data.
func TestClonedDeviceGetsNewID(t *testing.T) {
	ctx := context.Background()
	folder := t.TempDir()
	a := newDB(t)
	if err := Join(a, folder, ""); err != nil {
		t.Fatal(err)
	}
	sa, _ := Open(a, folder)
	write := func(db *store.DB, id, name string) {
		t.Helper()
		if err := db.Write(ctx, func(tx *store.Tx) error {
			return tx.Set("customers", id, store.Fields{"name": name})
		}); err != nil {
			t.Fatal(err)
		}
	}
	write(a, "c1", "张三")
	if _, _, err := sa.Once(ctx); err != nil {
		t.Fatal(err)
	}
	// copy the data folder to laptop b
	cloneDir := t.TempDir()
	a.Close()
	for _, suffix := range []string{"", "-wal"} {
		if d, err := os.ReadFile(a.Path + suffix); err == nil {
			os.WriteFile(filepath.Join(cloneDir, "daigou.db"+suffix), d, 0o644)
		}
	}
	a, err := store.Open(a.Path)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := store.Open(filepath.Join(cloneDir, "daigou.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if a.Device() != b.Device() {
		t.Fatal("the copy should start with the same device id")
	}
	old := a.Device()
	sa, _ = Open(a, folder)
	sb, _ := Open(b, folder)
	write(a, "c2", "李四")
	write(b, "c3", "王五")
	if _, res, err := sa.Once(ctx); err != nil || res.Renewed != "" {
		t.Fatalf("a first: %+v %v", res, err)
	}
	_, res, err := sb.Once(ctx)
	if err != nil || res.Renewed == "" || b.Device() == old {
		t.Fatalf("b should find a's segment under its id and take a new one: %+v %v", res, err)
	}
	for round := 0; round < 2; round++ {
		for _, s := range []*Syncer{sa, sb} {
			if _, _, err := s.Once(ctx); err != nil {
				t.Fatal(err)
			}
		}
	}
	if a.Device() == old || a.Device() == b.Device() {
		t.Fatalf("ids after sync: a %s, b %s (old %s)", a.Device(), b.Device(), old)
	}
	if dumpOf(t, a) != dumpOf(t, b) {
		t.Fatal("the two laptops differ after sync")
	}
	var n int
	a.R().QueryRow(`SELECT count(*) FROM customers`).Scan(&n)
	if n != 3 {
		t.Fatalf("%d customers, want 3 (none lost)", n)
	}
}
