package pdf

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

const (
	longAddress = "上海市浦东新区世纪大道100号环球金融中心75楼7501室 收件人请电话联系"
	rareName    = "王喆堃"
)

func sampleLabel(i int) Label {
	return Label{
		Sender: Party{
			Name:    "佐藤 美咲（代购小铺）",
			Phone:   "+81 90-1234-5678",
			Address: "東京都新宿区西新宿2丁目8-1 新宿ビル12F",
		},
		Recipient: Party{
			Name:    rareName,
			Phone:   "138 0013 8000",
			Address: longAddress,
		},
		Carrier:     "顺丰速运 SF Express",
		Service:     "国际标快",
		Tracking:    fmt.Sprintf("SF%013d", 1234567890123+int64(i)),
		OrderNumber: fmt.Sprintf("SO-JP1-%04d", 42+i),
		QR:          fmt.Sprintf("daigoudesk:order:SO-JP1-%04d", 42+i),
		WeightG:     1250,
		Parcel:      1,
		Parcels:     3,
		Contents:    "化妆品（资生堂防晒霜 ×2、雪肌精化妆水 ×1）、保健品 ×3，申报价值 ¥1,280",
	}
}

func writeLabelsFile(t testing.TB, labels []Label, size LabelSize, path string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteLabels(&buf, labels, size); err != nil {
		t.Fatalf("WriteLabels: %v", err)
	}
	if path != "" {
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return buf.Bytes()
}

func needTools(t *testing.T, tools ...string) {
	t.Helper()
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed", tool)
		}
	}
}

var labelSizes = []struct {
	name string
	size LabelSize
}{
	{"100x150", Label100x150},
	{"76x130", Label76x130},
}

func TestWriteLabelsText(t *testing.T) {
	needTools(t, "pdftotext")
	for _, sz := range labelSizes {
		t.Run(sz.name, func(t *testing.T) {
			l := sampleLabel(0)
			// A longer address still: two paragraphs and Latin words.
			l.Sender.Address = longAddress + "\n" + "Room 1203, Shinjuku Building, 2-8-1 Nishi-Shinjuku, Tokyo"
			pdf := writeLabelsFile(t, []Label{l, sampleLabel(1)}, sz.size, "")
			pages := pdfPages(t, pdf)
			if len(pages) != 2 {
				t.Fatalf("got %d pages, want 2", len(pages))
			}
			text := stripSpace(pages[0])
			for _, want := range []string{
				l.Recipient.Name, l.Recipient.Address, l.Sender.Address, l.Sender.Name,
				l.Recipient.Phone, l.Carrier, l.Service, l.Tracking, l.OrderNumber, l.Contents,
				"1.3kg", "1/3",
			} {
				if !strings.Contains(text, stripSpace(want)) {
					t.Errorf("page 1 text lacks %q:\n%s", want, pages[0])
				}
			}
			// Every character, one by one (also catches a dropped one at a break).
			for _, r := range stripSpace(longAddress + rareName) {
				if !strings.ContainsRune(text, r) {
					t.Errorf("character %q missing", r)
				}
			}
		})
	}
}

func TestWriteLabelsBarcodesScan(t *testing.T) {
	needTools(t, "pdftoppm", "zbarimg")
	for _, sz := range labelSizes {
		t.Run(sz.name, func(t *testing.T) {
			l := sampleLabel(7)
			dir := t.TempDir()
			path := filepath.Join(dir, "label.pdf")
			writeLabelsFile(t, []Label{l}, sz.size, path)
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
			for _, want := range []string{l.Tracking, l.QR} {
				if !got[want] {
					t.Errorf("zbarimg did not decode %q; got %q", want, out)
				}
			}
		})
	}
}

func TestWriteLabelsLongTexts(t *testing.T) {
	for _, sz := range labelSizes {
		l := sampleLabel(0)
		l.Recipient.Address = strings.Repeat(longAddress, 4)
		l.Contents = strings.Repeat(l.Contents, 3)
		l.Carrier = "Nippon Express 日本通运国际快递株式会社"
		l.Service = "International Economy Air 国际经济航空"
		var buf bytes.Buffer
		if err := WriteLabels(&buf, []Label{l}, sz.size); err != nil {
			t.Fatalf("%s: %v", sz.name, err)
		}
		if _, err := exec.LookPath("pdftotext"); err == nil {
			text := stripSpace(pdfPages(t, buf.Bytes())[0])
			if !strings.Contains(text, stripSpace(l.Recipient.Address)) {
				t.Errorf("%s: long address not intact:\n%s", sz.name, text)
			}
		}
	}
}

func TestWriteLabelsBadInput(t *testing.T) {
	good := sampleLabel(0)
	noTracking := good
	noTracking.Tracking = " "
	nonASCII := good
	nonASCII.Tracking = "顺丰123"
	badParcel := good
	badParcel.Parcel = 4
	tooLong := good
	tooLong.Tracking = strings.Repeat("Ab", 40)
	for _, tc := range []struct {
		name   string
		labels []Label
		size   LabelSize
		want   string
	}{
		{"empty tracking", []Label{good, noTracking}, Label100x150, "label 2: tracking number is empty"},
		{"small size", []Label{good}, LabelSize{49, 80}, "label size 49x80 mm is smaller"},
		{"small height", []Label{good}, LabelSize{100, 40}, "smaller than the minimum 50x50 mm"},
		{"no labels", nil, Label100x150, "no labels"},
		{"non-ascii tracking", []Label{nonASCII}, Label100x150, "label 1 (tracking 顺丰123): tracking number cannot be a Code128"},
		{"bad parcel", []Label{badParcel}, Label100x150, "parcel 4 / 3"},
		{"tracking too long", []Label{tooLong}, Label76x130, "tracking number is too long"},
	} {
		var buf bytes.Buffer
		err := WriteLabels(&buf, tc.labels, tc.size)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got error %v, want one containing %q", tc.name, err, tc.want)
		}
		if buf.Len() != 0 {
			t.Errorf("%s: wrote %d bytes on error", tc.name, buf.Len())
		}
	}
}

// TestWriteLabelsSamples writes the sample labels to /tmp for a person to
// look at: LABEL_SAMPLES=1 go test -run Samples ./backend/pdf/
func TestWriteLabelsSamples(t *testing.T) {
	if os.Getenv("LABEL_SAMPLES") == "" {
		t.Skip("set LABEL_SAMPLES=1 to write /tmp/label-*.pdf")
	}
	for _, sz := range labelSizes {
		writeLabelsFile(t, []Label{sampleLabel(0), sampleLabel(1)}, sz.size, "/tmp/label-"+sz.name+".pdf")
	}
}

func BenchmarkWriteLabels1000(b *testing.B) {
	labels := make([]Label, 1000)
	for i := range labels {
		labels[i] = sampleLabel(i)
	}
	var buf bytes.Buffer
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		buf.Reset()
		if err := WriteLabels(&buf, labels, Label100x150); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/op")
	b.ReportMetric(float64(ms.Sys)/(1<<20), "MB-sys")
	b.ReportMetric(float64(ms.HeapSys)/(1<<20), "MB-heapsys")
	b.ReportMetric(float64(buf.Len())/(1<<20), "MB-pdf")
}
