package demo

import (
	"fmt"
	"math"
	"math/rand"
	"strconv"
	"strings"

	"daigoudesk/backend/catalog"
	"daigoudesk/backend/domain"
)

// variants make more products from a base good once every base has been used: packs, sets
// and editions, the way a daigou catalog grows.
var variants = []struct {
	zh, orig string
	mult     float64
}{
	{"", "", 1}, {" 2件装", " Twin Pack", 1.9}, {" 礼盒装", " Gift Set", 1.3}, {" 旅行装", " Travel Size", 0.45},
	{" 3件装", " 3-Pack", 2.75}, {" 免税限定版", " Duty-Free Exclusive", 1.1},
}

type good struct {
	brand              *brand
	index              int // within the brand
	zh, orig, category string
	weight             int64
	cost               float64 // major units of the brand's currency
	shelfLife          bool
}

func allGoods() []good {
	var out []good
	for bi := range brands {
		b := &brands[bi]
		for gi, s := range b.goods {
			f := strings.Split(s, "|")
			w, _ := strconv.ParseInt(f[3], 10, 64)
			c, _ := strconv.ParseFloat(f[4], 64)
			out = append(out, good{brand: b, index: gi, zh: f[0], orig: f[1], category: f[2], weight: w, cost: c, shelfLife: f[5] == "1"})
		}
	}
	return out
}

// Products returns n realistic catalog rows: the real goods of the brands above first, then
// packs, sets and numbered editions of them. The same n and seed give the same rows; SKUs and
// barcodes (valid EAN-13/JAN check digits) are unique for n up to about 150,000.
func Products(n int, seed int64) []catalog.ImportRow {
	rng := rand.New(rand.NewSource(seed))
	goods := allGoods()
	companyNo := map[*brand]int{}
	for i := range brands {
		companyNo[&brands[i]] = 101 + i
	}
	rows := make([]catalog.ImportRow, 0, n)
	for i := 0; i < n; i++ {
		g := goods[i%len(goods)]
		v := i / len(goods)
		vz, vo, mult := "", "", 1.0
		if v < len(variants) {
			vz, vo, mult = variants[v].zh, variants[v].orig, variants[v].mult
		} else {
			vz, vo, mult = fmt.Sprintf(" 第%d版", v), fmt.Sprintf(" Edition %d", v), 1+float64(v%7)/10
		}
		b := g.brand
		c := countries[b.country]
		sku := fmt.Sprintf("%s-%s-%03d", b.country, b.code, g.index+1)
		if v > 0 {
			sku += fmt.Sprintf("-V%d", v)
		}
		var barcode string
		if g.category != "箱包" { // luxury bags carry no retail barcode
			body := c.prefix + fmt.Sprintf("%0*d", 12-len(c.prefix), companyNo[b]*100000+g.index*1000+v)
			barcode = body + string(domain.CheckDigit(body))
		}
		cost := roundMinor(g.cost*mult, c.currency)
		costCNY := g.cost * mult * c.cnyRate
		margin := 1.12 + rng.Float64()*0.25
		price := int64(math.Ceil(costCNY*margin/10)*10-1) * 100 // ends in 9 yuan: ¥289.00
		if price < 900 {
			price = 900
		}
		rp, rq := int64(2+rng.Intn(8)), int64(0)
		switch {
		case g.category == "箱包" || g.category == "配饰" || costCNY > 3000:
			rp, rq = 1, 2
		case rng.Intn(10) == 0:
			rp = 0 // not restocked on a schedule
		}
		if rp > 0 && rq == 0 {
			rq = rp*2 + int64(rng.Intn(10))
		}
		notes := ""
		switch rng.Intn(12) {
		case 0:
			notes = "热卖"
		case 1:
			notes = "限购 2 件"
		case 2:
			notes = "专柜价 ¥" + strconv.FormatInt(price/100*13/10, 10)
		}
		rows = append(rows, catalog.ImportRow{Line: i + 2, Category: g.category, ProductInput: catalog.ProductInput{
			SKU: sku, NameZh: b.zh + g.zh + vz, NameOrig: b.orig + " " + g.orig + vo, Brand: b.zh, Barcode: barcode,
			Cost: cost, CostCurrency: c.currency, Price: price, PriceCurrency: "CNY",
			WeightG: int64(float64(g.weight)*mult + 0.5), ShelfLife: g.shelfLife, ReorderPoint: rp, ReorderQty: rq, Notes: notes,
		}})
	}
	return rows
}

// roundMinor converts an amount in major units to the currency's minor units.
func roundMinor(major float64, currency string) int64 {
	return int64(math.Round(major * math.Pow10(domain.Currencies[currency])))
}
