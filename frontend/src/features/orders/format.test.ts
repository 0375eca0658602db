import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { isShipped, lineName, orderErrorLines, orderErrorText, statusRank } from './format';

describe('order format helpers', () => {
  it('names statuses in error parameters in the UI language', async () => {
    await i18n.changeLanguage('zh-CN');
    const err = JSON.stringify({ code: 'conflict', key: 'order.transition', message: 'x', params: { from: 'cancelled', to: 'shipped' } });
    expect(orderErrorText(i18n.t, err)).toBe('订单状态为 已取消，不能变为 已发货');
    await i18n.changeLanguage('en');
    expect(orderErrorText(i18n.t, err)).toBe('An order that is Cancelled cannot become Shipped');
    await i18n.changeLanguage('zh-CN');
  });

  it('lists every field problem of a rejected save', () => {
    const err = {
      code: 'invalid', message: 'bad',
      details: [
        { code: 'invalid', key: 'order.customer.required', field: 'customerId', message: 'choose' },
        { code: 'invalid', key: 'order.line.qty', field: 'lines[0].qty', message: 'qty', params: { line: 1 } },
      ],
    };
    expect(orderErrorLines(i18n.t, err)).toEqual(['请选择客户', i18n.t('order.line.qty', { line: 1 })]);
  });

  it('knows which statuses have shipped', () => {
    expect(isShipped('shipped')).toBe(true);
    expect(isShipped('completed')).toBe(true);
    expect(isShipped('packed')).toBe(false);
    expect(isShipped('cancelled')).toBe(false);
    expect(statusRank('draft')).toBeLessThan(statusRank('confirmed'));
  });

  it('labels lines by product, else by title', () => {
    expect(lineName({ productName: '精华', sku: 'A1', title: '' })).toBe('精华 · A1');
    expect(lineName({ productName: '', sku: '', title: '限定款口红' })).toBe('限定款口红');
  });
});
