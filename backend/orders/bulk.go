package orders

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/importer"
	"daigoudesk/backend/money"
	"daigoudesk/backend/store"
)

// ImportedOrder is a new order read from a sales channel's export, with the status the
// channel reports for it.
type ImportedOrder struct {
	ID        string        // ImportedOrderID
	Input     OrderInput    // lines carry ImportedLineID ids; stocked lines the location that holds them
	Status    string        // draft, confirmed, paid, allocated, bought, packed, shipped, delivered, completed or cancelled
	Payment   *PaymentInput // what the buyer paid, if anything (not on a draft or cancelled order)
	PaymentID string
	Note      string // on its event, e.g. "imported from taobao"
}

// ImportError names which order of an ImportOrdersTx list was refused.
type ImportError struct {
	Index int
	Err   error
}

func (e *ImportError) Error() string { return fmt.Sprintf("order %d: %v", e.Index+1, e.Err) }
func (e *ImportError) Unwrap() error { return e.Err }

// ImportOrdersTx writes many new orders from a channel's export in one go inside tx, for files
// of tens of thousands of rows. Each order is checked as SaveDraftTx checks a draft, by its
// input alone (the importer has matched every product and made every customer in tx), and
// takes the next number of this device. Instead of walking the transition table one event
// at a time, an order gets one event, the status its channel reports (a paid order: confirmed,
// with its payment), and the stock that status implies: the stocked lines of an order that is
// confirmed but not yet shipped hold a reservation at their location; those of a shipped,
// delivered or completed order have left stock (first-expiry-first-out, without a reservation
// first); a draft or cancelled order holds none. Rows are written with SetMany and AddMany, and
// the orders' order_status rows are computed here from the rows written, as the view
// order_status_calc would compute them, instead of by triggers after every row. On any error
// (an *ImportError naming the order) the caller's transaction must roll back.
func (s *Service) ImportOrdersTx(tx *store.Tx, list []ImportedOrder) error {
	return s.ImportPreparedTx(tx, s.PrepareImport(list))
}

// PreparedImport is a list of orders for ImportPreparedTx, checked, and with the rows made of
// each order that needs nothing from the transaction (all but those without a ship-to
// address, which take their customer's).
type PreparedImport struct {
	list    []ImportedOrder
	made    []importedRows
	created string
}

// PrepareImport is the part of ImportOrdersTx that needs no transaction, on all cores: an
// importer runs it while the writer writes the orders' new customers.
func (s *Service) PrepareImport(list []ImportedOrder) *PreparedImport {
	p := &PreparedImport{list: list, made: make([]importedRows, len(list)), created: s.now().UTC().Format(time.RFC3339)}
	device := s.db.Device()
	importer.EachRow(len(list), func(n int) {
		m := &p.made[n]
		if m.check(list[n], s.now()); m.err == nil && !m.needsShipTo() {
			m.make(list[n], p.created, device)
		}
	})
	return p
}

// ImportPreparedTx is ImportOrdersTx of a prepared list.
func (s *Service) ImportPreparedTx(tx *store.Tx, p *PreparedImport) error {
	list, made := p.list, p.made
	if len(list) == 0 {
		return nil
	}
	numbers, err := nextNumbers(tx, len(list))
	if err != nil {
		return err
	}
	base, err := money.BaseCurrency(tx)
	if err != nil {
		return err
	}
	// The orders without a ship-to address take their customer's, in order: it reads tx.
	device := tx.Device()
	for n := range made {
		if m := &made[n]; m.err == nil && m.needsShipTo() {
			if m.err = fillShipTo(tx, &m.in); m.err == nil {
				m.make(list[n], p.created, device)
			}
		}
	}
	// The payments that need no exchange rate from tx are made on all cores; the others below,
	// in order.
	paid := make([]bool, len(list))
	importer.EachRow(len(list), func(n int) {
		if m := &made[n]; m.err == nil && list[n].Payment != nil && !needsRate(*list[n].Payment, m.in.Currency, base) {
			m.err, paid[n] = s.importedPayment(nil, list[n], m, base, device), true
		}
	})
	var headers, lines, events, payments []store.Row
	var moves []BulkMove
	status := make([]store.OrderStatus, len(list))
	for n, o := range list {
		m := &made[n]
		if m.err == nil && o.Payment != nil && !paid[n] {
			m.err = s.importedPayment(tx, o, m, base, device)
		}
		if m.err != nil {
			return &ImportError{Index: n, Err: m.err}
		}
		m.header.Fields["number"] = numbers[n]
		headers, lines, moves = append(headers, m.header), append(lines, m.lines...), append(moves, m.moves...)
		if m.event.ID != "" {
			events = append(events, m.event)
		}
		if m.payment.ID != "" {
			payments = append(payments, m.payment)
		}
		status[n] = newOrderStatus(o.ID, m.kind, m.goods, m.paid, m.paidBase, &m.in)
		status[n].Number = numbers[n]
	}
	err = tx.PauseOrderStatus(len(headers)+len(lines)+len(events)+len(payments), func() error {
		for _, w := range []struct {
			write func(string, []store.Row) error
			table string
			rows  []store.Row
		}{
			{tx.SetManyInOrder, "orders", headers}, // in the list's order: an export's, by date
			{tx.SetMany, "order_lines", lines},
			{tx.AddMany, "order_events", events},
			{tx.AddMany, "payments", payments},
		} {
			if err := w.write(w.table, w.rows); err != nil {
				return err
			}
		}
		return s.stock.Bulk(tx, moves)
	})
	if err != nil {
		return err
	}
	return tx.PutOrderStatus(status)
}

// importedRows is one order of ImportOrdersTx: its input checked and normalized, and the
// rows it makes.
type importedRows struct {
	in                    OrderInput
	kind                  string // the event it gets: its status, but confirmed for paid
	header, event         store.Row
	lines                 []store.Row
	moves                 []BulkMove
	payment               store.Row
	goods, paid, paidBase int64
	err                   error
}

// check normalizes and checks the order's input and status, as SaveDraftTx checks a draft.
func (m *importedRows) check(o ImportedOrder, now time.Time) {
	m.in = o.Input
	m.in.normalize(now)
	p := &domain.Problems{}
	m.in.validate(p)
	if Rank(o.Status) == 0 && o.Status != Draft || o.Status == Deposit {
		p.Add(domain.Invalid("status", "order.status.unknown", fmt.Sprintf("unknown status %q", o.Status), nil))
	}
	m.err = p.Err()
}

// needsShipTo says the order has no ship-to address of its own.
func (m *importedRows) needsShipTo() bool { return m.in.ShipName == "" && m.in.ShipStreet == "" }

// make makes the order's header (its number left to set), lines, stock moves and event.
func (m *importedRows) make(o ImportedOrder, created, device string) {
	in := &m.in
	h := in.headerFields()
	h["created_at"] = created
	m.header = store.Row{ID: o.ID, Fields: h}
	m.kind = o.Status
	if m.kind == Paid {
		m.kind = Confirmed
	}
	shipped := Rank(o.Status) >= Rank(Shipped) && o.Status != Cancelled
	for i, l := range in.Lines {
		m.goods += l.Qty * l.UnitPrice
		if l.ID == "" {
			l.ID = domain.NewID()
		}
		m.lines = append(m.lines, store.Row{ID: l.ID, Fields: l.fields(o.ID, i)})
		if m.kind == Draft || m.kind == Cancelled || l.Preorder || l.ProductID == "" {
			continue
		}
		if l.LocationID == "" {
			m.err = &domain.Error{Code: domain.EConflict, Field: lineField(i, "locationId"), Key: "order.line.stock",
				Message: fmt.Sprintf("line %d: no location holds it", i+1),
				Params:  map[string]any{"line": i + 1, "qty": l.Qty, "available": 0}}
			return
		}
		mv := BulkMove{StockMove: StockMove{ProductID: l.ProductID, LocationID: l.LocationID, Ref: l.ID, Qty: l.Qty,
			At: in.OrderedAt, Note: "order"}, Ship: shipped}
		if shipped {
			mv.Note = "order shipped"
		}
		m.moves = append(m.moves, mv)
	}
	if m.kind != Draft {
		m.event = store.Row{ID: domain.ChildID(o.ID, "order_event", m.kind), Fields: store.Fields{
			"order_id": o.ID, "kind": m.kind, "note": o.Note, "at": in.OrderedAt, "device": device}}
	}
}

// needsRate says whether paymentFields reads an exchange rate for pay on an order in orderCur.
func needsRate(pay PaymentInput, orderCur, base string) bool {
	cur := strings.ToUpper(strings.TrimSpace(pay.Currency)) // as checkPayment leaves it
	if cur == "" {
		cur = orderCur
	}
	payRate, orderRate := rateReads(cur, pay.Rate, orderCur, base)
	return payRate || orderRate
}

// importedPayment makes the payments row of what the buyer of o paid; q reads exchange
// rates, and may be nil when needsRate says none is read.
func (s *Service) importedPayment(q querier, o ImportedOrder, m *importedRows, base, device string) error {
	if m.kind == Draft || m.kind == Cancelled {
		return &domain.Error{Code: domain.EConflict, Key: "order.payment.status", Params: map[string]any{"status": m.kind},
			Message: fmt.Sprintf("an order that is %s cannot take a payment (confirm it first)", m.kind)}
	}
	pay := *o.Payment
	pay.OrderID = o.ID
	if err := s.checkPayment(&pay); err != nil {
		return err
	}
	f, err := paymentFields(q, pay, m.in.Currency, base)
	if err != nil {
		return err
	}
	f["device"] = device
	id := o.PaymentID
	if id == "" {
		id = domain.NewID()
	}
	m.payment = store.Row{ID: id, Fields: f}
	m.paid, m.paidBase = f["order_amount"].(int64), f["base_amount"].(int64)
	return nil
}

// newOrderStatus is the order_status row of a new order with one event (kind; none for a
// draft), goods the sum of its lines and one payment of paid (paidBase in the base currency),
// as order_status_calc computes it. Its pre-order lines are not filled yet.
func newOrderStatus(id, kind string, goods, paid, paidBase int64, in *OrderInput) store.OrderStatus {
	total := goods - in.Discount + in.ShippingFee
	var events []string
	if kind != Draft {
		events = []string{kind}
	}
	st := Status(events, paid, total)
	priority := in.Priority
	if !slices.Contains(Priorities, priority) { // as the view reads it
		priority = ""
	}
	return store.OrderStatus{OrderID: id, Status: st, Rank: Rank(st), Goods: goods, Total: total, Paid: paid,
		PaidBase: paidBase, OrderedAt: in.OrderedAt, Channel: in.Channel, ChannelOrderNo: in.ChannelOrderNo,
		CustomerID: in.CustomerID, ShipName: in.ShipName, Currency: in.Currency, DueDate: in.DueDate, Priority: priority}
}
