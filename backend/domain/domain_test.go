package domain_test

import (
	"sort"
	"testing"

	"daigoudesk/backend/domain"
)

func TestValidateBarcode(t *testing.T) {
	cases := []struct {
		code string
		key  string // "" = valid
	}{
		{"", ""},
		{"4901301231234", "product.barcode.check"},
		{"4901301231239", ""}, // JAN (EAN-13 with 49 prefix)
		{"4902430735063", ""}, // EAN-13
		{"036000291452", ""},  // UPC-A
		{"036000291453", "product.barcode.check"},
		{"96385074", ""}, // EAN-8
		{"49013012312", "product.barcode.length"},
		{"49013O1231236", "product.barcode.digits"},
	}
	for _, c := range cases {
		t.Run(c.code, func(t *testing.T) {
			err := domain.ValidateBarcode(c.code)
			switch {
			case c.key == "" && err != nil:
				t.Fatalf("want valid, got %v", err)
			case c.key != "" && (err == nil || err.Key != c.key || err.Code != domain.EInvalid):
				t.Fatalf("want %s, got %v", c.key, err)
			}
		})
	}
}

func TestMoneyRoundTrip(t *testing.T) {
	cases := []struct {
		in, cur string
		minor   int64
		out     string
	}{
		{"1280", "CNY", 128000, "1280.00"},
		{"12.5", "CNY", 1250, "12.50"},
		{"1,980", "JPY", 1980, "1980"},
		{"-3.07", "USD", -307, "-3.07"},
	}
	for _, c := range cases {
		got, err := domain.ParseMoney(c.in, c.cur)
		if err != nil || got != c.minor {
			t.Fatalf("ParseMoney(%q,%s) = %d, %v", c.in, c.cur, got, err)
		}
		if s := domain.FormatMoney(got, c.cur); s != c.out {
			t.Fatalf("FormatMoney = %q want %q", s, c.out)
		}
	}
	for _, bad := range [][2]string{{"1.5", "JPY"}, {"abc", "CNY"}, {"1", "XXX"}} {
		if _, err := domain.ParseMoney(bad[0], bad[1]); err == nil {
			t.Fatalf("ParseMoney(%q,%s) accepted", bad[0], bad[1])
		}
	}
}

func TestIDsSortAndDerivedIDsAreStable(t *testing.T) {
	ids := make([]string, 1000)
	for i := range ids {
		ids[i] = domain.NewID()
	}
	if !sort.StringsAreSorted(ids) {
		t.Fatal("ids made in sequence do not sort in sequence")
	}
	seen := map[string]bool{}
	for _, id := range ids {
		if seen[id] || len(id) != 26 {
			t.Fatalf("bad or duplicate id %q", id)
		}
		seen[id] = true
	}
	if domain.DerivedID("product", "SKU-1") != domain.DerivedID("product", "SKU-1") ||
		domain.DerivedID("product", "SKU-1") == domain.DerivedID("product", "SKU-2") {
		t.Fatal("derived ids not stable / not distinct")
	}
}
