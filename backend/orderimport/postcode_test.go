package orderimport

import (
	"math/rand"
	"regexp"
	"strings"
	"testing"
)

// TestCutPostcodeIsTheRegexp checks cutPostcode against the regular expression it replaced,
// on random strings of the characters that matter around a postcode.
func TestCutPostcodeIsTheRegexp(t *testing.T) {
	re := regexp.MustCompile(`[\s(（]*([0-9]{6})[)）]?$`)
	want := func(s string) (string, string) {
		if m := re.FindStringSubmatchIndex(s); m != nil && m[0] > 0 {
			return strings.TrimSpace(s[:m[0]]), s[m[2]:m[3]]
		}
		return s, ""
	}
	chars := []string{"0", "1", "2", "9", " ", "(", "（", ")", "）", "号", "a", "\t"}
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 200000; i++ {
		var b strings.Builder
		for n := rng.Intn(12); n > 0; n-- {
			b.WriteString(chars[rng.Intn(len(chars))])
		}
		if rng.Intn(2) == 0 {
			b.WriteString("200120")
		}
		if rng.Intn(3) == 0 {
			b.WriteString([]string{")", "）"}[rng.Intn(2)])
		}
		s := b.String()
		rest, pc := cutPostcode(s)
		if wr, wp := want(s); rest != wr || pc != wp {
			t.Fatalf("cutPostcode(%q) = %q, %q; the regexp gives %q, %q", s, rest, pc, wr, wp)
		}
	}
}
