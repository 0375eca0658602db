// Package pdf writes the app's PDF documents: a list report (WriteList: a
// titled table with group headings, e.g. a purchase list or a stock count
// sheet), shipping labels (WriteLabels: one label per page of a label
// size, with a Code128 tracking barcode and an order QR code) and packing
// slips (WriteSlips).
//
// A packing slip (slip.go) lists the goods in one parcel, on A4, A5 or any
// page at least 100 mm square: the title, date and parcel count with the
// parcel number as a Code128 barcode and an optional QR code at the top;
// sender and recipient side by side; carrier, service, tracking number and
// the orders in the parcel; a table of lines (order, product name with its
// original-language name under it, SKU, quantity and, unless the slip is a
// gift with HidePrices, unit price and amount), whose rows are never split
// and whose header repeats on each page; the total quantity and the total
// amount per currency; the note. Each slip starts a new page and numbers its
// own pages ("页 Page n / m"). Money is minor units printed with the
// currency's decimals (JPY and KRW have none) and thousands separators.
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
//   - contrib/barcode embeds every barcode as a JPEG; labels draw barcodes
//     as vector rectangles read from a module matrix instead
//     (label_barcode.go), with their quiet zones: Code128 from
//     github.com/boombuler/barcode, QR from rsc.io/qr (boombuler's QR
//     encoder scores all eight mask patterns, ~80 times slower).
//   - Each page is compressed with a new zlib writer (~1 MB of state), so
//     label documents, with many small pages, are written uncompressed.
//   - Automatic page breaks are off; the layout decides where pages end, and
//     page numbers are written after layout, when the page count is known.
//
// This package imports gofpdf, boombuler/barcode, rsc.io/qr and the standard library
// only; callers turn their data into a List or Labels.
package pdf
