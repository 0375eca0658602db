package domain

import "fmt"

// ValidateBarcode checks an EAN-13 / JAN (13 digits), UPC-A (12), or EAN-8 (8) code and its
// check digit. An empty code is valid (products need not have one).
func ValidateBarcode(code string) *Error {
	if code == "" {
		return nil
	}
	n := len(code)
	if n != 8 && n != 12 && n != 13 {
		return Invalid("barcode", "product.barcode.length",
			fmt.Sprintf("barcode %q must have 8, 12 or 13 digits (EAN-8, UPC-A, EAN-13/JAN)", code),
			map[string]any{"code": code})
	}
	for _, r := range code {
		if r < '0' || r > '9' {
			return Invalid("barcode", "product.barcode.digits",
				fmt.Sprintf("barcode %q may contain digits only", code), map[string]any{"code": code})
		}
	}
	if want := CheckDigit(code[:n-1]); code[n-1] != want {
		return Invalid("barcode", "product.barcode.check",
			fmt.Sprintf("barcode %q has a wrong check digit: expected %c", code, want),
			map[string]any{"code": code, "expected": string(want)})
	}
	return nil
}

// CheckDigit computes the GS1 check digit for the digits before it: weights 3,1,3,1… from
// the right.
func CheckDigit(body string) byte {
	sum := 0
	for i := 0; i < len(body); i++ {
		d := int(body[len(body)-1-i] - '0')
		if i%2 == 0 {
			sum += 3 * d
		} else {
			sum += d
		}
	}
	return byte('0' + (10-sum%10)%10)
}
