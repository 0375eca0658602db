// The Go side rejects with an i18n key (domain.Error.Key); every key the catalog and stock
// services use must be translated in both languages, as a string (not a namespace object).
import { describe, expect, it } from 'vitest';
import zhCN from '../../i18n/zh-CN.json';
import en from '../../i18n/en.json';

const goKeys = [
  'blob.badHash', 'blob.empty', 'blob.tooBig', 'blob.badData', 'category.parent.self', 'errors.badFile',
  'errors.badSort', 'errors.notFoundThing', 'form.required', 'location.kind.unknown', 'place.hasStock',
  'product.barcode.check', 'product.barcode.digits', 'product.barcode.length', 'product.barcode.taken',
  'product.category.unknown', 'product.currency.required', 'product.currency.unknown', 'product.money.negative',
  'product.name.required', 'product.number.negative', 'product.sku.format', 'product.sku.required',
  'product.sku.taken', 'stock.batchNotEnough', 'stock.count.duplicate', 'stock.count.empty',
  'stock.count.negative', 'stock.delta.zero', 'stock.expiry.format', 'stock.notEnough', 'stock.notReserved',
  'stock.qty.positive', 'stock.reason.required', 'stock.transfer.same', 'stock.at.format',
  'settings.errors.deviceNameLong', 'settings.errors.languageUnknown',
];

function lookup(res: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((o, p) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[p] : undefined), res);
}

describe('Go error keys', () => {
  for (const [name, res] of [['zh-CN', zhCN], ['en', en]] as const) {
    it(`are translated in ${name}`, () => {
      expect(goKeys.filter((k) => typeof lookup(res, k) !== 'string')).toEqual([]);
    });
  }

  it('interpolate the params the Go side sends', () => {
    for (const res of [zhCN, en]) {
      expect(lookup(res, 'stock.notEnough')).toMatch(/\{\{onHand\}\}.*\{\{reserved\}\}.*\{\{available\}\}/s);
      expect(lookup(res, 'product.barcode.check')).toMatch(/\{\{expected\}\}/);
      expect(lookup(res, 'errors.badFile')).toMatch(/\{\{file\}\}/);
    }
  });
});
