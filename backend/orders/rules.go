package orders

import (
	"context"
	"database/sql"
	"encoding/json"
	"maps"
	"slices"
	"strings"
	"time"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/store"
)

// Priorities, most pressing first. "" on an order means "by rule".
var Priorities = []string{"urgent", "high", "normal", "low"}

func priorityRank(p string) int {
	for i, x := range Priorities {
		if x == p {
			return i
		}
	}
	return 2
}

// Rules decide priority and allocation; the team edits them in settings (row order_rules).
type Rules struct {
	UrgentDays    int               `json:"urgentDays"`    // due within this many days → urgent (0 = off)
	HighValue     int64             `json:"highValue"`     // total ≥ this, base minor units → high (0 = off)
	ProvinceZones map[string]string `json:"provinceZones"` // ship-to province → zone id
	DefaultZone   string            `json:"defaultZone"`   // zone when no province matches ('' = any)
}

// DefaultRules apply until the team saves its own: urgent within 3 days, high from 1,000.00
// of the base currency.
func DefaultRules() Rules {
	return Rules{UrgentDays: 3, HighValue: 100000, ProvinceZones: map[string]string{}}
}

// GetRules returns the team's rules.
func (s *Service) GetRules(ctx context.Context) (Rules, error) { return rules(s.db.R()) }

func rules(q querier) (Rules, error) {
	r := DefaultRules()
	var v string
	err := q.QueryRow(`SELECT value FROM settings WHERE id = 'order_rules' AND deleted = 0`).Scan(&v)
	if err == sql.ErrNoRows || v == "" {
		return r, nil
	} else if err != nil {
		return r, err
	}
	if err := json.Unmarshal([]byte(v), &r); err != nil {
		return DefaultRules(), nil // a rule written by a newer version we cannot read: defaults
	}
	if r.ProvinceZones == nil {
		r.ProvinceZones = map[string]string{}
	}
	return r, nil
}

// SaveRules validates and stores the team's rules.
func (s *Service) SaveRules(ctx context.Context, r Rules) (Rules, error) {
	p := &domain.Problems{}
	if r.UrgentDays < 0 || r.UrgentDays > 365 {
		p.Add(domain.Invalid("urgentDays", "order.rules.urgentDays", "urgent days must be between 0 and 365", nil))
	}
	if r.HighValue < 0 {
		p.Add(domain.Invalid("highValue", "order.rules.highValue", "the high-value amount may not be negative", nil))
	}
	if err := p.Err(); err != nil {
		return r, err
	}
	if r.ProvinceZones == nil {
		r.ProvinceZones = map[string]string{}
	}
	body, _ := json.Marshal(r)
	err := s.db.Write(ctx, func(tx *store.Tx) error {
		zones := []string{r.DefaultZone}
		for _, z := range r.ProvinceZones {
			zones = append(zones, z)
		}
		for _, z := range zones {
			if z == "" {
				continue
			}
			if err := tx.Live("zones", "zone", z); err != nil {
				return err
			}
		}
		return tx.Set("settings", "order_rules", store.Fields{"value": string(body), "deleted": false})
	})
	return r, err
}

// PriorityOf is an order's effective priority on day today: the manual one if set, else
// urgent when due within UrgentDays, else high when totalBase reaches HighValue, else normal.
// The list computes the same in SQL (prioRule, list.go), as ranges of the priority indexes.
func PriorityOf(r Rules, today time.Time, manual, dueDate string, totalBase int64) string {
	switch {
	case manual != "":
		return manual
	case r.UrgentDays > 0 && dueDate != "" && dueDate <= today.AddDate(0, 0, r.UrgentDays).Format(dateLayout):
		return "urgent"
	case r.HighValue > 0 && totalBase >= r.HighValue:
		return "high"
	}
	return "normal"
}

// ZoneFor is the zone an order is allocated to: its override, else the rule's zone for the
// ship-to province ("广东" matches "广东省"), else the default zone ("" = anywhere).
func ZoneFor(r Rules, override, province string) string {
	if override != "" {
		return override
	}
	province = strings.TrimSpace(province)
	if province != "" {
		if z, ok := r.ProvinceZones[province]; ok {
			return z
		}
		keys := slices.Sorted(maps.Keys(r.ProvinceZones)) // deterministic when two could match
		for _, p := range keys {
			if p != "" && (strings.HasPrefix(province, p) || strings.HasPrefix(p, province)) {
				return r.ProvinceZones[p]
			}
		}
	}
	return r.DefaultZone
}
