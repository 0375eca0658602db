// Package purchasing keeps what a daigou team buys: suppliers abroad (shops, brand counters,
// online stores, wholesalers) and the products each sells; purchase orders to suppliers and
// their receipts into stock; and buying trips, whose shopping list (采购清单) is built from
// customers' unfilled pre-order lines and the stock below its reorder point.
//
// Tables (migration 0014). Entities, edited by set with per-field last-writer-wins:
// suppliers, supplier_products, purchase_orders, purchase_order_lines, trips, trip_items (a
// person's additions to a trip's list) and purchase_costs (extra costs and tax refunds of a
// trip or purchase order). Ledgers, never changed: purchase_receipts, trip_buys (what the
// buyer ticked: bought, not_found, or undo of an earlier row) and preorder_fills (goods of a
// buy given to a customer's pre-order line).
//
// The shopping list is computed when it is read, never stored, so it is right on every
// laptop whatever arrived from the others: for each product, the unfilled quantity of open
// pre-order lines (orders confirmed and not cancelled, bought, packed or shipped) plus the
// reorder need (reorder point − available, at least the reorder quantity, unless a person set
// the trip's own quantity or skipped it), with what this trip already bought beside it, grouped
// by the store it is bought at (the product's preferred supplier in the trip's country, else
// the one it was last bought at there). Products whose known stores are all in other countries
// are left off (they are for another trip). The list is read on two connections at once
// (list.go).
//
// Ticking an item bought gives the goods to the open pre-order lines of that product first
// (earliest due date, then earliest order), as preorder_fills rows, and books the rest into
// stock at the trip's location, in one transaction. An order whose pre-order lines are all
// filled becomes allocated (the order_status view derives it from the fills). Undo writes
// the negative rows. Two buyers who tick the same line offline both keep their goods: the
// line shows more filled than ordered, and the trip summary lists the surplus to book into
// stock. "Not found" marks a product on a trip; the summary lists the orders waiting for it
// with the deposit to refund.
//
// Costs. Every purchase keeps its price in its currency and the rate used (card or cash rate
// of the trip, the purchase order's rate, or one the buyer typed). The landed cost in the
// base currency is computed when read: goods at their rate, plus the owner's extra costs
// (luggage, forwarder, duty, other) spread over its goods by value or by weight, less the tax
// refunds received, spread over the tax-free goods of their store by value; spreads use the
// largest remainder so they add up to the cent. Unit costs for stock valuation and order
// profit are the weighted average landed cost of a product's purchases; goods bought for an
// order line cost what that purchase cost (LineUnitCosts, which orders reaches through its
// Costs interface). Costings are cached until a commit touches a table they read (cache.go).
//
// It imports domain, money, store, importer (CSV/XLSX) and pdf; stock is reached through the
// Stock interface.
package purchasing
