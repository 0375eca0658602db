// Package demo fills a data folder with realistic demo data: storage zones and locations,
// categories, about 300 products of real brands bought in Japan, Korea, Europe, the US,
// Australia and New Zealand, and 18 months of stock history (buying trips received into
// suitcases with batches and expiry dates, transfers to shelves, orders reserved and
// shipped, cancellations, adjustments with reasons, stock-takes). Everything goes through
// the catalog and stock services, exactly as the app would write it. The history is drawn
// from a seeded random source, so a seed always tells the same story (dated back from today).
//
// Buying trips go through the purchasing service (purchasing.go): stores abroad, trips whose
// items are ticked off as bought with their costs and tax refunds, and an open trip ahead
// with customers' pre-orders on its shopping list.
//
// Parcels go through the shipping side (shipping.go): the team's carrier contract and rules,
// a parcel with its tracking history for every order the history shipped (some late, a few
// lost), and today's packing: parcels shipped in the last days and parcels packed today with
// their labels still to print.
//
// It imports catalog, stock, orders, customers, purchasing, shipping, services, store and domain.
package demo

import (
	"context"
	"fmt"
	"io"
	"math/rand"
	"sort"
	"time"

	"daigoudesk/backend/catalog"
	"daigoudesk/backend/purchasing"
	"daigoudesk/backend/services"
	"daigoudesk/backend/stock"
)

// Options tune Load; the zero value is the standard demo.
type Options struct {
	Seed     int64 // 0 = 1
	Products int   // 0 = 300
	// Customers and OrdersPerDay size the sales side: 0 = 2,500 customers and 3–8 new orders a
	// day (about 3,000 orders over the 18 months). Tests use smaller figures.
	Customers, OrdersPerDay int
	Now                     time.Time // the end of the history; zero = now
	Progress                io.Writer // progress lines; nil = none
}

// Result counts what Load made.
type Result struct {
	Zones, Locations, Categories, Products, Moves int
	Customers, Orders, Cancelled, Returns         int
	Suppliers, Trips, Preorders                   int // stores abroad, buying trips, open pre-orders for the next trip
	LowStock, Expiring                            int // products at or below their reorder point; batches expiring within 60 days
	Parcels, Waiting                              int // parcels; of them packed with their labels still to print
	LateParcels, LostParcels                      int // delivered after the service's transit time; lost on the way
}

var zones = []struct {
	name, kind, note string
	locations        [][2]string // name, kind
}{
	{"奢侈品", "luxury", "luxury goods: bags, scarves, jewellery", [][2]string{{"保险柜 S1", "other"}, {"展示柜 S2", "shelf"}, {"Alice's suitcase", "suitcase"}}},
	{"日用品", "daily", "daily goods, baby and snacks", [][2]string{{"货架 A1", "shelf"}, {"货架 A2", "shelf"}, {"货架 A3", "shelf"}, {"箱 B2", "bin"}}},
	{"电子产品", "electronics", "electronics", [][2]string{{"货架 E1", "shelf"}, {"箱 B5", "bin"}, {"阿杰的行李箱", "suitcase"}}},
	{"化妆品", "cosmetics", "skincare, make-up and fragrance", [][2]string{{"货架 C1", "shelf"}, {"货架 C2", "shelf"}, {"冷藏柜 F1", "other"}, {"小美的行李箱", "suitcase"}}},
	{"保健品", "supplements", "supplements and health food", [][2]string{{"货架 H1", "shelf"}, {"货架 H2", "shelf"}, {"箱 B3", "bin"}}},
}

// trips: where the team buys, in turn, and whose suitcase brings the goods home.
var trips = []struct {
	countries []string
	suitcase  string
}{
	{[]string{"JP"}, "Alice's suitcase"}, {[]string{"KR"}, "小美的行李箱"}, {[]string{"FR", "IT", "DE", "CH", "GB"}, "Alice's suitcase"},
	{[]string{"JP"}, "阿杰的行李箱"}, {[]string{"AU", "NZ"}, "小美的行李箱"}, {[]string{"US"}, "阿杰的行李箱"},
}

const historyDays = 548 // 18 months

// Load writes the demo data through svc's services.
func Load(ctx context.Context, svc *services.Services, opt Options) (Result, error) {
	if opt.Seed == 0 {
		opt.Seed = 1
	}
	if opt.Products == 0 {
		opt.Products = 300
	}
	if opt.Customers == 0 {
		opt.Customers = 2500
	}
	if opt.Now.IsZero() {
		opt.Now = time.Now()
	}
	if opt.Progress == nil {
		opt.Progress = io.Discard
	}
	l := &loader{ctx: ctx, svc: svc, opt: opt, rng: rand.New(rand.NewSource(opt.Seed)), locs: map[string]string{}}
	steps := []func() error{l.places, l.catalog, l.makeSuppliers, l.history, l.shipping, l.upcoming, l.summary}
	for _, step := range steps {
		if err := step(); err != nil {
			return l.res, err
		}
	}
	return l.res, nil
}

type loader struct {
	ctx  context.Context
	svc  *services.Services
	opt  Options
	rng  *rand.Rand
	res  Result
	locs map[string]string // location name → id
	zone map[string][]string
	// products in catalog order, with what the simulation knows about them
	items []*item
	lots  map[lotKey]*lot
	order int
	// the sales side (sales.go)
	customers []customer
	byID      map[string]*item
	later     []pending // sale steps planned while handling today's
	// the buying side (purchasing.go)
	stores map[string][]string // country → supplier ids
}

type item struct {
	id, sku, country, category string
	shelfLife                  bool
	reorderPoint, reorderQty   int64
	unitCost, price            int64
	currency                   string
	popularity                 float64
	home                       string // the shelf it lives on
}

type lotKey struct {
	item       *item
	loc, batch string
}

type lot struct {
	lotKey
	expiry           string
	onHand, reserved int64
}

func (l *loader) progress(format string, args ...any) {
	fmt.Fprintf(l.opt.Progress, "demo: "+format+"\n", args...)
}

// places makes the zones, their locations and the categories, reusing any that exist by name.
func (l *loader) places() error {
	cat := l.svc.Catalog
	existingZones, err := cat.Zones(l.ctx)
	if err != nil {
		return err
	}
	existingLocs, err := cat.Locations(l.ctx)
	if err != nil {
		return err
	}
	l.zone = map[string][]string{}
	for _, z := range zones {
		zoneID := ""
		for _, e := range existingZones {
			if e.Name == z.name {
				zoneID = e.ID
			}
		}
		if zoneID == "" {
			saved, err := cat.SaveZone(l.ctx, catalog.Zone{Name: z.name, Kind: z.kind, Note: z.note})
			if err != nil {
				return err
			}
			zoneID = saved.ID
			l.res.Zones++
		}
		for _, loc := range z.locations {
			id := ""
			for _, e := range existingLocs {
				if e.ZoneID == zoneID && e.Name == loc[0] {
					id = e.ID
				}
			}
			if id == "" {
				saved, err := cat.SaveLocation(l.ctx, catalog.Location{ZoneID: zoneID, Name: loc[0], Kind: loc[1]})
				if err != nil {
					return err
				}
				id = saved.ID
				l.res.Locations++
			}
			l.locs[loc[0]] = id
			if loc[1] != "suitcase" {
				l.zone[z.name] = append(l.zone[z.name], loc[0])
			}
		}
	}
	existingCats, err := cat.Categories(l.ctx)
	if err != nil {
		return err
	}
	have := map[string]bool{}
	for _, c := range existingCats {
		have[c.Name] = true
	}
	for _, c := range categories {
		if !have[c.zh] {
			if _, err := cat.SaveCategory(l.ctx, catalog.Category{Name: c.zh, NameEn: c.en}); err != nil {
				return err
			}
			l.res.Categories++
		}
	}
	l.progress("%d zones, %d locations, %d categories", len(zones), len(l.locs), len(categories))
	return nil
}

// catalog imports the products (by SKU, so a forced second run updates instead of doubling).
func (l *loader) catalog() error {
	rows := Products(l.opt.Products, l.opt.Seed)
	res, err := l.svc.Catalog.ImportProducts(l.ctx, "demo", rows)
	if err != nil {
		return err
	}
	l.res.Products = res.Created + res.Updated + res.Unchanged
	zoneOf := map[string]string{}
	for _, c := range categories {
		zoneOf[c.zh] = c.zone
	}
	for _, r := range rows {
		p, err := l.svc.Catalog.FindProductByCode(l.ctx, r.SKU)
		if err != nil {
			return err
		}
		shelves := l.zone[zoneOf[r.Category]]
		it := &item{id: p.ID, sku: p.SKU, country: r.SKU[:2], category: r.Category, shelfLife: p.ShelfLife,
			reorderPoint: p.ReorderPoint, reorderQty: p.ReorderQty, unitCost: p.Cost, price: p.Price, currency: p.CostCurrency,
			popularity: l.rng.ExpFloat64(), home: shelves[l.rng.Intn(len(shelves))]}
		if r.Category == "箱包" || r.Category == "电子产品" {
			it.popularity /= 4
		}
		if it.reorderQty == 0 {
			it.reorderQty = 6
		}
		l.items = append(l.items, it)
	}
	l.progress("%d products (created %d, updated %d, unchanged %d)", len(rows), res.Created, res.Updated, res.Unchanged)
	return nil
}

// pending is a move due on a later day: the second half of a trip or an order.
type pending struct {
	day  int
	kind string // transfer | ship | cancel | deliver | complete
	lots []*lot
	sale *sale
}

func (l *loader) history() error {
	l.lots = map[lotKey]*lot{}
	start := l.opt.Now.UTC().Truncate(24*time.Hour).AddDate(0, 0, -historyDays)
	var queue []pending
	tripNo := 0
	if err := l.makeCustomers(); err != nil {
		return err
	}
	for day := 0; day <= historyDays; day++ {
		date := start.AddDate(0, 0, day)
		if err := l.refreshLots(); err != nil { // the orders service chose batches: read what is there
			return err
		}
		at := func() string { // office hours in China, in UTC
			return date.Add(time.Duration(1+l.rng.Intn(11))*time.Hour + time.Duration(l.rng.Intn(60))*time.Minute).Format(time.RFC3339)
		}
		// what was due today
		rest := queue[:0]
		for _, p := range queue {
			if p.day > day {
				rest = append(rest, p)
				continue
			}
			if err := l.due(p, at()); err != nil {
				return err
			}
		}
		queue = append(rest, l.later...)
		l.later = nil
		if day%21 == 3 && day < historyDays-2 {
			t := trips[tripNo%len(trips)]
			tripNo++
			moved, err := l.trip(t.countries, t.suitcase, date, at)
			if err != nil {
				return err
			}
			if len(moved) > 0 {
				queue = append(queue, pending{day: day + 2 + l.rng.Intn(3), kind: "transfer", lots: moved})
			}
		}
		if day == historyDays-50 {
			if err := l.shortDated(date, at); err != nil {
				return err
			}
		}
		orders := 3 + l.rng.Intn(6) // a small team: about five parcels a day
		if l.opt.OrdersPerDay > 0 {
			orders = 1 + l.rng.Intn(l.opt.OrdersPerDay)
		}
		for o := 0; o < orders; o++ {
			p, err := l.newSale(day, at())
			if err != nil {
				return err
			}
			if p != nil {
				queue = append(queue, *p)
			}
		}
		if l.rng.Intn(25) == 0 {
			if err := l.mishap(at()); err != nil {
				return err
			}
		}
		if day%30 == 29 && day < historyDays-60 {
			if err := l.writeOffExpired(date, at()); err != nil {
				return err
			}
		}
		if day == 180 || day == 420 {
			if err := l.stockTake([]string{"货架 C1", "货架 H1"}[day/400], at()); err != nil {
				return err
			}
		}
		if day%91 == 0 {
			l.progress("history %s: %d moves", date.Format("2006-01"), l.res.Moves)
		}
	}
	return nil
}

func (l *loader) lotAt(it *item, loc, batch, expiry string) *lot {
	k := lotKey{it, loc, batch}
	if lt := l.lots[k]; lt != nil {
		return lt
	}
	lt := &lot{lotKey: k, expiry: expiry}
	l.lots[k] = lt
	return lt
}

// trip buys what runs low (and some more) of the countries' products into a suitcase: a
// buying trip whose every item is ticked off as bought at one of the country's stores, then
// its luggage fees, forwarder charges and tax refund, and closed.
func (l *loader) trip(countries []string, suitcase string, date time.Time, at func() string) ([]*lot, error) {
	from := map[string]bool{}
	for _, c := range countries {
		from[c] = true
	}
	available := l.availableByItem()
	trip, err := l.openTrip(countries, suitcase, date)
	if err != nil {
		return nil, fmt.Errorf("trip: %w", err)
	}
	var moved []*lot
	for _, it := range l.items {
		if !from[it.country] {
			continue
		}
		low := available[it] <= it.reorderPoint*2
		if !low && l.rng.Intn(3) != 0 {
			continue
		}
		qty := it.reorderQty + int64(l.rng.Intn(int(it.reorderQty)+1))
		in := purchasing.BuyInput{TripID: trip.ID, ProductID: it.id, Qty: qty, UnitPrice: it.unitCost, Currency: it.currency,
			PaidWith: "card", TaxFree: l.rng.Intn(2) == 0, At: at()}
		if l.rng.Intn(4) == 0 {
			in.PaidWith = "cash"
		}
		if s := l.stores[it.country]; len(s) > 0 {
			in.SupplierID = s[l.rng.Intn(len(s))]
		}
		if it.shelfLife {
			months := 12 + l.rng.Intn(25)
			if it.category == "零食" {
				months = 3 + l.rng.Intn(6)
			}
			in.Expiry = date.AddDate(0, months, 0).Format("2006-01-02")
			in.BatchCode = fmt.Sprintf("L%s%c", date.Format("0601"), 'A'+l.rng.Intn(26))
		}
		if _, err := l.svc.Purchasing.Buy(l.ctx, in); err != nil {
			return nil, fmt.Errorf("buy %s: %w", it.sku, err)
		}
		lt, err := l.received(it, trip.LocationID, in.BatchCode, in.Expiry, qty)
		if err != nil {
			return nil, err
		}
		moved = append(moved, lt)
	}
	l.res.Trips++
	age := int(l.opt.Now.Sub(date).Hours() / 24)
	return moved, l.tripCosts(trip, date, age)
}

func (l *loader) receive(it *item, in stock.ReceiveInput) (*lot, error) {
	if _, err := l.svc.Stock.Receive(l.ctx, in); err != nil {
		return nil, fmt.Errorf("receive %s: %w", it.sku, err)
	}
	return l.received(it, in.LocationID, in.BatchCode, in.Expiry, in.Qty)
}

// received notes goods that arrived at loc (as a batch when code or expiry is given).
func (l *loader) received(it *item, loc, code, expiry string, qty int64) (*lot, error) {
	l.res.Moves++
	batch := ""
	if code != "" || expiry != "" {
		if err := l.svc.DB.R().QueryRowContext(l.ctx, `SELECT id FROM batches WHERE product_id = ? AND code = ? AND expiry = ? AND deleted = 0`,
			it.id, code, expiry).Scan(&batch); err != nil {
			return nil, fmt.Errorf("batch of %s: %w", it.sku, err)
		}
	}
	lt := l.lotAt(it, loc, batch, expiry)
	lt.onHand += qty
	return lt, nil
}

// shortDated buys a few clearance batches that expire soon after the history ends, so the
// expiry report has something to show.
func (l *loader) shortDated(date time.Time, at func() string) error {
	n := 0
	for _, it := range l.items {
		if !it.shelfLife || it.category == "零食" || l.rng.Intn(8) != 0 || n >= 6 {
			continue
		}
		n++
		it.popularity /= 20 // nobody wants them
		expiry := l.opt.Now.UTC().AddDate(0, 0, 10+l.rng.Intn(45)).Format("2006-01-02")
		if _, err := l.receive(it, stock.ReceiveInput{ProductID: it.id, LocationID: l.locs[it.home], Qty: 4 + int64(l.rng.Intn(6)),
			BatchCode: "CLR-" + date.Format("0601"), Expiry: expiry, UnitCost: it.unitCost / 2, CostCurrency: it.currency,
			Note: "临期特价 short-dated clearance", At: at()}); err != nil {
			return err
		}
	}
	return nil
}

func (l *loader) availableByItem() map[*item]int64 {
	out := map[*item]int64{}
	for _, lt := range l.lots {
		out[lt.item] += lt.onHand - lt.reserved
	}
	return out
}

// due books what was planned on an earlier day: unpacking a suitcase, or the next step of a sale.
func (l *loader) due(p pending, at string) error {
	if p.kind != "transfer" {
		return l.saleStep(p, at)
	}
	for _, planned := range p.lots { // unpack the suitcase onto the home shelves
		lt := l.lots[planned.lotKey] // as it is today
		if lt == nil {
			continue
		}
		qty := lt.onHand - lt.reserved
		if qty <= 0 {
			continue
		}
		err := l.svc.Stock.Transfer(l.ctx, stock.TransferInput{ProductID: lt.item.id, From: lt.loc, To: l.locs[lt.item.home],
			BatchID: lt.batch, Qty: qty, Note: "unpacked after the trip", At: at})
		if err != nil {
			return fmt.Errorf("transfer %s: %w", lt.item.sku, err)
		}
		lt.onHand -= qty
		dst := l.lotAt(lt.item, l.locs[lt.item.home], lt.batch, lt.expiry)
		dst.onHand += qty
		l.res.Moves += 2
	}
	return nil
}

func (l *loader) isSuitcase(loc string) bool {
	for _, s := range trips {
		if l.locs[s.suitcase] == loc {
			return true
		}
	}
	return false
}

// pick chooses an item by popularity among those in stock, in a fixed order so the seed
// decides.
func (l *loader) pick(byItem map[*item][]*lot) *item {
	total := 0.0
	for _, it := range l.items {
		if byItem[it] != nil {
			total += it.popularity
		}
	}
	x := l.rng.Float64() * total
	for _, it := range l.items {
		if byItem[it] != nil {
			if x -= it.popularity; x <= 0 {
				return it
			}
		}
	}
	return nil
}

// mishap is a one-unit adjustment: something broke, went missing, turned up or was given away.
func (l *loader) mishap(at string) error {
	if err := l.refreshLots(); err != nil { // today's shipments took batches first-expiry-first-out
		return err
	}
	var candidates []*lot
	for _, it := range l.items {
		for _, lt := range l.sortedLots(it) {
			if lt.onHand > 0 && l.freeAt(it, lt.loc) > 0 {
				candidates = append(candidates, lt)
			}
		}
	}
	if len(candidates) == 0 {
		return nil
	}
	lt := candidates[l.rng.Intn(len(candidates))]
	reasons := []struct {
		reason, note string
		delta        int64
	}{{"damaged", "包装破损 box crushed in transit", -1}, {"lost", "找不到了 missing at packing", -1},
		{"found", "在箱子底下找到 found under a box", 1}, {"sample", "试用装给客户 sample for a VIP", -1}, {"gift", "送给老客户 gift", -1}}
	r := reasons[l.rng.Intn(len(reasons))]
	if _, err := l.svc.Stock.Adjust(l.ctx, stock.AdjustInput{ProductID: lt.item.id, LocationID: lt.loc, BatchID: lt.batch,
		Delta: r.delta, Reason: r.reason, Note: r.note, At: at}); err != nil {
		return fmt.Errorf("adjust %s: %w", lt.item.sku, err)
	}
	lt.onHand += r.delta
	l.res.Moves++
	return nil
}

// freeAt is what is on hand and not reserved of it at loc, over all its batches there (the
// orders service reserves per location, not per batch).
func (l *loader) freeAt(it *item, loc string) int64 {
	var n int64
	for k, lt := range l.lots {
		if k.item == it && k.loc == loc {
			n += lt.onHand - lt.reserved
		}
	}
	return n
}

func (l *loader) sortedLots(it *item) []*lot {
	var out []*lot
	for k, lt := range l.lots {
		if k.item == it {
			out = append(out, lt)
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a].loc+out[a].batch < out[b].loc+out[b].batch })
	return out
}

// writeOffExpired takes expired, unreserved stock out with an "expired" adjustment.
func (l *loader) writeOffExpired(date time.Time, at string) error {
	if err := l.refreshLots(); err != nil { // today's shipments took batches first-expiry-first-out
		return err
	}
	today := date.Format("2006-01-02")
	for _, it := range l.items {
		for _, lt := range l.sortedLots(it) {
			free := min(lt.onHand, l.freeAt(it, lt.loc)) // reservations are kept per location
			if lt.expiry == "" || lt.expiry >= today || free <= 0 {
				continue
			}
			if _, err := l.svc.Stock.Adjust(l.ctx, stock.AdjustInput{ProductID: it.id, LocationID: lt.loc, BatchID: lt.batch,
				Delta: -free, Reason: "expired", Note: "过期销毁 expired, destroyed", At: at}); err != nil {
				return fmt.Errorf("write off %s: %w", it.sku, err)
			}
			lt.onHand -= free
			l.res.Moves++
		}
	}
	return nil
}

// stockTake counts one location; now and then a count differs by one from the books.
func (l *loader) stockTake(location, at string) error {
	if err := l.refreshLots(); err != nil { // today's shipments took batches first-expiry-first-out
		return err
	}
	loc := l.locs[location]
	var lines []stock.CountLine
	var counted []*lot
	for _, it := range l.items {
		for _, lt := range l.sortedLots(it) {
			if lt.loc != loc || lt.onHand == 0 {
				continue
			}
			c := lt.onHand
			if l.rng.Intn(8) == 0 {
				if l.freeAt(it, lt.loc) > 0 && l.rng.Intn(2) == 0 {
					c--
				} else {
					c++
				}
			}
			lines = append(lines, stock.CountLine{ProductID: it.id, BatchID: lt.batch, Counted: c})
			counted = append(counted, lt)
		}
	}
	if len(lines) == 0 {
		return nil
	}
	res, err := l.svc.Stock.StockTake(l.ctx, stock.CountInput{LocationID: loc, Lines: lines, Note: "季度盘点 quarterly stock-take", At: at})
	if err != nil {
		return fmt.Errorf("stock-take %s: %w", location, err)
	}
	for i, lt := range counted {
		lt.onHand = lines[i].Counted
	}
	l.res.Moves += res.Changed
	l.progress("stock-take of %s: %d lines, %d differed", location, res.Lines, res.Changed)
	return nil
}

func (l *loader) summary() error {
	low, err := l.svc.Stock.LowStock(l.ctx)
	if err != nil {
		return err
	}
	exp, err := l.svc.Stock.Expiring(l.ctx, 60)
	if err != nil {
		return err
	}
	l.res.LowStock, l.res.Expiring = len(low), len(exp)
	return l.svc.DB.R().QueryRowContext(l.ctx, `SELECT count(*) FROM stock_moves`).Scan(&l.res.Moves)
}
