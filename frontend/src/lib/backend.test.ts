import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { AppError, call, errorText, problemText, toAppError } from './backend';

describe('call', () => {
  it('passes results through', async () => {
    await expect(call(Promise.resolve(42))).resolves.toBe(42);
  });

  it('converts an error object to AppError', async () => {
    const err = await call(Promise.reject({ code: 'invalid', message: 'SKU is required', field: 'sku' })).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toBeInstanceOf(Error);
    expect(err).toMatchObject({ code: 'invalid', message: 'SKU is required', field: 'sku' });
  });

  it('parses a JSON string rejection', async () => {
    const json = JSON.stringify({
      code: 'conflict',
      message: 'SKU exists',
      key: 'catalog.skuTaken',
      params: { sku: 'A-1', count: 2 },
    });
    const err = await call(Promise.reject(json)).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'conflict', message: 'SKU exists', key: 'catalog.skuTaken', params: { sku: 'A-1', count: 2 } });
  });

  it('keeps one error per field when several were found', async () => {
    const err = await call(
      Promise.reject({
        code: 'invalid',
        message: 'sku: SKU is required; price: price may not be negative',
        field: 'sku',
        details: [
          { code: 'invalid', message: 'SKU is required', field: 'sku', key: 'product.sku.required' },
          { code: 'invalid', message: 'price may not be negative', field: 'price', key: 'product.money.negative' },
        ],
      }),
    ).catch((e) => e);
    expect(err.details.map((d: AppError) => [d.field, d.key])).toEqual([
      ['sku', 'product.sku.required'],
      ['price', 'product.money.negative'],
    ]);
  });

  it('keeps every bad row of a refused file', async () => {
    const err = await call(
      Promise.reject({
        code: 'invalid',
        message: 'orders.csv: 2 bad row(s), nothing imported',
        key: 'errors.badFile',
        params: { file: 'orders.csv', count: 2 },
        problems: [
          { line: 3, field: 'qty', message: '"x" is not a quantity', key: 'importing.problem.quantity', params: { value: 'x' } },
          { line: 7, field: 'phone', message: 'not a phone number' },
        ],
      }),
    ).catch((e) => e);
    expect(err.problems).toEqual([
      { line: 3, field: 'qty', message: '"x" is not a quantity', key: 'importing.problem.quantity', params: { value: 'x' } },
      { line: 7, field: 'phone', message: 'not a phone number' },
    ]);
    expect(toAppError({ code: 'invalid', message: 'x' }).problems).toEqual([]);
  });

  it('treats anything else as internal', async () => {
    const plain = await call(Promise.reject('database is locked')).catch((e) => e);
    expect(plain).toMatchObject({ code: 'internal', message: 'database is locked' });
    const native = await call(Promise.reject(new TypeError('x is undefined'))).catch((e) => e);
    expect(native).toMatchObject({ code: 'internal', message: 'x is undefined' });
    const badCode = toAppError({ code: 'teapot', message: 'no' });
    expect(badCode.code).toBe('internal');
    expect(toAppError('{not json').code).toBe('internal');
    expect(toAppError(undefined).code).toBe('internal');
  });
});

const i18n = i18next.createInstance();
void i18n.init({
  lng: 'zh-CN',
  fallbackLng: 'en',
  initImmediate: false,
  resources: {
    en: {
      translation: {
        errors: { invalid: 'Invalid input', internal: 'Internal error', not_found: 'Not found', conflict: 'Conflict' },
        catalog: { skuTaken: 'SKU {{sku}} is already used' },
      },
    },
    'zh-CN': {
      translation: {
        importing: { problem: { quantity: '“{{value}}”不是数量（应为大于 0 的整数）' } },
      },
    },
  },
} as Parameters<typeof i18n.init>[0]);
const t = i18n.t;

describe('errorText', () => {

  it('uses the specific key with params when translated', () => {
    const err = new AppError('conflict', 'SKU exists', { key: 'catalog.skuTaken', params: { sku: 'A-1' } });
    expect(errorText(t, err)).toBe('SKU A-1 is already used');
  });

  it('falls back to the code and the Go message', () => {
    expect(errorText(t, new AppError('invalid', 'price must be ≥ 0', { key: 'catalog.unknownKey' }))).toBe(
      'Invalid input: price must be ≥ 0',
    );
    expect(errorText(t, { code: 'not_found', message: 'product 01H…' })).toBe('Not found: product 01H…');
    expect(errorText(t, new AppError('internal', ''))).toBe('Internal error');
  });
});

describe('problemText', () => {
  it('translates a bad row of a file with its params', () => {
    const p = {
      line: 5,
      field: 'qty',
      message: '"abc" is not a quantity (a whole number above 0)',
      key: 'importing.problem.quantity',
      params: { value: 'abc' },
    };
    expect(problemText(t, p)).toBe('“abc”不是数量（应为大于 0 的整数）');
  });

  it('shows the Go message when there is no key or no translation', () => {
    expect(problemText(t, { line: 2, field: 'sku', message: 'columns 1 and 3 are both sku' })).toBe('columns 1 and 3 are both sku');
    expect(problemText(t, { line: 2, field: 'x', message: 'new problem', key: 'importing.problem.notYetTranslated' })).toBe('new problem');
  });
});
