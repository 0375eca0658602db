package orderimport

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/orders"
	"daigoudesk/backend/store"
)

// SavedMapping is the column mapping the user saved for a channel.
type SavedMapping struct {
	Channel string  `json:"channel"`
	Mapping Mapping `json:"mapping"`
}

// mappingID is the id of a channel's saved mapping: one per channel on every laptop, so two
// laptops saving one offline converge by last-writer-wins.
func mappingID(channel string) string { return domain.DerivedID("import_mapping", channel) }

// Mappings lists the saved mappings by channel.
func (s *Service) Mappings(ctx context.Context) ([]SavedMapping, error) {
	rows, err := s.db.R().QueryContext(ctx, `SELECT channel, mapping FROM import_mappings WHERE deleted = 0 ORDER BY channel`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []SavedMapping{}
	for rows.Next() {
		var m SavedMapping
		var body string
		if err := rows.Scan(&m.Channel, &body); err != nil {
			return nil, err
		}
		if json.Unmarshal([]byte(body), &m.Mapping) != nil {
			continue // written by a newer version
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

func (s *Service) savedMapping(ctx context.Context, channel string) (Mapping, error) {
	var body string
	err := s.db.R().QueryRowContext(ctx, `SELECT mapping FROM import_mappings WHERE id = ? AND deleted = 0`,
		mappingID(channel)).Scan(&body)
	if err == sql.ErrNoRows {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	var m Mapping
	if json.Unmarshal([]byte(body), &m) != nil {
		return nil, nil
	}
	return m, nil
}

// SaveMapping stores the mapping for channel (replacing the one saved before). Fields must
// be known, order_no and a product column mapped, and no header used twice.
func (s *Service) SaveMapping(ctx context.Context, channel string, m Mapping) (SavedMapping, error) {
	channel = strings.TrimSpace(channel)
	p := &domain.Problems{}
	if !slices.Contains(orders.Channels, channel) {
		p.Add(domain.Invalid("channel", "order.channel.unknown", fmt.Sprintf("unknown channel %q", channel),
			map[string]any{"channel": channel}))
	}
	clean := Mapping{}
	used := map[string]string{}
	for _, f := range Fields {
		h := strings.TrimSpace(m[f.Name])
		if h == "" {
			continue
		}
		if other, dup := used[h]; dup {
			p.Add(domain.Invalid(f.Name, "importing.mapping.headerTwice",
				fmt.Sprintf("column %q is already mapped to %s", h, other), map[string]any{"header": h, "field": other}))
			continue
		}
		used[h] = f.Name
		clean[f.Name] = h
	}
	for field := range m {
		if !knownField(field) {
			p.Add(domain.Invalid(field, "importing.mapping.unknownField", fmt.Sprintf("%q is not a field of an order row", field),
				map[string]any{"field": field}))
		}
	}
	if clean[FOrderNo] == "" {
		p.Add(domain.Invalid(FOrderNo, "importing.mapping.orderNoRequired", "choose the column with the order number", nil))
	}
	if clean[FTitle] == "" && clean[FSKU] == "" && clean[FBarcode] == "" {
		p.Add(domain.Invalid(FTitle, "importing.mapping.productRequired", "choose the column with the product title, SKU or barcode", nil))
	}
	if err := p.Err(); err != nil {
		return SavedMapping{}, err
	}
	body, _ := json.Marshal(clean)
	err := s.db.Write(ctx, func(tx *store.Tx) error {
		return tx.Set("import_mappings", mappingID(channel), store.Fields{"channel": channel, "name": channel,
			"mapping": string(body), "deleted": false})
	})
	return SavedMapping{Channel: channel, Mapping: clean}, err
}
