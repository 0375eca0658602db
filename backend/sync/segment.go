package sync

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"daigoudesk/backend/store"
)

// Format is the version of the folder's files this app writes and reads. A file of a newer
// format is kept and retried: a later version of the app applies it.
const Format = 1

// Header is the first line of a segment.
type Header struct {
	Format int    `json:"format"`
	Device string `json:"device"`
	Seq    int64  `json:"seq"`
	First  string `json:"first"` // HLC of the first operation
	Last   string `json:"last"`  // HLC of the last
	Count  int    `json:"count"`
	Body   string `json:"body"` // SHA-256 (hex) of the compressed body that follows the header line
}

// ErrNewer marks a file written by a newer version of the app.
var ErrNewer = errors.New("written by a newer version of Daigou Desk")

// encodeSegment makes the file of one segment of device's operations ops (in HLC order).
func encodeSegment(device string, seq int64, ops []store.Op) ([]byte, error) {
	var body bytes.Buffer
	zw := gzip.NewWriter(&body)
	enc := json.NewEncoder(zw)
	for _, op := range ops {
		if err := enc.Encode(op); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	sum := sha256.Sum256(body.Bytes())
	h := Header{Format: Format, Device: device, Seq: seq, First: ops[0].HLC, Last: ops[len(ops)-1].HLC, Count: len(ops),
		Body: hex.EncodeToString(sum[:])}
	head, err := json.Marshal(h)
	if err != nil {
		return nil, err
	}
	return append(append(head, '\n'), body.Bytes()...), nil
}

// segmentName is the file name of a segment: its sequence number and the start of the
// SHA-256 of its content, so two different files never share a name.
func segmentName(seq int64, file []byte) string {
	sum := sha256.Sum256(file)
	return fmt.Sprintf("%010d-%s.seg", seq, hex.EncodeToString(sum[:8]))
}

var namePattern = regexp.MustCompile(`^(\d{10})-([0-9a-f]{16})\.seg$`)

// decodeSegment verifies a segment file and returns its header and operations. Any damage
// (truncation, a flipped bit, a stub with no content, operations that do not match the
// header) is an error and nothing is returned; so is a segment from a newer format (ErrNewer).
// name is the file's base name: a file named like a segment must have the content hash its
// name says (a sync client's renamed duplicate is checked by its content alone).
func decodeSegment(name string, file []byte) (Header, []store.Op, error) {
	var h Header
	nl := bytes.IndexByte(file, '\n')
	if nl < 0 {
		return h, nil, fmt.Errorf("no header line (empty or truncated file)")
	}
	if err := json.Unmarshal(file[:nl], &h); err != nil {
		return h, nil, fmt.Errorf("header: %v", err)
	}
	if h.Format > Format { // checked first: a newer format may name and hash its files otherwise
		return h, nil, fmt.Errorf("format %d: %w", h.Format, ErrNewer)
	}
	if err := checkName(name, file); err != nil {
		return h, nil, err
	}
	if h.Format < 1 || h.Device == "" || h.Count <= 0 {
		return h, nil, fmt.Errorf("header is incomplete")
	}
	ops := make([]store.Op, 0, h.Count)
	err := eachLine(file[nl+1:], h.Body, func(line []byte) error {
		var op store.Op
		dec := json.NewDecoder(bytes.NewReader(line))
		dec.UseNumber()
		if err := dec.Decode(&op); err != nil {
			return fmt.Errorf("operation %d: %v", len(ops)+1, err)
		}
		if !strings.HasSuffix(op.HLC, "."+h.Device) {
			return fmt.Errorf("operation %d (%s) is not of device %s", len(ops)+1, op.HLC, h.Device)
		}
		if _, err := store.ParseStamp(op.HLC); err != nil {
			return fmt.Errorf("operation %d: %v", len(ops)+1, err)
		}
		ops = append(ops, op)
		return nil
	})
	if err != nil {
		return h, nil, err
	}
	if len(ops) != h.Count || ops[0].HLC != h.First || ops[len(ops)-1].HLC != h.Last {
		return h, nil, fmt.Errorf("has %d operations, its header says %d", len(ops), h.Count)
	}
	return h, ops, nil
}

// eachLine verifies a compressed body against its SHA-256 (hex, from the header) and calls
// fn for each of its lines; a damaged or truncated body is an error.
func eachLine(body []byte, sha string, fn func(line []byte) error) error {
	sum := sha256.Sum256(body)
	if hex.EncodeToString(sum[:]) != sha {
		return fmt.Errorf("body checksum mismatch (damaged or incomplete)")
	}
	zr, err := gzip.NewReader(bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("body: %v", err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 64*1024), 16<<20)
	for sc.Scan() {
		if err := fn(sc.Bytes()); err != nil {
			return err
		}
	}
	if err := sc.Err(); err == io.ErrUnexpectedEOF {
		return fmt.Errorf("body is truncated")
	} else if err != nil {
		return fmt.Errorf("body: %v", err)
	}
	return nil
}

// checkName verifies that a file named like a segment has the content hash its name says
// (a sync client's renamed duplicate, and "", are checked by their content alone).
func checkName(name string, file []byte) error {
	if m := namePattern.FindStringSubmatch(name); m != nil {
		sum := sha256.Sum256(file)
		if hex.EncodeToString(sum[:8]) != m[2] {
			return fmt.Errorf("content does not match the name (damaged or incomplete)")
		}
	}
	return nil
}

// seqOf returns the sequence number at the start of a segment file name (0 if none).
func seqOf(name string) int64 {
	n, _ := strconv.ParseInt(strings.SplitN(name, "-", 2)[0], 10, 64)
	return n
}
