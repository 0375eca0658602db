package bench

import (
	"context"
	"database/sql"
	"fmt"
	"testing"
	"time"

	"daigoudesk/backend/purchasing"
	"daigoudesk/backend/services"
)

// Size of the buying-trip benchmark: 200,000 orders of which 25,000 are open with two
// pre-order lines each (50,000 open order lines, a third of them partly filled by earlier
// trips) and 43,750 done ones were pre-orders too (87,500 closed pre-order lines), 20,000
// products (2,000 below their reorder point), 40 stores, and a trip under way with 300 ticks.
const (
	tripOrders    = 200_000
	tripOpen      = 25_000
	tripProducts  = 20_000
	tripSuppliers = 40
	// the pre-orders are for 5,000 of the products (a trip list of about 6,500 items)
	tripPreordered = 5_000
)

var tripsData dataset

// tripsDB is the buying-trip benchmark database ($DAIGOU_BENCH_DIR/trips).
func tripsDB(b *testing.B) string {
	return tripsData.open(b, "trips", func(dir string) (string, error) {
		return fmt.Sprintf("%d orders (%d open pre-order lines), %d products", tripOrders, 2*tripOpen, tripProducts), buildTrips(dir)
	}, nil)
}

// buildTrips writes the rows straight into the tables with set-based SQL (sqlLoad).
func buildTrips(dir string) error {
	return sqlLoad(dir, func(device string) ([]string, []any) {
		steps := []string{
			`CREATE TEMP TABLE seq AS WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i < :orders - 1) SELECT i FROM s`,
			`INSERT INTO products(id, sku, name_zh, name_orig, brand, barcode, price, price_currency, cost, cost_currency, weight_g,
		        reorder_point, reorder_qty, created_at, _v)
		 SELECT printf('TP%024d', i), printf('T-%05d', i), '商品' || i, 'Product ' || i, '品牌' || (i % 80), '',
		        10000 + i, 'CNY', 500 + i, 'JPY', 100 + i % 400, CASE WHEN i % 10 = 0 THEN 5 ELSE 0 END, 12,
		        '2024-01-01T00:00:00Z', 'x' FROM temp.seq WHERE i < :products`,
			`INSERT INTO locations(id, zone_id, name, _v) VALUES ('TL', '', 'Alice''s suitcase', 'x')`,
			`INSERT INTO stock_moves(id, product_id, location_id, kind, qty, at, device, _hlc)
		 SELECT printf('TM%024d', i), printf('TP%024d', i), 'TL', 'receive', 1 + i % 20, '2024-01-01T00:00:00Z', :device,
		        printf('%013d.%05d.%s', 1700000000000 + i, 0, :device) FROM temp.seq WHERE i < :products`,
			`INSERT INTO suppliers(id, name, kind, country, city, currency, _v)
		 SELECT printf('TS%04d', i), '店铺 ' || i, 'shop', CASE WHEN i % 2 = 0 THEN 'JP' ELSE 'KR' END, '东京', 'JPY', 'x'
		 FROM temp.seq WHERE i < :suppliers`,
			`INSERT INTO supplier_products(id, supplier_id, product_id, preferred, _v)
		 SELECT printf('TSP%024d', i), printf('TS%04d', i % :suppliers), printf('TP%024d', i), i % 3 = 0, 'x'
		 FROM temp.seq WHERE i < :products AND i % 2 = 0`,
			`INSERT INTO customers(id, name, _v) SELECT printf('TC%024d', i), '客户' || i, 'x' FROM temp.seq WHERE i < 50000`,
			`INSERT INTO orders(id, number, channel, customer_id, currency, ordered_at, due_date, _v)
		 SELECT printf('TO%024d', i), printf('SO-TRP-%07d', i), 'wechat', printf('TC%024d', i % 50000), 'CNY',
		        strftime('%Y-%m-%dT%H:%M:%SZ', 1700000000 + i * 60, 'unixepoch'),
		        CASE WHEN i % 7 = 0 THEN '2026-12-01' ELSE '' END, 'x' FROM temp.seq`,
			// the open orders (the last 25,000) have two pre-order lines; of the orders done, one in
			// four was a pre-order too (the lines stay pre-order lines after they ship)
			`INSERT INTO order_lines(id, order_id, product_id, qty, unit_price, preorder, position, _v)
		 SELECT printf('TLN%024d', o.i * 2 + k.k), printf('TO%024d', o.i), printf('TP%024d', (o.i * 37 + k.k * 101) % :preordered),
		        1 + (o.i + k.k) % 3, 20000, o.i >= :orders - :open OR o.i % 4 = 0, k.k, 'x'
		 FROM temp.seq o, (SELECT 0 AS k UNION ALL SELECT 1) k`,
			`INSERT INTO order_events(id, order_id, kind, at, device, _hlc)
		 SELECT printf('TE%024d', i), printf('TO%024d', i), CASE WHEN i >= :orders - :open THEN 'confirmed' ELSE 'completed' END,
		        '2026-01-01T00:00:00Z', :device, printf('%013d.%05d.%s', 1710000000000 + i, 0, :device) FROM temp.seq`,
			// the trip: a past one bought the goods that filled a third of the open lines; the one
			// under way has ticked 300 items so far
			`INSERT INTO trips(id, name, country, city, starts_on, currency, card_rate, location_id, closed, _v)
		 VALUES ('TT0', '东京 10月', 'JP', '东京', '2026-10-01', 'JPY', '0.048', 'TL', 1, 'x'),
		        ('TT', '东京 12月', 'JP', '东京', '2026-12-01', 'JPY', '0.048', 'TL', 0, 'x')`,
			`INSERT INTO trip_buys(id, trip_id, kind, product_id, qty, unit_price, currency, rate, to_stock, at, device, _hlc)
		 SELECT printf('TB%024d', i), CASE WHEN i < 300 THEN 'TT' ELSE 'TT0' END, 'bought',
		        printf('TP%024d', ((:orders - :open + i) * 37) % :preordered), 1, 5000, 'JPY', '0.048', 0,
		        '2026-10-02T00:00:00Z', :device, printf('%013d.%05d.%s', 1720000000000 + i, 0, :device)
		 FROM temp.seq WHERE i < :open / 3`,
			`INSERT INTO preorder_fills(id, line_id, order_id, buy_id, qty, at, device, _hlc)
		 SELECT printf('TF%024d', i), printf('TLN%024d', (:orders - :open + i) * 2), printf('TO%024d', :orders - :open + i),
		        printf('TB%024d', i), 1, '2026-10-02T00:00:00Z', :device, printf('%013d.%05d.%s', 1730000000000 + i, 0, :device)
		 FROM temp.seq WHERE i < :open / 3`,
		}
		return steps, []any{sql.Named("orders", tripOrders), sql.Named("open", tripOpen), sql.Named("products", tripProducts),
			sql.Named("suppliers", tripSuppliers), sql.Named("preordered", tripPreordered), sql.Named("device", device)}
	})
}

// BenchmarkShoppingList builds a trip's shopping list from 50,000 open pre-order lines and the
// reorder needs of 20,000 products. Target: < 200 ms.
func BenchmarkShoppingList(b *testing.B) {
	dir := tripsDB(b)
	svc, err := services.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	defer svc.Close()
	ctx := context.Background()
	var list purchasing.ShoppingList
	if list, err = svc.Purchasing.ShoppingList(ctx, "TT"); err != nil {
		b.Fatal(err)
	}
	var open int64
	for _, g := range list.Groups {
		for _, it := range g.Items {
			open += it.ForOrders
		}
	}
	if open == 0 || list.Items < 1000 {
		b.Fatalf("a thin list: %d items, %d units for orders", list.Items, open)
	}
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		if _, err := svc.Purchasing.ShoppingList(ctx, "TT"); err != nil {
			b.Fatal(err)
		}
	}
	reportMs(b, start, "ms/list")
}
