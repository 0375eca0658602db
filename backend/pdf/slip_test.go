package pdf

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"daigoudesk/backend/domain"
)

const (
	slipAddress = "广东省深圳市南山区粤海街道科技园南区深南大道9988号华润置地大厦E座28楼2803室（前台代收，工作日9:00–18:00）王喆堃转张珺昇"
	rareChars   = "喆堃珺昇镕赟祎"
)

var slipProducts = []struct{ name, orig string }{
	{"资生堂安热沙金瓶防晒乳液 SPF50+ PA++++ 60毫升（2024年新版，敏感肌可用）", "資生堂 アネッサ パーフェクトUVスキンケアミルク N 60mL"},
	{"花王蒸汽眼罩 无香型 12片装", "花王 めぐりズム 蒸気でホットアイマスク 無香料 12枚入"},
	{"雪肌精化妆水", ""},
	{"李镕赟定制礼盒：祎字款手工和纸笔记本与昇龙图案书签套装（限量编号款，含赠品）", "Limited gift box: handmade washi notebook and bookmark set"},
}

// sampleSlip is a parcel holding two orders, with n lines; line i has SKU
// SKU-nnn, and prices in CNY and JPY.
func sampleSlip(n int) Slip {
	s := Slip{
		ParcelNumber: "PCL-ABC-0007",
		Parcel:       2,
		Parcels:      3,
		Date:         "2026-12-01",
		Sender: Party{
			Name:    "佐藤 美咲（代购小铺）",
			Phone:   "+81 90-1234-5678",
			Address: "東京都新宿区西新宿2丁目8-1 新宿ビル12F",
		},
		Recipient: Party{Name: "王喆堃", Phone: "138 0013 8000", Address: slipAddress},
		Carrier:   "顺丰速运 SF Express",
		Service:   "国际标快",
		Tracking:  "SF1234567890123",
		Orders:    []string{"SO-JP1-0042", "SO-JP1-0043"},
		Note:      "感谢您的惠顾！如有任何问题，请在微信联系我们。\nThank you for shopping with us — 祎 & 赟.",
		QR:        "daigoudesk:parcel:PCL-ABC-0007",
	}
	for i := range n {
		p := slipProducts[i%len(slipProducts)]
		l := SlipLine{
			OrderNumber: s.Orders[i%2],
			Name:        p.name,
			NameOrig:    p.orig,
			SKU:         fmt.Sprintf("SKU-%03d", i),
			Qty:         int64(1 + i%3),
			UnitPrice:   12800 + int64(i)*100,
			Currency:    "CNY",
		}
		if i%4 == 1 {
			l.UnitPrice, l.Currency = 1980, "JPY"
		}
		s.Lines = append(s.Lines, l)
	}
	return s
}

func writeSlipsFile(t testing.TB, slips []Slip, size SlipSize, path string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteSlips(&buf, slips, size); err != nil {
		t.Fatalf("WriteSlips: %v", err)
	}
	if path != "" {
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return buf.Bytes()
}

// slipPages returns the text of each page as pdftotext extracts it in the
// given mode ("-layout": as laid out; "-raw": in drawing order, so wrapped
// lines of one address or cell stay together).
func slipPages(t *testing.T, pdf []byte, mode string) []string {
	t.Helper()
	needTools(t, "pdftotext")
	path := filepath.Join(t.TempDir(), "slip.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", mode, "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	pages := strings.Split(string(out), "\f")
	if pages[len(pages)-1] == "" {
		pages = pages[:len(pages)-1]
	}
	return pages
}

// missingRunes returns the characters of want that text has fewer of than
// want has.
func missingRunes(text, want string) string {
	have := map[rune]int{}
	for _, r := range text {
		have[r]++
	}
	var missing []rune
	for _, r := range stripSpace(want) {
		if have[r]--; have[r] < 0 {
			missing = append(missing, r)
		}
	}
	return string(missing)
}

var slipSizes = []struct {
	name string
	size SlipSize
}{
	{"A4", SlipA4},
	{"A5", SlipA5},
}

func TestWriteSlipsText(t *testing.T) {
	for _, sz := range slipSizes {
		t.Run(sz.name, func(t *testing.T) {
			s := sampleSlip(len(slipProducts))
			data := writeSlipsFile(t, []Slip{s}, sz.size, "")
			if len(data) > 300_000 {
				t.Errorf("PDF is %d bytes; font not subset?", len(data))
			}
			layout := slipPages(t, data, "-layout")
			if len(layout) != 1 {
				t.Fatalf("got %d pages, want 1", len(layout))
			}
			page := layout[0]
			// Every character survives, as many times as it is printed (the
			// layout mode interleaves the sender and recipient columns).
			want := slipAddress + s.Recipient.Name
			for _, p := range slipProducts {
				want += p.name + p.orig
			}
			if m := missingRunes(page, want); m != "" {
				t.Errorf("characters missing from the text: %q\n%s", m, page)
			}
			for _, r := range rareChars {
				if !strings.ContainsRune(page, r) {
					t.Errorf("rare character %q missing", r)
				}
			}
			flatLayout := stripSpace(page)
			for _, w := range []string{
				defaultSlipTitle, s.ParcelNumber, s.Date, "Parcel：2/3", s.Sender.Name, s.Sender.Phone,
				s.Recipient.Phone, s.Carrier, s.Service, s.Tracking, "SO-JP1-0042,SO-JP1-0043",
				"128.00CNY", "1,980JPY", "3,960JPY", // 1 × 128.00 CNY; 2 × 1,980 JPY
				"Totalqty：7", "Total：649.00CNY", "Total：3,960JPY", "Page1/1",
			} {
				if !strings.Contains(flatLayout, stripSpace(w)) {
					t.Errorf("text lacks %q:\n%s", w, page)
				}
			}
			// In drawing order the wrapped address, names and note are whole.
			raw := stripSpace(slipPages(t, data, "-raw")[0])
			for _, w := range []string{slipAddress, s.Sender.Address, s.Note, "订单Order商品ProductSKU数量Qty单价Unitprice小计Amount"} {
				if !strings.Contains(raw, stripSpace(w)) {
					t.Errorf("%q not intact in:\n%s", w, raw)
				}
			}
			for _, p := range slipProducts {
				if !strings.Contains(raw, stripSpace(p.name+p.orig)) {
					t.Errorf("product %q / %q not intact in:\n%s", p.name, p.orig, raw)
				}
			}
			// The long names wrap (else this test proves little).
			if strings.Contains(page, slipProducts[3].name) || strings.Contains(page, slipAddress) {
				t.Errorf("long texts did not wrap:\n%s", page)
			}
		})
	}
}

func TestWriteSlipsHidePrices(t *testing.T) {
	s := sampleSlip(8)
	s.HidePrices = true
	s.Title = "礼品装箱单 Gift packing slip"
	for _, sz := range slipSizes {
		page := strings.Join(slipPages(t, writeSlipsFile(t, []Slip{s}, sz.size, ""), "-layout"), "\n")
		for _, bad := range []string{"单价", "Unit price", "小计", "Amount", "金额", "CNY", "JPY", "128.00", "1,980", ".00"} {
			if strings.Contains(page, bad) {
				t.Errorf("%s: a gift slip shows %q:\n%s", sz.name, bad, page)
			}
		}
		flat := stripSpace(page)
		for _, want := range []string{"礼品装箱单Giftpackingslip", "数量", "Qty", "SKU-007", "Totalqty：15"} {
			if !strings.Contains(flat, want) {
				t.Errorf("%s: gift slip lacks %q:\n%s", sz.name, want, page)
			}
		}
	}
}

// A 120-line slip spans pages with the table header repeated, each line
// whole on one page, and its own page numbers; the next slip starts on a
// new page numbered 1 / 1.
func TestWriteSlipsPaging(t *testing.T) {
	const n = 120
	for _, sz := range slipSizes {
		t.Run(sz.name, func(t *testing.T) {
			long := sampleSlip(n)
			short := sampleSlip(2)
			short.ParcelNumber = "PCL-ABC-0008"
			pdf := writeSlipsFile(t, []Slip{long, short}, sz.size, "")
			pages := slipPages(t, pdf, "-raw")
			m := len(pages) - 1 // pages of the long slip
			if m < 3 {
				t.Fatalf("%d lines gave %d pages, want at least 3", n, m)
			}
			seen := map[string]int{}
			for i, page := range pages[:m] {
				flat := stripSpace(page)
				if want := fmt.Sprintf("Page%d/%d", i+1, m); !strings.Contains(flat, want) {
					t.Errorf("page %d: no %q in:\n%s", i+1, want, page)
				}
				if !strings.Contains(flat, "商品Product") || !strings.Contains(flat, "小计Amount") {
					t.Errorf("page %d: table header missing", i+1)
				}
				if !strings.Contains(flat, "PCL-ABC-0007") {
					t.Errorf("page %d: parcel number missing", i+1)
				}
				for j := range n {
					sku := fmt.Sprintf("SKU-%03d", j)
					if !strings.Contains(flat, sku) {
						continue
					}
					if p, dup := seen[sku]; dup {
						t.Errorf("line %s on pages %d and %d", sku, p, i+1)
					}
					seen[sku] = i + 1
					// The whole row is on this page: the order number, name and
					// original name are drawn before the SKU.
					p := slipProducts[j%len(slipProducts)]
					row := stripSpace(long.Lines[j].OrderNumber + p.name + p.orig + sku)
					if !strings.Contains(flat, row) {
						t.Errorf("page %d: line %s is not whole", i+1, sku)
					}
				}
			}
			if len(seen) != n {
				t.Errorf("found %d of %d lines", len(seen), n)
			}
			if !strings.Contains(stripSpace(pages[m-1]), "Totalqty：240") {
				t.Errorf("the totals are not on the last page of the slip")
			}
			last := stripSpace(pages[m])
			if !strings.Contains(last, "PCL-ABC-0008") || !strings.Contains(last, "Page1/1") || strings.Contains(last, "PCL-ABC-0007") {
				t.Errorf("second slip's page: %s", pages[m])
			}
		})
	}
}

func TestWriteSlipsBarcodesScan(t *testing.T) {
	needTools(t, "pdftoppm", "zbarimg")
	for _, sz := range slipSizes {
		t.Run(sz.name, func(t *testing.T) {
			s := sampleSlip(3)
			dir := t.TempDir()
			path := filepath.Join(dir, "slip.pdf")
			writeSlipsFile(t, []Slip{s}, sz.size, path)
			out, err := exec.Command("pdftoppm", "-r", "300", "-png", "-f", "1", "-l", "1", path, filepath.Join(dir, "page")).CombinedOutput()
			if err != nil {
				t.Fatalf("pdftoppm: %v\n%s", err, out)
			}
			pngs, _ := filepath.Glob(filepath.Join(dir, "page*.png"))
			if len(pngs) != 1 {
				t.Fatalf("pdftoppm made %v", pngs)
			}
			out, err = exec.Command("zbarimg", "--raw", "-q", pngs[0]).Output()
			if err != nil {
				t.Fatalf("zbarimg: %v (output %q)", err, out)
			}
			got := map[string]bool{}
			for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
				got[line] = true
			}
			for _, want := range []string{s.ParcelNumber, s.QR} {
				if !got[want] {
					t.Errorf("zbarimg did not decode %q; got %q", want, out)
				}
			}
		})
	}
}

func TestWriteSlipsBadInput(t *testing.T) {
	good := sampleSlip(3)
	noLines := good
	noLines.ParcelNumber = "PCL-X-2"
	noLines.Lines = nil
	negative := sampleSlip(3)
	negative.Lines[1].Qty = -2
	badParcel := good
	badParcel.Parcel = 4
	nonASCII := good
	nonASCII.ParcelNumber = "包裹-7"
	tall := sampleSlip(2)
	tall.Lines[1].Name = strings.Repeat("资生堂安热沙金瓶防晒乳液", 300)
	for _, tc := range []struct {
		name  string
		slips []Slip
		size  SlipSize
		want  string
	}{
		{"no lines", []Slip{good, noLines}, SlipA4, "slip 2 (parcel PCL-X-2): no lines"},
		{"negative qty", []Slip{good, good, negative}, SlipA5, "slip 3 (parcel PCL-ABC-0007): line 2 (SKU SKU-001): quantity -2 is negative"},
		{"narrow page", []Slip{good}, SlipSize{99, 297}, "slip size 99x297 mm is smaller than the minimum 100x100 mm"},
		{"low page", []Slip{good}, SlipSize{210, 80}, "slip size 210x80 mm is smaller"},
		{"no slips", nil, SlipA4, "no slips"},
		{"bad parcel", []Slip{badParcel}, SlipA4, "slip 1 (parcel PCL-ABC-0007): parcel 4 / 3"},
		{"non-ascii parcel number", []Slip{nonASCII}, SlipA4, "slip 1 (parcel 包裹-7): parcel number cannot be a Code128 barcode"},
		{"row taller than a page", []Slip{tall}, SlipA5, "slip 1 (parcel PCL-ABC-0007): line 2 (SKU SKU-001): the product name is too long"},
	} {
		var buf bytes.Buffer
		err := WriteSlips(&buf, tc.slips, tc.size)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got error %v, want one containing %q", tc.name, err, tc.want)
		}
		if buf.Len() != 0 {
			t.Errorf("%s: wrote %d bytes on error", tc.name, buf.Len())
		}
	}
	// The smallest page, no barcode, QR, parties or note still renders.
	bare := []Slip{{Lines: []SlipLine{{Name: "x", Qty: 1}}}}
	var buf bytes.Buffer
	if err := WriteSlips(&buf, bare, SlipSize{100, 100}); err != nil {
		t.Errorf("bare slip: %v", err)
	}
}

func TestFormatMoney(t *testing.T) {
	for _, tc := range []struct {
		minor int64
		cur   string
		want  string
	}{
		{128000, "CNY", "1,280.00 CNY"},
		{5, "CNY", "0.05 CNY"},
		{-123456789, "USD", "-1,234,567.89 USD"},
		{1980, "JPY", "1,980 JPY"},
		{1500000, "KRW", "1,500,000 KRW"},
		{12345, "KWD", "12.345 KWD"},
		{100, "", "1.00"},
		{-9223372036854775808, "JPY", "-9,223,372,036,854,775,808 JPY"},
	} {
		if got := formatMoney(tc.minor, tc.cur); got != tc.want {
			t.Errorf("formatMoney(%d, %q) = %q, want %q", tc.minor, tc.cur, got, tc.want)
		}
	}
	// The slip agrees with the app on every currency it knows.
	for cur, digits := range domain.Currencies {
		if got := currencyDecimals(cur); got != digits {
			t.Errorf("%s: %d decimals, domain.Currencies says %d", cur, got, digits)
		}
	}
}

// TestWriteSlipsSamples writes sample slips to /tmp for a person to look at:
// SLIP_SAMPLES=1 go test -run Samples ./backend/pdf/
func TestWriteSlipsSamples(t *testing.T) {
	if os.Getenv("SLIP_SAMPLES") == "" {
		t.Skip("set SLIP_SAMPLES=1 to write /tmp/slip-*.pdf")
	}
	gift := sampleSlip(5)
	gift.HidePrices = true
	gift.QR = ""
	for _, sz := range slipSizes {
		writeSlipsFile(t, []Slip{sampleSlip(6), gift, sampleSlip(60)}, sz.size, "/tmp/slip-"+sz.name+".pdf")
	}
}

func BenchmarkWriteSlips100(b *testing.B) {
	slips := make([]Slip, 100)
	for i := range slips {
		slips[i] = sampleSlip(8)
	}
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := WriteSlips(&buf, slips, SlipA4); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len())/(1<<10), "KB-pdf")
}
