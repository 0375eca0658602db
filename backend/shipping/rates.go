package shipping

import (
	"context"
	"database/sql"
	"encoding/json"
	"sort"
	"strings"
	"time"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/money"
	"daigoudesk/backend/store"
)

// Rules choose the suggested carrier; the team edits them (settings row shipping_rules).
type Rules struct {
	// HomeCountry is where the team's own stock is (parcels from there use domestic services).
	HomeCountry string `json:"homeCountry"`
	// ValuableFrom: a parcel declared at this value or more (base minor units) must be insured
	// and signed for (0 = off).
	ValuableFrom int64 `json:"valuableFrom"`
	// LightUpToG: a parcel up to this weight that is not valuable goes economy (0 = off).
	LightUpToG int64 `json:"lightUpToG"`
	// Destinations send parcels for these provinces with this service when it can carry them.
	Destinations []DestinationRule `json:"destinations"`
	// Sender is printed on labels and packing slips.
	Sender Sender `json:"sender"`
	// SlipNote is printed at the end of packing slips (a thank-you, the return address …).
	SlipNote string `json:"slipNote"`
}

// Sender is who parcels come from.
type Sender struct {
	Name    string `json:"name"`
	Phone   string `json:"phone"`
	Address string `json:"address"`
}

// DestinationRule prefers a service for some destinations.
type DestinationRule struct {
	Provinces string `json:"provinces"` // comma-separated
	ServiceID string `json:"serviceId"`
}

// DefaultRules apply until the team saves its own: home is China, from ¥2,000 (in the base
// currency) insured and signed for, up to 500 g economy.
func DefaultRules() Rules {
	return Rules{HomeCountry: "CN", ValuableFrom: 200000, LightUpToG: 500, Destinations: []DestinationRule{}}
}

func loadRules(q querier) (Rules, error) {
	r := DefaultRules()
	var v string
	err := q.QueryRow(`SELECT value FROM settings WHERE id = 'shipping_rules' AND deleted = 0`).Scan(&v)
	if err == sql.ErrNoRows || v == "" {
		return r, nil
	} else if err != nil {
		return r, err
	}
	if json.Unmarshal([]byte(v), &r) != nil {
		return DefaultRules(), nil // written by a newer version we cannot read
	}
	if r.Destinations == nil {
		r.Destinations = []DestinationRule{}
	}
	return r, nil
}

// Rules returns the team's carrier rules.
func (s *Service) Rules(ctx context.Context) (Rules, error) { return loadRules(s.db.R()) }

// SaveRules validates and stores the team's carrier rules.
func (s *Service) SaveRules(ctx context.Context, r Rules) (Rules, error) {
	r.HomeCountry = strings.ToUpper(strings.TrimSpace(r.HomeCountry))
	p := &domain.Problems{}
	if len(r.HomeCountry) != 2 {
		p.Add(domain.Invalid("homeCountry", "shipping.rules.home", "the home country is a two-letter code such as CN", nil))
	}
	if r.ValuableFrom < 0 || r.LightUpToG < 0 {
		p.Add(domain.Invalid("valuableFrom", "shipping.rules.negative", "the value and weight limits may not be negative", nil))
	}
	c, err := loadCatalog(s.db.R())
	if err != nil {
		return r, err
	}
	if r.Destinations == nil {
		r.Destinations = []DestinationRule{}
	}
	for i := range r.Destinations {
		d := &r.Destinations[i]
		d.Provinces = normalizeList(d.Provinces)
		if _, v := c.service(d.ServiceID); v == nil || d.Provinces == "" {
			p.Add(domain.Invalid("destinations["+itoa(i)+"]", "shipping.rules.destination",
				"destination rule "+itoa(i+1)+" needs provinces and a service", map[string]any{"row": i + 1}))
		}
	}
	if err := p.Err(); err != nil {
		return r, err
	}
	body, _ := json.Marshal(r)
	return r, s.db.Write(ctx, func(tx *store.Tx) error {
		return tx.Set("settings", "shipping_rules", store.Fields{"value": string(body)})
	})
}

// provinceKey drops the administrative suffix, so 广东省, 广东 and 广东 Guangdong compare equal.
func provinceKey(p string) string {
	p = strings.TrimSpace(p)
	for _, suffix := range []string{"壮族自治区", "回族自治区", "维吾尔自治区", "特别行政区", "自治区", "省", "市"} {
		if strings.HasSuffix(p, suffix) && len(p) > len(suffix) {
			return strings.TrimSuffix(p, suffix)
		}
	}
	return p
}

// inList reports whether the province is one of a comma-separated list.
func inList(list, province string) bool {
	key := provinceKey(province)
	if key == "" {
		return false
	}
	for _, p := range strings.Split(list, ",") {
		if p = provinceKey(p); p != "" && (p == key || strings.HasPrefix(key, p) || strings.HasPrefix(p, key)) {
			return true
		}
	}
	return false
}

// rateFor is the service's rate row for a destination: the first row naming it, else the
// catch-all row; nil when the service does not go there.
func rateFor(v *CarrierService, province string) *Rate {
	var all *Rate
	for i := range v.Rates {
		r := &v.Rates[i]
		if r.Provinces == "" {
			all = r
		} else if inList(r.Provinces, province) {
			return r
		}
	}
	return all
}

// ChargeableG is what a carrier bills: the weight or, when the service has a volumetric
// divisor, the volume weight (L×W×H cm³ / divisor kg) when that is more, in grams.
func ChargeableG(weightG, lengthMM, widthMM, heightMM, divisor int64) int64 {
	if divisor <= 0 || lengthMM <= 0 || widthMM <= 0 || heightMM <= 0 {
		return weightG
	}
	// mm³ / 1000 = cm³; cm³ / divisor = kg; × 1000 = g  →  mm³ / divisor, rounded up
	vol := (lengthMM*widthMM*heightMM + divisor - 1) / divisor
	return max(weightG, vol)
}

// Fee is a rate row's price for grams: the first weight, then each further step or part.
func Fee(r Rate, grams int64) int64 {
	fee := r.FirstFee
	if grams > r.FirstG && r.ExtraG > 0 {
		steps := (grams - r.FirstG + r.ExtraG - 1) / r.ExtraG
		fee += steps * r.ExtraFee
	}
	return fee
}

// QuoteInput describes a parcel to price.
type QuoteInput struct {
	Origin        string `json:"origin"`   // country it leaves from; '' = the rules' home country
	Province      string `json:"province"` // destination
	WeightG       int64  `json:"weightG"`
	LengthMM      int64  `json:"lengthMM"`
	WidthMM       int64  `json:"widthMM"`
	HeightMM      int64  `json:"heightMM"`
	DeclaredValue int64  `json:"declaredValue"` // minor units of DeclaredCurrency
	Currency      string `json:"currency"`      // of the declared value; '' = base
}

// Option is one service that can carry the parcel, priced.
type Option struct {
	CarrierID   string `json:"carrierId"`
	Carrier     string `json:"carrier"`
	CarrierEn   string `json:"carrierEn"`
	ServiceID   string `json:"serviceId"`
	Service     string `json:"service"`
	ServiceEn   string `json:"serviceEn"`
	Tier        string `json:"tier"`
	Zone        string `json:"zone"`
	ChargeableG int64  `json:"chargeableG"`
	Fee         int64  `json:"fee"` // minor units of Currency
	Currency    string `json:"currency"`
	Rate        string `json:"rate"`    // 1 Currency in base
	FeeBase     int64  `json:"feeBase"` // -1 when no rate is known for Currency
	TransitMin  int64  `json:"transitMin"`
	TransitMax  int64  `json:"transitMax"`
	Insurance   bool   `json:"insurance"`
	Signature   bool   `json:"signature"`
	MeetsRules  bool   `json:"meetsRules"` // insured and signed for when the parcel is valuable
	Suggested   bool   `json:"suggested"`
	Reason      string `json:"reason"` // why suggested: destination | valuable | light | cheapest
}

// Quote is the options for a parcel, the suggested one first.
type Quote struct {
	Valuable     bool     `json:"valuable"`
	Light        bool     `json:"light"`
	BaseCurrency string   `json:"baseCurrency"`
	Options      []Option `json:"options"`
}

// Quote prices every service that can carry the parcel and marks the one the rules suggest.
func (s *Service) Quote(ctx context.Context, in QuoteInput) (Quote, error) {
	return quote(s.db.R(), in, s.now())
}

func quote(q querier, in QuoteInput, now time.Time) (Quote, error) {
	if in.WeightG < 0 || in.LengthMM < 0 || in.WidthMM < 0 || in.HeightMM < 0 || in.DeclaredValue < 0 {
		return Quote{}, domain.Invalid("weightG", "shipping.parcel.negative", "weight, size and value may not be negative", nil)
	}
	rules, err := loadRules(q)
	if err != nil {
		return Quote{}, err
	}
	c, err := loadCatalog(q)
	if err != nil {
		return Quote{}, err
	}
	base, err := money.BaseCurrency(q)
	if err != nil {
		return Quote{}, err
	}
	date := now.UTC().Format("2006-01-02")
	origin := strings.ToUpper(strings.TrimSpace(in.Origin))
	if origin == "" {
		origin = rules.HomeCountry
	}
	declaredBase := in.DeclaredValue
	if cur := strings.ToUpper(in.Currency); cur != "" && cur != base && in.DeclaredValue > 0 {
		declaredBase = toBase(q, in.DeclaredValue, cur, base, date)
	}
	out := Quote{BaseCurrency: base, Options: []Option{}}
	out.Valuable = rules.ValuableFrom > 0 && declaredBase >= rules.ValuableFrom
	out.Light = !out.Valuable && rules.LightUpToG > 0 && in.WeightG > 0 && in.WeightG <= rules.LightUpToG
	for _, cr := range c.carriers {
		for i := range cr.Services {
			v := &cr.Services[i]
			if !servesOrigin(v.Origin, origin, rules.HomeCountry) {
				continue
			}
			r := rateFor(v, in.Province)
			if r == nil {
				continue
			}
			g := ChargeableG(in.WeightG, in.LengthMM, in.WidthMM, in.HeightMM, v.VolumetricDivisor)
			if v.MaxWeightG > 0 && g > v.MaxWeightG {
				continue
			}
			o := Option{CarrierID: cr.ID, Carrier: cr.Name, CarrierEn: cr.NameEn, ServiceID: v.ID, Service: v.Name,
				ServiceEn: v.NameEn, Tier: v.Tier, Zone: r.Zone, ChargeableG: g, Fee: Fee(*r, g), Currency: v.Currency,
				TransitMin: v.TransitMin, TransitMax: v.TransitMax, Insurance: v.Insurance, Signature: v.Signature}
			o.MeetsRules = !out.Valuable || (v.Insurance && v.Signature)
			o.FeeBase, o.Rate = o.Fee, "1"
			if v.Currency != base {
				o.Rate, _ = money.RateOn(q, v.Currency, date)
				o.FeeBase = toBase(q, o.Fee, v.Currency, base, date)
			}
			out.Options = append(out.Options, o)
		}
	}
	suggest(&out, rules, in.Province)
	return out, nil
}

// servesOrigin: a domestic service (origin = home) carries parcels from home only; an
// international one (” origin) from anywhere but home; a named country from that country.
func servesOrigin(service, parcel, home string) bool {
	if service == "" {
		return parcel != home
	}
	return service == parcel
}

// toBase converts at the kept rate of the day; -1 when no rate is known.
func toBase(q querier, amount int64, cur, base, date string) int64 {
	rate, err := money.RateOn(q, cur, date)
	if err != nil {
		return -1
	}
	rt, ok := domain.ParseRate(rate)
	if !ok {
		return -1
	}
	return domain.Convert(amount, cur, rt, base)
}

// suggest orders the options and marks the rules' choice: a destination rule's service when
// it can carry the parcel and meets the value rule; else for a light parcel the cheapest
// economy service; else the cheapest that meets the value rule (ties: the faster). Options
// without a known rate in the base currency sort last and are not suggested.
func suggest(q *Quote, rules Rules, province string) {
	opts := q.Options
	cheaper := func(a, b Option) bool {
		if (a.FeeBase < 0) != (b.FeeBase < 0) {
			return a.FeeBase >= 0
		}
		if a.FeeBase != b.FeeBase {
			return a.FeeBase < b.FeeBase
		}
		if a.TransitMax != b.TransitMax {
			return a.TransitMax < b.TransitMax
		}
		return a.ServiceID < b.ServiceID
	}
	sort.SliceStable(opts, func(i, j int) bool { return cheaper(opts[i], opts[j]) })
	pick, reason := -1, ""
	for _, d := range rules.Destinations {
		if !inList(d.Provinces, province) {
			continue
		}
		for i, o := range opts {
			if o.ServiceID == d.ServiceID && o.MeetsRules && o.FeeBase >= 0 {
				pick, reason = i, "destination"
			}
		}
		if pick >= 0 {
			break
		}
	}
	if pick < 0 && q.Light {
		for i, o := range opts {
			if o.Tier == "economy" && o.FeeBase >= 0 {
				pick, reason = i, "light"
				break
			}
		}
	}
	if pick < 0 {
		for i, o := range opts {
			if o.MeetsRules && o.FeeBase >= 0 {
				pick, reason = i, "cheapest"
				if q.Valuable {
					reason = "valuable"
				}
				break
			}
		}
	}
	if pick >= 0 {
		opts[pick].Suggested, opts[pick].Reason = true, reason
		chosen := opts[pick]
		copy(opts[1:pick+1], opts[:pick])
		opts[0] = chosen
	}
}
