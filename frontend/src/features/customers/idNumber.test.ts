import { describe, expect, it } from 'vitest';
import { checkIdNumber } from './idNumber';

describe('checkIdNumber', () => {
  const now = new Date('2026-05-01T00:00:00Z');
  it.each([
    ['11010519491231002X', '1949-12-31'],
    ['11010519491231002x', '1949-12-31'],
    ['4403 0419 9001 0112 33', '1990-01-01'],
    ['110101200002290034', '2000-02-29'],
  ])('accepts %s', (id, birth) => {
    expect(checkIdNumber(id, now)).toEqual({ ok: true, birthDate: birth });
  });
  it.each([
    ['440304199001011234', 'checksum'],
    ['44030419900101123X', 'checksum'],
    ['44030419900101123', 'format'],
    ['4403041990O1011233', 'format'],
    ['110101200102290030', 'birthDate'],
    ['110101203001010030', 'birthDate'],
  ])('rejects %s (%s)', (id, problem) => {
    expect(checkIdNumber(id, now)).toEqual({ ok: false, problem });
  });
});
