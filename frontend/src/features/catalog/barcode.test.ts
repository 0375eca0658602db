import { describe, expect, it } from 'vitest';
import { barcodeProblem, checkDigit } from './barcode';

describe('barcode', () => {
  it('accepts valid EAN-13/JAN, UPC-A and EAN-8 codes and empty', () => {
    for (const code of ['4901234567894', '4006381333931', '036000291452', '96385074', '']) {
      expect(barcodeProblem(code), code).toBeUndefined();
    }
  });

  it('computes check digits', () => {
    expect(checkDigit('490123456789')).toBe('4');
    expect(checkDigit('03600029145')).toBe('2');
    expect(checkDigit('9638507')).toBe('4');
  });

  it('names the problem', () => {
    expect(barcodeProblem('4901234567890')).toEqual({
      key: 'product.barcode.check',
      params: { code: '4901234567890', expected: '4' },
    });
    expect(barcodeProblem('12345')?.key).toBe('product.barcode.length');
    expect(barcodeProblem('49012345678A4')?.key).toBe('product.barcode.digits');
  });
});
