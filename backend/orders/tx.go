package orders

import (
	"time"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/store"
)

// TransitionTx is Transition inside the caller's transaction (the order importer moves an
// imported order to its channel's status in the same transaction that creates it). The
// event's id is eventID when given (an importer derives it from the order, so two laptops
// importing the same file add one event, not two), else a new id.
func (s *Service) TransitionTx(tx *store.Tx, eventID string, in TransitionInput) error {
	at := in.At
	if at == "" {
		at = s.now().UTC().Format(time.RFC3339)
	} else if _, err := time.Parse(time.RFC3339, at); err != nil {
		return domain.Invalid("at", "order.time.format", "the time must be RFC 3339, e.g. 2026-03-01T10:00:00Z", nil)
	}
	from, err := currentStatus(tx, in.OrderID)
	if err != nil {
		return err
	}
	if err := CheckTransition(from, in.To); err != nil {
		return err
	}
	if effect := effects[in.To]; effect != nil {
		lines, err := loadLines(tx, in.OrderID)
		if err != nil {
			return err
		}
		if err := effect(s, tx, in.OrderID, lines, at); err != nil {
			return err
		}
	}
	if eventID == "" {
		eventID = domain.NewID()
	}
	return tx.Add("order_events", eventID, store.Fields{"order_id": in.OrderID, "kind": in.To,
		"note": in.Note, "at": at, "device": tx.Device()})
}

// AddPaymentTx is AddPayment inside the caller's transaction, recorded as paymentID when
// given (an importer derives it, so the same file imported twice pays once), else a new id.
func (s *Service) AddPaymentTx(tx *store.Tx, paymentID string, in PaymentInput) (string, error) {
	return s.addPaymentTx(tx, paymentID, in)
}
