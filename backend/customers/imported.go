package customers

import (
	"encoding/json"
	"slices"
	"time"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/store"
)

// NewCustomer is one customer for CreateCustomersTx.
type NewCustomer struct {
	ID    string
	Input CustomerInput
}

// CreateCustomersTx creates customers inside the caller's transaction, each validated like
// the form, in one bulk write. The order importer calls it with ids derived from the
// channel's buyer handle or phone, so the same export imported on two laptops makes one
// customer each.
func (s *Service) CreateCustomersTx(tx *store.Tx, list []NewCustomer) error {
	now := s.now().UTC().Format(time.RFC3339)
	rows := make([]store.Row, 0, len(list))
	for _, c := range list {
		in := c.Input
		in.Normalize()
		if err := in.Validate(s.now()).Err(); err != nil {
			return err
		}
		fields := in.fields()
		fields["created_at"] = now
		fields["deleted"] = false
		rows = append(rows, store.Row{ID: c.ID, Fields: fields})
	}
	return tx.SetMany("customers", rows)
}

// EnsureAddressesTx adds each address to its customer inside the caller's transaction unless
// the customer already has the same one (recipient, phone, province, city, district and
// street); a customer's first address becomes the default. A new address's id is derived
// from the customer and the address, so importing it twice (or on two laptops) makes one row.
// The customers' addresses are read in one query and the new ones written in one bulk write.
// It returns how many it added.
func (s *Service) EnsureAddressesTx(tx *store.Tx, list []Address) (int, error) {
	same := func(a, b Address) bool {
		return a.Recipient == b.Recipient && a.Phone == b.Phone && a.Province == b.Province && a.City == b.City &&
			a.District == b.District && a.Street == b.Street
	}
	have := map[string][]Address{}
	var ids []string
	for i := range list {
		list[i].normalize()
		list[i].ID = ""
		if err := list[i].validate().Err(); err != nil {
			return 0, err
		}
		if _, ok := have[list[i].CustomerID]; !ok {
			have[list[i].CustomerID] = nil
			ids = append(ids, list[i].CustomerID)
		}
	}
	if err := addressesOfMany(tx, ids, have); err != nil {
		return 0, err
	}
	var rows []store.Row
	for _, a := range list {
		if slices.ContainsFunc(have[a.CustomerID], func(h Address) bool { return same(h, a) }) {
			continue
		}
		a.IsDefault = len(have[a.CustomerID]) == 0
		have[a.CustomerID] = append(have[a.CustomerID], a)
		fields := a.fields()
		fields["deleted"] = false
		rows = append(rows, store.Row{ID: addressID(a), Fields: fields})
	}
	return len(rows), tx.SetMany("customer_addresses", rows)
}

// addressID is the id of an address kept from an import.
func addressID(a Address) string {
	return domain.DerivedID("customer_address", a.CustomerID, a.Recipient, a.Phone, a.Province, a.City, a.District, a.Street)
}

// addressesOfMany adds to have the live addresses of customers ids.
func addressesOfMany(tx *store.Tx, ids []string, have map[string][]Address) error {
	list, err := json.Marshal(ids)
	if err != nil {
		return err
	}
	rows, err := tx.Query(`SELECT `+addressCols+` FROM customer_addresses
		WHERE customer_id IN (SELECT value FROM json_each(?)) AND deleted = 0 ORDER BY id`, string(list))
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		a, err := scanAddress(rows)
		if err != nil {
			return err
		}
		have[a.CustomerID] = append(have[a.CustomerID], a)
	}
	return rows.Err()
}

// ValidAddress reports whether a would be accepted as a customer address.
func ValidAddress(a Address) bool {
	a.normalize()
	return a.validate().Err() == nil
}
