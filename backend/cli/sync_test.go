package cli_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"daigoudesk/backend/cli"
	"daigoudesk/backend/services"
)

// TestMain lets the test binary stand in for the daigoudesk binary: with
// DAIGOU_CLI_CHILD=1 it runs the command line given as its arguments, as main does, so
// tests can start real separate processes.
func TestMain(m *testing.M) {
	if os.Getenv("DAIGOU_CLI_CHILD") == "1" {
		g, rest, err := cli.ParseGlobal(os.Args[1:], os.Stderr)
		if err != nil {
			os.Exit(2)
		}
		os.Exit(cli.Main(context.Background(), g, rest, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// daigoudesk starts the command line as a separate process.
func daigoudesk(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "DAIGOU_CLI_CHILD=1")
	return cmd
}

func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	out, err := daigoudesk(t, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("daigoudesk %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func productsFile(t *testing.T, prefix string, n int) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("sku,name_zh,price,price_currency\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "%s-%03d,商品 %s %d,%d,CNY\n", prefix, i, prefix, i, 1000+i)
	}
	path := filepath.Join(t.TempDir(), prefix+".csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func dumpDir(t *testing.T, dir string) string {
	t.Helper()
	svc, err := services.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	var b bytes.Buffer
	if err := svc.DB.Dump(&b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestTwoProcessesConverge: two laptops (two data folders, two processes) make changes
// offline, then sync through one folder with `sync --once` and end with identical data; a
// third keeps `sync` running and sees a change made on another laptop within seconds.
func TestTwoProcessesConverge(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	shared, a, b := t.TempDir(), t.TempDir(), t.TempDir()
	mustRun(t, "--data-dir", a, "import", "products", productsFile(t, "A", 30))
	mustRun(t, "--data-dir", b, "import", "products", productsFile(t, "B", 20))
	for _, dir := range []string{a, b, a} {
		mustRun(t, "--data-dir", dir, "sync", "--folder", shared, "--once", "--name", "笔记本 "+filepath.Base(dir))
	}
	if da, db := dumpDir(t, a), dumpDir(t, b); da != db {
		t.Fatal("the two data folders differ after sync")
	} else if !strings.Contains(da, "A-029") || !strings.Contains(da, "B-019") {
		t.Fatal("the products of one laptop are missing")
	}
	status := mustRun(t, "--data-dir", a, "sync", "status")
	if !strings.Contains(status, "folder\t"+shared) || strings.Count(status, "device_seen\t") != 2 ||
		!strings.Contains(status, "\t笔记本 "+filepath.Base(b)+"\t") ||
		!strings.Contains(status, "unexported\t0") {
		t.Fatalf("sync status:\n%s", status)
	}

	// a third laptop joins and keeps syncing
	c := t.TempDir()
	run := daigoudesk(t, "--data-dir", c, "sync", "--folder", shared)
	var stderr bytes.Buffer
	run.Stderr = &stderr
	if err := run.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		run.Process.Signal(os.Interrupt)
		run.Wait()
	}()
	waitFor := func(what string, ok func(string) bool) time.Duration {
		start := time.Now()
		for time.Since(start) < 20*time.Second {
			out, _ := daigoudesk(t, "--data-dir", c, "stock").Output()
			if ok(string(out)) {
				return time.Since(start)
			}
			time.Sleep(100 * time.Millisecond)
		}
		t.Fatalf("%s never arrived on the running laptop; its log:\n%s", what, stderr.String())
		return 0
	}
	waitFor("the team's products", func(out string) bool { return strings.Contains(out, "A-029") && strings.Contains(out, "B-019") })
	mustRun(t, "--data-dir", b, "import", "products", productsFile(t, "NEW", 1))
	start := time.Now()
	mustRun(t, "--data-dir", b, "sync", "--once")
	took := time.Since(start)
	took += waitFor("a new product", func(out string) bool { return strings.Contains(out, "NEW-000") })
	t.Logf("a change on one laptop reached the running one %v after it was exported", took)
}
