import { describe, expect, it } from 'vitest';
import type { Supplier } from '../../../lib/backend';
import { countryCurrency, countryPattern, emptySupplier, toFormValues, toSupplierInput } from './supplierForm';

describe('supplier form', () => {
  it('knows the usual currency of the common countries', () => {
    expect(countryCurrency('JP')).toBe('JPY');
    expect(countryCurrency('fr')).toBe('EUR');
    expect(countryCurrency('HK')).toBe('HKD');
    expect(countryCurrency('ZZ')).toBe('');
  });

  it('accepts two-letter country codes only', () => {
    expect(countryPattern.test('TH')).toBe(true);
    expect(countryPattern.test('th')).toBe(true);
    expect(countryPattern.test('THA')).toBe(false);
    expect(countryPattern.test('T1')).toBe(false);
  });

  it('trims and upper-cases what the backend wants so', () => {
    const input = toSupplierInput({
      ...emptySupplier, name: '  松本清 心斋桥店 ', kind: 'shop', country: 'jp', currency: 'jpy', city: ' 大阪 ', leadDays: null,
      email: ' a@b.jp ', notes: '免税柜台在 2 楼\n',
    });
    expect(input).toEqual({
      name: '松本清 心斋桥店', kind: 'shop', country: 'JP', city: '大阪', currency: 'JPY', contact: '', phone: '', email: 'a@b.jp',
      website: '', address: '', leadDays: 0, notes: '免税柜台在 2 楼\n',
    });
  });

  it('round-trips a stored supplier', () => {
    const s: Supplier = {
      id: 'S1', name: 'Sephora', kind: 'counter', country: 'FR', city: 'Paris', currency: 'EUR', contact: 'Anne', phone: '+33 1',
      email: '', website: 'https://sephora.fr', address: '', leadDays: 7, notes: '', createdAt: '2026-01-01T00:00:00Z', products: 3, lastBuy: '',
    };
    const v = toFormValues(s);
    expect(v.leadDays).toBe(7);
    const { id: _id, createdAt: _c, products: _p, lastBuy: _l, ...rest } = s;
    expect(toSupplierInput(v)).toEqual(rest);
  });

  it('leaves an unknown country and currency empty for the selects', () => {
    const v = toFormValues({ ...toSupplierInput(emptySupplier), id: 'x', createdAt: '', products: 0, lastBuy: '', leadDays: 0 });
    expect(v.country).toBeUndefined();
    expect(v.currency).toBeUndefined();
    expect(v.leadDays).toBe(0);
  });
});
