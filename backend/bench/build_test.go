package bench

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"daigoudesk/backend/catalog"
	"daigoudesk/backend/demo"
	"daigoudesk/backend/services"
)

// Size of the benchmark database: a large daigou business several years in.
const (
	benchProducts = 100_000
	benchMoves    = 2_000_000
)

var (
	big     dataset
	bigInfo struct {
		someProduct string
		category    string
		csvFile     string
	}
	tmpRoot string
)

func TestMain(m *testing.M) {
	var err error
	tmpRoot, err = os.MkdirTemp("", "daigou-bench-")
	if err != nil {
		panic(err)
	}
	code := m.Run()
	os.RemoveAll(tmpRoot)
	os.Exit(code)
}

// dataset is a benchmark data folder built once per run (and kept between runs under
// $DAIGOU_BENCH_DIR: the large ones take minutes to build).
type dataset struct {
	once sync.Once
	dir  string
	err  error
}

// open returns the data folder $DAIGOU_BENCH_DIR/sub ("" = the root itself), building it
// with build when it has no database yet, then running after (which reads what the
// benchmarks need from it).
func (d *dataset) open(b *testing.B, sub string, build func(dir string) (string, error), after func(dir string) error) string {
	b.Helper()
	d.once.Do(func() {
		root := os.Getenv("DAIGOU_BENCH_DIR")
		if root == "" {
			root, sub = tmpRoot, cmp.Or(sub, "big")
		}
		d.dir = filepath.Join(root, sub)
		if _, err := os.Stat(filepath.Join(d.dir, services.DBFile)); err != nil {
			start := time.Now()
			what, err := build(d.dir)
			if err != nil {
				os.RemoveAll(d.dir)
				d.err = err
				return
			}
			fmt.Fprintf(os.Stderr, "bench: built %s in %s\n", what, time.Since(start).Round(time.Millisecond))
		}
		if after != nil {
			d.err = after(d.dir)
		}
	})
	if d.err != nil {
		b.Fatal(d.err)
	}
	return d.dir
}

// bigDB is the catalog and stock database (100,000 products, 2,000,000 moves).
func bigDB(b *testing.B) string {
	return big.open(b, "", func(dir string) (string, error) {
		return fmt.Sprintf("%d products and %d stock moves", benchProducts, benchMoves), buildBig(dir)
	}, loadBigInfo)
}

func buildBig(dir string) error {
	ctx := context.Background()
	svc, err := services.Open(dir)
	if err != nil {
		return err
	}
	defer func() { svc.Close() }()
	// Places and products through the services, like the app.
	var locs []string
	for z := 0; z < 5; z++ {
		zone, err := svc.Catalog.SaveZone(ctx, catalog.Zone{Name: fmt.Sprintf("区 %d", z)})
		if err != nil {
			return err
		}
		for l := 0; l < 4; l++ {
			loc, err := svc.Catalog.SaveLocation(ctx, catalog.Location{ZoneID: zone.ID, Name: fmt.Sprintf("货架 %c%d", 'A'+z, l+1)})
			if err != nil {
				return err
			}
			locs = append(locs, loc.ID)
		}
	}
	t0 := time.Now()
	if _, err := svc.Catalog.ImportProducts(ctx, "bench", demo.Products(benchProducts, 1)); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "bench: %d products imported in %s\n", benchProducts, time.Since(t0).Round(time.Millisecond))
	device, path := svc.DB.Device(), svc.DB.Path
	svc.Close()
	t0 = time.Now()
	if err := bulkMoves(ctx, path, device, benchMoves); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "bench: %d moves written in %s\n", benchMoves, time.Since(t0).Round(time.Millisecond))
	return nil
}

// loadBigInfo picks the benchmarks' sample product and category and exports the catalog as
// the CSV file the import benchmark reads.
func loadBigInfo(dir string) error {
	ctx := context.Background()
	svc, err := services.Open(dir)
	if err != nil {
		return err
	}
	defer svc.Close()
	if err := svc.DB.R().QueryRow(`SELECT id FROM products ORDER BY sku LIMIT 1 OFFSET ?`, benchProducts/2).Scan(&bigInfo.someProduct); err != nil {
		return err
	}
	cats, err := svc.Catalog.Categories(ctx)
	if err != nil || len(cats) == 0 {
		return fmt.Errorf("bench database has no categories: %v", err)
	}
	bigInfo.category = cats[0].ID
	bigInfo.csvFile = filepath.Join(tmpRoot, "products.csv")
	_, err = svc.Catalog.ExportProductsFile(ctx, bigInfo.csvFile)
	return err
}

// bulkMoves writes the stock history straight into the ledger and oplog with one SQL
// statement each. Through the write path (tx.Add per move) 2,000,000 moves take ~100-250 µs
// each on this 2-core machine, i.e. 4-8 minutes, too long to build per run; the rows written
// here are what tx.Add would write (a ledger row and its oplog entry with an HLC stamp of this
// device, in the past), and the derived balances are kept by the same triggers.
func bulkMoves(ctx context.Context, path string, device string, n int) error {
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
	startMs := time.Now().AddDate(0, -18, 0).UnixMilli()
	stepMs := int64(18*30*24*time.Hour/time.Millisecond) / int64(n)
	for _, q := range []string{
		`CREATE TEMP TABLE locs AS SELECT row_number() OVER (ORDER BY id) AS n, id FROM locations`,
		`CREATE TEMP TABLE prods AS SELECT row_number() OVER (ORDER BY id) AS n, id FROM products`,
		`CREATE TEMP TABLE draws AS WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i < :n - 1)
		 SELECT i, abs(random()) % 4 AS k, 1 + abs(random()) % (SELECT count(*) FROM temp.prods) AS p,
		        1 + abs(random()) % (SELECT count(*) FROM temp.locs) AS l, 1 + abs(random()) % 20 AS q FROM seq`,
		`INSERT INTO stock_moves(id, product_id, location_id, batch_id, kind, qty, reserved, at, device, _hlc)
		 SELECT printf('BENCH%021d', d.i), p.id, l.id, '',
		        CASE d.k WHEN 0 THEN 'receive' WHEN 1 THEN 'reserve' WHEN 2 THEN 'ship' ELSE 'adjust' END,
		        CASE d.k WHEN 0 THEN d.q WHEN 1 THEN 0 ELSE -1 END, CASE d.k WHEN 1 THEN 1 WHEN 2 THEN -1 ELSE 0 END,
		        strftime('%Y-%m-%dT%H:%M:%SZ', (:start + d.i * :step) / 1000, 'unixepoch'), :device,
		        printf('%013d.%05d.%s', :start + d.i * :step, 0, :device)
		 FROM temp.draws d JOIN temp.prods p ON p.n = d.p JOIN temp.locs l ON l.n = d.l ORDER BY d.i`,
		`INSERT INTO oplog(hlc, device, kind, tbl, row_id, data)
		 SELECT _hlc, device, 'add', 'stock_moves', id, json_object('at', at, 'batch_id', batch_id, 'cost_currency', '',
		        'device', device, 'kind', kind, 'location_id', location_id, 'note', '', 'product_id', product_id, 'qty', qty,
		        'reason', '', 'ref', '', 'reserved', reserved, 'unit_cost', 0)
		 FROM stock_moves WHERE id LIKE 'BENCH%'`,
	} {
		if _, err := tx.ExecContext(ctx, q, sql.Named("n", n), sql.Named("start", startMs), sql.Named("step", stepMs),
			sql.Named("device", device)); err != nil {
			return fmt.Errorf("bulk moves: %w", err)
		}
	}
	return tx.Commit()
}
