// Package orders keeps sales orders: the header and lines (entities, edited by set and
// tombstone while the order is a draft), and three ledgers that never change: order_events
// (confirmed, packed, shipped, cancelled …), payments (deposits, payments, refunds in any
// currency with the rate used) and order_returns. Every change goes through store.DB.Write;
// stock effects (reserve on confirm, release on cancel, ship, restock a return) are made in the
// same transaction through the small Stock interface declared here, so an order event and its
// stock moves commit together or not at all.
//
// Status is not stored on the order: it is the highest-ranked event (Status, a pure function
// over the Statuses table), with deposit/paid derived from payments once the order is
// confirmed, and cancelled beating everything. The order list reads it from order_status, a
// local table kept by SQLite triggers from the ledgers (migration 0005) and rebuilt by
// store.DB.RebuildDerived through the same view, so remote operations from sync keep it true
// without this package running; an import of many new orders computes their rows itself
// (ImportOrdersTx, checked against the view in tests). Allowed transitions are the table
// transitions. order_status also carries copies of the header fields the list filters and
// sorts on (number, channel, customer, recipient, due date, manual priority …), which the
// list keeps in memory (listindex.go), and order_counts the live orders per channel and
// status.
//
// Money. Amounts are integer minor units. A payment keeps its own currency, the rate used
// (decimal text, 1 unit = rate units of base), base_amount (in the base currency from
// settings, default CNY) and order_amount (in the order's currency, which decides paid vs
// total exactly). Figures: goods = Σ qty × unit price; total = goods − discount + shipping fee;
// returned = Σ returned qty × unit price; net total = total − returned; paid = payments net of
// refunds; balance due = net total − paid. Refunds may not exceed paid.
//
// Profit per order, in the base currency:
//
//	revenue = Σ base_amount of its payments (cash actually received, net of refunds, at
//	          the rates used when it was received)
//	cost    = Σ over lines with a product of (qty − restocked returned qty) × unit cost, where
//	          the unit cost is the landed cost of the purchases that filled the line on a
//	          trip, else the product's average landed purchase cost (both from the Costs
//	          interface, package purchasing), else the product's cost price × rate of the cost
//	          currency on the order date (written-off returns stay a cost; a cancelled order
//	          has no cost: its goods never left)
//	freight = the order's share of parcel freight (0 until shipping exists)
//	profit  = revenue − cost − freight
//
// While a balance is still due, Expected shows the same formula with revenue = net total at
// the rate of the order date, so an unpaid order does not look like a loss.
//
// Human numbers are SO-<prefix>-0001: the prefix is per device (meta order_prefix, default
// the first three characters of the device id, upper-cased) and the counter is local (meta
// order_seq), so two laptops never hand out the same number. Orders made from a channel's
// export get ImportedOrderID(channel, channel order no, order date) so re-imports on any
// laptop converge.
//
// Priority and allocation follow Rules, kept as JSON in the replicated settings row
// "order_rules": urgent when due within UrgentDays, high when the total reaches HighValue
// (base minor units); a manual priority wins. Confirming reserves each non-pre-order line at
// the line's location if set, else in the order's zone (orders.zone_id, else the rule's zone
// for the ship-to province, else DefaultZone) at the location with the most available stock,
// falling back to any location holding enough. A line is reserved at one location. Pre-order
// lines are bought for the customer and ship without touching stock.
//
// A pre-order line shows how much of it was bought on a trip (preorder_fills) and, while goods
// are missing, the trip that marked them not found; the order then shows the deposit to
// refund (Figures.RefundDue).
//
// It imports domain, money and store; stock is reached through the Stock interface and
// purchase costs through Costs.
package orders
