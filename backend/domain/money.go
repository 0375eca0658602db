package domain

import (
	"fmt"
	"strconv"
	"strings"
)

// Currencies the app knows, with the number of minor-unit digits. Money is stored as integer
// minor units plus the ISO code.
var Currencies = map[string]int{
	"CNY": 2, "JPY": 0, "KRW": 0, "EUR": 2, "USD": 2, "AUD": 2, "GBP": 2, "HKD": 2,
	"NZD": 2, "CAD": 2, "CHF": 2, "SGD": 2, "TWD": 0, "MOP": 2, "THB": 2,
}

// ValidCurrency reports whether code is a known ISO currency code.
func ValidCurrency(code string) bool { _, ok := Currencies[code]; return ok }

// ParseMoney reads a decimal amount ("1280", "12.5", "1,280.00") in currency cur into minor units.
func ParseMoney(s, cur string) (int64, error) {
	digits, ok := Currencies[cur]
	if !ok {
		return 0, fmt.Errorf("unknown currency %q", cur)
	}
	s = strings.ReplaceAll(strings.TrimSpace(s), ",", "")
	s = strings.TrimPrefix(s, "¥")
	if s == "" {
		return 0, nil
	}
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(s, ".")
	if len(frac) > digits {
		return 0, fmt.Errorf("%q has more than %d decimals for %s", s, digits, cur)
	}
	frac += strings.Repeat("0", digits-len(frac))
	if whole == "" {
		whole = "0"
	}
	n, err := strconv.ParseUint(whole+frac, 10, 63)
	if err != nil {
		return 0, fmt.Errorf("%q is not a number", s)
	}
	if neg {
		return -int64(n), nil
	}
	return int64(n), nil
}

// FormatMoney writes minor units of cur as a plain decimal ("1280.00", "1280" for JPY).
func FormatMoney(minor int64, cur string) string {
	digits := Currencies[cur]
	sign := ""
	if minor < 0 {
		sign, minor = "-", -minor
	}
	if digits == 0 {
		return sign + strconv.FormatInt(minor, 10)
	}
	p := int64(1)
	for i := 0; i < digits; i++ {
		p *= 10
	}
	return fmt.Sprintf("%s%d.%0*d", sign, minor/p, digits, minor%p)
}
