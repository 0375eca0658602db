package orderimport_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/orderimport"
)

func TestWatchFolder(t *testing.T) {
	e := mustOpen(t)
	dir := t.TempDir()
	w := e.imp.Watcher()
	if err := w.SetFolder(filepath.Join(dir, "nope")); domain.ErrorCode(err) != domain.EInvalid {
		t.Fatalf("missing folder: %v", err)
	}
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(dir, "~$orders.xlsx"), []byte("lock"), 0o644)
	if err := w.SetFolder(dir); err != nil {
		t.Fatal(err)
	}
	changes := make(chan []orderimport.PendingFile, 16)
	if err := w.Start(func(p []orderimport.PendingFile) { changes <- p }); err != nil {
		t.Fatal(err)
	}
	defer w.Stop()
	wait := func(want int) []orderimport.PendingFile {
		t.Helper()
		deadline := time.After(5 * time.Second)
		for {
			select {
			case p := <-changes:
				if len(p) == want {
					return p
				}
			case <-deadline:
				t.Fatalf("no pending list of %d files; have %+v", want, w.Pending())
			}
		}
	}
	// as a sync client writes: a temporary name, then a rename (a CREATE of the final name)
	tmp := filepath.Join(dir, ".ExportOrderList.csv.part")
	if err := os.WriteFile(tmp, gbk(t, taobaoCSV), 0o644); err != nil {
		t.Fatal(err)
	}
	final := filepath.Join(dir, "ExportOrderList.csv")
	if err := os.Rename(tmp, final); err != nil {
		t.Fatal(err)
	}
	p := wait(1)
	if p[0].Path != final || p[0].Preset != "taobao" || p[0].Channel != "taobao" || p[0].Problem != "" {
		t.Fatalf("pending %+v", p)
	}
	if n := e.count(t, `SELECT count(*) FROM orders`); n != 0 {
		t.Fatal("the watcher imported by itself")
	}
	if _, err := e.imp.Import(ctx, orderimport.Request{Path: final}); err != nil {
		t.Fatal(err)
	}
	wait(0)
	if _, err := os.Stat(final); err != nil {
		t.Fatal("the imported file was moved or deleted")
	}
	// the same content under another name is not offered again; new content is
	os.WriteFile(filepath.Join(dir, "copy.csv"), gbk(t, taobaoCSV), 0o644)
	os.WriteFile(filepath.Join(dir, "generic.csv"), []byte("order_no,title\nG-1,面霜\n"), 0o644)
	p = wait(1)
	if p[0].Name != "generic.csv" || p[0].Preset != "generic" {
		t.Fatalf("pending %+v", p)
	}
	// a restart lists the folder at once (fsnotify misses changes on network shares)
	w.Stop()
	w2 := orderimport.New(e.svc.DB, e.svc.Orders, e.svc.Customers).Watcher()
	if err := w2.Start(nil); err != nil {
		t.Fatal(err)
	}
	defer w2.Stop()
	if got := w2.Pending(); len(got) != 1 || got[0].Name != "generic.csv" {
		t.Fatalf("after restart %+v", got)
	}
}
