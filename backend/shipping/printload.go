package shipping

import "database/sql"

// loadForPrint reads what labels and packing slips print of many parcels in a handful of
// queries (one per kind of row, not one set per parcel): the header with carrier and service
// names, the goods with their order numbers, the orders, and parcel n of m. Parcels come
// back in the order of ids; an id that is not a live parcel is skipped.
func loadForPrint(q querier, ids []string) ([]Parcel, error) {
	c, err := loadCatalog(q)
	if err != nil {
		return nil, err
	}
	list := jsonList(ids)
	byID := map[string]*Parcel{}
	err = scanAll(q, `SELECT p.id, p.number, p.carrier_id, p.service_id, p.tracking_no, p.leg2_carrier, p.leg2_tracking_no,
			p.weight_g, p.contents, p.ship_name, p.ship_phone, p.ship_province, p.ship_city, p.ship_district, p.ship_street,
			p.ship_postcode
		FROM parcels p WHERE p.id IN (SELECT value FROM json_each(?)) AND +p.deleted = 0`, []any{list}, func(r *sql.Rows) error {
		p := &Parcel{}
		if err := r.Scan(&p.ID, &p.Number, &p.CarrierID, &p.ServiceID, &p.TrackingNo, &p.Leg2Carrier, &p.Leg2TrackingNo,
			&p.WeightG, &p.Contents, &p.ShipName, &p.ShipPhone, &p.ShipProvince, &p.ShipCity, &p.ShipDistrict,
			&p.ShipStreet, &p.ShipPostcode); err != nil {
			return err
		}
		if cr := c.carrier(p.CarrierID); cr != nil {
			p.Carrier, p.CarrierEn = cr.Name, cr.NameEn
		}
		if _, v := c.service(p.ServiceID); v != nil {
			p.Service, p.ServiceEn = v.Name, v.NameEn
		}
		byID[p.ID] = p
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = scanAll(q, `SELECT i.parcel_id, i.line_id, i.order_id, coalesce(o.number, ''), l.product_id, coalesce(pr.sku, ''),
			coalesce(nullif(pr.name_zh, ''), l.title), coalesce(pr.name_orig, ''), i.qty, l.qty, l.unit_price, coalesce(o.currency, '')
		FROM parcel_items i JOIN order_lines l ON l.id = i.line_id
		LEFT JOIN orders o ON o.id = i.order_id LEFT JOIN products pr ON pr.id = l.product_id
		WHERE i.parcel_id IN (SELECT value FROM json_each(?)) AND i.deleted = 0
		ORDER BY i.parcel_id, o.number, l.position, l.id`, []any{list}, func(r *sql.Rows) error {
		var parcel string
		var l ParcelLine
		if err := r.Scan(&parcel, &l.LineID, &l.OrderID, &l.OrderNumber, &l.ProductID, &l.SKU, &l.Name, &l.NameOrig, &l.Qty,
			&l.LineQty, &l.UnitPrice, &l.Currency); err != nil {
			return err
		}
		if p := byID[parcel]; p != nil {
			p.Lines = append(p.Lines, l)
			// lines come by order number; an order not synced yet has none to print
			if n := len(p.Orders); l.OrderNumber != "" && (n == 0 || p.Orders[n-1].ID != l.OrderID) {
				p.Orders = append(p.Orders, ParcelOrder{ID: l.OrderID, Number: l.OrderNumber})
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	seqs, err := parcelSeqs(q, ids)
	if err != nil {
		return nil, err
	}
	out := make([]Parcel, 0, len(ids))
	for _, id := range ids {
		if p := byID[id]; p != nil {
			p.Seq, p.Count = seqs[id].n, seqs[id].of
			out = append(out, *p)
		}
	}
	return out, nil
}
