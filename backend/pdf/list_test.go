package pdf

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// sampleList is a purchase list with Chinese, Japanese and Latin text, long
// cells that wrap, and enough rows for several pages. Row i has the id
// R-nnn and a unique long address.
func sampleList(rows int) List {
	l := List{
		Title:    "采购清单 — 东京 2026-12",
		Subtitle: "生成于 2026-12-01 10:00 · Daigou Desk",
		Columns: []Column{
			{Title: "编号", Width: 1.2},
			{Title: "商品 / 店铺", Width: 3},
			{Title: "数量", Width: 0.8, Align: "R"},
			{Title: "单价 (JPY)", Width: 1.3, Align: "R"},
			{Title: "收件地址", Width: 4},
		},
		Footer: "合计：" + fmt.Sprint(rows) + " 件，¥1,234,567（含税）。Total checked by Aiko & 王芳.",
	}
	products := []string{
		"資生堂 アネッサ パーフェクトUVスキンケアミルク 60mL",
		"ドラッグストア マツモトキヨシ 限定セット",
		"SK-II Facial Treatment Essence 230ml (limited edition)",
		"花王 めぐりズム 蒸気でホットアイマスク 無香料 12枚入",
		"雪肌精 化粧水",
	}
	var g Group
	for i := 0; i < rows; i++ {
		if i%20 == 0 {
			if i > 0 {
				l.Groups = append(l.Groups, g)
			}
			g = Group{Heading: fmt.Sprintf("客户：张伟（微信 zhangwei_%02d）— 第 %d 组", i/20, i/20+1)}
		}
		g.Rows = append(g.Rows, []string{
			fmt.Sprintf("R-%03d", i),
			products[i%len(products)],
			fmt.Sprint(1 + i%4),
			fmt.Sprintf("%d", 1980+i*37),
			fmt.Sprintf("上海市浦东新区世纪大道%d号环球金融中心75楼", 100+i),
		})
	}
	l.Groups = append(l.Groups, g)
	return l
}

func render(t testing.TB, l List) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteList(&buf, l); err != nil {
		t.Fatalf("WriteList: %v", err)
	}
	return buf.Bytes()
}

// pdfPages returns the text of each page, as pdftotext -raw extracts it (in
// drawing order, so a cell's wrapped lines stay together).
func pdfPages(t *testing.T, pdf []byte) []string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) not installed")
	}
	path := t.TempDir() + "/list.pdf"
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-raw", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	pages := strings.Split(string(out), "\f")
	if pages[len(pages)-1] == "" { // pdftotext ends every page with \f
		pages = pages[:len(pages)-1]
	}
	return pages
}

func stripSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

func TestWriteListText(t *testing.T) {
	const rows = 120
	l := sampleList(rows)
	data := render(t, l)
	if path := os.Getenv("PDF_SAMPLE"); path != "" {
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// The 15 MB font must be subset, not embedded whole.
	if len(data) > 500_000 {
		t.Errorf("PDF is %d bytes; font not subset?", len(data))
	}

	pages := pdfPages(t, data)
	m := len(pages)
	if m < 3 {
		t.Fatalf("%d rows gave %d pages, want several", rows, m)
	}
	seen := map[string]int{} // row id -> page
	for i, page := range pages {
		p := i + 1
		flat := stripSpace(page)
		if want := fmt.Sprintf("%d / %d", p, m); !strings.Contains(page, want) {
			t.Errorf("page %d: no page number %q in:\n%s", p, want, page)
		}
		if !strings.Contains(flat, stripSpace("商品 / 店铺")) || !strings.Contains(flat, "收件地址") {
			t.Errorf("page %d: header row missing", p)
		}
		if !strings.Contains(flat, stripSpace(l.Title)) {
			t.Errorf("page %d: title missing from the page footer", p)
		}
		// A group heading is never the last row of a page.
		if i := strings.LastIndex(flat, "客户："); i >= 0 && !strings.Contains(flat[i:], "R-") {
			t.Errorf("page %d ends with a group heading", p)
		}
		for r := 0; r < rows; r++ {
			id := fmt.Sprintf("R-%03d", r)
			if !strings.Contains(flat, id) {
				continue
			}
			if q, dup := seen[id]; dup {
				t.Errorf("row %s on pages %d and %d", id, q, p)
			}
			seen[id] = p
			// The whole row is on this page, with every character of the
			// wrapped address.
			addr := fmt.Sprintf("上海市浦东新区世纪大道%d号环球金融中心75楼", 100+r)
			if !strings.Contains(flat, addr) {
				t.Errorf("page %d: row %s without its full address %s", p, id, addr)
			}
		}
	}
	if len(seen) != rows {
		t.Errorf("found %d of %d rows", len(seen), rows)
	}

	all := stripSpace(strings.Join(pages, ""))
	for _, want := range []string{
		l.Subtitle,
		"資生堂アネッサパーフェクトUVスキンケアミルク60mL",
		"ドラッグストアマツモトキヨシ限定セット",
		"花王めぐりズム蒸気でホットアイマスク無香料12枚入",
		"SK-IIFacialTreatmentEssence230ml(limitededition)",
		l.Groups[len(l.Groups)-1].Heading,
		l.Footer,
	} {
		if !strings.Contains(all, stripSpace(want)) {
			t.Errorf("text %q missing", want)
		}
	}
	// The address wraps inside its cell (else this test proves little).
	if strings.Contains(pages[0], "上海市浦东新区世纪大道100号环球金融中心75楼") {
		t.Errorf("address did not wrap; make the column narrower")
	}
}

// A cell taller than a page is the one case where a row is split; it must
// not loop or lose text.
func TestWriteListRowTallerThanPage(t *testing.T) {
	long := strings.Repeat("上海市浦东新区世纪大道100号环球金融中心75楼。", 400)
	l := List{
		Title:   "长备注",
		Columns: []Column{{Title: "编号"}, {Title: "备注", Width: 5}},
		Groups:  []Group{{Rows: [][]string{{"A-1", long}, {"A-2", "短"}}}},
	}
	pages := pdfPages(t, render(t, l))
	if len(pages) < 2 {
		t.Fatalf("got %d pages", len(pages))
	}
	// Join the pages without their header rows and page footers.
	var body strings.Builder
	for i, p := range pages {
		flat := strings.TrimPrefix(stripSpace(p), "长备注") // the title, page 1
		rest, ok := strings.CutPrefix(flat, "编号备注")
		if !ok {
			t.Errorf("page %d: no header row: %.40q", i+1, flat)
		}
		rest, ok = strings.CutSuffix(rest, fmt.Sprintf("长备注%d/%d", i+1, len(pages)))
		if !ok {
			t.Errorf("page %d: no page footer", i+1)
		}
		body.WriteString(rest)
	}
	if got, want := body.String(), "A-1"+long+"A-2短"; got != want {
		t.Errorf("long cell changed: got %d runes, want %d", utf8.RuneCountInString(got), utf8.RuneCountInString(want))
	}
}

func TestWriteListEdgeCases(t *testing.T) {
	if err := WriteList(io.Discard, List{Title: "x"}); err == nil {
		t.Error("no columns: want error")
	}
	err := WriteList(io.Discard, List{
		Columns: []Column{{Title: "a"}},
		Groups:  []Group{{Rows: [][]string{{"1", "2"}}}},
	})
	if err == nil {
		t.Error("row wider than the columns: want error")
	}
	// Empty list, short rows, emoji and control characters still render.
	l := List{
		Columns: []Column{{Title: "a"}, {Title: "b"}},
		Groups: []Group{
			{Heading: "空组"},
			{Rows: [][]string{{"only a"}, {"tab\there", "emoji 😀 𠮷野家\r\nline"}}},
		},
	}
	pages := pdfPages(t, render(t, l))
	if len(pages) != 1 || !strings.Contains(pages[0], "1 / 1") || !strings.Contains(pages[0], "only a") {
		t.Errorf("got %q", pages)
	}
}

func BenchmarkWriteList(b *testing.B) {
	l := sampleList(60)
	pages := 0
	for b.Loop() {
		var buf bytes.Buffer
		if err := WriteList(&buf, l); err != nil {
			b.Fatal(err)
		}
		pages = bytes.Count(buf.Bytes(), []byte("/Type /Page\n"))
	}
	b.ReportMetric(float64(pages), "pages")
}
