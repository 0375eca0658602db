import { describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { fieldPath, splitErrors, topLevel } from './formErrors';

describe('fieldPath', () => {
  it('turns backend field names into form name paths', () => {
    expect(fieldPath('name')).toEqual(['name']);
    expect(fieldPath('lines[2].qty')).toEqual(['lines', 2, 'qty']);
    expect(fieldPath('lines[0]')).toEqual(['lines', 0]);
    expect(fieldPath('lines[10].productId')).toEqual(['lines', 10, 'productId']);
    expect(fieldPath('a.b')).toEqual(['a', 'b']);
    expect(fieldPath('')).toEqual([]);
    expect(fieldPath(undefined)).toEqual([]);
  });
});

describe('splitErrors', () => {
  const t = i18n.t.bind(i18n);

  it('puts each detail on its field and keeps the rest for a message', async () => {
    await i18n.changeLanguage('zh-CN');
    const err = {
      code: 'invalid',
      message: 'bad',
      details: [
        { code: 'invalid', field: 'name', key: 'form.required', message: 'name is required', params: { field: 'name' } },
        { code: 'invalid', field: 'country', key: 'supplier.country.format', message: 'two letters' },
        { code: 'invalid', field: 'secret', key: 'form.required', message: 'x' },
      ],
    };
    const { fields, rest } = splitErrors(t, err, topLevel(['name', 'country']));
    expect(fields).toEqual([
      { name: ['name'], errors: ['此项为必填项'] },
      { name: ['country'], errors: ['国家请用两位字母代码，如 JP'] },
    ]);
    expect(rest).toEqual(['此项为必填项']);
  });

  it('takes a single error with a field like one detail', () => {
    const err = JSON.stringify({ code: 'conflict', field: 'lines[1].qty', key: 'purchase.receive.tooMany', message: 'm', params: { line: 2, outstanding: 3 } });
    const { fields, rest } = splitErrors(t, err, (p) => p);
    expect(fields).toEqual([{ name: ['lines', 1, 'qty'], errors: ['第 2 行：只剩 3 件未到'] }]);
    expect(rest).toEqual([]);
  });

  it('leaves an error without a field, or an unknown one, for a message', () => {
    const { fields, rest } = splitErrors(t, { code: 'internal', message: 'disk full' }, (p) => p);
    expect(fields).toEqual([]);
    expect(rest).toEqual(['内部错误: disk full']);
  });

  it('joins several problems on one field', () => {
    const err = {
      code: 'invalid', message: '',
      details: [
        { code: 'invalid', field: 'lines[0].qty', key: 'purchase.qty.positive', message: '' },
        { code: 'invalid', field: 'lines[0]', key: 'form.required', message: '' },
      ],
    };
    const { fields } = splitErrors(t, err, () => ['lines', 0, 'qty']);
    expect(fields).toEqual([{ name: ['lines', 0, 'qty'], errors: ['数量必须大于 0', '此项为必填项'] }]);
  });
});
