package sync

import (
	"context"
	"slices"
	"time"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/store"
)

// Flag is something sync found that a person must decide (see migration 0012): a stock move
// that oversold a location (the last unit sold on two laptops offline), or an order cancelled
// on one laptop and shipped on another.
type Flag struct {
	Kind       string `json:"kind"`    // oversold | cancel_vs_ship
	Subject    string `json:"subject"` // the stock move, or the order
	ProductID  string `json:"productId,omitempty"`
	LocationID string `json:"locationId,omitempty"`
	Ref        string `json:"ref,omitempty"` // what the move was for (an order line)
	Qty        int64  `json:"qty,omitempty"` // units it took
	Short      int64  `json:"short,omitempty"`
}

// Resolutions a person can give to each kind of flag.
var Resolutions = map[string][]string{
	"oversold":       {"source_elsewhere", "backorder", "cancel_refund"},
	"cancel_vs_ship": {"keep_cancelled", "keep_shipped"},
}

// Flags lists what sync flagged and nobody has resolved yet. Every laptop with the same
// operations lists the same flags. The views scan the stock levels and order events, so the
// list is kept until a commit touches stock moves, order events or resolutions (the sync
// screen and the header ask for it after every pass).
func (s *Service) Flags(ctx context.Context) ([]Flag, error) {
	s.flagsMu.Lock()
	cached, gen := s.flags, s.flagsGen
	s.flagsMu.Unlock()
	if cached != nil {
		return slices.Clone(cached), nil
	}
	flags, err := s.readFlags(ctx)
	if err != nil {
		return nil, err
	}
	s.flagsMu.Lock()
	if s.flagsGen == gen { // nothing changed while it was read
		s.flags = flags
	}
	s.flagsMu.Unlock()
	return slices.Clone(flags), nil
}

func (s *Service) readFlags(ctx context.Context) ([]Flag, error) {
	out := []Flag{}
	rows, err := s.db.R().QueryContext(ctx, `SELECT move_id, product_id, location_id, ref, reserved - qty, -avail_after
		FROM oversold_moves ORDER BY product_id, location_id, move_id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		f := Flag{Kind: "oversold"}
		if err := rows.Scan(&f.Subject, &f.ProductID, &f.LocationID, &f.Ref, &f.Qty, &f.Short); err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	crow, err := s.db.R().QueryContext(ctx, `SELECT order_id, kind FROM order_conflicts ORDER BY order_id`)
	if err != nil {
		return nil, err
	}
	defer crow.Close()
	for crow.Next() {
		var f Flag
		if err := crow.Scan(&f.Subject, &f.Kind); err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, crow.Err()
}

// Resolve records a person's answer to a flag (kind is one of Resolutions); the flag clears
// on every laptop once the answer arrives there. The answer itself only records the
// decision: sourcing goods elsewhere, a backorder, or cancelling and refunding is done with
// the usual screens.
func (s *Service) Resolve(ctx context.Context, subject, kind, note string) error {
	known := false
	for _, kinds := range Resolutions {
		known = known || slices.Contains(kinds, kind)
	}
	if !known {
		return domain.Invalid("kind", "sync.resolution.kind", "unknown resolution "+kind, map[string]any{"kind": kind})
	}
	if subject == "" {
		return domain.Invalid("subject", "sync.resolution.subject", "nothing to resolve", nil)
	}
	return s.db.Write(ctx, func(tx *store.Tx) error {
		return tx.Add("sync_resolutions", domain.NewID(), store.Fields{"subject": subject, "kind": kind, "note": note,
			"at": s.now().UTC().Format(time.RFC3339), "device": tx.Device()})
	})
}
