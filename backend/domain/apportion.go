package domain

import (
	"math/bits"
	"sort"
)

// Apportion splits amount (minor units, either sign) over parts in proportion to weights
// (negative weights count as 0; equal shares when they all are): each part gets the floor of
// its share, and the units left go to the largest remainders (ties to the earlier part), so
// the parts add up to amount exactly. Exact for any int64 amount above math.MinInt64 and
// weights whose sum fits in an int64.
func Apportion(amount int64, weights []int64) []int64 {
	out := make([]int64, len(weights))
	if len(weights) == 0 || amount == 0 {
		return out
	}
	w := make([]int64, len(weights))
	var total int64
	for i, x := range weights {
		w[i] = max(x, 0)
		total += w[i]
	}
	if total <= 0 {
		for i := range w {
			w[i] = 1
		}
		total = int64(len(w))
	}
	sign := int64(1)
	if amount < 0 {
		sign, amount = -1, -amount
	}
	type part struct{ i, remainder int64 }
	parts := make([]part, len(w))
	given := int64(0)
	for i := range w {
		hi, lo := bits.Mul64(uint64(amount), uint64(w[i]))
		share, rem := bits.Div64(hi, lo, uint64(total))
		out[i] = int64(share)
		given += int64(share)
		parts[i] = part{int64(i), int64(rem)}
	}
	sort.SliceStable(parts, func(a, b int) bool { return parts[a].remainder > parts[b].remainder })
	for n := 0; given < amount; n++ {
		out[parts[n%len(parts)].i]++
		given++
	}
	for i := range out {
		out[i] *= sign
	}
	return out
}
