package orderimport

import (
	"context"
	"strconv"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/importer"
)

// ExportHeader is the header of an exported order file: one row per order line. Its columns
// carry the generic preset's field names where there is one, so an exported file imports
// back with that preset (on another channel, or into another data folder).
var ExportHeader = []string{"number", "channel", FOrderNo, FOrderedAt, FStatus, "customer", FBuyer, FRecipient, FPhone,
	FProvince, FCity, FDistrict, FStreet, FPostcode, FCurrency, "total", FPaid, "balance_due", "line", FSKU, FTitle,
	FQty, FUnitPrice, FLineTotal, "preorder", FNote}

// ExportOrdersFile writes every live order's lines to a .csv or .xlsx file, oldest order
// first, and returns how many orders it wrote.
func (s *Service) ExportOrdersFile(ctx context.Context, path string) (int, error) {
	w, err := importer.Create(path, ExportHeader)
	if err != nil {
		return 0, err
	}
	rows, err := s.db.R().QueryContext(ctx, `SELECT o.id, o.number, o.channel, o.channel_order_no, o.ordered_at, s.status,
		coalesce(c.name, ''), coalesce(CASE o.channel WHEN 'taobao' THEN c.taobao WHEN 'wechat' THEN c.wechat
		WHEN 'xiaohongshu' THEN c.xiaohongshu END, ''), o.ship_name, o.ship_phone, o.ship_province, o.ship_city,
		o.ship_district, o.ship_street, o.ship_postcode, o.currency, s.total, s.paid, s.total - s.returned - s.paid,
		l.position, coalesce(p.sku, ''), l.title, l.qty, l.unit_price, l.preorder, o.note
		FROM orders o JOIN order_status s ON s.order_id = o.id
		JOIN order_lines l ON l.order_id = o.id AND l.deleted = 0
		LEFT JOIN customers c ON c.id = o.customer_id
		LEFT JOIN products p ON p.id = l.product_id
		WHERE o.deleted = 0 ORDER BY o.ordered_at, o.id, l.position, l.id`)
	if err != nil {
		w.Abort()
		return 0, err
	}
	defer rows.Close()
	n, last := 0, ""
	for rows.Next() {
		var id, cur string
		var total, paid, due, qty, price int64
		var position int
		var preorder bool
		rec := make([]string, len(ExportHeader))
		if err := rows.Scan(&id, &rec[0], &rec[1], &rec[2], &rec[3], &rec[4], &rec[5], &rec[6], &rec[7], &rec[8], &rec[9],
			&rec[10], &rec[11], &rec[12], &rec[13], &cur, &total, &paid, &due, &position, &rec[19], &rec[20], &qty, &price,
			&preorder, &rec[25]); err != nil {
			w.Abort()
			return 0, err
		}
		if id != last {
			n, last = n+1, id
		}
		money := func(v int64) string { return domain.FormatMoney(v, cur) }
		rec[14], rec[15], rec[16], rec[17] = cur, money(total), money(paid), money(due)
		rec[18], rec[21], rec[22], rec[23] = strconv.Itoa(position), strconv.FormatInt(qty, 10), money(price), money(qty*price)
		rec[24] = "0"
		if preorder {
			rec[24] = "1"
		}
		if err := w.Write(rec); err != nil {
			w.Abort()
			return 0, err
		}
	}
	if err := rows.Err(); err != nil {
		w.Abort()
		return 0, err
	}
	return n, w.Close()
}
