package store

import "strings"

// QueryPlan is SQLite's plan for query (EXPLAIN QUERY PLAN), one step per line: for tests that
// check that a query looks its keys up in the index it was written for. The databases carry
// no statistics (no ANALYZE), so a plan depends on the schema and the query alone.
func QueryPlan(q Querier, query string, args ...any) (string, error) {
	rows, err := q.Query(`EXPLAIN QUERY PLAN `+query, args...)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var steps []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			return "", err
		}
		steps = append(steps, detail)
	}
	return strings.Join(steps, "\n"), rows.Err()
}
