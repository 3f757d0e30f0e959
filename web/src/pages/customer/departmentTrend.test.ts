import { describe, expect, it } from 'vitest';
import type { DepartmentTrend } from '../../api/departmentTrend';
import type { LineTrendPoint, Stats } from '../../api/types';
import { centreList } from './CentresCard';
import { departmentSeries, departmentTrendOption, monthTooltip, type TrendWords } from './departmentTrend';

function stats(mean: number | null): Stats {
  return {
    n: 2, known: mean === null ? 0 : 2, unknown: mean === null ? 2 : 0, strong_support: 0, support: 0, neutral: 0, oppose: 0,
    strong_oppose: 0, supporters: 0, opposers: 0, mean, percent: mean === null ? null : Math.round(mean * 1000) / 10, tier: null,
  };
}

function point(month: string, keyPersons: number, closeness: number | null, price: number | null = null): LineTrendPoint {
  return { month, as_of: `${month}-28`, key_persons: keyPersons, degrees: { closeness: stats(closeness), solution: stats(null), price: stats(price) } };
}

// Three months; 采购部 was made in the second month (its first month has no key persons and null means), and
// two departments are called 综合科 under different parents.
const trend: DepartmentTrend = {
  customer: 'c1', as_of: '2026-03-15', toward: 'ours',
  departments: [
    { department: 'd-it', name: '信息中心', parent: null, points: [point('2026-01', 3, 0.5, -1), point('2026-02', 3, 0.667), point('2026-03', 4, 0.25)] },
    { department: 'd-buy', name: '采购部', parent: null, points: [point('2026-01', 0, null), point('2026-02', 1, -1), point('2026-03', 2, -0.5)] },
    { department: 'd-gen1', name: '综合科', parent: 'd-it', points: [point('2026-01', 1, 1), point('2026-02', 1, 1), point('2026-03', 1, 1)] },
    { department: 'd-gen2', name: '综合科', parent: 'd-buy', points: [point('2026-01', 0, null), point('2026-02', 0, null), point('2026-03', 1, 0)] },
    { department: 'd-x', name: null, parent: null, points: [point('2026-03', 1, 2)] },
  ],
};

const words: TrendWords = {
  percent: (v) => (v === null ? '—' : `${v.toFixed(1)}%`),
  mean: (m) => `mean ${m === null ? '—' : m.toFixed(2)}`,
  keyPersons: (n) => `${n} KP`,
  none: 'none',
};

describe('department trend series', () => {
  it('has one series per department, a point per month, and gaps (null, not 0) where there is no percent', () => {
    const view = departmentSeries(trend, 'closeness', '(no name)');
    expect(view.months).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(view.series.map((s) => s.department)).toEqual(['d-it', 'd-buy', 'd-gen1', 'd-gen2', 'd-x']);
    expect(view.series[0].percent).toEqual([50, 66.7, 25]);
    expect(view.series[1].percent).toEqual([null, -100, -50]);
    expect(view.series[1].keyPersons).toEqual([0, 1, 2]);
    expect(view.series[3].percent).toEqual([null, null, 0]);
    // A department that the answer lists for one month only has gaps for the others.
    expect(view.series[4].percent).toEqual([null, null, 200]);
    expect(view.series[4].keyPersons).toEqual([0, 0, 1]);
  });

  it('follows the chosen degree', () => {
    const view = departmentSeries(trend, 'price', '(no name)');
    expect(view.series[0].percent).toEqual([-100, null, null]);
    expect(view.series[0].mean).toEqual([-1, null, null]);
  });

  it('names each series uniquely: a shared name gets its parent, a missing one the fallback', () => {
    const view = departmentSeries(trend, 'closeness', '(no name)');
    expect(view.series.map((s) => s.name)).toEqual(['信息中心', '采购部', '综合科 · 信息中心', '综合科 · 采购部', '(no name)']);
  });

  it('builds line series that leave gaps', () => {
    const view = departmentSeries(trend, 'closeness', '(no name)');
    const option = departmentTrendOption(view, words);
    const series = option.series as { name: string; type: string; connectNulls: boolean; data: (number | null)[] }[];
    expect(series).toHaveLength(5);
    expect(series.every((s) => s.type === 'line' && s.connectNulls === false)).toBe(true);
    expect(series[1].data).toEqual([null, -100, -50]);
    expect((option.xAxis as { data: string[] }).data).toEqual(['2026-01', '2026-02', '2026-03']);
  });

  it('writes a month\'s tooltip with each department\'s percent, mean and key persons, escaping names', () => {
    const view = departmentSeries(
      { ...trend, departments: [{ department: 'd-q', name: 'R&D <1>', parent: null, points: [point('2026-01', 2, 0.5)] }, trend.departments[1]] },
      'closeness', '(no name)',
    );
    expect(monthTooltip(view, 0, words)).toBe('<div>2026-01</div><br/>R&#38;D &#60;1&#62;: <b>50.0% (mean 0.50)</b> · 2 KP<br/>采购部: <b>none</b> · 0 KP');
  });

  it('has no series for a customer without departments', () => {
    const view = departmentSeries({ ...trend, departments: [] }, 'closeness', '');
    expect(view).toEqual({ months: [], series: [] });
  });
});

describe('influence centres list', () => {
  it('keeps the rank order and names each centre from the graph, else the name service', () => {
    const graph = new Map([['p1', '赵敏'], ['p3', '钱进']]);
    expect(centreList(['p3', 'p2', 'p1', 'p9'], graph, { p2: '孙丽', p9: 'p9' }, '…')).toEqual([
      { id: 'p3', name: '钱进' }, { id: 'p2', name: '孙丽' }, { id: 'p1', name: '赵敏' }, { id: 'p9', name: '…' },
    ]);
  });
});
