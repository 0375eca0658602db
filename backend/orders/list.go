package orders

import (
	"context"
	"database/sql"
	"fmt"
	"math/big"
	"slices"
	"sort"
	"strings"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/money"
	"daigoudesk/backend/store"
)

// The order list on a million orders (issue 3; targets: a first page with its total < 30 ms,
// BenchmarkFindOrders). It reads order_status alone, which carries copies of the header
// fields the list filters and sorts on (migration 0007), and joins orders and customers only
// for the page's rows.
//
// Total. Without a narrowing filter (customer, text, dates, priority) the total is a sum over
// order_counts, a few rows per channel and status kept by triggers; with one, it is a count
// over that filter's index, which is as large as the filter's result.
//
// Page. Each sort key has an index per way of narrowing a large set, with the narrowing
// column first: all live orders, one status (several: one arm each, merged), one channel, and
// the open orders (partial indexes over the small open set). The page walks that index in
// order, testing the other filters on each entry, and stops after offset+limit rows; the
// statement names the index (INDEXED BY) so that the planner cannot trade the walk for a sort
// of the whole set. A narrowing filter whose result is small (≤ sortWholeMax) or a date
// range (its orders all sit together in every order but date order) is instead read through
// its own index and sorted whole.
//
// Sorts that are not one index order are read as a series of ranges ("groups"), each in
// index order, concatenated: due = the dated orders by date, then the undated ones. Priority
// depends on today, so it is never stored: for each effective priority (urgent, high, normal,
// low) and dated/undated, a manual arm (priority = p) and a rule arm (priority = '' and a
// due-date range from today's urgent-by date, with the high-value thresholds per currency
// tested on the entry), merged by SQLite. Groups are read in turn until the page is full, so
// the page of a list whose first priority has 100 rows never looks at the others; a group
// skipped whole by the offset is counted.

// sortWholeMax is the largest result of a narrowing filter that is read whole and sorted
// (a few ms); a larger one is found by walking the sort key's index.
var sortWholeMax = 20000

// Filter selects orders for the list; empty fields match everything.
type Filter struct {
	Statuses   []string `json:"statuses"`
	Channel    string   `json:"channel"`
	Priority   string   `json:"priority"` // effective priority
	From       string   `json:"from"`     // ordered on or after (YYYY-MM-DD)
	To         string   `json:"to"`       // ordered on or before (YYYY-MM-DD)
	CustomerID string   `json:"customerId"`
	Query      string   `json:"query"` // start of the number, channel order number or recipient name
	Open       bool     `json:"open"`  // only orders that still need work
	Sort       string   `json:"sort"`  // ordered (default) | number | total | due | priority
	Desc       bool     `json:"desc"`
	Offset     int      `json:"offset"`
	Limit      int      `json:"limit"`
}

// orderSorts is each sort as one ORDER BY over order_status (prio: the effective priority's
// rank), used when a small result is sorted whole.
var orderSorts = map[string]string{
	"": "s.ordered_at %s, s.order_id %[1]s", "ordered": "s.ordered_at %s, s.order_id %[1]s",
	"number": "s.number %s, s.order_id %[1]s", "total": "s.total %s, s.order_id %[1]s",
	"due":      "s.due_date = '', s.due_date %s, s.ordered_at, s.order_id",
	"priority": "prio %s, s.due_date = '', s.due_date, s.ordered_at, s.order_id",
}

// listFamily is the way a large set is narrowed first: the leading column of the index.
type listFamily int

const (
	famAll listFamily = iota
	famStatus
	famChannel
	famOpen
)

// listIndexes names each family's index per sort key ("due" and "priority" indexes hold
// due_date, ordered_at, order_id after the family column; see migration 0007).
var listIndexes = map[listFamily]map[string]string{
	famAll: {"ordered": "os_ordered", "number": "os_number", "total": "os_total", "due": "os_due",
		"priority": "os_prio"},
	famStatus: {"ordered": "order_status_status", "number": "os_status_number", "total": "os_status_total",
		"due": "os_status_due", "priority": "os_status_prio"},
	famChannel: {"ordered": "os_channel_ordered", "number": "os_channel_number", "total": "os_channel_total",
		"due": "os_channel_due", "priority": "os_channel_prio"},
	famOpen: {"ordered": "os_open_ordered", "number": "os_open_number", "total": "os_open_total", "due": "os_open_due",
		"priority": "os_open_prio"},
}

// openCond is the open orders; the open partial indexes have the same words, which SQLite
// needs to use them.
var openCond = fmt.Sprintf("s.rank BETWEEN %d AND %d", Rank(Confirmed), Rank(Packed))

// cond is a piece of WHERE with its arguments.
type cond struct {
	sql  string
	args []any
}

func joinConds(cs []cond) (string, []any) {
	parts := []string{"s.deleted = 0"}
	var args []any
	for _, c := range cs {
		if c.sql == "" {
			continue
		}
		parts = append(parts, c.sql)
		args = append(args, c.args...)
	}
	return strings.Join(parts, " AND "), args
}

// prioRule is the priority rule as SQL over order_status for today: urgentBy is the last due
// date that is urgent, high the high-value test on s.total and s.currency, thresholds the
// same test as one range of total per currency that has a rate today.
type prioRule struct {
	urgentBy   string
	high       string
	thresholds []threshold
}

type threshold struct {
	currency string
	min      int64
}

// expr is PriorityOf as a rank into Priorities (a manual priority, else urgent by due date,
// else high by value, else normal).
func (p prioRule) expr() cond {
	return cond{`CASE WHEN s.priority = 'urgent' THEN 0 WHEN s.priority = 'high' THEN 1 WHEN s.priority = 'normal' THEN 2
		WHEN s.priority = 'low' THEN 3 WHEN s.due_date <> '' AND s.due_date <= ? THEN 0 WHEN ` + p.high + ` THEN 1 ELSE 2 END`,
		[]any{p.urgentBy}}
}

// arm is one index range of a sort or a filter; index "" is the family's index for the sort.
type arm struct {
	cond
	index string
	value bool // the undated orders high by value: see valueArms
}

// arms are the ranges of the priority index holding effective priority rank r among the
// dated (dated = true) or undated orders: the manual arm and, but for low, the rule arm.
func (p prioRule) arms(r int, dated bool) []arm {
	due := "s.due_date = ''"
	if dated {
		due = "s.due_date > ''"
	}
	out := []arm{{cond: cond{"s.priority = ? AND " + due, []any{Priorities[r]}}}}
	switch {
	case r == 0 && dated:
		out = append(out, arm{cond: cond{"s.priority = '' AND s.due_date > '' AND s.due_date <= ?", []any{p.urgentBy}}})
	case r == 1 && dated:
		out = append(out, arm{cond: cond{"s.priority = '' AND s.due_date > ? AND " + p.high, []any{p.urgentBy}}})
	case r == 1:
		out = append(out, arm{cond: cond{"s.priority = '' AND s.due_date = '' AND " + p.high, nil}, value: true})
	case r == 2 && dated:
		out = append(out, arm{cond: cond{"s.priority = '' AND s.due_date > ? AND NOT " + p.high, []any{p.urgentBy}}})
	case r == 2:
		out = append(out, arm{cond: cond{"s.priority = '' AND s.due_date = '' AND NOT " + p.high, nil}})
	}
	return out
}

// valueArms are the undated orders high by value (priority ” and no due date) as one range
// of os_value per currency: read whole and sorted when there are few of them, where walking
// the priority index would pass every undated order of normal value first.
func (p prioRule) valueArms() []arm {
	var out []arm
	for _, t := range p.thresholds {
		out = append(out, arm{cond: cond{"s.priority = '' AND s.due_date = '' AND s.currency = ? AND s.total >= ?",
			[]any{t.currency, t.min}}, index: "os_value"})
	}
	return out
}

// class is "effective priority rank = r": as one condition, and as disjoint index ranges.
func (p prioRule) class(r int) narrowing {
	var parts []string
	var args []any
	var alts []arm
	for _, dated := range []bool{true, false} {
		for _, a := range p.arms(r, dated) {
			parts = append(parts, "("+a.sql+")")
			args = append(args, a.args...)
			if a.value {
				alts = append(alts, p.valueArms()...)
			} else {
				a.index = "os_prio"
				alts = append(alts, a)
			}
		}
	}
	return narrowing{residual: cond{"(" + strings.Join(parts, " OR ") + ")", args}, alts: alts}
}

// narrowing is a filter that can make the result small: as one condition, and as a union of
// index ranges (overlap: a row may be in several).
type narrowing struct {
	residual cond
	alts     []arm
	overlap  bool
}

// listGroup is one range of a sort read in index order: arms (one or more, merged) are the
// index ranges, order is the ORDER BY over order_id and the selected columns cols.
type listGroup struct {
	arms  []arm
	cols  []string // selected after order_id
	order string   // ORDER BY terms, by column number (1 = order_id)
}

// groups is sort as a series of index-ordered ranges.
func (p prioRule) groups(sortKey string, desc bool, onlyPrio int) []listGroup {
	dir := map[bool]string{false: "ASC", true: "DESC"}[desc]
	switch sortKey {
	case "number", "total", "ordered":
		col := map[string]string{"number": "s.number", "total": "s.total", "ordered": "s.ordered_at"}[sortKey]
		return []listGroup{{arms: []arm{{}}, cols: []string{col}, order: "2 " + dir + ", 1 " + dir}}
	case "due":
		return []listGroup{
			{arms: []arm{{cond: cond{"s.due_date > ''", nil}}}, cols: []string{"s.due_date", "s.ordered_at"}, order: "2 " + dir + ", 3, 1"},
			{arms: []arm{{cond: cond{"s.due_date = ''", nil}}}, cols: []string{"s.ordered_at"}, order: "2, 1"},
		}
	}
	var out []listGroup
	ranks := []int{0, 1, 2, 3}
	if desc {
		slices.Reverse(ranks)
	}
	for _, r := range ranks {
		if onlyPrio >= 0 && r != onlyPrio {
			continue
		}
		out = append(out,
			listGroup{arms: p.arms(r, true), cols: []string{"s.due_date", "s.ordered_at"}, order: "2, 3, 1"},
			listGroup{arms: p.arms(r, false), cols: []string{"s.ordered_at"}, order: "2, 1"})
	}
	return out
}

// wholeCols are the columns a sort-whole page selects after order_id, and its ORDER BY.
func wholeCols(sortKey, dir string, prio cond) ([]cond, string) {
	switch sortKey {
	case "number", "total", "ordered":
		col := map[string]string{"number": "s.number", "total": "s.total", "ordered": "s.ordered_at"}[sortKey]
		return []cond{{col, nil}}, "2 " + dir + ", 1 " + dir
	case "due":
		return []cond{{"s.due_date = ''", nil}, {"s.due_date", nil}, {"s.ordered_at", nil}}, "2, 3 " + dir + ", 4, 1"
	}
	return []cond{prio, {"s.due_date = ''", nil}, {"s.due_date", nil}, {"s.ordered_at", nil}}, "2 " + dir + ", 3, 4, 5, 1"
}

// armSelect is SELECT order_id, cols FROM order_status through a's index (or index) where a
// and the other conditions hold.
func armSelect(a arm, index string, cols []cond, others []cond) (string, []any) {
	if a.index != "" {
		index = a.index
	}
	var args []any
	sel := []string{"s.order_id"}
	for _, c := range cols {
		sel = append(sel, c.sql)
		args = append(args, c.args...)
	}
	where, wargs := joinConds(append([]cond{a.cond}, others...))
	return `SELECT ` + strings.Join(sel, ", ") + ` FROM order_status s INDEXED BY ` + index + ` WHERE ` + where, append(args, wargs...)
}

// union joins selects with UNION ALL, or UNION when they may share rows.
func union(selects []string, overlap bool) string {
	if overlap {
		return strings.Join(selects, " UNION ")
	}
	return strings.Join(selects, " UNION ALL ")
}

// FindOrders returns a page of orders and how many match (see the comment at the top).
func (s *Service) FindOrders(ctx context.Context, f Filter) ([]Order, int, error) {
	if _, ok := orderSorts[f.Sort]; !ok {
		return nil, 0, domain.Invalid("sort", "errors.badSort", fmt.Sprintf("cannot sort by %q", f.Sort), nil)
	}
	sortKey := f.Sort
	if sortKey == "" {
		sortKey = "ordered"
	}
	desc := f.Desc || f.Sort == ""
	if f.Sort == "priority" || f.Sort == "due" {
		desc = f.Desc
	}
	dir := map[bool]string{false: "ASC", true: "DESC"}[desc]
	f.Limit, f.Offset = store.PageWindow(f.Limit, f.Offset)
	tx, err := s.db.R().BeginTx(ctx, nil) // one snapshot for the total, the page and its rows
	if err != nil {
		return nil, 0, err
	}
	defer tx.Rollback()
	rule, err := s.priorityRule(tx)
	if err != nil {
		return nil, 0, err
	}
	prioFilter := -1
	if f.Priority != "" {
		if !slices.Contains(Priorities, f.Priority) {
			return nil, 0, domain.Invalid("priority", "order.priority.unknown", fmt.Sprintf("unknown priority %q", f.Priority), nil)
		}
		prioFilter = priorityRank(f.Priority)
	}

	// The family and its arms (one per status), then every other filter as a condition.
	fam, famArms := famAll, []cond{{}}
	statuses := slices.Compact(slices.Sorted(slices.Values(f.Statuses)))
	var rest []cond
	statusIn := cond{}
	if len(statuses) > 0 {
		statusIn.sql = "s.status IN (?" + strings.Repeat(", ?", len(statuses)-1) + ")"
		for _, st := range statuses {
			statusIn.args = append(statusIn.args, st)
		}
	}
	switch {
	case f.Open:
		fam, famArms = famOpen, []cond{{openCond, nil}}
		rest = append(rest, statusIn)
		if f.Channel != "" {
			rest = append(rest, cond{"s.channel = ?", []any{f.Channel}})
		}
	case len(statuses) > 0:
		fam, famArms = famStatus, nil
		for _, st := range statuses {
			famArms = append(famArms, cond{"s.status = ?", []any{st}})
		}
		if f.Channel != "" {
			rest = append(rest, cond{"s.channel = ?", []any{f.Channel}})
		}
	case f.Channel != "":
		fam, famArms = famChannel, []cond{{"s.channel = ?", []any{f.Channel}}}
	}
	// Narrowing filters, the first present driving a small result: customer, text, dates,
	// priority.
	var narrow []narrowing
	if f.CustomerID != "" {
		c := cond{"s.customer_id = ?", []any{f.CustomerID}}
		narrow = append(narrow, narrowing{residual: c, alts: []arm{{cond: c, index: "os_customer"}}})
	}
	if q := strings.TrimSpace(f.Query); q != "" {
		upper := strings.ToUpper(q)
		num := cond{"s.number >= ? AND s.number < ? || x'f48fbfbf'", []any{upper, upper}}
		// "<> ''" (implied: q is not empty) lets SQLite use the partial indexes of the two
		chno := cond{"s.channel_order_no <> '' AND s.channel_order_no >= ? AND s.channel_order_no < ? || x'f48fbfbf'", []any{q, q}}
		name := cond{"s.ship_name <> '' AND s.ship_name >= ? AND s.ship_name < ? || x'f48fbfbf'", []any{q, q}}
		narrow = append(narrow, narrowing{
			residual: cond{"(" + num.sql + " OR " + chno.sql + " OR " + name.sql + ")", slices.Concat(num.args, chno.args, name.args)},
			alts:     []arm{{cond: num, index: "os_number"}, {cond: chno, index: "os_channel_order_no"}, {cond: name, index: "os_ship_name"}},
			overlap:  true})
	}
	if f.From != "" || f.To != "" {
		var cs []cond
		if f.From != "" {
			cs = append(cs, cond{"s.ordered_at >= ?", []any{f.From}})
		}
		if f.To != "" {
			cs = append(cs, cond{"s.ordered_at < date(?, '+1 day')", []any{f.To}})
		}
		c := cond{cs[0].sql, cs[0].args}
		if len(cs) == 2 {
			c = cond{cs[0].sql + " AND " + cs[1].sql, slices.Concat(cs[0].args, cs[1].args)}
		}
		narrow = append(narrow, narrowing{residual: c, alts: []arm{{cond: c, index: "os_ordered"}}})
	}
	if prioFilter >= 0 {
		narrow = append(narrow, rule.class(prioFilter))
	}
	famCond := cond{}
	switch fam {
	case famOpen:
		famCond = cond{openCond, nil}
	case famStatus:
		famCond = statusIn
	case famChannel:
		famCond = cond{"s.channel = ?", []any{f.Channel}}
	}
	// others is every condition but the driving narrowing filter's.
	others := append([]cond{famCond}, rest...)
	for _, n := range narrow[min(1, len(narrow)):] {
		others = append(others, n.residual)
	}

	// The total.
	var total int
	if len(narrow) == 0 {
		total, err = listCount(ctx, tx, f.Open, statuses, f.Channel)
	} else {
		var selects []string
		var args []any
		for _, a := range narrow[0].alts {
			q, qargs := armSelect(a, "", nil, others)
			selects, args = append(selects, q), append(args, qargs...)
		}
		err = tx.QueryRowContext(ctx, `SELECT count(*) FROM (`+union(selects, narrow[0].overlap)+`)`, args...).Scan(&total)
	}
	if err != nil {
		return nil, 0, err
	}
	if total <= f.Offset {
		return []Order{}, total, nil
	}

	// The page's ids, in order.
	var ids []string
	if len(narrow) > 0 && (total <= sortWholeMax || f.From != "" || f.To != "") {
		cols, order := wholeCols(sortKey, dir, rule.expr())
		var selects []string
		var args []any
		for _, a := range narrow[0].alts {
			q, qargs := armSelect(a, "", cols, others)
			selects, args = append(selects, q), append(args, qargs...)
		}
		q := union(selects, narrow[0].overlap) + ` ORDER BY ` + order + ` LIMIT ? OFFSET ?`
		if ids, err = listIDs(ctx, tx, q, append(args, f.Limit, f.Offset)); err != nil {
			return nil, 0, err
		}
	} else {
		onlyPrio := -1
		var rest2 []cond // every filter but the family, as conditions on each entry walked
		rest2 = append(rest2, rest...)
		for _, n := range narrow {
			rest2 = append(rest2, n.residual)
		}
		if sortKey == "priority" && prioFilter >= 0 { // the groups are that priority's
			onlyPrio = prioFilter
			rest2 = rest2[:len(rest2)-1]
		}
		index := listIndexes[fam][sortKey]
		skip, want := f.Offset, f.Limit
		for _, g := range rule.groups(sortKey, desc, onlyPrio) {
			if want == 0 {
				break
			}
			var arms []arm
			for _, a := range g.arms {
				if !a.value {
					arms = append(arms, a)
					continue
				}
				// few undated orders high by value: read them through os_value and sort them
				var selects []string
				var args []any
				for _, fa := range famArms {
					for _, va := range rule.valueArms() {
						q, qargs := armSelect(va, "", nil, append([]cond{fa}, rest2...))
						selects, args = append(selects, q), append(args, qargs...)
					}
				}
				n := 0
				if len(selects) > 0 {
					err := tx.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM (`+union(selects, false)+`) LIMIT ?)`,
						append(args, sortWholeMax+1)...).Scan(&n)
					if err != nil {
						return nil, 0, err
					}
				}
				if n <= sortWholeMax {
					arms = append(arms, rule.valueArms()...)
				} else {
					arms = append(arms, a)
				}
			}
			var selects []string
			var args []any
			for _, fa := range famArms {
				for _, a := range arms {
					q, qargs := armSelect(a, index, slices.Collect(func(yield func(cond) bool) {
						for _, c := range g.cols {
							if !yield(cond{c, nil}) {
								return
							}
						}
					}), append([]cond{fa}, rest2...))
					selects, args = append(selects, q), append(args, qargs...)
				}
			}
			if len(selects) == 0 {
				continue
			}
			body := union(selects, false)
			got, err := listIDs(ctx, tx, body+` ORDER BY `+g.order+` LIMIT ? OFFSET ?`, append(slices.Clone(args), want, skip))
			if err != nil {
				return nil, 0, err
			}
			if len(got) == 0 && skip > 0 { // the offset passes this group: count it
				var n int
				if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM (`+body+`)`, args...).Scan(&n); err != nil {
					return nil, 0, err
				}
				skip -= min(n, skip)
				continue
			}
			skip = 0
			ids = append(ids, got...)
			want -= len(got)
		}
	}
	out, err := s.listRows(ctx, tx, rule, ids)
	return out, total, err
}

// listCount is the number of live orders by channel and status from order_counts.
func listCount(ctx context.Context, tx *sql.Tx, open bool, statuses []string, channel string) (int, error) {
	where := []string{"1"}
	var args []any
	if open {
		where = append(where, strings.TrimPrefix(openCond, "s."))
	}
	if len(statuses) > 0 {
		ranks := []string{}
		for _, st := range statuses {
			for _, k := range Statuses {
				if k.Status == st {
					ranks = append(ranks, fmt.Sprint(k.Rank))
				}
			}
		}
		if len(ranks) == 0 {
			return 0, nil
		}
		where = append(where, "rank IN ("+strings.Join(ranks, ", ")+")")
	}
	if channel != "" {
		where = append(where, "channel = ?")
		args = append(args, channel)
	}
	var n int
	err := tx.QueryRowContext(ctx, `SELECT coalesce(sum(n), 0) FROM order_counts WHERE `+strings.Join(where, " AND "), args...).Scan(&n)
	return n, err
}

func listIDs(ctx context.Context, tx *sql.Tx, q string, args []any) ([]string, error) {
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []string
	cols, _ := rows.Columns()
	dest := make([]any, len(cols))
	var id string
	dest[0] = &id
	for i := 1; i < len(dest); i++ {
		dest[i] = new(any)
	}
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// listRows reads the page's orders, in the order of ids.
func (s *Service) listRows(ctx context.Context, tx *sql.Tx, rule prioRule, ids []string) ([]Order, error) {
	out := []Order{}
	if len(ids) == 0 {
		return out, nil
	}
	prio := rule.expr()
	args := append(slices.Clone(prio.args), anySlice(ids)...)
	rows, err := tx.QueryContext(ctx, `SELECT `+orderCols+`, `+prio.sql+` FROM order_status s JOIN orders o ON o.id = s.order_id
		LEFT JOIN customers c ON c.id = o.customer_id WHERE s.order_id IN (?`+strings.Repeat(", ?", len(ids)-1)+`)`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	byID := make(map[string]Order, len(ids))
	for rows.Next() {
		var o Order
		var prioRank int
		if err := scanOrder(rows, &o, &prioRank); err != nil {
			return nil, err
		}
		o.EffPriority = Priorities[prioRank]
		byID[o.ID] = o
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, id := range ids {
		if o, ok := byID[id]; ok {
			out = append(out, o)
		}
	}
	return out, nil
}

func anySlice(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// WorkQueue returns the open orders, most pressing first: priority, then due date (none
// last), then order date.
func (s *Service) WorkQueue(ctx context.Context, offset, limit int) ([]Order, int, error) {
	return s.FindOrders(ctx, Filter{Open: true, Sort: "priority", Offset: offset, Limit: limit})
}

// priorityRule is PriorityOf for today in SQL terms: urgent up to urgentBy (due within
// UrgentDays), else high when the total reaches the high-value amount converted into the
// order's currency at today's rate (currencies without a rate are never high by value).
func (s *Service) priorityRule(q querier) (prioRule, error) {
	r, err := rules(q)
	if err != nil {
		return prioRule{}, err
	}
	today := s.now().UTC()
	p := prioRule{urgentBy: "0000-00-00", high: "0"} // never urgent by date, never high by value
	if r.UrgentDays > 0 {
		p.urgentBy = today.AddDate(0, 0, r.UrgentDays).Format(dateLayout)
	}
	if r.HighValue > 0 {
		base, err := money.BaseCurrency(q)
		if err != nil {
			return p, err
		}
		cases := []string{}
		curs := make([]string, 0, len(domain.Currencies))
		for c := range domain.Currencies {
			curs = append(curs, c)
		}
		sort.Strings(curs)
		for _, c := range curs {
			rate, err := money.RateOn(q, c, today.Format(dateLayout))
			if err != nil {
				continue
			}
			rt, _ := domain.ParseRate(rate)
			least := domain.Convert(r.HighValue, base, new(big.Rat).Inv(rt), c)
			cases = append(cases, fmt.Sprintf("WHEN '%s' THEN %d", c, least))
			p.thresholds = append(p.thresholds, threshold{c, least})
		}
		p.high = "s.total >= (CASE s.currency " + strings.Join(cases, " ") + " ELSE 9223372036854775807 END)"
	}
	return p, nil
}
