package cli

import "fmt"

func init() {
	Register(&Command{Name: "import", Usage: "products FILE",
		Summary: "import products from a .csv or .xlsx file (all rows or, if any is bad, none)",
		Run: func(env *Env, args []string) error {
			if len(args) != 2 || args[0] != "products" {
				return Usagef("want: import products FILE")
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
