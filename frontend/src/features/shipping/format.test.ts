import { describe, expect, it } from 'vitest';
import zhCN from '../../i18n/zh-CN.json';
import en from '../../i18n/en.json';
import {
  carrierKinds, carrierService, cmToMm, eventKinds, feeText, localName, mmToCm, nextEventKind, parcelFilters, parcelStatuses,
  sizeText, tiers, trackingLink, transitText, weightText,
} from './format';

describe('trackingLink', () => {
  it('puts the number where the carrier URL says {no}', () => {
    expect(trackingLink('https://www.sf-express.com/chn/sc/waybill/waybill-detail/{no}', 'SF1234567890')).toBe(
      'https://www.sf-express.com/chn/sc/waybill/waybill-detail/SF1234567890',
    );
    expect(trackingLink('https://t.example/?a={no}&b={no}', 'X 1')).toBe('https://t.example/?a=X%201&b=X%201');
  });
  it('encodes what a URL cannot hold and trims the number', () => {
    expect(trackingLink('https://t.example/{no}', ' A/B#1 ')).toBe('https://t.example/A%2FB%231');
  });
  it('gives the page itself when the URL has no {no}', () => {
    expect(trackingLink('https://t.example/track', 'X1')).toBe('https://t.example/track');
  });
  it('gives nothing without a number, a URL, or for a non-web address', () => {
    expect(trackingLink('', 'X1')).toBe('');
    expect(trackingLink('https://t.example/{no}', '  ')).toBe('');
    expect(trackingLink('javascript:alert({no})', 'X1')).toBe('');
  });
});

describe('centimetres and millimetres', () => {
  it('converts the form cm to whole mm and back', () => {
    expect(cmToMm(30)).toBe(300);
    expect(cmToMm(12.5)).toBe(125);
    expect(cmToMm(0.04)).toBe(0);
    expect(cmToMm(null)).toBe(0);
    expect(cmToMm(undefined)).toBe(0);
    expect(cmToMm(-3)).toBe(0);
    expect(mmToCm(125)).toBe(12.5);
    expect(mmToCm(0)).toBeUndefined();
    for (const cm of [1, 12.3, 45.6, 99.9]) expect(mmToCm(cmToMm(cm))).toBe(cm);
  });
  it('shows a size only when every side is known', () => {
    expect(sizeText(300, 200, 155)).toBe('30 × 20 × 15.5 cm');
    expect(sizeText(300, 0, 150)).toBe('');
  });
});

describe('fees, weights and days', () => {
  it('formats a fee in its currency, and "—" when it could not be converted', () => {
    expect(feeText(1300, 'CNY', 'zh-CN')).toBe('¥13.00');
    expect(feeText(2400, 'JPY', 'en')).toBe('¥2,400');
    expect(feeText(-1, 'CNY', 'zh-CN')).toBe('—');
  });
  it('shows grams under a kilo, else kilos', () => {
    expect(weightText(0)).toBe('—');
    expect(weightText(480)).toBe('480 g');
    expect(weightText(1000)).toBe('1 kg');
    expect(weightText(1500)).toBe('1.5 kg');
    expect(weightText(1250)).toBe('1.25 kg');
  });
  it('shows a transit range', () => {
    expect(transitText(1, 3)).toBe('1–3');
    expect(transitText(2, 2)).toBe('2');
    expect(transitText(0, 0)).toBe('');
    expect(transitText(0, 5)).toBe('0–5');
  });
});

describe('names', () => {
  it('uses the English name in English when there is one', () => {
    expect(localName('顺丰速运', 'SF Express', 'en')).toBe('SF Express');
    expect(localName('顺丰速运', '', 'en')).toBe('顺丰速运');
    expect(localName('顺丰速运', 'SF Express', 'zh-CN')).toBe('顺丰速运');
    expect(localName('', 'SF Express', 'zh-CN')).toBe('SF Express');
  });
  it('joins carrier and service', () => {
    const p = { carrier: '顺丰速运', carrierEn: 'SF Express', service: '顺丰标快', serviceEn: 'SF Standard Express' };
    expect(carrierService(p, 'zh-CN')).toBe('顺丰速运 · 顺丰标快');
    expect(carrierService(p, 'en')).toBe('SF Express · SF Standard Express');
    expect(carrierService({ carrier: '', carrierEn: '', service: '', serviceEn: '' }, 'en')).toBe('');
  });
});

describe('nextEventKind', () => {
  it('offers the next step of the usual path', () => {
    expect(nextEventKind([])).toBe('picked_up');
    expect(nextEventKind(['picked_up'])).toBe('in_transit');
    expect(nextEventKind(['picked_up', 'in_transit', 'customs'])).toBe('out_for_delivery');
    expect(nextEventKind(['picked_up', 'customs', 'in_transit'])).toBe('out_for_delivery');
    expect(nextEventKind(['picked_up', 'in_transit', 'customs', 'out_for_delivery'])).toBe('delivered');
  });
  it('offers nothing after a delivery or a problem', () => {
    expect(nextEventKind(['picked_up', 'delivered'])).toBe('');
    expect(nextEventKind(['picked_up', 'lost'])).toBe('');
  });
});

describe('translations', () => {
  const has = (res: unknown, key: string) =>
    typeof key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], res) === 'string';
  it('name every state, event, filter, kind, tier and reason the backend sends', () => {
    const keys = [
      ...parcelStatuses.map((s) => `shipping.ui.status.${s}`),
      ...eventKinds.map((k) => `shipping.ui.event.${k}`),
      ...parcelFilters.map((k) => `shipping.ui.filter.${k || 'all'}`),
      ...carrierKinds.map((k) => `shipping.ui.kind.${k}`),
      ...tiers.map((k) => `shipping.ui.tier.${k}`),
      ...['destination', 'valuable', 'light', 'cheapest'].map((r) => `shipping.ui.reason.${r}`),
      'shipping.draft.recipients',
    ];
    for (const res of [zhCN, en]) expect(keys.filter((k) => !has(res, k))).toEqual([]);
  });
});
