package app

import (
	"context"
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
	path, err := askSavePath(ctx, name, otherFormats(format, "xlsx", "csv")...)
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

// askSavePath asks where to save a file named name, offering formats (the first preselected)
// and returns the chosen path, or "" when the person cancelled. The file's type follows the
// extension of the chosen name.
func askSavePath(ctx context.Context, name string, formats ...string) (string, error) {
	var filters []runtime.FileFilter
	first := ""
	for _, f := range formats {
		if filter, ok := fileFilters[f]; ok {
			filters = append(filters, filter)
			if first == "" {
				first = f
			}
		}
	}
	return runtime.SaveFileDialog(ctx, runtime.SaveDialogOptions{
		DefaultFilename: safeFileName(name) + "." + first,
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

// otherFormats is format first, then the rest of all, for a dialog preselecting format.
func otherFormats(format string, all ...string) []string {
	out := []string{format}
	for _, f := range all {
		if f != format {
			out = append(out, f)
		}
	}
	return out
}
