import { describe, expect, it } from 'vitest';
import zhCN from './zh-CN.json';
import en from './en.json';

function keys(obj: unknown, prefix = ''): string[] {
  if (obj === null || typeof obj !== 'object') return [prefix];
  return Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) =>
    keys(v, prefix ? `${prefix}.${k}` : k),
  );
}

describe('i18n resources', () => {
  it('zh-CN.json and en.json have identical key sets', () => {
    const zh = keys(zhCN).sort();
    const e = keys(en).sort();
    expect(zh.filter((k) => !e.includes(k)), 'keys missing from en.json').toEqual([]);
    expect(e.filter((k) => !zh.includes(k)), 'keys missing from zh-CN.json').toEqual([]);
  });

  it('has no empty translations', () => {
    for (const [name, res] of [['zh-CN', zhCN], ['en', en]] as const) {
      const empty = keys(res).filter((k) => {
        const v = k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], res);
        return typeof v !== 'string' || v.trim() === '';
      });
      expect(empty, `empty strings in ${name}`).toEqual([]);
    }
  });

  it('defines the error codes of the Go side', () => {
    for (const code of ['invalid', 'not_found', 'conflict', 'internal']) {
      expect(zhCN.errors).toHaveProperty(code);
      expect(en.errors).toHaveProperty(code);
    }
  });
});
