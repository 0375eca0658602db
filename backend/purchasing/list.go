package purchasing

import (
	"context"
	"database/sql"
	"sort"
	"strconv"
	"strings"

	"daigoudesk/backend/domain"
)

// ListItem is one product on a trip's shopping list.
type ListItem struct {
	ProductID    string `json:"productId"`
	SKU          string `json:"sku"`
	Name         string `json:"name"`     // Chinese name
	NameOrig     string `json:"nameOrig"` // original-language name, as the shop labels it
	Brand        string `json:"brand"`
	Barcode      string `json:"barcode"`
	Photo        string `json:"photo"`
	WeightG      int64  `json:"weightG"`
	ForOrders    int64  `json:"forOrders"` // unfilled pre-order units of open orders
	Orders       int    `json:"orders"`    // how many orders wait for them (their open lines)
	ForStock     int64  `json:"forStock"`  // still to buy for stock (reorder need or the person's quantity)
	Manual       bool   `json:"manual"`    // a person set the quantity for stock
	StockQty     int64  `json:"stockQty"`  // that quantity (what to bring for stock in all)
	ToStock      int64  `json:"toStock"`   // units this trip bought into stock
	ShelfLife    bool   `json:"shelfLife"` // the product expires: ask for batch and expiry
	Skipped      bool   `json:"skipped"`   // a person left the reorder suggestion off
	Available    int64  `json:"available"` // in stock, not reserved
	ReorderPoint int64  `json:"reorderPoint"`
	Need         int64  `json:"need"`     // ForOrders + ForStock: still to buy
	Bought       int64  `json:"bought"`   // bought on this trip, net of undo
	NotFound     bool   `json:"notFound"` // marked not found on this trip
	LastPrice    int64  `json:"lastPrice"`
	LastCurrency string `json:"lastCurrency"`
	Note         string `json:"note"`
}

// ListGroup is the items bought at one store ("" = no store known: anywhere).
type ListGroup struct {
	SupplierID string     `json:"supplierId"`
	Store      string     `json:"store"`
	City       string     `json:"city"`
	Items      []ListItem `json:"items"`
}

// ShoppingList is a trip's 采购清单.
type ShoppingList struct {
	Trip   Trip        `json:"trip"`
	Groups []ListGroup `json:"groups"`
	Items  int         `json:"items"`  // products on the list
	Need   int64       `json:"need"`   // units still to buy
	Bought int64       `json:"bought"` // units bought on the trip
}

// ShoppingList builds a trip's list from what is open now (see the package comment). The
// laptop has two cores and summing 50,000 open pre-order lines is the longest step, so one
// read connection sums them while another reads the trip's own side (reorder needs, ticks,
// a person's lines) and describes those products; then the pre-ordered products left are
// described half on each.
func (s *Service) ShoppingList(ctx context.Context, tripID string) (ShoppingList, error) {
	q, err := s.db.Reader(ctx)
	if err != nil {
		return ShoppingList{}, err
	}
	defer q.Close()
	trip, err := getTrip(q, tripID)
	if err != nil {
		return ShoppingList{}, err
	}
	// a closed trip's list is what it bought and did not find: nothing is still to buy on it
	var needs map[string]preorderNeed
	aside := s.readAside(ctx, func(q querier) (err error) {
		if !trip.Closed {
			needs, err = preorderNeeds(q)
		}
		return err
	})
	items := map[string]*ListItem{}
	item := func(id string) *ListItem {
		it := items[id]
		if it == nil {
			it = &ListItem{ProductID: id}
			items[id] = it
		}
		return it
	}
	bought, override, err := s.tripSide(q, tripID, !trip.Closed, item)
	var own described
	if err == nil {
		ids := make([]string, 0, len(items))
		for id := range items {
			ids = append(ids, id)
		}
		own, err = describe(q, ids, trip.Country)
	}
	if err2 := <-aside; err == nil {
		err = err2
	}
	if err != nil {
		return ShoppingList{}, err
	}
	// the pre-ordered products not described yet, half on each connection
	var rest []string
	for id := range needs {
		if _, done := own.items[id]; !done {
			rest = append(rest, id)
		}
	}
	var other described
	aside = s.readAside(ctx, func(q querier) (err error) {
		other, err = describe(q, rest[len(rest)/2:], trip.Country)
		return err
	})
	more, err := describe(q, rest[:len(rest)/2], trip.Country)
	if err2 := <-aside; err == nil {
		err = err2
	}
	if err != nil {
		return ShoppingList{}, err
	}
	own.merge(more)
	own.merge(other)
	for id, n := range needs {
		it := item(id)
		it.ForOrders, it.Orders = n.qty, n.orders
	}
	for id, t := range bought {
		items[id].Bought, items[id].ToStock = t.bought, t.toStock
	}
	if err := own.override(q, override); err != nil {
		return ShoppingList{}, err
	}
	list := ShoppingList{Trip: trip, Groups: []ListGroup{}}
	ids := make([]string, 0, len(items))
	for id, it := range items {
		ids = append(ids, id)
		own.fill(it)
	}
	stores, elsewhere := own.stores, own.elsewhere
	groups := map[string]*ListGroup{}
	for _, id := range ids {
		it := items[id]
		if it.Name == "" && it.SKU == "" { // a product deleted, or not synced yet
			continue
		}
		it.Need = it.ForOrders + it.ForStock
		if it.Need == 0 && it.Bought == 0 && !it.NotFound && !it.Manual && !it.Skipped {
			continue
		}
		if elsewhere[id] && it.Bought == 0 && !it.NotFound && !it.Manual && !it.Skipped {
			continue // sold only in other countries: for another trip
		}
		st := stores[id]
		g := groups[st.id]
		if g == nil {
			g = &ListGroup{SupplierID: st.id, Store: st.name, City: st.city}
			groups[st.id] = g
		}
		g.Items = append(g.Items, *it)
		list.Items++
		list.Need += it.Need
		list.Bought += it.Bought
	}
	for _, g := range groups {
		sort.Slice(g.Items, func(a, b int) bool {
			x, y := g.Items[a], g.Items[b]
			if (x.Need == 0) != (y.Need == 0) { // what is still to buy first
				return x.Need > 0
			}
			if x.Brand != y.Brand {
				return x.Brand < y.Brand
			}
			return x.Name < y.Name
		})
		list.Groups = append(list.Groups, *g)
	}
	sort.Slice(list.Groups, func(a, b int) bool {
		x, y := list.Groups[a], list.Groups[b]
		if (x.SupplierID == "") != (y.SupplierID == "") { // "any store" last
			return y.SupplierID == ""
		}
		if x.City != y.City {
			return x.City < y.City
		}
		return x.Store < y.Store
	})
	return list, nil
}

// readAside runs fn on a read connection of its own, on another goroutine; the channel
// gives its error.
func (s *Service) readAside(ctx context.Context, fn func(q querier) error) <-chan error {
	done := make(chan error, 1)
	go func() {
		q, err := s.db.Reader(ctx)
		if err != nil {
			done <- err
			return
		}
		defer q.Close()
		done <- fn(q)
	}()
	return done
}

// preorderNeed is what open orders still wait for of one product.
type preorderNeed struct {
	qty    int64
	orders int
}

// preorderNeeds sums the unfilled pre-order lines of open orders (confirmed, with a deposit,
// paid or allocated) per product, and counts them (an order that has the product on two
// lines counts twice: counting distinct orders costs a third of the query). Each line's filled quantity is looked up once (the inner
// query is kept apart by LIMIT -1 so that SQLite does not repeat it for the sum and the filter).
func preorderNeeds(q querier) (map[string]preorderNeed, error) {
	rows, err := q.Query(`SELECT product_id, sum(open), count(*) FROM (
			SELECT l.product_id,
				l.qty - coalesce((SELECT sum(f.qty) FROM preorder_fills f WHERE f.line_id = l.id), 0) AS open
			FROM order_status s JOIN order_lines l INDEXED BY order_lines_preorder_order ON l.order_id = s.order_id
			WHERE s.deleted = 0 AND s.status IN ('confirmed', 'deposit', 'paid', 'allocated')
				AND l.preorder = 1 AND l.deleted = 0 AND l.product_id <> '' LIMIT -1)
		WHERE open > 0 GROUP BY product_id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]preorderNeed{}
	for rows.Next() {
		var id string
		var n preorderNeed
		if err := rows.Scan(&id, &n.qty, &n.orders); err != nil {
			return nil, err
		}
		out[id] = n
	}
	return out, rows.Err()
}

type tally struct{ bought, toStock int64 }

// tripSide reads the reorder needs, what the trip bought and marked not found, and a
// person's own lines into items; it returns the trip's tallies per product and the stores a
// person chose.
func (s *Service) tripSide(q querier, tripID string, open bool, item func(string) *ListItem) (map[string]*tally, map[string]string, error) {
	// stock at or below its reorder point, less what open purchase orders will bring
	reorder := `SELECT p.id, p.reorder_point, p.reorder_qty, 0, 0 FROM products p WHERE 0`
	if open {
		reorder = `SELECT p.id, p.reorder_point, p.reorder_qty, coalesce(ps.on_hand - ps.reserved, 0),
		coalesce((SELECT sum(l.qty) - coalesce(sum((SELECT sum(r.qty) FROM purchase_receipts r WHERE r.line_id = l.id)), 0)
			FROM purchase_order_lines l JOIN purchase_orders po ON po.id = l.po_id
			WHERE l.product_id = p.id AND l.deleted = 0 AND po.deleted = 0 AND po.cancelled = 0), 0)
		FROM products p LEFT JOIN product_stock ps ON ps.product_id = p.id
		WHERE p.deleted = 0 AND p.reorder_point > 0 AND coalesce(ps.on_hand - ps.reserved, 0) <= p.reorder_point`
	}
	rows, err := q.Query(reorder)
	if err != nil {
		return nil, nil, err
	}
	for rows.Next() {
		var id string
		var point, qty, avail, incoming int64
		if err := rows.Scan(&id, &point, &qty, &avail, &incoming); err != nil {
			rows.Close()
			return nil, nil, err
		}
		if avail+incoming > point {
			continue
		}
		it := item(id)
		it.ForStock, it.Available, it.ReorderPoint = domain.SuggestReorder(avail+incoming, point, qty), avail, point
	}
	rows.Close()
	// what this trip bought (a substitute counts for the product asked for) and marked not found
	bought := map[string]*tally{}
	rows, err = q.Query(`SELECT CASE WHEN b.for_product_id <> '' THEN b.for_product_id ELSE b.product_id END AS product,
			sum(CASE WHEN b.kind IN ('bought', 'undo') THEN b.qty ELSE 0 END), sum(b.to_stock),
			max(b.kind = 'not_found' AND NOT EXISTS (SELECT 1 FROM trip_buys u WHERE u.undoes = b.id)),
			max(b.kind IN ('bought', 'undo'))
		FROM trip_buys b WHERE b.trip_id = ? GROUP BY product`, tripID)
	if err != nil {
		return nil, nil, err
	}
	for rows.Next() {
		var id string
		var t tally
		var notFound, ticked bool
		if err := rows.Scan(&id, &t.bought, &t.toStock, &notFound, &ticked); err != nil {
			rows.Close()
			return nil, nil, err
		}
		it := item(id)
		it.NotFound = notFound
		if ticked {
			bought[id] = &t
		}
	}
	rows.Close()
	// a person's own lines
	override := map[string]string{}
	rows, err = q.Query(`SELECT product_id, qty, skip, supplier_id, note FROM trip_items WHERE trip_id = ? AND deleted = 0`, tripID)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id, supplier, note string
		var qty int64
		var skip bool
		if err := rows.Scan(&id, &qty, &skip, &supplier, &note); err != nil {
			return nil, nil, err
		}
		it := item(id)
		it.Note = note
		if supplier != "" {
			override[id] = supplier
		}
		switch {
		case skip:
			it.Skipped, it.ForStock = true, 0
		case qty > 0:
			toStock := int64(0)
			if t := bought[id]; t != nil {
				toStock = t.toStock
			}
			it.Manual, it.StockQty = true, qty
			if open {
				it.ForStock = max(0, qty-toStock)
			}
		}
	}
	return bought, override, rows.Err()
}

// lastPrices are two columns over products p: the latest trip purchase and the latest
// purchase order line of the product, each "<at> <unit price> <currency>" or ”. They read
// the tables through their product indexes (the purchase_prices view cannot be searched per
// product this quickly).
const lastPrices = `coalesce((SELECT b.at || ' ' || b.unit_price || ' ' || b.currency FROM trip_buys b
		WHERE b.product_id = p.id AND b.kind = 'bought' AND NOT EXISTS (SELECT 1 FROM trip_buys u WHERE u.undoes = b.id)
		ORDER BY b.at DESC LIMIT 1), ''),
	coalesce((SELECT po.ordered_at || ' ' || l.unit_price || ' ' || po.currency FROM purchase_order_lines l
		JOIN purchase_orders po ON po.id = l.po_id
		WHERE l.product_id = p.id AND l.deleted = 0 AND po.deleted = 0 AND po.cancelled = 0
		ORDER BY po.ordered_at DESC LIMIT 1), '')`

// latestPrice picks the later of two "<at> <price> <currency>" texts.
func latestPrice(a, b string) (int64, string) {
	if b > a { // both start with an RFC 3339 time or a date
		a = b
	}
	f := strings.Fields(a)
	if len(f) != 3 {
		return 0, ""
	}
	price, _ := strconv.ParseInt(f[1], 10, 64)
	return price, f[2]
}

// described is what describe found out about products: their catalog facts and last price
// (items), the store each is bought at on the trip, and those only sold in other countries.
type described struct {
	items     map[string]ListItem
	stores    map[string]storeRef
	elsewhere map[string]bool
}

// describe reads the names, codes and last price of products and where they are bought on a
// trip to country. The ids go in as one JSON array (json_each), not as thousands of
// placeholders, which SQLite would parse for every call. (+p.deleted and the CROSS JOIN in
// storesFor keep SQLite on the primary key and the product index: without statistics it
// would rather walk a deleted-first index.)
func describe(q querier, ids []string, country string) (described, error) {
	d := described{items: make(map[string]ListItem, len(ids))}
	if len(ids) == 0 {
		d.stores, d.elsewhere = map[string]storeRef{}, map[string]bool{}
		return d, nil
	}
	rows, err := q.Query(`SELECT p.id, p.sku, p.name_zh, p.name_orig, p.brand, p.barcode, p.photo, p.weight_g, p.shelf_life,
		coalesce(ps.on_hand - ps.reserved, 0), p.reorder_point, `+lastPrices+`
		FROM products p LEFT JOIN product_stock ps ON ps.product_id = p.id
		WHERE p.id IN (SELECT value FROM json_each(?)) AND +p.deleted = 0`, idList(ids))
	if err != nil {
		return d, err
	}
	for rows.Next() {
		var v ListItem
		var lastTrip, lastPO string
		if err := rows.Scan(&v.ProductID, &v.SKU, &v.Name, &v.NameOrig, &v.Brand, &v.Barcode, &v.Photo, &v.WeightG, &v.ShelfLife,
			&v.Available, &v.ReorderPoint, &lastTrip, &lastPO); err != nil {
			rows.Close()
			return d, err
		}
		v.LastPrice, v.LastCurrency = latestPrice(lastTrip, lastPO)
		d.items[v.ProductID] = v
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return d, err
	}
	d.stores, d.elsewhere, err = storesFor(q, ids, country)
	return d, err
}

// merge adds what other found out.
func (d *described) merge(other described) {
	for id, v := range other.items {
		d.items[id] = v
	}
	for id, st := range other.stores {
		d.stores[id] = st
	}
	for id := range other.elsewhere {
		if _, here := d.stores[id]; !here {
			d.elsewhere[id] = true
		}
	}
}

// override files products under the store a person chose on the trip's list.
func (d *described) override(q querier, chosen map[string]string) error {
	for product, supplier := range chosen {
		var ref storeRef
		err := q.QueryRow(`SELECT id, name, city FROM suppliers WHERE id = ? AND deleted = 0`, supplier).Scan(&ref.id, &ref.name, &ref.city)
		if err == sql.ErrNoRows {
			continue
		} else if err != nil {
			return err
		}
		d.stores[product] = ref
		delete(d.elsewhere, product)
	}
	return nil
}

// fill copies the catalog facts of its product into it ("" names when the product is gone).
func (d *described) fill(it *ListItem) {
	v, ok := d.items[it.ProductID]
	if !ok {
		return
	}
	it.SKU, it.Name, it.NameOrig, it.Brand, it.Barcode, it.Photo, it.WeightG = v.SKU, v.Name, v.NameOrig, v.Brand, v.Barcode, v.Photo, v.WeightG
	it.ShelfLife, it.Available, it.ReorderPoint, it.LastPrice, it.LastCurrency = v.ShelfLife, v.Available, v.ReorderPoint, v.LastPrice, v.LastCurrency
}

type storeRef struct{ id, name, city string }

// storesFor says where each product is bought on a trip to country: the product's preferred
// supplier there, else the supplier there it was bought at last (a store a person chose on
// the list overrides it: described.override). elsewhere lists the products whose known suppliers are all in other
// countries (not for this trip). The last-bought dates are only read when a product has
// several stores there and none preferred.
func storesFor(q querier, ids []string, country string) (out map[string]storeRef, elsewhere map[string]bool, err error) {
	out, elsewhere = map[string]storeRef{}, map[string]bool{}
	type link struct {
		storeRef
		preferred bool
	}
	here := map[string][]link{}
	rows, err := q.Query(`SELECT sp.product_id, s.id, s.name, s.city, s.country, sp.preferred
		FROM supplier_products sp CROSS JOIN suppliers s ON s.id = sp.supplier_id
		WHERE sp.product_id IN (SELECT value FROM json_each(?)) AND +sp.deleted = 0 AND +s.deleted = 0`, idList(ids))
	if err != nil {
		return nil, nil, err
	}
	for rows.Next() {
		var product, where string
		var l link
		if err := rows.Scan(&product, &l.id, &l.name, &l.city, &where, &l.preferred); err != nil {
			rows.Close()
			return nil, nil, err
		}
		if country == "" || where == country {
			here[product] = append(here[product], l)
			delete(elsewhere, product)
		} else if len(here[product]) == 0 {
			elsewhere[product] = true
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	for product, links := range here {
		best, bestLast := links[0], ""
		for i, l := range links {
			if l.preferred {
				best = l
				break
			}
			if len(links) == 1 {
				break
			}
			var last string
			if err := q.QueryRow(`SELECT max(coalesce((SELECT max(b.at) FROM trip_buys b WHERE b.product_id = ?1
					AND b.supplier_id = ?2 AND b.kind = 'bought'), ''),
				coalesce((SELECT max(po.ordered_at) FROM purchase_order_lines l JOIN purchase_orders po ON po.id = l.po_id
					WHERE l.product_id = ?1 AND po.supplier_id = ?2 AND l.deleted = 0 AND po.deleted = 0), ''))`,
				product, l.id).Scan(&last); err != nil {
				return nil, nil, err
			}
			if i == 0 || last > bestLast {
				best, bestLast = l, last
			}
		}
		out[product] = best.storeRef
	}
	return out, elsewhere, nil
}
