package shipping_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/shipping"
)

func needTools(t *testing.T, tools ...string) {
	t.Helper()
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed", tool)
		}
	}
}

func TestPrintWaitingLabelsAndSlips(t *testing.T) {
	needTools(t, "pdftotext", "pdftoppm", "zbarimg")
	e := mustOpen(t)
	r := shipping.DefaultRules()
	r.Sender = shipping.Sender{Name: "小美代购", Phone: "13900000000", Address: "上海市静安区南京西路1号"}
	r.SlipNote = "感谢惠顾！"
	must(e.s.SaveRules(ctx, r))(t)
	o1 := e.order(t, lineQty{e.serum, 1})
	o2 := e.order(t, lineQty{e.sunscreen, 2})
	d := must(e.s.DraftParcel(ctx, []string{o1.Order.ID, o2.Order.ID}))(t)
	in := d.Parcel
	in.TrackingNo = "sf1234567890123"
	in.ShipStreet = "科技园路1号喆堃珺昇镕赟祎大厦A座1201室"
	p := must(e.s.SaveParcel(ctx, in))(t)
	if p.TrackingNo != "SF1234567890123" {
		t.Fatalf("tracking numbers are upper-cased: %q", p.TrackingNo)
	}

	dir := t.TempDir()
	if d := os.Getenv("LABEL_SAMPLES"); d != "" {
		dir = d // keep the PDFs to look at
	}
	out := filepath.Join(dir, "labels.pdf")
	var calls int
	n := must(e.s.PrintFile(ctx, out, shipping.PrintRequest{Kind: "labels"}, func(done, total int) { calls++ }))(t)
	if n != 1 || calls != 1 {
		t.Fatalf("one waiting parcel printed with progress: n=%d calls=%d", n, calls)
	}
	text := pdfText(t, out)
	for _, want := range []string{"张丽", "广东省深圳市南山区科技园路1号喆堃珺昇镕赟祎大厦A座1201室", "小美代购", "顺丰", "SF1234567890123", "0.6"} {
		if !strings.Contains(strings.ReplaceAll(text, "\n", ""), want) {
			t.Fatalf("label misses %q:\n%s", want, text)
		}
	}
	codes := scan(t, out)
	if !strings.Contains(codes, "SF1234567890123") || !strings.Contains(codes, "daigoudesk:order:"+o1.Order.Number+","+o2.Order.Number) {
		t.Fatalf("barcodes decode to the tracking number and both orders: %q", codes)
	}
	if waiting := must(e.s.Parcels(ctx, shipping.ParcelFilter{Status: "waiting"}))(t); len(waiting) != 0 {
		t.Fatalf("printed parcels no longer wait: %+v", waiting)
	}
	_, err := e.s.PrintFile(ctx, out, shipping.PrintRequest{Kind: "labels"}, nil)
	mustErr(t, err, domain.EConflict, "shipping.print.none")

	slips := filepath.Join(dir, "slips.pdf")
	must(e.s.PrintFile(ctx, slips, shipping.PrintRequest{Kind: "slips", Size: "a5", HidePrices: true,
		Selection: shipping.PrintSelection{IDs: []string{p.Number}}}, nil))(t)
	text = pdfText(t, slips)
	for _, want := range []string{"神仙水", "安耐晒", "SKII-230", "ANESSA-60", o1.Order.Number, "感谢惠顾"} {
		if !strings.Contains(text, want) {
			t.Fatalf("slip misses %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "100.00") {
		t.Fatalf("a gift slip shows no prices:\n%s", text)
	}
	_, err = e.s.PrintFile(ctx, filepath.Join(dir, "x.pdf"), shipping.PrintRequest{Kind: "labels", Size: "a4"}, nil)
	mustErr(t, err, domain.EInvalid, "shipping.print.size")
	_, err = e.s.PrintFile(ctx, filepath.Join(dir, "y.pdf"), shipping.PrintRequest{Kind: "slips",
		Selection: shipping.PrintSelection{IDs: []string{"PCL-NOPE-0001"}}}, nil)
	mustErr(t, err, domain.ENotFound, "errors.notFoundThing")
	if _, err := os.Stat(filepath.Join(dir, "y.pdf")); !os.IsNotExist(err) {
		t.Fatal("a failed print leaves no file")
	}
}

func pdfText(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-raw", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// scan rasterises the first page and decodes every barcode on it.
func scan(t *testing.T, path string) string {
	t.Helper()
	dir := t.TempDir()
	if out, err := exec.Command("pdftoppm", "-r", "300", "-png", "-f", "1", "-l", "1", path, filepath.Join(dir, "page")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v %s", err, out)
	}
	pngs, _ := filepath.Glob(filepath.Join(dir, "page*.png"))
	out, _ := exec.Command("zbarimg", "--raw", "-q", pngs[0]).Output()
	return string(out)
}
