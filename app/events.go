package app

import (
	"context"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"daigoudesk/backend/store"
)

// Event names the UI listens to. Each carries {remote: bool}.
const (
	EventCatalogChanged   = "catalog:changed"
	EventStockChanged     = "stock:changed"
	EventSettingsChanged  = "settings:changed"
	EventCustomersChanged = "customers:changed"
	EventOrdersChanged    = "orders:changed"
)

// tableEvents says which event a change to a table raises.
var tableEvents = map[string]string{
	"products": EventCatalogChanged, "categories": EventCatalogChanged, "zones": EventCatalogChanged,
	"locations": EventCatalogChanged, "batches": EventStockChanged, "stock_moves": EventStockChanged,
	"settings":  EventSettingsChanged,
	"customers": EventCustomersChanged, "customer_addresses": EventCustomersChanged,
	"orders": EventOrdersChanged, "order_lines": EventOrdersChanged, "order_events": EventOrdersChanged,
	"payments": EventOrdersChanged, "order_returns": EventOrdersChanged,
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
		// stock figures shown on product rows change with stock moves
		if sent[EventStockChanged] && !sent[EventCatalogChanged] {
			runtime.EventsEmit(ctx, EventCatalogChanged, map[string]any{"remote": c.Remote})
		}
	})
}
