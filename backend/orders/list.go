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
// BenchmarkFindOrders). The default page (all orders, newest first) is read from SQLite:
// its total from order_counts, a few rows per channel and status kept by triggers, and its
// rows from orders_ordered. Every other page comes from listIndex, an in-memory copy of what
// the list filters and sorts on (listindex.go), which gives the page's order ids and the
// total. The page's rows are then read by id from orders, order_status and customers.

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

// listSorts are the sort keys of the list.
var listSorts = []string{"", "ordered", "number", "total", "due", "priority"}

// cond is a piece of SQL with its arguments.
type cond struct {
	sql  string
	args []any
}

// prioRule is the priority rule for today: urgentBy is the last due date that is urgent,
// thresholds the least total that is high by value per currency that has a rate today, and
// high the same test as SQL over order_status s.
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
// else high by value, else normal), over order_status s; listEntry's is prioRule.prio.
func (p prioRule) expr() cond {
	return cond{`CASE WHEN s.priority = 'urgent' THEN 0 WHEN s.priority = 'high' THEN 1 WHEN s.priority = 'normal' THEN 2
		WHEN s.priority = 'low' THEN 3 WHEN s.due_date <> '' AND s.due_date <= ? THEN 0 WHEN ` + p.high + ` THEN 1 ELSE 2 END`,
		[]any{p.urgentBy}}
}

// FindOrders returns a page of orders and how many match (see the comment at the top).
func (s *Service) FindOrders(ctx context.Context, f Filter) ([]Order, int, error) {
	if !slices.Contains(listSorts, f.Sort) {
		return nil, 0, domain.Invalid("sort", "errors.badSort", fmt.Sprintf("cannot sort by %q", f.Sort), nil)
	}
	if f.Priority != "" && !slices.Contains(Priorities, f.Priority) {
		return nil, 0, domain.Invalid("priority", "order.priority.unknown", fmt.Sprintf("unknown priority %q", f.Priority), nil)
	}
	q := listQuery{f: f, sortKey: f.Sort, desc: f.Desc || f.Sort == ""}
	if q.sortKey == "" {
		q.sortKey = "ordered"
	}
	q.f.Limit, q.f.Offset = store.PageWindow(f.Limit, f.Offset)
	tx, err := s.db.R().BeginTx(ctx, nil) // one snapshot for the rule and the rows
	if err != nil {
		return nil, 0, err
	}
	defer tx.Rollback()
	if q.rule, err = s.priorityRule(tx); err != nil {
		return nil, 0, err
	}
	var ids []string
	var total int
	if q.defaultPage() {
		if total, err = liveOrders(ctx, tx); err == nil {
			ids, err = store.Strings(tx, `SELECT id FROM orders INDEXED BY orders_ordered WHERE deleted = 0
				ORDER BY ordered_at DESC, id DESC LIMIT ? OFFSET ?`, q.f.Limit, q.f.Offset)
		}
	} else {
		ids, total, err = s.list.page(ctx, q)
	}
	if err != nil {
		return nil, 0, err
	}
	out, err := s.listRows(ctx, tx, q.rule, ids)
	return out, total, err
}

// defaultPage says q is the first list a user sees: every order, newest first.
func (q listQuery) defaultPage() bool {
	f := q.f
	return len(f.Statuses) == 0 && f.Channel == "" && f.Priority == "" && f.From == "" && f.To == "" &&
		f.CustomerID == "" && strings.TrimSpace(f.Query) == "" && !f.Open && q.sortKey == "ordered" && q.desc
}

// WarmList builds the order list's index if it is not built yet, so that the first filtered
// page does not wait for it (the app calls it in the background once started).
func (s *Service) WarmList(ctx context.Context) error { return s.list.warm(ctx) }

// liveOrders is the number of live orders, from order_counts.
func liveOrders(ctx context.Context, tx *sql.Tx) (int, error) {
	var n int
	err := tx.QueryRowContext(ctx, `SELECT coalesce(sum(n), 0) FROM order_counts`).Scan(&n)
	return n, err
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
