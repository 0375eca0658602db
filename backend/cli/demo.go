package cli

import (
	"flag"
	"fmt"
	"io"
	"time"

	"daigoudesk/backend/demo"
	"daigoudesk/backend/domain"
)

func init() {
	Register(&Command{Name: "demo", Usage: "[--force] [--seed N] [--customers N] [--orders-per-day N]",
		Summary: "fill the database with demo data: ~300 products, 2,500 customers, 18 months of stock, orders, buying trips and parcels",
		Run: func(env *Env, args []string) error {
			fs := flag.NewFlagSet("demo", flag.ContinueOnError)
			fs.SetOutput(io.Discard)
			force := fs.Bool("force", false, "add the demo data even if the database already has products")
			seed := fs.Int64("seed", 1, "random seed: the same seed tells the same story")
			customers := fs.Int("customers", 2500, "how many customers")
			perDay := fs.Int("orders-per-day", 0, "at most this many new orders a day (0 = 3 to 8)")
			if err := fs.Parse(args); err != nil {
				return Usagef("%v", err)
			}
			if fs.NArg() > 0 {
				return Usagef("unexpected argument %q", fs.Arg(0))
			}
			svc, err := env.Services()
			if err != nil {
				return err
			}
			var n int
			if err := svc.DB.R().QueryRowContext(env.Ctx, `SELECT count(*) FROM products WHERE deleted = 0`).Scan(&n); err != nil {
				return err
			}
			if n > 0 && !*force {
				return &domain.Error{Code: domain.EConflict, Key: "demo.notEmpty",
					Message: fmt.Sprintf("the database in %s already has %d products; use --force to add the demo data anyway", env.Global.DataDir, n)}
			}
			start := time.Now()
			res, err := demo.Load(env.Ctx, svc, demo.Options{Seed: *seed, Customers: *customers, OrdersPerDay: *perDay,
				Progress: env.Stderr})
			if err != nil {
				return err
			}
			fmt.Fprintf(env.Stderr, "demo: done in %s\n", time.Since(start).Round(time.Millisecond))
			fmt.Fprintf(env.Stdout, "zones %d\nlocations %d\ncategories %d\nproducts %d\nstock moves %d\nlow stock %d\nexpiring batches %d\n"+
				"customers %d\norders %d\ncancelled %d\nreturns %d\nsuppliers %d\ntrips %d\nopen pre-orders %d\n"+
				"parcels %d (%d waiting for labels, %d delivered late, %d lost)\n",
				res.Zones, res.Locations, res.Categories, res.Products, res.Moves, res.LowStock, res.Expiring,
				res.Customers, res.Orders, res.Cancelled, res.Returns, res.Suppliers, res.Trips, res.Preorders,
				res.Parcels, res.Waiting, res.LateParcels, res.LostParcels)
			return nil
		}})
}
