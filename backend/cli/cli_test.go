package cli_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"daigoudesk/backend/cli"
)

// run runs the command line in-process, as main does, and returns exit status and output.
func run(t *testing.T, dataDir string, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	g, rest, err := cli.ParseGlobal(append([]string{"--data-dir", dataDir}, args...), &stderr)
	if err != nil {
		return 2, stdout.String(), stderr.String()
	}
	code := cli.Main(context.Background(), g, rest, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

func TestDemoThenStock(t *testing.T) {
	if testing.Short() {
		t.Skip("the demo writes 18 months of history")
	}
	dir := t.TempDir()
	code, out, errOut := run(t, dir, "demo", "--customers", "200", "--orders-per-day", "2")
	if code != 0 {
		t.Fatalf("demo exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "products 300\n") || !strings.Contains(errOut, "demo:") {
		t.Fatalf("demo output:\n%s\nstderr:\n%s", out, errOut)
	}
	code, out, _ = run(t, dir, "stock")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 301 || !strings.HasPrefix(lines[0], "sku") {
		t.Fatalf("stock exit %d, %d lines:\n%.500s", code, len(lines), out)
	}
	t.Run("ErrDemoTwice", func(t *testing.T) {
		code, _, errOut := run(t, dir, "demo", "--customers", "200", "--orders-per-day", "2")
		if code != 1 || !strings.Contains(errOut, "--force") {
			t.Fatalf("exit %d: %s", code, errOut)
		}
	})
	t.Run("ExportImportRoundTrip", func(t *testing.T) {
		for _, name := range []string{"products.csv", "products.xlsx"} {
			path := filepath.Join(t.TempDir(), name)
			code, out, errOut := run(t, dir, "export", "products", path)
			if code != 0 || out != "exported 300 products\n" {
				t.Fatalf("export exit %d: %q %s", code, out, errOut)
			}
			code, out, errOut = run(t, dir, "import", "products", path)
			if code != 0 || out != "created 0, updated 0, unchanged 300\n" {
				t.Fatalf("import exit %d: %q %s", code, out, errOut)
			}
		}
	})
}

// TestTripCommands lists the demo's trips and writes the open trip's shopping list in every
// format; the PDF's text holds the Chinese product names of the list (pdftotext, when there).
func TestTripCommands(t *testing.T) {
	if testing.Short() {
		t.Skip("the demo writes 18 months of history")
	}
	dir := t.TempDir()
	if code, _, errOut := run(t, dir, "demo", "--customers", "100", "--orders-per-day", "1"); code != 0 {
		t.Fatalf("demo: %s", errOut)
	}
	code, out, errOut := run(t, dir, "trip", "list")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) < 10 || !strings.HasPrefix(lines[0], "id") || !strings.Contains(lines[1], " open ") ||
		!strings.Contains(lines[2], " closed ") {
		t.Fatalf("trip list exit %d: %s\n%s", code, out, errOut)
	}
	open := strings.Fields(lines[1])[0]
	csv := filepath.Join(t.TempDir(), "list.csv")
	code, out, errOut = run(t, dir, "trip", "export", open, csv)
	if code != 0 || !strings.HasPrefix(out, "exported ") {
		t.Fatalf("export csv exit %d: %q %s", code, out, errOut)
	}
	body, _ := os.ReadFile(csv)
	rows := strings.Split(strings.TrimSpace(string(body)), "\n")
	if !strings.Contains(rows[0], "商品") || len(rows) < 3 {
		t.Fatalf("csv:\n%s", body)
	}
	name := strings.Join(strings.Fields(strings.Split(rows[1], ",")[2]), "") // store, sku, name
	for _, f := range []string{"list.xlsx", "list.pdf"} {
		path := filepath.Join(t.TempDir(), f)
		if code, _, errOut := run(t, dir, "trip", "export", "--lang", "en", open, path); code != 0 {
			t.Fatalf("export %s: %s", f, errOut)
		}
		if st, err := os.Stat(path); err != nil || st.Size() < 1000 {
			t.Fatalf("%s: %v", f, err)
		}
		if f == "list.pdf" {
			if _, err := exec.LookPath("pdftotext"); err != nil {
				continue
			}
			text, err := exec.Command("pdftotext", path, "-").Output()
			if err != nil || !strings.Contains(strings.Join(strings.Fields(string(text)), ""), name) ||
				!strings.Contains(string(text), "Shopping list") {
				t.Fatalf("the PDF lacks %q: %v\n%.400s", name, err, text)
			}
		}
	}
	for _, bad := range [][]string{{"trip", "export", "no-such-trip", csv}, {"trip", "export", open, filepath.Join(dir, "x.doc")}} {
		if code, _, errOut := run(t, dir, bad...); code != 1 {
			t.Fatalf("%v: exit %d: %s", bad, code, errOut)
		}
	}
	for _, usage := range [][]string{{"trip"}, {"trip", "export", open}, {"trip", "export", "--lang", "fr", open, csv}} {
		if code, _, _ := run(t, dir, usage...); code != 2 {
			t.Fatalf("%v: exit %d, want 2", usage, code)
		}
	}
}

func TestImport(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(t.TempDir(), "good.csv")
	os.WriteFile(good, []byte("货号,商品名称,售价\nA-1,面霜,199\nA-2,精华,299.5\n"), 0o644)
	code, out, errOut := run(t, dir, "import", "products", good)
	if code != 0 || out != "created 2, updated 0, unchanged 0\n" {
		t.Fatalf("exit %d: %q %s", code, out, errOut)
	}

	t.Run("ErrBadRows", func(t *testing.T) {
		bad := filepath.Join(t.TempDir(), "bad.csv")
		os.WriteFile(bad, []byte("sku,name_zh,price,weight_g\nB-1,好,10,\nB-2,坏,abc,\n,没货号,,\nB-4,重,,heavy\n"), 0o644)
		code, out, errOut := run(t, dir, "import", "products", bad)
		if code != 1 || out != "" {
			t.Fatalf("exit %d, stdout %q", code, out)
		}
		for _, want := range []string{bad + ":3: price:", bad + ":4: sku:", bad + ":5: weight_g:"} {
			if !strings.Contains(errOut, want) {
				t.Errorf("stderr lacks %q:\n%s", want, errOut)
			}
		}
		_, out, _ = run(t, dir, "stock")
		if strings.Count(out, "\n") != 3 {
			t.Fatalf("a bad import changed the catalog:\n%s", out)
		}
	})
	t.Run("ErrMissingFile", func(t *testing.T) {
		code, _, errOut := run(t, dir, "import", "products", filepath.Join(dir, "nope.csv"))
		if code != 1 || !strings.Contains(errOut, "nope.csv") {
			t.Fatalf("exit %d: %s", code, errOut)
		}
	})
	t.Run("ErrUnsupportedFormat", func(t *testing.T) {
		code, _, errOut := run(t, dir, "export", "products", filepath.Join(dir, "out.pdf"))
		if code != 1 || !strings.Contains(errOut, "out.pdf") {
			t.Fatalf("exit %d: %s", code, errOut)
		}
	})
}

func TestUsage(t *testing.T) {
	dir := t.TempDir()
	scenarios := []struct {
		name string
		args []string
		code int
	}{
		{"UnknownCommand", []string{"frobnicate"}, 2},
		{"ImportWithoutFile", []string{"import", "products"}, 2},
		{"ImportWhat", []string{"import", "customers", "x.csv"}, 2},
		{"ImportOrdersWithoutFile", []string{"import", "orders", "--skip-bad"}, 2},
		{"ImportOrdersBadFlag", []string{"import", "orders", "x.csv", "--frobnicate"}, 2},
		{"ExportWithoutFile", []string{"export"}, 2},
		{"DemoBadFlag", []string{"demo", "--frobnicate"}, 2},
		{"StockWithArgs", []string{"stock", "x"}, 2},
		{"Help", []string{"help"}, 0},
	}
	for _, s := range scenarios {
		t.Run(s.name, func(t *testing.T) {
			code, out, errOut := run(t, dir, s.args...)
			if code != s.code {
				t.Fatalf("exit %d, want %d: %s", code, s.code, errOut)
			}
			if s.code == 2 && !strings.Contains(errOut, "usage") && !strings.Contains(errOut, "commands:") {
				t.Fatalf("no usage on stderr: %s", errOut)
			}
			if s.name == "Help" {
				for _, c := range []string{"import products FILE", "export products FILE", "demo [--force]", "stock"} {
					if !strings.Contains(out, c) {
						t.Errorf("help lacks %q:\n%s", c, out)
					}
				}
			}
		})
	}
}
