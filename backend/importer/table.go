// Package importer reads and writes tables of records as .csv or .xlsx files, the formats
// people move data in and out of Daigou Desk with. A file's format follows its extension.
//
// Reading is forgiving about what spreadsheets and Chinese shops produce: a UTF-8 byte-order
// mark, GBK/GB18030 text (Excel on Chinese Windows, Taobao and Qianniu exports), `;` or tab
// separators, Excel's `="00123"` trick for keeping leading zeros, blank rows. It is strict
// about structure: a malformed file is an error naming the file and line, never half read.
// Writing produces .csv as UTF-8 with a byte-order mark (so Excel shows Chinese correctly) and
// .xlsx through excelize's streaming writer; files are written to a temporary name and renamed,
// so a failed export never leaves a half-written file behind.
//
// What the columns mean is the caller's business (see catalog's product file); this package
// only finds columns by header name and alias. It imports domain, excelize and x/text only.
package importer

import (
	"path/filepath"
	"strings"

	"daigoudesk/backend/domain"
)

// Row is one non-empty record of a file.
type Row struct {
	Line  int      // 1-based line (CSV) or row (XLSX) number in the file; the header is line 1
	Cells []string // trimmed cell values, as many as the record had
}

// Cell returns cell i of the row, or "" when the row is shorter.
func (r Row) Cell(i int) string {
	if i < 0 || i >= len(r.Cells) {
		return ""
	}
	return r.Cells[i]
}

// Table is a file read by ReadTable.
type Table struct {
	File       string   // the path it was read from, for messages
	Header     []string // the first non-empty record, trimmed
	HeaderLine int      // its line (1 unless the file starts with blank lines)
	Rows       []Row    // the records after the header, fully empty ones left out
}

// Format is a file format the package reads and writes.
type Format string

const (
	CSV  Format = "csv"
	XLSX Format = "xlsx"
)

// FormatOf returns the format that path's extension names, or an invalid error naming the file.
func FormatOf(path string) (Format, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv":
		return CSV, nil
	case ".xlsx":
		return XLSX, nil
	}
	return "", &domain.Error{Code: domain.EInvalid, Field: "file", Key: "file.format",
		Message: path + ": unsupported file type; use .csv or .xlsx", Params: map[string]any{"file": path}}
}

// ReadTable reads the .csv or .xlsx file at path (the first sheet of a workbook).
func ReadTable(path string) (*Table, error) {
	format, err := FormatOf(path)
	if err != nil {
		return nil, err
	}
	var records []Row
	switch format {
	case CSV:
		records, err = readCSV(path)
	case XLSX:
		records, err = readXLSX(path)
	}
	if err != nil {
		return nil, err
	}
	t := &Table{File: path}
	for _, r := range records {
		for i, c := range r.Cells {
			r.Cells[i] = cleanCell(c)
		}
		switch {
		case emptyRow(r.Cells):
		case t.Header == nil: // the first non-empty record names the columns
			t.Header, t.HeaderLine = r.Cells, r.Line
		default:
			t.Rows = append(t.Rows, r)
		}
	}
	if t.Header == nil {
		return nil, lineError(path, 1, domain.Invalid("header", "importing.problem.emptyFile",
			"the file is empty: it needs a header row naming the columns", nil))
	}
	return t, nil
}

// cleanCell trims spaces (including the ideographic space and no-break space) and undoes
// Excel's `="…"` wrapping, used to keep leading zeros of barcodes and order numbers.
func cleanCell(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 3 && strings.HasPrefix(s, `="`) && strings.HasSuffix(s, `"`) {
		s = strings.TrimSpace(s[2 : len(s)-1])
	}
	return s
}

func emptyRow(cells []string) bool {
	for _, c := range cells {
		if c != "" {
			return false
		}
	}
	return true
}

// lineError is a malformed-file error: the one problem e at line.
func lineError(file string, line int, e *domain.Error) error {
	return &domain.FileError{File: file, Problems: []domain.LineProblem{domain.ProblemAt(line, e)}}
}

func openError(path string, err error) error {
	return &domain.Error{Code: domain.EInvalid, Field: "file", Key: "file.open",
		Message: "cannot read " + path + ": " + err.Error(), Params: map[string]any{"file": path}}
}
