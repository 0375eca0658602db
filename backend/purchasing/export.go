package purchasing

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/importer"
	"daigoudesk/backend/pdf"
)

// listWords are the words of an exported shopping list, Chinese (the default) and English.
var listWords = map[string]map[string]string{
	"zh": {"title": "采购清单", "store": "门店", "anywhere": "不限门店", "sku": "SKU", "name": "商品", "orig": "原名",
		"brand": "品牌", "barcode": "条码", "orders": "预订", "stock": "补货", "need": "待买", "bought": "已买",
		"last": "上次价格", "status": "状态", "notFound": "未找到", "done": "已买齐", "skipped": "跳过", "made": "生成于",
		"totals": "共 %d 种商品，待买 %d 件，已买 %d 件", "orderCount": "%d 单"},
	"en": {"title": "Shopping list", "store": "Store", "anywhere": "Any store", "sku": "SKU", "name": "Product",
		"orig": "Original name", "brand": "Brand", "barcode": "Barcode", "orders": "For orders", "stock": "For stock",
		"need": "To buy", "bought": "Bought", "last": "Last price", "status": "Status", "notFound": "not found",
		"done": "done", "skipped": "skipped", "made": "made", "totals": "%d products, %d units to buy, %d bought", "orderCount": "%d orders"},
}

// ExportListFile writes a trip's shopping list to path as CSV, XLSX or PDF (by extension),
// grouped by store, in lang "zh" or "en"; it returns how many items it wrote.
func (s *Service) ExportListFile(ctx context.Context, tripID, path, lang string) (int, error) {
	w := listWords[lang]
	if w == nil {
		w = listWords["zh"]
	}
	list, err := s.ShoppingList(ctx, tripID)
	if err != nil {
		return 0, err
	}
	status := func(it ListItem) string {
		switch {
		case it.NotFound && it.Need > 0:
			return w["notFound"]
		case it.Skipped && it.Need == 0 && it.Bought == 0:
			return w["skipped"]
		case it.Need == 0:
			return w["done"]
		}
		return ""
	}
	price := func(it ListItem) string {
		if it.LastCurrency == "" {
			return ""
		}
		return domain.FormatMoney(it.LastPrice, it.LastCurrency) + " " + it.LastCurrency
	}
	storeName := func(g ListGroup) string {
		if g.SupplierID == "" {
			return w["anywhere"]
		}
		if g.City != "" {
			return g.Store + " · " + g.City
		}
		return g.Store
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".pdf":
		doc := pdf.List{
			Title: w["title"] + " — " + list.Trip.Name,
			Subtitle: strings.Join(nonEmpty(list.Trip.City, list.Trip.Country, list.Trip.StartsOn, list.Trip.Buyer), " · ") +
				"   " + w["made"] + " " + s.now().Format("2006-01-02 15:04"),
			Columns: []pdf.Column{{Title: "□", Width: 0.5, Align: "C"}, {Title: w["name"], Width: 4}, {Title: w["brand"], Width: 1.6},
				{Title: w["sku"] + " / " + w["barcode"], Width: 2.2}, {Title: w["orders"], Width: 1, Align: "R"},
				{Title: w["stock"], Width: 1, Align: "R"}, {Title: w["need"], Width: 1, Align: "R"},
				{Title: w["bought"], Width: 1, Align: "R"}, {Title: w["last"], Width: 1.6, Align: "R"}},
			Footer: fmt.Sprintf(w["totals"], list.Items, list.Need, list.Bought),
		}
		for _, g := range list.Groups {
			pg := pdf.Group{Heading: storeName(g)}
			for _, it := range g.Items {
				name := it.Name
				if it.NameOrig != "" {
					name += "\n" + it.NameOrig
				}
				if st := status(it); st != "" {
					name += "\n(" + st + ")"
				}
				box := "□"
				switch {
				case it.Skipped && it.Need == 0 && it.Bought == 0:
					box = "-"
				case it.Need == 0:
					box = "√"
				}
				pg.Rows = append(pg.Rows, []string{box, name, it.Brand, strings.TrimSpace(it.SKU + "\n" + it.Barcode),
					qty(it.ForOrders), qty(it.ForStock), qty(it.Need), qty(it.Bought), price(it)})
			}
			doc.Groups = append(doc.Groups, pg)
		}
		f, err := os.Create(path)
		if err != nil {
			return 0, err
		}
		if err := pdf.WriteList(f, doc); err != nil {
			f.Close()
			return 0, err
		}
		return list.Items, f.Close()
	default:
		if _, err := importer.FormatOf(path); err != nil {
			return 0, err
		}
		header := []string{w["store"], w["sku"], w["name"], w["orig"], w["brand"], w["barcode"], w["orders"], w["stock"],
			w["need"], w["bought"], w["last"], w["status"]}
		var rows [][]string
		for _, g := range list.Groups {
			for _, it := range g.Items {
				rows = append(rows, []string{storeName(g), it.SKU, it.Name, it.NameOrig, it.Brand, it.Barcode,
					strconv.FormatInt(it.ForOrders, 10), strconv.FormatInt(it.ForStock, 10), strconv.FormatInt(it.Need, 10),
					strconv.FormatInt(it.Bought, 10), price(it), status(it)})
			}
		}
		return len(rows), importer.WriteTable(path, header, rows)
	}
}

func qty(n int64) string {
	if n == 0 {
		return ""
	}
	return strconv.FormatInt(n, 10)
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}
