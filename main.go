// Command daigoudesk is the Daigou Desk desktop app and, with a command argument, its
// command-line tool. This file only wires things together.
package main

import (
	"context"
	"embed"
	"fmt"
	"os"

	"daigoudesk/app"
	"daigoudesk/backend/cli"
	"daigoudesk/backend/services"
)

//go:embed all:frontend/dist
var assets embed.FS

func main() {
	global, rest, err := cli.ParseGlobal(os.Args[1:], os.Stderr)
	if err != nil {
		os.Exit(2)
	}
	if len(rest) > 0 {
		os.Exit(cli.Main(context.Background(), global, rest, os.Stdout, os.Stderr))
	}
	if app.GeneratingBindings {
		tmp, err := os.MkdirTemp("", "daigoudesk-bindings-")
		if err != nil {
			os.Exit(1)
		}
		defer os.RemoveAll(tmp)
		global.DataDir = tmp
	}
	svc, err := services.Open(global.DataDir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "daigoudesk:", err)
		os.Exit(1)
	}
	if err := app.Run(assets, svc); err != nil {
		fmt.Fprintln(os.Stderr, "daigoudesk:", err)
		os.Exit(1)
	}
}
