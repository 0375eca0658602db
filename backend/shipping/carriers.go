package shipping

import (
	"context"
	"database/sql"
	"slices"
	"sort"
	"strings"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/store"
)

// Carrier kinds.
var CarrierKinds = []string{"express", "post", "forwarder", "courier"}

// Service tiers: economy is cheap and slow, express fast and dear.
var Tiers = []string{"economy", "standard", "express"}

// Carrier is a shipping company with its services.
type Carrier struct {
	ID          string           `json:"id"`
	Name        string           `json:"name"`
	NameEn      string           `json:"nameEn"`
	Kind        string           `json:"kind"`
	TrackingURL string           `json:"trackingUrl"` // {no} is replaced by the tracking number
	Phone       string           `json:"phone"`
	Note        string           `json:"note"`
	BuiltIn     bool             `json:"builtIn"` // preloaded (editable like any other)
	Services    []CarrierService `json:"services"`
}

// CarrierService is one service of a carrier with its rate table.
type CarrierService struct {
	ID                string `json:"id"`
	CarrierID         string `json:"carrierId"`
	Name              string `json:"name"`
	NameEn            string `json:"nameEn"`
	Tier              string `json:"tier"`
	Origin            string `json:"origin"` // CN = domestic; a country code; '' = from anywhere abroad
	Currency          string `json:"currency"`
	VolumetricDivisor int64  `json:"volumetricDivisor"` // cm³ per kg; 0 = by weight only
	MaxWeightG        int64  `json:"maxWeightG"`        // 0 = no limit
	TransitMin        int64  `json:"transitMin"`        // days
	TransitMax        int64  `json:"transitMax"`
	Insurance         bool   `json:"insurance"`
	Signature         bool   `json:"signature"`
	Note              string `json:"note"`
	Rates             []Rate `json:"rates"`
}

// Rate is one destination zone of a rate table: FirstFee for the first FirstG grams, then
// ExtraFee for each further ExtraG grams or part of them (minor units of the service's currency).
type Rate struct {
	ID        string `json:"id"`
	Zone      string `json:"zone"`
	Provinces string `json:"provinces"` // comma-separated destinations; '' = everywhere else
	FirstG    int64  `json:"firstG"`
	FirstFee  int64  `json:"firstFee"`
	ExtraG    int64  `json:"extraG"`
	ExtraFee  int64  `json:"extraFee"`
}

// catalog is every live carrier, service and rate: the built-in ones overlaid by the rows
// the team saved (a saved row, deleted or not, replaces the built-in row with its id).
type catalog struct {
	carriers []Carrier // services and rates filled in, sorted built-ins first then by name
}

func (c *catalog) service(id string) (*Carrier, *CarrierService) {
	for i := range c.carriers {
		for j := range c.carriers[i].Services {
			if c.carriers[i].Services[j].ID == id {
				return &c.carriers[i], &c.carriers[i].Services[j]
			}
		}
	}
	return nil, nil
}

func (c *catalog) carrier(id string) *Carrier {
	for i := range c.carriers {
		if c.carriers[i].ID == id {
			return &c.carriers[i]
		}
	}
	return nil
}

// loadCatalog reads the carriers. The built-in ones are never written until someone edits
// them, so a new laptop's database stays empty (it may start from a sync snapshot) and two
// laptops never race to create the same defaults.
func loadCatalog(q querier) (*catalog, error) {
	carriers := map[string]*Carrier{}
	savedCarrier := map[string]bool{}
	err := scanAll(q, `SELECT id, name, name_en, kind, tracking_url, phone, note, deleted FROM carriers`, nil,
		func(r *sql.Rows) error {
			var c Carrier
			var deleted bool
			if err := r.Scan(&c.ID, &c.Name, &c.NameEn, &c.Kind, &c.TrackingURL, &c.Phone, &c.Note, &deleted); err != nil {
				return err
			}
			savedCarrier[c.ID] = true
			if !deleted {
				carriers[c.ID] = &c
			}
			return nil
		})
	if err != nil {
		return nil, err
	}
	services := map[string]*CarrierService{}
	savedService := map[string]bool{}
	err = scanAll(q, `SELECT id, carrier_id, name, name_en, tier, origin, currency, volumetric_divisor, max_weight_g,
		transit_min, transit_max, insurance, signature, note, deleted FROM carrier_services`, nil, func(r *sql.Rows) error {
		var v CarrierService
		var deleted bool
		if err := r.Scan(&v.ID, &v.CarrierID, &v.Name, &v.NameEn, &v.Tier, &v.Origin, &v.Currency, &v.VolumetricDivisor,
			&v.MaxWeightG, &v.TransitMin, &v.TransitMax, &v.Insurance, &v.Signature, &v.Note, &deleted); err != nil {
			return err
		}
		savedService[v.ID] = true
		if !deleted {
			services[v.ID] = &v
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	type savedRate struct {
		Rate
		service string
	}
	rates := map[string]savedRate{}
	savedRates := map[string]bool{}
	err = scanAll(q, `SELECT id, service_id, zone, provinces, first_g, first_fee, extra_g, extra_fee, deleted
		FROM service_rates`, nil, func(r *sql.Rows) error {
		var v savedRate
		var deleted bool
		if err := r.Scan(&v.ID, &v.service, &v.Zone, &v.Provinces, &v.FirstG, &v.FirstFee, &v.ExtraG, &v.ExtraFee,
			&deleted); err != nil {
			return err
		}
		savedRates[v.ID] = true
		if !deleted {
			rates[v.ID] = v
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	builtIn := map[string]bool{}
	for _, bc := range BuiltInCarriers() {
		builtIn[bc.ID] = true
		if !savedCarrier[bc.ID] {
			c := bc
			c.Services = nil
			carriers[c.ID] = &c
		}
		for _, bs := range bc.Services {
			if !savedService[bs.ID] {
				v := bs
				v.Rates = nil
				services[v.ID] = &v
			}
			for _, br := range bs.Rates {
				if !savedRates[br.ID] {
					rates[br.ID] = savedRate{Rate: br, service: bs.ID}
				}
			}
		}
	}
	for _, r := range rates {
		if v := services[r.service]; v != nil {
			v.Rates = append(v.Rates, r.Rate)
		}
	}
	out := &catalog{}
	for _, c := range carriers {
		c.BuiltIn = builtIn[c.ID]
		c.Services = []CarrierService{}
		for _, v := range services {
			if v.CarrierID == c.ID {
				sortRates(v.Rates)
				if v.Rates == nil {
					v.Rates = []Rate{}
				}
				c.Services = append(c.Services, *v)
			}
		}
		sort.Slice(c.Services, func(i, j int) bool {
			a, b := c.Services[i], c.Services[j]
			if a.Name != b.Name {
				return a.Name < b.Name
			}
			return a.ID < b.ID
		})
		out.carriers = append(out.carriers, *c)
	}
	sort.Slice(out.carriers, func(i, j int) bool {
		a, b := out.carriers[i], out.carriers[j]
		if a.BuiltIn != b.BuiltIn {
			return a.BuiltIn
		}
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		return a.ID < b.ID
	})
	return out, nil
}

// sortRates puts named destinations first and the catch-all (” provinces) last.
func sortRates(rs []Rate) {
	sort.SliceStable(rs, func(i, j int) bool {
		a, b := rs[i], rs[j]
		if (a.Provinces == "") != (b.Provinces == "") {
			return b.Provinces == ""
		}
		if a.FirstFee != b.FirstFee {
			return a.FirstFee < b.FirstFee
		}
		return a.ID < b.ID
	})
}

// Carriers lists the carriers with their services and rates.
func (s *Service) Carriers(ctx context.Context) ([]Carrier, error) {
	c, err := loadCatalog(s.db.R())
	if err != nil {
		return nil, err
	}
	if c.carriers == nil {
		return []Carrier{}, nil
	}
	return c.carriers, nil
}

// SaveCarrier creates (ID "") or updates a carrier's own fields; its services are saved
// with SaveService.
func (s *Service) SaveCarrier(ctx context.Context, in Carrier) (Carrier, error) {
	in.Name, in.NameEn = strings.TrimSpace(in.Name), strings.TrimSpace(in.NameEn)
	in.TrackingURL = strings.TrimSpace(in.TrackingURL)
	p := &domain.Problems{}
	if in.Name == "" {
		p.Add(domain.Invalid("name", "shipping.carrier.name", "the carrier needs a name", nil))
	}
	if !slices.Contains(CarrierKinds, in.Kind) {
		p.Add(domain.Invalid("kind", "shipping.carrier.kind", "unknown carrier kind "+in.Kind, map[string]any{"kind": in.Kind}))
	}
	if err := p.Err(); err != nil {
		return in, err
	}
	if in.ID == "" {
		in.ID = domain.NewID()
	}
	err := s.db.Write(ctx, func(tx *store.Tx) error {
		return tx.SetChanged("carriers", in.ID, store.Fields{"name": in.Name, "name_en": in.NameEn, "kind": in.Kind,
			"tracking_url": in.TrackingURL, "phone": strings.TrimSpace(in.Phone), "note": in.Note})
	})
	if err != nil {
		return in, err
	}
	c, err := loadCatalog(s.db.R())
	if err != nil {
		return in, err
	}
	return *c.carrier(in.ID), nil
}

// DeleteCarrier removes a carrier and its services from the choices (parcels sent with it
// keep their history).
func (s *Service) DeleteCarrier(ctx context.Context, id string) error {
	c, err := loadCatalog(s.db.R())
	if err != nil {
		return err
	}
	cr := c.carrier(id)
	if cr == nil {
		return domain.NotFound("carrier", id)
	}
	return s.db.Write(ctx, func(tx *store.Tx) error {
		for _, v := range cr.Services {
			if err := tx.Set("carrier_services", v.ID, store.Fields{"deleted": int64(1)}); err != nil {
				return err
			}
		}
		return tx.Set("carriers", id, store.Fields{"deleted": int64(1)})
	})
}

// SaveService creates (ID "") or updates a service and its whole rate table: rates missing
// from the input are removed.
func (s *Service) SaveService(ctx context.Context, in CarrierService) (CarrierService, error) {
	c, err := loadCatalog(s.db.R())
	if err != nil {
		return in, err
	}
	if err := validateService(c, &in); err != nil {
		return in, err
	}
	if in.ID == "" {
		in.ID = domain.NewID()
	}
	var old []Rate
	if _, v := c.service(in.ID); v != nil {
		old = v.Rates
	}
	err = s.db.Write(ctx, func(tx *store.Tx) error {
		if err := tx.SetChanged("carrier_services", in.ID, store.Fields{"carrier_id": in.CarrierID, "name": in.Name,
			"name_en": in.NameEn, "tier": in.Tier, "origin": in.Origin, "currency": in.Currency, "volumetric_divisor": in.VolumetricDivisor,
			"max_weight_g": in.MaxWeightG, "transit_min": in.TransitMin, "transit_max": in.TransitMax,
			"insurance": b2i(in.Insurance), "signature": b2i(in.Signature), "note": in.Note, "deleted": int64(0)}); err != nil {
			return err
		}
		keep := map[string]bool{}
		for i := range in.Rates {
			r := &in.Rates[i]
			if r.ID == "" {
				r.ID = domain.NewID()
			}
			keep[r.ID] = true
			if err := tx.SetChanged("service_rates", r.ID, store.Fields{"service_id": in.ID, "zone": r.Zone,
				"provinces": r.Provinces, "first_g": r.FirstG, "first_fee": r.FirstFee, "extra_g": r.ExtraG,
				"extra_fee": r.ExtraFee, "deleted": int64(0)}); err != nil {
				return err
			}
		}
		for _, r := range old {
			if !keep[r.ID] {
				if err := tx.Set("service_rates", r.ID, store.Fields{"service_id": in.ID, "deleted": int64(1)}); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return in, err
	}
	if c, err = loadCatalog(s.db.R()); err != nil {
		return in, err
	}
	_, v := c.service(in.ID)
	return *v, nil
}

func validateService(c *catalog, in *CarrierService) error {
	in.Name, in.NameEn = strings.TrimSpace(in.Name), strings.TrimSpace(in.NameEn)
	in.Currency = strings.ToUpper(strings.TrimSpace(in.Currency))
	in.Origin = strings.ToUpper(strings.TrimSpace(in.Origin))
	p := &domain.Problems{}
	if in.Origin != "" && len(in.Origin) != 2 {
		p.Add(domain.Invalid("origin", "shipping.service.origin", "the origin is a two-letter country code, or empty for anywhere abroad", nil))
	}
	if c.carrier(in.CarrierID) == nil {
		p.Add(domain.Invalid("carrierId", "shipping.service.carrier", "choose the service's carrier", nil))
	}
	if in.Name == "" {
		p.Add(domain.Invalid("name", "shipping.service.name", "the service needs a name", nil))
	}
	if !slices.Contains(Tiers, in.Tier) {
		p.Add(domain.Invalid("tier", "shipping.service.tier", "unknown tier "+in.Tier, map[string]any{"tier": in.Tier}))
	}
	if !domain.ValidCurrency(in.Currency) {
		p.Add(domain.Invalid("currency", "order.currency.unknown", "unknown currency "+in.Currency, map[string]any{"currency": in.Currency}))
	}
	if in.VolumetricDivisor < 0 || in.MaxWeightG < 0 || in.TransitMin < 0 || in.TransitMax < in.TransitMin {
		p.Add(domain.Invalid("transitMax", "shipping.service.numbers",
			"divisor, weight limit and transit days may not be negative, and the longest transit not shorter than the shortest", nil))
	}
	catchAll := 0
	for i := range in.Rates {
		r := &in.Rates[i]
		r.Zone, r.Provinces = strings.TrimSpace(r.Zone), normalizeList(r.Provinces)
		field := func(name string) string { return "rates[" + itoa(i) + "]." + name }
		if r.Provinces == "" {
			catchAll++
		}
		if r.FirstG <= 0 || r.FirstFee < 0 || r.ExtraFee < 0 || r.ExtraG < 0 || (r.ExtraFee > 0 && r.ExtraG == 0) {
			p.Add(domain.Invalid(field("firstG"), "shipping.rate.numbers",
				"rate row "+itoa(i+1)+": the first weight must be above 0 g, fees and steps not negative, and an additional fee needs its step",
				map[string]any{"row": i + 1}))
		}
	}
	if catchAll > 1 {
		p.Add(domain.Invalid("rates", "shipping.rate.catchAll", "only one rate row may leave its destinations empty (everywhere else)", nil))
	}
	return p.Err()
}

// normalizeList trims a comma-separated list (Chinese commas too) and drops empty entries.
func normalizeList(s string) string {
	var out []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '，' || r == '、' || r == ';' }) {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return strings.Join(out, ",")
}

// DeleteService removes a service from the choices.
func (s *Service) DeleteService(ctx context.Context, id string) error {
	c, err := loadCatalog(s.db.R())
	if err != nil {
		return err
	}
	if _, v := c.service(id); v == nil {
		return domain.NotFound("service", id)
	}
	return s.db.Write(ctx, func(tx *store.Tx) error {
		return tx.Set("carrier_services", id, store.Fields{"deleted": int64(1)})
	})
}
