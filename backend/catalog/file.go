package catalog

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/importer"
)

// The product file: one product a row, these columns, in this order when exported. Import
// also accepts the Chinese headers (and a few more that shop exports use), in any order and
// any case; sku and a name column are required, other columns may be left out (an update
// then keeps what the product had). Money is a decimal in the row's currency ("1280.50"
// CNY, "5800" JPY); an amount without a currency is CNY.
var productColumns = []importer.Column{
	{Name: "sku", Aliases: []string{"货号", "商品编码", "商家编码", "编码"}},
	{Name: "name_zh", Aliases: []string{"中文名", "商品名称", "中文名称", "名称", "品名"}},
	{Name: "name_orig", Aliases: []string{"原名", "外文名", "原文名", "original name"}},
	{Name: "brand", Aliases: []string{"品牌"}},
	{Name: "category", Aliases: []string{"分类", "类目", "类别"}},
	{Name: "barcode", Aliases: []string{"条码", "条形码", "EAN", "JAN"}},
	{Name: "cost", Aliases: []string{"成本", "进价", "采购价"}},
	{Name: "cost_currency", Aliases: []string{"成本币种", "进价币种"}},
	{Name: "price", Aliases: []string{"售价", "价格", "销售价"}},
	{Name: "price_currency", Aliases: []string{"售价币种"}},
	{Name: "weight_g", Aliases: []string{"重量(g)", "重量", "重量(克)", "weight"}},
	{Name: "shelf_life", Aliases: []string{"保质期", "有保质期"}},
	{Name: "reorder_point", Aliases: []string{"补货点", "再订货点"}},
	{Name: "reorder_qty", Aliases: []string{"补货量", "补货数量"}},
	{Name: "notes", Aliases: []string{"备注", "note"}},
}

// productFileFields maps a file column to the store fields it fills (for ImportRow.Absent).
var productFileFields = map[string][]string{
	"category": {"category_id"},
}

// validateFieldColumn maps ProductInput.Validate's field names to the file's columns.
var validateFieldColumn = map[string]string{
	"nameZh": "name_zh", "costCurrency": "cost_currency", "priceCurrency": "price_currency",
	"weightG": "weight_g", "reorderPoint": "reorder_point", "reorderQty": "reorder_qty", "categoryId": "category",
}

// ProductFileHeader is the header of an exported product file.
func ProductFileHeader() []string {
	out := make([]string, len(productColumns))
	for i, c := range productColumns {
		out[i] = c.Name
	}
	return out
}

// readProductRows reads every row of a product file (.csv or .xlsx), each normalized and
// checked, and the problems of its cells, with line and column. A file it cannot read, or
// whose header lacks a required column, is an error.
func readProductRows(path string) ([]ImportRow, *domain.FileError, error) {
	tb, err := importer.ReadTable(path)
	if err != nil {
		return nil, nil, err
	}
	cols, err := tb.Columns(productColumns)
	if err != nil {
		return nil, nil, err
	}
	fe := &domain.FileError{File: path}
	if !cols.Has("sku") {
		fe.Problems = append(fe.Problems, domain.ProblemAt(tb.HeaderLine, domain.Invalid("sku", "importing.problem.noSkuColumn",
			"the file has no sku (货号) column", nil)))
	}
	if !cols.Has("name_zh") && !cols.Has("name_orig") {
		fe.Problems = append(fe.Problems, domain.ProblemAt(tb.HeaderLine, domain.Invalid("name_zh", "importing.problem.noNameColumn",
			"the file has neither a name_zh (中文名) nor a name_orig (原名) column", nil)))
	}
	if len(fe.Problems) > 0 {
		return nil, nil, fe
	}
	absent := map[string]bool{}
	for _, c := range productColumns {
		if !cols.Has(c.Name) {
			fields, ok := productFileFields[c.Name]
			if !ok {
				fields = []string{c.Name}
			}
			for _, f := range fields {
				absent[f] = true
			}
		}
	}
	rows := make([]ImportRow, len(tb.Rows))
	problems := make([][]domain.LineProblem, len(tb.Rows))
	importer.EachRow(len(rows), func(i int) {
		rows[i], problems[i] = parseProductRow(cols, tb.Rows[i])
		rows[i].Absent = absent
	})
	for _, p := range problems {
		fe.Problems = append(fe.Problems, p...)
	}
	return rows, fe, nil
}

// badCell reports a problem of a cell (the error's Field names its column).
type badCell func(e *domain.Error)

// parseProductRow turns one row into an ImportRow, with a problem for each bad cell and for
// each rule of ProductInput.Validate the row breaks (one problem per cell at most).
func parseProductRow(cols *importer.Columns, r importer.Row) (ImportRow, []domain.LineProblem) {
	get := func(name string) string { return cols.Get(r, name) }
	var problems []domain.LineProblem
	seen := map[string]bool{}
	bad := func(e *domain.Error) {
		if !seen[e.Field] {
			seen[e.Field] = true
			problems = append(problems, domain.ProblemAt(r.Line, e))
		}
	}
	row := ImportRow{Line: r.Line, Category: get("category"), Checked: true}
	in := &row.ProductInput
	in.SKU, in.NameZh, in.NameOrig, in.Brand, in.Notes = get("sku"), get("name_zh"), get("name_orig"), get("brand"), get("notes")
	in.Barcode = get("barcode")
	if strings.ContainsAny(in.Barcode, "Ee") && strings.ContainsAny(in.Barcode, "+.") {
		bad(domain.Invalid("barcode", "importing.problem.barcodeExcel",
			fmt.Sprintf("barcode %q was turned into a number by Excel; format the column as text and type the barcode again", in.Barcode),
			map[string]any{"value": in.Barcode}))
	}
	in.Cost, in.CostCurrency = parseMoneyCells(get("cost"), get("cost_currency"), "cost", bad)
	in.Price, in.PriceCurrency = parseMoneyCells(get("price"), get("price_currency"), "price", bad)
	in.WeightG = parseCount(get("weight_g"), "weight_g", bad, "g", "克")
	in.ReorderPoint = parseCount(get("reorder_point"), "reorder_point", bad)
	in.ReorderQty = parseCount(get("reorder_qty"), "reorder_qty", bad)
	in.ShelfLife = parseYesNo(get("shelf_life"), "shelf_life", bad)
	in.Normalize()
	for _, e := range in.Validate().List {
		field := e.Field
		if c, ok := validateFieldColumn[field]; ok {
			field = c
		}
		bad(domain.Invalid(field, e.Key, e.Message, e.Params))
	}
	return row, problems
}

// currencySymbols are stripped from amounts: people paste "￥1,280" or "$25.90".
var currencySymbols = strings.NewReplacer("￥", "", "¥", "", "$", "", "€", "", "₩", "", "£", "", "元", "", " ", "")

// parseMoneyCells reads an amount in its currency; an amount without a currency is CNY.
func parseMoneyCells(amount, currency, field string, bad badCell) (int64, string) {
	currency = strings.ToUpper(strings.TrimSpace(currency))
	amount = currencySymbols.Replace(amount)
	if amount == "" {
		return 0, currency
	}
	if currency == "" {
		currency = "CNY"
	}
	if !domain.ValidCurrency(currency) {
		bad(domain.Invalid(field+"_currency", "product.currency.unknown", fmt.Sprintf("unknown currency %q", currency),
			map[string]any{"currency": currency}))
		return 0, currency
	}
	v, err := domain.ParseMoney(amount, currency)
	if err != nil {
		bad(domain.Invalid(field, "importing.problem.amount", err.Error(), map[string]any{"value": amount, "currency": currency}))
	}
	return v, currency
}

// parseCount reads a whole number ("1,000", "250", "250.0" from a spreadsheet, "250g").
func parseCount(s, field string, bad badCell, units ...string) int64 {
	s = strings.ReplaceAll(strings.TrimSpace(s), ",", "")
	for _, u := range units {
		s = strings.TrimSpace(strings.TrimSuffix(s, u))
	}
	if s == "" {
		return 0
	}
	if whole, frac, ok := strings.Cut(s, "."); ok && strings.Trim(frac, "0") == "" {
		s = whole
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		bad(domain.Invalid(field, "importing.problem.wholeNumber", fmt.Sprintf("%q is not a whole number", s), map[string]any{"value": s}))
	}
	return n
}

var yesNo = map[string]bool{
	"": false, "0": false, "false": false, "no": false, "n": false, "否": false, "无": false, "没有": false, "不": false,
	"1": true, "true": true, "yes": true, "y": true, "是": true, "有": true, "√": true, "✓": true,
}

func parseYesNo(s, field string, bad badCell) bool {
	v, ok := yesNo[strings.ToLower(strings.TrimSpace(s))]
	if !ok {
		bad(domain.Invalid(field, "importing.problem.yesNo", fmt.Sprintf("%q is not yes or no (1/0, 是/否)", s), map[string]any{"value": s}))
	}
	return v
}

// ImportProductsFile reads a product file and imports it with ImportProducts: all of it or,
// when any row is bad, nothing, with every bad row reported.
func (s *Service) ImportProductsFile(ctx context.Context, path string) (ImportResult, error) {
	defer importer.FewerGCs()()
	rows, fe, err := readProductRows(path)
	if err != nil {
		return ImportResult{}, err
	}
	return s.importProducts(ctx, path, rows, fe.Problems)
}

// ExportProductsFile writes every live product to a .csv or .xlsx file with the columns
// readProductRows reads, so exporting and importing again changes nothing. It returns how
// many products it wrote.
func (s *Service) ExportProductsFile(ctx context.Context, path string) (int, error) {
	w, err := importer.Create(path, ProductFileHeader())
	if err != nil {
		return 0, err
	}
	n := 0
	err = s.AllProducts(ctx, func(p Product) error {
		n++
		return w.Write(productRecord(p))
	})
	if err != nil {
		w.Abort()
		return 0, err
	}
	return n, w.Close()
}

func productRecord(p Product) []string {
	money := func(amount int64, currency string) string {
		if amount == 0 && currency == "" {
			return ""
		}
		return domain.FormatMoney(amount, currency)
	}
	count := func(n int64) string {
		if n == 0 {
			return ""
		}
		return strconv.FormatInt(n, 10)
	}
	shelfLife := "0"
	if p.ShelfLife {
		shelfLife = "1"
	}
	return []string{p.SKU, p.NameZh, p.NameOrig, p.Brand, p.CategoryName, p.Barcode,
		money(p.Cost, p.CostCurrency), p.CostCurrency, money(p.Price, p.PriceCurrency), p.PriceCurrency,
		count(p.WeightG), shelfLife, count(p.ReorderPoint), count(p.ReorderQty), p.Notes}
}
