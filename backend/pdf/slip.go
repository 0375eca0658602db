package pdf

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/jung-kurt/gofpdf"
)

// SlipSize is a packing slip's page size in mm (W across, H down).
type SlipSize struct{ W, H float64 }

// Common packing slip sizes.
var (
	SlipA4 = SlipSize{210, 297}
	SlipA5 = SlipSize{148, 210}
)

// SlipLine is one line of goods in the parcel.
type SlipLine struct {
	OrderNumber string // the order the line belongs to (a parcel may hold several orders)
	Name        string // product name, Chinese first (may be long: it is wrapped by runes)
	NameOrig    string // original-language name, printed smaller under Name when not empty
	SKU         string
	Qty         int64  // must not be negative
	UnitPrice   int64  // minor units of Currency
	Currency    string // ISO code, e.g. CNY; decides the decimals (JPY and KRW have none)
}

// Slip is one packing slip (one parcel).
type Slip struct {
	Title           string // e.g. "装箱单 Packing slip"; "" = "装箱单 / Packing slip"
	ParcelNumber    string // e.g. PCL-ABC-0007, also printed as a Code128 barcode at the top right
	Parcel, Parcels int    // this parcel's number out of the count ("n / m"); 0/0 prints nothing
	Date            string // printed as given

	Sender, Recipient Party

	Carrier, Service, Tracking string

	Orders     []string // order numbers in the parcel
	Lines      []SlipLine
	HidePrices bool   // gifts: no unit price, no line amounts, no total amount
	Note       string // free text at the bottom (e.g. a thank-you message), wrapped
	QR         string // optional QR payload printed at the top (e.g. "daigoudesk:parcel:PCL-…"); "" = none
}

// Slip layout. Lengths in mm, font sizes in pt for an A4-wide page (A5 and
// other pages narrower than 180 mm use 0.9 of them).
const (
	minSlipMM     = 100
	slipBodyPt    = 9.0
	slipSmallPt   = 7.5
	slipTitlePt   = 16.0
	slipPad       = 1.0  // cell padding
	slipGap       = 3.0  // space between sections
	slipBoxPad    = 2.0  // padding inside the sender and recipient boxes
	slipQRSide    = 22.0 // the QR symbol without its quiet zone, on A4
	slipBarH      = 12.0 // Code128 bar height on A4
	slipMaxModule = 0.33 // widest Code128 bar module, on A4

	slipTitleMin     = 54.0 // width kept for the title (and a gap) beside the barcode
	slipBesideModule = 0.25 // narrowest module for a barcode beside the title
	headerFill       = 225  // table header background
)

const defaultSlipTitle = "装箱单 / Packing slip"

// WriteSlips renders the slips to w as one PDF, each slip starting on a new
// page of the given size. A long slip continues on further pages with the
// table header repeated; every page ends with the slip's parcel number and
// "页 Page n / m", counted within the slip. A table row is never split
// across pages.
//
// A slip without lines, a negative quantity, a bad parcel count, a parcel
// number that cannot be a Code128 barcode or a product name too long for a
// page is an error naming the slip (1-based, with its parcel number) and
// what is wrong; so is a page narrower or lower than 100 mm. Nothing is
// written to w on error.
func WriteSlips(w io.Writer, slips []Slip, size SlipSize, progress ...Progress) error {
	if !(size.W >= minSlipMM && size.H >= minSlipMM) {
		return fmt.Errorf("pdf: slip size %gx%g mm is smaller than the minimum %dx%d mm",
			size.W, size.H, minSlipMM, minSlipMM)
	}
	if len(slips) == 0 {
		return errors.New("pdf: no slips to write")
	}
	for i := range slips {
		if err := slips[i].validate(); err != nil {
			return fmt.Errorf("pdf: %s: %w", slipName(i, &slips[i]), err)
		}
	}
	doc := newSlipDoc(size)
	for i := range slips {
		p := newSlipPainter(doc, &slips[i], size)
		first := doc.PageCount() + 1
		if err := p.drawSlip(); err != nil {
			return fmt.Errorf("pdf: %s: %w", slipName(i, &slips[i]), err)
		}
		p.writePageFooters(first, doc.PageCount())
		report(progress, i+1, len(slips))
	}
	doc.SetPage(doc.PageCount())
	return doc.Output(w)
}

func slipName(i int, s *Slip) string {
	if n := oneLine(s.ParcelNumber); n != "" {
		return fmt.Sprintf("slip %d (parcel %s)", i+1, n)
	}
	return fmt.Sprintf("slip %d", i+1)
}

func (s *Slip) validate() error {
	if len(s.Lines) == 0 {
		return errors.New("no lines: a packing slip lists the goods in the parcel")
	}
	if s.Parcel < 0 || s.Parcels < 0 || s.Parcel > s.Parcels || (s.Parcels > 0 && s.Parcel == 0) {
		return fmt.Errorf("parcel %d / %d is not a parcel number out of a count", s.Parcel, s.Parcels)
	}
	var qty int64
	totals := map[string]int64{}
	for i, l := range s.Lines {
		if l.Qty < 0 {
			return fmt.Errorf("line %d (%s): quantity %d is negative", i+1, lineName(l), l.Qty)
		}
		var ok bool
		if qty, ok = addInt64(qty, l.Qty); !ok {
			return fmt.Errorf("line %d (%s): the total quantity overflows", i+1, lineName(l))
		}
		if s.HidePrices {
			continue
		}
		amount := l.Qty * l.UnitPrice
		if l.Qty != 0 && amount/l.Qty != l.UnitPrice {
			return fmt.Errorf("line %d (%s): amount %d × %d overflows", i+1, lineName(l), l.Qty, l.UnitPrice)
		}
		if totals[l.Currency], ok = addInt64(totals[l.Currency], amount); !ok {
			return fmt.Errorf("line %d (%s): the total amount overflows", i+1, lineName(l))
		}
	}
	return nil
}

func lineName(l SlipLine) string {
	if sku := oneLine(l.SKU); sku != "" {
		return "SKU " + sku
	}
	return oneLine(l.Name)
}

func addInt64(a, b int64) (int64, bool) {
	c := a + b
	return c, (c > a) == (b > 0)
}

// newSlipDoc returns a document of slip pages in mm with the embedded font
// loaded (once per document, as newDoc does for A4).
func newSlipDoc(size SlipSize) *gofpdf.Fpdf {
	doc := gofpdf.NewCustom(&gofpdf.InitType{
		OrientationStr: "P",
		UnitStr:        "mm",
		Size:           gofpdf.SizeType{Wd: size.W, Ht: size.H},
	})
	doc.AddUTF8FontFromBytes(fontFamily, "", fontTTF)
	doc.SetFont(fontFamily, "", slipBodyPt)
	doc.SetAutoPageBreak(false, 0)
	doc.SetMargins(0, 0, 0)
	doc.SetCellMargin(0)
	doc.SetLineWidth(gridWidth)
	doc.SetCreator("Daigou Desk", true)
	return doc
}

// slipPainter draws one slip, top to bottom, starting new pages as needed.
type slipPainter struct {
	doc    *gofpdf.Fpdf
	s      *Slip
	size   SlipSize
	x, w   float64 // left edge and width of the content
	top    float64 // top margin
	bottom float64 // lowest y content may reach (the page footer is below)
	scale  float64 // font scale: 1 on A4 width, 0.9 on narrower pages
	y      float64 // top of the next thing to draw
	title  string
	cols   []slipCol
	header slipRow // the table header row, repeated on each page
}

// slipCol is a table column: its box's x and width, and its alignment.
type slipCol struct {
	x, w  float64
	align string
}

// slipRow is a table row: the wrapped text of each cell, as parts in
// different sizes (a product's name and, smaller, its original name).
type slipRow struct {
	cells [][]slipPart
	h     float64
}

type slipPart struct {
	lines []string
	pt    float64
	grey  int
}

func newSlipPainter(doc *gofpdf.Fpdf, s *Slip, size SlipSize) *slipPainter {
	m, scale := 12.0, 1.0
	if size.W < 180 {
		m, scale = 9, 0.9
	}
	title := oneLine(printable(s.Title))
	if title == "" {
		title = defaultSlipTitle
	}
	return &slipPainter{
		doc: doc, s: s, size: size,
		x: m, w: size.W - 2*m, top: m,
		bottom: size.H - m - lineHeight(slipSmallPt*scale) - 1.5,
		scale:  scale,
		title:  title,
	}
}

func (p *slipPainter) pt(base float64) float64 { return base * p.scale }

func (p *slipPainter) drawSlip() error {
	p.doc.AddPage()
	p.y = p.top
	if err := p.drawHeader(); err != nil {
		return err
	}
	p.drawParties()
	p.drawShipping()
	if p.y > p.bottom {
		return errors.New("the sender, recipient and shipping details do not fit on one page; shorten the addresses")
	}
	p.layoutTable()
	rows := make([]slipRow, len(p.s.Lines))
	maxH := p.bottom - p.continuationTop() - p.header.h
	for i := range p.s.Lines {
		rows[i] = p.lineRow(&p.s.Lines[i])
		if rows[i].h > maxH {
			return fmt.Errorf("line %d (%s): the product name is too long to fit on a page", i+1, lineName(p.s.Lines[i]))
		}
	}
	if p.y+p.header.h+rows[0].h > p.bottom {
		p.newPage()
	} else {
		p.drawRow(p.header, headerFill, true)
	}
	for _, r := range rows {
		if p.y+r.h > p.bottom {
			p.newPage()
		}
		p.drawRow(r, -1, false)
	}
	p.drawTotals()
	p.drawNote()
	return nil
}

// continuationTop is where the table header starts on a continuation page,
// below a line naming the slip.
func (p *slipPainter) continuationTop() float64 {
	return p.top + lineHeight(p.pt(slipSmallPt)) + 1.5
}

// newPage continues the slip on a new page: a line naming the slip, then the
// table header.
func (p *slipPainter) newPage() {
	p.continuePage()
	p.drawRow(p.header, headerFill, true)
}

// continuePage starts a new page of the slip without the table header.
func (p *slipPainter) continuePage() {
	p.doc.AddPage()
	text := p.title
	if n := oneLine(printable(p.s.ParcelNumber)); n != "" {
		text += " · " + n
	}
	p.text(p.x, p.top, p.w, p.pt(slipSmallPt), mutedGrey, "L", false, text+"（续 continued）")
	p.y = p.continuationTop()
}

// drawHeader draws the title, date and parcel count on the left and the QR
// code and the parcel number's barcode on the right, then a rule. On a page
// too narrow for the barcode beside the title, the barcode gets a row of its
// own under them.
func (p *slipPainter) drawHeader() error {
	s := p.s
	k := p.doc.GetConversionRatio()
	right := p.x + p.w // right edge of the space left for the next block
	height := 0.0

	if s.QR != "" {
		q, err := encodeQR(s.QR)
		if err != nil {
			return fmt.Errorf("QR payload: %w", err)
		}
		side := p.pt(slipQRSide)
		qm := side / float64(q.cols)
		box := side + 2*qrQuiet*qm
		drawBarcode(p.doc, q, right-box+qrQuiet*qm, p.y, qm, qm, k, p.size.H)
		right -= box
		height = side
	}
	number := oneLine(s.ParcelNumber)
	var bc barcodeOps
	if number != "" {
		var err error
		if bc, err = encodeCode128(number); err != nil {
			return fmt.Errorf("parcel number cannot be a Code128 barcode (ASCII only, at most 80 characters): %w", err)
		}
	}
	// drawCode draws the barcode, quiet zones included, in a box of at most
	// width w ending at x = r, and returns the box's width and height.
	drawCode := func(r, y, w float64) (float64, float64) {
		n := float64(bc.cols + 2*code128Quiet)
		mw := math.Min(p.pt(slipMaxModule), w/n)
		box, bh := n*mw, p.pt(slipBarH)
		drawBarcode(p.doc, bc, r-box+code128Quiet*mw, y, mw, bh, k, p.size.H)
		th := p.text(r-box, y+bh+0.8, box, p.pt(slipBodyPt+1), 0, "C", false, number)
		return box, bh + 0.8 + th
	}
	beside := number != "" && (right-p.x-slipTitleMin)/float64(bc.cols+2*code128Quiet) >= slipBesideModule
	if beside {
		box, h := drawCode(right, p.y, right-p.x-slipTitleMin)
		right -= box
		height = math.Max(height, h)
	}

	left := right - p.x - 4
	y := p.y
	y += p.text(p.x, y, left, p.pt(slipTitlePt), 0, "L", true, p.title)
	y += 1
	var info []string
	if d := oneLine(s.Date); d != "" {
		info = append(info, "日期 Date："+d)
	}
	if s.Parcels > 0 {
		info = append(info, fmt.Sprintf("件数 Parcel：%d / %d", s.Parcel, s.Parcels))
	}
	for _, line := range info {
		y += p.text(p.x, y, left, p.pt(slipBodyPt), 0, "L", false, line)
	}
	p.y = math.Max(y, p.y+height) + 2
	if number != "" && !beside {
		if p.w/float64(bc.cols+2*code128Quiet) < minModule {
			return fmt.Errorf("parcel number is too long for a barcode on a %g mm wide page", p.size.W)
		}
		_, h := drawCode(p.x+p.w, p.y, p.w)
		p.y += h + 2
	}
	p.rule()
	return nil
}

// drawParties draws the sender and recipient side by side, each in a box.
func (p *slipPainter) drawParties() {
	gap := 4.0
	bw := (p.w - gap) / 2
	y0 := p.y
	h1 := p.party(p.x, y0, bw, "寄件人 From", p.s.Sender)
	h2 := p.party(p.x+bw+gap, y0, bw, "收件人 To", p.s.Recipient)
	h := math.Max(h1, h2)
	p.doc.SetDrawColor(gridGrey, gridGrey, gridGrey)
	p.doc.Rect(p.x, y0, bw, h, "D")
	p.doc.Rect(p.x+bw+gap, y0, bw, h, "D")
	p.y = y0 + h + slipGap
}

// party draws one party's heading, name, phone and address inside a box of
// width w at (x, y) and returns the box's height.
func (p *slipPainter) party(x, y, w float64, heading string, who Party) float64 {
	x, w = x+slipBoxPad, w-2*slipBoxPad
	h := slipBoxPad - 0.5
	h += p.text(x, y+h, w, p.pt(slipSmallPt), mutedGrey, "L", false, heading)
	h += p.text(x, y+h, w, p.pt(slipBodyPt+2), 0, "L", true, oneLine(who.Name))
	h += p.text(x, y+h, w, p.pt(slipBodyPt), 0, "L", false, oneLine(who.Phone))
	h += p.text(x, y+h, w, p.pt(slipBodyPt), 0, "L", false, who.Address)
	return h + slipBoxPad
}

// drawShipping writes the carrier, service and tracking number, and the
// orders in the parcel.
func (p *slipPainter) drawShipping() {
	var parts []string
	for _, f := range []struct{ label, value string }{
		{"承运商 Carrier：", p.s.Carrier},
		{"服务 Service：", p.s.Service},
		{"运单号 Tracking：", p.s.Tracking},
	} {
		if v := oneLine(f.value); v != "" {
			parts = append(parts, f.label+v)
		}
	}
	pt := p.pt(slipBodyPt)
	if len(parts) > 0 {
		// One line when it fits, else one line per field, so that no
		// field's label is parted from its value.
		line := strings.Join(parts, "    ")
		if p.doc.SetFont(fontFamily, "", pt); p.doc.GetStringWidth(printable(line)) > p.w {
			line = strings.Join(parts, "\n")
		}
		p.y += p.text(p.x, p.y, p.w, pt, 0, "L", false, line)
	}
	var orders []string
	for _, o := range p.s.Orders {
		if o = oneLine(o); o != "" {
			orders = append(orders, o)
		}
	}
	if len(orders) > 0 {
		p.y += p.text(p.x, p.y, p.w, pt, 0, "L", false, "订单 Orders："+strings.Join(orders, ", "))
	}
	if len(parts) > 0 || len(orders) > 0 {
		p.y += slipGap
	}
}

// layoutTable chooses the columns and their widths: each column but the
// product's is as wide as its widest cell (titles are Chinese over English),
// up to a fifth of the width; the product column takes the rest.
func (p *slipPainter) layoutTable() {
	s := p.s
	type col struct {
		title, align string
		texts        []string
	}
	cols := []col{
		{title: "订单\nOrder", align: "L"},
		{title: "商品\nProduct", align: "L"},
		{title: "SKU", align: "L"},
		{title: "数量\nQty", align: "R"},
	}
	if !s.HidePrices {
		cols = append(cols, col{title: "单价\nUnit price", align: "R"}, col{title: "小计\nAmount", align: "R"})
	}
	for _, l := range s.Lines {
		cols[0].texts = append(cols[0].texts, oneLine(printable(l.OrderNumber)))
		cols[2].texts = append(cols[2].texts, oneLine(printable(l.SKU)))
		cols[3].texts = append(cols[3].texts, strconv.FormatInt(l.Qty, 10))
		if !s.HidePrices {
			cols[4].texts = append(cols[4].texts, formatMoney(l.UnitPrice, l.Currency))
			cols[5].texts = append(cols[5].texts, formatMoney(l.Qty*l.UnitPrice, l.Currency))
		}
	}
	doc := p.doc
	doc.SetFont(fontFamily, "", p.pt(slipBodyPt))
	widths := make([]float64, len(cols))
	fixed := 0.0
	for i, c := range cols {
		if i == 1 {
			continue
		}
		w := 0.0
		for _, line := range strings.Split(c.title, "\n") {
			w = math.Max(w, doc.GetStringWidth(line))
		}
		for _, t := range c.texts {
			w = math.Max(w, doc.GetStringWidth(t))
		}
		widths[i] = math.Min(w+2*slipPad+0.5, 0.2*p.w)
		fixed += widths[i]
	}
	// The product column gets the rest, but at least 35% of the width.
	if rest := p.w - fixed; rest < 0.35*p.w {
		f := 0.65 * p.w / fixed
		for i := range widths {
			widths[i] *= f
		}
		fixed = 0.65 * p.w
	}
	widths[1] = p.w - fixed
	x := p.x
	p.cols = p.cols[:0]
	titles := make([]string, len(cols))
	for i, c := range cols {
		p.cols = append(p.cols, slipCol{x: x, w: widths[i], align: c.align})
		titles[i] = c.title
		x += widths[i]
	}
	p.header = p.row(titles, nil)
}

// lineRow wraps one line of goods into a table row.
func (p *slipPainter) lineRow(l *SlipLine) slipRow {
	texts := []string{
		oneLine(l.OrderNumber),
		printable(l.Name),
		oneLine(l.SKU),
		strconv.FormatInt(l.Qty, 10),
	}
	if !p.s.HidePrices {
		texts = append(texts, formatMoney(l.UnitPrice, l.Currency), formatMoney(l.Qty*l.UnitPrice, l.Currency))
	}
	return p.row(texts, []string{1: printable(l.NameOrig)})
}

// row wraps texts into the columns; small[i], when there, is printed
// smaller under texts[i].
func (p *slipPainter) row(texts, small []string) slipRow {
	r := slipRow{cells: make([][]slipPart, len(p.cols))}
	body, sm := p.pt(slipBodyPt), p.pt(slipSmallPt)
	for i, c := range p.cols {
		w := c.w - 2*slipPad
		h := 0.0
		if lines := p.wrap(texts[i], w, body); len(lines) > 0 {
			r.cells[i] = append(r.cells[i], slipPart{lines, body, 0})
			h += float64(len(lines)) * lineHeight(body)
		}
		if i < len(small) {
			if lines := p.wrap(small[i], w, sm); len(lines) > 0 {
				r.cells[i] = append(r.cells[i], slipPart{lines, sm, mutedGrey})
				h += float64(len(lines)) * lineHeight(sm)
			}
		}
		r.h = math.Max(r.h, h)
	}
	r.h = math.Max(r.h, lineHeight(body)) + 2*slipPad
	return r
}

// drawRow draws a row at p.y, with a background when fill >= 0.
func (p *slipPainter) drawRow(r slipRow, fill int, bold bool) {
	doc := p.doc
	doc.SetDrawColor(gridGrey, gridGrey, gridGrey)
	style := "D"
	if fill >= 0 {
		doc.SetFillColor(fill, fill, fill)
		style = "FD"
	}
	for _, c := range p.cols { // all boxes first: drawLines changes the fill colour
		doc.Rect(c.x, p.y, c.w, r.h, style)
	}
	for i, c := range p.cols {
		y := p.y + slipPad
		for _, part := range r.cells[i] {
			p.drawLines(c.x+slipPad, y, c.w-2*slipPad, part.pt, part.grey, c.align, bold, part.lines)
			y += float64(len(part.lines)) * lineHeight(part.pt)
		}
	}
	p.y += r.h
}

// drawTotals writes the total quantity and, unless prices are hidden, the
// total amount in each currency (in the order the currencies first appear),
// right-aligned under the table. The block is kept on one page.
func (p *slipPainter) drawTotals() {
	var qty int64
	var curs []string
	sums := map[string]int64{}
	for _, l := range p.s.Lines {
		qty += l.Qty
		if _, seen := sums[l.Currency]; !seen {
			curs = append(curs, l.Currency)
		}
		sums[l.Currency] += l.Qty * l.UnitPrice
	}
	lines := []string{fmt.Sprintf("合计数量 Total qty：%d", qty)}
	if !p.s.HidePrices {
		for _, c := range curs {
			lines = append(lines, "合计金额 Total："+formatMoney(sums[c], c))
		}
	}
	pt := p.pt(slipBodyPt + 1)
	h := 1.5 + float64(len(lines))*lineHeight(pt)
	if p.y+h > p.bottom {
		p.continuePage()
	}
	p.y += 1.5
	for _, line := range lines {
		p.y += p.text(p.x, p.y, p.w-slipPad, pt, 0, "R", true, line)
	}
}

// drawNote writes the note under the totals, continuing on new pages as
// needed.
func (p *slipPainter) drawNote() {
	pt := p.pt(slipBodyPt)
	lines := p.wrap(p.s.Note, p.w, pt)
	if len(lines) == 0 {
		return
	}
	p.y += slipGap
	lh := lineHeight(pt)
	for _, line := range lines {
		if p.y+lh > p.bottom {
			p.continuePage()
		}
		p.drawLines(p.x, p.y, p.w, pt, 0, "L", false, []string{line})
		p.y += lh
	}
}

func (p *slipPainter) rule() {
	p.doc.SetFillColor(0, 0, 0)
	p.doc.Rect(p.x, p.y, p.w, ruleWidth, "F")
	p.y += ruleWidth + slipGap
}

// writePageFooters writes, on pages first to last (the slip's pages), the
// slip's title and parcel number and "页 Page n / m".
func (p *slipPainter) writePageFooters(first, last int) {
	doc := p.doc
	pt := p.pt(slipSmallPt)
	y := p.size.H - p.top - lineHeight(pt)
	label := p.title
	if n := oneLine(printable(p.s.ParcelNumber)); n != "" {
		label += " · " + n
	}
	for pg := first; pg <= last; pg++ {
		doc.SetPage(pg)
		num := fmt.Sprintf("页 Page %d / %d", pg-first+1, last-first+1)
		doc.SetFont(fontFamily, "", pt)
		avail := p.w - doc.GetStringWidth(num) - 8
		lines := p.wrap(label, avail, pt)
		text := strings.TrimRight(lines[0], " ")
		if len(lines) > 1 {
			text += "…"
		}
		p.drawLines(p.x, y, avail, pt, mutedGrey, "L", false, []string{text})
		p.drawLines(p.x, y, p.w, pt, mutedGrey, "R", false, []string{num})
	}
}

// wrap wraps text to width w in size pt; empty text gives no lines.
func (p *slipPainter) wrap(text string, w, pt float64) []string {
	text = printable(text)
	if text == "" {
		return nil
	}
	p.doc.SetFont(fontFamily, "", pt)
	return WrapRunes(p.doc, text, w)
}

// text wraps text to width w and draws it from (x, y) in size pt and the
// given grey, aligned "L", "C" or "R"; it returns the height used.
func (p *slipPainter) text(x, y, w, pt float64, grey int, align string, bold bool, text string) float64 {
	lines := p.wrap(text, w, pt)
	p.drawLines(x, y, w, pt, grey, align, bold, lines)
	return float64(len(lines)) * lineHeight(pt)
}

// drawLines draws lines one under another from (x, y). bold draws the glyphs
// with an outline too (the font has no bold face). The fill colour is set
// to white first: gofpdf then writes the text colour with the text (it
// leaves it out when text and fill colours are equal), which matters on a
// page revisited with SetPage, whose content ends in another colour.
func (p *slipPainter) drawLines(x, y, w, pt float64, grey int, align string, bold bool, lines []string) {
	if len(lines) == 0 {
		return
	}
	doc := p.doc
	doc.SetFont(fontFamily, "", pt)
	doc.SetFillColor(255, 255, 255)
	doc.SetTextColor(grey, grey, grey)
	if bold {
		doc.RawWriteStr(fmt.Sprintf("q 0 g 0 G 2 Tr %.2f w", pt*0.03))
	}
	lh := lineHeight(pt)
	for i, line := range lines {
		doc.SetXY(x, y+float64(i)*lh)
		doc.CellFormat(w, lh, strings.TrimRight(line, " "), "", 0, align+"M", false, 0, "")
	}
	if bold {
		doc.RawWriteStr("Q")
	}
}

// minorDecimals lists the ISO 4217 currencies whose minor unit is not a
// hundredth. TWD is on the zero list although ISO gives it two
// decimals: it is priced in whole dollars, and the app (domain.Currencies)
// stores it so.
var minorDecimals = map[string]int{
	"BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "ISK": 0, "JPY": 0, "KMF": 0, "KRW": 0, "PYG": 0,
	"RWF": 0, "TWD": 0, "UGX": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0,
	"BHD": 3, "IQD": 3, "JOD": 3, "KWD": 3, "LYD": 3, "OMR": 3, "TND": 3,
}

// currencyDecimals is the number of decimals of cur's minor unit (2 for an
// unknown or empty code).
func currencyDecimals(cur string) int {
	if d, ok := minorDecimals[strings.ToUpper(strings.TrimSpace(cur))]; ok {
		return d
	}
	return 2
}

// formatMoney writes minor units of cur with thousands separators, its
// currency's decimals and the code: "1,280.00 CNY", "12,800 JPY".
func formatMoney(minor int64, cur string) string {
	d := currencyDecimals(cur)
	u := uint64(minor)
	if minor < 0 {
		u = -u
	}
	unit := uint64(1)
	for range d {
		unit *= 10
	}
	whole := strconv.FormatUint(u/unit, 10)
	var b strings.Builder
	if minor < 0 {
		b.WriteByte('-')
	}
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if d > 0 {
		fmt.Fprintf(&b, ".%0*d", d, u%unit)
	}
	if cur = oneLine(cur); cur != "" {
		b.WriteString(" " + cur)
	}
	return b.String()
}
