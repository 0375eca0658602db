package orderimport

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
	"time"

	"daigoudesk/backend/customers"
	"daigoudesk/backend/domain"
	"daigoudesk/backend/importer"
	"daigoudesk/backend/orders"
	"daigoudesk/backend/store"
)

// Service imports and exports orders over one store.
type Service struct {
	db        *store.DB
	orders    *orders.Service
	customers *customers.Service
	watch     *Watcher
	now       func() time.Time
}

// New returns the order import service.
func New(db *store.DB, o *orders.Service, c *customers.Service) *Service {
	return &Service{db: db, orders: o, customers: c, watch: newWatcher(db), now: time.Now}
}

// Request says what to import: the file, its channel (” = detected from a preset's
// headers), the mapping (nil = the mapping saved for the channel, else its preset), the
// products the user chose for unmatched titles (title → product id), and whether rows that
// are bad are left out (with their whole order) instead of refusing the file.
type Request struct {
	Path       string            `json:"path"`
	Channel    string            `json:"channel"`
	Mapping    Mapping           `json:"mapping"`
	ProductMap map[string]string `json:"productMap"`
	SkipBad    bool              `json:"skipBad"`
}

// OrderPreview is one order a file would create.
type OrderPreview struct {
	Line           int    `json:"line"`
	ChannelOrderNo string `json:"channelOrderNo"`
	Customer       string `json:"customer"`
	NewCustomer    bool   `json:"newCustomer"`
	Province       string `json:"province"`
	City           string `json:"city"`
	Status         string `json:"status"` // where the import moves it
	Lines          int    `json:"lines"`
	Total          int64  `json:"total"`
	Currency       string `json:"currency"`
	OrderedAt      string `json:"orderedAt"`
}

// Unmatched is a product of the file that matches no product by SKU, barcode or title.
type Unmatched struct {
	Title   string `json:"title"`
	SKU     string `json:"sku"`
	Barcode string `json:"barcode"`
	Lines   []int  `json:"lines"` // the first few file lines naming it
	Count   int    `json:"count"` // rows naming it
}

// Preview is what importing a file would do; nothing is written to make it.
type Preview struct {
	File         string               `json:"file"`
	Channel      string               `json:"channel"`
	Preset       string               `json:"preset"` // the preset the mapping came from ('' = saved or given)
	Mapping      Mapping              `json:"mapping"`
	Headers      []string             `json:"headers"` // the file's column headers, for the mapping step
	Rows         int                  `json:"rows"`
	Orders       int                  `json:"orders"` // orders it would create
	Lines        int                  `json:"lines"`
	Skipped      int                  `json:"skipped"` // orders already imported (their rows change nothing)
	NewCustomers int                  `json:"newCustomers"`
	BadOrders    int                  `json:"badOrders"` // orders left out when bad rows are skipped
	Sample       []OrderPreview       `json:"sample"`    // the first orders it would create
	Unmatched    []Unmatched          `json:"unmatched"` // imported as pre-order lines with the channel's title unless mapped
	Problems     []domain.LineProblem `json:"problems"`  // every bad row
}

// Result counts what an import did.
type Result struct {
	Created      int `json:"created"`
	Lines        int `json:"lines"`
	Skipped      int `json:"skipped"`    // already imported
	SkippedBad   int `json:"skippedBad"` // orders left out for bad rows (SkipBad)
	Unmatched    int `json:"unmatched"`  // lines without a product (pre-order lines with the title)
	Preordered   int `json:"preordered"` // matched lines short of stock, imported as pre-orders
	NewCustomers int `json:"newCustomers"`
}

const sampleSize = 50

// plan is a file read, validated and matched against the store.
type plan struct {
	file, channel, preset string
	mapping               Mapping
	headers               []string
	rows                  int
	orders                []*fileOrder
	problems              []domain.LineProblem
	existing              map[string]bool // order ids already in the store
	unmatched             []Unmatched
	custs                 *customerIndex
}

// Preview reads and checks the file as Import would, and reports what it would do.
func (s *Service) Preview(ctx context.Context, req Request) (Preview, error) {
	p, err := s.read(ctx, req)
	if err != nil {
		return Preview{}, err
	}
	if err := s.match(ctx, s.db.R(), p, req.ProductMap); err != nil {
		return Preview{}, err
	}
	out := Preview{File: p.file, Channel: p.channel, Preset: p.preset, Mapping: p.mapping, Headers: p.headers, Rows: p.rows,
		Unmatched: p.unmatched, Problems: p.problems, Sample: []OrderPreview{}}
	if out.Problems == nil {
		out.Problems = []domain.LineProblem{}
	}
	if out.Unmatched == nil {
		out.Unmatched = []Unmatched{}
	}
	for _, o := range p.orders {
		switch {
		case p.existing[o.id]:
			out.Skipped++
			continue
		case o.bad:
			out.BadOrders++
			continue
		}
		out.Orders++
		out.Lines += len(o.lines)
		c := p.custs.forOrder(o)
		if c.isNew && !c.counted {
			c.counted = true
			out.NewCustomers++
		}
		if len(out.Sample) < sampleSize {
			discount, shipping := o.prices()
			var goods int64
			for _, l := range o.lines {
				goods += l.qty * l.price
			}
			out.Sample = append(out.Sample, OrderPreview{Line: o.line, ChannelOrderNo: o.no, Customer: c.name,
				NewCustomer: c.isNew, Province: o.addr.Province, City: o.addr.City, Status: o.status(), Lines: len(o.lines),
				Total: goods - discount + shipping, Currency: o.currency, OrderedAt: o.orderedAt})
		}
	}
	return out, nil
}

// read reads the file and resolves channel and mapping; bad rows are in p.problems.
func (s *Service) read(ctx context.Context, req Request) (*plan, error) {
	tb, err := importer.ReadTable(req.Path)
	if err != nil {
		return nil, err
	}
	p := &plan{file: req.Path, channel: strings.TrimSpace(req.Channel), mapping: req.Mapping, headers: tb.Header}
	if p.channel == "" {
		p.channel = DetectPreset(tb.Header).Channel
		if p.channel == "" {
			return nil, domain.Invalid("channel", "importing.channel.required",
				"say which channel the file comes from (taobao, wechat, xiaohongshu, website, other)", nil)
		}
	}
	if !slices.Contains(orders.Channels, p.channel) {
		return nil, domain.Invalid("channel", "order.channel.unknown", fmt.Sprintf("unknown channel %q", p.channel),
			map[string]any{"channel": p.channel})
	}
	if len(p.mapping) == 0 {
		saved, err := s.savedMapping(ctx, p.channel)
		if err != nil {
			return nil, err
		}
		switch {
		case saved != nil && matches(tb.Header, saved):
			p.mapping = saved
		default:
			preset := DetectPreset(tb.Header)
			if preset.Name == "" {
				preset = PresetFor(p.channel)
			}
			p.mapping, p.preset = preset.Mapping, preset.Name
		}
	}
	p.orders, p.problems, p.rows = readOrders(tb, p.mapping)
	return p, nil
}

func jsonList(list []string) string {
	b, _ := json.Marshal(list)
	return string(b)
}

// match finds the orders already imported, matches products and customers, and checks the
// customers the import would create. q is the reader pool (preview) or the transaction.
func (s *Service) match(ctx context.Context, q store.Querier, p *plan, productMap map[string]string) error {
	ids, nos := make([]string, len(p.orders)), make([]string, len(p.orders))
	for i, o := range p.orders {
		o.id = orders.ImportedOrderID(p.channel, o.no, o.orderedAt)
		ids[i], nos[i] = o.id, strings.TrimSpace(o.no)
	}
	// An order is there already under its id, or under the channel's order number: imported
	// before its id had a date (orders.LegacyImportedOrderID), or typed in by hand.
	var err error
	if p.existing, err = idSet(q, `SELECT id FROM orders WHERE id IN (SELECT value FROM json_each(?))`, ids); err != nil {
		return err
	}
	known, err := idSet(q, `SELECT channel_order_no FROM orders WHERE channel = ?2 AND channel_order_no <> ''
		AND channel_order_no IN (SELECT value FROM json_each(?1))`, nos, p.channel)
	if err != nil {
		return err
	}
	for i, o := range p.orders {
		if known[nos[i]] {
			p.existing[o.id] = true
		}
	}
	if err := s.matchProducts(q, p, productMap); err != nil {
		return err
	}
	if p.custs, err = loadCustomers(q, p); err != nil {
		return err
	}
	for _, o := range p.orders {
		if p.existing[o.id] || o.bad {
			continue
		}
		c := p.custs.forOrder(o)
		if !c.isNew || c.checked {
			continue
		}
		c.checked = true
		in := c.input
		in.Normalize()
		for _, e := range in.Validate(s.now()).List {
			field := map[string]string{"name": FRecipient, "phone": FPhone, "taobao": FBuyer, "wechat": FBuyer,
				"xiaohongshu": FBuyer}[e.Field]
			if field == "" {
				field = e.Field
			}
			p.problems = append(p.problems, domain.ProblemAt(o.line, domain.Invalid(field, e.Key, "customer: "+e.Message, e.Params)))
			o.bad = true
		}
	}
	sort.SliceStable(p.problems, func(i, j int) bool { return p.problems[i].Line < p.problems[j].Line })
	return nil
}

// idSet is the set of query's first column, for the JSON list of ids (?1) and more arguments.
func idSet(q store.Querier, query string, ids []string, more ...any) (map[string]bool, error) {
	found, err := store.Strings(q, query, append([]any{jsonList(ids)}, more...)...)
	out := make(map[string]bool, len(found))
	for _, id := range found {
		out[id] = true
	}
	return out, err
}

// productsBy is the query for the key and id of the live products whose col is one of a JSON
// list (?1). "+deleted" keeps SQLite off products_name (deleted, name_zh, id) for the columns
// with their own index, as customersBy explains; name_zh is looked up through products_name.
func productsBy(col string) string {
	live := `+deleted = 0`
	if col == "name_zh" {
		live = `deleted = 0`
	}
	return `SELECT ` + col + `, id FROM products WHERE ` + live + ` AND ` + col + ` <> ''
		AND ` + col + ` IN (SELECT value FROM json_each(?1))`
}

// matchProducts sets each line's product: the user's choice for its title, else by SKU,
// then barcode, then exact product name (Chinese or original). A key two live products share
// picks the older product (smallest id), so every laptop picks the same.
func (s *Service) matchProducts(q store.Querier, p *plan, productMap map[string]string) error {
	skus, codes, titles := map[string]bool{}, map[string]bool{}, map[string]bool{} // each key once
	for _, o := range p.orders {
		for _, l := range o.lines {
			skus[l.sku], codes[l.barcode], titles[l.title] = true, true, true
		}
	}
	chosen := map[string]bool{}
	for _, id := range productMap {
		chosen[id] = true
	}
	lookup := func(query string, keys map[string]bool) (map[string]string, error) {
		rows, err := q.Query(query, jsonList(slices.Collect(maps.Keys(keys))))
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		out := map[string]string{}
		for rows.Next() {
			var key, id string
			if err := rows.Scan(&key, &id); err != nil {
				return nil, err
			}
			if old, ok := out[key]; !ok || id < old {
				out[key] = id
			}
		}
		return out, rows.Err()
	}
	bySKU, err := lookup(productsBy("sku"), skus)
	if err != nil {
		return err
	}
	byCode, err := lookup(productsBy("barcode"), codes)
	if err != nil {
		return err
	}
	byName, err := lookup(productsBy("name_zh")+` UNION ALL `+productsBy("name_orig"), titles)
	if err != nil {
		return err
	}
	exists, err := lookup(productsBy("id"), chosen)
	if err != nil {
		return err
	}
	var bad []string
	for title, id := range productMap {
		if exists[id] == "" {
			bad = append(bad, fmt.Sprintf("%q → %s", title, id))
		}
	}
	if len(bad) > 0 {
		sort.Strings(bad)
		return domain.Invalid("productMap", "importing.productMap.missing",
			"these chosen products do not exist: "+strings.Join(bad, ", "), map[string]any{"titles": strings.Join(bad, ", ")})
	}
	unmatched := map[[3]string]*Unmatched{}
	var order [][3]string
	for _, o := range p.orders {
		for i := range o.lines {
			l := &o.lines[i]
			l.productID = ""
			for _, id := range []string{productMap[l.title], bySKU[l.sku], byCode[l.barcode], byName[l.title]} {
				if id != "" && l.productID == "" {
					l.productID = id
				}
			}
			if l.productID != "" || o.bad || p.existing[o.id] {
				continue
			}
			key := [3]string{l.title, l.sku, l.barcode}
			u := unmatched[key]
			if u == nil {
				u = &Unmatched{Title: l.title, SKU: l.sku, Barcode: l.barcode}
				unmatched[key] = u
				order = append(order, key)
			}
			u.Count++
			if len(u.Lines) < 10 {
				u.Lines = append(u.Lines, l.line)
			}
		}
	}
	for _, k := range order {
		p.unmatched = append(p.unmatched, *unmatched[k])
	}
	return nil
}
