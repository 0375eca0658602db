package importer

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"

	"github.com/xuri/excelize/v2"
)

// Writer writes a table row by row, so an export of 100,000 products never holds them all.
// The file appears under its name only when Close succeeds.
type Writer struct {
	path, tmp string
	format    Format
	file      *os.File
	buf       *bufio.Writer
	csv       *csv.Writer
	book      *excelize.File
	sheet     *excelize.StreamWriter
	line      int
	cells     []any
}

// sheetName is the name of the one sheet of a written workbook.
const sheetName = "Sheet1"

// Create starts writing a table with header to path, in the format its extension names.
func Create(path string, header []string) (*Writer, error) {
	format, err := FormatOf(path)
	if err != nil {
		return nil, err
	}
	w := &Writer{path: path, format: format}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-*-"+filepath.Base(path)) // keeps the extension: excelize needs it
	if err != nil {
		return nil, fmt.Errorf("create %s: %w", path, err)
	}
	w.tmp = tmp.Name()
	switch format {
	case CSV:
		w.file = tmp
		w.buf = bufio.NewWriterSize(tmp, 1<<16)
		if _, err := w.buf.Write(utf8BOM); err != nil { // so Excel reads the file as UTF-8
			w.Abort()
			return nil, err
		}
		w.csv = csv.NewWriter(w.buf)
		w.csv.UseCRLF = true // what Excel writes; every reader accepts it
	case XLSX:
		tmp.Close() // excelize writes the file itself
		w.book = excelize.NewFile()
		if w.sheet, err = w.book.NewStreamWriter(sheetName); err != nil {
			w.Abort()
			return nil, err
		}
	}
	if err := w.Write(header); err != nil {
		w.Abort()
		return nil, err
	}
	return w, nil
}

// Write adds one record. XLSX cells are written as text, so barcodes and SKUs keep their
// leading zeros and money its exact decimals.
func (w *Writer) Write(cells []string) error {
	w.line++
	if w.csv != nil {
		return w.csv.Write(cells)
	}
	w.cells = w.cells[:0]
	for _, c := range cells {
		w.cells = append(w.cells, c)
	}
	ref, err := excelize.CoordinatesToCellName(1, w.line)
	if err != nil {
		return err
	}
	return w.sheet.SetRow(ref, w.cells)
}

// Close finishes the file and moves it to its name.
func (w *Writer) Close() error {
	var err error
	if w.csv != nil {
		w.csv.Flush()
		if err = w.csv.Error(); err == nil {
			err = w.buf.Flush()
		}
		if err == nil {
			err = w.file.Sync()
		}
		if e := w.file.Close(); err == nil {
			err = e
		}
		w.file = nil
	} else {
		if err = w.sheet.Flush(); err == nil {
			err = w.book.SaveAs(w.tmp)
		}
		w.book.Close()
		w.book = nil
	}
	if err == nil {
		err = os.Rename(w.tmp, w.path)
	}
	if err != nil {
		os.Remove(w.tmp)
		return fmt.Errorf("write %s: %w", w.path, err)
	}
	return nil
}

// Abort stops writing and removes the partial file; the destination is left untouched.
func (w *Writer) Abort() {
	if w.file != nil {
		w.file.Close()
		w.file = nil
	}
	if w.book != nil {
		w.book.Close()
		w.book = nil
	}
	os.Remove(w.tmp)
}

// WriteTable writes header and rows to path as .csv (UTF-8 with a byte-order mark) or .xlsx.
func WriteTable(path string, header []string, rows [][]string) error {
	w, err := Create(path, header)
	if err != nil {
		return err
	}
	for _, r := range rows {
		if err := w.Write(r); err != nil {
			w.Abort()
			return err
		}
	}
	return w.Close()
}
