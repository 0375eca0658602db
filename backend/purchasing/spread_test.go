package purchasing

import (
	"math/rand"
	"testing"
)

// The shares of a spread add up to the amount exactly, follow the weights to within one
// minor unit, and do not depend on anything but the goods and the amount.
func TestSpreadAddsUpExactly(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for n := 0; n < 2000; n++ {
		goods := make([]good, 1+rng.Intn(8))
		var total int64
		for i := range goods {
			goods[i].value = int64(rng.Intn(5)) * int64(rng.Intn(1_000_000)) // some weigh 0
			total += goods[i].value
		}
		amount := int64(rng.Intn(2_000_000)) - 1_000_000
		spread(goods, allGoods(goods), amount, func(g good) int64 { return g.value })
		var sum int64
		for _, g := range goods {
			sum += g.landed
			if total > 0 {
				exact := float64(amount) * float64(g.value) / float64(total)
				if d := float64(g.landed) - exact; d > 1 || d < -1 {
					t.Fatalf("share %d of %d for weight %d/%d is off by %.2f", g.landed, amount, g.value, total, d)
				}
			}
		}
		if sum != amount {
			t.Fatalf("shares add up to %d, want %d (%+v)", sum, amount, goods)
		}
	}
}

func TestLandWeightFallsBackToValue(t *testing.T) {
	goods := []good{{key: "a", value: 300, qty: 1}, {key: "b", value: 100, qty: 1}} // no weights known
	land(goods, []Cost{{CostInput: CostInput{Kind: CostLuggage, Spread: "weight"}, Base: 40}})
	if goods[0].landed != 330 || goods[1].landed != 110 {
		t.Fatalf("landed %d, %d; want 330, 110", goods[0].landed, goods[1].landed)
	}
}
