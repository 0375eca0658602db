package importer

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"daigoudesk/backend/domain"
)

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// readCSV reads every record of a CSV file with the line it starts on.
func readCSV(path string) ([]Row, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, openError(path, err)
	}
	if rows, ok := readHalves(raw); ok {
		return rows, nil
	}
	text, err := decodeText(path, raw)
	if err != nil {
		return nil, err
	}
	sep := sniffSeparator(text)
	rows, err := parseRecords(unwrapExcelText(text, sep), sep)
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return nil, lineError(path, pe.Line, domain.Invalid(fmt.Sprintf("column %d", pe.Column), "importing.problem.quote",
				pe.Err.Error(), map[string]any{"column": pe.Column}))
		}
		return nil, openError(path, err)
	}
	return rows, nil
}

// parseRecords reads the records of CSV text, numbering lines from 1.
func parseRecords(text string, sep rune) ([]Row, error) {
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = sep
	r.FieldsPerRecord = -1 // rows may be ragged: a short row has empty trailing cells
	var rows []Row
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return rows, nil
		}
		if err != nil {
			return nil, err
		}
		line, _ := r.FieldPos(0)
		rows = append(rows, Row{Line: line, Cells: rec})
	}
}

// readHalves reads a large UTF-8 or GBK file as two halves on two cores, split at a line end
// outside quotes (where the quotes before it are even), with what readCSV would read. It
// gives up on anything else (UTF-16, a byte that is not text, a record it cannot read) and
// readCSV reads the file whole, to say what is wrong where. Reading a 100,000-row export took
// a core 0.3 s before its rows could be parsed.
func readHalves(raw []byte) ([]Row, bool) {
	if len(raw) < 1<<20 || runtime.GOMAXPROCS(0) < 2 ||
		bytes.HasPrefix(raw, []byte{0xFF, 0xFE}) || bytes.HasPrefix(raw, []byte{0xFE, 0xFF}) {
		return nil, false
	}
	raw = bytes.TrimPrefix(raw, utf8BOM)
	split, quotes := 0, bytes.Count(raw[:len(raw)/2], []byte{'"'})
	for i := len(raw) / 2; i < len(raw)-1 && split == 0; i++ { // '"' and '\n' are never part of a GBK character
		switch raw[i] {
		case '"':
			quotes++
		case '\n':
			if quotes%2 == 0 {
				split = i + 1
			}
		}
	}
	if split == 0 {
		return nil, false
	}
	gbk := !utf8.Valid(raw)
	first, _, _ := bytes.Cut(raw, []byte{'\n'})
	sep := sniffSeparator(string(first)) // the separators are the same bytes in GBK
	halves := [2][]byte{raw[:split], raw[split:]}
	var rows [2][]Row
	var ok [2]bool
	var wg sync.WaitGroup
	for h := range halves {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var text string
			if !gbk {
				text = string(halves[h])
			} else if text, ok[h] = fromGB18030(halves[h]); !ok[h] {
				return
			}
			var err error
			rows[h], err = parseRecords(unwrapExcelText(text, sep), sep)
			ok[h] = err == nil
		}()
	}
	wg.Wait()
	if !ok[0] || !ok[1] {
		return nil, false
	}
	lines := bytes.Count(halves[0], []byte{'\n'})
	for i := range rows[1] {
		rows[1][i].Line += lines
	}
	return append(rows[0], rows[1]...), true
}

// decodeText returns the file's text as UTF-8. UTF-8 (with or without a byte-order mark) and
// UTF-16 with a byte-order mark are recognised; other bytes that are not valid UTF-8 are read
// as GB18030, the superset of GBK that Chinese Excel and shop exports use.
func decodeText(path string, raw []byte) (string, error) {
	switch {
	case bytes.HasPrefix(raw, utf8BOM):
		raw = raw[len(utf8BOM):]
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}), bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder().Bytes(raw)
		if err != nil {
			return "", lineError(path, 1, domain.Invalid("encoding", "importing.problem.utf16",
				"cannot read the file as UTF-16 text: "+err.Error(), nil))
		}
		return string(out), nil
	}
	if utf8.Valid(raw) {
		return string(raw), nil
	}
	text, ok := fromGB18030(raw)
	if !ok {
		return "", lineError(path, firstBadLine(raw), domain.Invalid("encoding", "importing.problem.encoding",
			"the file is neither UTF-8 nor GBK/GB18030 text; save it as CSV UTF-8", nil))
	}
	return text, nil
}

// fromGB18030 decodes GB18030 (and so GBK) text; false when raw is not such text.
func fromGB18030(raw []byte) (string, bool) {
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(raw)
	if err != nil || bytes.ContainsRune(out, utf8.RuneError) {
		return "", false
	}
	return string(out), true
}

// firstBadLine is the line of the first byte sequence that is not UTF-8.
func firstBadLine(raw []byte) int {
	line := 1
	for len(raw) > 0 {
		r, n := utf8.DecodeRune(raw)
		if r == utf8.RuneError && n <= 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		raw = raw[n:]
	}
	return line
}

// sniffSeparator picks the separator the header line uses most: ',' (the default), ';'
// (Excel in many European locales) or a tab.
func sniffSeparator(text string) rune {
	first, _, _ := strings.Cut(text, "\n")
	best, bestN := ',', strings.Count(first, ",")
	for _, sep := range []rune{';', '\t'} {
		if n := strings.Count(first, string(sep)); n > bestN {
			best, bestN = sep, n
		}
	}
	return best
}

// unwrapExcelText rewrites unquoted fields of the form ="…" (how programs make Excel keep
// leading zeros: ="0036000291452") as plain quoted fields, which encoding/csv would otherwise
// reject as a bare quote. Quoted fields and anything else pass through unchanged.
func unwrapExcelText(text string, sep rune) string {
	if !strings.Contains(text, `="`) {
		return text
	}
	var b strings.Builder
	b.Grow(len(text))
	fieldStart := true
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case fieldStart && c == '"': // a quoted field: copy through its closing quote
			j := i + 1
			for j < len(text) {
				if text[j] == '"' {
					if j+1 < len(text) && text[j+1] == '"' {
						j += 2
						continue
					}
					break
				}
				j++
			}
			end := min(j+1, len(text))
			b.WriteString(text[i:end])
			i, fieldStart = end, false
			continue
		case fieldStart && strings.HasPrefix(text[i:], `="`):
			if k := strings.IndexAny(text[i+2:], "\"\n"); k >= 0 && text[i+2+k] == '"' {
				after := i + 2 + k + 1
				if after == len(text) || rune(text[after]) == sep || text[after] == '\r' || text[after] == '\n' {
					b.WriteByte('"')
					b.WriteString(text[i+2 : after])
					i, fieldStart = after, false
					continue
				}
			}
		}
		b.WriteByte(c)
		fieldStart = rune(c) == sep || c == '\n'
		i++
	}
	return b.String()
}
