// Package pdf writes the app's PDF documents. For now that is a list report
// (WriteList: a titled table with group headings, e.g. a purchase list or a
// stock count sheet); labels and packing slips come later.
//
// Everything is drawn with one embedded CJK TrueType font, LXGW WenKai
// (fonts/, OFL-1.1), so Chinese, Japanese kana/kanji and Latin print on any
// machine. gofpdf v1.16.2 traps this package works around:
//
//   - The font is loaded with AddUTF8FontFromBytes (AddUTF8Font mangles
//     absolute paths), once per document; gofpdf subsets it on output, so a
//     PDF carries only the glyphs it uses.
//   - MultiCell and SplitText drop the CJK character at each automatic line
//     break; all wrapping goes through WrapRunes instead.
//   - gofpdf reads only the font's BMP character map: characters beyond it
//     (emoji, CJK extension B) print as an empty box (see printable).
//   - Automatic page breaks are off; the layout decides where pages end, and
//     page numbers are written after layout, when the page count is known.
//
// This package imports gofpdf and the standard library only; callers turn
// their data into a List.
package pdf
