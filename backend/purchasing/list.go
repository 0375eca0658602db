package purchasing

import (
	"context"
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
	Orders       int    `json:"orders"`    // how many orders wait for them
	ForStock     int64  `json:"forStock"`  // still to buy for stock (reorder need or the person's quantity)
	Manual       bool   `json:"manual"`    // a person set the quantity for stock
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

// ShoppingList builds a trip's list from what is open now (see the package comment).
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
	items := map[string]*ListItem{}
	item := func(id string) *ListItem {
		it := items[id]
		if it == nil {
			it = &ListItem{ProductID: id}
			items[id] = it
		}
		return it
	}
	// (a) unfilled pre-order lines of open orders
	rows, err := q.Query(`SELECT l.product_id, sum(l.qty - coalesce(f.filled, 0)), count(DISTINCT l.order_id)
		FROM order_lines l INDEXED BY order_lines_preorder
		JOIN order_status s ON s.order_id = l.order_id
		LEFT JOIN (SELECT line_id, sum(qty) AS filled FROM preorder_fills GROUP BY line_id) f ON f.line_id = l.id
		WHERE l.preorder = 1 AND l.deleted = 0 AND l.product_id <> '' AND s.deleted = 0 AND s.rank BETWEEN 10 AND 40
			AND l.qty > coalesce(f.filled, 0)
		GROUP BY l.product_id`)
	if err != nil {
		return ShoppingList{}, err
	}
	for rows.Next() {
		var id string
		var qty int64
		var orders int
		if err := rows.Scan(&id, &qty, &orders); err != nil {
			rows.Close()
			return ShoppingList{}, err
		}
		it := item(id)
		it.ForOrders, it.Orders = qty, orders
	}
	rows.Close()
	// (b) stock at or below its reorder point, less what open purchase orders will bring
	rows, err = q.Query(`SELECT p.id, p.reorder_point, p.reorder_qty, coalesce(ps.on_hand - ps.reserved, 0),
		coalesce((SELECT sum(l.qty) - coalesce(sum((SELECT sum(r.qty) FROM purchase_receipts r WHERE r.line_id = l.id)), 0)
			FROM purchase_order_lines l JOIN purchase_orders po ON po.id = l.po_id
			WHERE l.product_id = p.id AND l.deleted = 0 AND po.deleted = 0 AND po.cancelled = 0), 0)
		FROM products p LEFT JOIN product_stock ps ON ps.product_id = p.id
		WHERE p.deleted = 0 AND p.reorder_point > 0 AND coalesce(ps.on_hand - ps.reserved, 0) <= p.reorder_point`)
	if err != nil {
		return ShoppingList{}, err
	}
	for rows.Next() {
		var id string
		var point, qty, avail, incoming int64
		if err := rows.Scan(&id, &point, &qty, &avail, &incoming); err != nil {
			rows.Close()
			return ShoppingList{}, err
		}
		if avail+incoming > point {
			continue
		}
		it := item(id)
		it.ForStock, it.Available, it.ReorderPoint = domain.SuggestReorder(avail+incoming, point, qty), avail, point
	}
	rows.Close()
	// what this trip bought (a substitute counts for the product asked for) and marked not found
	type tally struct{ bought, toStock int64 }
	bought := map[string]*tally{}
	rows, err = q.Query(`SELECT CASE WHEN b.for_product_id <> '' THEN b.for_product_id ELSE b.product_id END, b.kind,
		b.qty, b.to_stock, EXISTS (SELECT 1 FROM trip_buys u WHERE u.undoes = b.id)
		FROM trip_buys b WHERE b.trip_id = ?`, tripID)
	if err != nil {
		return ShoppingList{}, err
	}
	for rows.Next() {
		var id, kind string
		var qty, toStock int64
		var undone bool
		if err := rows.Scan(&id, &kind, &qty, &toStock, &undone); err != nil {
			rows.Close()
			return ShoppingList{}, err
		}
		switch {
		case kind == "not_found" && !undone:
			item(id).NotFound = true
		case kind == "bought" || kind == "undo":
			t := bought[id]
			if t == nil {
				t = &tally{}
				bought[id] = t
			}
			t.bought += qty
			t.toStock += toStock
			item(id)
		}
	}
	rows.Close()
	// a person's own lines
	override := map[string]string{}
	rows, err = q.Query(`SELECT product_id, qty, skip, supplier_id, note FROM trip_items WHERE trip_id = ? AND deleted = 0`, tripID)
	if err != nil {
		return ShoppingList{}, err
	}
	for rows.Next() {
		var id, supplier, note string
		var qty int64
		var skip bool
		if err := rows.Scan(&id, &qty, &skip, &supplier, &note); err != nil {
			rows.Close()
			return ShoppingList{}, err
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
			it.Manual, it.ForStock = true, max(0, qty-toStock)
		}
	}
	rows.Close()
	for id, t := range bought {
		items[id].Bought = t.bought
	}
	list := ShoppingList{Trip: trip, Groups: []ListGroup{}}
	if len(items) == 0 {
		return list, nil
	}
	ids := make([]string, 0, len(items))
	for id := range items {
		ids = append(ids, id)
	}
	if err := describe(q, items, ids); err != nil {
		return list, err
	}
	stores, err := storesFor(q, ids, trip.Country, override)
	if err != nil {
		return list, err
	}
	groups := map[string]*ListGroup{}
	for _, id := range ids {
		it := items[id]
		if it.Name == "" && it.SKU == "" { // a product deleted, or not synced yet
			continue
		}
		it.Need = it.ForOrders + it.ForStock
		if it.Need == 0 && it.Bought == 0 && !it.NotFound && !it.Manual {
			continue
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

// describe fills in the names, codes and last price of the items' products.
func describe(q querier, items map[string]*ListItem, ids []string) error {
	for start := 0; start < len(ids); start += 500 {
		chunk := ids[start:min(start+500, len(ids))]
		rows, err := q.Query(`SELECT p.id, p.sku, p.name_zh, p.name_orig, p.brand, p.barcode, p.photo, p.weight_g,
			coalesce(ps.on_hand - ps.reserved, 0), p.reorder_point,
			coalesce((SELECT pp.unit_price || ' ' || pp.currency FROM purchase_prices pp WHERE pp.product_id = p.id
				ORDER BY pp.at DESC LIMIT 1), '')
			FROM products p LEFT JOIN product_stock ps ON ps.product_id = p.id
			WHERE p.id IN (`+placeholders(len(chunk))+`) AND p.deleted = 0`, anySlice(chunk)...)
		if err != nil {
			return err
		}
		for rows.Next() {
			var id string
			var v ListItem
			var last string
			if err := rows.Scan(&id, &v.SKU, &v.Name, &v.NameOrig, &v.Brand, &v.Barcode, &v.Photo, &v.WeightG,
				&v.Available, &v.ReorderPoint, &last); err != nil {
				rows.Close()
				return err
			}
			it := items[id]
			it.SKU, it.Name, it.NameOrig, it.Brand, it.Barcode, it.Photo, it.WeightG = v.SKU, v.Name, v.NameOrig, v.Brand, v.Barcode, v.Photo, v.WeightG
			it.Available, it.ReorderPoint = v.Available, v.ReorderPoint
			if price, cur, ok := strings.Cut(last, " "); ok {
				it.LastPrice, _ = strconv.ParseInt(price, 10, 64)
				it.LastCurrency = cur
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	return nil
}

type storeRef struct{ id, name, city string }

// storesFor says where each product is bought on a trip to country: the store a person
// chose on the list, else the product's preferred supplier there, else the supplier there it
// was bought at last; the last price is the one paid there.
func storesFor(q querier, ids []string, country string, override map[string]string) (map[string]storeRef, error) {
	out := map[string]storeRef{}
	for start := 0; start < len(ids); start += 500 {
		chunk := ids[start:min(start+500, len(ids))]
		rows, err := q.Query(`SELECT sp.product_id, s.id, s.name, s.city, sp.preferred,
			coalesce((SELECT max(pp.at) FROM purchase_prices pp WHERE pp.supplier_id = s.id AND pp.product_id = sp.product_id), '')
			FROM supplier_products sp JOIN suppliers s ON s.id = sp.supplier_id
			WHERE sp.product_id IN (`+placeholders(len(chunk))+`) AND sp.deleted = 0 AND s.deleted = 0
				AND (s.country = ? OR ? = '')`, append(anySlice(chunk), country, country)...)
		if err != nil {
			return nil, err
		}
		best := map[string]struct {
			preferred bool
			last      string
		}{}
		for rows.Next() {
			var product string
			var ref storeRef
			var preferred bool
			var last string
			if err := rows.Scan(&product, &ref.id, &ref.name, &ref.city, &preferred, &last); err != nil {
				rows.Close()
				return nil, err
			}
			b, seen := best[product]
			if !seen || preferred && !b.preferred || preferred == b.preferred && last > b.last {
				best[product] = struct {
					preferred bool
					last      string
				}{preferred, last}
				out[product] = ref
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	for product, supplier := range override {
		var ref storeRef
		if err := q.QueryRow(`SELECT id, name, city FROM suppliers WHERE id = ? AND deleted = 0`, supplier).
			Scan(&ref.id, &ref.name, &ref.city); err == nil {
			out[product] = ref
		}
	}
	return out, nil
}
