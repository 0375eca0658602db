import { describe, expect, it } from 'vitest';
import { formatMoney, fromMinor, toMinor } from './money';

describe('money', () => {
  it('converts decimals to minor units by currency precision', () => {
    expect(toMinor(1280.5, 'CNY')).toBe(128050);
    expect(toMinor(1280, 'JPY')).toBe(1280);
    expect(toMinor(19.99, 'USD')).toBe(1999); // no float drift
    expect(toMinor(0.29, 'EUR')).toBe(29);
    expect(toMinor(null, 'CNY')).toBe(0);
  });

  it('converts minor units back', () => {
    expect(fromMinor(128050, 'CNY')).toBe(1280.5);
    expect(fromMinor(1280, 'KRW')).toBe(1280);
  });

  it('formats with the currency and its decimals', () => {
    expect(formatMoney(128050, 'CNY', 'en')).toBe('CN¥1,280.50');
    expect(formatMoney(1280, 'JPY', 'en')).toBe('¥1,280');
    expect(formatMoney(0, '', 'en')).toBe('');
  });
});
