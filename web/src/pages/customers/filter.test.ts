import { describe, expect, it } from 'vitest';
import type { CustomerMetrics, Stats, Strategy, Tier } from '../../api/types';
import {
  EMPTY_FILTER, filterCustomers, filterFromQuery, matchesSearch, sortCustomers, sortFromQuery, toQuery, type CustomerRow,
} from './filter';

function stats(mean: number | null, tier: Tier | null): Stats {
  return {
    n: 3, known: mean === null ? 0 : 3, unknown: mean === null ? 3 : 0, strong_support: 0, support: 0, neutral: 0, oppose: 0,
    strong_oppose: 0, supporters: 0, opposers: 0, mean, percent: mean === null ? null : Math.round(mean * 1000) / 10, tier,
  };
}

function row(id: string, name: string, o: {
  owner?: string; closeness?: number | null; tier?: Tier | null; solutionTier?: Tier | null; mom?: number | null; strategy?: Strategy;
  override?: Strategy; focus?: boolean; keyPersons?: number; amount?: number;
}): CustomerRow {
  const metrics: CustomerMetrics = {
    customer: id, as_of: '2026-11-23', toward: 'ours', key_persons: o.keyPersons ?? 5, insighted: 3, fully_profiled: 2, complete: false,
    degrees: {
      closeness: stats(o.closeness ?? null, o.tier ?? null),
      solution: stats(0.5, o.solutionTier === undefined ? 'good' : o.solutionTier),
      price: stats(null, null),
    },
    mom: { closeness: o.mom ?? null, solution: null, price: null },
    yoy: {},
    open_opportunities: { count: 1, amount: o.amount ?? 0 },
    strategy: o.strategy ?? 'grow',
    strategy_override: o.override ? { strategy: o.override, reason: 'r', by: 'u-x', at: '2026-01-01' } : null,
    focus: o.focus ?? false,
    owner: o.owner ?? 'u-rep01',
    departments: [],
  };
  return { id, name, owner: metrics.owner, ownerLogin: null, metrics };
}

const rows: CustomerRow[] = [
  row('cust-001', '南京正元大学', { closeness: -1.3, tier: 'poor', mom: 0.2, strategy: 'wait', focus: true, keyPersons: 20, amount: 300 }),
  row('cust-002', 'Acme Logistics', { owner: 'u-rep02', closeness: 1.2, tier: 'excellent', mom: -0.1, strategy: 'retain', amount: 100 }),
  row('cust-003', '上海博远精密制造有限公司', { closeness: null, tier: null, mom: null, strategy: 'acquire', override: 'grow', solutionTier: null }),
  row('cust-004', '温州华晟大学', { owner: 'u-rep02', closeness: 0.4, tier: 'good', mom: 0, strategy: 'grow', focus: true, amount: 200 }),
];
const ids = (list: CustomerRow[]) => list.map((r) => r.id);

describe('search', () => {
  it('finds a Chinese substring', () => {
    expect(ids(filterCustomers(rows, { ...EMPTY_FILTER, search: '大学' }))).toEqual(['cust-001', 'cust-004']);
    expect(ids(filterCustomers(rows, { ...EMPTY_FILTER, search: '博远精密' }))).toEqual(['cust-003']);
  });
  it('ignores Latin case and surrounding spaces', () => {
    expect(ids(filterCustomers(rows, { ...EMPTY_FILTER, search: '  acme LOG ' }))).toEqual(['cust-002']);
    expect(matchesSearch('Acme', 'x')).toBe(false);
    expect(matchesSearch('Acme', '')).toBe(true);
  });
});

describe('filters', () => {
  it('by strategy, using the override when there is one', () => {
    expect(ids(filterCustomers(rows, { ...EMPTY_FILTER, strategies: ['grow'] }))).toEqual(['cust-003', 'cust-004']);
    expect(ids(filterCustomers(rows, { ...EMPTY_FILTER, strategies: ['acquire'] }))).toEqual([]);
    expect(ids(filterCustomers(rows, { ...EMPTY_FILTER, strategies: ['wait', 'retain'] }))).toEqual(['cust-001', 'cust-002']);
  });
  it('by tier of a degree, "none" for an unknown mean', () => {
    expect(ids(filterCustomers(rows, { ...EMPTY_FILTER, tiers: { closeness: 'poor' } }))).toEqual(['cust-001']);
    expect(ids(filterCustomers(rows, { ...EMPTY_FILTER, tiers: { closeness: 'none' } }))).toEqual(['cust-003']);
    expect(ids(filterCustomers(rows, { ...EMPTY_FILTER, tiers: { solution: 'good', closeness: 'good' } }))).toEqual(['cust-004']);
  });
  it('by focus and owner, combined', () => {
    expect(ids(filterCustomers(rows, { ...EMPTY_FILTER, focusOnly: true }))).toEqual(['cust-001', 'cust-004']);
    expect(ids(filterCustomers(rows, { ...EMPTY_FILTER, owner: 'u-rep02' }))).toEqual(['cust-002', 'cust-004']);
    expect(ids(filterCustomers(rows, { ...EMPTY_FILTER, owner: 'u-rep02', focusOnly: true }))).toEqual(['cust-004']);
  });
});

describe('sort', () => {
  it('by closeness percent, unknown last in both orders', () => {
    expect(ids(sortCustomers(rows, { key: 'closeness.percent', order: 'ascend' }))).toEqual(['cust-001', 'cust-004', 'cust-002', 'cust-003']);
    expect(ids(sortCustomers(rows, { key: 'closeness.percent', order: 'descend' }))).toEqual(['cust-002', 'cust-004', 'cust-001', 'cust-003']);
  });
  it('by month-over-month change, zero is a value and null is last', () => {
    expect(ids(sortCustomers(rows, { key: 'closeness.mom', order: 'descend' }))).toEqual(['cust-001', 'cust-004', 'cust-002', 'cust-003']);
  });
  it('by amount and key persons; ties by name', () => {
    expect(ids(sortCustomers(rows, { key: 'open_amount', order: 'descend' }))).toEqual(['cust-001', 'cust-004', 'cust-002', 'cust-003']);
    const ties = sortCustomers(rows, { key: 'key_persons', order: 'ascend' });
    expect(ids(ties)[3]).toBe('cust-001');
    expect(ids(ties).slice(0, 3)).toEqual(ids([...rows.slice(1)].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))));
  });
  it('no sort keeps the order and does not change the input', () => {
    const copy = sortCustomers(rows, null);
    expect(ids(copy)).toEqual(ids(rows));
    sortCustomers(rows, { key: 'closeness.percent', order: 'descend' });
    expect(ids(rows)).toEqual(['cust-001', 'cust-002', 'cust-003', 'cust-004']);
  });
});

describe('query string', () => {
  it('round-trips a filter and a sort and keeps other parameters', () => {
    const filter = { search: '大学', strategies: ['grow', 'wait'] as Strategy[], tiers: { price: 'none' as const }, focusOnly: true, owner: 'u-rep02' };
    const query = toQuery(filter, { key: 'closeness.percent', order: 'descend' }, new URLSearchParams('page=2'));
    expect(query.get('page')).toBe('2');
    expect(query.get('strategy')).toBe('grow,wait');
    expect(filterFromQuery(query)).toEqual(filter);
    expect(sortFromQuery(query)).toEqual({ key: 'closeness.percent', order: 'descend' });
  });
  it('drops unknown values', () => {
    const query = new URLSearchParams('strategy=grow,bogus&tier.closeness=great&sort=nothing');
    expect(filterFromQuery(query)).toEqual({ ...EMPTY_FILTER, strategies: ['grow'] });
    expect(sortFromQuery(query)).toBeNull();
    expect(toQuery(EMPTY_FILTER, null).toString()).toBe('');
  });
});
