// Package blobs stores attachments (product photos, receipts) as content-addressed files
// under <data dir>/blobs/<sha256>: written once through a temp file and rename, never
// overwritten, so sync can copy them as they are. It imports only domain.
package blobs

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"regexp"

	"daigoudesk/backend/domain"
)

// MaxSize is the largest attachment accepted (a phone photo is 2–8 MB).
const MaxSize = 20 << 20

var hashRE = regexp.MustCompile(`^[0-9a-f]{64}$`)

// Store is a folder of content-addressed files.
type Store struct{ dir string }

// New returns the store in dir (created on first Put).
func New(dir string) *Store { return &Store{dir: dir} }

// Dir is the folder the attachments are in.
func (s *Store) Dir() string { return s.dir }

// Put saves data and returns its hash; saving the same bytes twice is a no-op.
func (s *Store) Put(data []byte) (string, error) {
	if len(data) == 0 {
		return "", domain.Invalid("file", "blob.empty", "the file is empty", nil)
	}
	if len(data) > MaxSize {
		return "", domain.Invalid("file", "blob.tooBig", fmt.Sprintf("the file is larger than %d MB", MaxSize>>20), nil)
	}
	sum := sha256.Sum256(data)
	hash := hex.EncodeToString(sum[:])
	final := filepath.Join(s.dir, hash)
	if _, err := os.Stat(final); err == nil {
		return hash, nil
	}
	if err := os.MkdirAll(s.dir, 0o755); err != nil {
		return "", err
	}
	tmp, err := os.CreateTemp(s.dir, ".tmp-*")
	if err != nil {
		return "", err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return "", err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return "", err
	}
	if err := tmp.Close(); err != nil {
		return "", err
	}
	return hash, os.Rename(tmp.Name(), final)
}

// Path returns the file of hash, or a not_found error when it has not arrived (yet).
func (s *Store) Path(hash string) (string, error) {
	if !hashRE.MatchString(hash) {
		return "", domain.Invalid("hash", "blob.badHash", "not an attachment id: "+hash, nil)
	}
	p := filepath.Join(s.dir, hash)
	if _, err := os.Stat(p); err != nil {
		return "", domain.NotFound("attachment", hash)
	}
	return p, nil
}
