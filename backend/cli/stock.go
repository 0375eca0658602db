package cli

import (
	"fmt"
	"text/tabwriter"

	"daigoudesk/backend/catalog"
)

func init() {
	Register(&Command{Name: "stock", Summary: "print on-hand, reserved and available stock by product (tab-separated)",
		Run: func(env *Env, args []string) error {
			if len(args) > 0 {
				return Usagef("stock takes no arguments")
			}
			svc, err := env.Services()
			if err != nil {
				return err
			}
			tw := tabwriter.NewWriter(env.Stdout, 0, 0, 1, ' ', 0)
			fmt.Fprintln(tw, "sku\tname\ton_hand\treserved\tavailable")
			err = svc.Catalog.AllProducts(env.Ctx, func(p catalog.Product) error {
				_, err := fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\n", p.SKU, p.NameZh, p.OnHand, p.Reserved, p.Available)
				return err
			})
			if err != nil {
				return err
			}
			return tw.Flush()
		}})
}
