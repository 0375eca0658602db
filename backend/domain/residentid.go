package domain

import (
	"strings"
	"time"
)

// Resident ID numbers (居民身份证号码, GB 11643-1999) are 18 characters: a 6-digit region code,
// the birth date YYYYMMDD, a 3-digit sequence and a check character computed with
// ISO 7064 MOD 11-2 over the first 17 digits. Customs clearance for personal parcels into
// China needs the recipient's number, so a typo costs a parcel held at the border.

var residentIDWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

const residentIDCheckChars = "10X98765432"

// Resident ID problems, as returned by ResidentIDProblem.
const (
	ResidentIDFormat    = "format"    // not 17 digits and a digit or X
	ResidentIDBirthDate = "birthDate" // the birth date is not a real date in the past
	ResidentIDChecksum  = "checksum"  // the check character does not match (a typo)
)

// NormalizeResidentID trims spaces and upper-cases a trailing x.
func NormalizeResidentID(s string) string {
	return strings.ToUpper(strings.Join(strings.Fields(s), ""))
}

// ResidentIDCheckChar returns the check character for the first 17 digits of an ID number.
func ResidentIDCheckChar(first17 string) byte {
	sum := 0
	for i := 0; i < 17; i++ {
		sum += int(first17[i]-'0') * residentIDWeights[i]
	}
	return residentIDCheckChars[sum%11]
}

// ResidentIDProblem returns "" when id (already normalized) is a valid 18-character resident ID
// number, else one of ResidentIDFormat, ResidentIDBirthDate, ResidentIDChecksum. now bounds the
// birth date (nobody is born in the future).
func ResidentIDProblem(id string, now time.Time) string {
	if len(id) != 18 {
		return ResidentIDFormat
	}
	for i := 0; i < 17; i++ {
		if id[i] < '0' || id[i] > '9' {
			return ResidentIDFormat
		}
	}
	if last := id[17]; (last < '0' || last > '9') && last != 'X' {
		return ResidentIDFormat
	}
	birth, err := time.Parse("20060102", id[6:14])
	if err != nil || birth.Year() < 1900 || birth.After(now) {
		return ResidentIDBirthDate
	}
	if ResidentIDCheckChar(id) != id[17] {
		return ResidentIDChecksum
	}
	return ""
}

// ResidentIDError is the invalid error for field when id (normalized) is not a valid resident
// ID number, else nil.
func ResidentIDError(field, id string, now time.Time) *Error {
	switch ResidentIDProblem(id, now) {
	case ResidentIDFormat:
		return Invalid(field, "customer.idNumber.format", "a resident ID number is 17 digits and a digit or X", nil)
	case ResidentIDBirthDate:
		return Invalid(field, "customer.idNumber.birthDate", "the birth date in the ID number is not a real date", nil)
	case ResidentIDChecksum:
		return Invalid(field, "customer.idNumber.checksum", "the ID number's check digit does not match: a typo?", nil)
	}
	return nil
}
