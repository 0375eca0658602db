package shipping

import (
	"strconv"

	"daigoudesk/backend/domain"
)

func itoa(i int) string { return strconv.Itoa(i) }

// builtinID is the fixed id of a preloaded carrier, service or rate row: the same on every
// laptop, so an edit made anywhere replaces the same row.
func builtinID(kind string, key ...string) string { return domain.DerivedID("builtin-"+kind, key...) }

// Destination groups of mainland China used by the preloaded rate tables.
const (
	eastChina   = "上海,江苏,浙江,安徽"
	nearChina   = "北京,天津,河北,山东,河南,湖北,湖南,江西,福建,广东,广西,海南"
	remoteChina = "新疆,西藏,青海,宁夏,甘肃,内蒙古"
	hkMacauTw   = "香港,澳门,台湾"
)

// BuiltInCarriers are the carriers every new team starts with: SF Express, EMS, DHL, FedEx,
// UPS and a forwarder, with typical published rates to mainland China (2026) that the team
// edits to its own contract prices. They live in the code, not in the database, until edited.
func BuiltInCarriers() []Carrier {
	rate := func(svc, zone, provinces string, firstG, firstFee, extraG, extraFee int64) Rate {
		return Rate{ID: builtinID("rate", svc, zone), Zone: zone, Provinces: provinces, FirstG: firstG, FirstFee: firstFee,
			ExtraG: extraG, ExtraFee: extraFee}
	}
	carrier := func(key, name, nameEn, kind, url string, services ...CarrierService) Carrier {
		id := builtinID("carrier", key)
		for i := range services {
			services[i].CarrierID = id
		}
		return Carrier{ID: id, Name: name, NameEn: nameEn, Kind: kind, TrackingURL: url, BuiltIn: true, Services: services}
	}
	svc := func(key, name, nameEn, tier, origin, cur string, divisor, maxG, tmin, tmax int64, ins, sig bool, rates ...Rate) CarrierService {
		return CarrierService{ID: builtinID("service", key), Name: name, NameEn: nameEn, Tier: tier, Origin: origin, Currency: cur,
			VolumetricDivisor: divisor, MaxWeightG: maxG, TransitMin: tmin, TransitMax: tmax, Insurance: ins, Signature: sig,
			Rates: rates}
	}
	return []Carrier{
		carrier("sf", "顺丰速运", "SF Express", "express", "https://www.sf-express.com/chn/sc/waybill/waybill-detail/{no}",
			svc("sf-standard", "顺丰标快", "SF Standard Express", "standard", "CN", "CNY", 12000, 50000, 1, 3, true, true,
				rate("sf-standard", "江浙沪皖", eastChina, 1000, 1300, 1000, 200),
				rate("sf-standard", "华北华中华南", nearChina, 1000, 1800, 1000, 500),
				rate("sf-standard", "偏远", remoteChina, 1000, 2500, 1000, 1400),
				rate("sf-standard", "其他", "", 1000, 2300, 1000, 800)),
			svc("sf-economy", "顺丰特惠", "SF Economy", "economy", "CN", "CNY", 12000, 30000, 2, 4, true, false,
				rate("sf-economy", "江浙沪皖", eastChina, 1000, 1000, 1000, 200),
				rate("sf-economy", "华北华中华南", nearChina, 1000, 1300, 1000, 400),
				rate("sf-economy", "其他", "", 1000, 1800, 1000, 600)),
			svc("sf-intl", "顺丰国际标快", "SF International Express", "express", "", "JPY", 6000, 30000, 2, 4, true, true,
				rate("sf-intl", "中国大陆 Mainland China", "", 500, 2400, 500, 600),
				rate("sf-intl", "港澳台", hkMacauTw, 500, 2000, 500, 500))),
		carrier("ems", "中国邮政 EMS", "China Post EMS", "post", "https://www.ems.com.cn/queryList?mailNum={no}",
			svc("ems-domestic", "EMS 标准快递", "EMS Standard", "standard", "CN", "CNY", 8000, 40000, 2, 5, true, true,
				rate("ems-domestic", "全国 Nationwide", "", 1000, 1800, 1000, 600)),
			svc("ems-intl", "国际 EMS（日本邮便）", "International EMS (Japan Post)", "standard", "JP", "JPY", 0, 30000, 3, 7, true, true,
				rate("ems-intl", "中国 China", "", 500, 1450, 500, 330))),
		carrier("dhl", "DHL 国际快递", "DHL Express", "express", "https://www.dhl.com/cn-zh/home/tracking.html?tracking-id={no}",
			svc("dhl-wwx", "DHL 全球特快", "DHL Express Worldwide", "express", "", "USD", 5000, 70000, 2, 4, true, true,
				rate("dhl-wwx", "中国 China", "", 500, 4500, 500, 950))),
		carrier("fedex", "联邦快递 FedEx", "FedEx", "express", "https://www.fedex.com/fedextrack/?trknbr={no}",
			svc("fedex-ip", "FedEx 国际优先", "FedEx International Priority", "express", "", "USD", 5000, 68000, 2, 5, true, true,
				rate("fedex-ip", "中国 China", "", 500, 4200, 500, 900)),
			svc("fedex-ie", "FedEx 国际经济", "FedEx International Economy", "economy", "", "USD", 5000, 68000, 4, 7, true, false,
				rate("fedex-ie", "中国 China", "", 500, 3500, 500, 700))),
		carrier("ups", "UPS 快递", "UPS", "express", "https://www.ups.com/track?tracknum={no}",
			svc("ups-saver", "UPS 全球速快", "UPS Worldwide Saver", "express", "", "USD", 5000, 70000, 2, 5, true, true,
				rate("ups-saver", "中国 China", "", 500, 4400, 500, 900))),
		carrier("forwarder", "国际转运", "Freight forwarder", "forwarder", "",
			svc("forwarder-sea", "海运集运", "Sea consolidation", "economy", "", "CNY", 6000, 30000, 15, 30, false, false,
				rate("forwarder-sea", "中国 China", "", 1000, 2800, 1000, 1500)),
			svc("forwarder-air", "空运集运", "Air consolidation", "economy", "", "CNY", 6000, 30000, 7, 15, false, false,
				rate("forwarder-air", "中国 China", "", 1000, 4500, 1000, 3500))),
	}
}
