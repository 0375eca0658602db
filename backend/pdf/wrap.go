package pdf

import (
	"strings"

	"github.com/jung-kurt/gofpdf"
)

// WrapRunes splits text into lines that fit width (in the document's unit)
// when drawn in doc's current font and size.
//
// gofpdf's own MultiCell and SplitText drop the CJK character at each
// automatic break, so all wrapping in this package goes through here. Rules:
//
//   - "\n" always starts a new line; an empty paragraph gives an empty line.
//   - A line may break between two CJK characters (Han, kana, Hangul,
//     full-width forms) and after a run of spaces; Latin words are broken
//     only when a word alone is wider than the line.
//   - A line does not start with closing punctuation such as ，。、）」 when
//     that can be avoided.
//   - No character is ever dropped: the spaces at a break stay at the end of
//     the line before it (they do not count towards its width; trim them
//     when drawing). Joining the lines gives text without its "\n"s.
//   - A single character wider than width gets a line of its own.
func WrapRunes(doc *gofpdf.Fpdf, text string, width float64) []string {
	_, unit := doc.GetFontSize() // font size in the document's unit
	// Widths are summed in the font's integer units (1/1000 of the font
	// size), exactly as GetStringWidth does, so a line that fits here
	// measures as fitting there.
	limit := int(width * 1000 / unit)
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		lines = wrapParagraph(doc, []rune(para), limit, lines)
	}
	return lines
}

func wrapParagraph(doc *gofpdf.Fpdf, rs []rune, limit int, lines []string) []string {
	if len(rs) == 0 {
		return append(lines, "")
	}
	start := 0    // first rune of the current line
	w := 0        // width of rs[start:i]; trailing spaces hang and may overflow
	breakAt := -1 // last place the current line may end, or -1
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if i > start && canBreak(rs[i-1], r) {
			breakAt = i
		}
		rw := runeWidth(doc, r)
		if r == ' ' || w+rw <= limit || i == start {
			w += rw
			continue
		}
		// r does not fit: end the line at the last break opportunity, or
		// right before r when the line has none.
		end := i
		if breakAt > start {
			end = breakAt
		}
		lines = append(lines, string(rs[start:end]))
		start = end
		w, breakAt = 0, -1
		i = start - 1 // measure the carried-over runes again
	}
	return append(lines, string(rs[start:]))
}

// runeWidth is r's width in the current font, in 1/1000 of the font size.
// Runes beyond the BMP are measured as U+FFFD, which printable turns them
// into (and gofpdf v1.16.2 panics measuring U+10000).
func runeWidth(doc *gofpdf.Fpdf, r rune) int {
	if r >= 0x10000 {
		r = '\uFFFD'
	}
	return doc.GetStringSymbolWidth(string(r))
}

// canBreak reports whether a line may end between a and b.
func canBreak(a, b rune) bool {
	if noLineStart(b) || b == ' ' {
		return false
	}
	return a == ' ' || isWide(a) || isWide(b)
}

// isWide reports whether r belongs to a script written without spaces
// between words (CJK ideographs, kana, Hangul, CJK and full-width
// punctuation), where a line may break between any two characters.
func isWide(r rune) bool {
	switch {
	case r >= 0x2E80 && r <= 0x9FFF: // CJK radicals … unified ideographs, incl. kana
		return true
	case r >= 0xAC00 && r <= 0xD7AF: // Hangul syllables
		return true
	case r >= 0xF900 && r <= 0xFAFF: // CJK compatibility ideographs
		return true
	case r >= 0xFE30 && r <= 0xFE4F: // CJK compatibility forms
		return true
	case r >= 0xFF00 && r <= 0xFFEF: // full-width and half-width forms
		return true
	}
	return false
}

// noLineStart reports whether r is punctuation that should not begin a line
// (the core of the Chinese/Japanese line-breaking rules).
func noLineStart(r rune) bool {
	return strings.ContainsRune("，。、；：！？）》」』】〕〉”’・ー…,.;:!?)]}%", r)
}
