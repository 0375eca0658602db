package catalog

import (
	"context"
	"strings"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/store"
)

// Category groups products (护肤 skincare, 彩妆 make-up, 保健品 supplements, …).
type Category struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	NameEn   string `json:"nameEn"`
	ParentID string `json:"parentId"`
}

// Zone is a storage zone: luxury, daily goods, electronics, cosmetics …
type Zone struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Kind string `json:"kind"`
	Note string `json:"note"`
}

// Location is a place within a zone: a shelf, a bin, a suitcase.
type Location struct {
	ID       string `json:"id"`
	ZoneID   string `json:"zoneId"`
	ZoneName string `json:"zoneName"`
	Name     string `json:"name"`
	Kind     string `json:"kind"` // shelf | bin | suitcase | other
	Note     string `json:"note"`
}

// LocationKinds are the kinds of location the UI offers.
var LocationKinds = []string{"shelf", "bin", "suitcase", "other"}

func required(field, value string) *domain.Error {
	if strings.TrimSpace(value) == "" {
		return domain.Invalid(field, "form.required", field+" is required", map[string]any{"field": field})
	}
	return nil
}

// SaveCategory creates (empty ID) or updates a category.
func (s *Service) SaveCategory(ctx context.Context, c Category) (Category, error) {
	c.Name = strings.TrimSpace(c.Name)
	if e := required("name", c.Name); e != nil {
		return c, e
	}
	err := s.db.Write(ctx, func(tx *store.Tx) error {
		if c.ID == "" {
			c.ID = domain.NewID()
		} else if err := tx.Live("categories", "category", c.ID); err != nil {
			return err
		}
		if c.ParentID != "" {
			if c.ParentID == c.ID {
				return domain.Invalid("parentId", "category.parent.self", "a category cannot be its own parent", nil)
			}
			if err := tx.Live("categories", "category", c.ParentID); err != nil {
				return err
			}
		}
		return tx.Set("categories", c.ID, store.Fields{"name": c.Name, "name_en": strings.TrimSpace(c.NameEn), "parent_id": c.ParentID})
	})
	return c, err
}

// SaveZone creates (empty ID) or updates a storage zone.
func (s *Service) SaveZone(ctx context.Context, z Zone) (Zone, error) {
	z.Name = strings.TrimSpace(z.Name)
	if e := required("name", z.Name); e != nil {
		return z, e
	}
	err := s.db.Write(ctx, func(tx *store.Tx) error {
		if z.ID == "" {
			z.ID = domain.NewID()
		} else if err := tx.Live("zones", "zone", z.ID); err != nil {
			return err
		}
		return tx.Set("zones", z.ID, store.Fields{"name": z.Name, "kind": z.Kind, "note": z.Note})
	})
	return z, err
}

// SaveLocation creates (empty ID) or updates a location; its zone must exist.
func (s *Service) SaveLocation(ctx context.Context, l Location) (Location, error) {
	l.Name = strings.TrimSpace(l.Name)
	p := &domain.Problems{}
	if e := required("name", l.Name); e != nil {
		p.Add(e)
	}
	if e := required("zoneId", l.ZoneID); e != nil {
		p.Add(e)
	}
	if l.Kind == "" {
		l.Kind = "shelf"
	}
	if !contains(LocationKinds, l.Kind) {
		p.Add(domain.Invalid("kind", "location.kind.unknown", "unknown location kind "+l.Kind, nil))
	}
	if err := p.Err(); err != nil {
		return l, err
	}
	err := s.db.Write(ctx, func(tx *store.Tx) error {
		if l.ID == "" {
			l.ID = domain.NewID()
		} else if err := tx.Live("locations", "location", l.ID); err != nil {
			return err
		}
		if err := tx.Live("zones", "zone", l.ZoneID); err != nil {
			return err
		}
		return tx.Set("locations", l.ID, store.Fields{"zone_id": l.ZoneID, "name": l.Name, "kind": l.Kind, "note": l.Note})
	})
	return l, err
}

// DeleteCategory, DeleteZone and DeleteLocation set tombstones. A zone or location that
// still holds stock cannot be deleted.
func (s *Service) DeleteCategory(ctx context.Context, id string) error {
	return s.tombstone(ctx, "categories", "category", id, "")
}

func (s *Service) DeleteZone(ctx context.Context, id string) error {
	return s.tombstone(ctx, "zones", "zone", id,
		`SELECT count(*) FROM stock_levels sl JOIN locations l ON l.id = sl.location_id WHERE l.zone_id = ? AND sl.on_hand <> 0`)
}

func (s *Service) DeleteLocation(ctx context.Context, id string) error {
	return s.tombstone(ctx, "locations", "location", id, `SELECT count(*) FROM stock_levels WHERE location_id = ? AND on_hand <> 0`)
}

func (s *Service) tombstone(ctx context.Context, table, kind, id, stockQuery string) error {
	return s.db.Write(ctx, func(tx *store.Tx) error {
		if err := tx.Live(table, kind, id); err != nil {
			return err
		}
		if stockQuery != "" {
			var n int
			if err := tx.QueryRow(stockQuery, id).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				return &domain.Error{Code: domain.EConflict, Key: "place.hasStock", Message: kind + " still holds stock"}
			}
		}
		return tx.Set(table, id, store.Fields{"deleted": true})
	})
}

// Categories lists live categories by name.
func (s *Service) Categories(ctx context.Context) ([]Category, error) {
	return list(ctx, s, `SELECT id, name, name_en, parent_id FROM categories WHERE deleted = 0 ORDER BY name`,
		func(sc scanner) (c Category, err error) {
			err = sc.Scan(&c.ID, &c.Name, &c.NameEn, &c.ParentID)
			return
		})
}

// Zones lists live zones by name.
func (s *Service) Zones(ctx context.Context) ([]Zone, error) {
	return list(ctx, s, `SELECT id, name, kind, note FROM zones WHERE deleted = 0 ORDER BY name`,
		func(sc scanner) (z Zone, err error) { err = sc.Scan(&z.ID, &z.Name, &z.Kind, &z.Note); return })
}

// Locations lists live locations with their zone, by zone then name.
func (s *Service) Locations(ctx context.Context) ([]Location, error) {
	return list(ctx, s, `SELECT l.id, l.zone_id, coalesce(z.name, ''), l.name, l.kind, l.note FROM locations l
		LEFT JOIN zones z ON z.id = l.zone_id WHERE l.deleted = 0 ORDER BY z.name, l.name`,
		func(sc scanner) (l Location, err error) {
			err = sc.Scan(&l.ID, &l.ZoneID, &l.ZoneName, &l.Name, &l.Kind, &l.Note)
			return
		})
}

func list[T any](ctx context.Context, s *Service, query string, scan func(scanner) (T, error)) ([]T, error) {
	rows, err := s.db.R().QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []T{}
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
