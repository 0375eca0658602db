package demo

import (
	"fmt"
	"strconv"
	"time"

	"daigoudesk/backend/orders"
	"daigoudesk/backend/purchasing"
)

// The buying side of the demo: the stores abroad the team buys at, a buying trip every three
// weeks (each bought item ticked off through the purchasing service into the buyer's
// suitcase, at the card or cash rate of the trip, with luggage fees, forwarder charges and
// tax refunds that end received, claimed or still eligible), and an open trip ahead with
// customers' pre-orders waiting on its shopping list.

// stores per country: name, city, kind.
var stores = map[string][][3]string{
	"JP": {{"松本清 银座店", "东京", "shop"}, {"Bic Camera 有乐町", "东京", "shop"}, {"伊势丹 新宿 化妆品专柜", "东京", "counter"}},
	"KR": {{"乐天免税店 明洞总店", "首尔", "shop"}, {"Olive Young 明洞", "首尔", "shop"}},
	"FR": {{"老佛爷百货 奥斯曼店", "巴黎", "counter"}, {"City Pharma", "巴黎", "shop"}},
	"IT": {{"The Mall 奥特莱斯", "佛罗伦萨", "shop"}},
	"DE": {{"dm drogerie markt", "法兰克福", "shop"}},
	"CH": {{"Bucherer", "卢塞恩", "counter"}},
	"GB": {{"Boots Oxford Street", "伦敦", "shop"}},
	"US": {{"Costco Business Center", "洛杉矶", "wholesaler"}, {"iHerb", "", "online"}},
	"AU": {{"Chemist Warehouse", "悉尼", "shop"}},
	"NZ": {{"Life Pharmacy", "奥克兰", "shop"}},
}

// buyers by suitcase.
var buyers = map[string]string{"Alice's suitcase": "Alice", "小美的行李箱": "小美", "阿杰的行李箱": "阿杰"}

// makeSuppliers creates the stores; l.stores maps a country to its supplier ids.
func (l *loader) makeSuppliers() error {
	l.stores = map[string][]string{}
	for _, country := range []string{"JP", "KR", "FR", "IT", "DE", "CH", "GB", "US", "AU", "NZ"} {
		for _, s := range stores[country] {
			sup, err := l.svc.Purchasing.CreateSupplier(l.ctx, purchasing.SupplierInput{Name: s[0], City: s[1], Kind: s[2],
				Country: country, Currency: countries[country].currency, LeadDays: int64(map[string]int{"online": 10,
					"wholesaler": 5}[s[2]])})
			if err != nil {
				return fmt.Errorf("supplier %s: %w", s[0], err)
			}
			l.stores[country] = append(l.stores[country], sup.ID)
			l.res.Suppliers++
		}
	}
	return nil
}

// openTrip plans a trip for a named country, starting on date.
func (l *loader) openTrip(where []string, suitcase string, date time.Time) (purchasing.Trip, error) {
	country := where[0]
	cur := countries[country].currency
	rate := strconv.FormatFloat(countries[country].cnyRate, 'f', -1, 64)
	cash := strconv.FormatFloat(countries[country].cnyRate*1.015, 'f', 6, 64)
	city := ""
	if s := stores[country]; len(s) > 0 {
		city = s[0][1]
	}
	name := fmt.Sprintf("%s %s", map[string]string{"JP": "日本", "KR": "韩国", "FR": "欧洲", "IT": "意大利", "DE": "德国", "CH": "瑞士",
		"GB": "英国", "AU": "澳新", "NZ": "新西兰", "US": "美国"}[country],
		date.Format("2006-01"))
	return l.svc.Purchasing.CreateTrip(l.ctx, purchasing.TripInput{Name: name, Country: country, City: city,
		StartsOn: date.Format("2006-01-02"), EndsOn: date.AddDate(0, 0, 4).Format("2006-01-02"), Buyer: buyers[suitcase],
		Currency: cur, CardRate: rate, CashRate: cash, LocationID: l.locs[suitcase]})
}

// tripCosts adds what a past trip cost on top of its goods and the tax refunds it claimed,
// then closes it.
func (l *loader) tripCosts(trip purchasing.Trip, date time.Time, age int) error {
	at := date.AddDate(0, 0, 4).Format("2006-01-02")
	costs := []purchasing.CostInput{{OwnerID: trip.ID, Kind: purchasing.CostLuggage, Amount: int64(200+l.rng.Intn(6)*100) * 100,
		Currency: "CNY", Spread: "weight", Note: "超重行李", At: at}}
	if trip.Country != "JP" && trip.Country != "KR" {
		costs = append(costs, purchasing.CostInput{OwnerID: trip.ID, Kind: purchasing.CostForwarder,
			Amount: int64(300+l.rng.Intn(10)*50) * 100, Currency: "CNY", Spread: "weight", Note: "转运费", At: at})
	}
	// a tax refund for the tax-free goods of the first store: received after two months,
	// claimed after two weeks, else still to claim
	var taxFree int64
	sum, err := l.svc.Purchasing.TripSummary(l.ctx, trip.ID)
	if err != nil {
		return err
	}
	store := ""
	for _, b := range sum.Buys {
		if b.TaxFree && (store == "" || b.SupplierID == store) {
			store = b.SupplierID
			taxFree += b.Qty*b.UnitPrice - b.Discount
		}
	}
	if taxFree > 0 {
		refund := purchasing.CostInput{OwnerID: trip.ID, Kind: purchasing.CostTaxRefund, Amount: taxFree / 12,
			Currency: trip.Currency, SupplierID: store, Status: "eligible", At: at}
		switch {
		case age > 63:
			refund.Status, refund.AmountReceived = "received", taxFree/12*95/100
			refund.Rate = trip.CardRate
		case age > 21:
			refund.Status = "claimed"
		}
		costs = append(costs, refund)
	}
	for _, c := range costs {
		if _, err := l.svc.Purchasing.SaveCost(l.ctx, "", c); err != nil {
			return fmt.Errorf("trip cost: %w", err)
		}
	}
	_, err = l.svc.Purchasing.CloseTrip(l.ctx, trip.ID, true)
	return err
}

// upcoming plans the next trip, to the country most of the low stock comes from (Japan when
// nothing is low), and takes customers' pre-orders for it, so its shopping list has goods for
// customers beside the reorder suggestions.
func (l *loader) upcoming() error {
	low, err := l.svc.Stock.LowStock(l.ctx)
	if err != nil {
		return err
	}
	count := map[string]int{}
	country := "JP"
	for _, r := range low {
		if it := l.byID[r.ProductID]; it != nil && len(stores[it.country]) > 0 {
			count[it.country]++
			if count[it.country] > count[country] {
				country = it.country
			}
		}
	}
	start := l.opt.Now.UTC().Truncate(24*time.Hour).AddDate(0, 0, 6)
	trip, err := l.openTrip([]string{country}, "Alice's suitcase", start)
	if err != nil {
		return err
	}
	var local []*item
	for _, it := range l.items {
		if it.country == country {
			local = append(local, it)
		}
	}
	if len(local) == 0 {
		return nil
	}
	at := l.opt.Now.UTC().Add(-2 * time.Hour).Format(time.RFC3339)
	for n := 0; n < 12 && len(l.customers) > 0; n++ {
		c := l.customers[l.rng.Intn(len(l.customers))]
		it := local[l.rng.Intn(len(local))]
		qty := int64(1 + l.rng.Intn(3))
		d, err := l.svc.Orders.CreateOrder(l.ctx, orders.OrderInput{Channel: "wechat", CustomerID: c.id, ShipName: c.name,
			ShipPhone: c.phone, ShipProvince: c.province, ShipCity: c.city, ShipDistrict: c.district, ShipStreet: c.street,
			Currency: "CNY", OrderedAt: at, DueDate: start.AddDate(0, 0, 14).Format("2006-01-02"), Note: "代购预订：" + trip.Name,
			Lines: []orders.LineInput{{ProductID: it.id, Qty: qty, UnitPrice: it.price, Preorder: true}}})
		if err != nil {
			return fmt.Errorf("pre-order: %w", err)
		}
		if _, err := l.svc.Orders.Transition(l.ctx, orders.TransitionInput{OrderID: d.Order.ID, To: "confirmed", At: at}); err != nil {
			return fmt.Errorf("confirm pre-order: %w", err)
		}
		s := &sale{orderID: d.Order.ID, total: d.Figures.Total, channel: "wechat", deposit: true}
		if err := l.pay(s, d.Figures.Total*3/10/100*100, "deposit", at); err != nil {
			return err
		}
		l.res.Orders++
		l.res.Preorders++
	}
	l.res.Trips++
	return nil
}
