package shipping_test

import (
	"strings"
	"testing"

	"daigoudesk/backend/orders"
	"daigoudesk/backend/services"
	"daigoudesk/backend/shipping"
	"daigoudesk/backend/store"
)

// exchange gives to every operation from has (what the shared folder does, minus files).
func exchange(tb testing.TB, from, to *services.Services) {
	tb.Helper()
	var ops []store.Op
	if _, err := from.DB.ScanOps(ctx, "", "", func(op store.Op) error { ops = append(ops, op); return nil }); err != nil {
		tb.Fatal(err)
	}
	if _, err := to.DB.ApplyOps(ctx, ops); err != nil {
		tb.Fatal(err)
	}
}

// twoLaptops returns a and b holding the same data: e's, with two confirmed orders.
func twoLaptops(t *testing.T) (a, b *env, o1, o2 orders.Detail) {
	a = mustOpen(t)
	o1 = a.order(t, lineQty{a.serum, 1})
	o2 = a.order(t, lineQty{a.sunscreen, 2})
	svc, err := services.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { svc.Close() })
	b = &env{svc: svc, s: svc.Shipping, shelf: a.shelf, serum: a.serum, sunscreen: a.sunscreen, alice: a.alice, now: a.now}
	exchange(t, a.svc, b.svc)
	return a, b, o1, o2
}

func TestMergeSameOrderPackedOnTwoLaptops(t *testing.T) {
	a, b, o1, _ := twoLaptops(t)
	pa := must(a.s.SaveParcel(ctx, shipping.ParcelInput{ShipName: "张丽", Items: []shipping.ItemInput{{LineID: o1.Lines[0].ID, Qty: 1}}}))(t)
	pb := must(b.s.SaveParcel(ctx, shipping.ParcelInput{ShipName: "张丽", Items: []shipping.ItemInput{{LineID: o1.Lines[0].ID, Qty: 1}}}))(t)
	exchange(t, a.svc, b.svc)
	exchange(t, b.svc, a.svc)
	for _, l := range []*env{a, b} {
		rows := must(l.s.Parcels(ctx, shipping.ParcelFilter{}))(t)
		if len(rows) != 2 || !rows[0].OverPacked || !rows[1].OverPacked {
			t.Fatalf("both parcels are kept and flagged as packing the goods twice: %+v", rows)
		}
		if !must(l.s.GetParcel(ctx, pa.ID))(t).OverPacked {
			t.Fatal("the parcel detail flags it too")
		}
	}
	// a person unpacks one of them: the flag goes on both laptops
	if err := b.s.DeleteParcel(ctx, pb.ID); err != nil {
		t.Fatal(err)
	}
	exchange(t, b.svc, a.svc)
	if p := must(a.s.GetParcel(ctx, pa.ID))(t); p.OverPacked {
		t.Fatal("unpacking the duplicate clears the flag")
	}
}

func TestMergeParcelShippedOnTwoLaptops(t *testing.T) {
	a, b, o1, o2 := twoLaptops(t)
	d := must(a.s.DraftParcel(ctx, []string{o1.Order.ID, o2.Order.ID}))(t)
	p := must(a.s.SaveParcel(ctx, d.Parcel))(t)
	exchange(t, a.svc, b.svc)
	// offline: a enters the pick-up, b the same pick-up and a delivery; a corrects the
	// tracking number while b corrects the weight
	must(a.s.AddEvent(ctx, shipping.EventInput{ParcelID: p.ID, Kind: "picked_up", At: "2026-03-10 18:00"}))(t)
	must(b.s.AddEvent(ctx, shipping.EventInput{ParcelID: p.ID, Kind: "picked_up", At: "2026-03-10 18:05"}))(t)
	must(b.s.AddEvent(ctx, shipping.EventInput{ParcelID: p.ID, Kind: "delivered", At: "2026-03-12 10:00"}))(t)
	in := p.ParcelInput
	in.TrackingNo = "SF0000000000001"
	must(a.s.SaveParcel(ctx, in))(t)
	in = must(b.s.GetParcel(ctx, p.ID))(t).ParcelInput
	in.WeightG = 777
	must(b.s.SaveParcel(ctx, in))(t)
	exchange(t, a.svc, b.svc)
	exchange(t, b.svc, a.svc)
	var dumps []string
	for _, l := range []*env{a, b} {
		got := must(l.s.GetParcel(ctx, p.ID))(t)
		if got.Status != "delivered" || len(got.Events) != 3 {
			t.Fatalf("tracking events are a union: %+v", got.Events)
		}
		if got.TrackingNo != "SF0000000000001" || got.WeightG != 777 {
			t.Fatalf("edits of different fields both survive: %q %d", got.TrackingNo, got.WeightG)
		}
		if lv := l.level(t, l.serum); lv.OnHand != 19 || lv.Reserved != 0 {
			t.Fatalf("the parcel's goods left stock once, not once per laptop: %+v", lv)
		}
		if lv := l.level(t, l.sunscreen); lv.OnHand != 18 || lv.Reserved != 0 {
			t.Fatalf("the parcel's goods left stock once, not once per laptop: %+v", lv)
		}
		for _, o := range []string{o1.Order.ID, o2.Order.ID} {
			if st := l.status(t, o); st != orders.Delivered {
				t.Fatalf("the orders are delivered on both laptops, got %s", st)
			}
		}
		var sb strings.Builder
		l.svc.DB.Dump(&sb)
		dumps = append(dumps, sb.String())
	}
	if dumps[0] != dumps[1] {
		t.Fatal("the two laptops' databases differ after merging")
	}
}

func TestMergeRateEdits(t *testing.T) {
	a, b, _, _ := twoLaptops(t)
	find := func(l *env, nameEn string) shipping.CarrierService {
		for _, c := range must(l.s.Carriers(ctx))(t) {
			for _, v := range c.Services {
				if v.NameEn == nameEn {
					return v
				}
			}
		}
		t.Fatalf("no service %s", nameEn)
		return shipping.CarrierService{}
	}
	sfA := find(a, "SF Standard Express")
	sfA.Rates[0].FirstFee = 1100
	must(a.s.SaveService(ctx, sfA))(t)
	emsB := find(b, "EMS Standard")
	emsB.TransitMax = 6
	must(b.s.SaveService(ctx, emsB))(t)
	b.now = b.now.Add(1)
	sfB := find(b, "SF Standard Express")
	sfB.Rates[0].FirstFee = 1200 // later: wins
	must(b.s.SaveService(ctx, sfB))(t)
	exchange(t, a.svc, b.svc)
	exchange(t, b.svc, a.svc)
	for _, l := range []*env{a, b} {
		if got := find(l, "SF Standard Express").Rates[0].FirstFee; got != 1200 {
			t.Fatalf("the later edit of the same rate wins: %d", got)
		}
		if got := find(l, "EMS Standard").TransitMax; got != 6 {
			t.Fatalf("an edit of another service survives: %d", got)
		}
	}
}
