package settings_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/settings"
	"daigoudesk/backend/store"
)

func mustOpen(tb testing.TB, path string) *store.DB {
	tb.Helper()
	db, err := store.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

func count(tb testing.TB, db *store.DB, query string, args ...any) int {
	tb.Helper()
	var n int
	if err := db.R().QueryRow(query, args...).Scan(&n); err != nil {
		tb.Fatal(err)
	}
	return n
}

func get(tb testing.TB, s *settings.Service) settings.Settings {
	tb.Helper()
	got, err := s.Get(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	return got
}

func TestDefaults(t *testing.T) {
	dir := t.TempDir()
	db := mustOpen(t, filepath.Join(dir, "daigou.db"))
	got := get(t, settings.New(db, dir))
	want := settings.Settings{BaseCurrency: "CNY", Language: "zh-CN", DataDir: dir, DeviceID: db.Device()}
	if got != want || got.DeviceID == "" {
		t.Fatalf("defaults = %+v, want %+v", got, want)
	}
	if n := count(t, db, `SELECT count(*) FROM oplog`); n != 0 {
		t.Fatalf("reading defaults wrote %d operations", n)
	}
}

func TestSaveAndReload(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "daigou.db")
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	saved, err := settings.New(db, dir).Save(ctx, settings.Settings{BaseCurrency: " jpy ", Language: "en", DeviceName: " 东京的笔记本 "})
	if err != nil {
		t.Fatal(err)
	}
	if saved.BaseCurrency != "JPY" || saved.Language != "en" || saved.DeviceName != "东京的笔记本" {
		t.Fatalf("saved = %+v", saved)
	}
	device := db.Device()
	db.Close()

	db = mustOpen(t, path)
	got := get(t, settings.New(db, dir))
	want := settings.Settings{BaseCurrency: "JPY", Language: "en", DataDir: dir, DeviceName: "东京的笔记本", DeviceID: device}
	if got != want {
		t.Fatalf("after reopen = %+v, want %+v", got, want)
	}
}

func TestSaveRejectsBadValues(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := mustOpen(t, filepath.Join(dir, "daigou.db"))
	s := settings.New(db, dir)
	good := settings.Settings{BaseCurrency: "CNY", Language: "zh-CN"}
	if _, err := s.Save(ctx, settings.Settings{BaseCurrency: "EUR", Language: "en", DeviceName: "Berlin"}); err != nil {
		t.Fatal(err)
	}
	before := get(t, s)
	ops := count(t, db, `SELECT count(*) FROM oplog`)

	cases := []struct {
		name   string
		edit   func(*settings.Settings)
		fields []string // every field the error must name; the first is the error's Field
		key    string
	}{
		{"ErrUnknownCurrency", func(s *settings.Settings) { s.BaseCurrency = "XXX" }, []string{"baseCurrency"}, "product.currency.unknown"},
		{"ErrEmptyCurrency", func(s *settings.Settings) { s.BaseCurrency = "" }, []string{"baseCurrency"}, "product.currency.unknown"},
		{"ErrUnknownLanguage", func(s *settings.Settings) { s.Language = "fr" }, []string{"language"}, "settings.errors.languageUnknown"},
		{"ErrEmptyLanguage", func(s *settings.Settings) { s.Language = "" }, []string{"language"}, "settings.errors.languageUnknown"},
		{"ErrDeviceNameTooLong", func(s *settings.Settings) { s.DeviceName = strings.Repeat("笔", 41) }, []string{"deviceName"}, "settings.errors.deviceNameLong"},
		{"ErrAll", func(s *settings.Settings) {
			s.BaseCurrency, s.Language, s.DeviceName = "RMB", "zh-TW", strings.Repeat("x", 50)
		}, []string{"baseCurrency", "language", "deviceName"}, "product.currency.unknown"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := good
			c.edit(&in)
			_, err := s.Save(ctx, in)
			e := domain.AsError(err)
			if e == nil || e.Code != domain.EInvalid || e.Field != c.fields[0] || e.Key != c.key {
				t.Fatalf("error = %#v, want invalid %s %s", e, c.fields[0], c.key)
			}
			for _, f := range c.fields {
				if !strings.Contains(e.Error(), f+":") {
					t.Errorf("error does not name %s: %v", f, err)
				}
			}
			if got := get(t, s); got != before {
				t.Fatalf("refused save changed settings: %+v", got)
			}
			if n := count(t, db, `SELECT count(*) FROM oplog`); n != ops {
				t.Fatal("refused save wrote an operation")
			}
		})
	}
	if _, err := s.Save(ctx, settings.Settings{BaseCurrency: "CNY", Language: "zh-CN", DeviceName: strings.Repeat("笔", 40)}); err != nil {
		t.Fatalf("a 40-character device name is allowed: %v", err)
	}
}

// TestBaseCurrencyReplicates checks that the team-wide base currency travels through the oplog
// to another laptop while language and device name stay on this one.
func TestBaseCurrencyReplicates(t *testing.T) {
	ctx := context.Background()
	dirA, dirB := t.TempDir(), t.TempDir()
	a := mustOpen(t, filepath.Join(dirA, "daigou.db"))
	b := mustOpen(t, filepath.Join(dirB, "daigou.db"))
	sa, sb := settings.New(a, dirA), settings.New(b, dirB)

	if _, err := sa.Save(ctx, settings.Settings{BaseCurrency: "JPY", Language: "en", DeviceName: "Alice"}); err != nil {
		t.Fatal(err)
	}
	if n := count(t, a, `SELECT count(*) FROM oplog`); n != 1 {
		t.Fatalf("oplog rows = %d, want 1 (base currency only)", n)
	}
	if n := count(t, a, `SELECT count(*) FROM oplog WHERE kind = 'set' AND tbl = 'settings' AND row_id = 'base_currency'`); n != 1 {
		t.Fatal("base currency is not in the oplog")
	}

	t.Run("UnchangedCurrencyWritesNothing", func(t *testing.T) {
		if _, err := sa.Save(ctx, settings.Settings{BaseCurrency: "jpy", Language: "zh-CN", DeviceName: "Alice's laptop"}); err != nil {
			t.Fatal(err)
		}
		if n := count(t, a, `SELECT count(*) FROM oplog`); n != 1 {
			t.Fatalf("oplog rows = %d after changing only local settings, want 1", n)
		}
	})

	var ops []store.Op
	if _, err := a.ScanOps(ctx, "", "", func(op store.Op) error { ops = append(ops, op); return nil }); err != nil {
		t.Fatal(err)
	}
	if _, err := b.ApplyOps(ctx, ops); err != nil {
		t.Fatal(err)
	}
	got := get(t, sb)
	want := settings.Settings{BaseCurrency: "JPY", Language: "zh-CN", DataDir: dirB, DeviceID: b.Device()}
	if got != want {
		t.Fatalf("other laptop = %+v, want %+v", got, want)
	}
	if got := get(t, sa); got.Language != "zh-CN" || got.DeviceName != "Alice's laptop" {
		t.Fatalf("this laptop = %+v", got)
	}
}
