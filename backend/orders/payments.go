package orders

import (
	"context"
	"fmt"
	"math/big"
	"slices"
	"strings"
	"time"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/money"
	"daigoudesk/backend/store"
)

// Payment kinds and methods.
var (
	PaymentKinds   = []string{"deposit", "payment", "refund"}
	PaymentMethods = []string{"wechat", "alipay", "bank", "cash", "other"}
)

// PaymentInput is money received (deposit 定金, payment) or paid back (refund). Amount is
// positive minor units of Currency; a refund is stored negative. Rate is 1 Currency in the
// base currency; empty = the kept rate on the payment date.
type PaymentInput struct {
	OrderID  string `json:"orderId"`
	Kind     string `json:"kind"`
	Amount   int64  `json:"amount"`
	Currency string `json:"currency"` // '' = the order's currency
	Rate     string `json:"rate"`
	Method   string `json:"method"`
	Ref      string `json:"ref"`
	Note     string `json:"note"`
	PaidAt   string `json:"paidAt"` // business date: RFC 3339 or YYYY-MM-DD; '' = now
	ReturnID string `json:"returnId"`
}

// AddPayment records a payment, deposit or refund against an order.
func (s *Service) AddPayment(ctx context.Context, in PaymentInput) (Detail, error) {
	if err := s.db.Write(ctx, func(tx *store.Tx) error { _, err := s.addPaymentTx(tx, "", in); return err }); err != nil {
		return Detail{}, err
	}
	return s.GetOrder(ctx, in.OrderID)
}

// addPaymentTx records the payment as id ("" = a new id).
func (s *Service) addPaymentTx(tx *store.Tx, id string, in PaymentInput) (string, error) {
	if err := s.checkPayment(&in); err != nil {
		return "", err
	}
	st, err := currentStatus(tx, in.OrderID)
	if err != nil {
		return "", err
	}
	if st == Draft || (st == Cancelled && in.Kind != "refund") {
		return "", &domain.Error{Code: domain.EConflict, Key: "order.payment.status", Params: map[string]any{"status": st},
			Message: fmt.Sprintf("an order that is %s cannot take a payment (confirm it first)", st)}
	}
	var orderCur string
	var paid int64
	if err := tx.QueryRow(`SELECT o.currency, s.paid FROM orders o JOIN order_status s ON s.order_id = o.id WHERE o.id = ?`,
		in.OrderID).Scan(&orderCur, &paid); err != nil {
		return "", err
	}
	base, err := money.BaseCurrency(tx)
	if err != nil {
		return "", err
	}
	fields, err := paymentFields(tx, in, orderCur, base)
	if err != nil {
		return "", err
	}
	if in.Kind == "refund" {
		orderAmount := fields["order_amount"].(int64)
		if orderAmount > paid {
			return "", &domain.Error{Code: domain.EConflict, Field: "amount", Key: "order.refund.tooMuch",
				Message: fmt.Sprintf("the refund (%s %s) is more than was paid (%s %s)", domain.FormatMoney(orderAmount, orderCur), orderCur,
					domain.FormatMoney(paid, orderCur), orderCur),
				Params: map[string]any{"paid": domain.FormatMoney(paid, orderCur), "currency": orderCur}}
		}
		for _, k := range []string{"amount", "base_amount", "order_amount"} {
			fields[k] = -fields[k].(int64)
		}
	}
	if in.ReturnID != "" {
		var n int
		if err := tx.QueryRow(`SELECT count(*) FROM order_returns WHERE id = ? AND order_id = ?`, in.ReturnID, in.OrderID).Scan(&n); err != nil {
			return "", err
		}
		if n == 0 {
			return "", domain.NotFound("return", in.ReturnID)
		}
	}
	if id == "" {
		id = domain.NewID()
	}
	fields["device"] = tx.Device()
	return id, tx.Add("payments", id, fields)
}

// checkPayment trims in, fills its date, and checks it alone (no database).
func (s *Service) checkPayment(in *PaymentInput) error {
	in.Currency = strings.ToUpper(strings.TrimSpace(in.Currency))
	in.PaidAt = strings.TrimSpace(in.PaidAt)
	if in.PaidAt == "" {
		in.PaidAt = s.now().UTC().Format(time.RFC3339)
	} else if d, err := time.Parse(dateLayout, in.PaidAt); err == nil {
		in.PaidAt = d.Format(time.RFC3339)
	}
	p := &domain.Problems{}
	if !slices.Contains(PaymentKinds, in.Kind) {
		p.Add(domain.Invalid("kind", "order.payment.kind", fmt.Sprintf("unknown payment kind %q", in.Kind), nil))
	}
	if in.Amount <= 0 {
		p.Add(domain.Invalid("amount", "order.payment.amount", "the amount must be more than 0", nil))
	}
	if !slices.Contains(PaymentMethods, in.Method) {
		p.Add(domain.Invalid("method", "order.payment.method", fmt.Sprintf("unknown payment method %q", in.Method), nil))
	}
	if _, err := time.Parse(time.RFC3339, in.PaidAt); err != nil {
		p.Add(domain.Invalid("paidAt", "order.date.format", "the date must be YYYY-MM-DD", nil))
	}
	if in.Currency != "" && !domain.ValidCurrency(in.Currency) {
		p.Add(domain.Invalid("currency", "order.currency.unknown", "unknown currency "+in.Currency, map[string]any{"currency": in.Currency}))
	}
	if in.Rate != "" {
		if _, ok := domain.ParseRate(in.Rate); !ok {
			p.Add(domain.Invalid("rate", "order.rate.format", fmt.Sprintf("rate %q must be a positive decimal number", in.Rate), nil))
		}
	}
	return p.Err()
}

// rateReads says which exchange rates paymentFields reads from the store for a payment in
// cur (rate: the rate given with it, if any) to an order in orderCur: the payment currency's,
// and the order currency's.
func rateReads(cur, rate, orderCur, base string) (payment, order bool) {
	return cur != base && strings.TrimSpace(rate) == "", cur != orderCur && orderCur != base
}

// paymentFields is the ledger row of a checked payment to an order in orderCur (amounts
// positive; device not set): the rate used, and the amount in the base currency and in the
// order's currency.
func paymentFields(q querier, in PaymentInput, orderCur, base string) (store.Fields, error) {
	if in.Currency == "" {
		in.Currency = orderCur
	}
	var err error
	readPayRate, readOrderRate := rateReads(in.Currency, in.Rate, orderCur, base)
	rateText := strings.TrimSpace(in.Rate)
	if in.Currency == base {
		rateText = "1"
	} else if readPayRate {
		if rateText, err = money.RateOn(q, in.Currency, in.PaidAt); err != nil {
			return nil, err
		}
	}
	rate, _ := domain.ParseRate(rateText)
	baseAmount := domain.Convert(in.Amount, in.Currency, rate, base)
	orderAmount := in.Amount
	if in.Currency != orderCur {
		if !readOrderRate { // the order is in the base currency
			orderAmount = baseAmount
		} else {
			orderRateText, err := money.RateOn(q, orderCur, in.PaidAt)
			if err != nil {
				return nil, err
			}
			orderRate, _ := domain.ParseRate(orderRateText)
			orderAmount = domain.Convert(baseAmount, base, new(big.Rat).Inv(orderRate), orderCur)
		}
	}
	return store.Fields{"order_id": in.OrderID, "kind": in.Kind, "amount": in.Amount,
		"currency": in.Currency, "rate": rateText, "base_amount": baseAmount, "order_amount": orderAmount,
		"method": in.Method, "ref": in.Ref, "note": in.Note, "return_id": in.ReturnID, "paid_at": in.PaidAt}, nil
}
