package orders

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/store"
)

// Return conditions and dispositions.
var (
	ReturnConditions   = []string{"resaleable", "opened", "damaged"}
	ReturnDispositions = []string{"restock", "write_off"}
)

// ReturnLine is a quantity of one order line coming back.
type ReturnLine struct {
	LineID string `json:"lineId"`
	Qty    int64  `json:"qty"`
}

// RefundInput is the money paid back with a return.
type RefundInput struct {
	Amount   int64  `json:"amount"`
	Currency string `json:"currency"`
	Rate     string `json:"rate"`
	Method   string `json:"method"`
	Ref      string `json:"ref"`
}

// ReturnInput is goods coming back against a shipped order, optionally with a refund.
type ReturnInput struct {
	OrderID     string       `json:"orderId"`
	Lines       []ReturnLine `json:"lines"`
	Reason      string       `json:"reason"`
	Condition   string       `json:"condition"`   // resaleable | opened | damaged
	Disposition string       `json:"disposition"` // restock | write_off
	LocationID  string       `json:"locationId"`  // where restocked goods go; '' = the line's location
	Note        string       `json:"note"`
	At          string       `json:"at"` // RFC 3339 or YYYY-MM-DD; '' = now
	Refund      *RefundInput `json:"refund"`
}

// AddReturn records goods coming back: one order_returns row per line, restocked (a stock
// return move referring to the line) or written off, and the refund if any (tied to the
// first row). At most what was shipped and not yet returned may come back.
func (s *Service) AddReturn(ctx context.Context, in ReturnInput) (Detail, error) {
	in.At = strings.TrimSpace(in.At)
	if in.At == "" {
		in.At = s.now().UTC().Format(time.RFC3339)
	} else if d, err := time.Parse(dateLayout, in.At); err == nil {
		in.At = d.Format(time.RFC3339)
	}
	p := &domain.Problems{}
	if len(in.Lines) == 0 {
		p.Add(domain.Invalid("lines", "order.return.empty", "choose what comes back", nil))
	}
	if !slices.Contains(ReturnConditions, in.Condition) {
		p.Add(domain.Invalid("condition", "order.return.condition", fmt.Sprintf("unknown condition %q", in.Condition), nil))
	}
	if !slices.Contains(ReturnDispositions, in.Disposition) {
		p.Add(domain.Invalid("disposition", "order.return.disposition", fmt.Sprintf("unknown disposition %q", in.Disposition), nil))
	}
	if strings.TrimSpace(in.Reason) == "" {
		p.Add(domain.Invalid("reason", "order.return.reason", "give a reason for the return", nil))
	}
	if _, err := time.Parse(time.RFC3339, in.At); err != nil {
		p.Add(domain.Invalid("at", "order.date.format", "the date must be YYYY-MM-DD", nil))
	}
	for i, l := range in.Lines {
		if l.Qty <= 0 {
			p.Add(domain.Invalid(lineField(i, "qty"), "order.line.qty", fmt.Sprintf("line %d: quantity must be more than 0", i+1),
				map[string]any{"line": i + 1}))
		}
	}
	if err := p.Err(); err != nil {
		return Detail{}, err
	}
	err := s.db.Write(ctx, func(tx *store.Tx) error {
		st, err := currentStatus(tx, in.OrderID)
		if err != nil {
			return err
		}
		if st == Cancelled || Rank(st) < Rank(Shipped) {
			return &domain.Error{Code: domain.EConflict, Key: "order.return.notShipped", Params: map[string]any{"status": st},
				Message: fmt.Sprintf("only shipped goods can be returned; this order is %s", st)}
		}
		lines, err := loadLines(tx, in.OrderID)
		if err != nil {
			return err
		}
		first := ""
		for i, rl := range in.Lines {
			k := slices.IndexFunc(lines, func(l line) bool { return l.id == rl.LineID })
			if k < 0 {
				return domain.Invalid(lineField(i, "lineId"), "order.return.line", fmt.Sprintf("line %d is not a line of this order", i+1),
					map[string]any{"line": i + 1})
			}
			l := lines[k]
			var returned int64
			if err := tx.QueryRow(`SELECT coalesce(sum(qty), 0) FROM order_returns WHERE line_id = ?`, l.id).Scan(&returned); err != nil {
				return err
			}
			// every line ships with the order, so a shipped order has shipped each line whole
			if left := l.qty - returned; rl.Qty > left {
				return domain.Invalid(lineField(i, "qty"), "order.return.qty",
					fmt.Sprintf("line %d: at most %d can come back (%d shipped, %d returned)", i+1, left, l.qty, returned),
					map[string]any{"line": i + 1, "max": left})
			}
			loc := in.LocationID
			if in.Disposition == "restock" {
				if loc == "" {
					loc = l.location
				}
				if !l.stocked() || loc == "" {
					return domain.Invalid("locationId", "order.return.location",
						fmt.Sprintf("line %d: choose where the goods go back to", i+1), map[string]any{"line": i + 1})
				}
				if err := s.stock.Restock(tx, StockMove{ProductID: l.product, LocationID: loc, Ref: l.id, Qty: rl.Qty, At: in.At,
					Note: "order return"}); err != nil {
					return err
				}
			} else {
				loc = ""
			}
			id := domain.NewID()
			if first == "" {
				first = id
			}
			if err := tx.Add("order_returns", id, store.Fields{"order_id": in.OrderID, "line_id": l.id, "qty": rl.Qty,
				"reason": in.Reason, "condition": in.Condition, "disposition": in.Disposition, "location_id": loc,
				"note": in.Note, "at": in.At, "device": tx.Device()}); err != nil {
				return err
			}
		}
		if in.Refund != nil {
			_, err := s.addPaymentTx(tx, "", PaymentInput{OrderID: in.OrderID, Kind: "refund", Amount: in.Refund.Amount,
				Currency: in.Refund.Currency, Rate: in.Refund.Rate, Method: in.Refund.Method, Ref: in.Refund.Ref,
				Note: in.Reason, PaidAt: in.At, ReturnID: first})
			return err
		}
		return nil
	})
	if err != nil {
		return Detail{}, err
	}
	return s.GetOrder(ctx, in.OrderID)
}
