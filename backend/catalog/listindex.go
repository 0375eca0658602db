package catalog

import (
	"cmp"
	"context"
	"encoding/json"
	"slices"
	"strings"
	"sync"

	"daigoudesk/backend/store"
)

// listIndex is an in-memory copy of what the product list filters and sorts on. It serves
// every query but the default page: a substring search (Chinese included) over 100,000
// products, the low-stock filter (it compares two tables), sorting by stock, and the sorts
// and filters that would otherwise each need an index on products that every write pays for.
// Scanning ~10 MB of search text in Go takes a few milliseconds where SQLite needs two full
// table scans. It is built on first use; afterwards each commit's operations name the
// products that changed and only those are read again (a large change rebuilds it all).
type listIndex struct {
	db *store.DB

	pmu     sync.Mutex // guards the changes noted since the last refresh
	dirty   map[string]bool
	rebuild bool

	mu      sync.Mutex
	built   bool
	entries []listEntry
	pos     map[string]int32   // product id → position in entries
	sorted  map[string][]int32 // sort key → entry positions in ascending order, made on first use
	stale   map[string]bool    // sort keys whose order changes since made need sorting again
}

type listEntry struct {
	id, search, name, sku, brand, category, created string
	price, cost, onHand, reserved, reorderPoint     int64
	gone                                            bool // deleted since it was read
}

func (e *listEntry) available() int64 { return e.onHand - e.reserved }

func (e *listEntry) low() bool { return e.reorderPoint > 0 && e.available() <= e.reorderPoint }

// maxIncremental is the largest number of changed products read one by one; more and the
// index is rebuilt from scratch.
const maxIncremental = 2000

func newListIndex(db *store.DB) *listIndex {
	ix := &listIndex{db: db, dirty: map[string]bool{}}
	db.Subscribe(ix.note)
	return ix
}

// note records which products a commit changed; it runs on the writer's goroutine, so it
// only remembers ids.
func (ix *listIndex) note(c store.Change) {
	if !c.Tables["products"] && !c.Tables["stock_moves"] {
		return
	}
	ix.pmu.Lock()
	defer ix.pmu.Unlock()
	if ix.rebuild {
		return
	}
	for _, op := range c.Ops {
		switch op.Table {
		case "products":
			ix.dirty[op.ID] = true
		case "stock_moves":
			if id, ok := op.Data["product_id"].(string); ok {
				ix.dirty[id] = true
			}
		}
		if len(ix.dirty) > maxIncremental {
			ix.rebuild, ix.dirty = true, map[string]bool{}
			return
		}
	}
}

// usable says whether the index serves f: everything but the default page (all products by
// name), which SQLite reads from an index without waiting for the list index to be built.
func (ix *listIndex) usable(f ProductFilter) bool {
	return strings.TrimSpace(f.Query) != "" || f.LowStock || f.CategoryID != "" || f.Brand != "" ||
		(f.Sort != "" && f.Sort != "name")
}

// brands returns the brands of live products, sorted.
func (ix *listIndex) brands(ctx context.Context) ([]string, error) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if err := ix.refresh(ctx); err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	out := []string{}
	for i := range ix.entries {
		if e := &ix.entries[i]; !e.gone && e.brand != "" && !seen[e.brand] {
			seen[e.brand] = true
			out = append(out, e.brand)
		}
	}
	slices.Sort(out)
	return out, nil
}

// page returns the ids of one page of products matching f, in order, and the total.
func (ix *listIndex) page(ctx context.Context, f ProductFilter) ([]string, int, error) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if err := ix.refresh(ctx); err != nil {
		return nil, 0, err
	}
	q := asciiLower(strings.TrimSpace(f.Query))
	match := func(e *listEntry) bool {
		return !e.gone && (q == "" || strings.Contains(e.search, q)) && (f.CategoryID == "" || e.category == f.CategoryID) &&
			(f.Brand == "" || e.brand == f.Brand) && (!f.LowStock || e.low())
	}
	// walk the presorted order, keeping matches (matched in memory order: no cache misses)
	pre := ix.order(f.Sort)
	matched := make([]bool, len(ix.entries))
	for i := range ix.entries {
		matched[i] = match(&ix.entries[i])
	}
	order := make([]int32, 0, len(pre))
	for _, i := range pre {
		if matched[i] {
			order = append(order, i)
		}
	}
	if f.Desc {
		slices.Reverse(order)
	}
	total := len(order)
	from, to := min(f.Offset, total), min(f.Offset+f.Limit, total)
	ids := make([]string, 0, to-from)
	for _, i := range order[from:to] {
		ids = append(ids, ix.entries[i].id)
	}
	return ids, total, nil
}

// entryOrder compares entries by the sort key the way the SQL path does (bytewise strings).
func entryOrder(sort string) func(a, b *listEntry) int {
	switch sort {
	case "sku":
		return func(a, b *listEntry) int { return strings.Compare(a.sku, b.sku) }
	case "brand":
		return func(a, b *listEntry) int {
			return cmp.Or(strings.Compare(a.brand, b.brand), strings.Compare(a.name, b.name))
		}
	case "price":
		return func(a, b *listEntry) int { return cmp.Compare(a.price, b.price) }
	case "cost":
		return func(a, b *listEntry) int { return cmp.Compare(a.cost, b.cost) }
	case "created":
		return func(a, b *listEntry) int { return strings.Compare(a.created, b.created) }
	case "onHand":
		return func(a, b *listEntry) int { return cmp.Compare(a.onHand, b.onHand) }
	case "available":
		return func(a, b *listEntry) int { return cmp.Compare(a.available(), b.available()) }
	}
	return func(a, b *listEntry) int { return strings.Compare(a.name, b.name) }
}

const listCols = `SELECT p.id, p.search, p.name_zh, p.sku, p.brand, p.category_id, p.created_at,
	p.price, p.cost, coalesce(s.on_hand, 0), coalesce(s.reserved, 0), p.reorder_point, p.deleted
	FROM products p LEFT JOIN product_stock s ON s.product_id = p.id`

func (ix *listIndex) refresh(ctx context.Context) error {
	ix.pmu.Lock()
	dirty, rebuild := ix.dirty, ix.rebuild
	ix.dirty, ix.rebuild = map[string]bool{}, false
	ix.pmu.Unlock()
	var err error
	switch {
	case !ix.built || rebuild:
		err = ix.build(ctx)
	case len(dirty) > 0:
		err = ix.update(ctx, dirty)
	}
	if err != nil { // read it all again next time
		ix.built = false
	}
	return err
}

func (ix *listIndex) read(ctx context.Context, query string, args ...any) ([]listEntry, error) {
	rows, err := ix.db.R().QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []listEntry
	for rows.Next() {
		var e listEntry
		if err := rows.Scan(&e.id, &e.search, &e.name, &e.sku, &e.brand, &e.category, &e.created,
			&e.price, &e.cost, &e.onHand, &e.reserved, &e.reorderPoint, &e.gone); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

func (ix *listIndex) build(ctx context.Context) error {
	entries, err := ix.read(ctx, listCols+` WHERE p.deleted = 0`)
	if err != nil {
		return err
	}
	ix.entries = entries
	ix.pos = make(map[string]int32, len(entries))
	for i := range entries {
		ix.pos[entries[i].id] = int32(i)
	}
	ix.sorted, ix.stale = map[string][]int32{}, map[string]bool{}
	ix.built = true
	return nil
}

// update reads the changed products again; new ones are appended, deleted ones marked gone.
func (ix *listIndex) update(ctx context.Context, dirty map[string]bool) error {
	ids := make([]string, 0, len(dirty))
	for id := range dirty {
		ids = append(ids, id)
	}
	list, err := json.Marshal(ids)
	if err != nil {
		return err
	}
	fresh, err := ix.read(ctx, listCols+` WHERE p.id IN (SELECT value FROM json_each(?))`, string(list))
	if err != nil {
		return err
	}
	for _, e := range fresh {
		if i, ok := ix.pos[e.id]; ok {
			ix.entries[i] = e
		} else if !e.gone {
			ix.pos[e.id] = int32(len(ix.entries))
			ix.entries = append(ix.entries, e)
			for key := range ix.sorted {
				ix.sorted[key] = append(ix.sorted[key], int32(len(ix.entries)-1))
			}
		}
	}
	if len(fresh) > 0 {
		for key := range ix.sorted {
			ix.stale[key] = true
		}
	}
	return nil
}

// order returns the entries in ascending order of sort key (ties by id), sorting them on
// first use.
func (ix *listIndex) order(key string) []int32 {
	if key == "" {
		key = "name"
	}
	if _, ok := ix.sorted[key]; !ok {
		order := make([]int32, len(ix.entries))
		for i := range order {
			order[i] = int32(i)
		}
		ix.sorted[key] = order
		ix.stale[key] = true
	}
	if ix.stale[key] {
		ix.sortBy(key) // after a change nearly sorted already: pdqsort makes this close to one pass
		delete(ix.stale, key)
	}
	return ix.sorted[key]
}

func (ix *listIndex) sortBy(key string) {
	less := entryOrder(key)
	slices.SortFunc(ix.sorted[key], func(a, b int32) int {
		return cmp.Or(less(&ix.entries[a], &ix.entries[b]), strings.Compare(ix.entries[a].id, ix.entries[b].id))
	})
}

// asciiLower lowers A–Z only, as SQLite's lower() did when it built the search column.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// productsByIDs returns the products with ids, in the order of ids.
func (s *Service) productsByIDs(ctx context.Context, ids []string) ([]Product, error) {
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.R().QueryContext(ctx, `SELECT `+productCols+productFrom+
		` WHERE p.id IN (SELECT value FROM json_each(?))`, string(list))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	byID := make(map[string]Product, len(ids))
	for rows.Next() {
		p, err := scanProduct(rows)
		if err != nil {
			return nil, err
		}
		byID[p.ID] = p
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]Product, 0, len(ids))
	for _, id := range ids {
		if p, ok := byID[id]; ok {
			out = append(out, p)
		}
	}
	return out, nil
}
