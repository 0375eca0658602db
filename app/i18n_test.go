package app

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestErrorKeysAreTranslated finds every i18n key the backend (or a façade here) puts in a domain error or a
// file's line problem (a string literal on a line with `Key:` or `Invalid(`, or, anywhere, one
// in a section the UI translates: keys handed to helpers like bad(field, "importing.problem.x",
// …)) and checks that both UI languages translate it, so a new error can never reach the user
// as a bare key.
func TestErrorKeysAreTranslated(t *testing.T) {
	literal := regexp.MustCompile(`"([a-z]+(?:\.[a-zA-Z]+)+)"`)
	translations := map[string]map[string]any{} // language → its JSON
	for _, lang := range []string{"zh-CN", "en"} {
		body, err := os.ReadFile("../frontend/src/i18n/" + lang + ".json")
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(body, &m); err != nil {
			t.Fatal(err)
		}
		translations[lang] = m
	}
	keys := map[string]string{} // key → file:line
	scan := func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		body, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for n, line := range strings.Split(string(body), "\n") {
			errorLine := strings.Contains(line, "Key:") || strings.Contains(line, "Invalid(")
			for _, m := range literal.FindAllStringSubmatch(line, -1) {
				section, _, _ := strings.Cut(m[1], ".")
				if _, translated := translations["en"][section].(map[string]any); errorLine || translated {
					keys[m[1]] = path + ":" + itoa(n+1)
				}
			}
		}
		return nil
	}
	// the backend, and the façades of this package, which wrap some errors with keys
	for _, root := range []string{"../backend", "."} {
		if err := filepath.WalkDir(root, scan); err != nil {
			t.Fatal(err)
		}
	}
	if len(keys) < 20 {
		t.Fatalf("found only %d keys: the scan is broken", len(keys))
	}
	for lang, res := range translations {
		for key, where := range keys {
			var v any = res
			for _, part := range strings.Split(key, ".") {
				m, _ := v.(map[string]any)
				v = m[part]
			}
			if s, ok := v.(string); !ok || s == "" {
				t.Errorf("%s: error key %q has no %s translation", where, key, lang)
			}
		}
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }
