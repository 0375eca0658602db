package cli

import "fmt"

func init() {
	Register(&Command{Name: "export", Usage: "products FILE | orders FILE",
		Summary: "export all products, or every order line, to a .csv or .xlsx file",
		Run: func(env *Env, args []string) error {
			if len(args) != 2 || (args[0] != "products" && args[0] != "orders") {
				return Usagef("want: export products FILE, or export orders FILE")
			}
			svc, err := env.Services()
			if err != nil {
				return err
			}
			if args[0] == "orders" {
				n, err := svc.OrderImport.ExportOrdersFile(env.Ctx, args[1])
				if err != nil {
					return err
				}
				fmt.Fprintf(env.Stdout, "exported %d orders\n", n)
				return nil
			}
			n, err := svc.Catalog.ExportProductsFile(env.Ctx, args[1])
			if err != nil {
				return err
			}
			fmt.Fprintf(env.Stdout, "exported %d products\n", n)
			return nil
		}})
}
