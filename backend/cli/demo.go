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
	Register(&Command{Name: "demo", Usage: "[--force] [--seed N]",
		Summary: "fill the database with demo data: ~300 products and 18 months of stock history",
		Run: func(env *Env, args []string) error {
			fs := flag.NewFlagSet("demo", flag.ContinueOnError)
			fs.SetOutput(io.Discard)
			force := fs.Bool("force", false, "add the demo data even if the database already has products")
			seed := fs.Int64("seed", 1, "random seed: the same seed tells the same story")
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
			res, err := demo.Load(env.Ctx, svc, demo.Options{Seed: *seed, Progress: env.Stderr})
			if err != nil {
				return err
			}
			fmt.Fprintf(env.Stderr, "demo: done in %s\n", time.Since(start).Round(time.Millisecond))
			fmt.Fprintf(env.Stdout, "zones %d\nlocations %d\ncategories %d\nproducts %d\nstock moves %d\nlow stock %d\nexpiring batches %d\n",
				res.Zones, res.Locations, res.Categories, res.Products, res.Moves, res.LowStock, res.Expiring)
			return nil
		}})
}
