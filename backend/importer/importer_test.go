package importer_test

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/importer"
)

func writeFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func mustRead(t *testing.T, path string) *importer.Table {
	t.Helper()
	tb, err := importer.ReadTable(path)
	if err != nil {
		t.Fatalf("ReadTable(%s): %v", filepath.Base(path), err)
	}
	return tb
}

type lineCells struct {
	Line  int
	Cells []string
}

func rowsOf(tb *importer.Table) []lineCells {
	var out []lineCells
	for _, r := range tb.Rows {
		out = append(out, lineCells{r.Line, r.Cells})
	}
	return out
}

func TestReadCSV(t *testing.T) {
	const body = "SKU,商品名称,条码,售价\n" +
		"JP-001, 资生堂 红腰子 ,=\"4901872123454\",1280.50\n" +
		"\n" + // a blank line
		",,,\n" + // a row of empty cells
		"JP-002,\"多行\n备注\",=\"0036000291452\",\"1,980\"\n" +
		"JP-003,短行\n"
	want := []lineCells{
		{2, []string{"JP-001", "资生堂 红腰子", "4901872123454", "1280.50"}},
		{5, []string{"JP-002", "多行\n备注", "0036000291452", "1,980"}},
		{7, []string{"JP-003", "短行"}},
	}
	scenarios := []struct {
		name string
		data []byte
	}{
		{"UTF8", []byte(body)},
		{"UTF8WithBOM", append([]byte{0xEF, 0xBB, 0xBF}, body...)},
		{"GBK", mustGBK(t, body)},
		{"Semicolons", []byte(strings.ReplaceAll(strings.ReplaceAll(body, ",", ";"), `"1;980"`, `"1,980"`))},
	}
	for _, s := range scenarios {
		t.Run(s.name, func(t *testing.T) {
			tb := mustRead(t, writeFile(t, "in.csv", s.data))
			if !reflect.DeepEqual(tb.Header, []string{"SKU", "商品名称", "条码", "售价"}) || tb.HeaderLine != 1 {
				t.Fatalf("header %q at %d", tb.Header, tb.HeaderLine)
			}
			if got := rowsOf(tb); !reflect.DeepEqual(got, want) {
				t.Fatalf("rows\n got %v\nwant %v", got, want)
			}
		})
	}
}

func mustGBK(t *testing.T, s string) []byte {
	t.Helper()
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestReadGB18030BeyondGBK(t *testing.T) {
	// 𠀀 (U+20000) exists only in GB18030, as a four-byte sequence.
	b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte("名称\n𠀀喆\n"))
	if err != nil {
		t.Fatal(err)
	}
	tb := mustRead(t, writeFile(t, "gb.csv", b))
	if tb.Rows[0].Cells[0] != "𠀀喆" {
		t.Fatalf("got %q", tb.Rows[0].Cells)
	}
}

func fileError(t *testing.T, err error) *domain.FileError {
	t.Helper()
	var fe *domain.FileError
	if !errors.As(err, &fe) {
		t.Fatalf("want a *domain.FileError, got %T %v", err, err)
	}
	if domain.ErrorCode(fe.Domain()) != domain.EInvalid {
		t.Fatal("file error is not invalid")
	}
	return fe
}

// wantProblemKey checks that the file's first problem carries the translation key and params,
// and an English message for the command line.
func wantProblemKey(t *testing.T, fe *domain.FileError, key string, params ...string) {
	t.Helper()
	p := fe.Problems[0]
	if p.Key != key || p.Message == "" {
		t.Fatalf("problem %+v, want key %s", p, key)
	}
	for _, name := range params {
		if _, ok := p.Params[name]; !ok {
			t.Fatalf("problem %+v lacks param %s", p, name)
		}
	}
}

func TestReadMalformed(t *testing.T) {
	t.Run("BareQuote", func(t *testing.T) {
		path := writeFile(t, "bad.csv", []byte("sku,name\nA,ok\nB,bro\"ken\n"))
		_, err := importer.ReadTable(path)
		fe := fileError(t, err)
		if fe.File != path || fe.Problems[0].Line != 3 || !strings.Contains(err.Error(), "bad.csv:3:") {
			t.Fatalf("got %v", err)
		}
		wantProblemKey(t, fe, "importing.problem.quote", "column")
	})
	t.Run("UnclosedQuote", func(t *testing.T) {
		_, err := importer.ReadTable(writeFile(t, "bad.csv", []byte("sku,name\nA,\"never closed\nB,x\n")))
		wantProblemKey(t, fileError(t, err), "importing.problem.quote", "column")
	})
	t.Run("NotText", func(t *testing.T) {
		// 0xFF is neither UTF-8 nor a GB18030 lead byte.
		_, err := importer.ReadTable(writeFile(t, "bin.csv", []byte("sku,name\nA,\xff\xff\n")))
		fe := fileError(t, err)
		if fe.Problems[0].Line != 2 || fe.Problems[0].Field != "encoding" {
			t.Fatalf("got %+v", fe.Problems)
		}
		wantProblemKey(t, fe, "importing.problem.encoding")
	})
	t.Run("Empty", func(t *testing.T) {
		_, err := importer.ReadTable(writeFile(t, "empty.csv", []byte("\n\n")))
		wantProblemKey(t, fileError(t, err), "importing.problem.emptyFile")
	})
	t.Run("BrokenXLSX", func(t *testing.T) {
		_, err := importer.ReadTable(writeFile(t, "broken.xlsx", []byte("PK\x03\x04 not really a zip")))
		if domain.ErrorCode(err) != domain.EInvalid || !strings.Contains(err.Error(), "broken.xlsx") {
			t.Fatalf("got %v", err)
		}
	})
	t.Run("Missing", func(t *testing.T) {
		_, err := importer.ReadTable(filepath.Join(t.TempDir(), "nope.csv"))
		if domain.ErrorCode(err) != domain.EInvalid || !strings.Contains(err.Error(), "nope.csv") {
			t.Fatalf("got %v", err)
		}
	})
}

func TestUnsupportedExtension(t *testing.T) {
	for _, name := range []string{"products.txt", "products.xls", "products"} {
		path := writeFile(t, name, []byte("sku\nA\n"))
		_, err := importer.ReadTable(path)
		if e := domain.AsError(err); e == nil || e.Code != domain.EInvalid || !strings.Contains(e.Message, name) {
			t.Fatalf("%s: got %v", name, err)
		}
		if err := importer.WriteTable(path, []string{"a"}, nil); domain.ErrorCode(err) != domain.EInvalid {
			t.Fatalf("write %s: got %v", name, err)
		}
	}
}

func TestWriteReadRoundTrip(t *testing.T) {
	header := []string{"sku", "name_zh", "barcode", "price", "notes"}
	rows := [][]string{
		{"JP-001", "资生堂 红腰子精华 50ml", "0036000291452", "1280.50", "含\"引号\", 逗号\n和换行"},
		{"KR-7", "雪花秀 滋阴水", "", "0", ""},
		{"=cmd", "", "4901301231239", "-3.07", "x"},
	}
	for _, ext := range []string{".csv", ".xlsx"} {
		t.Run(ext, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "out"+ext)
			if err := importer.WriteTable(path, header, rows); err != nil {
				t.Fatal(err)
			}
			tb := mustRead(t, path)
			if !reflect.DeepEqual(tb.Header, header) {
				t.Fatalf("header %q", tb.Header)
			}
			lines := []int{2, 4, 5} // the first row's notes span two lines of CSV
			if ext == ".xlsx" {
				lines = []int{2, 3, 4} // but one row of a sheet
			}
			for i, r := range tb.Rows {
				want := rows[i]
				for len(r.Cells) < len(want) {
					r.Cells = append(r.Cells, "")
				}
				if r.Line != lines[i] || !reflect.DeepEqual(r.Cells[:len(want)], want) {
					t.Fatalf("row %d: line %d %q, want %q", i, r.Line, r.Cells, want)
				}
			}
			if len(tb.Rows) != len(rows) {
				t.Fatalf("%d rows", len(tb.Rows))
			}
			entries, _ := os.ReadDir(filepath.Dir(path))
			if len(entries) != 1 {
				t.Fatalf("temporary files left: %v", entries)
			}
		})
	}
	t.Run("CSVHasBOM", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "bom.csv")
		importer.WriteTable(path, header, rows)
		b, _ := os.ReadFile(path)
		if !strings.HasPrefix(string(b), "\xEF\xBB\xBFsku,") {
			t.Fatalf("no BOM: %q", b[:10])
		}
	})
}

// A workbook made by a person: numbers stored as numbers, a gap row, the data on the first
// of two sheets.
func TestReadXLSXNumbersAndGaps(t *testing.T) {
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"SKU", "条形码", "售价", "重量(g)"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"JP-1", 4901301231239, 1280.5, 250})
	f.SetSheetRow("Sheet1", "A4", &[]any{"JP-2", "0036000291452", 99, 1.5})
	f.NewSheet("Other")
	f.SetSheetRow("Other", "A1", &[]any{"ignored"})
	path := filepath.Join(t.TempDir(), "book.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	tb := mustRead(t, path)
	want := []lineCells{
		{2, []string{"JP-1", "4901301231239", "1280.5", "250"}},
		{4, []string{"JP-2", "0036000291452", "99", "1.5"}},
	}
	if got := rowsOf(tb); !reflect.DeepEqual(got, want) {
		t.Fatalf("got %v want %v", got, want)
	}
}

func TestColumns(t *testing.T) {
	known := []importer.Column{
		{Name: "sku", Aliases: []string{"SKU", "货号"}},
		{Name: "weight_g", Aliases: []string{"重量(g)", "重量"}},
		{Name: "cost_currency", Aliases: []string{"成本币种"}},
	}
	tb := &importer.Table{File: "x.csv", HeaderLine: 1, Header: []string{"货号", "Remarks", "重量（g）", "Cost Currency"}}
	cols, err := tb.Columns(known)
	if err != nil {
		t.Fatal(err)
	}
	row := importer.Row{Line: 2, Cells: []string{"A-1", "x", "250"}}
	if cols.Get(row, "sku") != "A-1" || cols.Get(row, "weight_g") != "250" || cols.Get(row, "cost_currency") != "" ||
		!cols.Has("cost_currency") || cols.Has("notes") || cols.Get(row, "notes") != "" {
		t.Fatalf("lookup wrong: %+v", cols)
	}
	t.Run("ErrColumnTwice", func(t *testing.T) {
		tb := &importer.Table{File: "x.csv", HeaderLine: 1, Header: []string{"SKU", "name", "货号"}}
		_, err := tb.Columns(known)
		fe := fileError(t, err)
		if fe.Problems[0].Line != 1 || fe.Problems[0].Field != "sku" {
			t.Fatalf("got %+v", fe.Problems)
		}
		wantProblemKey(t, fe, "importing.problem.columnTwice", "first", "firstHeader", "second", "secondHeader", "column")
		if p := fe.Problems[0].Params; p["firstHeader"] != "SKU" || p["secondHeader"] != "货号" || p["second"] != 3 {
			t.Fatalf("params %v", p)
		}
	})
}
