package shipping

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/store"
)

// EventKinds are the tracking events, in the order a parcel usually meets them.
var EventKinds = []string{"picked_up", "in_transit", "customs", "out_for_delivery", "delivered", "exception", "lost",
	"damaged", "returned"}

// EventInput is a tracking event a person enters (or a carrier file holds).
type EventInput struct {
	ParcelID string `json:"parcelId"`
	Kind     string `json:"kind"`
	At       string `json:"at"` // RFC 3339 or YYYY-MM-DD HH:MM; '' = now
	Place    string `json:"place"`
	Note     string `json:"note"`
}

// AddEvent records a tracking event. The parcel's first event means the carrier has it: its
// goods leave stock and every order now wholly in shipped parcels becomes shipped. A delivery
// moves on every order whose parcels have all been delivered.
func (s *Service) AddEvent(ctx context.Context, in EventInput) (Parcel, error) {
	err := s.db.Write(ctx, func(tx *store.Tx) error {
		return s.addEventTx(tx, "", "manual", in)
	})
	if err != nil {
		return Parcel{}, err
	}
	return s.GetParcel(ctx, in.ParcelID)
}

// parseTime reads an event time: RFC 3339, or a local "YYYY-MM-DD HH:MM[:SS]" / "YYYY/MM/DD …"
// / "YYYY-MM-DD" as carriers' files write it (taken as UTC+8, China time, when no zone).
func parseTime(v string) (string, bool) {
	v = strings.TrimSpace(v)
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		return t.UTC().Format(time.RFC3339), true
	}
	cst := time.FixedZone("CST", 8*3600)
	v = strings.ReplaceAll(v, "/", "-")
	v = strings.Replace(v, "T", " ", 1)
	for _, layout := range []string{"2006-01-02 15:04:05", "2006-01-02 15:04", "2006-1-2 15:04:05", "2006-1-2 15:04", "2006-01-02", "2006-1-2"} {
		if t, err := time.ParseInLocation(layout, v, cst); err == nil {
			return t.UTC().Format(time.RFC3339), true
		}
	}
	return "", false
}

// addEventTx adds the event with its effects; eventID "" = a new id.
func (s *Service) addEventTx(tx *store.Tx, eventID, source string, in EventInput) error {
	in.Kind = strings.TrimSpace(in.Kind)
	if !slices.Contains(EventKinds, in.Kind) {
		return domain.Invalid("kind", "shipping.event.kind", fmt.Sprintf("unknown tracking event %q", in.Kind), map[string]any{"kind": in.Kind})
	}
	at := s.nowText()
	if strings.TrimSpace(in.At) != "" {
		var ok bool
		if at, ok = parseTime(in.At); !ok {
			return domain.Invalid("at", "shipping.event.time", "the time must look like 2026-03-01 14:30", nil)
		}
	}
	var deleted int
	var shippedAt, deliveredAt string
	err := tx.QueryRow(`SELECT p.deleted, s.shipped_at, s.delivered_at FROM parcels p JOIN parcel_state s ON s.parcel_id = p.id
		WHERE p.id = ?`, in.ParcelID).Scan(&deleted, &shippedAt, &deliveredAt)
	if err == sql.ErrNoRows || deleted != 0 {
		return domain.NotFound("parcel", in.ParcelID)
	} else if err != nil {
		return err
	}
	if shippedAt == "" {
		var cancelled string
		tx.QueryRow(`SELECT o.number FROM parcel_items i JOIN orders o ON o.id = i.order_id JOIN order_status s ON s.order_id = o.id
			WHERE i.parcel_id = ? AND i.deleted = 0 AND s.status = 'cancelled' LIMIT 1`, in.ParcelID).Scan(&cancelled)
		if cancelled != "" {
			return &domain.Error{Code: domain.EConflict, Key: "shipping.parcel.cancelledOrder",
				Message: "order " + cancelled + " in this parcel was cancelled: take it out before the parcel ships",
				Params:  map[string]any{"order": cancelled}}
		}
	}
	if eventID == "" {
		eventID = domain.NewID()
	}
	if err := tx.Add("parcel_events", eventID, store.Fields{"parcel_id": in.ParcelID, "kind": in.Kind, "at": at,
		"place": strings.TrimSpace(in.Place), "note": strings.TrimSpace(in.Note), "source": source, "device": tx.Device()}); err != nil {
		return err
	}
	if shippedAt == "" {
		if err := s.shipParcel(tx, in.ParcelID, at); err != nil {
			return err
		}
	}
	if in.Kind == "delivered" && deliveredAt == "" {
		return s.advanceOrders(tx, in.ParcelID, "delivered", at)
	}
	return nil
}

// shipParcel takes the parcel's goods out of stock (each item a stock move with an id derived
// from the item, so two laptops shipping it offline record it once) and moves on its orders.
func (s *Service) shipParcel(tx *store.Tx, parcel, at string) error {
	type item struct {
		id, line string
		qty      int64
	}
	var items []item
	if err := scanAll(tx, `SELECT id, line_id, qty FROM parcel_items WHERE parcel_id = ? AND deleted = 0 ORDER BY id`,
		[]any{parcel}, func(r *sql.Rows) error {
			var it item
			if err := r.Scan(&it.id, &it.line, &it.qty); err != nil {
				return err
			}
			items = append(items, it)
			return nil
		}); err != nil {
		return err
	}
	for _, it := range items {
		if err := s.orders.ShipLine(tx, it.line, it.qty, domain.DerivedID("parcel-ship", it.id), at); err != nil {
			return err
		}
	}
	return s.advanceOrders(tx, parcel, "shipped", at)
}

// advanceOrders moves each order of the parcel to state (shipped or delivered) once all its
// goods are in parcels that reached it, stepping through packed first when needed.
func (s *Service) advanceOrders(tx *store.Tx, parcel, state, at string) error {
	var orders []string
	if err := scanAll(tx, `SELECT DISTINCT order_id FROM parcel_items WHERE parcel_id = ? AND deleted = 0 ORDER BY order_id`,
		[]any{parcel}, func(r *sql.Rows) error {
			var o string
			orders = append(orders, o)
			return r.Scan(&orders[len(orders)-1])
		}); err != nil {
		return err
	}
	target := map[string]int{"shipped": rankShipped, "delivered": 80}[state]
	steps := []struct {
		to   string
		rank int
	}{{"packed", rankPacked}, {"shipped", rankShipped}, {"delivered", 80}}
	for _, o := range orders {
		full, err := fullyIn(tx, o, state)
		if err != nil {
			return err
		}
		if !full {
			continue
		}
		for _, st := range steps {
			rank := orderRank(tx, o)
			if rank >= rankCancelled || st.rank > target {
				break
			}
			if rank < st.rank {
				if err := s.orders.Advance(tx, o, st.to, at, "parcel"); err != nil {
					return err
				}
			}
		}
	}
	return nil
}
