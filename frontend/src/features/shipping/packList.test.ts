import { describe, expect, it } from 'vitest';
import { formatDay, isOverdue, matchesSearch, recipientKey, shortDay, shortTime } from './packList';

const order = { number: 'SO-JP1-0042', customer: '王小美', shipName: '王小美', province: '上海', city: '上海' };

describe('the pack list', () => {
  it('finds a row by every word typed', () => {
    expect(matchesSearch(order, '')).toBe(true);
    expect(matchesSearch(order, 'so-jp1')).toBe(true);
    expect(matchesSearch(order, '王小美 上海')).toBe(true);
    expect(matchesSearch(order, '王小美 北京')).toBe(false);
  });
  it('groups orders to the same person at the same place', () => {
    expect(recipientKey(order)).toBe(recipientKey({ ...order, customer: '别人' }));
    expect(recipientKey(order)).not.toBe(recipientKey({ ...order, city: '浦东' }));
    expect(recipientKey({ ...order, shipName: '' })).toBe('王小美|上海|上海');
    expect(recipientKey({ ...order, shipName: '', customer: '' })).toBe('');
  });
  it('shows days and knows what is overdue', () => {
    expect(formatDay('2026-03-01')).toBe('2026-03-01');
    expect(formatDay('')).toBe('—');
    expect(isOverdue('2026-03-01', '2026-03-02')).toBe(true);
    expect(isOverdue('2026-03-02', '2026-03-02')).toBe(false);
    expect(isOverdue('', '2026-03-02')).toBe(false);
  });
  it('shortens times of this year', () => {
    const now = new Date(2026, 5, 1);
    const t = new Date(2026, 2, 1, 14, 30).toISOString();
    expect(shortDay(t, now)).toBe('03-01');
    expect(shortTime(t, now)).toBe('03-01 14:30');
    const old = new Date(2025, 11, 31, 9, 0).toISOString();
    expect(shortDay(old, now)).toBe('25-12-31');
    expect(shortTime(old, now)).toBe('2025-12-31');
    expect(shortDay('', now)).toBe('');
  });
});
