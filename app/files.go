package app

import (
	"context"
	"slices"
	"strings"

	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// ExportResult is where an export went ("" when the person cancelled) and how many records
// it wrote.
type ExportResult struct {
	Path  string `json:"path"`
	Count int    `json:"count"`
}

// exportAs asks where to save a file named name (format, "xlsx" or "csv", preselected; the
// file's type follows the chosen name) and has write write it there.
func exportAs(ctx context.Context, name, format string, write func(path string) (int, error)) (ExportResult, error) {
	path, err := askSavePath(ctx, name, format, "xlsx", "csv")
	if err != nil || path == "" {
		return ExportResult{}, err
	}
	n, err := write(path)
	return ExportResult{Path: path, Count: n}, err
}

// fileFilters are the save-dialog choices by extension.
var fileFilters = map[string]runtime.FileFilter{
	"pdf":  {DisplayName: "PDF (*.pdf)", Pattern: "*.pdf"},
	"xlsx": {DisplayName: "Excel (*.xlsx)", Pattern: "*.xlsx"},
	"csv":  {DisplayName: "CSV (*.csv)", Pattern: "*.csv"},
}

// askSavePath asks where to save a file named name, offering formats with preferred
// preselected (the first of formats when preferred is none of them), and returns the chosen
// path, or "" when the person cancelled. The file's type follows the chosen name.
func askSavePath(ctx context.Context, name, preferred string, formats ...string) (string, error) {
	if !slices.Contains(formats, preferred) {
		preferred = formats[0]
	}
	filters := []runtime.FileFilter{fileFilters[preferred]}
	for _, f := range formats {
		if f != preferred {
			filters = append(filters, fileFilters[f])
		}
	}
	return runtime.SaveFileDialog(ctx, runtime.SaveDialogOptions{
		DefaultFilename: safeFileName(name) + "." + preferred,
		Filters:         filters,
	})
}

// safeFileName replaces the characters file systems refuse in a name.
func safeFileName(name string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < 32 {
			return '_'
		}
		return r
	}, name)
}
