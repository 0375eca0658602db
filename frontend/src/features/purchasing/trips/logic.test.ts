import { describe, expect, it } from 'vitest';
import type { ListGroup, ListItem, Trip } from '../../../lib/backend';
import {
  buildBuyInput, buyTotal, defaultBuyForm, expiryMissing, filterGroups, formToCostInput, formToTripInput, isRate, itemMatches, itemState,
  matchScan, resolveStore, shopTripId, stillToBuy, stockQtyToEdit, tripRate, unitsToStock, type BuyForm,
} from './logic';

function item(over: Partial<ListItem>): ListItem {
  return {
    productId: 'p', sku: '', name: '', nameOrig: '', brand: '', barcode: '', photo: '', weightG: 0, forOrders: 0, orders: 0,
    forStock: 0, manual: false, stockQty: 0, toStock: 0, shelfLife: false, skipped: false, available: 0, reorderPoint: 0, need: 0, bought: 0, notFound: false, lastPrice: 0,
    lastCurrency: '', note: '', ...over,
  };
}

const lotion = item({ productId: 'a', sku: 'HADA-170', name: '极润保湿化妆水', nameOrig: '肌ラボ 極潤ヒアルロン液', brand: 'Hada Labo', barcode: '4987241145676', need: 3, forOrders: 3, orders: 2 });
const mask = item({ productId: 'b', sku: 'LLM-32', name: '面膜 32 片', nameOrig: 'ルルルン', brand: 'LuLuLun', barcode: '4589596690510', need: 1, notFound: true });
const done = item({ productId: 'c', sku: 'SK2-FTE', name: '神仙水', brand: 'SK-II', need: 0, bought: 2 });
const sunscreen = item({ productId: 'd', sku: 'ANS-60', name: '安耐晒金瓶', nameOrig: 'アネッサ', brand: 'ANESSA', barcode: '4909978113479', need: 2, forStock: 2 });
// a reorder suggestion a person skipped: it stays on the list with nothing to buy
const skipped = item({ productId: 'e', sku: 'CPB-SRM', name: '肌肤之钥精华', brand: 'Clé de Peau', need: 0, skipped: true, available: 1, reorderPoint: 3 });

const groups: ListGroup[] = [
  { supplierId: 's1', store: 'Matsumoto Kiyoshi', city: 'Osaka', items: [skipped, done, mask, lotion] },
  { supplierId: '', store: '', city: '', items: [sunscreen] },
];

const trip: Trip = {
  id: 't1', name: 'Osaka March', country: 'JP', city: 'Osaka', startsOn: '2026-03-01', endsOn: '2026-03-07', buyer: 'Li',
  currency: 'JPY', cardRate: '0.048', cashRate: '0.047', locationId: 'loc', note: '', closed: false, locationName: 'A-01',
  createdAt: '', bought: 0, notFound: 0, spent: 0,
};

describe('matchScan', () => {
  it('finds a scanned barcode exactly, in any group', () => {
    expect(matchScan(groups, '4909978113479')?.item.productId).toBe('d');
    expect(matchScan(groups, ' 4987241145676 ')?.group.supplierId).toBe('s1');
  });

  it('finds a typed SKU whatever its case or width', () => {
    expect(matchScan(groups, 'hada-170')?.item.productId).toBe('a');
    expect(matchScan(groups, 'ＨＡＤＡ－１７０')?.item.productId).toBe('a');
  });

  it('does not match part of a code or an empty scan', () => {
    expect(matchScan(groups, '4987241')).toBeUndefined();
    expect(matchScan(groups, '')).toBeUndefined();
    expect(matchScan(groups, 'HADA')).toBeUndefined();
  });

  it('prefers a barcode over a SKU that happens to be the same text', () => {
    const g: ListGroup[] = [{ supplierId: '', store: '', city: '', items: [item({ productId: 'x', sku: '123456789' }), item({ productId: 'y', barcode: '123456789' })] }];
    expect(matchScan(g, '123456789')?.item.productId).toBe('y');
  });
});

describe('itemMatches / filterGroups', () => {
  it('matches Chinese, original name, brand and SKU, every word', () => {
    expect(itemMatches(lotion, '化妆水')).toBe(true);
    expect(itemMatches(lotion, '極潤')).toBe(true);
    expect(itemMatches(lotion, 'hada labo')).toBe(true);
    expect(itemMatches(lotion, 'labo 170')).toBe(true);
    expect(itemMatches(lotion, 'labo anessa')).toBe(false);
    expect(itemMatches(lotion, '  ')).toBe(true);
  });

  it('keeps the groups with matches and drops the empty ones', () => {
    const out = filterGroups(groups, 'anessa');
    expect(out.map((g) => g.supplierId)).toEqual(['']);
    expect(out[0].items.map((i) => i.productId)).toEqual(['d']);
  });

  it('puts what is still to buy first, then not found, then done, and skipped suggestions last', () => {
    expect(filterGroups(groups, '')[0].items.map((i) => i.productId)).toEqual(['a', 'b', 'c', 'e']);
  });

  it('shows only what is still to buy when asked (no skipped suggestion)', () => {
    const out = filterGroups(groups, '', true);
    expect(out.flatMap((g) => g.items.map((i) => i.productId))).toEqual(['a', 'd']);
    expect(filterGroups([{ supplierId: '', store: '', city: '', items: [skipped] }], '', true)).toEqual([]);
  });

  it('counts the units still to buy (not-found items and skipped suggestions are not)', () => {
    expect(stillToBuy(groups)).toBe(5);
  });
});

describe('itemState', () => {
  it('tells open, not found, done and skipped apart', () => {
    expect(itemState(lotion)).toBe('open');
    expect(itemState(mask)).toBe('notFound');
    expect(itemState(done)).toBe('done');
    expect(itemState(skipped)).toBe('skipped');
  });

  it('keeps a skipped suggestion open while customers still wait for the product', () => {
    expect(itemState(item({ skipped: true, forOrders: 2, need: 2 }))).toBe('open');
  });

  it('calls a skipped suggestion done once the trip bought some (for the pre-orders)', () => {
    expect(itemState(item({ skipped: true, forOrders: 0, need: 0, bought: 2 }))).toBe('done');
  });
});

describe('quantity for stock', () => {
  it("starts from the person's own quantity, not what is left of it", () => {
    expect(stockQtyToEdit(item({ manual: true, stockQty: 10, toStock: 4, forStock: 6 }))).toBe(10);
    expect(stockQtyToEdit(item({ manual: true, stockQty: 5, toStock: 5, forStock: 0 }))).toBe(5);
  });

  it('starts from the reorder suggestion, or from nothing', () => {
    expect(stockQtyToEdit(item({ forStock: 6 }))).toBe(6);
    expect(stockQtyToEdit(skipped)).toBeNull();
  });

  it('puts into stock what the pre-orders do not take', () => {
    expect(unitsToStock(item({ forOrders: 3 }), 3)).toBe(0);
    expect(unitsToStock(item({ forOrders: 3 }), 5)).toBe(2);
    expect(unitsToStock(item({ forOrders: 0 }), 4)).toBe(4);
  });

  it('wants an expiry date for stock of a product that expires, while the batch switch is on', () => {
    const cream = item({ shelfLife: true, forOrders: 1 });
    expect(expiryMissing(cream, { qty: 3, expiry: '' }, true)).toBe(true);
    expect(expiryMissing(cream, { qty: 3, expiry: '2028-03-31' }, true)).toBe(false);
    expect(expiryMissing(cream, { qty: 3, expiry: '' }, false)).toBe(false);
    expect(expiryMissing(cream, { qty: 1, expiry: '' }, true)).toBe(false); // all for the pre-order
    expect(expiryMissing(item({ shelfLife: false }), { qty: 3, expiry: '' }, true)).toBe(false);
  });
});

describe('rates', () => {
  it('accepts positive decimals only', () => {
    expect(isRate('0.048')).toBe(true);
    expect(isRate('7')).toBe(true);
    expect(isRate('0')).toBe(false);
    expect(isRate('-1')).toBe(false);
    expect(isRate('1,5')).toBe(false);
    expect(isRate('')).toBe(false);
  });

  it('takes the trip rate of the way of paying, else the other one', () => {
    expect(tripRate(trip, 'card')).toBe('0.048');
    expect(tripRate(trip, 'cash')).toBe('0.047');
    expect(tripRate({ cardRate: '', cashRate: '0.05' }, 'card')).toBe('0.05');
    expect(tripRate({ cardRate: '0.05', cashRate: '' }, 'cash')).toBe('0.05');
  });
});

describe('the bought sheet', () => {
  it('starts at the quantity still to buy and the last price in the trip currency', () => {
    const f = defaultBuyForm(trip, { need: 3, lastPrice: 1280, lastCurrency: 'JPY' }, 'Matsumoto Kiyoshi');
    expect(f).toMatchObject({ qty: 3, unitPrice: 1280, paidWith: 'card', rate: '0.048', store: 'Matsumoto Kiyoshi' });
  });

  it('leaves the price empty when the last one was paid in another currency, and buys at least 1', () => {
    const f = defaultBuyForm(trip, { need: 0, lastPrice: 9900, lastCurrency: 'CNY' });
    expect(f.qty).toBe(1);
    expect(f.unitPrice).toBeNull();
  });

  it('pays cash when the trip only has a cash rate; converts a CNY last price to yuan', () => {
    const f = defaultBuyForm({ currency: 'CNY', cardRate: '', cashRate: '1' }, { need: 2, lastPrice: 12345, lastCurrency: 'CNY' });
    expect(f.paidWith).toBe('cash');
    expect(f.unitPrice).toBe(123.45);
  });

  const form = (over: Partial<BuyForm>): BuyForm => ({ ...defaultBuyForm(trip, { need: 3, lastPrice: 0, lastCurrency: '' }), ...over });

  it('builds the BuyInput in minor units, leaving the rate to the backend when it is the trip one', () => {
    const input = buildBuyInput(trip, 'a', form({ unitPrice: 1280, discount: 100, store: 'matsumoto kiyoshi', taxFree: true, note: ' gift ' }),
      [{ id: 's1', name: 'Matsumoto Kiyoshi' }]);
    expect(input).toEqual({
      tripId: 't1', productId: 'a', forProductId: '', qty: 3, unitPrice: 1280, discount: 100, currency: 'JPY', paidWith: 'card',
      rate: '', supplierId: 's1', store: '', taxFree: true, receipt: '', batchCode: '', expiry: '', note: 'gift', at: '',
    });
  });

  it('sends a rate the buyer changed, and a store not in the supplier list as text', () => {
    const input = buildBuyInput(trip, 'a', form({ unitPrice: 500, paidWith: 'cash', rate: '0.0465', store: 'Don Quijote Namba ' }), []);
    expect(input).toMatchObject({ paidWith: 'cash', rate: '0.0465', supplierId: '', store: 'Don Quijote Namba' });
    expect(buildBuyInput(trip, 'a', form({ paidWith: 'cash', rate: '0.047' }), []).rate).toBe('');
  });

  it('sends the batch and expiry of goods for stock', () => {
    expect(buildBuyInput(trip, 'a', form({ batchCode: ' L2603 ', expiry: '2028-03-31' }), [])).toMatchObject({ batchCode: 'L2603', expiry: '2028-03-31' });
  });

  it('buys a substitute as itself, for the product on the list', () => {
    const input = buildBuyInput(trip, 'a', form({ substituteId: 'z' }), []);
    expect(input.productId).toBe('z');
    expect(input.forProductId).toBe('a');
    expect(buildBuyInput(trip, 'a', form({ substituteId: 'a' }), []).forProductId).toBe('');
  });

  it('totals quantity × price less the discount, never below 0', () => {
    expect(buyTotal({ qty: 3, unitPrice: 1280, discount: 100 }, 'JPY')).toBe(3740);
    expect(buyTotal({ qty: 2, unitPrice: 19.99, discount: null }, 'CNY')).toBe(3998);
    expect(buyTotal({ qty: 1, unitPrice: 10, discount: 50 }, 'JPY')).toBe(0);
  });

  it('resolves a typed store to a supplier by name', () => {
    expect(resolveStore('  ', [])).toEqual({ supplierId: '', store: '' });
    expect(resolveStore('ＬＯＦＴ', [{ id: 'l', name: 'Loft' }])).toEqual({ supplierId: 'l', store: '' });
  });
});

describe('forms', () => {
  it('trims and upper-cases the trip form', () => {
    expect(formToTripInput({ name: ' Osaka ', country: 'jp', city: ' Osaka', startsOn: '2026-03-01', endsOn: '', buyer: 'Li ',
      currency: 'jpy', cardRate: ' 0.048', cashRate: '', locationId: undefined, note: '' })).toEqual({
      name: 'Osaka', country: 'JP', city: 'Osaka', startsOn: '2026-03-01', endsOn: '', buyer: 'Li', currency: 'JPY',
      cardRate: '0.048', cashRate: '', locationId: '', note: '',
    });
  });

  it('sends an extra cost with its spread and no refund fields', () => {
    const c = formToCostInput('t1', { kind: 'luggage', amount: 5000, currency: 'JPY', rate: '0.048', spread: 'weight', store: 'x',
      status: 'received', amountReceived: 10, note: '', at: '2026-03-07' }, []);
    expect(c).toMatchObject({ ownerId: 't1', kind: 'luggage', amount: 5000, spread: 'weight', status: '', amountReceived: 0, store: '', supplierId: '' });
  });

  it('sends a tax refund with its status, store and the amount received only once received', () => {
    const sup = [{ id: 's1', name: 'Bic Camera' }];
    const claimed = formToCostInput('t1', { kind: 'tax_refund', amount: 800, currency: 'JPY', rate: '', spread: 'value', store: 'Bic Camera',
      status: 'claimed', amountReceived: 700, note: '', at: '' }, sup);
    expect(claimed).toMatchObject({ spread: '', status: 'claimed', amountReceived: 0, supplierId: 's1', store: '' });
    const received = formToCostInput('t1', { ...claimed, amount: 800, status: 'received', amountReceived: 700, store: 'Bic Camera' }, sup);
    expect(received).toMatchObject({ status: 'received', amountReceived: 700 });
  });
});

describe('shopTripId', () => {
  it('reads the trip of a shop screen path', () => {
    expect(shopTripId('/purchasing/trips/01HX/shop')).toBe('01HX');
    expect(shopTripId('/purchasing/trips/01HX')).toBeUndefined();
    expect(shopTripId('/purchasing/trips/shop')).toBeUndefined();
  });
});
