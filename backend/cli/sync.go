package cli

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"daigoudesk/backend/sync"
)

func init() {
	Register(&Command{Name: "sync", Usage: "[--folder DIR] [--name NAME] [--once] | status",
		Summary: "merge with the team through a shared folder (until Ctrl+C, or one pass); $DAIGOU_SYNC_PASSPHRASE encrypts a new folder or opens an encrypted one",
		Run:     runSync})
}

func runSync(env *Env, args []string) error {
	if len(args) == 1 && args[0] == "status" {
		return syncStatus(env)
	}
	fs := flag.NewFlagSet("sync", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	folder := fs.String("folder", "", "the shared folder (kept for next time)")
	once := fs.Bool("once", false, "one pass (export, then import) and exit")
	name := fs.String("name", "", "this laptop's name, shown to the team (kept for next time)")
	if err := fs.Parse(args); err != nil {
		return Usagef("%v", err)
	}
	if fs.NArg() > 0 {
		return Usagef("unexpected %q", fs.Arg(0))
	}
	svc, err := env.Services()
	if err != nil {
		return err
	}
	if *name != "" {
		set, err := svc.Settings.Get(env.Ctx)
		if err != nil {
			return err
		}
		set.DeviceName = *name
		if _, err := svc.Settings.Save(env.Ctx, set); err != nil {
			return err
		}
	}
	if *folder != "" {
		if err := svc.Sync.SetFolder(*folder, os.Getenv("DAIGOU_SYNC_PASSPHRASE")); err != nil {
			return err
		}
	}
	if f, err := svc.Sync.Folder(); err != nil {
		return err
	} else if f == "" {
		return Usagef("no shared folder chosen yet: give --folder DIR")
	}
	report := func(exported int, res sync.ImportResult, err error) {
		if err != nil {
			fmt.Fprintf(env.Stderr, "sync: %v\n", err)
			return
		}
		fmt.Fprintf(env.Stderr, "exported %d operations; imported %d operations from %d files; %d problem files\n",
			exported, res.Ops, res.Files, res.Problems)
	}
	if *once {
		exported, res, err := svc.Sync.Once(env.Ctx)
		if err != nil {
			return err
		}
		report(exported, res, nil)
		return nil
	}
	ctx, stop := signal.NotifyContext(env.Ctx, syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	fmt.Fprintln(env.Stderr, "syncing; Ctrl+C to stop")
	return svc.Sync.Run(ctx, report)
}

func syncStatus(env *Env) error {
	svc, err := env.Services()
	if err != nil {
		return err
	}
	st, err := svc.Sync.Status(context.WithoutCancel(env.Ctx))
	if err != nil {
		return err
	}
	w := env.Stdout
	fmt.Fprintf(w, "folder\t%s\ndevice\t%s\nlast_export\t%s\nlast_import\t%s\nunexported\t%d\n",
		st.Folder, st.Device, st.LastExport, st.LastImport, st.Unexported)
	for _, d := range st.Devices {
		fmt.Fprintf(w, "device_seen\t%s\t%s\t%s\n", d.Device, d.Name, d.LastSeen)
	}
	for _, c := range st.Clocks {
		fmt.Fprintf(w, "clock_ahead\t%s\t%ds\n", c.Device, c.AheadSeconds)
	}
	for _, f := range st.Flags {
		fmt.Fprintf(w, "flag\t%s\t%s\t%s\t%s\t%d short\n", f.Kind, f.Subject, f.ProductID, f.LocationID, f.Short)
	}
	for _, p := range st.Problems {
		fmt.Fprintf(w, "problem\t%s\t%s\t%d tries since %s\n", p.Name, p.Problem, p.Tries, p.FirstSeen)
	}
	return nil
}
