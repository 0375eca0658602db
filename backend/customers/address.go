package customers

import (
	"context"
	"database/sql"
	"regexp"
	"strings"
	"unicode/utf8"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/store"
)

// Address is one shipping address of a customer.
type Address struct {
	ID         string `json:"id"` // "" when creating
	CustomerID string `json:"customerId"`
	Recipient  string `json:"recipient"`
	Phone      string `json:"phone"`
	Province   string `json:"province"`
	City       string `json:"city"`
	District   string `json:"district"`
	Street     string `json:"street"`
	Postcode   string `json:"postcode"`
	IsDefault  bool   `json:"isDefault"`
	Label      string `json:"label"` // "home", "office", … as the user likes
}

var postcodeRE = regexp.MustCompile(`^[0-9A-Za-z][0-9A-Za-z -]{2,9}$`)

func (a *Address) normalize() {
	for _, p := range []*string{&a.Recipient, &a.Province, &a.City, &a.District, &a.Street, &a.Postcode, &a.Label} {
		*p = strings.TrimSpace(*p)
	}
	a.Phone = NormalizePhone(a.Phone)
}

// validate checks every field and returns all problems found.
func (a *Address) validate() *domain.Problems {
	p := &domain.Problems{}
	required := []struct{ field, v, key string }{
		{"recipient", a.Recipient, "customer.address.recipientRequired"},
		{"province", a.Province, "customer.address.provinceRequired"},
		{"street", a.Street, "customer.address.streetRequired"},
	}
	for _, r := range required {
		if r.v == "" {
			p.Add(domain.Invalid(r.field, r.key, r.field+" is required", nil))
		}
	}
	if a.Phone == "" {
		p.Add(domain.Invalid("phone", "customer.address.phoneRequired", "the recipient's phone is required", nil))
	} else if !ValidPhone(a.Phone) {
		p.Add(domain.Invalid("phone", "customer.phone.format",
			"not a phone number: a mainland mobile (11 digits from 13…19) or +country code and number", nil))
	}
	if a.Postcode != "" && !postcodeRE.MatchString(a.Postcode) {
		p.Add(domain.Invalid("postcode", "customer.address.postcodeFormat", "not a postcode", nil))
	}
	for _, f := range []struct {
		field, v string
		max      int
	}{{"recipient", a.Recipient, 50}, {"province", a.Province, 50}, {"city", a.City, 50}, {"district", a.District, 50},
		{"street", a.Street, 200}, {"label", a.Label, 20}} {
		if utf8.RuneCountInString(f.v) > f.max {
			p.Add(tooLong(f.field, f.max))
		}
	}
	return p
}

func (a *Address) fields() store.Fields {
	return store.Fields{
		"customer_id": a.CustomerID, "recipient": a.Recipient, "phone": a.Phone, "province": a.Province,
		"city": a.City, "district": a.District, "street": a.Street, "postcode": a.Postcode, "is_default": a.IsDefault,
		"label": a.Label,
	}
}

// SaveAddress creates (ID "") or updates an address of a live customer. Making it the default
// unsets the customer's other default; a customer's first address is always the default.
func (s *Service) SaveAddress(ctx context.Context, in Address) (Address, error) {
	in.normalize()
	err := s.db.Write(ctx, func(tx *store.Tx) error {
		probs := in.validate()
		if in.ID != "" {
			old, err := findAddress(tx, in.ID)
			if err != nil {
				return err
			}
			in.CustomerID = old.CustomerID // an address does not move between customers here
			if old.IsDefault {
				in.IsDefault = true // the default only moves by making another the default
			}
		}
		if err := liveCustomer(tx, in.CustomerID); err != nil {
			if domain.ErrorCode(err) != domain.ENotFound {
				return err
			}
			probs.Add(domain.Invalid("customerId", "customer.address.customerUnknown", "unknown customer", nil))
		}
		if err := probs.Err(); err != nil {
			return err
		}
		others, err := addressesOf(tx, in.CustomerID)
		if err != nil {
			return err
		}
		hasDefault := false
		for _, o := range others {
			if o.ID != in.ID && o.IsDefault {
				hasDefault = true
			}
		}
		if !hasDefault {
			in.IsDefault = true
		}
		if in.IsDefault {
			for _, o := range others {
				if o.ID != in.ID && o.IsDefault {
					if err := tx.Set("customer_addresses", o.ID, store.Fields{"is_default": false}); err != nil {
						return err
					}
				}
			}
		}
		if in.ID == "" {
			in.ID = domain.NewID()
		}
		return tx.Set("customer_addresses", in.ID, in.fields())
	})
	if err != nil {
		return Address{}, err
	}
	return findAddress(s.db.R(), in.ID)
}

// SetDefaultAddress makes address id its customer's default.
func (s *Service) SetDefaultAddress(ctx context.Context, id string) error {
	return s.db.Write(ctx, func(tx *store.Tx) error {
		a, err := findAddress(tx, id)
		if err != nil {
			return err
		}
		return setDefault(tx, a.CustomerID, id)
	})
}

func setDefault(tx *store.Tx, customerID, id string) error {
	others, err := addressesOf(tx, customerID)
	if err != nil {
		return err
	}
	for _, o := range others {
		if want := o.ID == id; o.IsDefault != want {
			if err := tx.Set("customer_addresses", o.ID, store.Fields{"is_default": want}); err != nil {
				return err
			}
		}
	}
	return nil
}

// DeleteAddress removes an address (a tombstone); when it was the default, the oldest address
// left becomes the default.
func (s *Service) DeleteAddress(ctx context.Context, id string) error {
	return s.db.Write(ctx, func(tx *store.Tx) error {
		a, err := findAddress(tx, id)
		if err != nil {
			return err
		}
		if err := tx.Set("customer_addresses", id, store.Fields{"deleted": true}); err != nil {
			return err
		}
		if !a.IsDefault {
			return nil
		}
		left, err := addressesOf(tx, a.CustomerID)
		if err != nil || len(left) == 0 {
			return err
		}
		return setDefault(tx, a.CustomerID, left[0].ID)
	})
}

const addressCols = `id, customer_id, recipient, phone, province, city, district, street, postcode, is_default, label`

func scanAddress(r scanner) (Address, error) {
	var a Address
	err := r.Scan(&a.ID, &a.CustomerID, &a.Recipient, &a.Phone, &a.Province, &a.City, &a.District, &a.Street,
		&a.Postcode, &a.IsDefault, &a.Label)
	return a, err
}

func findAddress(q querier, id string) (Address, error) {
	a, err := scanAddress(q.QueryRow(`SELECT `+addressCols+` FROM customer_addresses WHERE id = ? AND deleted = 0`, id))
	if err == sql.ErrNoRows {
		return a, domain.NotFound("address", id)
	}
	return a, err
}

type rowsQuerier interface {
	Query(string, ...any) (*sql.Rows, error)
}

// addressesOf lists a customer's live addresses, oldest first, with exactly one default when
// there are any: the oldest flagged row (two laptops may each have set one offline).
func addressesOf(q rowsQuerier, customerID string) ([]Address, error) {
	rows, err := q.Query(`SELECT `+addressCols+` FROM customer_addresses WHERE customer_id = ? AND deleted = 0 ORDER BY id`, customerID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Address{}
	for rows.Next() {
		a, err := scanAddress(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// oneDefault clears all but the first default flag, for display.
func oneDefault(list []Address) {
	seen := false
	for i := range list {
		if list[i].IsDefault {
			list[i].IsDefault = !seen
			seen = true
		}
	}
}

// liveCustomer returns not_found unless id is a customer that is neither deleted nor merged.
func liveCustomer(q querier, id string) error {
	c, err := findCustomer(q, id)
	if err != nil {
		return err
	}
	if c.deleted || c.MergedInto != "" {
		return domain.NotFound("customer", id)
	}
	return nil
}
