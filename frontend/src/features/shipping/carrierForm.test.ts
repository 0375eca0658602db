import { describe, expect, it } from 'vitest';
import type { CarrierService, ShippingRules } from '../../lib/backend';
import { placeRulesError, placeServiceError, rulesValues, serviceValues, toRules, toService } from './carrierForm';

const service: CarrierService = {
  id: 's1', carrierId: 'c1', name: '国际 EMS', nameEn: 'EMS', tier: 'standard', origin: 'JP', currency: 'JPY',
  volumetricDivisor: 0, maxWeightG: 30000, transitMin: 3, transitMax: 7, insurance: true, signature: true, note: '',
  rates: [
    { id: 'r1', zone: '中国', provinces: '', firstG: 500, firstFee: 1450, extraG: 500, extraFee: 330 },
  ],
};

describe('the service form', () => {
  it('shows fees in major units and the limit in kg, and saves them back in minor units and grams', () => {
    const v = serviceValues(service);
    expect(v.maxWeightKg).toBe(30);
    expect(v.rates[0]).toMatchObject({ firstFee: 1450, extraFee: 330 });
    expect(toService(v, 'c1', 's1')).toEqual(service);
  });
  it('converts fees in a currency with cents', () => {
    const cny = { ...service, currency: 'CNY', rates: [{ ...service.rates[0], firstFee: 2350, extraFee: 805 }] };
    const v = serviceValues(cny);
    expect(v.rates[0]).toMatchObject({ firstFee: 23.5, extraFee: 8.05 });
    v.rates[0].firstFee = 19.9;
    expect(toService(v, 'c1', 's1').rates[0].firstFee).toBe(1990);
  });
  it('sends the whole rate table: a new row has no id, a removed row is not sent', () => {
    const v = serviceValues(service);
    v.rates.push({ id: '', zone: '港澳台', provinces: ' 香港，澳门 ', firstG: 500, firstFee: 2000, extraG: 500, extraFee: 500 });
    v.rates.shift();
    const out = toService(v, 'c1', 's1');
    expect(out.rates).toEqual([{ id: '', zone: '港澳台', provinces: '香港，澳门', firstG: 500, firstFee: 2000, extraG: 500, extraFee: 500 }]);
  });
  it('puts a rate problem on its row', () => {
    expect(placeServiceError(['rates', 2, 'firstG'])).toEqual(['rates', 2, 'firstG']);
    expect(placeServiceError(['rates'])).toEqual(['rates']);
    expect(placeServiceError(['name'])).toEqual(['name']);
    expect(placeServiceError(['other'])).toBeUndefined();
  });
});

describe('the rules form', () => {
  const rules: ShippingRules = {
    homeCountry: 'CN', valuableFrom: 200000, lightUpToG: 500,
    destinations: [{ provinces: '新疆,西藏', serviceId: 's-ems' }],
    sender: { name: '小李', phone: '13800000000', address: '上海市浦东新区' }, slipNote: '谢谢惠顾',
  };
  it('shows the value rule in the base currency and saves it back', () => {
    const v = rulesValues(rules, 'CNY');
    expect(v.valuableFrom).toBe(2000);
    expect(v.senderName).toBe('小李');
    expect(toRules(v, 'CNY')).toEqual(rules);
  });
  it('puts a destination problem on its row', () => {
    expect(placeRulesError(['destinations', 1])).toEqual(['destinations', 1, 'provinces']);
    expect(placeRulesError(['homeCountry'])).toEqual(['homeCountry']);
  });
});
