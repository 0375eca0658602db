package importer

import (
	"fmt"
	"math/rand"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// readHalves reads what the one-core read gives, line numbers too, for files with quoted
// cells across lines, doubled quotes and ="…" cells around the middle, in UTF-8 and GBK, and
// gives up on a file that has something wrong.
func TestReadHalvesIsTheWholeRead(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	cells := []string{`plain`, `中文 商品`, `"quoted, with comma"`, `"two` + "\n" + `lines"`, `"say ""hi"""`,
		`="0036000291452"`, ``, `"` + "\r\n" + `"`, `12.50`}
	make := func(crlf bool) string {
		var b strings.Builder
		b.WriteString("a,b,c,d\n")
		for b.Len() < 1<<20+50_000 {
			for c := 0; c < 1+rng.Intn(5); c++ {
				if c > 0 {
					b.WriteByte(',')
				}
				b.WriteString(cells[rng.Intn(len(cells))])
			}
			if crlf {
				b.WriteString("\r\n")
			} else {
				b.WriteString("\n")
			}
		}
		return b.String()
	}
	whole := func(raw []byte) []Row {
		text, err := decodeText("f.csv", raw)
		if err != nil {
			t.Fatal(err)
		}
		sep := sniffSeparator(text)
		rows, err := parseRecords(unwrapExcelText(text, sep), sep)
		if err != nil {
			t.Fatal(err)
		}
		return rows
	}
	for _, crlf := range []bool{false, true} {
		text := make(crlf)
		gbk, err := simplifiedchinese.GBK.NewEncoder().String(text)
		if err != nil {
			t.Fatal(err)
		}
		for _, raw := range [][]byte{[]byte(text), append(append([]byte{}, utf8BOM...), text...), []byte(gbk)} {
			got, ok := readHalves(raw)
			if !ok {
				t.Fatal("readHalves gave up on a good file")
			}
			if want := whole(raw); !reflect.DeepEqual(got, want) {
				for i := range want {
					if i >= len(got) || !reflect.DeepEqual(got[i], want[i]) {
						t.Fatalf("crlf %v: row %d: got %v, want %v", crlf, i, got[i:min(i+1, len(got))], want[i])
					}
				}
				t.Fatalf("crlf %v: %d rows, want %d", crlf, len(got), len(want))
			}
		}
	}
	// a bare quote in the second half, and a byte that is not text there: the whole read says what
	text := make(false)
	for _, bad := range []string{text + "x,ab\"c\n", text + "x,\xff\xfe\n"} {
		if _, ok := readHalves([]byte(bad)); ok {
			t.Fatalf("readHalves read a bad file: %q", bad[len(bad)-10:])
		}
	}
	if strings.Count(text, "\n") < 10_000 {
		t.Fatal(fmt.Sprint("the test file is too small: ", len(text)))
	}
}
