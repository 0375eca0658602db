package store

import (
	"fmt"

	"daigoudesk/backend/domain"
)

// Paging shared by every list screen: a list names its sort keys in a table of SQL ORDER BY
// clauses written with %s (or %[1]s) where the direction goes.

// MaxPage is the most rows one page may ask for; DefaultPage is what a page without a (valid)
// limit gets.
const (
	MaxPage     = 500
	DefaultPage = 100
)

// OrderBy returns the ORDER BY clause for key from sorts in the given direction, or an invalid
// error ("errors.badSort") for a key the list does not know.
func OrderBy(sorts map[string]string, key string, desc bool) (string, error) {
	order, ok := sorts[key]
	if !ok {
		return "", domain.Invalid("sort", "errors.badSort", fmt.Sprintf("cannot sort by %q", key), nil)
	}
	dir := "ASC"
	if desc {
		dir = "DESC"
	}
	return fmt.Sprintf(order, dir), nil
}

// PageWindow clamps a page's limit to (0, MaxPage] (DefaultPage when out of range) and its
// offset to ≥ 0.
func PageWindow(limit, offset int) (int, int) {
	if limit <= 0 || limit > MaxPage {
		limit = DefaultPage
	}
	return limit, max(offset, 0)
}
