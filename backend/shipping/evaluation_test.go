package shipping_test

import (
	"testing"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/shipping"
)

// builtInService is the id of the preloaded service with the English name.
func builtInService(t *testing.T, nameEn string) string {
	t.Helper()
	for _, c := range shipping.BuiltInCarriers() {
		for _, v := range c.Services {
			if v.NameEn == nameEn {
				return v.ID
			}
		}
	}
	t.Fatalf("no built-in service %s", nameEn)
	return ""
}

// evalParcel packs a serum into a parcel sent with service and records its events, each
// a kind and a China time.
func evalParcel(t *testing.T, e *env, in shipping.ParcelInput, events ...[2]string) shipping.Parcel {
	t.Helper()
	o := e.order(t, lineQty{e.serum, 1})
	in.ShipName, in.Items = "张丽", []shipping.ItemInput{{LineID: o.Lines[0].ID, Qty: 1}}
	p := must(e.s.SaveParcel(ctx, in))(t)
	for _, ev := range events {
		p = must(e.s.AddEvent(ctx, shipping.EventInput{ParcelID: p.ID, Kind: ev[0], At: ev[1]}))(t)
	}
	return p
}

func TestEvaluateCarriers(t *testing.T) {
	e := mustOpen(t)                                                                       // now: 2026-03-10 09:00 UTC
	sf, ems := builtInService(t, "SF Standard Express"), builtInService(t, "EMS Standard") // 1–3 days, 2–5 days
	// SF: on time in 2.0 days; late in 4.42 days (volume weight 30×20×20 cm / 12000 = 1 kg)
	evalParcel(t, e, shipping.ParcelInput{ServiceID: sf, WeightG: 1500, Freight: 2300, FreightCurrency: "CNY"},
		[2]string{"picked_up", "2026-03-01 10:00"}, [2]string{"delivered", "2026-03-03 10:00"})
	evalParcel(t, e, shipping.ParcelInput{ServiceID: sf, WeightG: 400, LengthMM: 300, WidthMM: 200, HeightMM: 200,
		Freight: 2800, FreightCurrency: "CNY"},
		[2]string{"picked_up", "2026-03-02 10:00"}, [2]string{"delivered", "2026-03-06 20:00"})
	// SF: an exception, then lost
	evalParcel(t, e, shipping.ParcelInput{ServiceID: sf, WeightG: 1000, Freight: 1800, FreightCurrency: "CNY"},
		[2]string{"picked_up", "2026-03-03 10:00"}, [2]string{"exception", "2026-03-04 10:00"},
		[2]string{"lost", "2026-03-08 10:00"})
	// SF: still on its way after 5.4 days, its freight not billed yet
	evalParcel(t, e, shipping.ParcelInput{ServiceID: sf, WeightG: 500},
		[2]string{"picked_up", "2026-03-05 08:00"})
	// SF: packed, not shipped: not counted
	evalParcel(t, e, shipping.ParcelInput{ServiceID: sf, WeightG: 500, Freight: 9900, FreightCurrency: "CNY"})
	// EMS: damaged, delivered in 2.0 days; freight in dollars (7.2)
	evalParcel(t, e, shipping.ParcelInput{ServiceID: ems, WeightG: 2000, Freight: 500, FreightCurrency: "USD"},
		[2]string{"picked_up", "2026-03-04 10:00"}, [2]string{"damaged", "2026-03-05 10:00"},
		[2]string{"delivered", "2026-03-06 10:00"})

	all := must(e.s.Evaluate(ctx, "", ""))(t)
	if len(all) != 2 || all[0].ServiceID != sf || all[1].ServiceID != ems {
		t.Fatalf("two services, most parcels first: %+v", all)
	}
	wantSF := shipping.ServiceStats{CarrierID: all[0].CarrierID, Carrier: "顺丰速运", CarrierEn: "SF Express", ServiceID: sf,
		Service: "顺丰标快", ServiceEn: "SF Standard Express", Tier: "standard", TransitMin: 1, TransitMax: 3,
		Parcels: 4, Delivered: 2, OnTime: 1, OnTimeRate: 0.5, AvgDays: 3.2, P90Days: 4.4, Problems: 1, ProblemRate: 0.25,
		Lost: 1, Damaged: 0, StillLate: 1, Currency: "CNY", FreightBase: 6900, ChargeableKg: 4,
		CostPerKg: 1971} // ¥69.00 over the 3.5 kg of the billed parcels
	if all[0] != wantSF {
		t.Fatalf("SF\n got %+v\nwant %+v", all[0], wantSF)
	}
	wantEMS := shipping.ServiceStats{CarrierID: all[1].CarrierID, Carrier: "中国邮政 EMS", CarrierEn: "China Post EMS",
		ServiceID: ems, Service: "EMS 标准快递", ServiceEn: "EMS Standard", Tier: "standard", TransitMin: 2, TransitMax: 5,
		Parcels: 1, Delivered: 1, OnTime: 1, OnTimeRate: 1, AvgDays: 2, P90Days: 2, Problems: 1, ProblemRate: 1,
		Damaged: 1, Currency: "CNY", FreightBase: 3600, ChargeableKg: 2, CostPerKg: 1800}
	if all[1] != wantEMS {
		t.Fatalf("EMS\n got %+v\nwant %+v", all[1], wantEMS)
	}

	// shipped 2026-03-03 and 2026-03-04 (UTC dates): the lost SF parcel and the EMS one
	some := must(e.s.Evaluate(ctx, "2026-03-03", "2026-03-04"))(t)
	if len(some) != 2 {
		t.Fatalf("two services: %+v", some)
	}
	for _, st := range some {
		switch st.ServiceID {
		case sf:
			if st.Parcels != 1 || st.Delivered != 0 || st.OnTimeRate != 0 || st.Lost != 1 || st.StillLate != 0 ||
				st.FreightBase != 1800 || st.CostPerKg != 1800 || st.AvgDays != 0 {
				t.Fatalf("SF in the period: %+v", st)
			}
		case ems:
			if st != wantEMS {
				t.Fatalf("EMS in the period: %+v", st)
			}
		default:
			t.Fatalf("unexpected %+v", st)
		}
	}
	if late := must(e.s.Evaluate(ctx, "2026-03-05", ""))(t); len(late) != 1 || late[0].Parcels != 1 || late[0].StillLate != 1 {
		t.Fatalf("from 2026-03-05: the parcel still on its way: %+v", late)
	}
	if none := must(e.s.Evaluate(ctx, "", "2026-02-28"))(t); none == nil || len(none) != 0 {
		t.Fatalf("nothing shipped before March: %+v", none)
	}

	_, err := e.s.Evaluate(ctx, "2026-3-1", "")
	mustErr(t, err, domain.EInvalid, "shipping.evaluation.date")
	_, err = e.s.Evaluate(ctx, "2026-03-05", "2026-03-01")
	mustErr(t, err, domain.EInvalid, "shipping.evaluation.range")
}
