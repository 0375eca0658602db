package domain

import (
	"fmt"
	"math/big"
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

// ParseRate reads a positive decimal exchange rate ("0.0483", "1"): how many units of one
// currency a unit of another is worth.
func ParseRate(s string) (*big.Rat, bool) {
	r, ok := new(big.Rat).SetString(strings.TrimSpace(s))
	if !ok || r.Sign() <= 0 || strings.ContainsAny(s, "/eE") {
		return nil, false
	}
	return r, true
}

// Convert turns amount minor units of from into minor units of to, where rate is how many
// units of to one unit of from is worth; rounded half away from zero.
func Convert(amount int64, from string, rate *big.Rat, to string) int64 {
	v := new(big.Rat).Mul(new(big.Rat).SetInt64(amount), rate)
	shift := Currencies[to] - Currencies[from]
	if shift < 0 {
		shift = -shift
	}
	p := new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(shift)), nil))
	if Currencies[to] > Currencies[from] {
		v.Mul(v, p)
	} else {
		v.Quo(v, p)
	}
	return RoundRat(v)
}

// ConvertAt converts minor units of cur into base at a rate kept as text (1 cur = rate base);
// 0 for a rate that does not parse (a row typed on another laptop cannot stop a read).
func ConvertAt(amount int64, cur, rate, base string) int64 {
	if cur == base || cur == "" {
		return amount
	}
	r, ok := ParseRate(rate)
	if !ok {
		return 0
	}
	return Convert(amount, cur, r, base)
}

// RoundRat rounds v to the nearest integer, halves away from zero.
func RoundRat(v *big.Rat) int64 {
	num, den := new(big.Int).Set(v.Num()), v.Denom()
	neg := num.Sign() < 0
	num.Abs(num)
	q, r := new(big.Int).QuoRem(num, den, new(big.Int))
	if new(big.Int).Mul(r, big.NewInt(2)).Cmp(den) >= 0 {
		q.Add(q, big.NewInt(1))
	}
	if neg {
		q.Neg(q)
	}
	return q.Int64()
}
