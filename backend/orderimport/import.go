package orderimport

import (
	"context"
	"fmt"

	"daigoudesk/backend/customers"
	"daigoudesk/backend/domain"
	"daigoudesk/backend/orders"
	"daigoudesk/backend/store"
)

// Import imports a file in one transaction: all of it, or nothing when any row is bad (a
// *domain.FileError listing every bad row) unless req.SkipBad leaves the bad rows' orders out.
// Orders already imported (same channel and order number) are skipped, so importing a file
// again changes nothing.
func (s *Service) Import(ctx context.Context, req Request) (Result, error) {
	p, err := s.read(ctx, req)
	if err != nil {
		return Result{}, err
	}
	rules, err := s.orders.GetRules(ctx)
	if err != nil {
		return Result{}, err
	}
	var res Result
	err = s.db.Write(ctx, func(tx *store.Tx) error {
		res = Result{}
		if err := s.match(ctx, tx, p, req.ProductMap); err != nil {
			return err
		}
		if len(p.problems) > 0 && (!req.SkipBad || len(p.orders) == 0) {
			return &domain.FileError{File: p.file, Problems: p.problems}
		}
		stk, err := loadStock(tx, p)
		if err != nil {
			return err
		}
		for _, o := range p.orders {
			id := orders.ImportedOrderID(p.channel, o.no)
			switch {
			case p.existing[id]:
				res.Skipped++
				continue
			case o.bad:
				res.SkippedBad++
				continue
			}
			if err := s.importOrder(tx, p, o, id, rules, stk, &res); err != nil {
				return inOrder(err, p.file, o)
			}
		}
		return nil
	})
	if err != nil {
		return Result{}, err
	}
	if err := markImported(s.db, p.file); err != nil {
		return res, err
	}
	s.watch.Rescan() // the file leaves the pending list
	return res, nil
}

// inOrder names the file line and order an error of the orders or customers service is about.
func inOrder(err error, file string, o *fileOrder) error {
	where := fmt.Sprintf("%s:%d: order %s: ", file, o.line, o.no)
	if e := domain.AsError(err); e != nil {
		cp := *e
		cp.Message = where + e.Message
		return &cp
	}
	return fmt.Errorf("%s%w", where, err)
}

// importOrder creates one order (and its customer when new) and moves it to its status.
func (s *Service) importOrder(tx *store.Tx, p *plan, o *fileOrder, id string, rules orders.Rules, stk *stockSim, res *Result) error {
	c := p.custs.forOrder(o)
	if c.isNew && !c.created {
		if err := s.customers.CreateCustomerTx(tx, c.id, c.input); err != nil {
			return err
		}
		c.created = true
		res.NewCustomers++
	}
	addr := customers.Address{CustomerID: c.id, Recipient: o.recipient, Phone: o.phone, Province: o.addr.Province,
		City: o.addr.City, District: o.addr.District, Street: o.addr.Street, Postcode: o.addr.Postcode}
	if customers.ValidAddress(addr) {
		if _, err := s.customers.EnsureAddressTx(tx, addr); err != nil {
			return err
		}
	}
	status := o.status()
	chain := chains[status]
	confirms := len(chain) > 0 && chain[0] == orders.Confirmed
	discount, shipping := o.prices()
	in := orders.OrderInput{Channel: p.channel, ChannelOrderNo: o.no, CustomerID: c.id, ShipName: o.recipient,
		ShipPhone: o.phone, ShipProvince: o.addr.Province, ShipCity: o.addr.City, ShipDistrict: o.addr.District,
		ShipStreet: o.addr.Street, ShipPostcode: o.addr.Postcode, Currency: o.currency, Discount: discount,
		ShippingFee: shipping, Note: o.note, OrderedAt: o.orderedAt}
	zone := orders.ZoneFor(rules, "", o.addr.Province)
	for n, l := range o.lines {
		li := orders.LineInput{ID: orders.ImportedLineID(id, n+1), ProductID: l.productID, Title: lineTitle(l),
			Qty: l.qty, UnitPrice: l.price}
		switch {
		case l.productID == "":
			li.Preorder = true // goods to buy, until someone matches the title to a product
			res.Unmatched++
		case confirms:
			if li.LocationID = stk.take(l.productID, zone, l.qty); li.LocationID == "" {
				li.Preorder = true
				res.Preordered++
			}
		}
		in.Lines = append(in.Lines, li)
	}
	if err := s.orders.SaveDraftTx(tx, id, in); err != nil {
		return err
	}
	res.Created++
	res.Lines += len(o.lines)
	at := o.orderedAt
	note := "imported from " + p.channel
	for _, kind := range chain {
		if err := s.orders.TransitionTx(tx, domain.DerivedID("order_event", id, kind),
			orders.TransitionInput{OrderID: id, To: kind, At: at, Note: note}); err != nil {
			return err
		}
		if kind == orders.Confirmed && o.paid > 0 {
			paidAt := o.paidAt
			if paidAt == "" {
				paidAt = at
			}
			if _, err := s.orders.AddPaymentTx(tx, domain.DerivedID("payment", id, "imported"), orders.PaymentInput{
				OrderID: id, Kind: "payment", Amount: o.paid, Currency: o.currency, Method: paymentMethod(p.channel),
				Ref: o.no, Note: note, PaidAt: paidAt}); err != nil {
				return err
			}
		}
	}
	return nil
}

func lineTitle(l fileLine) string {
	switch {
	case l.title != "":
		return l.title
	case l.sku != "":
		return "SKU " + l.sku
	}
	return "barcode " + l.barcode
}

// stockSim is the available stock per product and location during an import, so a line is
// reserved where the allocation rule would reserve it (the zone's location with the most
// available stock covering it, else any such location) and a line that no location can
// cover becomes a pre-order instead of failing the file.
type stockSim struct {
	avail map[string][]locAvail // product → locations
}

type locAvail struct {
	location, zone string
	qty            int64
}

func loadStock(q rowsQuerier, p *plan) (*stockSim, error) {
	var products []string
	for _, o := range p.orders {
		for _, l := range o.lines {
			if l.productID != "" {
				products = append(products, l.productID)
			}
		}
	}
	rows, err := q.Query(`SELECT sl.product_id, sl.location_id, lo.zone_id, sum(sl.on_hand) - sum(sl.reserved)
		FROM stock_levels sl JOIN locations lo ON lo.id = sl.location_id
		WHERE lo.deleted = 0 AND sl.product_id IN (SELECT value FROM json_each(?))
		GROUP BY sl.product_id, sl.location_id, lo.zone_id`, jsonList(products))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	s := &stockSim{avail: map[string][]locAvail{}}
	for rows.Next() {
		var product string
		var a locAvail
		if err := rows.Scan(&product, &a.location, &a.zone, &a.qty); err != nil {
			return nil, err
		}
		s.avail[product] = append(s.avail[product], a)
	}
	return s, rows.Err()
}

// take reserves qty of product in the simulation and returns the location, or "".
func (s *stockSim) take(product, zone string, qty int64) string {
	locs := s.avail[product]
	for _, z := range []string{zone, ""} {
		best := -1
		for i, a := range locs {
			if (z != "" && a.zone != z) || a.qty < qty {
				continue
			}
			if best < 0 || a.qty > locs[best].qty || (a.qty == locs[best].qty && a.location < locs[best].location) {
				best = i
			}
		}
		if best >= 0 {
			locs[best].qty -= qty
			return locs[best].location
		}
		if z == "" {
			break
		}
	}
	return ""
}
