// Customer notices, the parts without React: which stage a parcel is at, how the rows of one
// notice sent about several orders fold into one entry, placing a {placeholder} where the cursor
// is, and the local preview of a template (a mirror of backend/shipping/notices.go's
// noticeVars and fillTemplate, so the template editor can show the message while it is typed;
// the message actually sent is always rendered by the backend: RenderNotice).
import type { Parcel } from '../../../lib/backend';
import type { shipping } from '../../../../wailsjs/go/models';

export type Notice = shipping.Notice;

export const noticeStages = ['shipped', 'customs', 'delivered', 'delayed'] as const;
export type NoticeStage = (typeof noticeStages)[number];
export const noticeLangs = ['zh-CN', 'en'] as const;
export type NoticeLang = (typeof noticeLangs)[number];

/** The placeholders a template may use (shipping.NoticePlaceholders), in the editor's order. */
export const noticePlaceholders = [
  'customer', 'order', 'parcel', 'carrier', 'service', 'tracking', 'trackingUrl', 'items', 'eta', 'place', 'leg2',
] as const;

/** The notice language for a UI language: Chinese unless the UI is in English. */
export function langFor(uiLanguage: string): NoticeLang {
  return uiLanguage === 'en' ? 'en' : 'zh-CN';
}

// parcel state → the stage a customer would hear about next
const stageByStatus: Record<string, NoticeStage> = {
  packed: 'shipped',
  in_transit: 'shipped',
  out_for_delivery: 'shipped',
  customs: 'customs',
  delivered: 'delivered',
  exception: 'delayed',
  lost: 'delayed',
  damaged: 'delayed',
  returned: 'delayed',
};

/** The stage to offer first for a parcel: a late parcel not yet delivered is delayed;
 * otherwise by its state (in transit → shipped, customs → customs, delivered → delivered, a
 * problem → delayed). */
export function suggestStage(p: Pick<Parcel, 'status' | 'late'>): NoticeStage {
  if (p.late && p.status !== 'delivered') return 'delayed';
  return stageByStatus[p.status] ?? 'shipped';
}

/** What became of a notice: copied (for WeChat), sent, waiting in the outbox, or its last
 * try failed (it is tried again). */
export type NoticeState = 'copied' | 'sent' | 'pending' | 'failed';

export function noticeState(n: Pick<Notice, 'channel' | 'sent' | 'lastError'>): NoticeState {
  if (n.channel !== 'email') return 'copied';
  if (n.sent) return 'sent';
  return n.lastError ? 'failed' : 'pending';
}

/** One notice as a person sent it: RecordNotice writes a row per order of the parcel, all with
 * the same time and text. */
export interface NoticeGroup {
  key: string;
  /** the first row (stage, channel, language, text, recipient) */
  notice: Notice;
  orderIds: string[];
  state: NoticeState;
  /** the last error of a failed e-mail */
  lastError: string;
  sent: string;
}

const stateRank: Record<NoticeState, number> = { failed: 3, pending: 2, sent: 1, copied: 0 };

/** Folds the rows of each notice (same time, stage, channel and text) into one entry, newest
 * first. The entry's state is its worst row's: one order's e-mail still waiting makes it
 * pending. */
export function groupNotices(rows: readonly Notice[]): NoticeGroup[] {
  const byKey = new Map<string, NoticeGroup>();
  for (const n of rows) {
    const key = [n.at, n.stage, n.channel, n.lang, n.body].join('\u0000');
    const state = noticeState(n);
    const g = byKey.get(key);
    if (!g) {
      byKey.set(key, { key, notice: n, orderIds: n.orderId ? [n.orderId] : [], state, lastError: n.lastError, sent: n.sent });
      continue;
    }
    if (n.orderId && !g.orderIds.includes(n.orderId)) g.orderIds.push(n.orderId);
    if (stateRank[state] > stateRank[g.state]) {
      g.state = state;
      g.lastError = n.lastError;
    }
    if (n.sent && (!g.sent || n.sent < g.sent)) g.sent = n.sent;
  }
  return [...byKey.values()].sort((a, b) => (a.notice.at < b.notice.at ? 1 : a.notice.at > b.notice.at ? -1 : 0));
}

/** Puts {name} in place of the selection [start, end) of text; returns the new text and where
 * the cursor goes (right after the placeholder). A selection outside the text is clamped. */
export function insertPlaceholder(text: string, start: number, end: number, name: string): { text: string; cursor: number } {
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  const token = `{${name}}`;
  return { text: text.slice(0, s) + token + text.slice(e), cursor: s + token.length };
}

const placeholderRe = /\{([A-Za-z0-9]+)\}/g;

/** Replaces the known {placeholders}; unknown ones stay as typed. A line whose known
 * placeholders all come out empty is left out (as the backend does: "物流查询：" with no link). */
export function fillTemplate(text: string, vars: Record<string, string>): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (const raw of lines) {
    let known = 0;
    let filled = 0;
    const line = raw.replace(placeholderRe, (m, name: string) => {
      if (!Object.prototype.hasOwnProperty.call(vars, name)) return m;
      known++;
      if (vars[name] !== '') filled++;
      return vars[name];
    });
    if (known > 0 && filled === 0 && lines.length > 1) continue;
    out.push(line);
  }
  return out.join('\n');
}

/** The latest expected arrival (China time): shipped + the service's longest transit. */
export function etaText(shippedAt: string, transitMax: number): string {
  const t = Date.parse(shippedAt);
  if (!shippedAt || Number.isNaN(t) || transitMax <= 0) return '';
  const cst = new Date(t + 8 * 3600_000 + transitMax * 86_400_000);
  return cst.toISOString().slice(0, 10);
}

/** The placeholder values of a parcel for the preview (all its orders), as the backend fills
 * them: the customer of its first order (else the recipient), goods by product in packing
 * order, carrier names in the language, the latest place of its tracking. */
export function parcelVars(p: Parcel, lang: string): Record<string, string> {
  const zh = lang === 'zh-CN';
  const sep = zh ? '、' : ', ';
  const goods: { key: string; name: string; qty: number }[] = [];
  for (const l of p.lines ?? []) {
    const key = `${l.productId}|${l.name}`;
    const g = goods.find((x) => x.key === key);
    if (g) g.qty += l.qty;
    else goods.push({ key, name: l.name, qty: l.qty });
  }
  const carrier = zh || !p.carrierEn ? p.carrier : p.carrierEn;
  const service = zh || !p.serviceEn ? p.service : p.serviceEn;
  const trackingUrl = p.trackingUrl && p.trackingNo ? p.trackingUrl.split('{no}').join(encodeURIComponent(p.trackingNo)) : '';
  const events = p.events ?? [];
  let place = '';
  for (let i = events.length - 1; i >= 0 && !place; i--) place = events[i].place;
  const orders = p.orders ?? [];
  return {
    customer: ((orders[0]?.customer ?? '').trim() || p.shipName).trim(),
    order: orders.map((o) => o.number).join(sep),
    parcel: p.number,
    carrier,
    service,
    tracking: p.trackingNo,
    trackingUrl,
    items: goods.map((g) => `${g.name} ×${g.qty}`).join(sep),
    eta: etaText(p.shippedAt, p.transitMax),
    place,
    leg2: `${p.leg2Carrier} ${p.leg2TrackingNo}`.trim(),
  };
}
