package app

import (
	"context"
	"encoding/base64"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/services"
)

func mustOrderImport(t *testing.T) (*OrderImport, string) {
	t.Helper()
	dir := t.TempDir()
	svc, err := services.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { svc.Close() })
	return &OrderImport{&facade{svc: svc, ctx: context.Background()}}, dir
}

// TestStage: an uploaded export lands under <data dir>/imports named by its content, Preview
// reads it and lists its headers for the mapping step, and what is not an export is refused
// with a translatable error.
func TestStage(t *testing.T) {
	o, dir := mustOrderImport(t)
	csv := "order_no,title,qty\r\nW-1,面霜,2\r\n"
	b64 := base64.StdEncoding.EncodeToString([]byte(csv))

	path, err := o.Stage("微信 订单.csv", b64)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(path) != filepath.Join(dir, StageDir) || filepath.Ext(path) != ".csv" {
		t.Fatalf("staged at %s", path)
	}
	if body, err := os.ReadFile(path); err != nil || string(body) != csv {
		t.Fatalf("staged %q, %v", body, err)
	}
	again, err := o.Stage("微信 订单.csv", b64)
	if err != nil || again != path {
		t.Fatalf("same file staged again at %s (%v), want %s", again, err, path)
	}
	if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 1 {
		t.Fatalf("%d files in the stage folder, want 1 (no temp files left)", len(entries))
	}
	other, err := o.Stage("../../微信 订单.csv", base64.StdEncoding.EncodeToString([]byte(csv+"W-2,面霜,1\r\n")))
	if err != nil || other == path || filepath.Dir(other) != filepath.Dir(path) {
		t.Fatalf("other content staged at %s (%v)", other, err)
	}

	pv, err := o.Preview(path, "wechat", nil)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(pv.Headers, []string{"order_no", "title", "qty"}) || pv.Orders != 1 {
		t.Fatalf("preview headers %q, %d orders", pv.Headers, pv.Orders)
	}

	scenarios := []struct {
		name, file, data, key string
	}{
		{"ErrNotAnExport", "orders.pdf", b64, "file.format"},
		{"ErrNoName", "", b64, "file.format"},
		{"ErrNotBase64", "orders.csv", "not base64!", "importing.upload.unreadable"},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			_, err := o.Stage(sc.file, sc.data)
			if d := domain.AsError(err); d == nil || d.Code != domain.EInvalid || d.Key != sc.key {
				t.Fatalf("error %v, want invalid %s", err, sc.key)
			}
		})
	}
}

// TestStagedCopiesArePruned: picking a file removes copies picked more than 30 days ago and
// keeps recent ones.
func TestStagedCopiesArePruned(t *testing.T) {
	o, dir := mustOrderImport(t)
	csv := base64.StdEncoding.EncodeToString([]byte("order_no,title,qty\r\nW-1,面霜,2\r\n"))
	old, err := o.Stage("上个月.csv", csv)
	if err != nil {
		t.Fatal(err)
	}
	recent, err := o.Stage("上周.csv", base64.StdEncoding.EncodeToString([]byte("order_no,title,qty\r\nW-2,面霜,1\r\n")))
	if err != nil {
		t.Fatal(err)
	}
	os.Chtimes(old, time.Now().Add(-31*24*time.Hour), time.Now().Add(-31*24*time.Hour))
	os.Chtimes(recent, time.Now().Add(-7*24*time.Hour), time.Now().Add(-7*24*time.Hour))
	if _, err := o.Stage("今天.csv", base64.StdEncoding.EncodeToString([]byte("order_no,title,qty\r\nW-3,面霜,1\r\n"))); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(old); !os.IsNotExist(err) {
		t.Fatal("a copy older than 30 days was kept")
	}
	if _, err := os.Stat(recent); err != nil {
		t.Fatal("a recent copy was removed")
	}
	if entries, _ := os.ReadDir(filepath.Join(dir, StageDir)); len(entries) != 2 {
		t.Fatalf("%d copies, want 2", len(entries))
	}
}
