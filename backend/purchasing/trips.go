package purchasing

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/store"
)

// TripInput is what a person types into the trip form.
type TripInput struct {
	Name       string `json:"name"`
	Country    string `json:"country"` // ISO 3166 alpha-2
	City       string `json:"city"`
	StartsOn   string `json:"startsOn"` // YYYY-MM-DD
	EndsOn     string `json:"endsOn"`
	Buyer      string `json:"buyer"`
	Currency   string `json:"currency"`
	CardRate   string `json:"cardRate"` // 1 unit of Currency in the base currency, paid by card
	CashRate   string `json:"cashRate"` // … paid in cash
	LocationID string `json:"locationId"`
	Note       string `json:"note"`
}

// Trip is a stored buying trip with its figures so far.
type Trip struct {
	ID string `json:"id"`
	TripInput
	Closed       bool   `json:"closed"`
	LocationName string `json:"locationName"`
	CreatedAt    string `json:"createdAt"`
	Bought       int64  `json:"bought"`   // units bought, net of undo
	NotFound     int    `json:"notFound"` // products marked not found
	Spent        int64  `json:"spent"`    // goods bought in the trip's currency, after discounts (minor units)
}

func (in *TripInput) normalize() {
	in.Name = strings.TrimSpace(in.Name)
	in.Country = strings.ToUpper(strings.TrimSpace(in.Country))
	in.Currency = strings.ToUpper(strings.TrimSpace(in.Currency))
	in.City, in.Buyer = strings.TrimSpace(in.City), strings.TrimSpace(in.Buyer)
	in.CardRate, in.CashRate = strings.TrimSpace(in.CardRate), strings.TrimSpace(in.CashRate)
}

func (in *TripInput) validate() error {
	p := &domain.Problems{}
	checkText(p, "name", in.Name, 100, true)
	if in.Country != "" && !countryCode.MatchString(in.Country) {
		p.Add(domain.Invalid("country", "supplier.country.format", "the country is a two-letter code such as JP",
			map[string]any{"country": in.Country}))
	}
	checkText(p, "city", in.City, 100, false)
	checkText(p, "buyer", in.Buyer, 100, false)
	checkDate(p, "startsOn", in.StartsOn, false)
	checkDate(p, "endsOn", in.EndsOn, true)
	if in.EndsOn != "" && in.StartsOn != "" && in.EndsOn < in.StartsOn {
		p.Add(domain.Invalid("endsOn", "trip.dates.order", "the trip cannot end before it starts", nil))
	}
	checkCurrency(p, "currency", in.Currency)
	checkRate(p, "cardRate", in.CardRate, true)
	checkRate(p, "cashRate", in.CashRate, true)
	checkText(p, "note", in.Note, 4000, false)
	return p.Err()
}

func (in TripInput) fields() store.Fields {
	return store.Fields{"name": in.Name, "country": in.Country, "city": in.City, "starts_on": in.StartsOn,
		"ends_on": in.EndsOn, "buyer": in.Buyer, "currency": in.Currency, "card_rate": in.CardRate,
		"cash_rate": in.CashRate, "location_id": in.LocationID, "note": in.Note}
}

// CreateTrip plans a buying trip.
func (s *Service) CreateTrip(ctx context.Context, in TripInput) (Trip, error) {
	return s.saveTrip(ctx, "", in)
}

// UpdateTrip saves the trip form.
func (s *Service) UpdateTrip(ctx context.Context, id string, in TripInput) (Trip, error) {
	return s.saveTrip(ctx, id, in)
}

func (s *Service) saveTrip(ctx context.Context, id string, in TripInput) (Trip, error) {
	in.normalize()
	if err := in.validate(); err != nil {
		return Trip{}, err
	}
	err := s.db.Write(ctx, func(tx *store.Tx) error {
		if in.LocationID != "" {
			if err := tx.Live("locations", "location", in.LocationID); err != nil {
				return withField(err, "locationId")
			}
		}
		f := in.fields()
		if id == "" {
			id = domain.NewID()
			f["created_at"], f["closed"], f["deleted"] = s.now().UTC().Format(time.RFC3339), false, false
		} else if err := tx.Live("trips", "trip", id); err != nil {
			return err
		}
		return tx.Set("trips", id, f)
	})
	if err != nil {
		return Trip{}, err
	}
	return s.GetTrip(ctx, id)
}

// CloseTrip closes a trip (no more ticking) or opens it again.
func (s *Service) CloseTrip(ctx context.Context, id string, closed bool) (Trip, error) {
	err := s.db.Write(ctx, func(tx *store.Tx) error {
		if err := tx.Live("trips", "trip", id); err != nil {
			return err
		}
		return tx.Set("trips", id, store.Fields{"closed": closed})
	})
	if err != nil {
		return Trip{}, err
	}
	return s.GetTrip(ctx, id)
}

// DeleteTrip removes a trip nothing was bought on yet.
func (s *Service) DeleteTrip(ctx context.Context, id string) error {
	return s.db.Write(ctx, func(tx *store.Tx) error {
		if err := tx.Live("trips", "trip", id); err != nil {
			return err
		}
		var n int
		if err := tx.QueryRow(`SELECT count(*) FROM trip_buys b WHERE b.trip_id = ? AND b.kind = 'bought'
			AND NOT EXISTS (SELECT 1 FROM trip_buys u WHERE u.undoes = b.id)`, id).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return &domain.Error{Code: domain.EConflict, Key: "trip.delete.bought",
				Message: "goods were bought on this trip: close it instead of deleting it"}
		}
		return tx.Set("trips", id, store.Fields{"deleted": true})
	})
}

const tripCols = `t.id, t.name, t.country, t.city, t.starts_on, t.ends_on, t.buyer, t.currency, t.card_rate, t.cash_rate,
	t.location_id, coalesce(lo.name, ''), t.note, t.closed, t.created_at,
	coalesce((SELECT sum(b.qty) FROM trip_buys b WHERE b.trip_id = t.id AND b.kind IN ('bought', 'undo')), 0),
	(SELECT count(DISTINCT b.product_id) FROM trip_buys b WHERE b.trip_id = t.id AND b.kind = 'not_found'
		AND NOT EXISTS (SELECT 1 FROM trip_buys u WHERE u.undoes = b.id)),
	coalesce((SELECT sum(b.qty * b.unit_price - b.discount) FROM trip_buys b WHERE b.trip_id = t.id
		AND b.kind IN ('bought', 'undo') AND b.currency = t.currency), 0)`

func scanTrip(sc interface{ Scan(...any) error }) (Trip, error) {
	var t Trip
	err := sc.Scan(&t.ID, &t.Name, &t.Country, &t.City, &t.StartsOn, &t.EndsOn, &t.Buyer, &t.Currency, &t.CardRate,
		&t.CashRate, &t.LocationID, &t.LocationName, &t.Note, &t.Closed, &t.CreatedAt, &t.Bought, &t.NotFound, &t.Spent)
	return t, err
}

// GetTrip returns one trip.
func (s *Service) GetTrip(ctx context.Context, id string) (Trip, error) {
	return getTrip(s.db.R(), id)
}

func getTrip(q querier, id string) (Trip, error) {
	t, err := scanTrip(q.QueryRow(`SELECT `+tripCols+` FROM trips t LEFT JOIN locations lo ON lo.id = t.location_id
		WHERE t.id = ? AND t.deleted = 0`, id))
	if err == sql.ErrNoRows {
		return t, domain.NotFound("trip", id)
	}
	return t, err
}

// FindTrips lists trips, open ones first, then the newest.
func (s *Service) FindTrips(ctx context.Context) ([]Trip, error) {
	rows, err := s.db.R().QueryContext(ctx, `SELECT `+tripCols+` FROM trips t LEFT JOIN locations lo ON lo.id = t.location_id
		WHERE t.deleted = 0 ORDER BY t.closed, t.starts_on DESC, t.id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Trip{}
	for rows.Next() {
		t, err := scanTrip(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// TripItemInput is a person's own line on a trip's list: buy Qty for stock (instead of the
// reorder suggestion), or Skip the suggestion; SupplierID files it under a store.
type TripItemInput struct {
	TripID     string `json:"tripId"`
	ProductID  string `json:"productId"`
	Qty        int64  `json:"qty"`
	Skip       bool   `json:"skip"`
	SupplierID string `json:"supplierId"`
	Note       string `json:"note"`
}

func tripItemID(trip, product string) string { return domain.DerivedID("trip_item", trip, product) }

// SetTripItem adds a product to a trip's list by hand or changes its quantity for stock.
func (s *Service) SetTripItem(ctx context.Context, in TripItemInput) error {
	p := &domain.Problems{}
	if in.Qty < 0 {
		p.Add(domain.Invalid("qty", "purchase.qty.negative", "the quantity may not be negative", nil))
	}
	checkText(p, "note", in.Note, 500, false)
	if err := p.Err(); err != nil {
		return err
	}
	return s.db.Write(ctx, func(tx *store.Tx) error {
		if err := tx.Live("trips", "trip", in.TripID); err != nil {
			return err
		}
		if err := tx.Live("products", "product", in.ProductID); err != nil {
			return err
		}
		if in.SupplierID != "" {
			if err := tx.Live("suppliers", "supplier", in.SupplierID); err != nil {
				return err
			}
		}
		return tx.Set("trip_items", tripItemID(in.TripID, in.ProductID), store.Fields{"trip_id": in.TripID,
			"product_id": in.ProductID, "qty": in.Qty, "skip": in.Skip, "supplier_id": in.SupplierID, "note": in.Note,
			"deleted": false})
	})
}

// RemoveTripItem takes a person's own line off a trip's list (the computed need stays).
func (s *Service) RemoveTripItem(ctx context.Context, tripID, productID string) error {
	return s.db.Write(ctx, func(tx *store.Tx) error {
		return tx.Set("trip_items", tripItemID(tripID, productID), store.Fields{"deleted": true})
	})
}
