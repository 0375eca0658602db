import { describe, expect, it } from 'vitest';
import { locationLabel, looksScanned, productLabel } from './lookups';

describe('labels', () => {
  it('names a product by its Chinese name (else the original) and SKU', () => {
    expect(productLabel({ nameZh: '极润保湿化妆水', nameOrig: '肌ラボ', sku: 'HADA-170' })).toBe('极润保湿化妆水 · HADA-170');
    expect(productLabel({ nameZh: '', nameOrig: 'ルルルン', sku: 'LLM-32' })).toBe('ルルルン · LLM-32');
    expect(productLabel({ nameZh: '面膜', nameOrig: '', sku: '' })).toBe('面膜');
  });

  it('puts a location under its zone', () => {
    expect(locationLabel({ zoneName: '国内仓', name: 'A-01' })).toBe('国内仓 / A-01');
    expect(locationLabel({ zoneName: '', name: 'A-01' })).toBe('A-01');
  });
});

describe('looksScanned', () => {
  it('takes 8 to 14 digits as a scanned code', () => {
    expect(looksScanned('4987241145676')).toBe(true);
    expect(looksScanned(' 49872411 ')).toBe(true);
    expect(looksScanned('4987241')).toBe(false);
    expect(looksScanned('HADA-170')).toBe(false);
    expect(looksScanned('498724114567612')).toBe(false);
  });
});
