package orderimport

import (
	"context"
	"fmt"

	"daigoudesk/backend/customers"
	"daigoudesk/backend/domain"
	"daigoudesk/backend/importer"
	"daigoudesk/backend/orders"
	"daigoudesk/backend/store"
)

// Import imports a file in one transaction: all of it, or nothing when any row is bad (a
// *domain.FileError listing every bad row) unless req.SkipBad leaves the bad rows' orders out.
// Orders already imported (same channel and order number) are skipped, so importing a file
// again changes nothing.
func (s *Service) Import(ctx context.Context, req Request) (Result, error) {
	defer importer.FewerGCs()()
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
		var list []orders.ImportedOrder
		var from []*fileOrder // the file order of each entry of list
		var people []customers.NewCustomer
		var addresses []customers.Address
		for _, o := range p.orders {
			id := o.id
			switch {
			case p.existing[id]:
				res.Skipped++
				continue
			case o.bad:
				res.SkippedBad++
				continue
			}
			c := p.custs.forOrder(o)
			if c.isNew && !c.created {
				people = append(people, customers.NewCustomer{ID: c.id, Input: c.input})
				c.created = true
				res.NewCustomers++
			}
			addr := customers.Address{CustomerID: c.id, Recipient: o.recipient, Phone: o.phone, Province: o.addr.Province,
				City: o.addr.City, District: o.addr.District, Street: o.addr.Street, Postcode: o.addr.Postcode}
			if customers.ValidAddress(addr) { // EnsureAddressesTx keeps a buyer's repeated address once
				addresses = append(addresses, addr)
			}
			list, from = append(list, s.planOrder(p, o, id, c.id, rules, stk, &res)), append(from, o)
		}
		// The orders are checked and their rows made on other cores while this one writes
		// their new customers.
		prepared := make(chan *orders.PreparedImport, 1)
		go func() { prepared <- s.orders.PrepareImport(list) }()
		if err := s.customers.CreateCustomersTx(tx, people); err != nil {
			<-prepared
			return fmt.Errorf("%s: %w", p.file, err)
		}
		if _, err := s.customers.EnsureAddressesTx(tx, addresses); err != nil {
			<-prepared
			return fmt.Errorf("%s: %w", p.file, err)
		}
		err = s.orders.ImportPreparedTx(tx, <-prepared)
		if ie, ok := err.(*orders.ImportError); ok {
			return inOrder(ie.Err, p.file, from[ie.Index])
		}
		return err
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

// planOrder returns the order to create from one order of the file, for customer: its
// lines reserved where the allocation rule would reserve them, or pre-order lines when no
// location has the stock.
func (s *Service) planOrder(p *plan, o *fileOrder, id, customer string, rules orders.Rules, stk *stockSim,
	res *Result) orders.ImportedOrder {
	status := o.status()
	holds := status != orders.Draft && status != orders.Cancelled // confirmed: its stock is reserved or gone
	discount, shipping := o.prices()
	in := orders.OrderInput{Channel: p.channel, ChannelOrderNo: o.no, CustomerID: customer, ShipName: o.recipient,
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
		case holds:
			if li.LocationID = stk.take(l.productID, zone, l.qty); li.LocationID == "" {
				li.Preorder = true
				res.Preordered++
			}
		}
		in.Lines = append(in.Lines, li)
	}
	res.Created++
	res.Lines += len(o.lines)
	io := orders.ImportedOrder{ID: id, Input: in, Status: status, Note: "imported from " + p.channel}
	if holds && o.paid > 0 {
		paidAt := o.paidAt
		if paidAt == "" {
			paidAt = o.orderedAt
		}
		io.Payment = &orders.PaymentInput{Kind: "payment", Amount: o.paid, Currency: o.currency,
			Method: paymentMethod(p.channel), Ref: o.no, Note: io.Note, PaidAt: paidAt}
		io.PaymentID = domain.ChildID(id, "payment", "imported")
	}
	return io
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
// reserved where the allocation rule (orders.PickLocation) would reserve it and a line that
// no location can cover becomes a pre-order instead of failing the file.
type stockSim struct {
	avail map[string][]orders.LocationStock // product → locations
}

func loadStock(q store.Querier, p *plan) (*stockSim, error) {
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
	s := &stockSim{avail: map[string][]orders.LocationStock{}}
	for rows.Next() {
		var product string
		var a orders.LocationStock
		if err := rows.Scan(&product, &a.Location, &a.Zone, &a.Available); err != nil {
			return nil, err
		}
		s.avail[product] = append(s.avail[product], a)
	}
	return s, rows.Err()
}

// take reserves qty of product in the simulation and returns the location, or "".
func (s *stockSim) take(product, zone string, qty int64) string {
	locs := s.avail[product]
	i := orders.PickLocation(locs, zone, qty)
	if i < 0 {
		return ""
	}
	locs[i].Available -= qty
	return locs[i].Location
}
