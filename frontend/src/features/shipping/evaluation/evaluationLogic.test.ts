import { describe, expect, it } from 'vitest';
import { bubbleSize, lastDays, percentText, scatterPoints, type ServiceStats } from './evaluationLogic';

const stats = (o: Partial<ServiceStats>): ServiceStats =>
  ({
    carrierId: 'c', carrier: '顺丰速运', carrierEn: 'SF Express', serviceId: 's', service: '顺丰标快', serviceEn: 'SF Standard',
    tier: 'standard', transitMin: 2, transitMax: 4, parcels: 10, delivered: 8, onTime: 7, onTimeRate: 0.875, avgDays: 3.2,
    p90Days: 4.5, problems: 1, problemRate: 0.1, lost: 0, damaged: 0, stillLate: 0, currency: 'CNY', freightBase: 50000,
    chargeableKg: 12.5, costPerKg: 4000,
    ...o,
  }) as ServiceStats;

describe('scatterPoints', () => {
  it('maps services to days, cost per kg in yuan and parcels, named in the UI language', () => {
    const { points, left } = scatterPoints([stats({})], 'zh-CN');
    expect(left).toBe(0);
    expect(points).toEqual([{ name: '顺丰速运 · 顺丰标快', tier: 'standard', days: 3.2, costPerKg: 40, parcels: 10 }]);
    expect(scatterPoints([stats({})], 'en').points[0].name).toBe('SF Express · SF Standard');
  });

  it('leaves out services without deliveries or without a cost, and counts them', () => {
    const { points, left } = scatterPoints(
      [stats({ delivered: 0, avgDays: 0 }), stats({ costPerKg: 0 }), stats({ serviceId: 'e', avgDays: 6 })],
      'zh-CN',
    );
    expect(points.map((p) => p.days)).toEqual([6]);
    expect(left).toBe(2);
  });

  it('keeps minor units per currency (JPY has none)', () => {
    expect(scatterPoints([stats({ currency: 'JPY', costPerKg: 1800 })], 'zh-CN').points[0].costPerKg).toBe(1800);
  });

  it('names parcels without a carrier', () => {
    const s = stats({ carrier: '', carrierEn: '', service: '', serviceEn: '' });
    expect(scatterPoints([s], 'zh-CN', '未选承运商').points[0].name).toBe('未选承运商');
  });
});

describe('bubbleSize', () => {
  it('grows with the square root of parcels between 12 and 56 px', () => {
    expect(bubbleSize(100, 100)).toBe(56);
    expect(bubbleSize(25, 100)).toBe(34);
    expect(bubbleSize(0, 100)).toBe(12);
    expect(bubbleSize(5, 0)).toBe(12);
    expect(bubbleSize(200, 100)).toBe(56);
  });
});

describe('lastDays', () => {
  it('is the local dates from n days ago to today', () => {
    expect(lastDays(90, new Date(2026, 2, 31, 15, 0))).toEqual(['2025-12-31', '2026-03-31']);
  });
});

describe('percentText', () => {
  it('one decimal, a dash when there is nothing to rate', () => {
    expect(percentText(0.875, 8)).toBe('87.5%');
    expect(percentText(1, 3)).toBe('100.0%');
    expect(percentText(0, 0)).toBe('—');
  });
});
