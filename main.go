// Command daigoudesk is the Daigou Desk desktop app and, with a command argument, its
// command-line tool. This file only wires things together.
package main

import (
	"embed"
	"fmt"
	"os"

	"daigoudesk/app"
)

//go:embed all:frontend/dist
var assets embed.FS

func main() {
	if err := app.Run(assets, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
