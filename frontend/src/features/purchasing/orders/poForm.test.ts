import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import type { PODetail } from '../../../lib/backend';
import {
  costValues, formTotal, fromPODetail, newPOValues, outstanding, placePOError, placeReceiveError, receiveValues, toCostInput,
  toPOInput, toReceiveInput, validRate,
} from './poForm';

const detail: PODetail = {
  id: 'PO1', number: 'PO-A-0001', supplierId: 'S1', supplierName: 'Matsukiyo', currency: 'JPY', rate: '0.048', orderedAt: '2026-03-01',
  expectedAt: '2026-03-10', locationId: 'L1', note: 'n', status: 'partial', total: 5400, ordered: 5, received: 2,
  baseCurrency: 'CNY', goodsBase: 25920, extrasBase: 0, landedBase: 25920, costs: [], receipts: [],
  lines: [
    { id: 'A', productId: 'P1', productName: '洗面奶', sku: 'FC-1', qty: 2, unitPrice: 1200, received: 2, landedUnit: 5760 },
    { id: 'B', productId: 'P2', productName: '面膜', sku: 'MK-2', qty: 3, unitPrice: 1000, received: 0, landedUnit: 4800 },
  ],
};

describe('purchase order form', () => {
  it('starts with today and one empty line', () => {
    const v = newPOValues(dayjs('2026-03-05'));
    expect(v.orderedAt?.format('YYYY-MM-DD')).toBe('2026-03-05');
    expect(v.lines).toHaveLength(1);
    expect(toPOInput(v)).toEqual({
      supplierId: '', currency: '', rate: '', orderedAt: '2026-03-05', expectedAt: '', locationId: '', note: '',
      lines: [{ id: '', productId: '', qty: 1, unitPrice: 0 }],
    });
  });

  it('sends prices as minor units of the order currency', () => {
    const v = { ...newPOValues(dayjs('2026-03-05')), supplierId: 'S1', currency: 'cny', rate: ' ', note: ' 急 ' };
    v.lines = [
      { productId: 'P1', qty: 3, unitPrice: 12.5 },
      { id: 'B', productId: 'P2', qty: 1, unitPrice: 0.29 },
    ];
    const input = toPOInput(v);
    expect(input.currency).toBe('CNY');
    expect(input.rate).toBe('');
    expect(input.note).toBe('急');
    expect(input.lines).toEqual([
      { id: '', productId: 'P1', qty: 3, unitPrice: 1250 },
      { id: 'B', productId: 'P2', qty: 1, unitPrice: 29 },
    ]);
    expect(formTotal(v.lines, 'CNY')).toBe(3 * 1250 + 29);
  });

  it('round-trips a stored order (JPY has no decimals)', () => {
    const v = fromPODetail(detail);
    expect(v.lines[0]).toEqual({ id: 'A', productId: 'P1', label: '洗面奶 · FC-1', qty: 2, unitPrice: 1200 });
    expect(toPOInput(v)).toEqual({
      supplierId: 'S1', currency: 'JPY', rate: '0.048', orderedAt: '2026-03-01', expectedAt: '2026-03-10', locationId: 'L1', note: 'n',
      lines: [
        { id: 'A', productId: 'P1', qty: 2, unitPrice: 1200 },
        { id: 'B', productId: 'P2', qty: 3, unitPrice: 1000 },
      ],
    });
  });

  it('places server errors on the field or line they name', () => {
    expect(placePOError(['supplierId'])).toEqual(['supplierId']);
    expect(placePOError(['lines', 2, 'qty'])).toEqual(['lines', 2, 'qty']);
    expect(placePOError(['lines', 1, 'unitPrice'])).toEqual(['lines', 1, 'unitPrice']);
    expect(placePOError(['lines', 0])).toEqual(['lines', 0, 'productId']);
    expect(placePOError(['lines'])).toBeUndefined(); // "add at least one line": a message
    expect(placePOError(['number'])).toBeUndefined();
  });

  it('accepts rates the backend accepts', () => {
    expect(validRate('0.048')).toBe(true);
    expect(validRate('7')).toBe(true);
    expect(validRate('.5')).toBe(true);
    expect(validRate('0')).toBe(false);
    expect(validRate('-1')).toBe(false);
    expect(validRate('1/20')).toBe(false);
    expect(validRate('1e-2')).toBe(false);
  });
});

describe('receiving', () => {
  it('offers the lines still to come, all of each, at the order location', () => {
    const lines = receiveValues(detail);
    expect(lines).toEqual([
      { lineId: 'B', label: '面膜 · MK-2', outstanding: 3, qty: 3, locationId: 'L1', batchCode: '', expiry: null },
    ]);
  });

  it("falls back to the team's only location when the order has none", () => {
    expect(receiveValues({ ...detail, locationId: '' }, 'L9')[0].locationId).toBe('L9');
    expect(receiveValues(detail, 'L9')[0].locationId).toBe('L1');
    expect(receiveValues({ ...detail, locationId: '' })[0].locationId).toBeUndefined();
  });

  it('never shows a negative quantity to come', () => {
    expect(outstanding({ qty: 2, received: 3 })).toBe(0);
  });

  it('sends every line in form order so error indexes match', () => {
    const input = toReceiveInput('PO1', [
      { lineId: 'B', label: '', outstanding: 3, qty: 2, locationId: 'L2', batchCode: ' B7 ', expiry: dayjs('2027-01-31') },
      { lineId: 'C', label: '', outstanding: 1, qty: 0, locationId: 'L1', batchCode: 'x', expiry: dayjs('2027-01-31') },
      { lineId: 'D', label: '', outstanding: 1, qty: null, locationId: undefined, batchCode: '', expiry: null },
    ], ' 第一箱 ');
    expect(input).toEqual({
      poId: 'PO1', at: '', note: '第一箱',
      lines: [
        { lineId: 'B', qty: 2, locationId: 'L2', batchCode: 'B7', expiry: '2027-01-31' },
        { lineId: 'C', qty: 0, locationId: '', batchCode: '', expiry: '' },
        { lineId: 'D', qty: 0, locationId: '', batchCode: '', expiry: '' },
      ],
    });
  });

  it('places receiving errors on their line', () => {
    expect(placeReceiveError(['lines', 1, 'qty'])).toEqual(['lines', 1, 'qty']);
    expect(placeReceiveError(['lines', 0, 'locationId'])).toEqual(['lines', 0, 'locationId']);
    expect(placeReceiveError(['lines', 2, 'expiry'])).toEqual(['lines', 2, 'expiry']);
    expect(placeReceiveError(['lines', 3])).toEqual(['lines', 3, 'qty']);
    expect(placeReceiveError(['lines', 3, 'lineId'])).toEqual(['lines', 3, 'qty']);
    expect(placeReceiveError(['lines'])).toBeUndefined();
    expect(placeReceiveError(['at'])).toBeUndefined();
  });
});

describe('extra costs', () => {
  it('starts a new cost in the order currency, spread by value, dated today', () => {
    const v = costValues(undefined, 'JPY', dayjs('2026-03-05'));
    expect(v).toMatchObject({ kind: 'forwarder', currency: 'JPY', rate: '', spread: 'value', amount: null });
    expect(toCostInput('PO1', { ...v, amount: 3500 })).toEqual({
      ownerId: 'PO1', kind: 'forwarder', amount: 3500, currency: 'JPY', rate: '', spread: 'value', supplierId: '', store: '',
      status: '', amountReceived: 0, note: '', at: '2026-03-05',
    });
  });

  it('round-trips a stored cost', () => {
    const stored = {
      id: 'C1', ownerId: 'PO1', kind: 'duty', amount: 12050, currency: 'CNY', rate: '1', spread: 'weight', supplierId: '', store: '',
      status: '', amountReceived: 0, note: '海关', at: '2026-03-09', base: 12050,
    };
    const v = costValues(stored, 'JPY');
    expect(v.amount).toBe(120.5);
    const { id: _id, base: _b, ...input } = stored;
    expect(toCostInput('PO1', v)).toEqual(input);
  });
});
