import { describe, expect, it } from 'vitest';
import type { ParcelInput, QuoteOption } from '../../lib/backend';
import {
  choiceValues, declaredFor, goodsWeight, inputOf, maskId, placeParcelError, quoteInputOf, sameQuote, sentRows, toFormValues,
  toParcelInput,
} from './parcelForm';

const draft: ParcelInput = {
  id: '', origin: '', carrierId: 'c-sf', serviceId: 's-sf', trackingNo: '', leg2Carrier: '', leg2TrackingNo: '',
  weightG: 900, lengthMM: 0, widthMM: 0, heightMM: 0, contents: '化妆水、面霜', declaredValue: 128050, declaredCurrency: 'CNY',
  insured: false, signature: false, freight: 1300, freightCurrency: 'CNY', customerId: 'cu1', shipName: '王小美',
  shipPhone: '13912345678', shipProvince: '上海', shipCity: '上海', shipDistrict: '浦东新区', shipStreet: '世纪大道 100 号',
  shipPostcode: '200120', idNumber: '', note: '',
  items: [{ lineId: 'l1', qty: 2 }, { lineId: 'l2', qty: 1 }],
};

const lines = [
  { lineId: 'l1', qty: 2, weightG: 300, unitPrice: 39850, unitPriceBase: 39850 },
  { lineId: 'l2', qty: 1, weightG: 300, unitPrice: 48350, unitPriceBase: 48350 },
];

describe('the pack form values', () => {
  it('round-trip a parcel through the form (cm and major units in the form)', () => {
    const v = toFormValues({ ...draft, lengthMM: 305, widthMM: 200, heightMM: 100 });
    expect(v.lengthCm).toBe(30.5);
    expect(v.declaredValue).toBe(1280.5);
    expect(v.freight).toBe(13);
    expect(v.origin).toBeUndefined();
    expect(toParcelInput(v)).toEqual({ ...draft, lengthMM: 305, widthMM: 200, heightMM: 100 });
  });
  it('leaves out the lines packed 0 times and trims what was typed', () => {
    const v = toFormValues(draft);
    v.items[0].qty = 0;
    v.trackingNo = ' sf123 ';
    v.origin = 'jp';
    const input = toParcelInput(v, 'p1');
    expect(input.items).toEqual([{ lineId: 'l2', qty: 1 }]);
    expect(input.trackingNo).toBe('sf123');
    expect(input.origin).toBe('JP');
    expect(input.id).toBe('p1');
  });
  it('keeps empty number boxes as 0', () => {
    const v = { ...toFormValues(draft), weightG: null, freight: null, declaredValue: undefined, lengthCm: null };
    const input = toParcelInput(v);
    expect([input.weightG, input.freight, input.declaredValue, input.lengthMM]).toEqual([0, 0, 0, 0]);
  });
  it('saves a saved parcel again unchanged', () => {
    const saved = { ...draft, id: 'p1', origin: 'CN', number: 'PCL-1', status: 'packed' };
    expect(inputOf(saved)).toEqual({ ...draft, id: 'p1', origin: 'CN' });
    expect(toParcelInput(toFormValues(inputOf(saved)), 'p1')).toEqual({ ...draft, id: 'p1', origin: 'CN' });
  });
});

describe('re-quoting', () => {
  it('asks with what the price depends on, in backend units', () => {
    const v = { ...toFormValues(draft), lengthCm: 30, widthCm: 20.5, heightCm: 10, origin: 'jp' };
    expect(quoteInputOf(v)).toEqual({
      origin: 'JP', province: '上海', weightG: 900, lengthMM: 300, widthMM: 205, heightMM: 100, declaredValue: 128050, currency: 'CNY',
    });
  });
  it('asks the draft question again only when something that prices changed', () => {
    const a = quoteInputOf(toFormValues(draft));
    expect(sameQuote(a, quoteInputOf({ ...toFormValues(draft), note: 'fragile', trackingNo: 'SF1' }))).toBe(true);
    expect(sameQuote(a, quoteInputOf({ ...toFormValues(draft), weightG: 1200 }))).toBe(false);
    expect(sameQuote(a, quoteInputOf({ ...toFormValues(draft), shipProvince: '新疆' }))).toBe(false);
    expect(sameQuote(a, quoteInputOf({ ...toFormValues(draft), heightCm: 10 }))).toBe(false);
  });
  it('never asks with negative numbers', () => {
    expect(quoteInputOf({ weightG: -5, declaredValue: -1, declaredCurrency: 'CNY' })).toMatchObject({ weightG: 0, declaredValue: 0 });
  });
});

describe('what follows the quantities', () => {
  it('weighs the goods packed', () => {
    expect(goodsWeight(lines, [{ lineId: 'l1', qty: 2 }, { lineId: 'l2', qty: 1 }])).toBe(900);
    expect(goodsWeight(lines, [{ lineId: 'l1', qty: 1 }, { lineId: 'l2', qty: 0 }])).toBe(300);
    expect(goodsWeight(lines, [{ lineId: 'l1', qty: null }])).toBe(0);
  });
  it('declares the value in base of the goods packed', () => {
    expect(declaredFor(lines, [{ lineId: 'l1', qty: 2 }, { lineId: 'l2', qty: 1 }])).toBe(2 * 39850 + 48350);
    expect(declaredFor(lines, [{ lineId: 'l1', qty: 1 }, { lineId: 'l2', qty: 0 }])).toBe(39850);
    // a line in a foreign currency counts at its base price; one without a rate counts nothing
    const mixed = [
      { lineId: 'l1', qty: 1, weightG: 0, unitPrice: 10000, unitPriceBase: 480 },
      { lineId: 'l2', qty: 1, weightG: 0, unitPrice: 500, unitPriceBase: -1 },
    ];
    expect(declaredFor(mixed, [{ lineId: 'l1', qty: 2 }, { lineId: 'l2', qty: 1 }])).toBe(960);
    expect(declaredFor([], [])).toBe(0);
  });
});

describe('choosing a service', () => {
  const option = {
    carrierId: 'c-dhl', serviceId: 's-dhl', fee: 4500, currency: 'USD', insurance: true, signature: true,
  } as QuoteOption;
  it('fills in its price, and cover when the parcel is valuable', () => {
    expect(choiceValues(option, true)).toEqual({
      carrierId: 'c-dhl', serviceId: 's-dhl', freight: 45, freightCurrency: 'USD', insured: true, signature: true,
    });
    expect(choiceValues(option, false)).toMatchObject({ insured: false, signature: false });
  });
});

describe('backend errors on the form', () => {
  it('puts each problem on its field', () => {
    expect(placeParcelError(['weightG'])).toEqual(['weightG']);
    expect(placeParcelError(['lengthMM'])).toEqual(['lengthCm']);
    expect(placeParcelError(['idNumber'])).toEqual(['idNumber']);
    expect(placeParcelError(['items'])).toBeUndefined();
    expect(placeParcelError(['nonsense'])).toBeUndefined();
  });
  it("finds an item's row in the form when lines packed 0 times were left out", () => {
    const rows = sentRows([{ lineId: 'a', qty: 0 }, { lineId: 'b', qty: 2 }, { lineId: 'c', qty: 0 }, { lineId: 'd', qty: 1 }]);
    expect(rows).toEqual([1, 3]);
    expect(placeParcelError(['items', 1, 'qty'], rows)).toEqual(['items', 3, 'qty']);
    expect(placeParcelError(['items', 0, 'lineId'], rows)).toEqual(['items', 1, 'qty']);
  });
});

describe('maskId', () => {
  it('hides the middle of an ID number', () => {
    expect(maskId('11010519491231002X')).toBe('110105********002X');
    expect(maskId('12345')).toBe('12345');
  });
});
