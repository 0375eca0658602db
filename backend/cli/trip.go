package cli

import (
	"flag"
	"fmt"
	"io"
	"text/tabwriter"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/purchasing"
	"daigoudesk/backend/services"
)

func init() {
	Register(&Command{Name: "trip", Usage: "list | export TRIP FILE [--lang zh|en]",
		Summary: "list buying trips; write a trip's shopping list (TRIP: id or name) to .csv, .xlsx or .pdf",
		Run: func(env *Env, args []string) error {
			if len(args) == 0 {
				return Usagef("say list or export")
			}
			switch args[0] {
			case "list":
				if len(args) > 1 {
					return Usagef("trip list takes no arguments")
				}
				return tripList(env)
			case "export":
				fs := flag.NewFlagSet("trip export", flag.ContinueOnError)
				fs.SetOutput(io.Discard)
				lang := fs.String("lang", "zh", "language of the list: zh or en")
				rest, err := parseInterleaved(fs, args[1:])
				if err != nil {
					return Usagef("%v", err)
				}
				if len(rest) != 2 {
					return Usagef("trip export needs TRIP and FILE")
				}
				if *lang != "zh" && *lang != "en" {
					return Usagef("--lang is zh or en")
				}
				return tripExport(env, rest[0], rest[1], *lang)
			}
			return Usagef("unknown trip command %q", args[0])
		}})
}

// parseInterleaved parses flags that may come before, between or after the arguments.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return rest, nil
		}
		rest = append(rest, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

func tripList(env *Env) error {
	svc, err := env.Services()
	if err != nil {
		return err
	}
	trips, err := svc.Purchasing.FindTrips(env.Ctx)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 0, 1, ' ', 0)
	fmt.Fprintln(tw, "id\tname\tplace\tstarts\tends\tbuyer\tstatus\tbought\tnot_found\tspent")
	for _, t := range trips {
		state := "open"
		if t.Closed {
			state = "closed"
		}
		place := t.City
		if t.Country != "" {
			place += "," + t.Country
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\t%d\t%s %s\n", t.ID, t.Name, place, t.StartsOn, orDash(t.EndsOn),
			orDash(t.Buyer), state, t.Bought, t.NotFound, domain.FormatMoney(t.Spent, t.Currency), t.Currency)
	}
	return tw.Flush()
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func tripExport(env *Env, ref, path, lang string) error {
	svc, err := env.Services()
	if err != nil {
		return err
	}
	id, err := findTrip(env, svc, ref)
	if err != nil {
		return err
	}
	n, err := svc.Purchasing.ExportListFile(env.Ctx, id, path, lang)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "exported %d items to %s\n", n, path)
	return nil
}

// findTrip resolves a trip by id or by its exact name (which must be unique).
func findTrip(env *Env, svc *services.Services, ref string) (string, error) {
	trips, err := svc.Purchasing.FindTrips(env.Ctx)
	if err != nil {
		return "", err
	}
	var named []purchasing.Trip
	for _, t := range trips {
		if t.ID == ref {
			return t.ID, nil
		}
		if t.Name == ref {
			named = append(named, t)
		}
	}
	switch len(named) {
	case 1:
		return named[0].ID, nil
	case 0:
		return "", domain.NotFound("trip", ref)
	}
	return "", domain.Invalid("trip", "trip.name.ambiguous", fmt.Sprintf("%d trips are called %q: give the id (daigoudesk trip list)",
		len(named), ref), nil)
}
