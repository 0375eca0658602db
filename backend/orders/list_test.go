package orders_test

import (
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"testing"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/orders"
	"daigoudesk/backend/store"
)

// TestFindOrdersMatchesReference runs random filters × sorts × pages over a random mix of
// orders (manual and rule priorities, due dates around today, three currencies, ties on the
// order time, deleted orders, every status) and compares FindOrders with the plain query it
// replaced (one SELECT over orders joined to order_status, priority computed per row),
// with narrowing filters both sorted whole and found by walking the sort's index.
func TestFindOrdersMatchesReference(t *testing.T) {
	e := mustOpen(t)
	must(e.o.SaveRules(ctx, orders.Rules{UrgentDays: 3, HighValue: 100000}))(t) // today is 2026-03-10
	must(e.o.SetRate(ctx, "JPY", "0.05", "2026-03-01"))(t)                      // high from ¥20,000
	rng := rand.New(rand.NewSource(7))
	customers := []string{e.customer, domain.NewID(), domain.NewID()}
	pick := func(xs ...string) string { return xs[rng.Intn(len(xs))] }
	var orderIDs, lineIDs []string
	write := func(n int) error {
		return e.svc.DB.Write(ctx, func(tx *store.Tx) error {
			for i := 0; i < n; i++ {
				id := domain.NewID()
				orderIDs = append(orderIDs, id)
				due := ""
				if rng.Intn(2) == 0 {
					due = fmt.Sprintf("2026-03-%02d", 1+rng.Intn(25))
				}
				cur := pick("CNY", "CNY", "JPY", "USD")
				price := int64(rng.Intn(60000))
				if cur == "JPY" {
					price /= 5 // yen have no minor unit
				}
				if err := tx.Set("orders", id, store.Fields{"number": fmt.Sprintf("SO-%s-%04d", pick("AAA", "BBB"), rng.Intn(3000)),
					"channel": pick("wechat", "taobao", "taobao", "xiaohongshu", "other"), "channel_order_no": pick("", "", fmt.Sprintf("TB%05d", i)),
					"customer_id": pick(customers...), "ship_name": pick("张三", "张伟", "李四", "王五", ""), "currency": cur,
					"shipping_fee": int64(rng.Intn(2000)), "due_date": due, "priority": pick("", "", "", "urgent", "high", "normal", "low", "later"),
					"ordered_at": fmt.Sprintf("2026-%02d-%02dT%02d:00:00Z", 1+rng.Intn(3), 1+rng.Intn(28), rng.Intn(3)),
					"deleted":    rng.Intn(15) == 0}); err != nil {
					return err
				}
				for k := 0; k <= rng.Intn(3); k++ {
					line := domain.NewID()
					lineIDs = append(lineIDs, line)
					if err := tx.Set("order_lines", line, store.Fields{"order_id": id, "title": "x", "qty": int64(1 + rng.Intn(3)),
						"unit_price": price, "preorder": true}); err != nil {
						return err
					}
				}
				n := rng.Intn(6)
				for k, kind := range []string{"confirmed", "allocated", "packed", "shipped", "completed"}[:min(n, 5)] {
					if err := tx.Add("order_events", domain.NewID(), store.Fields{"order_id": id, "kind": kind,
						"at": fmt.Sprintf("2026-03-01T0%d:00:00Z", k)}); err != nil {
						return err
					}
				}
				if rng.Intn(12) == 0 {
					if err := tx.Add("order_events", domain.NewID(), store.Fields{"order_id": id, "kind": "cancelled", "at": "2026-03-02T00:00:00Z"}); err != nil {
						return err
					}
				}
				if rng.Intn(3) == 0 {
					if err := tx.Add("payments", domain.NewID(), store.Fields{"order_id": id, "kind": "payment", "amount": int64(rng.Intn(100000)),
						"currency": cur, "rate": "1", "order_amount": int64(rng.Intn(100000)), "paid_at": "2026-03-02T00:00:00Z"}); err != nil {
						return err
					}
				}
			}
			return nil
		})
	}
	if err := write(400); err != nil {
		t.Fatal(err)
	}
	prio := `CASE WHEN o.priority = 'urgent' THEN 0 WHEN o.priority = 'high' THEN 1 WHEN o.priority = 'normal' THEN 2
		WHEN o.priority = 'low' THEN 3 WHEN o.due_date <> '' AND o.due_date <= '2026-03-13' THEN 0
		WHEN s.total >= (CASE o.currency WHEN 'CNY' THEN 100000 WHEN 'JPY' THEN 20000 ELSE 9223372036854775807 END) THEN 1 ELSE 2 END`
	sorts := map[string]string{
		"": "s.ordered_at %s, s.order_id %[1]s", "ordered": "s.ordered_at %s, s.order_id %[1]s", "number": "o.number %s, o.id %[1]s", "total": "s.total %s, s.order_id %[1]s",
		"due":      "o.due_date = '', o.due_date %s, s.ordered_at, s.order_id",
		"priority": "prio %s, o.due_date = '', o.due_date, s.ordered_at, s.order_id",
	}
	reference := func(f orders.Filter) ([]string, []string, int) {
		dir := "ASC"
		if f.Desc || f.Sort == "" {
			dir = "DESC"
		}
		if f.Sort == "priority" || f.Sort == "due" {
			dir = map[bool]string{false: "ASC", true: "DESC"}[f.Desc]
		}
		where := []string{"s.deleted = 0"}
		var args []any
		if len(f.Statuses) > 0 {
			where = append(where, "s.status IN (?"+strings.Repeat(", ?", len(f.Statuses)-1)+")")
			for _, st := range f.Statuses {
				args = append(args, st)
			}
		}
		if f.Open {
			where = append(where, "s.rank BETWEEN 10 AND 60")
		}
		for _, c := range []struct{ cond, v string }{
			{"o.channel = ?", f.Channel}, {"o.customer_id = ?", f.CustomerID},
			{"s.ordered_at >= ?", f.From}, {"s.ordered_at < date(?, '+1 day')", f.To},
		} {
			if c.v != "" {
				where = append(where, c.cond)
				args = append(args, c.v)
			}
		}
		if q := strings.TrimSpace(f.Query); q != "" {
			where = append(where, `(o.number >= ? AND o.number < ? || x'f48fbfbf' OR o.channel_order_no >= ? AND o.channel_order_no < ? || x'f48fbfbf'
			OR o.ship_name >= ? AND o.ship_name < ? || x'f48fbfbf')`)
			args = append(args, strings.ToUpper(q), strings.ToUpper(q), q, q, q, q)
		}
		if f.Priority != "" {
			where = append(where, "("+prio+") = ?")
			args = append(args, slices.Index(orders.Priorities, f.Priority))
		}
		rows, err := e.svc.DB.R().Query(`SELECT s.order_id, `+prio+` AS prio FROM order_status s JOIN orders o ON o.id = s.order_id
			WHERE `+strings.Join(where, " AND ")+` ORDER BY `+fmt.Sprintf(sorts[f.Sort], dir), args...)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var ids, prios []string
		for rows.Next() {
			var id string
			var p int
			rows.Scan(&id, &p)
			ids, prios = append(ids, id), append(prios, orders.Priorities[p])
		}
		n := len(ids)
		lo, hi := min(f.Offset, n), min(f.Offset+f.Limit, n)
		return ids[lo:hi], prios[lo:hi], n
	}
	statuses := [][]string{nil, nil, {"confirmed"}, {"packed", "shipped"}, {"cancelled", "unknown"}, {"draft"}, {"completed", "paid", "deposit"}}
	check := func(round string) {
		t.Helper()
		for i := 0; i < 600; i++ {
			f := orders.Filter{Statuses: statuses[rng.Intn(len(statuses))], Open: rng.Intn(4) == 0,
				Channel: pick("", "", "taobao", "other"), Priority: pick("", "", "", "urgent", "high", "normal", "low"),
				CustomerID: pick("", "", "", customers[1]), Query: pick("", "", "", "", "SO-", "so-aaa-1", "张", "TB001", " 李"),
				Sort: pick("", "ordered", "number", "total", "due", "priority"), Desc: rng.Intn(2) == 0,
				Offset: []int{0, 0, 3, 40, 150}[rng.Intn(5)], Limit: []int{100, 7, 30}[rng.Intn(3)]}
			if rng.Intn(4) == 0 {
				f.From, f.To = "2026-02-01", "2026-02-20"
			}
			if rng.Intn(8) == 0 { // the default page
				f = orders.Filter{Offset: f.Offset, Limit: f.Limit}
			}
			got, total, err := e.o.FindOrders(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			wantIDs, wantPrios, wantTotal := reference(f)
			var gotIDs, gotPrios []string
			for _, o := range got {
				gotIDs, gotPrios = append(gotIDs, o.ID), append(gotPrios, o.EffPriority)
			}
			if total != wantTotal || !slices.Equal(gotIDs, wantIDs) || !slices.Equal(gotPrios, wantPrios) {
				t.Fatalf("%s %+v:\ntotal %d want %d\ngot  %v %v\nwant %v %v", round, f, total, wantTotal, gotIDs, gotPrios, wantIDs, wantPrios)
			}
		}
	}
	check("first")
	// The list follows changes: new orders, a status event, payments, deletions, header
	// edits, and a line's quantity set without its order (as another laptop's change may be).
	if err := write(60); err != nil {
		t.Fatal(err)
	}
	err := e.svc.DB.Write(ctx, func(tx *store.Tx) error {
		for i := 0; i < 80; i++ {
			id := orderIDs[rng.Intn(len(orderIDs))]
			var err error
			switch rng.Intn(5) {
			case 0:
				err = tx.Add("order_events", domain.NewID(), store.Fields{"order_id": id, "kind": pick("confirmed", "packed", "cancelled"),
					"at": "2026-03-05T00:00:00Z"})
			case 1:
				err = tx.Set("orders", id, store.Fields{"deleted": rng.Intn(2) == 0})
			case 2:
				err = tx.Set("orders", id, store.Fields{"priority": pick("", "urgent", "low"), "due_date": pick("", "2026-03-11", "2026-03-20"),
					"ship_name": pick("张三", "赵六"), "ordered_at": fmt.Sprintf("2026-02-%02dT05:00:00Z", 1+rng.Intn(28))})
			case 3:
				err = tx.Add("payments", domain.NewID(), store.Fields{"order_id": id, "kind": "payment", "amount": int64(rng.Intn(50000)),
					"currency": "CNY", "rate": "1", "order_amount": int64(rng.Intn(50000)), "paid_at": "2026-03-06T00:00:00Z"})
			default:
				err = tx.Set("order_lines", lineIDs[rng.Intn(len(lineIDs))], store.Fields{"qty": int64(1 + rng.Intn(9))})
			}
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	check("after changes")
	if err := write(30); err != nil {
		t.Fatal(err)
	}
	warmed := make(chan error, 1)
	go func() { warmed <- e.o.WarmList(ctx) }() // as the app does after it starts: the sorts made again
	check("while warming")
	if err := <-warmed; err != nil {
		t.Fatal(err)
	}
	check("warmed")
	if err := e.svc.DB.RebuildDerived(ctx); err != nil {
		t.Fatal(err)
	}
	check("after a rebuild")
}
