// The pack form's values and their conversion to the backend's ParcelInput and QuoteInput.
// The form shows sizes in centimetres and money in major units; the backend keeps millimetres
// and minor units. A line packed 0 times is left out of the parcel.
import type { ParcelInput, ParcelLine, QuoteInput, QuoteOption } from '../../lib/backend';
import { formInt, formText, type NamePath } from '../../lib/formErrors';
import { fromMinor, toMinor } from '../../lib/money';
import { cmToMm, mmToCm } from './format';

export interface PackItemValues {
  lineId: string;
  qty: number | null;
}

export interface ParcelFormValues {
  items: PackItemValues[];
  origin?: string;
  weightG?: number | null;
  lengthCm?: number | null;
  widthCm?: number | null;
  heightCm?: number | null;
  contents: string;
  declaredValue?: number | null;
  declaredCurrency: string;
  insured: boolean;
  signature: boolean;
  carrierId: string;
  serviceId?: string;
  freight?: number | null;
  freightCurrency: string;
  trackingNo: string;
  leg2Carrier: string;
  leg2TrackingNo: string;
  customerId: string;
  shipName: string;
  shipPhone: string;
  shipProvince: string;
  shipCity: string;
  shipDistrict: string;
  shipStreet: string;
  shipPostcode: string;
  idNumber: string;
  note: string;
}


/** The form's values for a parcel (a draft's or a saved one). */
export function toFormValues(p: ParcelInput): ParcelFormValues {
  return {
    items: p.items.map((i) => ({ lineId: i.lineId, qty: i.qty })),
    origin: p.origin || undefined,
    weightG: p.weightG || null,
    lengthCm: mmToCm(p.lengthMM) ?? null,
    widthCm: mmToCm(p.widthMM) ?? null,
    heightCm: mmToCm(p.heightMM) ?? null,
    contents: p.contents,
    declaredValue: p.declaredValue ? fromMinor(p.declaredValue, p.declaredCurrency) : null,
    declaredCurrency: p.declaredCurrency,
    insured: p.insured,
    signature: p.signature,
    carrierId: p.carrierId,
    serviceId: p.serviceId || undefined,
    freight: p.freight ? fromMinor(p.freight, p.freightCurrency) : null,
    freightCurrency: p.freightCurrency,
    trackingNo: p.trackingNo,
    leg2Carrier: p.leg2Carrier,
    leg2TrackingNo: p.leg2TrackingNo,
    customerId: p.customerId,
    shipName: p.shipName,
    shipPhone: p.shipPhone,
    shipProvince: p.shipProvince,
    shipCity: p.shipCity,
    shipDistrict: p.shipDistrict,
    shipStreet: p.shipStreet,
    shipPostcode: p.shipPostcode,
    idNumber: p.idNumber,
    note: p.note,
  };
}

/** The ParcelInput to save; id '' packs a new parcel. Lines packed 0 times are dropped. */
export function toParcelInput(v: ParcelFormValues, id = ''): ParcelInput {
  const declaredCurrency = formText(v.declaredCurrency);
  const freightCurrency = formText(v.freightCurrency);
  return {
    id,
    origin: formText(v.origin).toUpperCase(),
    carrierId: v.carrierId ?? '',
    serviceId: v.serviceId ?? '',
    trackingNo: formText(v.trackingNo),
    leg2Carrier: formText(v.leg2Carrier),
    leg2TrackingNo: formText(v.leg2TrackingNo),
    weightG: formInt(v.weightG),
    lengthMM: cmToMm(v.lengthCm),
    widthMM: cmToMm(v.widthCm),
    heightMM: cmToMm(v.heightCm),
    contents: formText(v.contents),
    declaredValue: toMinor(v.declaredValue, declaredCurrency),
    declaredCurrency,
    insured: !!v.insured,
    signature: !!v.signature,
    freight: toMinor(v.freight, freightCurrency),
    freightCurrency,
    customerId: v.customerId ?? '',
    shipName: formText(v.shipName),
    shipPhone: formText(v.shipPhone),
    shipProvince: formText(v.shipProvince),
    shipCity: formText(v.shipCity),
    shipDistrict: formText(v.shipDistrict),
    shipStreet: formText(v.shipStreet),
    shipPostcode: formText(v.shipPostcode),
    idNumber: formText(v.idNumber),
    note: v.note ?? '',
    items: (v.items ?? []).filter((i) => formInt(i.qty) > 0).map((i) => ({ lineId: i.lineId, qty: formInt(i.qty) })),
  };
}

/** What the carriers' prices depend on: where from and to, weight, size and declared value. */
export function quoteInputOf(v: Partial<ParcelFormValues>): QuoteInput {
  const currency = formText(v.declaredCurrency);
  return {
    origin: formText(v.origin).toUpperCase(),
    province: formText(v.shipProvince),
    weightG: Math.max(0, formInt(v.weightG)),
    lengthMM: cmToMm(v.lengthCm),
    widthMM: cmToMm(v.widthCm),
    heightMM: cmToMm(v.heightCm),
    declaredValue: Math.max(0, toMinor(v.declaredValue, currency)),
    currency,
  };
}

/** True when two quote inputs ask the same question (so the answer can be reused). */
export function sameQuote(a: QuoteInput, b: QuoteInput): boolean {
  return (Object.keys(a) as (keyof QuoteInput)[]).every((k) => a[k] === b[k]);
}

type LineFacts = Pick<ParcelLine, 'lineId' | 'qty' | 'weightG' | 'unitPrice' | 'unitPriceBase'>;

function qtyOf(items: readonly PackItemValues[] | undefined, lineId: string): number {
  return Math.max(0, formInt(items?.find((i) => i.lineId === lineId)?.qty));
}

/** The goods' weight for the quantities chosen (product weights; 0 for unknown ones). */
export function goodsWeight(lines: readonly LineFacts[], items: readonly PackItemValues[] | undefined): number {
  return lines.reduce((g, l) => g + qtyOf(items, l.lineId) * l.weightG, 0);
}

/**
 * The declared value for the quantities chosen, in the base currency (the draft's declared
 * currency): each line's unit price in base (the backend converts at today's rate; -1 when no
 * rate is known, then the line counts nothing, as in the draft) times the quantity packed.
 * Minor units.
 */
export function declaredFor(lines: readonly LineFacts[], items: readonly PackItemValues[] | undefined): number {
  return lines.reduce((s, l) => s + qtyOf(items, l.lineId) * Math.max(0, l.unitPriceBase), 0);
}

/** The freight and cover to fill in when an option is chosen: its fee, insured and signed for
 * when the parcel is valuable and the service offers it. Major units for the form. */
export function choiceValues(o: QuoteOption, valuable: boolean): Pick<ParcelFormValues, 'carrierId' | 'serviceId' | 'freight' | 'freightCurrency' | 'insured' | 'signature'> {
  return {
    carrierId: o.carrierId,
    serviceId: o.serviceId,
    freight: fromMinor(o.fee, o.currency),
    freightCurrency: o.currency,
    insured: valuable && o.insurance,
    signature: valuable && o.signature,
  };
}

const formFields = new Set([
  'origin', 'contents', 'declaredCurrency', 'insured', 'signature', 'carrierId', 'serviceId', 'freightCurrency', 'trackingNo',
  'leg2Carrier', 'leg2TrackingNo', 'shipName', 'shipPhone', 'shipProvince', 'shipCity', 'shipDistrict', 'shipStreet',
  'shipPostcode', 'idNumber', 'note', 'weightG', 'declaredValue', 'freight',
]);
const renamed: Record<string, string> = { lengthMM: 'lengthCm', widthMM: 'widthCm', heightMM: 'heightCm' };

/**
 * The form field a backend problem belongs on: the parcel's own fields (sizes under their cm
 * names), a packed line's quantity (items[i].qty → the i-th line packed, as the form lists
 * every line left with those at 0 dropped), undefined for the rest.
 * sent maps the index in the input to the index in the form.
 */
export function placeParcelError(path: NamePath, sent: readonly number[] = []): NamePath | undefined {
  const [head, index] = path;
  if (typeof head !== 'string') return undefined;
  if (head === 'items' && typeof index === 'number') return ['items', sent[index] ?? index, 'qty'];
  if (path.length !== 1) return undefined;
  if (renamed[head]) return [renamed[head]];
  return formFields.has(head) ? [head] : undefined;
}

/** Which form rows the saved items came from (the rows packed more than 0), by input index. */
export function sentRows(items: readonly PackItemValues[] | undefined): number[] {
  const out: number[] = [];
  (items ?? []).forEach((i, idx) => {
    if (formInt(i.qty) > 0) out.push(idx);
  });
  return out;
}

/** The input fields of a saved parcel (to save it again with some of them changed). */
export function inputOf(p: ParcelInput): ParcelInput {
  return {
    id: p.id, origin: p.origin, carrierId: p.carrierId, serviceId: p.serviceId, trackingNo: p.trackingNo,
    leg2Carrier: p.leg2Carrier, leg2TrackingNo: p.leg2TrackingNo, weightG: p.weightG, lengthMM: p.lengthMM,
    widthMM: p.widthMM, heightMM: p.heightMM, contents: p.contents, declaredValue: p.declaredValue,
    declaredCurrency: p.declaredCurrency, insured: p.insured, signature: p.signature, freight: p.freight,
    freightCurrency: p.freightCurrency, customerId: p.customerId, shipName: p.shipName, shipPhone: p.shipPhone,
    shipProvince: p.shipProvince, shipCity: p.shipCity, shipDistrict: p.shipDistrict, shipStreet: p.shipStreet,
    shipPostcode: p.shipPostcode, idNumber: p.idNumber, note: p.note,
    items: p.items.map((i) => ({ lineId: i.lineId, qty: i.qty })),
  };
}

/** 110101199003071234 → 110101********1234: enough to tell people apart on screen. */
export function maskId(id: string): string {
  return id.length > 10 ? `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}` : id;
}
