package customers_test

import (
	"slices"
	"testing"

	"daigoudesk/backend/customers"
	"daigoudesk/backend/domain"
	"daigoudesk/backend/store"
)

// addOrder writes an order for customerID with payments (base-currency minor units), as the
// orders area would.
func addOrder(tb testing.TB, db *store.DB, customerID, orderedAt string, payments ...int64) string {
	tb.Helper()
	id := domain.NewID()
	err := db.Write(ctx, func(tx *store.Tx) error {
		if err := tx.Set("orders", id, store.Fields{"customer_id": customerID, "number": "SO-T-" + id[20:],
			"channel": "wechat", "ordered_at": orderedAt, "currency": "CNY"}); err != nil {
			return err
		}
		for _, p := range payments {
			if err := tx.Add("payments", domain.NewID(), store.Fields{"order_id": id, "kind": "payment", "amount": p,
				"currency": "CNY", "rate": "1", "base_amount": p}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return id
}

func TestCustomerLifetimeFigures(t *testing.T) {
	db, svc := mustOpen(t)
	c := mustCreate(t, svc, alice())
	d, err := svc.GetCustomer(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if d.Lifetime != (customers.Lifetime{}) || len(d.RecentOrders) != 0 || len(d.Addresses) != 0 {
		t.Fatalf("new customer has figures: %+v", d)
	}
	addOrder(t, db, c.ID, "2025-03-01T10:00:00Z", 20000, 48000)
	addOrder(t, db, c.ID, "2024-11-11T00:00:00Z", 9900, -1900) // a partial refund
	deleted := addOrder(t, db, c.ID, "2023-01-01T00:00:00Z", 100000)
	if err := db.Write(ctx, func(tx *store.Tx) error { return tx.Set("orders", deleted, store.Fields{"deleted": true}) }); err != nil {
		t.Fatal(err)
	}
	addOrder(t, db, "someone-else", "2025-01-01T00:00:00Z", 5000)
	d, err = svc.GetCustomer(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := customers.Lifetime{Orders: 2, PaidBase: 76000, FirstOrderAt: "2024-11-11T00:00:00Z", LastOrderAt: "2025-03-01T10:00:00Z"}
	if d.Lifetime != want {
		t.Fatalf("lifetime = %+v, want %+v", d.Lifetime, want)
	}
	if len(d.RecentOrders) != 2 || d.RecentOrders[0].OrderedAt != want.LastOrderAt || d.RecentOrders[0].PaidBase != 68000 {
		t.Fatalf("recent orders = %+v", d.RecentOrders)
	}
}

func TestMergeCustomers(t *testing.T) {
	db, svc := mustOpen(t)
	keep := mustCreate(t, svc, customers.CustomerInput{Name: "王小美", WeChat: "xiaomei_88", Tags: []string{"VIP"}, Notes: "老客户"})
	dup := mustCreate(t, svc, customers.CustomerInput{Name: "小美", Phone: "13812345678", IDNumber: validID,
		Email: "mei@example.com", WeChat: "other_wechat", Tags: []string{"护肤", "VIP"}, Notes: "只要直邮"})
	earlier := mustCreate(t, svc, customers.CustomerInput{Name: "美美"})
	if _, err := svc.MergeCustomers(ctx, dup.ID, earlier.ID); err != nil {
		t.Fatal(err)
	}
	keepHome, _ := svc.SaveAddress(ctx, addr(keep.ID, "家", true))
	dupHome, _ := svc.SaveAddress(ctx, addr(dup.ID, "小美家", true))
	dupOffice, _ := svc.SaveAddress(ctx, addr(dup.ID, "小美公司", false))
	o1 := addOrder(t, db, dup.ID, "2025-01-01T00:00:00Z", 10000)
	o2 := addOrder(t, db, dup.ID, "2025-02-01T00:00:00Z", 20000)
	addOrder(t, db, keep.ID, "2024-06-01T00:00:00Z", 5000)

	merged, err := svc.MergeCustomers(ctx, keep.ID, dup.ID)
	if err != nil {
		t.Fatal(err)
	}
	// keep's own values win; its empty fields come from dup; tags united; notes joined
	if merged.Name != "王小美" || merged.WeChat != "xiaomei_88" || merged.Phone != "13812345678" ||
		merged.IDNumber != validID || merged.Email != "mei@example.com" || merged.Notes != "老客户\n只要直邮" {
		t.Fatalf("merged = %+v", merged)
	}
	if want := []string{"VIP", "护肤"}; !slices.Equal(merged.Tags, want) {
		t.Fatalf("tags = %q, want %q", merged.Tags, want)
	}
	for _, o := range []string{o1, o2} {
		if n := count(t, db, `SELECT count(*) FROM orders WHERE id = ? AND customer_id = ?`, o, keep.ID); n != 1 {
			t.Fatalf("order %s not moved", o)
		}
	}
	d, err := svc.GetCustomer(ctx, keep.ID)
	if err != nil {
		t.Fatal(err)
	}
	if d.Lifetime.Orders != 3 || d.Lifetime.PaidBase != 35000 {
		t.Fatalf("lifetime after merge = %+v", d.Lifetime)
	}
	var ids []string
	for _, a := range d.Addresses {
		ids = append(ids, a.ID)
	}
	if len(d.Addresses) != 3 || d.Addresses[0].ID != keepHome.ID || !slices.Contains(ids, dupHome.ID) || !slices.Contains(ids, dupOffice.ID) {
		t.Fatalf("addresses after merge = %+v", d.Addresses)
	}
	if got := defaults(t, svc, keep.ID); !slices.Equal(got, []string{"家"}) {
		t.Fatalf("defaults after merge = %v", got)
	}
	// dup is a tombstone pointing at keep, and so is the record merged into dup before
	for _, id := range []string{dup.ID, earlier.ID} {
		if n := count(t, db, `SELECT count(*) FROM customers WHERE id = ? AND deleted = 1 AND merged_into = ?`, id, keep.ID); n != 1 {
			t.Fatalf("%s is not a tombstone merged into keep", id)
		}
		if c, err := svc.FindCustomerByID(ctx, id); err != nil || c.ID != keep.ID {
			t.Fatalf("FindCustomerByID(merged) = %s, %v; want the kept customer", c.ID, err)
		}
	}
	if _, total, _ := svc.FindCustomers(ctx, customers.CustomerFilter{}); total != 1 {
		t.Fatalf("%d customers listed after merging three into one", total)
	}
	// an order that still names dup (made offline elsewhere) counts towards keep
	addOrder(t, db, dup.ID, "2025-04-01T00:00:00Z", 1000)
	if d, _ := svc.GetCustomer(ctx, keep.ID); d.Lifetime.Orders != 4 || d.Lifetime.PaidBase != 36000 {
		t.Fatalf("late order of the duplicate not counted: %+v", d.Lifetime)
	}
}

func TestMergeRefusals(t *testing.T) {
	db, svc := mustOpen(t)
	a := mustCreate(t, svc, customers.CustomerInput{Name: "甲"})
	b := mustCreate(t, svc, customers.CustomerInput{Name: "乙", Phone: "13812345678"})
	gone := mustCreate(t, svc, customers.CustomerInput{Name: "丙"})
	if err := svc.DeleteCustomer(ctx, gone.ID); err != nil {
		t.Fatal(err)
	}
	folded := mustCreate(t, svc, customers.CustomerInput{Name: "丁"})
	if _, err := svc.MergeCustomers(ctx, b.ID, folded.ID); err != nil {
		t.Fatal(err)
	}
	addOrder(t, db, b.ID, "2025-01-01T00:00:00Z")
	scenarios := []struct {
		name      string
		keep, dup string
		code, key string
	}{
		{"Self", a.ID, a.ID, domain.EConflict, "customer.merge.self"},
		{"DupDeleted", a.ID, gone.ID, domain.EConflict, "customer.merge.gone"},
		{"KeepDeleted", gone.ID, b.ID, domain.EConflict, "customer.merge.gone"},
		{"DupMergedAlready", a.ID, folded.ID, domain.EConflict, "customer.merge.gone"},
		{"KeepMergedAlready", folded.ID, a.ID, domain.EConflict, "customer.merge.gone"},
		{"DupUnknown", a.ID, "nope", domain.ENotFound, ""},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			before := count(t, db, `SELECT count(*) FROM oplog`)
			_, err := svc.MergeCustomers(ctx, sc.keep, sc.dup)
			wantErr(t, err, sc.code, "", sc.key)
			if after := count(t, db, `SELECT count(*) FROM oplog`); after != before {
				t.Fatalf("a refused merge wrote %d operations", after-before)
			}
		})
	}
	// the order of b (a party of refused merges) stayed where it was
	if n := count(t, db, `SELECT count(*) FROM orders WHERE customer_id = ?`, b.ID); n != 1 {
		t.Fatalf("b's order moved by a refused merge")
	}
}
