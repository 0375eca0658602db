package orderimport_test

import (
	"bytes"
	"fmt"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"daigoudesk/backend/catalog"
	"daigoudesk/backend/orderimport"
	"daigoudesk/backend/stock"
)

// taobaoFile writes a Taobao-style GBK export of rows item rows (about 2.5 per order) over
// 300 products and 15,000 buyers, with the status mix of a shop's history: an order every 7
// minutes from start.
func taobaoFile(tb testing.TB, dir string, rows int, start time.Time) string {
	rng := rand.New(rand.NewSource(1))
	statuses := []string{"交易成功", "交易成功", "交易成功", "交易成功", "交易成功", "交易成功", "卖家已发货", "卖家已发货",
		"买家已付款", "买家已付款", "买家已付款", "等待买家付款", "交易关闭"}
	addrs := []string{"上海 上海市 浦东新区 世纪大道%d号", "广东省 深圳市 南山区 科技园%d号", "浙江省杭州市西湖区文三路%d号",
		"北京 北京市 朝阳区 建国路%d号", "四川省 成都市 武侯区 人民南路%d号"}
	var b bytes.Buffer
	b.WriteString("订单编号,买家会员名,收货人姓名,收货地址,联系手机,宝贝标题,宝贝总数量,买家实际支付金额,订单状态,订单创建时间,商家编码\r\n")
	for n, order := 0, 0; n < rows; order++ {
		lines := 1 + rng.Intn(4)
		buyer := rng.Intn(15000)
		no := fmt.Sprintf("%d", 2025000000000000+order)
		status := statuses[rng.Intn(len(statuses))]
		at := start.Add(time.Duration(order) * 7 * time.Minute).Format("2006-01-02 15:04:05")
		paid := fmt.Sprintf("%d.%02d", 50+rng.Intn(2000), rng.Intn(100))
		addr := fmt.Sprintf(addrs[buyer%len(addrs)], buyer%500+1)
		for l := 0; l < lines && n < rows; l, n = l+1, n+1 {
			p := rng.Intn(330) // 30 of 330 titles are not in the catalog
			sku, title := fmt.Sprintf("SKU-%04d", p), fmt.Sprintf("日本直邮 商品%04d 正品", p)
			if p >= 300 {
				sku = ""
			}
			fmt.Fprintf(&b, "=\"%s\",tb_buyer%05d,买家%05d,%s,=\"138%08d\",%s,%d,%s,%s,%s,%s\r\n",
				no, buyer, buyer, addr, buyer, title, 1+rng.Intn(3), paid, status, at, sku)
		}
	}
	path := filepath.Join(dir, "taobao-100k.csv")
	if err := os.WriteFile(path, gbk(tb, b.String()), 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}

// BenchmarkImport100k imports 100,000 Taobao order rows (~40,000 orders, 15,000 new
// customers) into a data folder holding 300 products with stock. Target: < 5 s. With
// $DAIGOU_IMPORT_DB naming a database (make bench: the one of 1,000,000 orders), the folder
// starts with a copy of it, and the file is imported twice: as a recent export, its orders
// newer than any in the database, and as an export of older orders (2025), which fall among
// the database's own.
func BenchmarkImport100k(b *testing.B) {
	older := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	if os.Getenv("DAIGOU_IMPORT_DB") == "" {
		b.Run("empty", func(b *testing.B) { benchImport(b, func(*env) time.Time { return older }) })
		return
	}
	b.Run("recent", func(b *testing.B) {
		benchImport(b, func(e *env) time.Time {
			var newest string
			if err := e.svc.DB.R().QueryRow(`SELECT max(ordered_at) FROM orders`).Scan(&newest); err != nil {
				b.Fatal(err)
			}
			at, err := time.Parse(time.RFC3339, newest)
			if err != nil {
				b.Fatal(err)
			}
			return at.Add(7 * time.Minute)
		})
	})
	b.Run("older", func(b *testing.B) { benchImport(b, func(*env) time.Time { return older }) })
}

// benchImport is one case of BenchmarkImport100k: the file's orders begin at from(folder).
func benchImport(b *testing.B, from func(*env) time.Time) {
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		e := openBenchFolder(b)
		var rows []catalog.ImportRow
		for p := 0; p < 300; p++ {
			rows = append(rows, catalog.ImportRow{Line: p + 2, ProductInput: catalog.ProductInput{SKU: fmt.Sprintf("SKU-%04d", p),
				NameZh: fmt.Sprintf("商品%04d", p), Price: 10000, PriceCurrency: "CNY"}})
		}
		if _, err := e.svc.Catalog.ImportProducts(ctx, "products.csv", rows); err != nil {
			b.Fatal(err)
		}
		for p := 0; p < 300; p++ {
			prod, _, err := e.svc.Catalog.FindProducts(ctx, catalog.ProductFilter{Query: fmt.Sprintf("SKU-%04d", p), Limit: 1})
			if err != nil || len(prod) != 1 {
				b.Fatal(err)
			}
			if _, err := e.svc.Stock.Receive(ctx, stock.ReceiveInput{ProductID: prod[0].ID, LocationID: e.loc, Qty: 200}); err != nil {
				b.Fatal(err)
			}
		}
		path := taobaoFile(b, b.TempDir(), benchRows, from(e))
		if err := e.svc.Orders.WarmList(ctx); err != nil { // as the app does after it starts
			b.Fatal(err)
		}
		b.StartTimer()
		start, cpu := time.Now(), cpuTime()
		res, err := e.imp.Import(ctx, orderimport.Request{Path: path})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(time.Since(start).Seconds(), "s/import")
		b.ReportMetric((cpuTime() - cpu).Seconds(), "cpu-s/import")
		b.StopTimer()
		start = time.Now() // the work queue right after: the list's index reads the new orders
		if _, _, err := e.svc.Orders.WorkQueue(ctx, 0, 100); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(time.Since(start).Milliseconds()), "ms/list-after")
		b.Logf("%+v", res)
		b.StartTimer()
	}
}

// openBenchFolder is mustOpen, in a copy of $DAIGOU_IMPORT_DB when it is set.
func openBenchFolder(b *testing.B) *env {
	src := os.Getenv("DAIGOU_IMPORT_DB")
	if src == "" {
		return mustOpen(b)
	}
	dir := b.TempDir()
	in, err := os.Open(src)
	if err != nil {
		b.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(filepath.Join(dir, "daigou.db"))
	if err != nil {
		b.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		b.Fatal(err)
	}
	// On disk before the import is timed: the kernel wrote the copy's 2.5 GB back 30 s after it,
	// in the middle of the import.
	if err := out.Sync(); err != nil {
		b.Fatal(err)
	}
	if err := out.Close(); err != nil {
		b.Fatal(err)
	}
	return mustOpenIn(b, dir)
}

// benchRows is the file size of BenchmarkImport100k ($DAIGOU_IMPORT_ROWS to try others).
var benchRows = func() int {
	var n int
	if _, err := fmt.Sscan(os.Getenv("DAIGOU_IMPORT_ROWS"), &n); err == nil && n > 0 {
		return n
	}
	return 100_000
}()

// cpuTime is the CPU time this process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
