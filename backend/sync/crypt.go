package sync

import (
	"bytes"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"golang.org/x/crypto/argon2"
	"golang.org/x/crypto/chacha20poly1305"
)

// Encryption. A team folder may be encrypted with a passphrase: a random 32-byte data key
// seals every file of the folder that holds the team's data (segments, attachments) with
// XChaCha20-Poly1305; the passphrase, through Argon2id, makes the key that wraps the data
// key. Wraps are files keys/<time>-<device>.json, written once; the newest one readable
// counts. Changing the passphrase writes a new wrap of the same data key (history is not
// rewritten) and removes the older wraps. Each laptop keeps the data key it unwrapped in its
// local meta (sync_key), so the passphrase is asked once, when it joins.

// sealedMagic starts every sealed file; the rest is a 24-byte nonce and the ciphertext.
var sealedMagic = []byte("DDSEAL1\n")

// ErrWrongPassphrase is the answer to a passphrase that unwraps no key of the folder.
var ErrWrongPassphrase = errors.New("wrong passphrase for this sync folder")

// kdf are the Argon2id parameters of a wrap (kept in the wrap, so they can grow later).
type kdf struct {
	Salt    string `json:"salt"` // base64
	Time    uint32 `json:"time"`
	Memory  uint32 `json:"memory"` // KiB
	Threads uint8  `json:"threads"`
}

// wrap is one keys/*.json file.
type wrap struct {
	KDF     kdf    `json:"kdf"`
	Wrapped string `json:"wrapped"` // base64 of the data key sealed with the passphrase key
}

func (k kdf) key(passphrase string) ([]byte, error) {
	salt, err := base64.StdEncoding.DecodeString(k.Salt)
	if err != nil || k.Time == 0 || k.Memory < 8*1024 || k.Threads == 0 {
		return nil, fmt.Errorf("damaged key file")
	}
	return argon2.IDKey([]byte(passphrase), salt, k.Time, k.Memory, k.Threads, chacha20poly1305.KeySize), nil
}

// seal encrypts plain with key, binding it to its kind ("seg", "blob") so a file of one kind
// cannot be passed off as another.
func seal(key []byte, kind string, plain []byte) ([]byte, error) {
	aead, err := chacha20poly1305.NewX(key)
	if err != nil {
		return nil, err
	}
	nonce := make([]byte, aead.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return nil, err
	}
	out := append(append([]byte(nil), sealedMagic...), nonce...)
	return aead.Seal(out, nonce, plain, []byte(kind)), nil
}

// unseal decrypts a sealed file; any damage or another key is an error.
func unseal(key []byte, kind string, file []byte) ([]byte, error) {
	if !bytes.HasPrefix(file, sealedMagic) {
		return nil, fmt.Errorf("not an encrypted file (damaged or incomplete)")
	}
	aead, err := chacha20poly1305.NewX(key)
	if err != nil {
		return nil, err
	}
	rest := file[len(sealedMagic):]
	if len(rest) < aead.NonceSize()+aead.Overhead() {
		return nil, fmt.Errorf("encrypted file is truncated")
	}
	plain, err := aead.Open(nil, rest[:aead.NonceSize()], rest[aead.NonceSize():], []byte(kind))
	if err != nil {
		return nil, fmt.Errorf("cannot be decrypted with the team key (damaged, or another team's)")
	}
	return plain, nil
}

// writeWrap writes a new wrap of dataKey under passphrase and removes the older wraps.
func writeWrap(root, device, passphrase string, dataKey []byte) error {
	if strings.TrimSpace(passphrase) == "" {
		return fmt.Errorf("the passphrase is empty")
	}
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return err
	}
	k := kdf{Salt: base64.StdEncoding.EncodeToString(salt), Time: 2, Memory: 64 * 1024, Threads: 2}
	pk, err := k.key(passphrase)
	if err != nil {
		return err
	}
	sealed, err := seal(pk, "key", dataKey)
	if err != nil {
		return err
	}
	data, err := json.Marshal(wrap{KDF: k, Wrapped: base64.StdEncoding.EncodeToString(sealed)})
	if err != nil {
		return err
	}
	dir := filepath.Join(root, "keys")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	name := fmt.Sprintf("%s-%s.json", time.Now().UTC().Format("20060102T150405.000000000Z"), device)
	if err := writeOnce(filepath.Join(dir, name), data); err != nil {
		return err
	}
	old, _ := wrapFiles(root)
	for _, f := range old {
		if filepath.Base(f) != name {
			os.Remove(f) // the old passphrase no longer opens the folder
		}
	}
	return nil
}

// wrapFiles lists the folder's wraps, newest first.
func wrapFiles(root string) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(root, "keys", "*.json"))
	sort.Sort(sort.Reverse(sort.StringSlice(files)))
	return files, err
}

// unwrap returns the folder's data key for passphrase, from the newest wrap it can read.
func unwrap(root, passphrase string) ([]byte, error) {
	files, err := wrapFiles(root)
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("the sync folder is encrypted but its key file has not arrived yet")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		var w wrap
		if err != nil || json.Unmarshal(data, &w) != nil {
			continue // half-synced
		}
		pk, err := w.KDF.key(passphrase)
		if err != nil {
			continue
		}
		sealed, err := base64.StdEncoding.DecodeString(w.Wrapped)
		if err != nil {
			continue
		}
		if key, err := unseal(pk, "key", sealed); err == nil && len(key) == chacha20poly1305.KeySize {
			return key, nil
		}
	}
	return nil, ErrWrongPassphrase
}
