// Shipping display helpers: parcel states and tracking events (the backend's names, in the
// order a parcel meets them) with their colours, carrier and service names in the UI language,
// tracking links, fees, weights and sizes.
import { formatMoney } from '../../lib/money';

/** Parcel states (backend/shipping parcel_state). */
export const parcelStatuses = [
  'packed', 'in_transit', 'customs', 'out_for_delivery', 'delivered', 'exception', 'lost', 'damaged', 'returned',
] as const;

/** The tracking events a person records, in the order a parcel usually meets them. */
export const eventKinds = [
  'picked_up', 'in_transit', 'customs', 'out_for_delivery', 'delivered', 'exception', 'lost', 'damaged', 'returned',
] as const;

/** The parcel list's filters: '' = all; waiting = packed without a label yet; problem =
 * exception, lost, damaged or returned; late = past the service's longest transit time. */
export const parcelFilters = ['waiting', 'packed', 'in_transit', 'customs', 'out_for_delivery', 'delivered', 'problem', 'late', ''] as const;
export type ParcelFilterKey = (typeof parcelFilters)[number];

export const carrierKinds = ['express', 'post', 'forwarder', 'courier'] as const;
export const tiers = ['economy', 'standard', 'express'] as const;

const problemStatuses = new Set(['exception', 'lost', 'damaged', 'returned']);

export function isProblem(status: string): boolean {
  return problemStatuses.has(status);
}

const statusColors: Record<string, string> = {
  packed: 'default', in_transit: 'processing', customs: 'gold', out_for_delivery: 'cyan', delivered: 'success',
  exception: 'error', lost: 'error', damaged: 'error', returned: 'warning',
};

export function parcelStatusColor(status: string): string {
  return statusColors[status] ?? 'default';
}

// hex, not antd's named colours: its "blue" is the theme's primary colour (red here)
const eventColors: Record<string, string> = {
  picked_up: '#1677ff', in_transit: '#1677ff', customs: '#fa8c16', out_for_delivery: '#13c2c2', delivered: '#52c41a',
  exception: '#ff4d4f', lost: '#ff4d4f', damaged: '#ff4d4f', returned: '#fa8c16',
};

export function eventColor(kind: string): string {
  return eventColors[kind] ?? 'gray';
}

/**
 * The event a person most likely records next, given the events so far (oldest first): the
 * step after the furthest one reached on the usual path; after a problem or a delivery, none.
 */
export function nextEventKind(kinds: readonly string[]): string {
  const path = ['picked_up', 'in_transit', 'customs', 'out_for_delivery', 'delivered'];
  let reached = -1;
  for (const k of kinds) reached = Math.max(reached, path.indexOf(k));
  const last = kinds[kinds.length - 1];
  if (last === 'delivered' || (last && problemStatuses.has(last))) return '';
  return path[Math.min(reached + 1, path.length - 1)];
}

/** The name in the UI language: the English one in English when there is one, else Chinese. */
export function localName(zh: string, en: string, language: string): string {
  return language === 'en' ? en || zh : zh || en;
}

/** "顺丰速运 · 顺丰标快"; the parts that are known. */
export function carrierService(
  p: { carrier: string; carrierEn: string; service: string; serviceEn: string },
  language: string,
): string {
  return [localName(p.carrier, p.carrierEn, language), localName(p.service, p.serviceEn, language)].filter(Boolean).join(' · ');
}

/**
 * A carrier's tracking page for a number: {no} in the carrier's URL replaced by the number
 * (URL-encoded); '' when either is missing or the URL is not a web address.
 */
export function trackingLink(urlTemplate: string, trackingNo: string): string {
  const no = trackingNo.trim();
  const url = urlTemplate.trim();
  if (!no || !url || !/^https?:\/\//i.test(url)) return '';
  return url.includes('{no}') ? url.split('{no}').join(encodeURIComponent(no)) : url;
}

/** A fee in its currency; '—' when there is no rate to convert it (feeBase −1). */
export function feeText(minor: number, currency: string, locale: string): string {
  return minor < 0 ? '—' : formatMoney(minor, currency, locale);
}

/** 1250 → "1.25 kg", 480 → "480 g". */
export function weightText(grams: number): string {
  if (!grams) return '—';
  if (grams < 1000) return `${grams} g`;
  return `${(grams / 1000).toFixed(grams % 1000 === 0 ? 0 : grams % 100 === 0 ? 1 : 2)} kg`;
}

/** Millimetres to centimetres for the form (one decimal); 0 → undefined (empty box). */
export function mmToCm(mm: number | null | undefined): number | undefined {
  if (!mm) return undefined;
  return Math.round(mm) / 10;
}

/** Centimetres as typed to whole millimetres; empty → 0. */
export function cmToMm(cm: number | null | undefined): number {
  if (cm === null || cm === undefined || Number.isNaN(cm) || cm <= 0) return 0;
  return Math.round(cm * 10);
}

/** "30 × 20 × 15 cm"; '' when any side is unknown. */
export function sizeText(lengthMM: number, widthMM: number, heightMM: number): string {
  if (!lengthMM || !widthMM || !heightMM) return '';
  return `${[lengthMM, widthMM, heightMM].map((mm) => mmToCm(mm)).join(' × ')} cm`;
}

/** "1–3"; "2" when both ends are equal; '' when unknown. */
export function transitText(min: number, max: number): string {
  if (!min && !max) return '';
  if (!max || min === max) return String(min || max);
  return `${min}–${max}`;
}
