package orderimport

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"daigoudesk/backend/customers"
	"daigoudesk/backend/domain"
	"daigoudesk/backend/importer"
)

// fileOrder is one order of a file: the rows sharing its order number.
type fileOrder struct {
	line                                      int // its first row
	no                                        string
	id                                        string // orders.ImportedOrderID, set by match
	buyer, recipient, phone                   string
	addr                                      Address
	currency, target, orderedAt, paidAt, note string
	paid                                      int64
	hasPaid                                   bool
	lines                                     []fileLine
	bad                                       bool // a row of it is bad
}

type fileLine struct {
	line                  int
	title, sku, barcode   string
	qty, price, lineTotal int64
	hasPrice, hasTotal    bool
	productID             string // after matching
}

// chinaTime is the zone of times written without one: the channels are Chinese.
var chinaTime = time.FixedZone("UTC+8", 8*3600)

var timeLayouts = []string{"2006-01-02 15:04:05", "2006-01-02 15:04", "2006/01/02 15:04:05", "2006/1/2 15:04:05",
	"2006/01/02 15:04", "2006/1/2 15:04", "2006-01-02T15:04:05", "2006-01-02", "2006/01/02", "2006/1/2"}

// parseTime reads an order time into UTC RFC 3339.
func parseTime(s string) (string, bool) {
	if s == "" {
		return "", true
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.UTC().Format(time.RFC3339), true
	}
	for _, l := range timeLayouts {
		if t, err := time.ParseInLocation(l, s, chinaTime); err == nil {
			return t.UTC().Format(time.RFC3339), true
		}
	}
	return "", false
}

var moneySymbols = strings.NewReplacer("￥", "", "¥", "", "$", "", "元", "", " ", "")

// readOrders reads the file's rows into orders, in file order. Every bad cell is a problem
// naming its line and field; an order with a bad row is marked bad.
func readOrders(tb *importer.Table, m Mapping) ([]*fileOrder, []domain.LineProblem, int) {
	var problems []domain.LineProblem
	for field := range m {
		if !knownField(field) {
			problems = append(problems, domain.ProblemAt(tb.HeaderLine, domain.Invalid(field, "importing.mapping.unknownField",
				"not a field of an order row", map[string]any{"field": field})))
		}
	}
	cols, err := tb.Columns(m.columns())
	if err != nil {
		if fe, ok := err.(*domain.FileError); ok {
			return nil, append(problems, fe.Problems...), 0
		}
		return nil, append(problems, domain.ProblemAt(tb.HeaderLine, domain.Invalid("header", "importing.problem.header",
			err.Error(), map[string]any{"message": err.Error()}))), 0
	}
	// missing reports a required column the file lacks: unmappedKey when no column was chosen
	// for the field, key (naming the chosen header) when the file has no such column.
	missing := func(field, what, unmappedKey, key string) {
		h := m[field]
		if h == "" {
			h, key = "(not mapped)", unmappedKey
		}
		problems = append(problems, domain.ProblemAt(tb.HeaderLine, domain.Invalid(field, key,
			fmt.Sprintf("the file has no %s column %q", what, h), map[string]any{"column": h})))
	}
	if !cols.Has(FOrderNo) {
		missing(FOrderNo, "order number", "importing.mapping.orderNoRequired", "importing.problem.noOrderNoColumn")
	}
	if !cols.Has(FTitle) && !cols.Has(FSKU) && !cols.Has(FBarcode) {
		missing(FTitle, "product (title, sku or barcode)", "importing.mapping.productRequired", "importing.problem.noProductColumn")
	}
	if len(problems) > 0 {
		return nil, problems, 0
	}
	// Each row on its own, on all cores; then the rows of one order together, in file order.
	type parsed struct {
		o        fileOrder
		l        fileLine
		problems []domain.LineProblem
	}
	rows := make([]parsed, len(tb.Rows))
	importer.EachRow(len(rows), func(i int) {
		rows[i].o, rows[i].l, rows[i].problems = parseOrderRow(cols, tb.Rows[i])
	})
	byNo := map[string]*fileOrder{}
	var out []*fileOrder
	for i, r := range tb.Rows {
		o, l, rowProblems := rows[i].o, rows[i].l, rows[i].problems
		first := byNo[o.no]
		if first == nil && o.no != "" {
			cp := o
			first = &cp
			byNo[o.no] = first
			out = append(out, first)
		} else if first != nil {
			rowProblems = append(rowProblems, first.disagree(&o, r.Line)...)
			first.fill(&o)
		}
		if first != nil {
			first.lines = append(first.lines, l)
			if len(rowProblems) > 0 {
				first.bad = true
			}
		}
		problems = append(problems, rowProblems...)
	}
	return out, problems, len(tb.Rows)
}

// parseOrderRow reads one row of an order file: the order's fields as this row gives them, its
// line, and the problems of its cells.
func parseOrderRow(cols *importer.Columns, r importer.Row) (fileOrder, fileLine, []domain.LineProblem) {
	get := func(f string) string { return cols.Get(r, f) }
	var rowProblems []domain.LineProblem
	// bad records a problem of the row; key and params translate msg for the UI.
	bad := func(field, key, msg string, params map[string]any) {
		rowProblems = append(rowProblems, domain.ProblemAt(r.Line, domain.Invalid(field, key, msg, params)))
	}
	o := fileOrder{line: r.Line, no: get(FOrderNo), buyer: get(FBuyer), recipient: get(FRecipient), note: get(FNote)}
	if o.no == "" {
		bad(FOrderNo, "importing.problem.orderNoEmpty", "the order number is empty", nil)
	} else if strings.ContainsAny(o.no, "Ee") && strings.ContainsAny(o.no, "+.") {
		bad(FOrderNo, "importing.problem.orderNoExcel",
			fmt.Sprintf("order number %q was turned into a number by Excel; export it again as text", o.no), map[string]any{"value": o.no})
	}
	if p := get(FPhone); p != "" {
		o.phone = customers.NormalizePhone(p)
		if !customers.ValidPhone(o.phone) {
			bad(FPhone, "importing.problem.phone", fmt.Sprintf("%q is not a phone number", p), map[string]any{"value": p})
		}
	}
	o.addr = Address{Province: get(FProvince), City: get(FCity), District: get(FDistrict), Street: get(FStreet), Postcode: get(FPostcode)}
	if full := get(FAddress); full != "" && o.addr.Province == "" && o.addr.Street == "" {
		pc := o.addr.Postcode
		o.addr = SplitAddress(full)
		if pc != "" {
			o.addr.Postcode = pc
		}
	}
	o.currency = strings.ToUpper(get(FCurrency))
	if o.currency == "" {
		o.currency = "CNY"
	} else if !domain.ValidCurrency(o.currency) {
		bad(FCurrency, "order.currency.unknown", fmt.Sprintf("unknown currency %q", o.currency), map[string]any{"currency": o.currency})
	}
	money := func(field string) (int64, bool) {
		s := moneySymbols.Replace(get(field))
		if s == "" || !domain.ValidCurrency(o.currency) {
			return 0, false
		}
		v, err := domain.ParseMoney(s, o.currency)
		if err != nil {
			bad(field, "importing.problem.amount", err.Error(), map[string]any{"value": s, "currency": o.currency})
			return 0, false
		}
		if v < 0 {
			bad(field, "product.money.negative", "the amount may not be negative", nil)
		}
		return v, true
	}
	o.paid, o.hasPaid = money(FPaid)
	if s := get(FStatus); s != "" {
		t, ok := targetOf(s)
		if !ok {
			bad(FStatus, "importing.problem.status", fmt.Sprintf("unknown order status %q", s), map[string]any{"value": s})
		}
		o.target = t
	}
	dateTime := func(field string) string {
		t, ok := parseTime(get(field))
		if !ok {
			bad(field, "importing.problem.dateTime", fmt.Sprintf("%q is not a date and time (2026-03-01 14:30:00)", get(field)),
				map[string]any{"value": get(field)})
		}
		return t
	}
	o.orderedAt, o.paidAt = dateTime(FOrderedAt), dateTime(FPaidAt)
	l := fileLine{line: r.Line, title: get(FTitle), sku: get(FSKU), barcode: get(FBarcode), qty: 1}
	if l.title == "" && l.sku == "" && l.barcode == "" {
		bad(FTitle, "importing.problem.noProduct", "the row names no product (title, sku or barcode)", nil)
	}
	if q := strings.ReplaceAll(get(FQty), ",", ""); q != "" {
		if whole, frac, cut := strings.Cut(q, "."); cut && strings.Trim(frac, "0") == "" {
			q = whole
		}
		n, err := strconv.ParseInt(q, 10, 64)
		if err != nil || n <= 0 {
			bad(FQty, "importing.problem.quantity", fmt.Sprintf("%q is not a quantity (a whole number above 0)", get(FQty)),
				map[string]any{"value": get(FQty)})
		}
		l.qty = n
	}
	l.price, l.hasPrice = money(FUnitPrice)
	l.lineTotal, l.hasTotal = money(FLineTotal)
	if l.hasTotal && !l.hasPrice && l.qty > 0 && l.lineTotal%l.qty != 0 {
		l.price, l.hasPrice = (l.lineTotal+l.qty-1)/l.qty, true // rounded up; the order's discount takes the rest
	} else if l.hasTotal && !l.hasPrice && l.qty > 0 {
		l.price, l.hasPrice = l.lineTotal/l.qty, true
	}
	return o, l, rowProblems
}

// disagree reports order fields of a later row that differ from what the order's earlier
// rows said (a file whose rows of one order contradict each other is not guessed at).
func (o *fileOrder) disagree(r *fileOrder, line int) []domain.LineProblem {
	var out []domain.LineProblem
	check := func(field, a, b string) {
		if a != "" && b != "" && a != b {
			out = append(out, domain.ProblemAt(line, domain.Invalid(field, "importing.problem.differs",
				fmt.Sprintf("%q differs from %q on line %d of the same order", b, a, o.line),
				map[string]any{"value": b, "first": a, "line": o.line})))
		}
	}
	check(FBuyer, o.buyer, r.buyer)
	check(FRecipient, o.recipient, r.recipient)
	check(FPhone, o.phone, r.phone)
	check(FCurrency, o.currency, r.currency)
	check(FStatus, o.target, r.target)
	check(FOrderedAt, o.orderedAt, r.orderedAt)
	if o.hasPaid && r.hasPaid && o.paid != r.paid {
		check(FPaid, domain.FormatMoney(o.paid, o.currency), domain.FormatMoney(r.paid, r.currency))
	}
	return out
}

// fill takes the order fields the first row left empty from a later row.
func (o *fileOrder) fill(r *fileOrder) {
	for _, p := range [][2]*string{{&o.buyer, &r.buyer}, {&o.recipient, &r.recipient}, {&o.phone, &r.phone},
		{&o.target, &r.target}, {&o.orderedAt, &r.orderedAt}, {&o.paidAt, &r.paidAt}, {&o.note, &r.note}} {
		if *p[0] == "" {
			*p[0] = *p[1]
		}
	}
	if o.addr == (Address{}) {
		o.addr = r.addr
	}
	if !o.hasPaid && r.hasPaid {
		o.paid, o.hasPaid = r.paid, true
	}
}

// status is where the order goes: the channel's status, else paid when money came in.
func (o *fileOrder) status() string {
	if o.target != "" {
		return o.target
	}
	if o.paid > 0 {
		return "paid"
	}
	return "draft"
}

// prices sets each line's unit price and returns the order's discount and shipping fee, so
// that the order's total is what the buyer paid when the file says it: a file without prices
// spreads the paid amount over the units (rounded up, the rest a discount); a paid amount
// below the goods is a discount, above them a shipping fee.
func (o *fileOrder) prices() (discount, shipping int64) {
	var units, goods int64
	priced := true
	for _, l := range o.lines {
		units += l.qty
		priced = priced && l.hasPrice
	}
	if !priced {
		if !o.hasPaid || units == 0 {
			return 0, 0
		}
		unit := (o.paid + units - 1) / units
		for i := range o.lines {
			if !o.lines[i].hasPrice {
				o.lines[i].price = unit
			}
		}
	}
	for _, l := range o.lines {
		goods += l.qty * l.price
	}
	if !o.hasPaid {
		return 0, 0
	}
	if o.paid < goods {
		return goods - o.paid, 0
	}
	return 0, o.paid - goods
}
