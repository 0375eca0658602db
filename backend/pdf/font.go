package pdf

import (
	_ "embed"
	"strings"

	"github.com/jung-kurt/gofpdf"
)

// fontTTF is LXGW WenKai Regular (OFL-1.1, see fonts/OFL.txt): a TrueType
// font with glyf outlines covering Latin, simplified and traditional Chinese
// and Japanese kana/kanji. gofpdf embeds only the glyphs a document uses.
//
//go:embed fonts/LXGWWenKai-Regular.ttf
var fontTTF []byte

const fontFamily = "wenkai"

// newDoc returns an A4 document in mm with the embedded font loaded and
// selected. The font is parsed here, once per document; gofpdf cannot share
// a parsed font between documents.
//
// Automatic page breaks are off: the layout code decides where pages end so
// that a row is never split.
func newDoc(landscape bool) *gofpdf.Fpdf {
	orientation := "P"
	if landscape {
		orientation = "L"
	}
	doc := gofpdf.New(orientation, "mm", "A4", "")
	// AddUTF8FontFromBytes, not AddUTF8Font: the latter joins the font path
	// onto the font directory and so mangles absolute paths.
	doc.AddUTF8FontFromBytes(fontFamily, "", fontTTF)
	doc.SetFont(fontFamily, "", 10)
	doc.SetAutoPageBreak(false, 0)
	doc.SetCreator("Daigou Desk", true)
	return doc
}

// printable maps text onto what gofpdf can draw with the embedded font.
// gofpdf reads only the font's BMP character map, so characters beyond the
// BMP (emoji, CJK extension B such as 𠮷, although the font has it) cannot
// be drawn: they become U+FFFD, which prints as an empty box and extracts
// as "�". Tabs become spaces, other control characters are dropped, and
// "\r\n" and "\r" become "\n".
func printable(s string) string {
	ok := true
	for _, r := range s {
		if r < 0x20 && r != '\n' || r >= 0x10000 || r == 0x7f {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r == '\r':
			return '\n'
		case r == '\t':
			return ' '
		case r < 0x20 || r == 0x7f:
			return -1
		case r >= 0x10000:
			return '\uFFFD'
		}
		return r
	}, s)
}
