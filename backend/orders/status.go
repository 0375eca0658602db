package orders

import (
	"fmt"
	"slices"

	"daigoudesk/backend/domain"
)

// Statuses an order can be in.
const (
	Draft     = "draft"
	Confirmed = "confirmed"
	Deposit   = "deposit" // partially paid: 0 < paid < total
	Paid      = "paid"
	Allocated = "allocated"
	Bought    = "bought"
	Packed    = "packed"
	Shipped   = "shipped"
	Delivered = "delivered"
	Completed = "completed"
	Cancelled = "cancelled"
)

// Statuses in rank order; the rank decides the status when events from several devices
// meet. Migration 0005 holds the same table (order_status_ranks) for the triggers.
var Statuses = []struct {
	Status string
	Rank   int
}{
	{Draft, 0}, {Confirmed, 10}, {Deposit, 20}, {Paid, 30}, {Allocated, 40}, {Bought, 50},
	{Packed, 60}, {Shipped, 70}, {Delivered, 80}, {Completed, 90}, {Cancelled, 100},
}

// Rank returns the rank of a status or event kind; unknown kinds rank as draft (ignored).
func Rank(status string) int {
	for _, s := range Statuses {
		if s.Status == status {
			return s.Rank
		}
	}
	return 0
}

func statusOf(rank int) string {
	for _, s := range Statuses {
		if s.Rank == rank {
			return s.Status
		}
	}
	return Draft
}

// transitions says which events a person may add to an order in each status. Deposit and
// paid are not events: they follow payments. Payment is not a gate for fulfilment (trusted
// customers get goods before paying the balance; the balance due shows it).
var transitions = map[string][]string{
	Draft:     {Confirmed, Cancelled},
	Confirmed: {Allocated, Bought, Packed, Cancelled},
	Deposit:   {Allocated, Bought, Packed, Cancelled},
	Paid:      {Allocated, Bought, Packed, Cancelled},
	Allocated: {Bought, Packed, Cancelled},
	Bought:    {Packed, Cancelled},
	Packed:    {Shipped, Cancelled},
	Shipped:   {Delivered},
	Delivered: {Completed},
}

// Next lists the events allowed from status, in rank order.
func Next(status string) []string { return slices.Clone(transitions[status]) }

// CheckTransition refuses an event the status does not allow, with code conflict and key
// order.transition naming from and to.
func CheckTransition(from, to string) error {
	if slices.Contains(transitions[from], to) {
		return nil
	}
	return &domain.Error{Code: domain.EConflict, Field: "status", Key: "order.transition",
		Message: fmt.Sprintf("an order that is %s cannot become %s", from, to),
		Params:  map[string]any{"from": from, "to": to}}
}

// Status is an order's status from its event kinds and money (paid net of refunds, total, in
// the order's currency): cancelled if any event cancelled it; otherwise the highest-ranked
// event, raised to deposit (0 < paid < total) or paid (paid ≥ total) once it is confirmed.
// Unknown event kinds are ignored. The view order_status_calc computes the same in SQL.
func Status(events []string, paid, total int64) string {
	rank := 0
	for _, e := range events {
		if e == Cancelled {
			return Cancelled
		}
		rank = max(rank, Rank(e))
	}
	if rank >= Rank(Confirmed) {
		switch {
		case paid >= total:
			rank = max(rank, Rank(Paid))
		case paid > 0:
			rank = max(rank, Rank(Deposit))
		}
	}
	return statusOf(rank)
}

// open reports whether an order in status still needs work (the work queue).
func open(status string) bool {
	r := Rank(status)
	return r >= Rank(Confirmed) && r <= Rank(Packed)
}
