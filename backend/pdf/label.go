package pdf

import (
	"errors"
	"fmt"
	"io"
	"math"
	"runtime"
	"strings"
	"sync/atomic"

	"github.com/jung-kurt/gofpdf"
)

// Progress is told after each page that done of total labels or slips are drawn (a progress
// bar); writing the file follows the last call.
type Progress func(done, total int)

func report(progress []Progress, done, total int) {
	for _, p := range progress {
		if p != nil {
			p(done, total)
		}
	}
}

// LabelSize is a label's page size in mm (portrait: W across, H down).
type LabelSize struct{ W, H float64 }

// Common thermal label sizes.
var (
	Label100x150 = LabelSize{100, 150} // 4×6 in, the usual courier label
	Label76x130  = LabelSize{76, 130}
)

// MinLabelMM is the smallest width and height WriteLabels accepts.
const MinLabelMM = 50

// Party is a sender or recipient.
type Party struct {
	Name, Phone string
	Address     string // the full address on one or more lines, wrapped by characters
}

// Label is one shipping label.
type Label struct {
	Sender, Recipient Party
	Carrier, Service  string // e.g. "顺丰速运" and "标准快递", printed large at the top
	Tracking          string // required; printed as Code128 with the text under it
	OrderNumber       string // printed beside the QR code
	// QR is the QR code's payload. Empty means "daigoudesk:order:"+OrderNumber,
	// or no QR code when OrderNumber is empty too.
	QR       string
	WeightG  int64 // grams, printed in kg with one decimal (half up); 0 prints "—"
	Parcel   int   // this parcel's number, 1-based …
	Parcels  int   // … of this many ("n / m"); both 0 print "1 / 1"
	Contents string
}

// Label layout, in mm (font sizes in pt, multiplied by the label's font scale).
const (
	labelMargin  = 3.0
	ptMM         = 25.4 / 72
	labelLineGap = 1.22  // line height / font size
	minModule    = 0.19  // narrowest Code128 bar accepted (7.5 mil)
	dotMM        = 0.125 // a dot of a 203 dpi thermal printer
	ruleWidth    = 0.3
	minFontScale = 0.55
)

// WriteLabels renders one label per page of the given size to w, as one PDF.
//
// The barcodes are encoded in parallel on all cores, ahead of the pages,
// which are drawn in order into one gofpdf document (gofpdf is
// single-threaded) as soon as their label's barcodes are ready. Text is scaled down, in steps, until a label's content
// fits its page; a label that does not fit even at the smallest scale is an
// error, never a clipped address.
func WriteLabels(w io.Writer, labels []Label, size LabelSize, progress ...Progress) error {
	if !(size.W >= MinLabelMM && size.H >= MinLabelMM) {
		return fmt.Errorf("pdf: label size %gx%g mm is smaller than the minimum %dx%d mm",
			size.W, size.H, MinLabelMM, MinLabelMM)
	}
	if len(labels) == 0 {
		return errors.New("pdf: no labels to write")
	}
	for i := range labels {
		if err := labels[i].validate(); err != nil {
			return fmt.Errorf("pdf: label %d: %w", i+1, err)
		}
	}
	enc := startEncoding(labels)
	defer enc.stop.Store(true)
	doc := newLabelDoc(size)
	for i := range labels {
		codes, err := enc.get(i)
		if err == nil {
			err = drawLabel(doc, &labels[i], codes, size)
		}
		if err != nil {
			return fmt.Errorf("pdf: label %d (tracking %s): %w", i+1, labels[i].Tracking, err)
		}
		report(progress, i+1, len(labels))
	}
	return doc.Output(w)
}

func (l *Label) validate() error {
	switch {
	case strings.TrimSpace(l.Tracking) == "":
		return errors.New("tracking number is empty")
	case l.WeightG < 0:
		return fmt.Errorf("weight %d g is negative", l.WeightG)
	case l.Parcel < 0 || l.Parcels < 0 || l.Parcel > l.Parcels || (l.Parcels > 0 && l.Parcel == 0):
		return fmt.Errorf("parcel %d / %d is not a parcel number out of a count", l.Parcel, l.Parcels)
	}
	return nil
}

func (l *Label) qrPayload() string {
	if l.QR != "" {
		return l.QR
	}
	if l.OrderNumber != "" {
		return "daigoudesk:order:" + l.OrderNumber
	}
	return ""
}

// labelCodes are a label's encoded barcodes.
type labelCodes struct {
	track barcodeOps
	qr    barcodeOps // rows == 0: no QR code
}

// labelEncoder encodes every label's barcodes, spread over GOMAXPROCS
// goroutines (QR encoding, with its mask selection, is the expensive part of
// a label), while the caller draws the labels already encoded.
type labelEncoder struct {
	codes []labelCodes
	errs  []error
	ready []chan struct{} // closed when codes[i] and errs[i] are set
	stop  atomic.Bool
}

func startEncoding(labels []Label) *labelEncoder {
	e := &labelEncoder{
		codes: make([]labelCodes, len(labels)),
		errs:  make([]error, len(labels)),
		ready: make([]chan struct{}, len(labels)),
	}
	for i := range e.ready {
		e.ready[i] = make(chan struct{})
	}
	var next atomic.Int64
	for range min(runtime.GOMAXPROCS(0), len(labels)) {
		go func() {
			for !e.stop.Load() {
				i := int(next.Add(1) - 1)
				if i >= len(labels) {
					return
				}
				e.codes[i], e.errs[i] = encodeLabel(&labels[i])
				close(e.ready[i])
			}
		}()
	}
	return e
}

// get waits for label i's barcodes.
func (e *labelEncoder) get(i int) (*labelCodes, error) {
	<-e.ready[i]
	return &e.codes[i], e.errs[i]
}

func encodeLabel(l *Label) (labelCodes, error) {
	var c labelCodes
	var err error
	if c.track, err = encodeCode128(l.Tracking); err != nil {
		return c, fmt.Errorf("tracking number cannot be a Code128 barcode (ASCII only, at most 80 characters): %w", err)
	}
	if p := l.qrPayload(); p != "" {
		if c.qr, err = encodeQR(p); err != nil {
			return c, fmt.Errorf("QR payload: %w", err)
		}
	}
	return c, nil
}

// newLabelDoc returns a document of label pages in mm with the embedded font
// loaded (once per document, as newDoc does for A4).
func newLabelDoc(size LabelSize) *gofpdf.Fpdf {
	doc := gofpdf.NewCustom(&gofpdf.InitType{
		OrientationStr: "P",
		UnitStr:        "mm",
		Size:           gofpdf.SizeType{Wd: size.W, Ht: size.H},
	})
	doc.AddUTF8FontFromBytes(fontFamily, "", fontTTF)
	doc.SetFont(fontFamily, "", 10)
	doc.SetAutoPageBreak(false, 0)
	doc.SetMargins(0, 0, 0)
	// gofpdf compresses each page with a fresh zlib writer (~1 MB of state
	// per page): 1,000 labels spent 0.3 s and 1.3 GB of allocation on it.
	// Label pages are small; the font subset is still compressed.
	doc.SetCompression(false)
	doc.SetCellMargin(0)
	doc.SetCreator("Daigou Desk", true)
	return doc
}

// drawLabel adds a page for l. It lays the label out at the largest font
// scale (starting from one fitted to the page width) at which it fits, then
// draws it.
func drawLabel(doc *gofpdf.Fpdf, l *Label, c *labelCodes, size LabelSize) error {
	start := math.Min(1, math.Min(size.W/88, size.H/132))
	for s := start; s >= minFontScale-1e-9; s -= 0.05 {
		p := &labelPainter{doc: doc, l: l, c: c, size: size, s: s}
		fits, err := p.layout()
		if err != nil {
			return err
		}
		if fits {
			doc.AddPage()
			p.draw = true
			_, err := p.layout()
			return err
		}
	}
	return fmt.Errorf("the text does not fit on a %gx%g mm label even in small print; shorten the address or contents", size.W, size.H)
}

// labelPainter lays out (draw false: measures) or draws one label.
type labelPainter struct {
	doc  *gofpdf.Fpdf
	l    *Label
	c    *labelCodes
	size LabelSize
	s    float64 // font scale
	draw bool
	y    float64 // top of the next section
}

func lineHeight(pt float64) float64 { return pt * ptMM * labelLineGap }

// layout runs through the label top to bottom and reports whether it fits.
func (p *labelPainter) layout() (bool, error) {
	x, w := labelMargin, p.size.W-2*labelMargin
	p.y = labelMargin
	p.header(x, w)
	if err := p.tracking(x, w); err != nil {
		return false, err
	}
	p.party("收", p.l.Recipient, x, w, 16, 15, 12, 11.5)
	p.party("寄", p.l.Sender, x, w, 8, 8, 8, 8)
	if strings.TrimSpace(p.l.Contents) != "" {
		p.y += 0.8
		h := p.text(x, p.y, w, 8.5*p.s, "内件："+p.l.Contents, "L", false)
		p.y += h
	}
	return p.footer(x, w), nil
}

// header: carrier large, service beside it (or under it when both do not fit
// on one line).
func (p *labelPainter) header(x, w float64) {
	cs, ss := 19*p.s, 12*p.s
	carrier := oneLine(p.l.Carrier)
	service := oneLine(p.l.Service)
	p.doc.SetFont(fontFamily, "", cs)
	cw := p.doc.GetStringWidth(carrier)
	p.doc.SetFont(fontFamily, "", ss)
	sw := p.doc.GetStringWidth(service)
	if cw+sw+4 <= w {
		h := lineHeight(cs)
		p.text(x, p.y, w, cs, carrier, "L", true)
		p.text(x, p.y+h-lineHeight(ss), w, ss, service, "R", false)
		p.y += h
	} else {
		p.y += p.text(x, p.y, w, cs, carrier, "L", true)
		p.y += p.text(x, p.y, w, ss, service, "L", false)
	}
	p.y += 1
	p.rule(x, w)
}

// tracking: the Code128 barcode, centred with its quiet zones, and the
// number under it.
func (p *labelPainter) tracking(x, w float64) error {
	bc := p.c.track
	mw := w / float64(bc.cols+2*code128Quiet)
	if mw < minModule {
		return fmt.Errorf("tracking number is too long for a %g mm wide label (Code128 bars would be %.2f mm, under %.2f mm)",
			p.size.W, mw, minModule)
	}
	if mw >= 2*dotMM { // whole printer dots keep bar widths exact
		mw = math.Floor(mw/dotMM) * dotMM
	}
	mw = math.Min(mw, 0.5)
	bh := math.Max(8, math.Min(20, 0.13*p.size.H))
	p.y += 2
	if p.draw {
		bw := float64(bc.cols) * mw
		k := p.doc.GetConversionRatio()
		drawBarcode(p.doc, bc, x+(w-bw)/2, p.y, mw, bh, k, p.size.H)
	}
	p.y += bh + 0.6
	p.y += p.text(x, p.y, w, 11*p.s, strings.TrimSpace(p.l.Tracking), "C", false)
	p.y += 0.6
	p.rule(x, w)
	return nil
}

// party draws a recipient or sender block: a black tag with tag's character,
// then name and phone, then the address. Sizes are in pt before scaling.
func (p *labelPainter) party(tag string, who Party, x, w, tagPt, namePt, phonePt, addrPt float64) {
	s := p.s
	tagPt, namePt, phonePt, addrPt = tagPt*s, namePt*s, phonePt*s, addrPt*s
	tagW := lineHeight(tagPt) + 0.6
	gap := 1.5 * s
	bx, bw := x+tagW+gap, w-tagW-gap
	y0 := p.y + 1
	y := y0
	name, phone := oneLine(who.Name), oneLine(who.Phone)
	p.doc.SetFont(fontFamily, "", namePt)
	nw := p.doc.GetStringWidth(name)
	p.doc.SetFont(fontFamily, "", phonePt)
	pw := p.doc.GetStringWidth(phone)
	if nw+3+pw <= bw {
		h := lineHeight(namePt)
		p.text(bx, y, bw, namePt, name, "L", namePt >= 12)
		p.text(bx+nw+3, y+h-lineHeight(phonePt), bw-nw-3, phonePt, phone, "L", false)
		y += h
	} else {
		y += p.text(bx, y, bw, namePt, name, "L", namePt >= 12)
		y += p.text(bx, y, bw, phonePt, phone, "L", false)
	}
	y += p.text(bx, y, bw, addrPt, who.Address, "L", false)
	if p.draw {
		p.doc.SetFillColor(0, 0, 0)
		p.doc.Rect(x, y0, tagW, tagW, "F")
		p.doc.SetTextColor(255, 255, 255)
		p.doc.SetFont(fontFamily, "", tagPt)
		p.doc.SetXY(x, y0)
		p.doc.CellFormat(tagW, tagW, tag, "", 0, "CM", false, 0, "")
		p.doc.SetTextColor(0, 0, 0)
	}
	p.y = math.Max(y, y0+tagW) + 1
	p.rule(x, w)
}

// footer: order number, weight and parcel count on the left, the QR code on
// the right, anchored to the bottom of the label. It reports whether the
// sections above end before it.
func (p *labelPainter) footer(x, w float64) bool {
	s := p.s
	bottom := p.size.H - labelMargin
	qrBox, qm := 0.0, 0.0
	if q := p.c.qr; q.rows > 0 {
		side := math.Max(20, math.Min(26, 0.22*p.size.W)) // the symbol, without quiet zone
		qm = side / float64(q.cols)
		qrBox = side + 2*qrQuiet*qm
	}
	lw := w - qrBox - 1
	weight := "—"
	if p.l.WeightG > 0 {
		tenths := (p.l.WeightG + 50) / 100 // half up, in integers: 1250 g is 1.3 kg
		weight = fmt.Sprintf("%d.%d kg", tenths/10, tenths%10)
	}
	n, m := p.l.Parcel, p.l.Parcels
	if m == 0 {
		n, m = 1, 1
	}
	lines := []struct {
		pt   float64
		text string
		bold bool
	}{
		{7.5 * s, "订单号", false},
		{12 * s, oneLine(p.l.OrderNumber), false},
		{11 * s, "重量 " + weight, false},
		{15 * s, fmt.Sprintf("件数 %d / %d", n, m), true},
	}
	if p.l.OrderNumber == "" {
		lines = lines[2:]
	}
	measure := func(y float64, draw bool) float64 {
		saved := p.draw
		p.draw = draw
		h := 0.0
		for _, ln := range lines {
			h += p.text(x, y+h, lw, ln.pt, ln.text, "L", ln.bold)
		}
		p.draw = saved
		return h
	}
	leftH := measure(0, false) + 2
	blockH := math.Max(leftH, qrBox)
	top := bottom - blockH
	if p.draw {
		p.ruleAt(x, w, top)
		measure(top+1.5, true)
		if qrBox > 0 {
			q := p.c.qr
			qx := x + w - qrBox + qrQuiet*qm
			drawBarcode(p.doc, q, qx, top+qrQuiet*qm, qm, qm, p.doc.GetConversionRatio(), p.size.H)
		}
	}
	return p.y+0.5 <= top
}

// text wraps text to width w in the font size pt and, when drawing, writes it
// from (x, y) with the given alignment ("L", "C" or "R"). bold draws the
// glyphs with an outline too (the font has no bold face). It returns the
// height used.
func (p *labelPainter) text(x, y, w, pt float64, text, align string, bold bool) float64 {
	text = printable(text)
	if text == "" {
		return 0
	}
	doc := p.doc
	doc.SetFont(fontFamily, "", pt)
	lh := lineHeight(pt)
	lines := WrapRunes(doc, text, w)
	if p.draw {
		if bold {
			doc.RawWriteStr(fmt.Sprintf("q 2 Tr %.2f w", pt*0.03))
		}
		for i, line := range lines {
			doc.SetXY(x, y+float64(i)*lh)
			doc.CellFormat(w, lh, strings.TrimRight(line, " "), "", 0, align+"M", false, 0, "")
		}
		if bold {
			doc.RawWriteStr("Q")
		}
	}
	return float64(len(lines)) * lh
}

func (p *labelPainter) rule(x, w float64) {
	p.ruleAt(x, w, p.y)
	p.y += ruleWidth
}

func (p *labelPainter) ruleAt(x, w, y float64) {
	if p.draw {
		p.doc.SetFillColor(0, 0, 0)
		p.doc.Rect(x, y, w, ruleWidth, "F")
	}
}

// oneLine joins a field's lines with spaces (names, phones, headings).
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
