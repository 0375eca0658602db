package app

import (
	"context"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"daigoudesk/backend/store"
)

// Event names the UI listens to. Each carries {remote: bool}.
const (
	EventCatalogChanged    = "catalog:changed"
	EventStockChanged      = "stock:changed"
	EventSettingsChanged   = "settings:changed"
	EventCustomersChanged  = "customers:changed"
	EventOrdersChanged     = "orders:changed"
	EventPurchasingChanged = "purchasing:changed"
	EventShippingChanged   = "shipping:changed"
)

// tableEvents says which event a change to a table raises.
var tableEvents = map[string]string{
	"products": EventCatalogChanged, "categories": EventCatalogChanged, "zones": EventCatalogChanged,
	"locations": EventCatalogChanged, "batches": EventStockChanged, "stock_moves": EventStockChanged,
	"settings":  EventSettingsChanged,
	"customers": EventCustomersChanged, "customer_addresses": EventCustomersChanged,
	"orders": EventOrdersChanged, "order_lines": EventOrdersChanged, "order_events": EventOrdersChanged,
	"payments": EventOrdersChanged, "order_returns": EventOrdersChanged,
	// goods bought on a trip fill pre-order lines: the orders change with the trip
	"preorder_fills": EventOrdersChanged,
	"suppliers":      EventPurchasingChanged, "supplier_products": EventPurchasingChanged,
	"purchase_orders": EventPurchasingChanged, "purchase_order_lines": EventPurchasingChanged,
	"purchase_receipts": EventPurchasingChanged, "trips": EventPurchasingChanged, "trip_items": EventPurchasingChanged,
	"trip_buys": EventPurchasingChanged, "purchase_costs": EventPurchasingChanged, "exchange_rates": EventPurchasingChanged,
	"carriers": EventShippingChanged, "carrier_services": EventShippingChanged, "service_rates": EventShippingChanged,
	"parcels": EventShippingChanged, "parcel_items": EventShippingChanged, "parcel_events": EventShippingChanged,
	"notices": EventShippingChanged, "notice_sends": EventShippingChanged,
}

// forwardChanges emits one event per area touched by each committed write.
func forwardChanges(ctx context.Context, db *store.DB) {
	db.Subscribe(func(c store.Change) {
		sent := map[string]bool{}
		for table := range c.Tables {
			ev := tableEvents[table]
			if ev == "" || sent[ev] {
				continue
			}
			sent[ev] = true
			runtime.EventsEmit(ctx, ev, map[string]any{"remote": c.Remote})
		}
		// a trip's list and summary read open pre-orders and stock
		if (sent[EventOrdersChanged] || sent[EventStockChanged]) && !sent[EventPurchasingChanged] {
			runtime.EventsEmit(ctx, EventPurchasingChanged, map[string]any{"remote": c.Remote})
		}
		// the pack list reads orders; a parcel's orders show its state
		if sent[EventOrdersChanged] && !sent[EventShippingChanged] {
			runtime.EventsEmit(ctx, EventShippingChanged, map[string]any{"remote": c.Remote})
		}
		if sent[EventShippingChanged] && !sent[EventOrdersChanged] {
			runtime.EventsEmit(ctx, EventOrdersChanged, map[string]any{"remote": c.Remote})
		}
		// stock figures shown on product rows change with stock moves
		if sent[EventStockChanged] && !sent[EventCatalogChanged] {
			runtime.EventsEmit(ctx, EventCatalogChanged, map[string]any{"remote": c.Remote})
		}
	})
}
