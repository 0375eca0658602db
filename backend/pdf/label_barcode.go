package pdf

import (
	"fmt"
	"image"
	"strconv"
	"strings"

	"github.com/boombuler/barcode"
	"github.com/boombuler/barcode/code128"
	"rsc.io/qr"
)

// Barcodes are drawn as filled vector rectangles read from a module matrix
// (Code128 from boombuler/barcode, QR from rsc.io/qr), never as images
// (gofpdf's contrib/barcode embeds a JPEG per barcode: large, and blurred
// edges).
//
// A barcode is encoded once, before the document is drawn (in parallel, see
// WriteLabels), into a PDF content-stream fragment in module units: bar or
// module (x, y) is the rectangle "x y w h re" with integer coordinates. On
// the page the fragment is wrapped in "q <scale and offset> cm … Q", so the
// same fragment serves any module size and position, and the graphics state
// gofpdf tracks is left untouched.

// barcodeOps is an encoded barcode as a content-stream fragment.
type barcodeOps struct {
	cols, rows int    // modules across and down (rows is 1 for Code128)
	ops        string // "0 g\n x y w h re … f\n", in module units, y up
}

// Quiet zones, in modules.
const (
	code128Quiet = 10
	qrQuiet      = 4
)

// encodeCode128 encodes a tracking number as Code128 bars (one rectangle per
// bar, height 1).
func encodeCode128(content string) (barcodeOps, error) {
	bc, err := code128.Encode(content)
	if err != nil {
		return barcodeOps{}, err
	}
	dark := barReader(bc)
	n := bc.Bounds().Dx()
	var b strings.Builder
	b.Grow(n * 6)
	b.WriteString("0 g\n")
	for x := 0; x < n; {
		if !dark(x) {
			x++
			continue
		}
		end := x + 1
		for end < n && dark(end) {
			end++
		}
		writeRect(&b, x, 0, end-x, 1)
		x = end
	}
	b.WriteString("f\n")
	return barcodeOps{cols: n, rows: 1, ops: b.String()}, nil
}

// encodeQR encodes payload as a QR code with medium error correction. Runs
// of dark modules in a row are merged into one rectangle. rsc.io/qr encodes a
// code in ~25 µs with a fixed mask pattern (any mask is valid QR); boombuler's
// encoder scores all eight masks and took ~1.9 ms, over half the time of a
// 1,000-label PDF.
func encodeQR(payload string) (barcodeOps, error) {
	code, err := qr.Encode(payload, qr.M)
	if err != nil {
		return barcodeOps{}, err
	}
	dark := code.Black
	cols, rows := code.Size, code.Size
	var b strings.Builder
	b.Grow(cols * rows * 4)
	b.WriteString("0 g\n")
	for r := 0; r < rows; r++ {
		y := rows - 1 - r // PDF y points up
		for x := 0; x < cols; {
			if !dark(x, r) {
				x++
				continue
			}
			end := x + 1
			for end < cols && dark(end, r) {
				end++
			}
			writeRect(&b, x, y, end-x, 1)
			x = end
		}
	}
	b.WriteString("f\n")
	return barcodeOps{cols: cols, rows: rows, ops: b.String()}, nil
}

func writeRect(b *strings.Builder, x, y, w, h int) {
	var buf [48]byte
	s := strconv.AppendInt(buf[:0], int64(x), 10)
	s = append(s, ' ')
	s = strconv.AppendInt(s, int64(y), 10)
	s = append(s, ' ')
	s = strconv.AppendInt(s, int64(w), 10)
	s = append(s, ' ')
	s = strconv.AppendInt(s, int64(h), 10)
	s = append(s, " re\n"...)
	b.Write(s)
}

// barReader returns whether bar module x of a 1D code is dark. It uses the
// code's own bit list when it has one (no colour conversion per module) and
// falls back to image.Image's At.
func barReader(bc barcode.Barcode) func(x int) bool {
	if m, ok := bc.(interface{ GetBit(i int) bool }); ok { // utils.BitList
		return m.GetBit
	}
	origin := bc.Bounds().Min
	return func(x int) bool { return isDark(bc, origin.Add(image.Pt(x, 0))) }
}

func isDark(img image.Image, p image.Point) bool {
	r, g, b, _ := img.At(p.X, p.Y).RGBA()
	return r+g+b < 3*0x8000
}

// drawBarcode places bc on the page with its top-left corner at (x, y) mm,
// each module mw mm wide and mh mm high. k is the document's points per mm
// and pageH the page height in mm.
func drawBarcode(w rawWriter, bc barcodeOps, x, y, mw, mh, k, pageH float64) {
	bottom := y + float64(bc.rows)*mh
	w.RawWriteStr(fmt.Sprintf("q %.5f 0 0 %.5f %.3f %.3f cm", mw*k, mh*k, x*k, (pageH-bottom)*k))
	w.RawWriteStr(bc.ops)
	w.RawWriteStr("Q")
}

type rawWriter interface{ RawWriteStr(string) }
