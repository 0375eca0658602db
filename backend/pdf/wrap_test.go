package pdf

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestWrapRunes(t *testing.T) {
	doc := newDoc(false)
	doc.SetFont(fontFamily, "", bodySize)
	tests := []struct {
		text  string
		width float64
		want  []string // nil: only check the invariants
	}{
		{"上海市浦东新区世纪大道100号环球金融中心75楼", 20, nil},
		{"上海市浦东新区世纪大道100号环球金融中心75楼", 1, nil}, // narrower than one character
		{"資生堂 アネッサ パーフェクトUVスキンケアミルク、ドラッグストアで購入。", 25, nil},
		{"The quick brown fox jumps over the lazy dog", 30, nil},
		{"https://item.taobao.com/item.htm?id=1234567890123456789", 25, nil},
		{"第一行\n\n第三行 with a rather long English tail that wraps", 30, nil},
		{"emoji 😀𐀀 𠮷野家", 8, nil}, // beyond the BMP; U+10000 made gofpdf panic
		{"", 30, []string{""}},
		{"a\nb", 30, []string{"a", "b"}},
		{"abc def", 1000, []string{"abc def"}},
		{"  indented", 1000, []string{"  indented"}},
	}
	for _, tc := range tests {
		lines := WrapRunes(doc, tc.text, tc.width)
		if tc.want != nil && strings.Join(lines, "|") != strings.Join(tc.want, "|") {
			t.Errorf("WrapRunes(%q, %v) = %q, want %q", tc.text, tc.width, lines, tc.want)
		}
		// No character is dropped or added.
		if got, want := strings.Join(lines, ""), strings.ReplaceAll(tc.text, "\n", ""); got != want {
			t.Errorf("WrapRunes(%q, %v) joined = %q, want %q", tc.text, tc.width, got, want)
		}
		if got, min := len(lines), strings.Count(tc.text, "\n")+1; got < min {
			t.Errorf("WrapRunes(%q): %d lines, want at least %d", tc.text, got, min)
		}
		// Every line fits, unless it is a single character wider than width.
		// (printable: gofpdf's GetStringWidth panics on U+10000.)
		for _, line := range lines {
			vis := strings.TrimRight(line, " ")
			if w := doc.GetStringWidth(printable(vis)); w > tc.width+1e-9 && utf8.RuneCountInString(vis) > 1 {
				t.Errorf("WrapRunes(%q, %v): line %q is %.2f wide", tc.text, tc.width, line, w)
			}
		}
	}
}

func TestWrapRunesBreaks(t *testing.T) {
	doc := newDoc(false)
	doc.SetFont(fontFamily, "", bodySize)

	// Latin breaks at spaces: every line but the last ends with a space.
	lines := WrapRunes(doc, "The quick brown fox jumps over the lazy dog", 30)
	if len(lines) < 2 {
		t.Fatalf("no wrap: %q", lines)
	}
	for _, l := range lines[:len(lines)-1] {
		if !strings.HasSuffix(l, " ") {
			t.Errorf("Latin line %q broken inside a word (%q)", l, lines)
		}
	}

	// CJK breaks between any characters, so lines are filled: every line
	// but the last is within one character of the width.
	lines = WrapRunes(doc, "上海市浦东新区世纪大道环球金融中心七十五楼", 20)
	char := doc.GetStringWidth("中")
	for _, l := range lines[:len(lines)-1] {
		if w := doc.GetStringWidth(l); w < 20-char {
			t.Errorf("CJK line %q only %.1f of 20 wide (%q)", l, w, lines)
		}
	}

	// Closing punctuation does not start a line.
	w := doc.GetStringWidth("一二三四五")
	lines = WrapRunes(doc, "一二三四五，六七", w+0.01)
	if len(lines) != 2 || strings.HasPrefix(lines[1], "，") {
		t.Errorf("got %q, want the comma kept off the start of a line", lines)
	}
}
