// The carrier, service (with its rate table) and rules forms' values and their conversion to
// what the backend saves. Fees are typed in the service currency's major units and the value
// rule in the base currency's; the backend keeps minor units. A service's limit is typed in kg.
import type { Carrier, CarrierService, ShippingRules } from '../../lib/backend';
import { formInt, formText, topLevel, type NamePath } from '../../lib/formErrors';
import { fromMinor, toMinor } from '../../lib/money';


export interface CarrierFormValues {
  name: string;
  nameEn: string;
  kind?: string;
  trackingUrl: string;
  phone: string;
  note: string;
}

export const newCarrier: CarrierFormValues = { name: '', nameEn: '', kind: 'express', trackingUrl: '', phone: '', note: '' };

/** Where a carrier problem shows: its own field. */
export const placeCarrierError = topLevel(Object.keys(newCarrier));

export function carrierValues(c: Carrier): CarrierFormValues {
  return { name: c.name, nameEn: c.nameEn, kind: c.kind, trackingUrl: c.trackingUrl, phone: c.phone, note: c.note };
}

/** The carrier to save (its services are saved one by one). */
export function toCarrier(v: CarrierFormValues, id = ''): Carrier {
  return {
    id, name: formText(v.name), nameEn: formText(v.nameEn), kind: v.kind ?? '', trackingUrl: formText(v.trackingUrl), phone: formText(v.phone),
    note: v.note ?? '', builtIn: false, services: [],
  };
}

export interface RateValues {
  id: string;
  zone: string;
  provinces: string;
  firstG?: number | null;
  firstFee?: number | null;
  extraG?: number | null;
  extraFee?: number | null;
}

export interface ServiceFormValues {
  name: string;
  nameEn: string;
  tier?: string;
  origin: string;
  currency?: string;
  volumetricDivisor?: number | null;
  maxWeightKg?: number | null;
  transitMin?: number | null;
  transitMax?: number | null;
  insurance: boolean;
  signature: boolean;
  note: string;
  rates: RateValues[];
}

export const newRate = (): RateValues => ({ id: '', zone: '', provinces: '', firstG: 1000, firstFee: null, extraG: 1000, extraFee: null });

export function newService(currency: string, origin: string): ServiceFormValues {
  return {
    name: '', nameEn: '', tier: 'standard', origin, currency, volumetricDivisor: 6000, maxWeightKg: null, transitMin: null,
    transitMax: null, insurance: false, signature: false, note: '', rates: [newRate()],
  };
}

export function serviceValues(s: CarrierService): ServiceFormValues {
  return {
    name: s.name,
    nameEn: s.nameEn,
    tier: s.tier,
    origin: s.origin,
    currency: s.currency,
    volumetricDivisor: s.volumetricDivisor || null,
    maxWeightKg: s.maxWeightG ? s.maxWeightG / 1000 : null,
    transitMin: s.transitMin || null,
    transitMax: s.transitMax || null,
    insurance: s.insurance,
    signature: s.signature,
    note: s.note,
    rates: s.rates.map((r) => ({
      id: r.id, zone: r.zone, provinces: r.provinces, firstG: r.firstG, firstFee: fromMinor(r.firstFee, s.currency),
      extraG: r.extraG || null, extraFee: r.extraFee ? fromMinor(r.extraFee, s.currency) : null,
    })),
  };
}

/** The service with its whole rate table (rows left out are removed by the backend). */
export function toService(v: ServiceFormValues, carrierId: string, id = ''): CarrierService {
  const currency = formText(v.currency).toUpperCase();
  return {
    id,
    carrierId,
    name: formText(v.name),
    nameEn: formText(v.nameEn),
    tier: v.tier ?? '',
    origin: formText(v.origin).toUpperCase(),
    currency,
    volumetricDivisor: formInt(v.volumetricDivisor),
    maxWeightG: Math.round((v.maxWeightKg ?? 0) * 1000),
    transitMin: formInt(v.transitMin),
    transitMax: formInt(v.transitMax),
    insurance: !!v.insurance,
    signature: !!v.signature,
    note: v.note ?? '',
    rates: (v.rates ?? []).map((r) => ({
      id: r.id ?? '',
      zone: formText(r.zone),
      provinces: formText(r.provinces),
      firstG: formInt(r.firstG),
      firstFee: toMinor(r.firstFee, currency),
      extraG: formInt(r.extraG),
      extraFee: toMinor(r.extraFee, currency),
    })),
  };
}

const serviceField = topLevel(['name', 'nameEn', 'tier', 'origin', 'currency', 'carrierId', 'transitMax', 'rates']);

/** Where a service problem shows: its field, or the rate row's (rates[2].firstG). */
export function placeServiceError(path: NamePath): NamePath | undefined {
  const [head, index, field] = path;
  if (head === 'rates' && typeof index === 'number') return ['rates', index, typeof field === 'string' ? field : 'firstG'];
  return serviceField(path);
}

export interface RulesFormValues {
  homeCountry?: string;
  valuableFrom?: number | null;
  lightUpToG?: number | null;
  destinations: { provinces: string; serviceId?: string }[];
  senderName: string;
  senderPhone: string;
  senderAddress: string;
  slipNote: string;
}

export function rulesValues(r: ShippingRules, base: string): RulesFormValues {
  return {
    homeCountry: r.homeCountry || undefined,
    valuableFrom: r.valuableFrom ? fromMinor(r.valuableFrom, base) : null,
    lightUpToG: r.lightUpToG || null,
    destinations: r.destinations.map((d) => ({ provinces: d.provinces, serviceId: d.serviceId || undefined })),
    senderName: r.sender.name,
    senderPhone: r.sender.phone,
    senderAddress: r.sender.address,
    slipNote: r.slipNote,
  };
}

export function toRules(v: RulesFormValues, base: string): ShippingRules {
  return {
    homeCountry: formText(v.homeCountry).toUpperCase(),
    valuableFrom: toMinor(v.valuableFrom, base),
    lightUpToG: formInt(v.lightUpToG),
    destinations: (v.destinations ?? []).map((d) => ({ provinces: formText(d.provinces), serviceId: d.serviceId ?? '' })),
    sender: { name: formText(v.senderName), phone: formText(v.senderPhone), address: formText(v.senderAddress) },
    slipNote: v.slipNote ?? '',
  };
}

/** Where a rules problem shows: destinations[1] → that row's provinces box. */
const rulesField = topLevel(['homeCountry', 'valuableFrom', 'lightUpToG']);

export function placeRulesError(path: NamePath): NamePath | undefined {
  const [head, index] = path;
  if (head === 'destinations' && typeof index === 'number') return ['destinations', index, 'provinces'];
  return rulesField(path);
}
