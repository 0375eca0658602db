package cli

import "fmt"

func init() {
	Register(&Command{Name: "export", Usage: "products FILE",
		Summary: "export all products to a .csv or .xlsx file (the columns import reads)",
		Run: func(env *Env, args []string) error {
			if len(args) != 2 || args[0] != "products" {
				return Usagef("want: export products FILE")
			}
			svc, err := env.Services()
			if err != nil {
				return err
			}
			n, err := svc.Catalog.ExportProductsFile(env.Ctx, args[1])
			if err != nil {
				return err
			}
			fmt.Fprintf(env.Stdout, "exported %d products\n", n)
			return nil
		}})
}
