package domain_test

import (
	"math"
	"slices"
	"testing"

	"daigoudesk/backend/domain"
)

func TestApportion(t *testing.T) {
	cases := []struct {
		amount  int64
		weights []int64
		want    []int64
	}{
		{100, []int64{1, 1, 1}, []int64{34, 33, 33}},     // the unit left goes to the earlier part
		{-100, []int64{1, 1, 1}, []int64{-34, -33, -33}}, // either sign
		{10, []int64{1, 3}, []int64{3, 7}},               // 2.5 and 7.5: the tie to the earlier
		{7, []int64{0, 0}, []int64{4, 3}},                // no weight: equal shares
		{7, []int64{-5, 1}, []int64{0, 7}},               // a negative weight counts as 0
		{0, []int64{1, 2}, []int64{0, 0}},
		{5, nil, []int64{}},
		{math.MaxInt64, []int64{math.MaxInt64 / 2, math.MaxInt64 / 2}, []int64{math.MaxInt64/2 + 1, math.MaxInt64 / 2}},
	}
	for _, c := range cases {
		got := domain.Apportion(c.amount, c.weights)
		if !slices.Equal(got, c.want) {
			t.Errorf("Apportion(%d, %v) = %v, want %v", c.amount, c.weights, got, c.want)
		}
	}
}

func TestConvertAt(t *testing.T) {
	cases := []struct {
		amount          int64
		cur, rate, base string
		want            int64
	}{
		{1000, "JPY", "0.0483", "CNY", 4830}, // ¥1,000 → ¥48.30
		{1234, "CNY", "", "CNY", 1234},       // the base needs no rate
		{1234, "", "", "CNY", 1234},          // no currency: the base
		{1000, "JPY", "x", "CNY", 0},         // a rate that does not parse
	}
	for _, c := range cases {
		if got := domain.ConvertAt(c.amount, c.cur, c.rate, c.base); got != c.want {
			t.Errorf("ConvertAt(%d, %s, %q, %s) = %d, want %d", c.amount, c.cur, c.rate, c.base, got, c.want)
		}
	}
}
