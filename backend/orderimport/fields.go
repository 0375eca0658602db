package orderimport

import (
	"slices"
	"strings"

	"daigoudesk/backend/importer"
)

// Fields an order row can carry. A mapping names, for each field it uses, the column header
// that holds it; order_no and one of title/sku/barcode are required.
const (
	FOrderNo   = "order_no"   // the channel's order number; rows sharing it are lines of one order
	FBuyer     = "buyer"      // the buyer's handle on the channel (买家会员名, WeChat id …)
	FRecipient = "recipient"  // ship-to name; also the customer's name
	FPhone     = "phone"      // ship-to phone; matches the customer
	FAddress   = "address"    // full address, split into the four parts below when those are absent
	FProvince  = "province"   //
	FCity      = "city"       //
	FDistrict  = "district"   //
	FStreet    = "street"     //
	FPostcode  = "postcode"   //
	FTitle     = "title"      // the product as the channel sold it
	FSKU       = "sku"        // matched against product SKUs first
	FBarcode   = "barcode"    // then barcodes
	FQty       = "qty"        // whole number, default 1
	FUnitPrice = "unit_price" // or line_total; with neither, the paid amount is spread over the lines
	FLineTotal = "line_total" //
	FPaid      = "paid"       // what the buyer paid for the whole order (repeated on each of its rows)
	FCurrency  = "currency"   // ISO code, default CNY
	FStatus    = "status"     // the channel's order status
	FOrderedAt = "ordered_at" // order time; without a zone it is China time (UTC+8)
	FPaidAt    = "paid_at"    // payment time (default: the order time)
	FNote      = "note"       //
)

// Field describes one field for the mapping step of the UI.
type Field struct {
	Name     string `json:"name"`
	Required bool   `json:"required"`
	Order    bool   `json:"order"` // a field of the order (the same on each of its rows), not of the line
}

// Fields lists every field in the order the mapping form shows them.
var Fields = []Field{
	{FOrderNo, true, true}, {FBuyer, false, true}, {FRecipient, false, true}, {FPhone, false, true},
	{FAddress, false, true}, {FProvince, false, true}, {FCity, false, true}, {FDistrict, false, true},
	{FStreet, false, true}, {FPostcode, false, true}, {FTitle, false, false}, {FSKU, false, false},
	{FBarcode, false, false}, {FQty, false, false}, {FUnitPrice, false, false}, {FLineTotal, false, false},
	{FPaid, false, true}, {FCurrency, false, true}, {FStatus, false, true}, {FOrderedAt, false, true},
	{FPaidAt, false, true}, {FNote, false, true},
}

func knownField(name string) bool {
	return slices.ContainsFunc(Fields, func(f Field) bool { return f.Name == name })
}

// Mapping says which column header holds each field. A preset or a saved mapping.
type Mapping map[string]string

// Preset is a built-in mapping for a kind of export.
type Preset struct {
	Name    string  `json:"name"`    // taobao | generic
	Channel string  `json:"channel"` // the channel its files come from ('' = the user says)
	Mapping Mapping `json:"mapping"`
}

// Presets are the built-in mappings: Taobao's order export (GBK CSV with Chinese headers,
// numbers written as ="…") and a generic English CSV whose headers are the field names (the
// file `export orders` writes reads back with it).
var Presets = []Preset{
	{Name: "taobao", Channel: "taobao", Mapping: Mapping{
		FOrderNo: "订单编号", FBuyer: "买家会员名", FRecipient: "收货人姓名", FAddress: "收货地址", FPhone: "联系手机",
		FTitle: "宝贝标题", FQty: "宝贝总数量", FPaid: "买家实际支付金额", FStatus: "订单状态", FOrderedAt: "订单创建时间",
		FSKU: "商家编码", FPaidAt: "订单付款时间", FNote: "买家留言", FUnitPrice: "宝贝单价",
	}},
	{Name: "generic", Mapping: func() Mapping {
		m := Mapping{}
		for _, f := range Fields {
			m[f.Name] = f.Name
		}
		return m
	}()},
}

// PresetFor returns the preset of channel (taobao), else the generic one.
func PresetFor(channel string) Preset {
	for _, p := range Presets {
		if p.Channel != "" && p.Channel == channel {
			return p
		}
	}
	return Presets[len(Presets)-1]
}

// DetectPreset names the preset whose required columns the header has ("" when none).
func DetectPreset(header []string) Preset {
	for _, p := range Presets {
		if matches(header, p.Mapping) {
			return p
		}
	}
	return Preset{}
}

// matches reports whether header has m's order number column and one of its product columns.
func matches(header []string, m Mapping) bool {
	has := func(field string) bool {
		h, ok := m[field]
		if !ok {
			return false
		}
		return slices.ContainsFunc(header, func(x string) bool { return importer.HeaderKey(x) == importer.HeaderKey(h) })
	}
	return has(FOrderNo) && (has(FTitle) || has(FSKU) || has(FBarcode))
}

// columns turns a mapping into the importer's column list.
func (m Mapping) columns() []importer.Column {
	var out []importer.Column
	for _, f := range Fields {
		if h := strings.TrimSpace(m[f.Name]); h != "" {
			out = append(out, importer.Column{Name: f.Name, Aliases: []string{h}})
		}
	}
	return out
}

// Statuses the channel's order status words map to: where the import moves an order.
// Anything closed or refunded is cancelled; unknown words are a bad row.
var statusWords = map[string]string{
	// Taobao / Tmall / Qianniu
	"等待买家付款": "draft", "买家已付款": "paid", "等待卖家发货": "paid", "买家已付款,等待卖家发货": "paid",
	"卖家已发货": "shipped", "等待买家确认收货": "shipped", "卖家已发货,等待买家确认": "shipped",
	"交易成功": "completed", "交易关闭": "cancelled", "交易已关闭": "cancelled",
	"付款以后用户退款成功，交易自动关闭": "cancelled", "付款以前，卖家或买家主动关闭交易": "cancelled",
	// generic, and the app's own statuses (so an exported file reads back)
	"draft": "draft", "pending": "draft", "unpaid": "draft", "confirmed": "confirmed", "deposit": "confirmed",
	"paid": "paid", "allocated": "allocated", "bought": "bought", "packed": "packed", "shipped": "shipped",
	"delivered": "delivered", "completed": "completed", "complete": "completed", "done": "completed",
	"cancelled": "cancelled", "canceled": "cancelled", "closed": "cancelled", "refunded": "cancelled",
	"待付款": "draft", "已付款": "paid", "待发货": "paid", "已发货": "shipped", "已签收": "delivered",
	"已完成": "completed", "已取消": "cancelled", "已关闭": "cancelled",
}

// targetOf maps a channel status word to the app status an imported order is moved to.
func targetOf(word string) (string, bool) {
	w := strings.ToLower(strings.Join(strings.Fields(word), ""))
	w = strings.ReplaceAll(w, "，", ",")
	if t, ok := statusWords[w]; ok {
		return t, true
	}
	if strings.Contains(w, "关闭") {
		return "cancelled", true
	}
	return "", false
}

// paymentMethods is how each channel's buyers pay.
var paymentMethods = map[string]string{"taobao": "alipay", "wechat": "wechat", "xiaohongshu": "alipay"}

func paymentMethod(channel string) string {
	if m, ok := paymentMethods[channel]; ok {
		return m
	}
	return "other"
}

// handleField is the customer field that holds a buyer's handle on each channel.
var handleField = map[string]string{"taobao": "taobao", "wechat": "wechat", "xiaohongshu": "xiaohongshu"}
