package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"daigoudesk/backend/shipping"
)

func init() {
	for _, kind := range []string{"labels", "slips"} {
		usage, summary := "--out FILE.pdf [--parcels N,N…|--status waiting|packed|…] [--size 100x150|76x130]",
			"print shipping labels of parcels to one PDF (default: packed parcels waiting for labels)"
		if kind == "slips" {
			usage, summary = "--out FILE.pdf [--parcels N,N…|--status waiting|packed|…] [--size a4|a5] [--no-prices]",
				"print packing slips of parcels to one PDF (default: packed parcels not yet shipped; --no-prices for gifts)"
		}
		Register(&Command{Name: kind, Usage: usage, Summary: summary, Run: func(env *Env, args []string) error {
			return printParcels(env, kind, args)
		}})
	}
}

func printParcels(env *Env, kind string, args []string) error {
	fs := flag.NewFlagSet(kind, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	out := fs.String("out", "", "the PDF to write")
	parcels := fs.String("parcels", "", "parcel numbers or ids, comma-separated")
	status := fs.String("status", "", "every parcel in this state: waiting (packed, no label yet), packed, in_transit, customs, delivered, problem, late")
	size := fs.String("size", "", "page size")
	noPrices := fs.Bool("no-prices", false, "leave prices off the packing slips")
	rest, err := parseInterleaved(fs, args)
	if err != nil {
		return Usagef("%v", err)
	}
	switch {
	case len(rest) > 0:
		return Usagef("unexpected argument %q", rest[0])
	case *out == "":
		return Usagef("say where to write the PDF with --out FILE.pdf")
	case !strings.HasSuffix(strings.ToLower(*out), ".pdf"):
		return Usagef("--out must name a .pdf file")
	case *parcels != "" && *status != "":
		return Usagef("give --parcels or --status, not both")
	case *noPrices && kind == "labels":
		return Usagef("--no-prices is for slips")
	}
	req := shipping.PrintRequest{Kind: kind, Size: *size, HidePrices: *noPrices,
		Selection: shipping.PrintSelection{Status: *status}}
	if *parcels != "" {
		for _, p := range strings.Split(*parcels, ",") {
			if p = strings.TrimSpace(p); p != "" {
				req.Selection.IDs = append(req.Selection.IDs, p)
			}
		}
	}
	svc, err := env.Services()
	if err != nil {
		return err
	}
	n, err := svc.Shipping.PrintFile(env.Ctx, *out, req, func(done, total int) {
		if done == total || done%100 == 0 {
			fmt.Fprintf(env.Stderr, "\r%d / %d", done, total)
			if done == total {
				fmt.Fprintln(env.Stderr)
			}
		}
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "printed %d %s to %s\n", n, kind, *out)
	return nil
}
