package orders

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/store"
)

// Stock is what orders need of the stock ledger, inside the order's own transaction. Each
// move refers to the order line (Ref), so a line's reservation is the sum of its moves.
type Stock interface {
	Reserve(tx *store.Tx, m StockMove) error // hold available stock; refused when short
	Release(tx *store.Tx, m StockMove) error // give a reservation back
	Ship(tx *store.Tx, m StockMove) error    // reserved goods leave
	Restock(tx *store.Tx, m StockMove) error // returned goods come back
	// Bulk makes many reservations (or, with Ship, goods leaving that were never reserved)
	// in one go, each checked as if made alone; any refusal refuses them all.
	Bulk(tx *store.Tx, moves []BulkMove) error
}

// BulkMove is one move of Stock.Bulk.
type BulkMove struct {
	StockMove
	Ship bool // goods leave (without a reservation first) instead of being reserved
}

// StockMove is a quantity of a product at a location for an order line.
type StockMove struct {
	ID                                   string // the move's derived id ('' = new)
	ProductID, LocationID, Ref, Note, At string
	Qty                                  int64
}

// Service keeps orders over one store.
type Service struct {
	db      *store.DB
	stock   Stock
	costs   Costs
	freight Freight
	now     func() time.Time
	list    *listIndex
}

// Freight says an order's share of the freight of the parcels holding its goods, in base
// minor units (package shipping).
type Freight interface {
	OrderFreight(q CostReader, orderID string) (int64, error)
}

// SetFreight lets profit subtract parcel freight (wired by package services).
func (s *Service) SetFreight(f Freight) { s.freight = f }

// Costs says what the goods of order lines cost to buy, in base minor units per unit
// (purchasing's landed costs). Lines it leaves out are valued at their product's cost price.
type Costs interface {
	LineUnitCosts(q CostReader, lines []CostLine) (map[string]int64, error)
}

// CostReader is the reader a Costs implementation reads with (the caller's connection).
type CostReader interface {
	QueryRow(string, ...any) *sql.Row
	Query(string, ...any) (*sql.Rows, error)
}

// CostLine is an order line whose unit cost profit needs.
type CostLine struct {
	LineID, ProductID string
}

// SetCosts lets profit use landed purchase costs (wired by package services).
func (s *Service) SetCosts(c Costs) { s.costs = c }

// New returns the orders service.
func New(db *store.DB, st Stock) *Service {
	return &Service{db: db, stock: st, now: time.Now, list: newListIndex(db)}
}

// SetClock replaces the clock that decides "today" for priorities (tests).
func (s *Service) SetClock(now func() time.Time) { s.now = now }

// Channels orders come from.
var Channels = []string{"wechat", "xiaohongshu", "taobao", "website", "other"}

// OrderInput is a draft order as the order form sends it. Money is minor units of Currency.
type OrderInput struct {
	Channel        string      `json:"channel"`
	ChannelOrderNo string      `json:"channelOrderNo"`
	CustomerID     string      `json:"customerId"`
	ShipName       string      `json:"shipName"`
	ShipPhone      string      `json:"shipPhone"`
	ShipProvince   string      `json:"shipProvince"`
	ShipCity       string      `json:"shipCity"`
	ShipDistrict   string      `json:"shipDistrict"`
	ShipStreet     string      `json:"shipStreet"`
	ShipPostcode   string      `json:"shipPostcode"`
	Currency       string      `json:"currency"`
	Discount       int64       `json:"discount"`
	ShippingFee    int64       `json:"shippingFee"`
	DueDate        string      `json:"dueDate"`  // YYYY-MM-DD or ''
	Priority       string      `json:"priority"` // '' = by rule | urgent | high | normal | low
	ZoneID         string      `json:"zoneId"`   // allocation override
	Note           string      `json:"note"`
	OrderedAt      string      `json:"orderedAt"` // business date: RFC 3339 or YYYY-MM-DD; '' = now
	Lines          []LineInput `json:"lines"`
}

// LineInput is one order line. ID is empty for a new line; a line of the draft missing from
// the input is removed (tombstoned).
type LineInput struct {
	ID         string `json:"id"`
	ProductID  string `json:"productId"`
	Title      string `json:"title"`
	Qty        int64  `json:"qty"`
	UnitPrice  int64  `json:"unitPrice"`
	Preorder   bool   `json:"preorder"`
	LocationID string `json:"locationId"` // reserve here instead of by rule
}

func lineField(i int, name string) string { return fmt.Sprintf("lines[%d].%s", i, name) }

// normalize trims the input and fills defaults.
func (in *OrderInput) normalize(now time.Time) {
	for _, f := range []*string{&in.Channel, &in.ChannelOrderNo, &in.CustomerID, &in.ShipName, &in.ShipPhone,
		&in.ShipProvince, &in.ShipCity, &in.ShipDistrict, &in.ShipStreet, &in.ShipPostcode, &in.Currency,
		&in.DueDate, &in.Priority, &in.ZoneID, &in.OrderedAt} {
		*f = strings.TrimSpace(*f)
	}
	in.Currency = strings.ToUpper(in.Currency)
	if in.OrderedAt == "" {
		in.OrderedAt = now.UTC().Format(time.RFC3339)
	} else if d, err := time.Parse(dateLayout, in.OrderedAt); err == nil {
		in.OrderedAt = d.Format(time.RFC3339)
	}
	for i := range in.Lines {
		in.Lines[i].Title = strings.TrimSpace(in.Lines[i].Title)
		in.Lines[i].ProductID = strings.TrimSpace(in.Lines[i].ProductID)
	}
}

// validate checks the input alone (no database), collecting every problem.
func (in *OrderInput) validate(p *domain.Problems) {
	if !slices.Contains(Channels, in.Channel) {
		p.Add(domain.Invalid("channel", "order.channel.unknown", fmt.Sprintf("unknown channel %q", in.Channel),
			map[string]any{"channel": in.Channel}))
	}
	if in.CustomerID == "" {
		p.Add(domain.Invalid("customerId", "order.customer.required", "choose the customer", nil))
	}
	if !domain.ValidCurrency(in.Currency) {
		p.Add(domain.Invalid("currency", "order.currency.unknown", "unknown currency "+in.Currency,
			map[string]any{"currency": in.Currency}))
	}
	if in.Discount < 0 {
		p.Add(domain.Invalid("discount", "order.discount.negative", "the discount may not be negative", nil))
	}
	if in.ShippingFee < 0 {
		p.Add(domain.Invalid("shippingFee", "order.shippingFee.negative", "the shipping fee may not be negative", nil))
	}
	if in.DueDate != "" {
		if _, err := time.Parse(dateLayout, in.DueDate); err != nil {
			p.Add(domain.Invalid("dueDate", "order.date.format", "the date must be YYYY-MM-DD", nil))
		}
	}
	if _, err := time.Parse(time.RFC3339, in.OrderedAt); err != nil {
		p.Add(domain.Invalid("orderedAt", "order.date.format", "the date must be YYYY-MM-DD", nil))
	}
	if in.Priority != "" && !slices.Contains(Priorities, in.Priority) {
		p.Add(domain.Invalid("priority", "order.priority.unknown", fmt.Sprintf("unknown priority %q", in.Priority), nil))
	}
	if len(in.Lines) == 0 {
		p.Add(domain.Invalid("lines", "order.lines.empty", "the order has no lines", nil))
	}
	var goods int64
	for i, l := range in.Lines {
		params := map[string]any{"line": i + 1}
		if l.Qty <= 0 {
			p.Add(domain.Invalid(lineField(i, "qty"), "order.line.qty", fmt.Sprintf("line %d: quantity must be more than 0", i+1), params))
		}
		if l.UnitPrice < 0 {
			p.Add(domain.Invalid(lineField(i, "unitPrice"), "order.line.price", fmt.Sprintf("line %d: the price may not be negative", i+1), params))
		}
		if l.ProductID == "" && !(l.Preorder && l.Title != "") {
			p.Add(domain.Invalid(lineField(i, "productId"), "order.line.product",
				fmt.Sprintf("line %d: choose a product (a pre-order line may give a title instead)", i+1), params))
		}
		goods += l.Qty * l.UnitPrice
	}
	if in.Discount > 0 && in.Discount > goods+in.ShippingFee {
		p.Add(domain.Invalid("discount", "order.discount.tooLarge", "the discount is more than the order", nil))
	}
}

// check verifies the references in tx: customer, products, zone, line locations.
func (in *OrderInput) check(tx *store.Tx, p *domain.Problems) error {
	exists := func(table, id string) (bool, error) {
		var n int
		err := tx.QueryRow(`SELECT count(*) FROM `+table+` WHERE id = ? AND deleted = 0`, id).Scan(&n)
		return n > 0, err
	}
	if in.CustomerID != "" {
		ok, err := exists("customers", in.CustomerID)
		if err != nil {
			return err
		}
		if !ok {
			p.Add(domain.Invalid("customerId", "order.customer.missing", "customer "+in.CustomerID+" not found",
				map[string]any{"id": in.CustomerID}))
		}
	}
	if in.ZoneID != "" {
		if ok, err := exists("zones", in.ZoneID); err != nil {
			return err
		} else if !ok {
			p.Add(domain.Invalid("zoneId", "order.zone.missing", "zone "+in.ZoneID+" not found", nil))
		}
	}
	for i, l := range in.Lines {
		if l.ProductID != "" {
			if ok, err := exists("products", l.ProductID); err != nil {
				return err
			} else if !ok {
				p.Add(domain.Invalid(lineField(i, "productId"), "order.line.productMissing",
					fmt.Sprintf("line %d: product %s not found", i+1, l.ProductID), map[string]any{"line": i + 1}))
			}
		}
		if l.LocationID != "" {
			if ok, err := exists("locations", l.LocationID); err != nil {
				return err
			} else if !ok {
				p.Add(domain.Invalid(lineField(i, "locationId"), "order.line.location",
					fmt.Sprintf("line %d: location %s not found", i+1, l.LocationID), map[string]any{"line": i + 1}))
			}
		}
	}
	return nil
}

// CreateOrder saves a new draft order with the next number of this device.
func (s *Service) CreateOrder(ctx context.Context, in OrderInput) (Detail, error) {
	id := domain.NewID()
	if err := s.db.Write(ctx, func(tx *store.Tx) error { return s.SaveDraftTx(tx, id, in) }); err != nil {
		return Detail{}, err
	}
	return s.GetOrder(ctx, id)
}

// UpdateOrder replaces a draft order's header and lines.
func (s *Service) UpdateOrder(ctx context.Context, id string, in OrderInput) (Detail, error) {
	err := s.db.Write(ctx, func(tx *store.Tx) error {
		st, err := currentStatus(tx, id)
		if err != nil {
			return err
		}
		if st != Draft {
			return &domain.Error{Code: domain.EConflict, Key: "order.notDraft", Params: map[string]any{"status": st},
				Message: fmt.Sprintf("only a draft can be changed; this order is %s", st)}
		}
		return s.SaveDraftTx(tx, id, in)
	})
	if err != nil {
		return Detail{}, err
	}
	return s.GetOrder(ctx, id)
}

// SaveDraftTx validates in and writes it as the draft order id inside tx, creating it (with a
// number) when new. Lines of the draft missing from in are tombstoned. The importer calls it
// with ImportedOrderID.
func (s *Service) SaveDraftTx(tx *store.Tx, id string, in OrderInput) error {
	in.normalize(s.now())
	p := &domain.Problems{}
	in.validate(p)
	if err := in.check(tx, p); err != nil {
		return err
	}
	if err := p.Err(); err != nil {
		return err
	}
	var number string
	err := tx.QueryRow(`SELECT number FROM orders WHERE id = ?`, id).Scan(&number)
	isNew := err == sql.ErrNoRows
	if err != nil && !isNew {
		return err
	}
	if in.ShipName == "" && in.ShipStreet == "" {
		if err := fillShipTo(tx, &in); err != nil {
			return err
		}
	}
	fields := in.headerFields()
	if isNew {
		if number, err = nextNumber(tx); err != nil {
			return err
		}
		fields["number"] = number
		fields["created_at"] = s.now().UTC().Format(time.RFC3339)
	}
	if err := tx.Set("orders", id, fields); err != nil {
		return err
	}
	keep := map[string]bool{}
	for i, l := range in.Lines {
		lineID := l.ID
		if lineID == "" {
			lineID = domain.NewID()
		}
		keep[lineID] = true
		if err := tx.Set("order_lines", lineID, l.fields(id, i)); err != nil {
			return err
		}
	}
	old, err := lineIDs(tx, id)
	if err != nil {
		return err
	}
	for _, lid := range old {
		if !keep[lid] {
			if err := tx.Set("order_lines", lid, store.Fields{"deleted": true}); err != nil {
				return err
			}
		}
	}
	return nil
}

// headerFields are the order row of a draft (without its number and creation time).
func (in *OrderInput) headerFields() store.Fields {
	return store.Fields{
		"channel": in.Channel, "channel_order_no": in.ChannelOrderNo, "customer_id": in.CustomerID,
		"ship_name": in.ShipName, "ship_phone": in.ShipPhone, "ship_province": in.ShipProvince, "ship_city": in.ShipCity,
		"ship_district": in.ShipDistrict, "ship_street": in.ShipStreet, "ship_postcode": in.ShipPostcode,
		"currency": in.Currency, "discount": in.Discount, "shipping_fee": in.ShippingFee, "due_date": in.DueDate,
		"priority": in.Priority, "zone_id": in.ZoneID, "note": in.Note, "ordered_at": in.OrderedAt, "deleted": false,
	}
}

// fields are the order_lines row of the i-th line of order orderID.
func (l LineInput) fields(orderID string, i int) store.Fields {
	return store.Fields{"order_id": orderID, "product_id": l.ProductID, "title": l.Title,
		"qty": l.Qty, "unit_price": l.UnitPrice, "preorder": l.Preorder, "location_id": l.LocationID,
		"position": i + 1, "deleted": false}
}

func lineIDs(tx *store.Tx, orderID string) ([]string, error) {
	return store.Strings(tx, `SELECT id FROM order_lines WHERE order_id = ? AND deleted = 0`, orderID)
}

// fillShipTo copies the customer's default address when the form left ship-to empty.
func fillShipTo(tx *store.Tx, in *OrderInput) error {
	err := tx.QueryRow(`SELECT recipient, phone, province, city, district, street, postcode FROM customer_addresses
		WHERE customer_id = ? AND deleted = 0 ORDER BY is_default DESC, id LIMIT 1`, in.CustomerID).
		Scan(&in.ShipName, &in.ShipPhone, &in.ShipProvince, &in.ShipCity, &in.ShipDistrict, &in.ShipStreet, &in.ShipPostcode)
	if err == sql.ErrNoRows {
		return nil
	}
	return err
}

// InfoInput is what may still change after a draft is confirmed: nothing that moves money
// or stock.
type InfoInput struct {
	ShipName     string `json:"shipName"`
	ShipPhone    string `json:"shipPhone"`
	ShipProvince string `json:"shipProvince"`
	ShipCity     string `json:"shipCity"`
	ShipDistrict string `json:"shipDistrict"`
	ShipStreet   string `json:"shipStreet"`
	ShipPostcode string `json:"shipPostcode"`
	DueDate      string `json:"dueDate"`
	Priority     string `json:"priority"`
	ZoneID       string `json:"zoneId"`
	Note         string `json:"note"`
}

// UpdateOrderInfo changes the ship-to address, due date, priority, zone and note of an order
// that is not closed (completed or cancelled).
func (s *Service) UpdateOrderInfo(ctx context.Context, id string, in InfoInput) (Detail, error) {
	p := &domain.Problems{}
	if in.DueDate != "" {
		if _, err := time.Parse(dateLayout, in.DueDate); err != nil {
			p.Add(domain.Invalid("dueDate", "order.date.format", "the date must be YYYY-MM-DD", nil))
		}
	}
	if in.Priority != "" && !slices.Contains(Priorities, in.Priority) {
		p.Add(domain.Invalid("priority", "order.priority.unknown", fmt.Sprintf("unknown priority %q", in.Priority), nil))
	}
	if err := p.Err(); err != nil {
		return Detail{}, err
	}
	err := s.db.Write(ctx, func(tx *store.Tx) error {
		st, err := currentStatus(tx, id)
		if err != nil {
			return err
		}
		if st == Completed || st == Cancelled {
			return &domain.Error{Code: domain.EConflict, Key: "order.closed", Params: map[string]any{"status": st},
				Message: fmt.Sprintf("the order is %s and can no longer change", st)}
		}
		if in.ZoneID != "" {
			if err := tx.Live("zones", "zone", in.ZoneID); err != nil {
				return err
			}
		}
		return tx.Set("orders", id, store.Fields{"ship_name": in.ShipName, "ship_phone": in.ShipPhone,
			"ship_province": in.ShipProvince, "ship_city": in.ShipCity, "ship_district": in.ShipDistrict,
			"ship_street": in.ShipStreet, "ship_postcode": in.ShipPostcode, "due_date": in.DueDate,
			"priority": in.Priority, "zone_id": in.ZoneID, "note": in.Note})
	})
	if err != nil {
		return Detail{}, err
	}
	return s.GetOrder(ctx, id)
}

// DeleteDraft removes a draft (a tombstone); confirmed orders are cancelled instead.
func (s *Service) DeleteDraft(ctx context.Context, id string) error {
	return s.db.Write(ctx, func(tx *store.Tx) error {
		st, err := currentStatus(tx, id)
		if err != nil {
			return err
		}
		if st != Draft {
			return &domain.Error{Code: domain.EConflict, Key: "order.notDraft", Params: map[string]any{"status": st},
				Message: fmt.Sprintf("only a draft can be deleted; this order is %s (cancel it instead)", st)}
		}
		ids, err := lineIDs(tx, id)
		if err != nil {
			return err
		}
		for _, lid := range ids {
			if err := tx.Set("order_lines", lid, store.Fields{"deleted": true}); err != nil {
				return err
			}
		}
		return tx.Set("orders", id, store.Fields{"deleted": true})
	})
}

// currentStatus reads the status of a live order inside tx.
func currentStatus(q querier, id string) (string, error) {
	var st string
	err := q.QueryRow(`SELECT s.status FROM order_status s JOIN orders o ON o.id = s.order_id
		WHERE s.order_id = ? AND o.deleted = 0`, id).Scan(&st)
	if err == sql.ErrNoRows {
		return "", domain.NotFound("order", id)
	}
	return st, err
}
