package customers

import (
	"time"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/store"
)

// CreateCustomerTx creates customer id inside the caller's transaction, validated like the
// form. The order importer calls it with an id derived from the channel's buyer handle or
// phone, so the same export imported on two laptops makes one customer.
func (s *Service) CreateCustomerTx(tx *store.Tx, id string, in CustomerInput) error {
	in.Normalize()
	if err := in.Validate(s.now()).Err(); err != nil {
		return err
	}
	fields := in.fields()
	fields["created_at"] = s.now().UTC().Format(time.RFC3339)
	fields["deleted"] = false
	return tx.Set("customers", id, fields)
}

// EnsureAddressTx adds address a to its customer inside the caller's transaction unless the
// customer already has the same address (recipient, phone, province, city, district and
// street); the customer's first address becomes the default. The new address's id is derived
// from the customer and the address, so importing it twice (or on two laptops) makes one row.
// It reports whether it added the address.
func (s *Service) EnsureAddressTx(tx *store.Tx, a Address) (bool, error) {
	a.normalize()
	a.ID = ""
	if err := a.validate().Err(); err != nil {
		return false, err
	}
	have, err := addressesOf(tx, a.CustomerID)
	if err != nil {
		return false, err
	}
	for _, h := range have {
		if h.Recipient == a.Recipient && h.Phone == a.Phone && h.Province == a.Province && h.City == a.City &&
			h.District == a.District && h.Street == a.Street {
			return false, nil
		}
	}
	a.IsDefault = len(have) == 0
	id := domain.DerivedID("customer_address", a.CustomerID, a.Recipient, a.Phone, a.Province, a.City, a.District, a.Street)
	fields := a.fields()
	fields["deleted"] = false
	return true, tx.Set("customer_addresses", id, fields)
}

// ValidAddress reports whether a would be accepted as a customer address.
func ValidAddress(a Address) bool {
	a.normalize()
	return a.validate().Err() == nil
}
