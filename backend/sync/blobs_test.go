package sync

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"daigoudesk/backend/blobs"
)

// TestAttachmentsTravelSealed: a photo saved on one laptop arrives on the other through an
// encrypted folder, whose copy does not hold the photo's bytes; a damaged copy in the folder
// is a problem that saves nothing and is retried.
func TestAttachmentsTravelSealed(t *testing.T) {
	ctx := context.Background()
	folder := t.TempDir()
	var svcs [2]*Service
	var stores [2]*blobs.Store
	for i := range svcs {
		stores[i] = blobs.New(filepath.Join(t.TempDir(), "blobs"))
		svcs[i] = New(newDB(t), stores[i])
		if err := svcs[i].SetFolder(folder, "口令"); err != nil {
			t.Fatal(err)
		}
	}
	photo := bytes.Repeat([]byte("JFIF photo of 雪花秀 "), 500)
	hash, err := stores[0].Put(photo)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := stores[1].Path(hash); err == nil {
		t.Fatal("the photo should not be on b yet")
	}
	if _, _, err := svcs[0].Once(ctx); err != nil {
		t.Fatal(err)
	}
	sealed, err := os.ReadFile(filepath.Join(folder, "DaigouDesk", "blobs", hash))
	if err != nil || bytes.Contains(sealed, []byte("雪花秀")) {
		t.Fatalf("the folder's copy: %v, readable %v", err, bytes.Contains(sealed, []byte("雪花秀")))
	}
	// a second photo arrives damaged first
	other := bytes.Repeat([]byte("receipt "), 300)
	h2, _ := stores[0].Put(other)
	good2, _ := seal(mustKey(t, svcs[0]), "blob", other)
	os.WriteFile(filepath.Join(folder, "DaigouDesk", "blobs", h2), good2[:len(good2)/2], 0o644)
	_, res, err := svcs[1].Once(ctx)
	if err != nil || res.Attachments != 1 || res.Problems != 1 {
		t.Fatalf("b's pass: %+v %v", res, err)
	}
	if p, err := stores[1].Path(hash); err != nil {
		t.Fatal(err)
	} else if got, _ := os.ReadFile(p); !bytes.Equal(got, photo) {
		t.Fatal("the photo arrived changed")
	}
	if _, err := stores[1].Path(h2); err == nil {
		t.Fatal("a damaged attachment was saved")
	}
	os.WriteFile(filepath.Join(folder, "DaigouDesk", "blobs", h2), good2, 0o644) // the upload completes
	if _, res, err := svcs[1].Once(ctx); err != nil || res.Attachments != 1 || res.Problems != 0 {
		t.Fatalf("retry: %+v %v", res, err)
	}
}

func mustKey(t *testing.T, s *Service) []byte {
	t.Helper()
	sy, err := s.open()
	if err != nil {
		t.Fatal(err)
	}
	return sy.key
}
