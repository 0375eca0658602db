package bench

import (
	"context"
	"database/sql"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"daigoudesk/backend/domain"
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

// ordersDB is the orders benchmark database ($DAIGOU_BENCH_DIR/orders-v2; v2 has ids that
// sort by time, as the app makes them, where the first build had "BO…" ids that sorted after
// every id the app makes).
func ordersDB(b *testing.B) string {
	return ordersData.open(b, "orders-v2", func(dir string) (string, error) {
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

// sqlID is the SQL for an id laid out as domain.NewID makes them: the 48 bits of the
// millisecond ms in ten Crockford base32 characters, then tail (16 characters).
func sqlID(ms, tail string) string {
	var b strings.Builder
	b.WriteString("(")
	for k := 9; k >= 0; k-- {
		fmt.Fprintf(&b, "substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', ((%s) >> %d & 31) + 1, 1) || ", ms, 5*k)
	}
	b.WriteString(tail + ")")
	return b.String()
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
		at := func(i, count string) string { // the unix second of row i of count, spread over the span
			return `(:start + ` + i + ` * :span / ` + count + `)`
		}
		steps := []string{
			`CREATE TEMP TABLE seq AS WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i < :n - 1) SELECT i FROM s`,
			// Ids as the app makes them (domain.NewID, orders.ImportedOrderID): the record's time
			// first, so a year's orders sit together and the newest sort last.
			`CREATE TEMP TABLE ids(i INTEGER PRIMARY KEY, o TEXT NOT NULL, c TEXT NOT NULL, p TEXT NOT NULL)`,
			`INSERT INTO temp.ids SELECT i, ` + sqlID(at("i", ":n")+" * 1000", "printf('%016d', i)") + `,
			        ` + sqlID(at("i", ":customers")+" * 1000", "printf('%016d', i)") + `,
			        ` + sqlID(at("i", "1000")+" * 1000", "printf('%016d', i)") + ` FROM temp.seq`,
			`INSERT INTO products(id, sku, name_zh, brand, price, price_currency, cost, cost_currency, created_at, _v)
			 SELECT p, printf('B-%05d', i), '商品' || i, '品牌' || (i % 50), 10000 + i, 'CNY', 500 + i, 'JPY',
			        strftime('%Y-%m-%dT%H:%M:%SZ', ` + at("i", "1000") + `, 'unixepoch'), 'x' FROM temp.ids WHERE i < 1000`,
			`INSERT INTO customers(id, name, phone, wechat, created_at, _v)
			 SELECT c, '客户' || i, printf('13%09d', i), 'wx' || i,
			        strftime('%Y-%m-%dT%H:%M:%SZ', ` + at("i", ":customers") + `, 'unixepoch'), 'x' FROM temp.ids WHERE i < :customers`,
			`INSERT INTO orders(id, number, channel, channel_order_no, customer_id, ship_name, ship_province, currency, shipping_fee,
			        ordered_at, created_at, due_date, _v)
			 SELECT o.o, printf('SO-BEN-%07d', o.i),
			        CASE o.i % 4 WHEN 0 THEN 'wechat' WHEN 1 THEN 'taobao' WHEN 2 THEN 'xiaohongshu' ELSE 'website' END,
			        CASE WHEN o.i % 4 = 1 THEN printf('%018d', o.i) ELSE '' END,
			        c.c, '客户' || c.i, '上海市', 'CNY', 1500,
			        strftime('%Y-%m-%dT%H:%M:%SZ', ` + at("o.i", ":n") + `, 'unixepoch'),
			        strftime('%Y-%m-%dT%H:%M:%SZ', ` + at("o.i", ":n") + `, 'unixepoch'),
			        CASE WHEN o.i % 10 = 0 THEN strftime('%Y-%m-%d', ` + at("o.i", ":n") + ` + 864000, 'unixepoch') ELSE '' END, 'x'
			 FROM temp.ids o JOIN temp.ids c ON c.i = abs(o.i * 7919) % :customers`,
			`INSERT INTO order_lines(id, order_id, product_id, qty, unit_price, position, _v)
			 SELECT substr(o.o, 1, 10) || printf('%016d', o.i * 3 + k.k), o.o, p.p,
			        1 + (o.i + k.k) % 3, 10000 + p.i, k.k, 'x'
			 FROM temp.ids o, (SELECT 0 AS k UNION ALL SELECT 1 UNION ALL SELECT 2) k
			 JOIN temp.ids p ON p.i = (o.i * 31 + k.k * 17) % 1000`,
			`INSERT INTO order_events(id, order_id, kind, at, device, _hlc)
			 SELECT substr(o, 1, 10) || printf('%016d', i * 4 + e.r), o, e.kind,
			        strftime('%Y-%m-%dT%H:%M:%SZ', ` + at("i", ":n") + ` + e.r * 3600, 'unixepoch'), :device, ` + hlc("(i * 4 + e.r)") + `
			 FROM temp.ids, (SELECT 0 AS r, 'confirmed' AS kind UNION ALL SELECT 1, 'packed' UNION ALL SELECT 2, 'shipped'
			                 UNION ALL SELECT 3, 'completed') e
			 WHERE (i % 20 <> 0 OR e.r = 0) AND (i < :n - 20000 OR e.r < 1 + (i % 3))`,
			`INSERT INTO order_events(id, order_id, kind, at, device, _hlc)
			 SELECT substr(o, 1, 10) || printf('%016d', 4 * :n + i), o, 'cancelled',
			        strftime('%Y-%m-%dT%H:%M:%SZ', ` + at("i", ":n") + ` + 7200, 'unixepoch'), :device, ` + hlc("(i + 5000000)") + `
			 FROM temp.ids WHERE i % 20 = 0`,
			`INSERT INTO payments(id, order_id, kind, amount, currency, rate, base_amount, order_amount, method, paid_at, device, _hlc)
			 SELECT substr(o, 1, 10) || printf('%016d', i), o, 'payment', t.goods + 1500, 'CNY', '1', t.goods + 1500, t.goods + 1500,
			        'wechat', strftime('%Y-%m-%dT%H:%M:%SZ', ` + at("i", ":n") + ` + 600, 'unixepoch'), :device, ` + hlc("(i + 7000000)") + `
			 FROM temp.ids JOIN (SELECT order_id, sum(qty * unit_price) AS goods FROM order_lines GROUP BY order_id) t
			   ON t.order_id = o WHERE i % 20 <> 0`,
		}
		return steps, []any{sql.Named("n", benchOrders), sql.Named("customers", benchCustomers),
			sql.Named("start", start), sql.Named("span", span), sql.Named("device", device)}
	})
}

// openOrders opens the orders benchmark database for the length of the benchmark.
func openOrders(b *testing.B) *services.Services {
	svc, err := services.Open(ordersDB(b))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { svc.Close() })
	return svc
}

// BenchmarkFindOrders is the first page (100 rows and the total) of the order list for each
// filter and sort. Target: < 30 ms each.
func BenchmarkFindOrders(b *testing.B) {
	svc := openOrders(b)
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
	svc := openOrders(b)
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

// BenchmarkGetCustomer is one customer's page (details, addresses, lifetime figures and
// latest orders) among 200,000 customers and 1,000,000 orders.
func BenchmarkGetCustomer(b *testing.B) {
	svc := openOrders(b)
	ctx := context.Background()
	d, err := svc.Customers.GetCustomer(ctx, ordersInfo.customer)
	if err != nil {
		b.Fatal(err)
	}
	if d.Lifetime.Orders == 0 || len(d.RecentOrders) == 0 {
		b.Fatalf("customer %s: %d orders, %d listed", ordersInfo.customer, d.Lifetime.Orders, len(d.RecentOrders))
	}
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		if _, err := svc.Customers.GetCustomer(ctx, ordersInfo.customer); err != nil {
			b.Fatal(err)
		}
	}
	reportMs(b, start, "ms/page")
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

// TestSQLIDIsTheAppsLayout checks that sqlID writes a time as domain.DatedID does.
func TestSQLIDIsTheAppsLayout(t *testing.T) {
	db, err := sql.Open("sqlite3", ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, at := range []time.Time{time.Unix(0, 0), time.Date(2024, 2, 29, 13, 5, 7, 123e6, time.UTC), time.Now()} {
		var got string
		if err := db.QueryRow(`SELECT ` + sqlID(fmt.Sprint(at.UnixMilli()), "printf('%016d', 7)")).Scan(&got); err != nil {
			t.Fatal(err)
		}
		want := domain.DatedID(at, "x")[:10] + "0000000000000007"
		if got != want {
			t.Errorf("%s: sqlID %s, domain %s", at, got, want)
		}
	}
}
