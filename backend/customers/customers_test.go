package customers_test

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"daigoudesk/backend/customers"
	"daigoudesk/backend/domain"
	"daigoudesk/backend/store"
)

var ctx = context.Background()

func mustOpen(tb testing.TB) (*store.DB, *customers.Service) {
	tb.Helper()
	db, err := store.Open(filepath.Join(tb.TempDir(), "daigou.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db, customers.New(db)
}

func count(tb testing.TB, db *store.DB, query string, args ...any) int {
	tb.Helper()
	var n int
	if err := db.R().QueryRow(query, args...).Scan(&n); err != nil {
		tb.Fatal(err)
	}
	return n
}

func wantErr(tb testing.TB, err error, code, field, key string) {
	tb.Helper()
	if got := domain.ErrorCode(err); got != code {
		tb.Fatalf("error code = %q, want %q (err: %v)", got, code, err)
	}
	e := domain.AsError(err)
	if field != "" && e.Field != field {
		tb.Fatalf("error field = %q, want %q (err: %v)", e.Field, field, err)
	}
	if key != "" && e.Key != key {
		tb.Fatalf("error key = %q, want %q (err: %v)", e.Key, key, err)
	}
}

const validID = "11010519491231002X"

func alice() customers.CustomerInput {
	return customers.CustomerInput{
		Name: "王小美", WeChat: "xiaomei_88", Xiaohongshu: "美美爱代购", Phone: "138 1234 5678",
		Email: "Mei@Example.com", IDNumber: "11010519491231002x", Tags: []string{"VIP", "护肤，彩妆", "VIP"},
		Notes: "只要日本直邮",
	}
}

func mustCreate(tb testing.TB, svc *customers.Service, in customers.CustomerInput) customers.Customer {
	tb.Helper()
	c, err := svc.CreateCustomer(ctx, in)
	if err != nil {
		tb.Fatalf("create %s: %v", in.Name, err)
	}
	return c
}

func TestCreateNormalizesAndStores(t *testing.T) {
	_, svc := mustOpen(t)
	c := mustCreate(t, svc, alice())
	if c.Phone != "13812345678" || c.IDNumber != validID || c.Email != "mei@example.com" {
		t.Fatalf("not normalized: %+v", c)
	}
	if want := []string{"VIP", "护肤", "彩妆"}; !slices.Equal(c.Tags, want) {
		t.Fatalf("tags = %q, want %q", c.Tags, want)
	}
	if c.CreatedAt == "" || c.ID == "" {
		t.Fatalf("missing id or created_at: %+v", c)
	}
	got, err := svc.FindCustomerByID(ctx, c.ID)
	if err != nil || got.Name != "王小美" || !slices.Equal(got.Tags, c.Tags) {
		t.Fatalf("FindCustomerByID = %+v, %v", got, err)
	}
}

func TestValidateFields(t *testing.T) {
	scenarios := []struct {
		name  string
		edit  func(*customers.CustomerInput)
		field string
		key   string
	}{
		{"NameRequired", func(in *customers.CustomerInput) { in.Name = "  " }, "name", "customer.name.required"},
		{"NameTooLong", func(in *customers.CustomerInput) { in.Name = strings.Repeat("王", 101) }, "name", "customer.field.tooLong"},
		{"IDChecksum", func(in *customers.CustomerInput) { in.IDNumber = "110105194912310021" }, "idNumber", "customer.idNumber.checksum"},
		{"IDBirthDate", func(in *customers.CustomerInput) { in.IDNumber = "110105194913310021" }, "idNumber", "customer.idNumber.birthDate"},
		{"IDFormat", func(in *customers.CustomerInput) { in.IDNumber = "1101051949123100" }, "idNumber", "customer.idNumber.format"},
		{"PhoneGarbage", func(in *customers.CustomerInput) { in.Phone = "call me" }, "phone", "customer.phone.format"},
		{"PhoneTooShort", func(in *customers.CustomerInput) { in.Phone = "1381234" }, "phone", "customer.phone.format"},
		{"PhoneBadMobilePrefix", func(in *customers.CustomerInput) { in.Phone = "12812345678" }, "phone", "customer.phone.format"},
		{"EmailFormat", func(in *customers.CustomerInput) { in.Email = "mei@example" }, "email", "customer.email.format"},
		{"WeChatSpaces", func(in *customers.CustomerInput) { in.WeChat = "xiao mei" }, "wechat", "customer.wechat.format"},
		{"IDPhotoNotAHash", func(in *customers.CustomerInput) { in.IDPhoto = "../etc/passwd" }, "idPhoto", "customer.idPhoto.format"},
		{"TagTooLong", func(in *customers.CustomerInput) { in.Tags = []string{strings.Repeat("标", 33)} }, "tags", "customer.tags.tooLong"},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			db, svc := mustOpen(t)
			in := alice()
			sc.edit(&in)
			_, err := svc.CreateCustomer(ctx, in)
			wantErr(t, err, domain.EInvalid, sc.field, sc.key)
			if n := count(t, db, `SELECT count(*) FROM customers`); n != 0 {
				t.Fatalf("%d customers written on a refused create", n)
			}
		})
	}
}

func TestValidPhones(t *testing.T) {
	for in, want := range map[string]string{
		"13812345678": "13812345678", "+86 138-1234-5678": "13812345678", "0086 13812345678": "13812345678",
		"１３８１２３４５６７８": "13812345678", "+81 90-1234-5678": "+819012345678", "(010) 8888 6666": "01088886666",
		"+86 10 8888 6666": "01088886666", "+1 (415) 555-0100": "+14155550100",
	} {
		got := customers.NormalizePhone(in)
		if got != want || !customers.ValidPhone(got) {
			t.Errorf("NormalizePhone(%q) = %q (valid %v), want %q", in, got, customers.ValidPhone(got), want)
		}
	}
	for _, bad := range []string{"hello", "138123456789", "+0123456", "+12", "1381234567a", "++8613812345678"} {
		if n := customers.NormalizePhone(bad); customers.ValidPhone(n) {
			t.Errorf("%q accepted as %q", bad, n)
		}
	}
}

func TestSeveralBadFieldsReportedAtOnce(t *testing.T) {
	_, svc := mustOpen(t)
	_, err := svc.CreateCustomer(ctx, customers.CustomerInput{Phone: "12345", Email: "nope", IDNumber: "110105194912310021"})
	wantErr(t, err, domain.EInvalid, "", "")
	e := domain.AsError(err)
	got := map[string]string{}
	for _, d := range e.Details {
		got[d.Field] = d.Key
	}
	want := map[string]string{"name": "customer.name.required", "phone": "customer.phone.format",
		"email": "customer.email.format", "idNumber": "customer.idNumber.checksum"}
	if len(got) != len(want) {
		t.Fatalf("details = %v, want %v", got, want)
	}
	for f, k := range want {
		if got[f] != k {
			t.Errorf("field %s: key %q, want %q", f, got[f], k)
		}
	}
}

func TestUpdateWritesOnlyChangedFields(t *testing.T) {
	db, svc := mustOpen(t)
	c := mustCreate(t, svc, alice())
	in := c.CustomerInput
	in.Phone = "+86 139 0000 1111"
	in.Tags = append(in.Tags, "回头客")
	got, err := svc.UpdateCustomer(ctx, c.ID, in)
	if err != nil {
		t.Fatal(err)
	}
	if got.Phone != "13900001111" || len(got.Tags) != 4 {
		t.Fatalf("update = %+v", got)
	}
	var data string
	if err := db.R().QueryRow(`SELECT data FROM oplog WHERE row_id = ? ORDER BY hlc DESC LIMIT 1`, c.ID).Scan(&data); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(data, `"phone"`) || !strings.Contains(data, `"tags"`) || strings.Contains(data, `"name"`) {
		t.Fatalf("last op wrote %s; want only phone and tags", data)
	}
	// no change at all writes nothing
	before := count(t, db, `SELECT count(*) FROM oplog`)
	if _, err := svc.UpdateCustomer(ctx, c.ID, got.CustomerInput); err != nil {
		t.Fatal(err)
	}
	if after := count(t, db, `SELECT count(*) FROM oplog`); after != before {
		t.Fatalf("unchanged update wrote %d ops", after-before)
	}
	_, err = svc.UpdateCustomer(ctx, "nope", in)
	wantErr(t, err, domain.ENotFound, "", "")
}

func TestDeleteCustomer(t *testing.T) {
	_, svc := mustOpen(t)
	c := mustCreate(t, svc, alice())
	if err := svc.DeleteCustomer(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	_, err := svc.FindCustomerByID(ctx, c.ID)
	wantErr(t, err, domain.ENotFound, "", "")
	items, total, err := svc.FindCustomers(ctx, customers.CustomerFilter{})
	if err != nil || total != 0 || len(items) != 0 {
		t.Fatalf("deleted customer listed: %d %v", total, err)
	}
}

func addr(customerID, recipient string, isDefault bool) customers.Address {
	return customers.Address{CustomerID: customerID, Recipient: recipient, Phone: "13812345678", Province: "上海市",
		City: "上海市", District: "浦东新区", Street: "世纪大道100号 环球金融中心 58楼", Postcode: "200120", IsDefault: isDefault}
}

func defaults(tb testing.TB, svc *customers.Service, customerID string) []string {
	tb.Helper()
	d, err := svc.GetCustomer(ctx, customerID)
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	for _, a := range d.Addresses {
		if a.IsDefault {
			out = append(out, a.Recipient)
		}
	}
	return out
}

func TestAddressesKeepExactlyOneDefault(t *testing.T) {
	db, svc := mustOpen(t)
	c := mustCreate(t, svc, alice())
	save := func(a customers.Address) customers.Address {
		t.Helper()
		out, err := svc.SaveAddress(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	home := save(addr(c.ID, "家", false)) // the first address is the default even unticked
	if !home.IsDefault {
		t.Fatal("first address is not the default")
	}
	office := save(addr(c.ID, "公司", false))
	if got := defaults(t, svc, c.ID); !slices.Equal(got, []string{"家"}) {
		t.Fatalf("defaults = %v", got)
	}
	mum := save(addr(c.ID, "妈妈", true)) // a new default unsets the old one
	if got := defaults(t, svc, c.ID); !slices.Equal(got, []string{"妈妈"}) {
		t.Fatalf("defaults = %v", got)
	}
	d, _ := svc.GetCustomer(ctx, c.ID)
	if d.Addresses[0].ID != mum.ID {
		t.Fatalf("default not listed first: %+v", d.Addresses)
	}
	mum.IsDefault = false // un-ticking the default is ignored: it only moves
	save(mum)
	if got := defaults(t, svc, c.ID); !slices.Equal(got, []string{"妈妈"}) {
		t.Fatalf("defaults after un-tick = %v", got)
	}
	if err := svc.SetDefaultAddress(ctx, office.ID); err != nil {
		t.Fatal(err)
	}
	if got := defaults(t, svc, c.ID); !slices.Equal(got, []string{"公司"}) {
		t.Fatalf("defaults = %v", got)
	}
	if err := svc.DeleteAddress(ctx, office.ID); err != nil { // deleting the default promotes the oldest
		t.Fatal(err)
	}
	if got := defaults(t, svc, c.ID); !slices.Equal(got, []string{"家"}) {
		t.Fatalf("defaults after delete = %v", got)
	}
	if n := count(t, db, `SELECT count(*) FROM customer_addresses WHERE customer_id = ? AND deleted = 0 AND is_default = 1`, c.ID); n != 1 {
		t.Fatalf("%d default rows stored", n)
	}
	_ = home
}

func TestAddressValidation(t *testing.T) {
	db, svc := mustOpen(t)
	c := mustCreate(t, svc, alice())
	_, err := svc.SaveAddress(ctx, customers.Address{CustomerID: c.ID, Phone: "abc", Postcode: "!!"})
	wantErr(t, err, domain.EInvalid, "", "")
	got := map[string]string{}
	for _, d := range domain.AsError(err).Details {
		got[d.Field] = d.Key
	}
	want := map[string]string{"recipient": "customer.address.recipientRequired", "province": "customer.address.provinceRequired",
		"street": "customer.address.streetRequired", "phone": "customer.phone.format", "postcode": "customer.address.postcodeFormat"}
	for f, k := range want {
		if got[f] != k {
			t.Errorf("field %s: %q, want %q (all: %v)", f, got[f], k, got)
		}
	}
	_, err = svc.SaveAddress(ctx, addr("nobody", "家", true))
	wantErr(t, err, domain.EInvalid, "customerId", "customer.address.customerUnknown")
	if n := count(t, db, `SELECT count(*) FROM customer_addresses`); n != 0 {
		t.Fatalf("%d addresses written on refusal", n)
	}
}

func names(list []customers.Customer) []string {
	out := []string{}
	for _, c := range list {
		out = append(out, c.Name)
	}
	return out
}

func TestFindCustomers(t *testing.T) {
	_, svc := mustOpen(t)
	people := []customers.CustomerInput{
		{Name: "王小美", WeChat: "xiaomei_88", Phone: "13812345678", Tags: []string{"VIP"}},
		{Name: "李美丽", WeChat: "lily", Phone: "+81 90 1234 5678", Tags: []string{"批发"}},
		{Name: "张三", WeChat: "zhang3", Xiaohongshu: "小美的朋友", Phone: "13900001111", Tags: []string{"VIP", "批发"}},
		{Name: "Lily Chen", WeChat: "lily_chen", Email: "lily@example.com"},
		{Name: "赵六", Taobao: "tb_zhao6_100%"},
	}
	for _, p := range people {
		mustCreate(t, svc, p)
	}
	scenarios := []struct {
		name   string
		filter customers.CustomerFilter
		want   []string
	}{
		{"All", customers.CustomerFilter{}, []string{"Lily Chen", "张三", "李美丽", "王小美", "赵六"}},
		{"ChineseSubstring", customers.CustomerFilter{Query: "美"}, []string{"张三", "李美丽", "王小美"}},
		{"ChineseTwoChars", customers.CustomerFilter{Query: "小美"}, []string{"张三", "王小美"}},
		{"PhoneExact", customers.CustomerFilter{Query: "138-1234-5678"}, []string{"王小美"}},
		{"PhoneExactWithCountryCode", customers.CustomerFilter{Query: "+86 13812345678"}, []string{"王小美"}},
		{"ForeignPhoneExact", customers.CustomerFilter{Query: "+819012345678"}, []string{"李美丽"}},
		{"PhonePartialWithSpaces", customers.CustomerFilter{Query: "1234 5678"}, []string{"李美丽", "王小美"}},
		{"WeChatExactRankedFirst", customers.CustomerFilter{Query: "lily"}, []string{"李美丽", "Lily Chen"}},
		{"WeChatCaseInsensitive", customers.CustomerFilter{Query: "XIAOMEI"}, []string{"王小美"}},
		{"Email", customers.CustomerFilter{Query: "lily@example"}, []string{"Lily Chen"}},
		{"LikeWildcardsAreLiteral", customers.CustomerFilter{Query: "100%"}, []string{"赵六"}},
		{"UnderscoreLiteral", customers.CustomerFilter{Query: "g3"}, []string{"张三"}},
		{"Tag", customers.CustomerFilter{Tag: "批发"}, []string{"张三", "李美丽"}},
		{"TagIsWholeTag", customers.CustomerFilter{Tag: "VI"}, []string{}},
		{"TagAndQuery", customers.CustomerFilter{Tag: "VIP", Query: "美"}, []string{"张三", "王小美"}},
		{"NoMatch", customers.CustomerFilter{Query: "不存在"}, []string{}},
		{"CreatedDesc", customers.CustomerFilter{Sort: "created", Desc: true, Limit: 2}, []string{"赵六", "Lily Chen"}},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			items, total, err := svc.FindCustomers(ctx, sc.filter)
			if err != nil {
				t.Fatal(err)
			}
			if got := names(items); !slices.Equal(got, sc.want) {
				t.Fatalf("names = %q, want %q", got, sc.want)
			}
			if sc.filter.Limit == 0 && total != len(sc.want) {
				t.Fatalf("total = %d, want %d", total, len(sc.want))
			}
		})
	}
	_, _, err := svc.FindCustomers(ctx, customers.CustomerFilter{Sort: "phone; DROP TABLE customers"})
	wantErr(t, err, domain.EInvalid, "sort", "errors.badSort")

	tags, err := svc.Tags(ctx)
	if err != nil || len(tags) != 2 || tags[0].Tag != "VIP" && tags[0].Tag != "批发" || tags[0].Count != 2 {
		t.Fatalf("Tags = %+v, %v", tags, err)
	}
}

func TestFindCustomersPaging(t *testing.T) {
	db, svc := mustOpen(t)
	const n = 250
	err := db.Write(ctx, func(tx *store.Tx) error {
		for i := 0; i < n; i++ {
			name := "客户" + string(rune('A'+i%26)) + string(rune('a'+i/26))
			if err := tx.Set("customers", domain.NewID(), store.Fields{"name": name, "phone": "1380000" + pad4(i)}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	var last string
	for off := 0; off < n+50; off += 100 {
		items, total, err := svc.FindCustomers(ctx, customers.CustomerFilter{Offset: off, Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		if total != n {
			t.Fatalf("total = %d, want %d", total, n)
		}
		if want := min(100, max(0, n-off)); len(items) != want {
			t.Fatalf("page at %d has %d items, want %d", off, len(items), want)
		}
		for _, c := range items {
			if seen[c.ID] {
				t.Fatalf("%s on two pages", c.ID)
			}
			if c.Name < last {
				t.Fatalf("not sorted: %s after %s", c.Name, last)
			}
			seen[c.ID], last = true, c.Name
		}
	}
	if len(seen) != n {
		t.Fatalf("saw %d customers, want %d", len(seen), n)
	}
	items, total, _ := svc.FindCustomers(ctx, customers.CustomerFilter{Query: "138000000", Limit: 5})
	if total != 100 || len(items) != 5 {
		t.Fatalf("partial phone: total %d, %d items", total, len(items))
	}
}

func pad4(i int) string { s := "0000" + itoa(i); return s[len(s)-4:] }

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var b []byte
	for ; i > 0; i /= 10 {
		b = append([]byte{byte('0' + i%10)}, b...)
	}
	return string(b)
}
