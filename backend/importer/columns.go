package importer

import (
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/text/width"

	"daigoudesk/backend/domain"
)

// Column names one column a reader understands: its canonical (English) name and the other
// headers people use for it, such as the Chinese names in shop exports.
type Column struct {
	Name    string
	Aliases []string
}

// Columns maps the columns a reader understands to their positions in one file.
type Columns struct {
	index map[string]int
}

// HeaderKey is how headers compare: case, spaces, '_' and '-' do not matter, and full-width
// forms equal their ASCII ones, so "Cost Currency", "cost_currency" and "ＣＯＳＴ（JPY）"
// style variants match.
func HeaderKey(s string) string {
	s = width.Fold.String(strings.TrimSpace(s))
	var b strings.Builder
	for _, r := range s {
		if unicode.IsSpace(r) || r == '_' || r == '-' || r == '*' {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// Columns finds the known columns in the table's header. Headers it does not know are
// ignored; a column given twice (say "sku" and "货号") is an error naming the header line.
func (t *Table) Columns(known []Column) (*Columns, error) {
	byKey := map[string]string{}
	for _, c := range known {
		byKey[HeaderKey(c.Name)] = c.Name
		for _, a := range c.Aliases {
			byKey[HeaderKey(a)] = c.Name
		}
	}
	cols := &Columns{index: map[string]int{}}
	fe := &domain.FileError{File: t.File}
	for i, h := range t.Header {
		name, ok := byKey[HeaderKey(h)]
		if !ok {
			continue
		}
		if first, dup := cols.index[name]; dup {
			fe.Problems = append(fe.Problems, domain.ProblemAt(t.HeaderLine, domain.Invalid(name, "importing.problem.columnTwice",
				fmt.Sprintf("columns %d (%q) and %d (%q) are both %s", first+1, t.Header[first], i+1, h, name),
				map[string]any{"first": first + 1, "firstHeader": t.Header[first], "second": i + 1, "secondHeader": h, "column": name})))
			continue
		}
		cols.index[name] = i
	}
	if len(fe.Problems) > 0 {
		return nil, fe
	}
	return cols, nil
}

// Has reports whether the file has the column.
func (c *Columns) Has(name string) bool { _, ok := c.index[name]; return ok }

// Get returns the row's value in the named column ("" when the file lacks the column or the
// row is short).
func (c *Columns) Get(r Row, name string) string {
	i, ok := c.index[name]
	if !ok {
		return ""
	}
	return r.Cell(i)
}
