package store

import "sort"

// Kind says how a replicated table changes.
type Kind int

const (
	Entity Kind = iota // rows changed by Set: per-field last-writer-wins
	Ledger             // rows appended by Add, never changed
)

// FieldType is the SQLite storage class a field holds. There are no NULLs in replicated
// tables: text defaults to "" and integers to 0. Money is integer minor units, so there are
// no floating-point fields.
type FieldType int

const (
	Text FieldType = iota
	Int
)

// Field is one replicated column.
type Field struct {
	Name string
	Type FieldType
}

// Table describes one replicated table. The registry is the single list the write path,
// the canonical dump, and the sync property test draw from: a table added to the migrations
// must be added here too (TestRegistryMatchesSchema checks that they agree).
type Table struct {
	Name   string
	Kind   Kind
	Fields []Field
	byName map[string]int // field name → position in Fields
}

// Derived tables are kept from ledgers by triggers; they are local caches, included in dumps
// so convergence tests compare them too.
var Derived = []string{"stock_levels", "product_stock", "order_status", "order_counts"}

func t(name string) Field { return Field{name, Text} }
func i(name string) Field { return Field{name, Int} }

var registry = map[string]*Table{}

func register(tb Table) {
	if tb.Kind == Entity {
		tb.Fields = append(tb.Fields, i("deleted"))
	}
	tb.byName = make(map[string]int, len(tb.Fields))
	for n, f := range tb.Fields {
		tb.byName[f.Name] = n
	}
	registry[tb.Name] = &tb
}

func init() {
	register(Table{Name: "settings", Kind: Entity, Fields: []Field{t("value")}})
	register(Table{Name: "categories", Kind: Entity, Fields: []Field{t("name"), t("name_en"), t("parent_id")}})
	register(Table{Name: "zones", Kind: Entity, Fields: []Field{t("name"), t("kind"), t("note")}})
	register(Table{Name: "locations", Kind: Entity, Fields: []Field{t("zone_id"), t("name"), t("kind"), t("note")}})
	register(Table{Name: "products", Kind: Entity, Fields: []Field{
		t("sku"), t("name_zh"), t("name_orig"), t("brand"), t("category_id"), t("barcode"),
		i("cost"), t("cost_currency"), i("price"), t("price_currency"), i("weight_g"),
		t("photo"), t("notes"), i("shelf_life"), i("reorder_point"), i("reorder_qty"), t("created_at"),
	}})
	register(Table{Name: "batches", Kind: Entity, Fields: []Field{t("product_id"), t("code"), t("expiry"), t("note"), t("created_at")}})
	register(Table{Name: "customers", Kind: Entity, Fields: []Field{
		t("name"), t("wechat"), t("xiaohongshu"), t("taobao"), t("phone"), t("email"), t("id_number"), t("id_photo"),
		t("tags"), t("notes"), t("merged_into"), t("created_at"),
	}})
	register(Table{Name: "customer_addresses", Kind: Entity, Fields: []Field{
		t("customer_id"), t("recipient"), t("phone"), t("province"), t("city"), t("district"), t("street"),
		t("postcode"), i("is_default"), t("label"),
	}})
	register(Table{Name: "orders", Kind: Entity, Fields: []Field{
		t("number"), t("channel"), t("channel_order_no"), t("customer_id"), t("ship_name"), t("ship_phone"),
		t("ship_province"), t("ship_city"), t("ship_district"), t("ship_street"), t("ship_postcode"), t("currency"),
		i("discount"), i("shipping_fee"), t("due_date"), t("priority"), t("zone_id"), t("note"), t("ordered_at"), t("created_at"),
	}})
	register(Table{Name: "order_lines", Kind: Entity, Fields: []Field{
		t("order_id"), t("product_id"), t("title"), i("qty"), i("unit_price"), i("preorder"), t("location_id"), i("position"),
	}})
	register(Table{Name: "order_events", Kind: Ledger, Fields: []Field{t("order_id"), t("kind"), t("note"), t("at"), t("device")}})
	register(Table{Name: "payments", Kind: Ledger, Fields: []Field{
		t("order_id"), t("kind"), i("amount"), t("currency"), t("rate"), i("base_amount"), t("method"), t("ref"), t("note"),
		t("return_id"), t("paid_at"), t("device"), i("order_amount"),
	}})
	register(Table{Name: "order_returns", Kind: Ledger, Fields: []Field{
		t("order_id"), t("line_id"), i("qty"), t("reason"), t("condition"), t("disposition"), t("location_id"), t("note"),
		t("at"), t("device"),
	}})
	register(Table{Name: "exchange_rates", Kind: Entity, Fields: []Field{t("currency"), t("base"), t("rate"), t("valid_from")}})
	register(Table{Name: "import_mappings", Kind: Entity, Fields: []Field{t("channel"), t("name"), t("mapping")}})
	register(Table{Name: "sync_resolutions", Kind: Ledger, Fields: []Field{t("subject"), t("kind"), t("note"), t("at"), t("device")}})
	register(Table{Name: "suppliers", Kind: Entity, Fields: []Field{
		t("name"), t("kind"), t("country"), t("city"), t("currency"), t("contact"), t("phone"), t("email"), t("website"),
		t("address"), i("lead_days"), t("notes"), t("created_at"),
	}})
	register(Table{Name: "supplier_products", Kind: Entity, Fields: []Field{
		t("supplier_id"), t("product_id"), t("supplier_sku"), i("preferred"), t("note"),
	}})
	register(Table{Name: "purchase_orders", Kind: Entity, Fields: []Field{
		t("number"), t("supplier_id"), t("currency"), t("rate"), t("ordered_at"), t("expected_at"), t("location_id"),
		t("note"), i("cancelled"), t("created_at"),
	}})
	register(Table{Name: "purchase_order_lines", Kind: Entity, Fields: []Field{
		t("po_id"), t("product_id"), i("qty"), i("unit_price"), i("position"),
	}})
	register(Table{Name: "purchase_receipts", Kind: Ledger, Fields: []Field{
		t("po_id"), t("line_id"), t("product_id"), i("qty"), t("location_id"), t("batch_id"), t("note"), t("at"), t("device"),
	}})
	register(Table{Name: "trips", Kind: Entity, Fields: []Field{
		t("name"), t("country"), t("city"), t("starts_on"), t("ends_on"), t("buyer"), t("currency"), t("card_rate"),
		t("cash_rate"), t("location_id"), i("closed"), t("note"), t("created_at"),
	}})
	register(Table{Name: "trip_items", Kind: Entity, Fields: []Field{
		t("trip_id"), t("product_id"), i("qty"), i("skip"), t("supplier_id"), t("note"),
	}})
	register(Table{Name: "trip_buys", Kind: Ledger, Fields: []Field{
		t("trip_id"), t("kind"), t("product_id"), t("for_product_id"), i("qty"), i("unit_price"), i("discount"),
		t("currency"), t("rate"), t("paid_with"), t("supplier_id"), t("store"), i("tax_free"), t("receipt"), t("undoes"),
		i("to_stock"), t("note"), t("at"), t("device"),
	}})
	register(Table{Name: "preorder_fills", Kind: Ledger, Fields: []Field{
		t("line_id"), t("order_id"), t("buy_id"), i("qty"), t("at"), t("device"),
	}})
	register(Table{Name: "purchase_costs", Kind: Entity, Fields: []Field{
		t("owner_id"), t("kind"), i("amount"), t("currency"), t("rate"), t("spread"), t("supplier_id"), t("store"),
		t("status"), i("amount_received"), t("note"), t("at"),
	}})
	register(Table{Name: "carriers", Kind: Entity, Fields: []Field{
		t("name"), t("name_en"), t("kind"), t("tracking_url"), t("phone"), t("note"), t("created_at"),
	}})
	register(Table{Name: "carrier_services", Kind: Entity, Fields: []Field{
		t("carrier_id"), t("name"), t("name_en"), t("tier"), t("origin"), t("currency"), i("volumetric_divisor"), i("max_weight_g"),
		i("transit_min"), i("transit_max"), i("insurance"), i("signature"), t("note"),
	}})
	register(Table{Name: "service_rates", Kind: Entity, Fields: []Field{
		t("service_id"), t("zone"), t("provinces"), i("first_g"), i("first_fee"), i("extra_g"), i("extra_fee"),
	}})
	register(Table{Name: "parcels", Kind: Entity, Fields: []Field{
		t("number"), t("carrier_id"), t("service_id"), t("tracking_no"), t("origin"), t("leg2_carrier"), t("leg2_tracking_no"),
		i("weight_g"), i("length_mm"), i("width_mm"), i("height_mm"), t("contents"), i("declared_value"),
		t("declared_currency"), i("insured"), i("signature"), i("freight"), t("freight_currency"), t("freight_rate"),
		t("customer_id"), t("ship_name"), t("ship_phone"), t("ship_province"), t("ship_city"), t("ship_district"),
		t("ship_street"), t("ship_postcode"), t("id_number"), t("note"), t("packed_at"), t("labelled_at"), t("created_at"),
	}})
	register(Table{Name: "parcel_items", Kind: Entity, Fields: []Field{t("parcel_id"), t("order_id"), t("line_id"), i("qty")}})
	register(Table{Name: "parcel_events", Kind: Ledger, Fields: []Field{
		t("parcel_id"), t("kind"), t("at"), t("place"), t("note"), t("source"), t("device"),
	}})
	register(Table{Name: "notices", Kind: Ledger, Fields: []Field{
		t("order_id"), t("parcel_id"), t("stage"), t("channel"), t("lang"), t("recipient"), t("subject"), t("body"),
		t("at"), t("device"),
	}})
	register(Table{Name: "notice_sends", Kind: Ledger, Fields: []Field{t("notice_id"), i("ok"), t("error"), t("at"), t("device")}})
	register(Table{Name: "stock_moves", Kind: Ledger, Fields: []Field{
		t("product_id"), t("location_id"), t("batch_id"), t("kind"), i("qty"), i("reserved"),
		i("unit_cost"), t("cost_currency"), t("reason"), t("ref"), t("note"), t("at"), t("device"),
	}})
}

// Tables returns the registered replicated tables sorted by name.
func Tables() []*Table {
	out := make([]*Table, 0, len(registry))
	for _, tb := range registry {
		out = append(out, tb)
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Name < out[b].Name })
	return out
}

// LookupTable returns the registered table called name, or nil.
func LookupTable(name string) *Table { return registry[name] }

func (tb *Table) field(name string) (Field, bool) {
	n, ok := tb.byName[name]
	if !ok {
		return Field{}, false
	}
	return tb.Fields[n], true
}
