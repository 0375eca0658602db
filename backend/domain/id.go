package domain

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"strings"
	"sync"
	"time"
)

// IDs are 26-character Crockford base32 strings: 48 bits of milliseconds then 80 random bits
// (the ULID layout), so they sort by creation time and two laptops never collide offline.
const crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

var idMu sync.Mutex
var lastID [16]byte

// NewID returns a new sortable random id. Ids made within the same millisecond on this
// process still sort in creation order (the random part is incremented).
func NewID() string {
	idMu.Lock()
	defer idMu.Unlock()
	var b [16]byte
	ms := uint64(time.Now().UnixMilli())
	binary.BigEndian.PutUint64(b[:8], ms<<16)
	if string(b[:6]) == string(lastID[:6]) {
		b = lastID
		for i := 15; i >= 6; i-- {
			b[i]++
			if b[i] != 0 {
				break
			}
		}
	} else {
		_, _ = rand.Read(b[6:])
	}
	lastID = b
	return encode128(b)
}

// DerivedID returns a stable id for a record made from an external key (an imported SKU, a
// channel's order number), so the same file imported on two laptops makes one record.
func DerivedID(kind string, key ...string) string {
	h := sha256.Sum256([]byte(kind + "\x00" + strings.Join(key, "\x00")))
	var b [16]byte
	copy(b[:], h[:16])
	return "X" + encode128(b)[1:]
}

// DatedID returns a stable id for a record made from an external key, like DerivedID, that
// sorts by at (the record's own date: an imported order's) the way NewID sorts by creation
// time: 48 bits of at's milliseconds (0 before 1970 or when unknown), then 80 bits of a hash
// of kind and key. The rows of a channel export then go into every index keyed by order id
// at one place, the end for a recent export, instead of at a random place each: into
// 1,000,000 orders that was most of an import's time.
func DatedID(at time.Time, kind string, key ...string) string {
	h := sha256.Sum256([]byte(kind + "\x00" + strings.Join(key, "\x00")))
	var b [16]byte
	binary.BigEndian.PutUint64(b[:8], uint64(max(0, at.UnixMilli()))<<16)
	copy(b[6:], h[:10])
	return encode128(b)
}

// ChildID returns a stable id for a record that belongs to parent (an imported order's line,
// event or payment): parent's time part, so that it sorts next to its siblings, then a hash of
// kind, parent and key.
func ChildID(parent, kind string, key ...string) string {
	d := DerivedID(kind, append([]string{parent}, key...)...)
	if len(parent) != len(d) {
		return d
	}
	return parent[:timeChars] + d[timeChars:]
}

// timeChars is how many leading characters of a NewID or DatedID hold its 48 bits of time.
const timeChars = 10

func encode128(b [16]byte) string {
	hi := binary.BigEndian.Uint64(b[:8])
	lo := binary.BigEndian.Uint64(b[8:])
	out := make([]byte, 26)
	for i := 25; i >= 0; i-- {
		out[i] = crockford[lo&31]
		lo = lo>>5 | hi<<59
		hi >>= 5
	}
	return string(out)
}
