package cli

import (
	"fmt"
	"strings"

	"daigoudesk/backend/orderimport"
)

func init() {
	Register(&Command{Name: "import", Usage: "products FILE | orders FILE [--channel NAME] [--skip-bad]",
		Summary: "import products or channel orders from a .csv or .xlsx file (all rows or, if any is bad, none)",
		Run: func(env *Env, args []string) error {
			if len(args) >= 1 && args[0] == "orders" {
				return importOrders(env, args[1:])
			}
			if len(args) != 2 || args[0] != "products" {
				return Usagef("want: import products FILE, or import orders FILE [--channel NAME] [--skip-bad]")
			}
			svc, err := env.Services()
			if err != nil {
				return err
			}
			fmt.Fprintf(env.Stderr, "importing products from %s …\n", args[1])
			res, err := svc.Catalog.ImportProductsFile(env.Ctx, args[1])
			if err != nil {
				return err
			}
			fmt.Fprintf(env.Stdout, "created %d, updated %d, unchanged %d\n", res.Created, res.Updated, res.Unchanged)
			return nil
		}})
}

// importOrders: `import orders FILE [--channel NAME] [--skip-bad]`, flags before or after FILE.
// It prints one summary line, then one "unmatched<TAB>title" line per product title that
// matched no product (imported as pre-order lines).
func importOrders(env *Env, args []string) error {
	var file, channel string
	skipBad := false
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--skip-bad" || a == "-skip-bad":
			skipBad = true
		case a == "--channel" || a == "-channel":
			if i+1 >= len(args) {
				return Usagef("--channel needs a name")
			}
			i++
			channel = args[i]
		case strings.HasPrefix(a, "--channel="):
			channel = strings.TrimPrefix(a, "--channel=")
		case strings.HasPrefix(a, "-"):
			return Usagef("unknown option %s", a)
		case file == "":
			file = a
		default:
			return Usagef("one file at a time")
		}
	}
	if file == "" {
		return Usagef("want: import orders FILE [--channel NAME] [--skip-bad]")
	}
	svc, err := env.Services()
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, "importing orders from %s …\n", file)
	req := orderimport.Request{Path: file, Channel: channel, SkipBad: skipBad}
	pv, err := svc.OrderImport.Preview(env.Ctx, req)
	if err != nil {
		return err
	}
	res, err := svc.OrderImport.Import(env.Ctx, req)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "created %d, skipped %d, unmatched %d\n", res.Created, res.Skipped, res.Unmatched)
	for _, u := range pv.Unmatched {
		fmt.Fprintf(env.Stdout, "unmatched\t%s\n", strings.TrimSpace(u.Title+" "+u.SKU))
	}
	if res.SkippedBad > 0 {
		fmt.Fprintf(env.Stderr, "left out %d order(s) with bad rows:\n", res.SkippedBad)
		for _, p := range pv.Problems {
			fmt.Fprintf(env.Stderr, "%s:%d: %s: %s\n", file, p.Line, p.Field, p.Message)
		}
	}
	if res.Preordered > 0 {
		fmt.Fprintf(env.Stderr, "%d line(s) short of stock were imported as pre-orders\n", res.Preordered)
	}
	return nil
}
