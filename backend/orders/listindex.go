package orders

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/importer"
	"daigoudesk/backend/store"
)

// listIndex is an in-memory copy of what the order list filters and sorts on: order_status's
// copies of the header fields and its figures, for every live order. It answers every page
// but the default one (all orders, newest first, which SQLite reads from orders_ordered).
//
// It replaces 23 indexes on order_status, one per sort key and way of narrowing (migration
// 0017). Each order an import wrote went into every one of them at a different place: into
// 1,000,000 orders that took 2 s of a 100,000-row import, and every other order change paid
// for them too. Here a page is one pass over a few bytes per order (status, channel, open,
// customer, effective priority), the date range and the text search taken from sorted orders
// by binary search, then a walk of the sort key's sorted order that stops when the page is
// full. The effective priority, which depends on today and the rules, is computed per order
// as the SQL view computes it. The fields are kept column by column, so that the pass reads
// only what the filter needs.
//
// It is built on first use (Service.WarmList starts that in the background), from
// order_status; afterwards each commit names the orders it changed and only those are read
// again. A commit that changed order tables without naming its rows (a snapshot load, a
// rebuild of the derived tables) has it read again whole.
type listIndex struct {
	db *store.DB

	pmu     sync.Mutex          // guards what the commits since the last refresh changed
	dirty   []string            // orders changed (an order once per row of it that changed)
	rows    map[string][]string // table → changed rows, whose order the table says
	rebuild bool

	mu        sync.Mutex
	built     bool
	rewritten int // entries set again since the index was read whole (their old strings stay)
	listColumns
	codes   map[string]uint8   // channel, currency and status → code (their kinds do not overlap in use)
	names   []string           // code → value
	custs   map[string]int32   // customer id → code
	sorted  map[string][]int32 // sort key → positions in its order, made on first use
	pending map[string][]int32 // sort key → positions changed since it was sorted
}

// listColumns are the entries, one slice per field.
type listColumns struct {
	id, number, chno, ship, ordered strCol
	customer                        []int32 // code (custs)
	total                           []int64
	due                             []int32 // days since 1970-01-01 plus one; 0: no due date
	rank                            []uint8 // status rank
	status, channel, currency       []uint8 // codes
	manual                          []int8  // manual priority (index into Priorities), -1: by the rule
	gone                            []bool  // deleted, or its status row is gone
}

// strCol is a column of strings kept in one byte array, so that the garbage collector has
// nothing to look at in it: a million orders' ids, numbers and dates as Go strings were
// 5,000,000 pointers, followed by every collection (during an import, many). A value set
// again is appended; the old bytes stay until the index is read again whole.
type strCol struct {
	data []byte
	at   []uint64 // offset<<16 | length (a longer value is cut to 65,535 bytes)
}

func (c *strCol) len() int { return len(c.at) }

func (c *strCol) set(i int32, v string) {
	v = v[:min(len(v), 0xffff)]
	c.at[i] = uint64(len(c.data))<<16 | uint64(len(v))
	c.data = append(c.data, v...)
}

func (c *strCol) get(i int32) []byte {
	a := c.at[i]
	return c.data[a>>16 : a>>16+a&0xffff]
}

// listRow is one row of order_status as read.
type listRow struct {
	id, number, chno, customer, ship, ordered, due, channel, currency, priority, status string
	total                                                                               int64
	rank                                                                                int
	deleted                                                                             bool
}

// orderTables are the tables whose rows change an order's status row, and the column that
// names the order (orders: the row itself).
var orderTables = map[string]string{"orders": "id", "order_lines": "order_id", "order_events": "order_id",
	"payments": "order_id", "order_returns": "order_id", "preorder_fills": "order_id", "order_status": "order_id"}

// maxIncremental is the largest number of changed orders read by id; more and the index is
// read again whole.
const maxIncremental = 200_000

func newListIndex(db *store.DB) *listIndex {
	ix := &listIndex{db: db, rows: map[string][]string{}}
	db.Subscribe(ix.note)
	return ix
}

// note records which orders a commit changed; it runs on the writer's goroutine, so it only
// remembers ids.
func (ix *listIndex) note(c store.Change) {
	touched := false
	for t := range c.Tables {
		if _, ok := orderTables[t]; ok {
			touched = true
		}
	}
	if !touched {
		return
	}
	ix.pmu.Lock()
	defer ix.pmu.Unlock()
	if ix.rebuild {
		return
	}
	if len(c.Ops) == 0 {
		ix.rebuild = true
		return
	}
	// only appends here (it is on the commit's path; refresh dedupes): for a 100,000-row
	// import a set took 125 ms
	table, col, ok := "", "", false
	for _, op := range c.Ops {
		if op.Table != table {
			table = op.Table
			col, ok = orderTables[table]
		}
		switch {
		case !ok:
			continue
		case col == "id":
			ix.dirty = append(ix.dirty, op.ID)
		default:
			// a row stays on its order (nothing moves a line to another); another laptop's
			// change to it may not carry order_id, and then the table says which order it is on
			if id, _ := op.Data[col].(string); id != "" {
				ix.dirty = append(ix.dirty, id)
			} else {
				ix.rows[table] = append(ix.rows[table], op.ID)
			}
		}
	}
	if len(ix.dirty)+len(ix.rows["order_lines"]) > 3*maxIncremental { // most ids come several times
		ix.rebuild, ix.dirty, ix.rows = true, nil, map[string][]string{}
	}
}

// refresh brings the index up to date with the commits noted; the caller holds ix.mu.
func (ix *listIndex) refresh(ctx context.Context) error {
	ix.pmu.Lock()
	changed, rows, rebuild := ix.dirty, ix.rows, ix.rebuild
	ix.dirty, ix.rows, ix.rebuild = nil, map[string][]string{}, false
	ix.pmu.Unlock()
	dirty := make(map[string]bool, len(changed))
	for _, id := range changed {
		dirty[id] = true
	}
	var err error
	switch {
	case !ix.built || rebuild || len(dirty) > maxIncremental:
		err = ix.build(ctx)
	case len(dirty) > 0 || len(rows) > 0:
		err = ix.update(ctx, dirty, rows)
	}
	if err != nil { // read it all again next time
		ix.built = false
	}
	return err
}

// warm brings the index up to date and sorts it by the common keys, a few at a time on all
// cores, letting pages in between (for 1,000,000 orders each sort takes 0.3–1.5 s, which the
// first page sorted by it would otherwise wait for).
func (ix *listIndex) warm(ctx context.Context) error {
	ix.mu.Lock()
	err := ix.refresh(ctx)
	ix.mu.Unlock()
	if err != nil {
		return err
	}
	keys := []string{"id", "ordered", "number", "total", "due"} // the text search sorts chno and ship on first use
	for len(keys) > 0 {
		batch := keys[:min(len(keys), runtime.GOMAXPROCS(0))]
		keys = keys[len(batch):]
		ix.mu.Lock()
		perms := make([][]int32, len(batch))
		var wg sync.WaitGroup
		for k, key := range batch {
			wg.Add(1)
			go func() { // sortedBy only reads
				defer wg.Done()
				perms[k] = ix.sortedBy(key)
			}()
		}
		wg.Wait()
		for k, key := range batch {
			ix.sorted[key] = perms[k]
			delete(ix.pending, key)
		}
		ix.mu.Unlock()
	}
	return nil
}

const listCols = `SELECT order_id, number, channel_order_no, customer_id, ship_name, ordered_at, due_date,
	channel, currency, priority, status, total, rank, deleted FROM order_status`

func (ix *listIndex) read(ctx context.Context, size int, query string, args ...any) ([]listRow, error) {
	rows, err := ix.db.R().QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make([]listRow, 0, size)
	for rows.Next() {
		var r listRow
		if err := rows.Scan(&r.id, &r.number, &r.chno, &r.customer, &r.ship, &r.ordered, &r.due,
			&r.channel, &r.currency, &r.priority, &r.status, &r.total, &r.rank, &r.deleted); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// build reads every live order, in parts of order_status's key read on all cores: 1,000,000
// orders took 4 s on one core.
func (ix *listIndex) build(ctx context.Context) error {
	defer importer.FewerGCs()() // a million entries: most of the collector's work would be wasted
	var all int
	if err := ix.db.R().QueryRowContext(ctx, `SELECT count(*) FROM order_status`).Scan(&all); err != nil {
		return err
	}
	parts := max(1, min(runtime.GOMAXPROCS(0), 4, all/50_000))
	bounds := []any{""} // the first order id of each part
	for k := 1; k < parts; k++ {
		var id string
		err := ix.db.R().QueryRowContext(ctx, `SELECT order_id FROM order_status ORDER BY order_id LIMIT 1 OFFSET ?`,
			k*all/parts).Scan(&id)
		if err != nil {
			return err
		}
		bounds = append(bounds, id)
	}
	read := make([][]listRow, parts)
	errs := make([]error, parts)
	var wg sync.WaitGroup
	for k := range parts {
		q, args := listCols+` WHERE deleted = 0 AND order_id >= ?`, []any{bounds[k]}
		if k+1 < parts {
			q, args = q+` AND order_id < ?`, append(args, bounds[k+1])
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			read[k], errs[k] = ix.read(ctx, all/parts+1, q, args...)
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	ix.listColumns = listColumns{customer: make([]int32, 0, all),
		total: make([]int64, 0, all), due: make([]int32, 0, all), rank: make([]uint8, 0, all), status: make([]uint8, 0, all),
		channel: make([]uint8, 0, all), currency: make([]uint8, 0, all), manual: make([]int8, 0, all), gone: make([]bool, 0, all)}
	ix.codes, ix.names, ix.custs, ix.rewritten = map[string]uint8{}, nil, map[string]int32{}, 0
	ix.sorted, ix.pending = map[string][]int32{}, map[string][]int32{}
	for k := range read {
		for i := range read[k] {
			ix.put(-1, &read[k][i])
		}
		read[k] = nil
	}
	// order_status is read in key order: the entries are in id order already
	byID := make([]int32, ix.id.len())
	for i := range byID {
		byID[i] = int32(i)
	}
	if by := ix.less("id"); slices.IsSortedFunc(byID, by) {
		ix.sorted["id"] = byID
	}
	ix.built = true
	return nil
}

// put sets the entry at i to r, or appends it when i < 0.
func (ix *listIndex) put(i int32, r *listRow) {
	code := func(v string) uint8 {
		c, ok := ix.codes[v]
		if !ok && len(ix.names) < 255 {
			c = uint8(len(ix.names))
			ix.codes[v], ix.names = c, append(ix.names, v)
		}
		return c // past 255 distinct values (never: a few channels, currencies, statuses) they share 0
	}
	cust, ok := ix.custs[r.customer]
	if !ok {
		cust = int32(len(ix.custs))
		ix.custs[r.customer] = cust
	}
	var due int32
	if r.due != "" {
		var ok bool
		if due, ok = dayNumber(r.due); !ok {
			due = 1 << 30 // not a date: after every date
		}
	}
	manual := int8(-1)
	if k := slices.Index(Priorities, r.priority); k >= 0 {
		manual = int8(k)
	}
	c := &ix.listColumns
	if i < 0 {
		i = int32(c.id.len())
		for _, col := range []*strCol{&c.id, &c.number, &c.chno, &c.ship, &c.ordered} {
			col.at = append(col.at, 0)
		}
		c.customer, c.total, c.due, c.rank = append(c.customer, 0), append(c.total, 0), append(c.due, 0), append(c.rank, 0)
		c.status, c.channel, c.currency = append(c.status, 0), append(c.channel, 0), append(c.currency, 0)
		c.manual, c.gone = append(c.manual, 0), append(c.gone, false)
	}
	c.id.set(i, r.id)
	c.number.set(i, r.number)
	c.chno.set(i, r.chno)
	c.ship.set(i, r.ship)
	c.ordered.set(i, r.ordered)
	c.customer[i], c.total[i], c.due[i], c.rank[i] = cust, r.total, due, uint8(min(max(r.rank, 0), 255))
	c.status[i], c.channel[i], c.currency[i] = code(r.status), code(r.channel), code(r.currency)
	c.manual[i], c.gone[i] = manual, r.deleted
}

// update reads the changed orders again: new ones are appended, deleted ones marked gone.
func (ix *listIndex) update(ctx context.Context, dirty map[string]bool, rows map[string][]string) error {
	for table, ids := range rows {
		list, err := json.Marshal(ids)
		if err != nil {
			return err
		}
		found, err := store.Strings(ix.db.R(), `SELECT `+orderTables[table]+` FROM `+table+` WHERE id IN (SELECT value FROM json_each(?))`, string(list))
		if err != nil {
			return err
		}
		for _, id := range found {
			dirty[id] = true
		}
	}
	ids := make([]string, 0, len(dirty))
	for id := range dirty {
		ids = append(ids, id)
	}
	list, err := json.Marshal(ids)
	if err != nil {
		return err
	}
	fresh, err := ix.read(ctx, len(ids), listCols+` WHERE order_id IN (SELECT value FROM json_each(?))`, string(list))
	if err != nil {
		return err
	}
	byID := ix.order("id")
	pos := func(id string) (int32, bool) { // the entry of order id
		k, ok := slices.BinarySearchFunc(byID, []byte(id), func(i int32, id []byte) int { return bytes.Compare(ix.id.get(i), id) })
		if !ok {
			return 0, false
		}
		return byID[k], true
	}
	var changed []int32
	for k := range fresh {
		r := &fresh[k]
		delete(dirty, r.id)
		if i, ok := pos(r.id); ok {
			ix.put(i, r)
			changed = append(changed, i)
			ix.rewritten++
		} else if !r.deleted {
			ix.put(-1, r)
			changed = append(changed, int32(ix.id.len()-1))
		}
	}
	for id := range dirty { // no status row: not listed
		if i, ok := pos(id); ok {
			ix.gone[i] = true
		}
	}
	for key := range ix.sorted {
		ix.pending[key] = append(ix.pending[key], changed...)
	}
	if ix.rewritten > ix.id.len() { // the string columns are more old values than live ones
		ix.built = false // read again whole next time
	}
	return nil
}

// less compares the entries at a and b by a sort key, ascending, ties by order id, as the
// list's ORDER BY does (bytewise strings). "due" is the dated orders by due date, then the
// undated ones; both by order time after that. "chno" and "ship" serve the text search, and
// "id" finding an order's entry.
func (ix *listIndex) less(key string) func(a, b int32) int {
	c := &ix.listColumns
	var by func(a, b int32) int
	switch key {
	case "id":
		return func(a, b int32) int { return bytes.Compare(c.id.get(a), c.id.get(b)) }
	case "number":
		by = func(a, b int32) int { return bytes.Compare(c.number.get(a), c.number.get(b)) }
	case "chno":
		by = func(a, b int32) int { return bytes.Compare(c.chno.get(a), c.chno.get(b)) }
	case "ship":
		by = func(a, b int32) int { return bytes.Compare(c.ship.get(a), c.ship.get(b)) }
	case "total":
		by = func(a, b int32) int { return cmp.Compare(c.total[a], c.total[b]) }
	case "due":
		by = func(a, b int32) int {
			if (c.due[a] == 0) != (c.due[b] == 0) { // the dated ones first
				return cmp.Compare(c.due[b], c.due[a])
			}
			return cmp.Or(cmp.Compare(c.due[a], c.due[b]), bytes.Compare(c.ordered.get(a), c.ordered.get(b)))
		}
	default:
		by = func(a, b int32) int { return bytes.Compare(c.ordered.get(a), c.ordered.get(b)) }
	}
	return func(a, b int32) int { return cmp.Or(by(a, b), bytes.Compare(c.id.get(a), c.id.get(b))) }
}

// sortedBy returns every position in the order of key, sorted afresh; it only reads.
func (ix *listIndex) sortedBy(key string) []int32 {
	if perm, ok := ix.sorted[key]; ok && len(ix.pending[key]) == 0 {
		return perm
	}
	perm := make([]int32, ix.id.len())
	for i := range perm {
		perm[i] = int32(i)
	}
	slices.SortFunc(perm, ix.less(key))
	return perm
}

// order returns every position in the order of key: sorted on first use, and after changes
// by sorting only the changed positions and merging them in.
func (ix *listIndex) order(key string) []int32 {
	by := ix.less(key)
	perm, ok := ix.sorted[key]
	if !ok {
		perm = ix.sortedBy(key)
		ix.sorted[key] = perm
		return perm
	}
	changed := ix.pending[key]
	if len(changed) == 0 {
		return perm
	}
	delete(ix.pending, key)
	isChanged := make(map[int32]bool, len(changed))
	for _, i := range changed {
		isChanged[i] = true
	}
	kept := make([]int32, 0, ix.id.len())
	for _, i := range perm {
		if !isChanged[i] {
			kept = append(kept, i)
		}
	}
	moved := make([]int32, 0, len(isChanged))
	for i := range isChanged {
		moved = append(moved, i)
	}
	slices.SortFunc(moved, by)
	merged := make([]int32, 0, len(kept)+len(moved))
	for len(kept) > 0 && len(moved) > 0 {
		if by(kept[0], moved[0]) <= 0 {
			merged, kept = append(merged, kept[0]), kept[1:]
		} else {
			merged, moved = append(merged, moved[0]), moved[1:]
		}
	}
	merged = append(append(merged, kept...), moved...)
	ix.sorted[key] = merged
	return merged
}

// span returns the part of key's order whose values v satisfy from <= v and (to == "" or
// v < to), or, with prefix set, start with from.
func (ix *listIndex) span(key, from, to string, prefix bool) []int32 {
	perm := ix.order(key)
	col := map[string]*strCol{"ordered": &ix.ordered, "number": &ix.number, "chno": &ix.chno, "ship": &ix.ship}[key]
	fromB, toB := []byte(from), []byte(to)
	lo := sort.Search(len(perm), func(k int) bool { return bytes.Compare(col.get(perm[k]), fromB) >= 0 })
	hi := sort.Search(len(perm), func(k int) bool {
		v := col.get(perm[k])
		if prefix {
			return bytes.Compare(v, fromB) >= 0 && !bytes.HasPrefix(v, fromB)
		}
		return to != "" && bytes.Compare(v, toB) >= 0
	})
	if !prefix && to == "" {
		hi = len(perm)
	}
	return perm[lo:max(lo, hi)]
}

// listQuery is a page of FindOrders in the index's terms: f checked, the sort key and its
// direction resolved, and today's priority rule.
type listQuery struct {
	f       Filter
	sortKey string
	desc    bool
	rule    prioRule
}

// page returns the ids of one page of the orders q matches, in order, and how many match.
func (ix *listIndex) page(ctx context.Context, q listQuery) ([]string, int, error) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if err := ix.refresh(ctx); err != nil {
		return nil, 0, err
	}
	f, c, n := q.f, &ix.listColumns, ix.id.len()

	// the date range and the text search narrow through sorted orders
	var allowed []bool
	narrow := func(spans ...[]int32) {
		in := make([]bool, n)
		for _, sp := range spans {
			for _, i := range sp {
				in[i] = true
			}
		}
		if allowed != nil {
			for i := range in {
				in[i] = in[i] && allowed[i]
			}
		}
		allowed = in
	}
	if f.From != "" || f.To != "" {
		var before string // ordered_at < date(To, '+1 day')
		if f.To != "" {
			t, err := time.Parse(dateLayout, f.To)
			if err != nil {
				return nil, 0, domain.Invalid("to", "order.date.format", fmt.Sprintf("%q is not a date: it must be YYYY-MM-DD", f.To), nil)
			}
			before = t.AddDate(0, 0, 1).Format(dateLayout)
		}
		narrow(ix.span("ordered", f.From, before, false))
	}
	if text := strings.TrimSpace(f.Query); text != "" {
		narrow(ix.span("number", strings.ToUpper(text), "", true), ix.span("chno", text, "", true), ix.span("ship", text, "", true))
	}

	// one pass over the small columns
	var statuses [256]bool
	for _, st := range f.Statuses {
		if code, ok := ix.codes[st]; ok {
			statuses[code] = true
		}
	}
	channel, anyChannel := ix.codes[f.Channel]
	customer, anyCustomer := ix.custs[f.CustomerID]
	openFrom, openTo := uint8(Rank(Confirmed)), uint8(Rank(Packed))
	prioFilter := -1
	if f.Priority != "" {
		prioFilter = priorityRank(f.Priority)
	}
	needPrio := prioFilter >= 0 || q.sortKey == "priority"
	prios := q.rule.forCodes(ix.names)
	urgentBy, _ := dayNumber(q.rule.urgentBy) // 0 when never urgent by date ("0000-00-00")
	matched := make([]bool, n)
	var prio []uint8
	if needPrio {
		prio = make([]uint8, n)
	}
	var perPrio [4]int
	total := 0
	for i := range n {
		if c.gone[i] || allowed != nil && !allowed[i] || len(f.Statuses) > 0 && !statuses[c.status[i]] ||
			f.Channel != "" && (!anyChannel || c.channel[i] != channel) || f.Open && (c.rank[i] < openFrom || c.rank[i] > openTo) ||
			f.CustomerID != "" && (!anyCustomer || c.customer[i] != customer) {
			continue
		}
		if needPrio {
			p := uint8(2)
			switch {
			case c.manual[i] >= 0:
				p = uint8(c.manual[i])
			case c.due[i] != 0 && c.due[i] <= urgentBy:
				p = 0
			case c.total[i] >= prios[c.currency[i]]:
				p = 1
			}
			if prioFilter >= 0 && int(p) != prioFilter {
				continue
			}
			prio[i] = p
			perPrio[p]++
		}
		matched[i] = true
		total++
	}

	// walk the sort key's order until the page is full
	skip, want := f.Offset, f.Limit
	ids := make([]string, 0, min(want, total))
	take := func(i int32) bool { // false when the page is full
		if skip > 0 {
			skip--
			return true
		}
		ids = append(ids, string(c.id.get(i)))
		want--
		return want > 0
	}
	if skip >= total {
		return ids, total, nil
	}
	switch q.sortKey {
	case "priority": // each effective priority in turn, in due order (dated first)
		perm := ix.order("due")
		ranks := []uint8{0, 1, 2, 3}
		if q.desc {
			slices.Reverse(ranks)
		}
		for _, p := range ranks {
			if want == 0 {
				break
			}
			if skip >= perPrio[p] {
				skip -= perPrio[p]
				continue
			}
			for _, i := range perm {
				if matched[i] && prio[i] == p && !take(i) {
					break
				}
			}
		}
	case "due":
		perm := ix.order("due")
		if !q.desc {
			for _, i := range perm {
				if matched[i] && !take(i) {
					break
				}
			}
			break
		}
		// the dated orders by due date descending, each day's in order; then the undated
		dated := sort.Search(len(perm), func(k int) bool { return c.due[perm[k]] == 0 })
		full := false
		for hi := dated; hi > 0 && !full; {
			lo := hi - 1
			for lo > 0 && c.due[perm[lo-1]] == c.due[perm[hi-1]] {
				lo--
			}
			for _, i := range perm[lo:hi] {
				if matched[i] && !take(i) {
					full = true
					break
				}
			}
			hi = lo
		}
		for _, i := range perm[dated:] {
			if full || matched[i] && !take(i) {
				break
			}
		}
	default:
		perm := ix.order(q.sortKey)
		if q.desc {
			for k := len(perm) - 1; k >= 0; k-- {
				if i := perm[k]; matched[i] && !take(i) {
					break
				}
			}
		} else {
			for _, i := range perm {
				if matched[i] && !take(i) {
					break
				}
			}
		}
	}
	return ids, total, nil
}

// dayNumber is a YYYY-MM-DD day as days since 1970-01-01 plus one (so that 0 can mean none),
// and whether it is one.
func dayNumber(day string) (int32, bool) {
	t, err := time.Parse(dateLayout, day)
	if err != nil {
		return 0, false
	}
	return int32(t.Unix()/86400) + 1, true
}

// forCodes is the rule's high-value threshold per currency code (names: code → value): the
// least total that is high, or the largest int64 (never) for a currency without a rate.
func (r prioRule) forCodes(names []string) [256]int64 {
	var out [256]int64
	for code := range out {
		out[code] = 1<<63 - 1
		if code < len(names) {
			for _, t := range r.thresholds {
				if t.currency == names[code] {
					out[code] = t.min
				}
			}
		}
	}
	return out
}
