package domain_test

import (
	"testing"
	"time"

	"daigoudesk/backend/domain"
)

func TestResidentIDProblem(t *testing.T) {
	now := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		name, id, want string
	}{
		{"StandardExampleWithX", "11010519491231002X", ""}, // the example printed in GB 11643-1999
		{"DigitCheck", "440304199001011233", ""},
		{"LeapDay", "110101200002290034", ""},
		{"LowerCaseXNormalized", domain.NormalizeResidentID(" 11010519491231002x "), ""},
		{"SpacesNormalized", domain.NormalizeResidentID("4403 0419 9001 0112 33"), ""},
		{"WrongCheckDigit", "440304199001011234", domain.ResidentIDChecksum},
		{"SwappedDigits", "440304199010011233", domain.ResidentIDChecksum},
		{"XWhereDigitBelongs", "44030419900101123X", domain.ResidentIDChecksum},
		{"TooShort", "44030419900101123", domain.ResidentIDFormat},
		{"FifteenDigitOldFormat", "440304900101123", domain.ResidentIDFormat},
		{"TooLong", "4403041990010112330", domain.ResidentIDFormat},
		{"LetterInside", "4403041990O1011233", domain.ResidentIDFormat},
		{"XNotLast", "X40304199001011233", domain.ResidentIDFormat},
		{"LowerXUnnormalized", "11010519491231002x", domain.ResidentIDFormat},
		{"Empty", "", domain.ResidentIDFormat},
		{"NoFeb29In2001", "110101200102290030", domain.ResidentIDBirthDate},
		{"Month13", "110101200013010030", domain.ResidentIDBirthDate},
		{"BornInFuture", "110101203001010030", domain.ResidentIDBirthDate},
		{"Before1900", "110101189912310030", domain.ResidentIDBirthDate},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := domain.ResidentIDProblem(c.id, now); got != c.want {
				t.Fatalf("ResidentIDProblem(%q) = %q, want %q", c.id, got, c.want)
			}
		})
	}
}

func TestResidentIDCheckChar(t *testing.T) {
	for body, want := range map[string]byte{
		"11010519491231002": 'X', "44030419900101123": '3', "11010120000229003": '4', "51010819800101001": 'X',
	} {
		if got := domain.ResidentIDCheckChar(body); got != want {
			t.Errorf("ResidentIDCheckChar(%s) = %c, want %c", body, got, want)
		}
	}
}
