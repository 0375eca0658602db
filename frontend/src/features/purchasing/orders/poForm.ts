// The purchase order screens' pure logic: form values ↔ POInput, the receiving form ↔
// ReceiveInput, the extra-cost form ↔ CostInput, and where each server error belongs on its
// form. Amounts are typed in major units of the order's currency and sent as minor units.
import dayjs, { type Dayjs } from 'dayjs';
import type { Cost, CostInput, PODetail, POInput, POReceiveInput } from '../../../lib/backend';
import { fromMinor, toMinor } from '../../../lib/money';
import type { NamePath } from '../../../lib/formErrors';

export const poStatuses = ['open', 'partial', 'received', 'cancelled'] as const;
export const statusColors: Record<string, string> = { open: 'blue', partial: 'orange', received: 'green', cancelled: 'default' };

const day = 'YYYY-MM-DD';
const asDate = (v: string) => (v ? dayjs(v) : null);
const asText = (d: Dayjs | null | undefined) => (d && d.isValid() ? d.format(day) : '');

/** A rate as the backend takes it: a positive decimal such as 0.048 (no fractions, no exponent). */
export function validRate(rate: string): boolean {
  const r = rate.trim();
  return /^\d*\.?\d+$/.test(r) && Number(r) > 0;
}

// ---- the purchase order form ----

export interface POLineValues {
  id?: string;
  productId?: string;
  /** the product's name · SKU, to show an existing line before any search */
  label?: string;
  qty: number | null;
  /** major units of the order's currency */
  unitPrice: number | null;
}

export interface POFormValues {
  supplierId?: string;
  currency?: string;
  /** '' = the kept rate on the order date */
  rate: string;
  orderedAt: Dayjs | null;
  expectedAt: Dayjs | null;
  locationId?: string;
  note: string;
  lines: POLineValues[];
}

export const emptyLine = (): POLineValues => ({ productId: undefined, qty: 1, unitPrice: null });

export function newPOValues(today: Dayjs = dayjs()): POFormValues {
  return { supplierId: undefined, currency: undefined, rate: '', orderedAt: today, expectedAt: null, locationId: undefined, note: '', lines: [emptyLine()] };
}

export function fromPODetail(d: PODetail): POFormValues {
  return {
    supplierId: d.supplierId, currency: d.currency, rate: d.rate, orderedAt: asDate(d.orderedAt), expectedAt: asDate(d.expectedAt),
    locationId: d.locationId || undefined, note: d.note,
    lines: d.lines.map((l) => ({
      id: l.id, productId: l.productId, label: [l.productName, l.sku].filter(Boolean).join(' · '), qty: l.qty,
      unitPrice: fromMinor(l.unitPrice, d.currency),
    })),
  };
}

export function toPOInput(v: POFormValues): POInput {
  const currency = (v.currency ?? '').trim().toUpperCase();
  return {
    supplierId: v.supplierId ?? '', currency, rate: (v.rate ?? '').trim(), orderedAt: asText(v.orderedAt), expectedAt: asText(v.expectedAt),
    locationId: v.locationId ?? '', note: (v.note ?? '').trim(),
    lines: (v.lines ?? []).map((l) => ({
      id: l.id ?? '', productId: l.productId ?? '', qty: l.qty ?? 0, unitPrice: toMinor(l.unitPrice, currency),
    })),
  };
}

/** The order's total in minor units of its currency, as the form stands. */
export function formTotal(lines: POLineValues[] | undefined, currency: string): number {
  return (lines ?? []).reduce((n, l) => n + (l?.qty ?? 0) * toMinor(l?.unitPrice, currency), 0);
}

const poTopFields = new Set(['supplierId', 'currency', 'rate', 'orderedAt', 'expectedAt', 'locationId', 'note']);
const poLineFields = new Set(['productId', 'qty', 'unitPrice']);

/** Where a server error on the purchase order form belongs ("lines[1].qty" → that line's quantity). */
export function placePOError(path: NamePath): NamePath | undefined {
  if (path.length === 1 && poTopFields.has(String(path[0]))) return path;
  if (path[0] === 'lines' && typeof path[1] === 'number') {
    const field = path.length > 2 ? String(path[2]) : 'productId';
    return ['lines', path[1], poLineFields.has(field) ? field : 'productId'];
  }
  return undefined;
}

// ---- receiving ----

export interface ReceiveLineValues {
  lineId: string;
  label: string;
  outstanding: number;
  qty: number | null;
  locationId?: string;
  batchCode: string;
  expiry: Dayjs | null;
}

/** A line's quantity still to come (never negative: two laptops may both have received it). */
export function outstanding(l: { qty: number; received: number }): number {
  return Math.max(0, l.qty - l.received);
}

/**
 * The receiving form of an order: its lines still to come, each defaulting to all of it at
 * the order's location (else fallbackLocation: the team's only location).
 */
export function receiveValues(d: PODetail, fallbackLocation?: string): ReceiveLineValues[] {
  return d.lines
    .filter((l) => outstanding(l) > 0)
    .map((l) => ({
      lineId: l.id, label: [l.productName, l.sku].filter(Boolean).join(' · '), outstanding: outstanding(l), qty: outstanding(l),
      locationId: d.locationId || fallbackLocation || undefined, batchCode: '', expiry: null,
    }));
}

/** Every form line is sent, in order, so an error's line index is the form's (a 0 is skipped by the backend). */
export function toReceiveInput(poId: string, lines: ReceiveLineValues[], note: string): POReceiveInput {
  return {
    poId, at: '', note: note.trim(),
    lines: lines.map((l) => ({
      lineId: l.lineId, qty: l.qty ?? 0, locationId: l.qty ? (l.locationId ?? '') : '', batchCode: l.qty ? (l.batchCode ?? '').trim() : '',
      expiry: l.qty ? asText(l.expiry) : '',
    })),
  };
}

const receiveLineFields = new Set(['qty', 'locationId', 'batchCode', 'expiry']);

/** Where a server error on the receiving form belongs; a line's other errors go under its quantity. */
export function placeReceiveError(path: NamePath): NamePath | undefined {
  if (path[0] !== 'lines' || typeof path[1] !== 'number') return undefined;
  const field = path.length > 2 ? String(path[2]) : 'qty';
  return ['lines', path[1], receiveLineFields.has(field) ? field : 'qty'];
}

// ---- extra costs ----

export const costKinds = ['luggage', 'forwarder', 'duty', 'other'] as const;
export const costSpreads = ['value', 'weight'] as const;

export interface CostValues {
  kind: string;
  /** major units of currency */
  amount: number | null;
  currency: string;
  rate: string;
  spread: string;
  at: Dayjs | null;
  note: string;
}

export function costValues(c: Cost | undefined, currency: string, today: Dayjs = dayjs()): CostValues {
  if (!c) return { kind: 'forwarder', amount: null, currency, rate: '', spread: 'value', at: today, note: '' };
  return {
    kind: c.kind, amount: fromMinor(c.amount, c.currency), currency: c.currency, rate: c.rate, spread: c.spread || 'value',
    at: asDate(c.at), note: c.note,
  };
}

export function toCostInput(ownerId: string, v: CostValues): CostInput {
  return {
    ownerId, kind: v.kind, amount: toMinor(v.amount, v.currency), currency: v.currency, rate: (v.rate ?? '').trim(), spread: v.spread,
    supplierId: '', store: '', status: '', amountReceived: 0, note: (v.note ?? '').trim(), at: asText(v.at),
  };
}

export const costFields = ['kind', 'amount', 'currency', 'rate', 'spread', 'at', 'note'];
