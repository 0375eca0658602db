// The pack list's small rules: how a row is searched, which orders share a recipient (one box),
// and dates as the list shows them.
import dayjs from 'dayjs';
import type { PackableOrder } from '../../lib/backend';

/** The same person at the same place: orders that can share a box. */
export function recipientKey(o: Pick<PackableOrder, 'shipName' | 'province' | 'city' | 'customer'>): string {
  const name = (o.shipName || o.customer).trim();
  return name ? `${name}|${o.province.trim()}|${o.city.trim()}` : '';
}

/** True when the row holds every word typed (order number, customer, recipient, place). */
export function matchesSearch(
  o: Pick<PackableOrder, 'number' | 'customer' | 'shipName' | 'province' | 'city'>,
  search: string,
): boolean {
  const hay = [o.number, o.customer, o.shipName, o.province, o.city].join(' ').toLowerCase();
  return search
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => hay.includes(w));
}

/** A business date or an RFC 3339 time as a local day, "2026-03-01"; '—' when empty. */
export function formatDay(v: string): string {
  if (!v) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  const d = dayjs(v);
  return d.isValid() ? d.format('YYYY-MM-DD') : v;
}

/** Local "MM-DD HH:mm" of an RFC 3339 time within this year, else "YYYY-MM-DD"; '' when empty. */
export function shortTime(v: string, now: Date = new Date()): string {
  if (!v) return '';
  const d = dayjs(v);
  if (!d.isValid()) return v;
  return d.year() === now.getFullYear() ? d.format('MM-DD HH:mm') : d.format('YYYY-MM-DD');
}

/** Local "MM-DD" of an RFC 3339 time within this year, else "YY-MM-DD"; '' when empty. */
export function shortDay(v: string, now: Date = new Date()): string {
  if (!v) return '';
  const d = dayjs(v);
  if (!d.isValid()) return v;
  return d.year() === now.getFullYear() ? d.format('MM-DD') : d.format('YY-MM-DD');
}

/** True when a due date (YYYY-MM-DD) is before today (local). */
export function isOverdue(due: string, today: string = dayjs().format('YYYY-MM-DD')): boolean {
  return !!due && due.slice(0, 10) < today;
}
