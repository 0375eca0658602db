package sync

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"daigoudesk/backend/store"
)

// folderFiles returns every file of the sync folder with its bytes.
func folderFiles(t *testing.T, root string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	filepath.Walk(root, func(path string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			out[path] = data
		}
		return nil
	})
	return out
}

// TestEncryptedFolderHidesCustomers: with a passphrase no customer name or phone can be
// read from any file of the folder, while the other laptop imports everything; the same
// search finds them in an unencrypted folder's segments (so the search itself works).
func TestEncryptedFolderHidesCustomers(t *testing.T) {
	ctx := context.Background()
	secrets := [][]byte{[]byte("王小美"), []byte("13912345678")}
	readable := func(files map[string][]byte) bool {
		for path, data := range files {
			plain := data
			if _, ops, err := decodeSegment(filepath.Base(path), data); err == nil {
				var b bytes.Buffer
				for _, op := range ops {
					for _, v := range op.Data {
						if s, ok := v.(string); ok {
							b.WriteString(s)
						}
					}
				}
				plain = b.Bytes()
			}
			for _, s := range secrets {
				if bytes.Contains(data, s) || bytes.Contains(plain, s) {
					return true
				}
			}
		}
		return false
	}
	a, _, _, _ := pair(t, "")
	if !readable(folderFiles(t, a.root)) {
		t.Fatal("control: an unencrypted folder should show the customers")
	}
	a, b, _, _ := pair(t, "团队口令 correct horse")
	if readable(folderFiles(t, a.root)) {
		t.Fatal("a customer's name or phone is readable in the encrypted folder")
	}
	res, err := b.Import(ctx)
	if err != nil || res.Problems != 0 || customersOf(t, b) != 50 {
		t.Fatalf("import with the team key: %+v %v", res, err)
	}
}

func newDB(t *testing.T) *store.DB {
	t.Helper()
	db, err := openCopy(t, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// TestPassphrases: a wrong or missing passphrase is refused clearly; changing it lets new
// laptops in with the new one only, without rewriting any file of the history.
func TestPassphrases(t *testing.T) {
	ctx := context.Background()
	a, _, _, _ := pair(t, "old secret")
	folder := filepath.Dir(a.root)
	if err := Join(newDB(t), folder, "guess"); !errors.Is(err, ErrWrongPassphrase) {
		t.Fatalf("wrong passphrase: %v", err)
	}
	if err := Join(newDB(t), folder, ""); !errors.Is(err, ErrNeedPassphrase) {
		t.Fatalf("no passphrase: %v", err)
	}
	history := map[string][]byte{}
	files, _ := filepath.Glob(filepath.Join(a.root, "log", "*", "*.seg"))
	for _, f := range files {
		history[f], _ = os.ReadFile(f)
	}
	if err := a.ChangePassphrase("new secret"); err != nil {
		t.Fatal(err)
	}
	if err := Join(newDB(t), folder, "old secret"); !errors.Is(err, ErrWrongPassphrase) {
		t.Fatalf("the old passphrase still opens the folder: %v", err)
	}
	c := newDB(t)
	if err := Join(c, folder, "new secret"); err != nil {
		t.Fatal(err)
	}
	sc, err := Open(c, folder)
	if err != nil {
		t.Fatal(err)
	}
	if res, err := sc.Import(ctx); err != nil || res.Ops != 51 || res.Problems != 0 {
		t.Fatalf("new laptop with the new passphrase: %+v %v", res, err)
	}
	for f, data := range history {
		now, err := os.ReadFile(f)
		if err != nil || !bytes.Equal(now, data) {
			t.Fatalf("%s was rewritten by the passphrase change", f)
		}
	}
	plain := t.TempDir()
	if err := Join(newDB(t), plain, ""); err != nil {
		t.Fatal(err)
	}
	if err := Join(newDB(t), plain, "late secret"); err == nil {
		t.Fatal("encrypting an unencrypted folder afterwards should be refused")
	}
}

// TestUndecryptableSegmentIsAProblem: a well-named segment sealed with another key (another
// team's, or a stale copy) applies nothing and is recorded, like any damaged file.
func TestUndecryptableSegmentIsAProblem(t *testing.T) {
	ctx := context.Background()
	_, b, seg, good := pair(t, "team one")
	plain, err := unseal(b.key, "seg", good)
	if err != nil {
		t.Fatal(err)
	}
	other := make([]byte, 32)
	other[0] = 1
	foreign, err := seal(other, "seg", plain)
	if err != nil {
		t.Fatal(err)
	}
	os.Remove(seg)
	if err := os.WriteFile(filepath.Join(filepath.Dir(seg), segmentName(1, foreign)), foreign, 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := b.Import(ctx)
	if err != nil || res.Problems != 1 || res.Ops != 0 || customersOf(t, b) != 0 {
		t.Fatalf("import of a segment sealed with another key: %+v %v", res, err)
	}
}
