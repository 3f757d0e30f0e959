import { describe, expect, it } from 'vitest';
import type { LineTrendPoint, Stats, Tier, TierCell } from '../../api/types';
import { percentTrendOption, supportTrendOption, tierAt, tierOption } from './charts';

function cell(count: number): TierCell {
  return { count, mean: null, customers: [], mom: { count: null, mean: null }, yoy: { count: null, mean: null } };
}

function stats(percent: number | null, supporters: number, opposers: number): Stats {
  return {
    n: 10, known: 8, unknown: 2, strong_support: 0, support: supporters, neutral: 0, oppose: opposers, strong_oppose: 0,
    supporters, opposers, mean: percent === null ? null : percent / 100, percent, tier: null,
  };
}

function point(month: string, closeness: number | null, supporters: number, opposers: number): LineTrendPoint {
  return {
    month, as_of: `${month}-28`, customers: 3,
    degrees: { closeness: stats(closeness, supporters, opposers), solution: stats(10, 1, 1), price: stats(null, 0, 0) },
  };
}

describe('tier chart', () => {
  it('has one bar per tier in order, with counts', () => {
    const cells = { excellent: cell(2), good: cell(7), fair: cell(4), poor: cell(0) } as Record<Tier, TierCell>;
    const option = tierOption(cells, (tier) => tier.toUpperCase(), 'n');
    expect((option.xAxis as { data: string[] }).data).toEqual(['EXCELLENT', 'GOOD', 'FAIR', 'POOR']);
    const series = (option.series as { data: { value: number }[] }[])[0];
    expect(series.data.map((d) => d.value)).toEqual([2, 7, 4, 0]);
  });
  it('maps a clicked bar to its tier', () => {
    expect(tierAt(0)).toBe('excellent');
    expect(tierAt(3)).toBe('poor');
    expect(tierAt(4)).toBeNull();
    expect(tierAt(undefined)).toBeNull();
  });
});

describe('trend charts', () => {
  const points = [point('2026-10', -8.2, 5, 3), point('2026-11', null, 6, 0)];
  it('draws the percent of each degree with gaps for unknown', () => {
    const option = percentTrendOption(points, ['closeness', 'price'], (d) => d);
    expect((option.xAxis as { data: string[] }).data).toEqual(['2026-10', '2026-11']);
    const series = option.series as { name: string; data: (number | null)[] }[];
    expect(series.map((s) => s.name)).toEqual(['closeness', 'price']);
    expect(series[0].data).toEqual([-8.2, null]);
    expect(series[1].data).toEqual([null, null]);
  });
  it('draws supporters up and opposers down', () => {
    const option = supportTrendOption(points, 'closeness', { supporters: 'S', opposers: 'O' });
    const series = option.series as { name: string; data: number[] }[];
    expect(series[0].data).toEqual([5, 6]);
    expect(series[1].data).toEqual([-3, 0]);
  });
});
