import { describe, expect, it } from 'vitest';
import type { Parcel } from '../../../lib/backend';
import {
  etaText, fillTemplate, groupNotices, insertPlaceholder, langFor, noticeState, parcelVars, suggestStage, type Notice,
} from './noticeLogic';

const notice = (o: Partial<Notice>): Notice =>
  ({
    id: 'n1', orderId: 'o1', parcelId: 'p1', stage: 'shipped', channel: 'copy', lang: 'zh-CN', recipient: '', subject: 's',
    body: 'hello', at: '2026-03-01T06:00:00Z', device: 'd', sent: '', lastError: '', attempts: 0, lastTry: '', nextTry: '',
    ...o,
  }) as Notice;

describe('suggestStage', () => {
  const cases: [string, boolean, string][] = [
    ['packed', false, 'shipped'],
    ['in_transit', false, 'shipped'],
    ['out_for_delivery', false, 'shipped'],
    ['customs', false, 'customs'],
    ['delivered', false, 'delivered'],
    ['exception', false, 'delayed'],
    ['lost', false, 'delayed'],
    ['returned', false, 'delayed'],
    ['in_transit', true, 'delayed'],
    ['customs', true, 'delayed'],
    ['delivered', true, 'delivered'],
    ['something_new', false, 'shipped'],
  ];
  it.each(cases)('%s (late %s) → %s', (status, late, want) => {
    expect(suggestStage({ status, late })).toBe(want);
  });
});

describe('langFor', () => {
  it('is English only for an English UI', () => {
    expect(langFor('en')).toBe('en');
    expect(langFor('zh-CN')).toBe('zh-CN');
    expect(langFor('')).toBe('zh-CN');
  });
});

describe('noticeState', () => {
  it('copied, sent, pending, failed', () => {
    expect(noticeState(notice({ channel: 'copy' }))).toBe('copied');
    expect(noticeState(notice({ channel: 'email', sent: '2026-03-01T06:01:00Z' }))).toBe('sent');
    expect(noticeState(notice({ channel: 'email' }))).toBe('pending');
    expect(noticeState(notice({ channel: 'email', lastError: 'dial tcp: refused' }))).toBe('failed');
    // sent after a failure is sent
    expect(noticeState(notice({ channel: 'email', lastError: 'x', sent: '2026-03-01T07:00:00Z' }))).toBe('sent');
  });
});

describe('groupNotices', () => {
  it('folds the rows of one multi-order notice and keeps separate notices apart, newest first', () => {
    const rows = [
      notice({ id: 'a1', orderId: 'o1', at: '2026-03-01T06:00:00Z' }),
      notice({ id: 'a2', orderId: 'o2', at: '2026-03-01T06:00:00Z' }),
      // same time, other text: another notice
      notice({ id: 'b1', orderId: 'o1', at: '2026-03-01T06:00:00Z', body: 'other' }),
      notice({ id: 'c1', orderId: 'o1', at: '2026-03-02T06:00:00Z', stage: 'delivered' }),
    ];
    const g = groupNotices(rows);
    expect(g.map((x) => x.notice.id)).toEqual(['c1', 'a1', 'b1']);
    expect(g[1].orderIds).toEqual(['o1', 'o2']);
    expect(g[2].orderIds).toEqual(['o1']);
  });

  it('shows the worst state of an e-mail sent for several orders', () => {
    const at = '2026-03-01T06:00:00Z';
    const g = groupNotices([
      notice({ id: 'a1', orderId: 'o1', channel: 'email', sent: '2026-03-01T06:02:00Z', at }),
      notice({ id: 'a2', orderId: 'o2', channel: 'email', lastError: 'timeout', at }),
    ]);
    expect(g).toHaveLength(1);
    expect(g[0].state).toBe('failed');
    expect(g[0].lastError).toBe('timeout');
    expect(g[0].sent).toBe('2026-03-01T06:02:00Z');
  });

  it('keeps a notice on an empty parcel (no order)', () => {
    const g = groupNotices([notice({ orderId: '' })]);
    expect(g[0].orderIds).toEqual([]);
  });
});

describe('insertPlaceholder', () => {
  it('inserts at the cursor and puts the cursor after it', () => {
    expect(insertPlaceholder('Hi ,', 3, 3, 'customer')).toEqual({ text: 'Hi {customer},', cursor: 13 });
  });
  it('replaces the selection', () => {
    expect(insertPlaceholder('单号 XXX。', 3, 6, 'tracking')).toEqual({ text: '单号 {tracking}。', cursor: 13 });
  });
  it('clamps a cursor outside the text', () => {
    expect(insertPlaceholder('ab', 10, 12, 'eta')).toEqual({ text: 'ab{eta}', cursor: 7 });
    expect(insertPlaceholder('ab', -3, 1, 'eta')).toEqual({ text: '{eta}b', cursor: 5 });
    expect(insertPlaceholder('', 0, 0, 'order')).toEqual({ text: '{order}', cursor: 7 });
  });
});

describe('fillTemplate', () => {
  const vars = { customer: '张小姐', order: 'SO-1', trackingUrl: '', tracking: 'SF123' };
  it('fills known placeholders and keeps unknown ones', () => {
    expect(fillTemplate('{customer}: {order} {unknown}', vars)).toBe('张小姐: SO-1 {unknown}');
  });
  it('drops a line whose known placeholders are all empty', () => {
    expect(fillTemplate('运单号 {tracking}\n物流查询：{trackingUrl}\n谢谢', vars)).toBe('运单号 SF123\n谢谢');
  });
  it('keeps a single line even when empty', () => {
    expect(fillTemplate('{trackingUrl}', vars)).toBe('');
  });
  it('keeps a line with one filled and one empty placeholder', () => {
    expect(fillTemplate('a\n{tracking} {trackingUrl}', vars)).toBe('a\nSF123 ');
  });
});

describe('etaText', () => {
  it('is the shipping day plus the longest transit, China time', () => {
    // 20:00 UTC is 04:00 the next day in China
    expect(etaText('2026-03-01T20:00:00Z', 5)).toBe('2026-03-07');
    expect(etaText('', 5)).toBe('');
    expect(etaText('2026-03-01T20:00:00Z', 0)).toBe('');
  });
});

describe('parcelVars', () => {
  const parcel = {
    number: 'P-0001', status: 'in_transit', late: false, carrier: '顺丰速运', carrierEn: 'SF Express', service: '顺丰标快', serviceEn: '',
    trackingNo: 'SF 123', trackingUrl: 'https://t.example/{no}', shipName: '张三', shippedAt: '2026-03-01T02:00:00Z', transitMax: 3,
    leg2Carrier: '', leg2TrackingNo: '',
    orders: [{ id: 'o1', number: 'SO-1', status: 'shipped', customer: '张小姐', freightBase: 0 }, { id: 'o2', number: 'SO-2', status: 'shipped', customer: '张小姐', freightBase: 0 }],
    lines: [
      { productId: 'x', name: '面霜', qty: 1 },
      { productId: 'y', name: '面膜', qty: 2 },
      { productId: 'x', name: '面霜', qty: 2 },
    ],
    events: [{ place: '深圳' }, { place: '' }],
  } as unknown as Parcel;

  it('fills the values as the backend does, in Chinese', () => {
    expect(parcelVars(parcel, 'zh-CN')).toEqual({
      customer: '张小姐', order: 'SO-1、SO-2', parcel: 'P-0001', carrier: '顺丰速运', service: '顺丰标快', tracking: 'SF 123',
      trackingUrl: 'https://t.example/SF%20123', items: '面霜 ×3、面膜 ×2', eta: '2026-03-04', place: '深圳', leg2: '',
    });
  });
  it('uses English names where there are some', () => {
    const v = parcelVars(parcel, 'en');
    expect(v.carrier).toBe('SF Express');
    expect(v.service).toBe('顺丰标快');
    expect(v.order).toBe('SO-1, SO-2');
  });
  it('falls back to the recipient without a customer', () => {
    const p = { ...parcel, orders: [] } as unknown as Parcel;
    expect(parcelVars(p, 'zh-CN').customer).toBe('张三');
  });
});
