import { describe, expect, it } from 'vitest';
import { cleanMapping, fitMapping, headerKey, mappingProblems } from './mapping';

const fields = ['order_no', 'buyer', 'title', 'sku', 'barcode', 'qty'];

describe('headerKey', () => {
  it('compares headers as the importer does', () => {
    expect(headerKey(' Order_No ')).toBe('orderno');
    expect(headerKey('订单 编号')).toBe('订单编号');
    expect(headerKey('ＳＫＵ')).toBe('sku'); // full-width letters from a Chinese keyboard
    expect(headerKey('*qty')).toBe('qty');
  });
});

describe('fitMapping', () => {
  it("keeps the fields whose column the file has, in the file's spelling", () => {
    const preset = { order_no: '订单编号', title: '宝贝标题', unit_price: '宝贝单价', sku: '商家编码' };
    expect(fitMapping(preset, ['订单编号 ', '宝贝标题', '商家编码'])).toEqual({
      order_no: '订单编号 ',
      title: '宝贝标题',
      sku: '商家编码',
    });
    expect(fitMapping(null, ['a'])).toEqual({});
  });
});

describe('mappingProblems', () => {
  it('needs the order number and a product column', () => {
    expect(mappingProblems({ buyer: 'b' }, fields).map((p) => [p.field, p.key])).toEqual([
      ['order_no', 'importing.mapping.orderNoRequired'],
      ['title', 'importing.mapping.productRequired'],
    ]);
    expect(mappingProblems({ order_no: 'no', barcode: 'ean' }, fields)).toEqual([]);
  });

  it('names a column chosen for two fields', () => {
    expect(mappingProblems({ order_no: 'no', title: 'name', sku: 'Name ' }, fields)).toEqual([
      { field: 'sku', key: 'importing.mapping.headerTwice', params: { header: 'Name ', field: 'title' } },
    ]);
  });

  it('ignores fields left empty', () => {
    expect(cleanMapping({ order_no: 'no', title: '', sku: 'sku' })).toEqual({ order_no: 'no', sku: 'sku' });
  });
});
