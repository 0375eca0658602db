package bench

import (
	"context"
	"database/sql"
	"fmt"
	"runtime"
	"testing"
	"time"

	"daigoudesk/backend/orders"
	"daigoudesk/backend/services"
)

// Size of the orders benchmark database: a busy team's several years of orders.
const (
	benchCustomers = 200_000
	benchOrders    = 1_000_000
	benchLines     = 3 // per order: 3,000,000 lines
)

var (
	ordersData dataset
	ordersInfo struct {
		customer, order string
	}
)

// ordersDB is the orders benchmark database ($DAIGOU_BENCH_DIR/orders).
func ordersDB(b *testing.B) string {
	return ordersData.open(b, "orders", func(dir string) (string, error) {
		return fmt.Sprintf("%d customers, %d orders, %d lines", benchCustomers, benchOrders, benchOrders*benchLines), buildOrders(dir)
	}, func(dir string) error {
		svc, err := services.Open(dir)
		if err != nil {
			return err
		}
		defer svc.Close()
		db := svc.DB.R()
		if err := db.QueryRow(`SELECT id FROM customers ORDER BY id LIMIT 1 OFFSET ?`, benchCustomers/2).Scan(&ordersInfo.customer); err != nil {
			return err
		}
		return db.QueryRow(`SELECT id FROM orders ORDER BY id LIMIT 1 OFFSET ?`, benchOrders/2).Scan(&ordersInfo.order)
	})
}

// buildOrders writes the history straight into the tables and oplog with set-based SQL, as
// bulkMoves does for stock: 1,000,000 orders through the service (~1 ms each here) would take
// most of an hour. The order_status rows are then rebuilt from the ledgers by
// store.RebuildDerived, the same code a repair would run (sqlLoad).
func buildOrders(dir string) error {
	return sqlLoad(dir, func(device string) ([]string, []any) {
		start := time.Now().AddDate(0, -36, 0).Unix()
		span := int64(36 * 30 * 24 * 3600)
		hlc := func(col string) string { // a stamp of this device, in the past, unique per row
			return `printf('%013d.%05d.%s', (:start + ` + col + ` * :span / :n) * 1000, ` + col + ` % 100000, :device)`
		}
		steps := []string{
			`CREATE TEMP TABLE seq AS WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i < :n - 1) SELECT i FROM s`,
			`INSERT INTO products(id, sku, name_zh, brand, price, price_currency, cost, cost_currency, created_at, _v)
			 SELECT printf('BP%024d', i), printf('B-%05d', i), '商品' || i, '品牌' || (i % 50), 10000 + i, 'CNY', 500 + i, 'JPY',
			        '2024-01-01T00:00:00Z', 'x' FROM temp.seq WHERE i < 1000`,
			`INSERT INTO customers(id, name, phone, wechat, created_at, _v)
			 SELECT printf('BC%024d', i), '客户' || i, printf('13%09d', i), 'wx' || i, '2024-01-01T00:00:00Z', 'x' FROM temp.seq WHERE i < :customers`,
			`INSERT INTO orders(id, number, channel, channel_order_no, customer_id, ship_name, ship_province, currency, shipping_fee,
			        ordered_at, created_at, due_date, _v)
			 SELECT printf('BO%024d', i), printf('SO-BEN-%07d', i),
			        CASE i % 4 WHEN 0 THEN 'wechat' WHEN 1 THEN 'taobao' WHEN 2 THEN 'xiaohongshu' ELSE 'website' END,
			        CASE WHEN i % 4 = 1 THEN printf('%018d', i) ELSE '' END,
			        printf('BC%024d', abs(i * 7919) % :customers), '客户' || (abs(i * 7919) % :customers), '上海市', 'CNY', 1500,
			        strftime('%Y-%m-%dT%H:%M:%SZ', :start + i * :span / :n, 'unixepoch'), '2024-01-01T00:00:00Z',
			        CASE WHEN i % 10 = 0 THEN strftime('%Y-%m-%d', :start + i * :span / :n + 864000, 'unixepoch') ELSE '' END, 'x'
			 FROM temp.seq`,
			`INSERT INTO order_lines(id, order_id, product_id, qty, unit_price, position, _v)
			 SELECT printf('BL%024d', o.i * 3 + k.k), printf('BO%024d', o.i), printf('BP%024d', (o.i * 31 + k.k * 17) % 1000),
			        1 + (o.i + k.k) % 3, 10000 + ((o.i * 31 + k.k * 17) % 1000), k.k, 'x'
			 FROM temp.seq o, (SELECT 0 AS k UNION ALL SELECT 1 UNION ALL SELECT 2) k`,
			`INSERT INTO order_events(id, order_id, kind, at, device, _hlc)
			 SELECT printf('BE%024d', i * 4 + e.r), printf('BO%024d', i), e.kind,
			        strftime('%Y-%m-%dT%H:%M:%SZ', :start + i * :span / :n + e.r * 3600, 'unixepoch'), :device, ` + hlc("(i * 4 + e.r)") + `
			 FROM temp.seq, (SELECT 0 AS r, 'confirmed' AS kind UNION ALL SELECT 1, 'packed' UNION ALL SELECT 2, 'shipped'
			                 UNION ALL SELECT 3, 'completed') e
			 WHERE (i % 20 <> 0 OR e.r = 0) AND (i < :n - 20000 OR e.r < 1 + (i % 3))`,
			`INSERT INTO order_events(id, order_id, kind, at, device, _hlc)
			 SELECT printf('BX%024d', i), printf('BO%024d', i), 'cancelled',
			        strftime('%Y-%m-%dT%H:%M:%SZ', :start + i * :span / :n + 7200, 'unixepoch'), :device, ` + hlc("(i + 5000000)") + `
			 FROM temp.seq WHERE i % 20 = 0`,
			`INSERT INTO payments(id, order_id, kind, amount, currency, rate, base_amount, order_amount, method, paid_at, device, _hlc)
			 SELECT printf('BY%024d', i), printf('BO%024d', i), 'payment', t.goods + 1500, 'CNY', '1', t.goods + 1500, t.goods + 1500,
			        'wechat', strftime('%Y-%m-%dT%H:%M:%SZ', :start + i * :span / :n + 600, 'unixepoch'), :device, ` + hlc("(i + 7000000)") + `
			 FROM temp.seq JOIN (SELECT order_id, sum(qty * unit_price) AS goods FROM order_lines GROUP BY order_id) t
			   ON t.order_id = printf('BO%024d', i) WHERE i % 20 <> 0`,
		}
		return steps, []any{sql.Named("n", benchOrders), sql.Named("customers", benchCustomers),
			sql.Named("start", start), sql.Named("span", span), sql.Named("device", device)}
	})
}

// BenchmarkFindOrders is the first page (100 rows and the total) of the order list for each
// filter and sort. Target: < 30 ms each.
func BenchmarkFindOrders(b *testing.B) {
	dir := ordersDB(b)
	svc, err := services.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	defer svc.Close()
	ctx := context.Background()
	filters := []struct {
		name string
		f    orders.Filter
	}{
		{"all", orders.Filter{}},
		{"open", orders.Filter{Open: true}},
		{"status", orders.Filter{Statuses: []string{"shipped"}}},
		{"channel", orders.Filter{Channel: "taobao"}},
		{"priority", orders.Filter{Priority: "urgent"}},
		{"month", orders.Filter{From: time.Now().AddDate(0, -2, 0).Format("2006-01-02"), To: time.Now().AddDate(0, -1, 0).Format("2006-01-02")}},
		{"customer", orders.Filter{CustomerID: ordersInfo.customer}},
		{"query", orders.Filter{Query: "SO-BEN-00123"}},
	}
	for _, sort := range []string{"ordered", "number", "total", "due", "priority"} {
		for _, fl := range filters {
			f := fl.f
			f.Sort, f.Limit, f.Desc = sort, 100, sort == "ordered"
			b.Run(sort+"/"+fl.name, func(b *testing.B) {
				if _, _, err := svc.Orders.FindOrders(ctx, f); err != nil {
					b.Fatal(err)
				}
				b.ResetTimer()
				start := time.Now()
				for i := 0; i < b.N; i++ {
					if _, _, err := svc.Orders.FindOrders(ctx, f); err != nil {
						b.Fatal(err)
					}
				}
				reportMs(b, start, "ms/page")
			})
		}
	}
}

// BenchmarkOrderListBuild reads the order list's in-memory index from the database, as the
// app does in the background after it starts and as the first filtered page would wait for.
func BenchmarkOrderListBuild(b *testing.B) {
	dir := ordersDB(b)
	ctx := context.Background()
	for i := 0; i < b.N; i++ {
		svc, err := services.Open(dir)
		if err != nil {
			b.Fatal(err)
		}
		heap := func() uint64 {
			runtime.GC()
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			return m.HeapAlloc
		}
		before := heap()
		start := time.Now()
		if err := svc.Orders.WarmList(ctx); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(time.Since(start).Milliseconds()), "ms/build")
		b.ReportMetric(float64(heap()-before)/(1<<20), "MB-held")
		svc.Close()
	}
}

// BenchmarkGetOrder is one order's detail (header, lines, timeline, figures, profit).
// Target: < 5 ms.
func BenchmarkGetOrder(b *testing.B) {
	dir := ordersDB(b)
	svc, err := services.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	defer svc.Close()
	ctx := context.Background()
	if _, err := svc.Orders.GetOrder(ctx, ordersInfo.order); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		if _, err := svc.Orders.GetOrder(ctx, ordersInfo.order); err != nil {
			b.Fatal(err)
		}
	}
	reportMs(b, start, "ms/order")
}

// sqlLoad fills a new data folder with set-based SQL: it creates the database through the
// services (migrations, device id), then runs the steps that build returns for this device
// in one transaction with the order-status triggers paused (derive_pause), and rebuilds the
// derived tables from the ledgers (store.RebuildDerived).
func sqlLoad(dir string, build func(device string) (steps []string, args []any)) error {
	ctx := context.Background()
	svc, err := services.Open(dir)
	if err != nil {
		return err
	}
	device, path := svc.DB.Device(), svc.DB.Path
	svc.Close()
	db, err := sql.Open("sqlite3", "file:"+path+"?_busy_timeout=10000&_journal_mode=WAL&_synchronous=NORMAL&_cache_size=-262144")
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	steps, args := build(device)
	steps = append(append([]string{`UPDATE derive_pause SET paused = 1`}, steps...), `UPDATE derive_pause SET paused = 0`)
	for _, q := range steps {
		if _, err := tx.ExecContext(ctx, q, args...); err != nil {
			return fmt.Errorf("bench: %w\n%s", err, q)
		}
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	if svc, err = services.Open(dir); err != nil {
		return err
	}
	defer svc.Close()
	return svc.DB.RebuildDerived(ctx)
}
