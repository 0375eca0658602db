// Carrier evaluation, the parts without React: the default period and the points of the
// "cost against speed" chart.
import { fromMinor } from '../../../lib/money';
import { carrierService } from '../format';
import type { shipping } from '../../../../wailsjs/go/models';

export type ServiceStats = shipping.ServiceStats;

const pad = (n: number) => String(n).padStart(2, '0');
const day = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** The last `days` days up to today (local dates, both included), as YYYY-MM-DD. */
export function lastDays(days: number, now: Date = new Date()): [string, string] {
  const from = new Date(now.getFullYear(), now.getMonth(), now.getDate() - days);
  return [day(from), day(now)];
}

export interface ScatterPoint {
  /** "顺丰速运 · 顺丰标快" in the UI language */
  name: string;
  tier: string;
  /** average transit days */
  days: number;
  /** cost per chargeable kg, in the base currency's major unit (yuan) */
  costPerKg: number;
  parcels: number;
}

/**
 * The services that can be placed on the chart: those with delivered parcels (an average
 * transit time) and a cost per kg (freight and weight known). The others are counted in left
 * so the chart can say why they are missing. unnamed names parcels saved without a carrier.
 */
export function scatterPoints(
  stats: readonly ServiceStats[],
  language: string,
  unnamed = '—',
): { points: ScatterPoint[]; left: number } {
  const points: ScatterPoint[] = [];
  let left = 0;
  for (const s of stats) {
    if (s.delivered <= 0 || s.avgDays <= 0 || s.costPerKg <= 0) {
      left++;
      continue;
    }
    points.push({
      name: carrierService(s, language) || unnamed,
      tier: s.tier,
      days: s.avgDays,
      costPerKg: fromMinor(s.costPerKg, s.currency),
      parcels: s.parcels,
    });
  }
  return { points, left };
}

/** A bubble's diameter in pixels: its area grows with the parcels it stands for, from 12 px
 * for the fewest to 56 px for the most. */
export function bubbleSize(parcels: number, maxParcels: number): number {
  const min = 12;
  const max = 56;
  if (maxParcels <= 0 || parcels <= 0) return min;
  return Math.round(min + (max - min) * Math.sqrt(Math.min(parcels, maxParcels) / maxParcels));
}

/** 0.9234 → "92.3%"; '—' when there is nothing to rate (no deliveries). */
export function percentText(rate: number, of: number): string {
  if (of <= 0) return '—';
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}
