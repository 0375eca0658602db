// Order display helpers: priority colours, translated errors whose parameters
// name a status, dates.
import type { TFunction } from 'i18next';
import { errorText, toAppError, type AppError, type OrderLine } from '../../lib/backend';

export const statuses = [
  'draft', 'confirmed', 'deposit', 'paid', 'allocated', 'bought', 'packed', 'shipped', 'delivered', 'completed', 'cancelled',
] as const;
export const channels = ['wechat', 'xiaohongshu', 'taobao', 'website', 'other'] as const;
export const priorities = ['urgent', 'high', 'normal', 'low'] as const;
export const paymentKinds = ['deposit', 'payment', 'refund'] as const;
export const paymentMethods = ['wechat', 'alipay', 'bank', 'cash', 'other'] as const;
export const returnConditions = ['resaleable', 'opened', 'damaged'] as const;

const priorityColors: Record<string, string | undefined> = { urgent: 'red', high: 'orange', normal: undefined, low: 'default' };

export function priorityColor(priority: string): string | undefined {
  return priorityColors[priority];
}

/** Rank of a status (backend/orders/status.go), to know e.g. whether goods have shipped. */
export function statusRank(status: string): number {
  const i = statuses.indexOf(status as (typeof statuses)[number]);
  return i < 0 ? 0 : i;
}

export function isShipped(status: string): boolean {
  return status !== 'cancelled' && statusRank(status) >= statusRank('shipped');
}

/** An order can take money once confirmed; a cancelled one only gives money back. */
export function canTakePayment(status: string): boolean {
  return status !== 'draft';
}

const statusParams = ['status', 'from', 'to'];

/** Translates an order error, naming statuses in the UI language ("订单已取消" not "订单已cancelled"). */
export function orderErrorText(t: TFunction, err: unknown): string {
  const e = toAppError(err);
  return errorText(t, translateParams(t, e));
}

function translateParams(t: TFunction, e: AppError): AppError {
  if (!e.params) return e;
  const params = { ...e.params };
  for (const k of statusParams) {
    const v = params[k];
    if (typeof v === 'string' && (statuses as readonly string[]).includes(v)) params[k] = t(`orders.status.${v}`);
  }
  return Object.assign(Object.create(Object.getPrototypeOf(e) as object) as AppError, e, { params });
}

/** Every problem of a rejected save, translated, one per line. */
export function orderErrorLines(t: TFunction, err: unknown): string[] {
  const e = toAppError(err);
  const list = e.details.length > 0 ? e.details : [e];
  return list.map((d) => orderErrorText(t, d));
}

/** "2026-03-01T10:00:00Z" → local date ("2026/3/1" / "01/03/2026"). */
export function formatDate(rfc3339: string, locale: string): string {
  if (!rfc3339) return '';
  const d = new Date(rfc3339.length === 10 ? `${rfc3339}T00:00:00` : rfc3339);
  return Number.isNaN(d.getTime()) ? rfc3339 : d.toLocaleDateString(locale === 'en' ? 'en-GB' : 'zh-CN');
}

export function formatDateTime(rfc3339: string, locale: string): string {
  const d = new Date(rfc3339);
  return Number.isNaN(d.getTime())
    ? rfc3339
    : d.toLocaleString(locale === 'en' ? 'en-GB' : 'zh-CN', { hour12: false, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}

/** Today as YYYY-MM-DD in the local zone. */
export function today(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** An order line's product as a person reads it; a pre-order line may only have a title. */
export function lineName(l: Pick<OrderLine, 'productName' | 'sku' | 'title'>): string {
  if (l.productName) return l.sku ? `${l.productName} · ${l.sku}` : l.productName;
  return l.title || l.sku;
}
