package domain

// SuggestReorder is how many to buy of a product at or below its reorder point: enough to lift
// available stock one above the reorder point, and at least the usual reorder quantity. The
// low-stock list and the buying-trip list both use it.
func SuggestReorder(available, point, qty int64) int64 {
	need := point - available + 1
	if qty > need {
		return qty
	}
	return need
}

// RefundDue is what an order owes its customer back when goods it paid for cannot be had:
// what was paid beyond the value of the goods still coming (net total − missing), at most the
// missing goods' value, never below zero. A deposit on a pre-order whose goods were not found
// is refunded whole; a deposit that still covers goods that are coming is kept.
func RefundDue(paid, netTotal, missing int64) int64 {
	due := paid - (netTotal - missing)
	if due > missing {
		due = missing
	}
	if due < 0 {
		return 0
	}
	return due
}
