package pdf

import (
	"fmt"
	"io"
	"strings"

	"github.com/jung-kurt/gofpdf"
)

// Column is one column of a List.
type Column struct {
	Title string
	Width float64 // relative weight; the columns share the page width in proportion (<= 0 counts as 1)
	Align string  // "L" (default), "C" or "R"
}

// Group is a run of rows under an optional heading row.
type Group struct {
	Heading string     // printed as a shaded full-width row; "" means no heading row
	Rows    [][]string // one string per column; missing trailing cells are empty
}

// List is a titled table report, e.g. a purchase list or a stock count sheet.
type List struct {
	Title, Subtitle string // e.g. "采购清单 — 东京 2026-12" and "生成于 2026-12-01 10:00"
	Columns         []Column
	Groups          []Group
	Footer          string // e.g. a totals line, printed after the table
	Landscape       bool
}

// Layout of a list, in mm (font sizes in pt).
const (
	margin      = 12.0
	padX        = 1.5  // cell padding left and right
	padY        = 1.0  // cell padding top and bottom
	bodySize    = 9.0  // table text
	lineH       = 4.2  // line height of table text
	titleSize   = 15.0 // title
	titleLineH  = 7.0
	smallSize   = 8.0 // subtitle and page footer
	smallLineH  = 4.0
	footerSize  = 10.0 // List.Footer
	footerLineH = 5.0
	pageFootH   = 6.0 // space kept at the bottom of each page for "title  n / m"
	gridWidth   = 0.15
)

// Colours (grey levels).
const (
	gridGrey    = 140
	headerGrey  = 220 // header row fill
	headingGrey = 240 // group heading fill
	mutedGrey   = 90  // subtitle and page footer text
)

// WriteList renders l as an A4 PDF to w: the title and subtitle on the first
// page, then the table with its header row repeated at the top of every
// page, then the footer text; each page ends with the title and "n / m".
// Cells wrap and a row is as tall as its tallest cell; a page break never
// splits a row (unless the row alone is taller than a page) and never leaves
// a group heading alone at the bottom of a page.
func WriteList(w io.Writer, l List) error {
	if len(l.Columns) == 0 {
		return fmt.Errorf("pdf: list %q has no columns", l.Title)
	}
	for gi, g := range l.Groups {
		for ri, row := range g.Rows {
			if len(row) > len(l.Columns) {
				return fmt.Errorf("pdf: list %q: group %d row %d has %d cells for %d columns",
					l.Title, gi+1, ri+1, len(row), len(l.Columns))
			}
		}
	}

	doc := newDoc(l.Landscape)
	doc.SetMargins(margin, margin, margin)
	doc.SetCellMargin(padX)
	doc.SetLineWidth(gridWidth)
	pageW, pageH := doc.GetPageSize()
	t := &table{
		doc:    doc,
		left:   margin,
		width:  pageW - 2*margin,
		bottom: pageH - margin - pageFootH,
	}
	t.layoutColumns(l.Columns)

	doc.AddPage()
	t.writeTitle(l.Title, l.Subtitle)
	t.writeHeader()
	for _, g := range l.Groups {
		var rows [][]cell
		for _, r := range g.Rows {
			rows = append(rows, t.rowCells(r))
		}
		if g.Heading != "" {
			heading := []cell{{x: t.left, w: t.width, align: "L", lines: t.wrap(g.Heading, t.width)}}
			need := t.height(heading)
			if len(rows) > 0 {
				need += t.height(rows[0])
			}
			if !t.fits(need) && !t.fresh {
				t.newPage()
			}
			t.writeRow(heading, headingGrey)
		}
		for _, r := range rows {
			t.writeRow(r, -1)
		}
	}
	t.writeFooter(l.Footer)
	t.writePageFooters(l.Title, pageH)
	return doc.Output(w)
}

// table is the state of a List being laid out.
type table struct {
	doc    *gofpdf.Fpdf
	left   float64 // left edge of the table
	width  float64 // width of the table
	bottom float64 // lowest y a row may reach
	header []cell  // the header row, drawn again on each new page
	cols   []cell  // x, w and align of each column (lines unused)
	fresh  bool    // nothing but the header row is on this page yet
}

// cell is one cell of a row: its box's x and width, and its wrapped text.
type cell struct {
	x, w  float64
	align string
	lines []string
}

func (t *table) layoutColumns(cols []Column) {
	total := 0.0
	for _, c := range cols {
		total += weight(c)
	}
	x := t.left
	titles := make([]string, len(cols))
	for i, c := range cols {
		w := t.width * weight(c) / total
		align := c.Align
		if align != "R" && align != "C" {
			align = "L"
		}
		t.cols = append(t.cols, cell{x: x, w: w, align: align})
		titles[i] = c.Title
		x += w
	}
	t.header = t.rowCells(titles)
}

func weight(c Column) float64 {
	if c.Width <= 0 {
		return 1
	}
	return c.Width
}

// rowCells wraps the texts of one row into its columns.
func (t *table) rowCells(texts []string) []cell {
	t.doc.SetFont(fontFamily, "", bodySize)
	cells := make([]cell, len(t.cols))
	for i, c := range t.cols {
		text := ""
		if i < len(texts) {
			text = texts[i]
		}
		c.lines = t.wrap(text, c.w)
		cells[i] = c
	}
	return cells
}

// wrap wraps text for a cell box of width w in the table font.
func (t *table) wrap(text string, w float64) []string {
	t.doc.SetFont(fontFamily, "", bodySize)
	return WrapRunes(t.doc, printable(text), w-2*padX)
}

func (t *table) height(cells []cell) float64 {
	n := 1
	for _, c := range cells {
		n = max(n, len(c.lines))
	}
	return float64(n)*lineH + 2*padY
}

func (t *table) fits(h float64) bool { return t.doc.GetY()+h <= t.bottom }

func (t *table) newPage() {
	t.doc.AddPage()
	t.writeHeader()
}

func (t *table) writeHeader() {
	t.draw(t.header, headerGrey)
	t.fresh = true
}

// writeRow draws a row on this page if it fits, else on a new page. Only a
// row taller than a whole page is split, line by line, across pages.
// fill is the grey of the row's background, or -1 for none.
func (t *table) writeRow(cells []cell, fill int) {
	for {
		if t.fits(t.height(cells)) {
			t.draw(cells, fill)
			t.fresh = false
			return
		}
		if !t.fresh {
			t.newPage()
			continue
		}
		n := max(1, int((t.bottom-t.doc.GetY()-2*padY)/lineH))
		head := make([]cell, len(cells))
		rest := make([]cell, len(cells))
		for i, c := range cells {
			head[i], rest[i] = c, c
			k := min(n, len(c.lines))
			head[i].lines, rest[i].lines = c.lines[:k], c.lines[k:]
		}
		t.draw(head, fill)
		t.newPage()
		cells = rest
	}
}

// draw draws a row of cells at the current y and moves y below it.
func (t *table) draw(cells []cell, fill int) {
	doc := t.doc
	y := doc.GetY()
	h := t.height(cells)
	doc.SetDrawColor(gridGrey, gridGrey, gridGrey)
	style := "D"
	if fill >= 0 {
		doc.SetFillColor(fill, fill, fill)
		style = "FD"
	}
	doc.SetFont(fontFamily, "", bodySize)
	doc.SetTextColor(0, 0, 0)
	for _, c := range cells {
		doc.Rect(c.x, y, c.w, h, style)
		for i, line := range c.lines {
			doc.SetXY(c.x, y+padY+float64(i)*lineH)
			doc.CellFormat(c.w, lineH, strings.TrimRight(line, " "), "", 0, c.align, false, 0, "")
		}
	}
	doc.SetXY(t.left, y+h)
}

func (t *table) writeTitle(title, subtitle string) {
	doc := t.doc
	doc.SetY(margin)
	if title != "" {
		doc.SetFont(fontFamily, "", titleSize)
		t.writeLines(printable(title), titleLineH)
	}
	if subtitle != "" {
		doc.SetFont(fontFamily, "", smallSize)
		doc.SetTextColor(mutedGrey, mutedGrey, mutedGrey)
		t.writeLines(printable(subtitle), smallLineH)
	}
	if title != "" || subtitle != "" {
		doc.SetY(doc.GetY() + 3)
	}
}

// writeFooter prints the list's footer text below the table; being prose,
// it may continue on a new page (without a header row).
func (t *table) writeFooter(text string) {
	if text == "" {
		return
	}
	t.doc.SetY(t.doc.GetY() + 2.5)
	t.doc.SetFont(fontFamily, "", footerSize)
	t.writeLines(printable(text), footerLineH)
}

// writeLines writes text wrapped to the table width in the current font,
// starting new pages as needed.
func (t *table) writeLines(text string, lh float64) {
	doc := t.doc
	for _, line := range WrapRunes(doc, text, t.width-2*padX) {
		if doc.GetY()+lh > t.bottom {
			doc.AddPage()
			doc.SetY(margin)
		}
		doc.SetX(t.left)
		doc.CellFormat(t.width, lh, strings.TrimRight(line, " "), "", 1, "L", false, 0, "")
	}
}

// writePageFooters goes back over the pages, now that their number is known,
// and writes the title and "n / m" at the bottom of each.
func (t *table) writePageFooters(title string, pageH float64) {
	doc := t.doc
	n := doc.PageCount()
	y := pageH - margin - smallLineH
	for p := 1; p <= n; p++ {
		doc.SetPage(p)
		// SetFont and SetTextColor write into the current page's content,
		// so set them on every page.
		doc.SetFont(fontFamily, "", smallSize)
		doc.SetTextColor(mutedGrey, mutedGrey, mutedGrey)
		num := fmt.Sprintf("%d / %d", p, n)
		if title != "" {
			avail := t.width - doc.GetStringWidth(num) - 10
			lines := WrapRunes(doc, strings.ReplaceAll(printable(title), "\n", " "), avail-2*padX)
			text := strings.TrimRight(lines[0], " ")
			if len(lines) > 1 {
				text += "…"
			}
			doc.SetXY(t.left, y)
			doc.CellFormat(avail, smallLineH, text, "", 0, "L", false, 0, "")
		}
		doc.SetXY(t.left, y)
		doc.CellFormat(t.width, smallLineH, num, "", 0, "R", false, 0, "")
	}
	doc.SetPage(n)
}
