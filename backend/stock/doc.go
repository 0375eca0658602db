// Package stock keeps the stock ledger: every receipt, adjustment, transfer, stock-take count,
// reservation, release, shipment and return is an immutable stock_moves row added through the
// store's write path. On-hand and reserved quantities per product × location × batch are
// derived from the ledger (kept by triggers, rebuilt by store.RebuildDerived). Local moves that
// would make on-hand or available stock negative are refused; remote ones always apply, and
// oversold stock is flagged by sync instead.
//
// It imports domain and store only.
package stock
