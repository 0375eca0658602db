// Pure helpers of the trip screens: matching what the buyer scans or types against the
// shopping list, the defaults of the "bought" sheet and the BuyInput it sends, the trip form's
// conversion, and small figures. No React, no bindings: tested in logic.test.ts.
import type { BuyInput, CostInput, ListGroup, ListItem, Supplier, Trip, TripInput } from '../../../lib/backend';
import { digitsOf, toMinor } from '../../../lib/money';

/** Case-, width- and space-insensitive form of a text (full-width ＳＫＵ１ matches sku1). */
export function fold(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The list item whose barcode or SKU is exactly code (what a scanner types), if any. */
export function matchScan(groups: readonly ListGroup[], code: string): { group: ListGroup; item: ListItem } | undefined {
  const c = fold(code).replace(/ /g, '');
  if (!c) return undefined;
  for (const field of ['barcode', 'sku'] as const) {
    for (const group of groups) {
      const item = group.items.find((it) => it[field] && fold(it[field]).replace(/ /g, '') === c);
      if (item) return { group, item };
    }
  }
  return undefined;
}

/** True when every word of query is in the item's Chinese or original name, brand, SKU or barcode. */
export function itemMatches(item: ListItem, query: string): boolean {
  const words = fold(query).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const hay = fold([item.name, item.nameOrig, item.brand, item.sku, item.barcode].join(' '));
  return words.every((w) => hay.includes(w));
}

/** What is still to buy, or bought/found nothing: the rows a buyer in a shop wants to see. */
export function isOpen(item: ListItem): boolean {
  return item.need > 0 && !item.notFound;
}

/**
 * Where an item of the list stands: still to buy; marked not found with some still wanted;
 * done (nothing left to buy); or skipped — a reorder suggestion a person left off, nothing to
 * buy and nothing bought, kept on the list so that it can be put back.
 */
export type ItemState = 'open' | 'notFound' | 'done' | 'skipped';

export function itemState(item: Pick<ListItem, 'need' | 'notFound' | 'skipped' | 'bought'>): ItemState {
  if (item.need > 0) return item.notFound ? 'notFound' : 'open';
  return item.skipped && item.bought === 0 ? 'skipped' : 'done';
}

const stateRank: Record<ItemState, number> = { open: 0, notFound: 1, done: 2, skipped: 3 };

/**
 * The groups with only the items matching query (and, with onlyOpen, still to buy); groups left
 * empty are dropped. Within a group, what is still to buy comes first (the backend's order
 * otherwise: brand, then name), then not-found items, what is done, and skipped suggestions last.
 */
export function filterGroups(groups: readonly ListGroup[], query: string, onlyOpen = false): ListGroup[] {
  const out: ListGroup[] = [];
  for (const g of groups) {
    const items = g.items
      .filter((it) => itemMatches(it, query) && (!onlyOpen || isOpen(it)))
      .map((it, i) => ({ it, i, rank: stateRank[itemState(it)] }))
      .sort((a, b) => a.rank - b.rank || a.i - b.i)
      .map(({ it }) => it);
    if (items.length > 0) out.push({ ...g, items });
  }
  return out;
}

/** The quantity for stock the "quantity for stock" form starts from: the person's own quantity
 * (all to bring for stock, what the trip bought into stock included), else the reorder
 * suggestion still to buy; null when there is neither. */
export function stockQtyToEdit(item: Pick<ListItem, 'manual' | 'stockQty' | 'forStock'>): number | null {
  if (item.manual) return item.stockQty;
  return item.forStock > 0 ? item.forStock : null;
}

/** How many of a purchase of qty go into stock: what the item's open pre-orders do not take. */
export function unitsToStock(item: Pick<ListItem, 'forOrders'>, qty: number): number {
  return Math.max(0, Math.round(qty) - item.forOrders);
}

/** A product that expires needs the expiry date of what a purchase puts into stock (when the
 * sheet's batch switch is on; the buyer may turn it off). */
export function expiryMissing(item: Pick<ListItem, 'shelfLife' | 'forOrders'>, form: Pick<BuyForm, 'qty' | 'expiry'>, batchOn: boolean): boolean {
  return item.shelfLife && batchOn && unitsToStock(item, form.qty) > 0 && !form.expiry;
}

/** Units still to buy in the groups (items marked not found count as nothing left to buy). */
export function stillToBuy(groups: readonly ListGroup[]): number {
  return groups.reduce((n, g) => n + g.items.reduce((m, it) => m + (isOpen(it) ? it.need : 0), 0), 0);
}

/** A rate as the backend takes it: a positive decimal ("0.048", "1", "7.12"). */
export function isRate(s: string): boolean {
  return /^\d+(\.\d+)?$/.test(s.trim()) && Number(s) > 0;
}

export type PaidWith = 'card' | 'cash';

/** The trip's rate for a way of paying (the other one when that is not set; '' when neither is). */
export function tripRate(trip: Pick<Trip, 'cardRate' | 'cashRate'>, paidWith: PaidWith): string {
  return paidWith === 'cash' ? trip.cashRate || trip.cardRate : trip.cardRate || trip.cashRate;
}

/** What the "bought" sheet holds while the buyer fills it in (money in major units). */
export interface BuyForm {
  qty: number;
  unitPrice: number | null;
  discount: number | null;
  paidWith: PaidWith;
  rate: string;
  /** a supplier's name, or any store typed */
  store: string;
  taxFree: boolean;
  receipt: string;
  note: string;
  /** a substitute product bought instead of the item ('' = the item itself) */
  substituteId: string;
  /** batch code and expiry (YYYY-MM-DD) of what goes into stock ('' = none) */
  batchCode: string;
  expiry: string;
}

/** The sheet's starting values: the quantity still to buy, the last price when it was paid in
 * the trip's currency, card (or cash when the trip only has a cash rate), the group's store. */
export function defaultBuyForm(
  trip: Pick<Trip, 'currency' | 'cardRate' | 'cashRate'>,
  item: Pick<ListItem, 'need' | 'lastPrice' | 'lastCurrency'>,
  storeName = '',
): BuyForm {
  const paidWith: PaidWith = !trip.cardRate && trip.cashRate ? 'cash' : 'card';
  const samePrice = item.lastCurrency === trip.currency && item.lastPrice > 0;
  return {
    qty: Math.max(1, item.need),
    unitPrice: samePrice ? item.lastPrice / 10 ** digitsOf(trip.currency) : null,
    discount: null,
    paidWith,
    rate: tripRate(trip, paidWith),
    store: storeName,
    taxFree: false,
    receipt: '',
    note: '',
    substituteId: '',
    batchCode: '',
    expiry: '',
  };
}

/** The supplier a typed store names (same name, ignoring case and width), if any. */
export function resolveStore(text: string, suppliers: readonly Pick<Supplier, 'id' | 'name'>[]): { supplierId: string; store: string } {
  const t = fold(text);
  if (!t) return { supplierId: '', store: '' };
  const s = suppliers.find((x) => fold(x.name) === t);
  return s ? { supplierId: s.id, store: '' } : { supplierId: '', store: text.trim() };
}

/**
 * The BuyInput of a filled sheet. The rate is sent only when the buyer changed it (else '' and
 * the backend applies the trip's card or cash rate, the one it keeps with the purchase); a
 * substitute is bought as itself for the product on the list.
 */
export function buildBuyInput(
  trip: Pick<Trip, 'id' | 'currency' | 'cardRate' | 'cashRate'>,
  productId: string,
  form: BuyForm,
  suppliers: readonly Pick<Supplier, 'id' | 'name'>[],
): BuyInput {
  const rate = form.rate.trim();
  const sub = form.substituteId && form.substituteId !== productId ? form.substituteId : '';
  return {
    tripId: trip.id,
    productId: sub || productId,
    forProductId: sub ? productId : '',
    qty: Math.round(form.qty),
    unitPrice: toMinor(form.unitPrice ?? 0, trip.currency),
    discount: toMinor(form.discount ?? 0, trip.currency),
    currency: trip.currency,
    paidWith: form.paidWith,
    rate: rate === tripRate(trip, form.paidWith) ? '' : rate,
    ...resolveStore(form.store, suppliers),
    taxFree: form.taxFree,
    receipt: form.receipt,
    batchCode: form.batchCode.trim(),
    expiry: form.expiry,
    note: form.note.trim(),
    at: '',
  };
}

/** The amount of a purchase after the discount, minor units (never below 0). */
export function buyTotal(form: Pick<BuyForm, 'qty' | 'unitPrice' | 'discount'>, currency: string): number {
  return Math.max(0, Math.round(form.qty) * toMinor(form.unitPrice ?? 0, currency) - toMinor(form.discount ?? 0, currency));
}

/** The trip form's values (dates as YYYY-MM-DD text; '' for none). */
export type TripFormValues = Omit<TripInput, 'locationId'> & { locationId?: string };

export const emptyTrip: TripFormValues = {
  name: '', country: '', city: '', startsOn: '', endsOn: '', buyer: '', currency: 'JPY', cardRate: '', cashRate: '',
  locationId: undefined, note: '',
};

export function tripToForm(t: Trip): TripFormValues {
  const { name, country, city, startsOn, endsOn, buyer, currency, cardRate, cashRate, locationId, note } = t;
  return { name, country, city, startsOn, endsOn, buyer, currency, cardRate, cashRate, locationId: locationId || undefined, note };
}

export function formToTripInput(v: TripFormValues): TripInput {
  const s = (x: string | undefined) => (x ?? '').trim();
  return {
    name: s(v.name), country: s(v.country).toUpperCase(), city: s(v.city), startsOn: s(v.startsOn), endsOn: s(v.endsOn),
    buyer: s(v.buyer), currency: s(v.currency).toUpperCase(), cardRate: s(v.cardRate), cashRate: s(v.cashRate),
    locationId: v.locationId ?? '', note: v.note ?? '',
  };
}

/** The cost form's values (money in major units). */
export interface CostFormValues {
  kind: string;
  amount: number | null;
  currency: string;
  rate: string;
  spread: string;
  store: string;
  status: string;
  amountReceived: number | null;
  note: string;
  at: string;
}

export const costKinds = ['luggage', 'forwarder', 'duty', 'other', 'tax_refund'] as const;
export const refundStatuses = ['eligible', 'claimed', 'received'] as const;

export function formToCostInput(ownerId: string, v: CostFormValues, suppliers: readonly Pick<Supplier, 'id' | 'name'>[]): CostInput {
  const refund = v.kind === 'tax_refund';
  const received = refund && v.status === 'received';
  return {
    ownerId,
    kind: v.kind,
    amount: toMinor(v.amount, v.currency),
    currency: v.currency,
    rate: (v.rate ?? '').trim(),
    spread: refund ? '' : v.spread || 'value',
    ...(refund ? resolveStore(v.store ?? '', suppliers) : { supplierId: '', store: '' }),
    status: refund ? v.status || 'eligible' : '',
    amountReceived: received ? toMinor(v.amountReceived, v.currency) : 0,
    note: (v.note ?? '').trim(),
    at: v.at ?? '',
  };
}

/** "Tokyo, JP" — the city and country of a trip or store, whichever are known. */
export function place(city: string, country: string): string {
  return [city, country].filter(Boolean).join(', ');
}

/** "2026-03-01 – 2026-03-07", or the one date known. */
export function dateRange(from: string, to: string): string {
  if (from && to && from !== to) return `${from} – ${to}`;
  return from || to;
}

/** Where the trip screens live (the shop screen is drawn without the app's menu: app/App.tsx). */
export const tripsPath = '/purchasing/trips';
export const tripPath = (id: string) => `${tripsPath}/${id}`;
export const shopPath = (id: string) => `${tripsPath}/${id}/shop`;
/** The trip id of a shop screen's path, if it is one. */
export function shopTripId(pathname: string): string | undefined {
  const m = /^\/purchasing\/trips\/([^/]+)\/shop\/?$/.exec(pathname);
  return m ? decodeURIComponent(m[1]) : undefined;
}
