package shipping

import (
	"context"
	"database/sql"
	"math"
	"sort"
	"strings"
	"time"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/money"
)

// ServiceStats is how one carrier service did with the parcels it carried.
type ServiceStats struct {
	CarrierID  string `json:"carrierId"`
	Carrier    string `json:"carrier"`
	CarrierEn  string `json:"carrierEn"`
	ServiceID  string `json:"serviceId"` // '' = parcels saved without a service
	Service    string `json:"service"`
	ServiceEn  string `json:"serviceEn"`
	Tier       string `json:"tier"`
	TransitMin int64  `json:"transitMin"` // the service's estimate, days
	TransitMax int64  `json:"transitMax"`

	Parcels     int     `json:"parcels"`     // shipped in the period
	Delivered   int     `json:"delivered"`   // of them, delivered (by now)
	OnTime      int     `json:"onTime"`      // delivered within TransitMax days of shipping (every one when the service has no estimate)
	OnTimeRate  float64 `json:"onTimeRate"`  // OnTime / Delivered, 0–1
	AvgDays     float64 `json:"avgDays"`     // transit days of the delivered parcels, one decimal
	P90Days     float64 `json:"p90Days"`     // 90th percentile of them (nearest rank), one decimal
	Problems    int     `json:"problems"`    // parcels with an exception, lost or damaged event
	ProblemRate float64 `json:"problemRate"` // Problems / Parcels, 0–1
	Lost        int     `json:"lost"`
	Damaged     int     `json:"damaged"`
	StillLate   int     `json:"stillLate"` // not delivered (nor lost or returned) and past TransitMax days

	Currency     string  `json:"currency"`     // the base currency
	FreightBase  int64   `json:"freightBase"`  // freight of the parcels, base minor units at each parcel's kept rate
	ChargeableKg float64 `json:"chargeableKg"` // chargeable weight of the parcels (weight or volume weight), kg to the gram
	CostPerKg    int64   `json:"costPerKg"`    // base minor units per chargeable kg, over the parcels with a freight and a weight
}

// Evaluate compares the carrier services over the live parcels shipped (their first
// tracking event) from from to to (YYYY-MM-DD of the stored UTC time, both included; ” =
// open), most parcels first: on-time rate against the service's estimate, average and
// 90th-percentile transit days, problems, parcels still late, freight and cost per kg.
// Days are elapsed time (hours / 24), as a parcel's Late flag counts them.
func (s *Service) Evaluate(ctx context.Context, from, to string) ([]ServiceStats, error) {
	from, to = strings.TrimSpace(from), strings.TrimSpace(to)
	p := &domain.Problems{}
	for _, d := range []struct{ field, v string }{{"from", from}, {"to", to}} {
		if _, err := time.Parse("2006-01-02", d.v); d.v != "" && err != nil {
			p.Add(domain.Invalid(d.field, "shipping.evaluation.date", "the date must look like 2026-03-01",
				map[string]any{"value": d.v}))
		}
	}
	if len(p.List) == 0 && from != "" && to != "" && from > to {
		p.Add(domain.Invalid("to", "shipping.evaluation.range", "the end date is before the start date", nil))
	}
	if err := p.Err(); err != nil {
		return nil, err
	}
	q := s.db.R()
	base, err := money.BaseCurrency(q)
	if err != nil {
		return nil, err
	}
	c, err := loadCatalog(q)
	if err != nil {
		return nil, err
	}
	names := &serviceNames{q: q, c: c, services: map[string]*svcInfo{}, carriers: map[string]*Carrier{}}
	where, args := []string{"p.deleted = 0", "s.shipped_at <> ''"}, []any{}
	if from != "" {
		where, args = append(where, "s.shipped_at >= ?"), append(args, from)
	}
	if to != "" {
		where, args = append(where, "s.shipped_at < date(?, '+1 day')"), append(args, to)
	}
	type acc struct {
		ServiceStats
		days          []float64
		costFreight   int64 // freight and grams of the parcels with both, for CostPerKg
		costG, totalG int64
	}
	groups := map[string]*acc{}
	now := s.now()
	err = scanAll(q, `SELECT p.carrier_id, p.service_id, p.weight_g, p.length_mm, p.width_mm, p.height_mm, p.freight,
			p.freight_currency, p.freight_rate, s.status, s.shipped_at, s.delivered_at, s.problems,
			EXISTS (SELECT 1 FROM parcel_events e WHERE e.parcel_id = p.id AND e.kind = 'lost'),
			EXISTS (SELECT 1 FROM parcel_events e WHERE e.parcel_id = p.id AND e.kind = 'damaged')
		FROM parcels p JOIN parcel_state s ON s.parcel_id = p.id
		WHERE `+strings.Join(where, " AND "), args, func(r *sql.Rows) error {
		var carrierID, serviceID, cur, rate, status, shippedAt, deliveredAt string
		var weight, l, w, h, freight int64
		var problems int
		var lost, damaged bool
		if err := r.Scan(&carrierID, &serviceID, &weight, &l, &w, &h, &freight, &cur, &rate, &status, &shippedAt,
			&deliveredAt, &problems, &lost, &damaged); err != nil {
			return err
		}
		key := carrierID + "\x00" + serviceID
		g := groups[key]
		if g == nil {
			g = &acc{ServiceStats: names.stats(carrierID, serviceID)}
			g.Currency = base
			groups[key] = g
		}
		info := names.service(serviceID)
		g.Parcels++
		if deliveredAt != "" {
			g.Delivered++
			if !late(shippedAt, deliveredAt, g.TransitMax, now) {
				g.OnTime++
			}
			if d, ok := transitDays(shippedAt, deliveredAt); ok {
				g.days = append(g.days, d)
			}
		} else if status != "lost" && status != "returned" && late(shippedAt, "", g.TransitMax, now) {
			g.StillLate++
		}
		if problems > 0 {
			g.Problems++
		}
		if lost {
			g.Lost++
		}
		if damaged {
			g.Damaged++
		}
		fb := domain.ConvertAt(freight, cur, rate, base)
		grams := ChargeableG(weight, l, w, h, info.divisor)
		g.FreightBase += fb
		g.totalG += grams
		if fb > 0 && grams > 0 {
			g.costFreight += fb
			g.costG += grams
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := make([]ServiceStats, 0, len(groups))
	for _, g := range groups {
		st := g.ServiceStats
		st.OnTimeRate = ratio(st.OnTime, st.Delivered)
		st.ProblemRate = ratio(st.Problems, st.Parcels)
		if n := len(g.days); n > 0 {
			var total float64
			for _, d := range g.days {
				total += d
			}
			sort.Float64s(g.days)
			st.AvgDays = math.Round(total/float64(n)*10) / 10
			st.P90Days = math.Round(g.days[int(math.Ceil(0.9*float64(n)))-1]*10) / 10 // nearest rank
		}
		st.ChargeableKg = float64(g.totalG) / 1000
		if g.costG > 0 {
			st.CostPerKg = int64(math.Round(float64(g.costFreight) * 1000 / float64(g.costG)))
		}
		out = append(out, st)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Parcels != b.Parcels {
			return a.Parcels > b.Parcels
		}
		if a.Carrier != b.Carrier {
			return a.Carrier < b.Carrier
		}
		if a.Service != b.Service {
			return a.Service < b.Service
		}
		return a.CarrierID+a.ServiceID < b.CarrierID+b.ServiceID
	})
	return out, nil
}

// transitDays is the elapsed time from shipping to delivery in days.
func transitDays(shippedAt, deliveredAt string) (float64, bool) {
	a, err1 := time.Parse(time.RFC3339, shippedAt)
	b, err2 := time.Parse(time.RFC3339, deliveredAt)
	if err1 != nil || err2 != nil {
		return 0, false
	}
	return b.Sub(a).Hours() / 24, true
}

// ratio is n / of to four decimals (0 when of is 0).
func ratio(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return math.Round(float64(n)/float64(of)*10000) / 10000
}

// svcInfo is what evaluation needs of a service, live or not.
type svcInfo struct {
	carrierID, name, nameEn, tier string
	tmin, tmax, divisor           int64
}

// serviceNames finds services and carriers by id: live ones in the catalog, removed ones in
// their saved rows or, for a removed built-in, in the code (parcels keep their history).
type serviceNames struct {
	q        querier
	c        *catalog
	services map[string]*svcInfo
	carriers map[string]*Carrier
}

func (n *serviceNames) service(id string) *svcInfo {
	if v := n.services[id]; v != nil {
		return v
	}
	v := &svcInfo{}
	n.services[id] = v
	if id == "" {
		return v
	}
	if _, cs := n.c.service(id); cs != nil {
		*v = svcInfo{cs.CarrierID, cs.Name, cs.NameEn, cs.Tier, cs.TransitMin, cs.TransitMax, cs.VolumetricDivisor}
		return v
	}
	n.q.QueryRow(`SELECT carrier_id, name, name_en, tier, transit_min, transit_max, volumetric_divisor
		FROM carrier_services WHERE id = ?`, id).Scan(&v.carrierID, &v.name, &v.nameEn, &v.tier, &v.tmin, &v.tmax, &v.divisor)
	if v.name == "" {
		for _, bc := range BuiltInCarriers() {
			for _, cs := range bc.Services {
				if cs.ID == id {
					*v = svcInfo{cs.CarrierID, cs.Name, cs.NameEn, cs.Tier, cs.TransitMin, cs.TransitMax, cs.VolumetricDivisor}
				}
			}
		}
	}
	return v
}

func (n *serviceNames) carrier(id string) *Carrier {
	if c := n.carriers[id]; c != nil {
		return c
	}
	c := &Carrier{ID: id}
	n.carriers[id] = c
	if id == "" {
		return c
	}
	if live := n.c.carrier(id); live != nil {
		c.Name, c.NameEn = live.Name, live.NameEn
		return c
	}
	n.q.QueryRow(`SELECT name, name_en FROM carriers WHERE id = ?`, id).Scan(&c.Name, &c.NameEn)
	if c.Name == "" {
		for _, bc := range BuiltInCarriers() {
			if bc.ID == id {
				c.Name, c.NameEn = bc.Name, bc.NameEn
			}
		}
	}
	return c
}

// stats starts the row of a carrier and service with their names and estimate.
func (n *serviceNames) stats(carrierID, serviceID string) ServiceStats {
	v := n.service(serviceID)
	if carrierID == "" {
		carrierID = v.carrierID
	}
	c := n.carrier(carrierID)
	return ServiceStats{CarrierID: carrierID, Carrier: c.Name, CarrierEn: c.NameEn, ServiceID: serviceID, Service: v.name,
		ServiceEn: v.nameEn, Tier: v.tier, TransitMin: v.tmin, TransitMax: v.tmax}
}
