// Package cli is the command line of the daigoudesk binary: `daigoudesk [--data-dir DIR]
// <command> …` runs one command headless over the same backend services as the desktop app
// and exits. Exit status: 0 success, 1 bad input or data (the message on stderr names file,
// line and field), 2 wrong usage. Output that scripts read goes to stdout, one record a line;
// progress goes to stderr. It imports backend packages and nothing of Wails.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/services"
)

// Global are the options before the command.
type Global struct {
	DataDir string
}

// ParseGlobal reads the global options; rest is the command and its arguments (empty: open
// the window).
func ParseGlobal(args []string, stderr io.Writer) (g Global, rest []string, err error) {
	fs := flag.NewFlagSet("daigoudesk", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&g.DataDir, "data-dir", "", "data folder (default "+services.DefaultDataDir()+")")
	if err := fs.Parse(args); err != nil {
		return g, nil, err
	}
	if g.DataDir == "" {
		g.DataDir = services.DefaultDataDir()
	}
	return g, fs.Args(), nil
}

// Env is what a command runs with.
type Env struct {
	Ctx    context.Context
	Global Global
	Stdout io.Writer
	Stderr io.Writer
	svc    *services.Services
}

// Services opens the data folder on first use.
func (e *Env) Services() (*services.Services, error) {
	if e.svc == nil {
		svc, err := services.Open(e.Global.DataDir)
		if err != nil {
			return nil, err
		}
		e.svc = svc
	}
	return e.svc, nil
}

// Command is one CLI command.
type Command struct {
	Name    string
	Usage   string // arguments, e.g. "products FILE"
	Summary string
	Run     func(env *Env, args []string) error
}

var commands = map[string]*Command{}

// Register adds a command; each command file registers itself in init.
func Register(c *Command) { commands[c.Name] = c }

// errUsage marks wrong usage (exit 2).
type usageError struct{ msg string }

func (u usageError) Error() string { return u.msg }

// Usagef returns a wrong-usage error.
func Usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// Main runs the command in args and returns the exit status.
func Main(ctx context.Context, g Global, args []string, stdout, stderr io.Writer) int {
	name := args[0]
	cmd := commands[name]
	if cmd == nil {
		fmt.Fprintf(stderr, "daigoudesk: unknown command %q\n\n", name)
		printHelp(stderr)
		return 2
	}
	env := &Env{Ctx: ctx, Global: g, Stdout: stdout, Stderr: stderr}
	err := cmd.Run(env, args[1:])
	if env.svc != nil {
		env.svc.Close()
	}
	var ue usageError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "daigoudesk %s: %s\nusage: daigoudesk [--data-dir DIR] %s %s\n", name, ue.msg, name, cmd.Usage)
		return 2
	case domain.ErrorCode(err) == domain.EInternal && !isFileError(err):
		fmt.Fprintf(stderr, "daigoudesk %s: %v\n", name, err)
		return 1
	default:
		fmt.Fprintf(stderr, "daigoudesk %s: %s\n", name, err.Error())
		return 1
	}
}

func isFileError(err error) bool {
	var fe *domain.FileError
	return errors.As(err, &fe)
}

func printHelp(w io.Writer) {
	fmt.Fprintln(w, "Daigou Desk 代购助手 — run without a command to open the app.")
	fmt.Fprintln(w, "\nusage: daigoudesk [--data-dir DIR] <command> [arguments]")
	fmt.Fprintln(w, "\ncommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		c := commands[n]
		fmt.Fprintf(w, "  %-34s %s\n", strings.TrimSpace(c.Name+" "+c.Usage), c.Summary)
	}
	fmt.Fprintf(w, "\nThe data folder defaults to %s (or $DAIGOU_DATA_DIR).\n", services.DefaultDataDir())
	fmt.Fprintln(w, "Exit status: 0 done, 1 bad input or data, 2 wrong usage.")
}

func init() {
	Register(&Command{Name: "help", Summary: "show this help", Run: func(env *Env, args []string) error {
		printHelp(env.Stdout)
		return nil
	}})
}
