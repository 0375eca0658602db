package sync

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"regexp"

	"daigoudesk/backend/blobs"
)

// Attachments (product photos, receipts, customers' ID photos) travel as the folder's
// blobs/<sha256 of the content>: written once, never overwritten, sealed like segments when
// the folder is encrypted. A photo whose file has not arrived yet is simply missing locally
// (the UI shows a placeholder) until a later pass brings it.

var blobName = regexp.MustCompile(`^[0-9a-f]{64}$`)

// syncBlobs copies this laptop's attachments that the folder lacks into it, and the
// folder's attachments this laptop lacks out of it. It returns how many arrived and how
// many files could not be read (yet).
func (s *Syncer) syncBlobs(ctx context.Context, local *blobs.Store) (arrived, problems int, err error) {
	if local == nil {
		return 0, 0, nil
	}
	dir := filepath.Join(s.root, "blobs")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, 0, err
	}
	inFolder := map[string]bool{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0, 0, err
	}
	for _, e := range entries {
		if blobName.MatchString(e.Name()) {
			inFolder[e.Name()] = true
		}
	}
	mine, err := os.ReadDir(local.Dir())
	if err != nil && !os.IsNotExist(err) {
		return 0, 0, err
	}
	have := map[string]bool{}
	for _, e := range mine {
		name := e.Name()
		if !blobName.MatchString(name) {
			continue
		}
		have[name] = true
		if inFolder[name] {
			continue
		}
		data, err := os.ReadFile(filepath.Join(local.Dir(), name))
		if err != nil {
			return arrived, problems, err
		}
		if s.key != nil {
			if data, err = seal(s.key, "blob", data); err != nil {
				return arrived, problems, err
			}
		}
		if err := writeOnce(filepath.Join(dir, name), data); err != nil {
			return arrived, problems, err
		}
	}
	for name := range inFolder {
		if have[name] {
			continue
		}
		if err := ctx.Err(); err != nil {
			return arrived, problems, err
		}
		err := s.fetchBlob(local, filepath.Join(dir, name), name)
		if err != nil {
			problems++
			if rerr := s.record(ctx, segmentFile{rel: "blobs/" + name}, err.Error()); rerr != nil {
				return arrived, problems, rerr
			}
			continue
		}
		arrived++
		if err := s.record(ctx, segmentFile{rel: "blobs/" + name}, ""); err != nil {
			return arrived, problems, err
		}
	}
	return arrived, problems, nil
}

// fetchBlob verifies one attachment of the folder and saves it locally.
func (s *Syncer) fetchBlob(local *blobs.Store, path, name string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if s.key != nil {
		if data, err = unseal(s.key, "blob", data); err != nil {
			return err
		}
	}
	sum := sha256.Sum256(data)
	if hex.EncodeToString(sum[:]) != name {
		return fmt.Errorf("content does not match the name (damaged or incomplete)")
	}
	_, err = local.Put(data)
	return err
}
