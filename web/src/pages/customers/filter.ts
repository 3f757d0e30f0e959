// The customer list without React: rows from the customer line, filtering, searching, sorting (unknown
// values always last) and the query string that keeps the filters in the URL.
import type { CustomerMetrics, Dimension, Strategy, Tier } from '../../api/types';
import { DIMENSIONS, STRATEGIES, TIERS } from '../../api/types';

export interface CustomerRow {
  id: string;
  name: string;
  owner: string | null;
  ownerLogin: string | null;
  metrics: CustomerMetrics;
}

/** The strategy that applies: the override a user set, otherwise the recommendation. */
export function effectiveStrategy(m: CustomerMetrics): Strategy {
  return m.strategy_override?.strategy ?? m.strategy;
}

export type TierChoice = Tier | 'none';

export interface CustomerFilter {
  search: string;
  strategies: Strategy[];
  tiers: Partial<Record<Dimension, TierChoice>>;
  focusOnly: boolean;
  owner: string;
}

export const EMPTY_FILTER: CustomerFilter = { search: '', strategies: [], tiers: {}, focusOnly: false, owner: '' };

export const SORT_KEYS = [
  'name', 'key_persons', 'insighted', 'fully_profiled',
  'closeness.percent', 'closeness.mom', 'solution.percent', 'solution.mom', 'price.percent', 'price.mom',
  'open_count', 'open_amount',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortOrder = 'ascend' | 'descend';

export interface Sort {
  key: SortKey;
  order: SortOrder;
}

/** Name search: a plain substring, case-insensitive for Latin letters (Chinese has no case). */
export function matchesSearch(name: string, search: string): boolean {
  const wanted = search.trim().toLocaleLowerCase();
  return !wanted || name.toLocaleLowerCase().includes(wanted);
}

export function filterCustomers(rows: CustomerRow[], filter: CustomerFilter): CustomerRow[] {
  return rows.filter((row) => {
    const m = row.metrics;
    if (!matchesSearch(row.name, filter.search)) return false;
    if (filter.strategies.length && !filter.strategies.includes(effectiveStrategy(m))) return false;
    if (filter.focusOnly && !m.focus) return false;
    if (filter.owner && row.owner !== filter.owner) return false;
    for (const dimension of DIMENSIONS) {
      const wanted = filter.tiers[dimension];
      if (!wanted) continue;
      const tier = m.degrees[dimension]?.tier ?? null;
      if (wanted === 'none' ? tier !== null : tier !== wanted) return false;
    }
    return true;
  });
}

/** The value a row sorts by; null when unknown. */
export function sortValue(row: CustomerRow, key: SortKey): number | string | null {
  const m = row.metrics;
  switch (key) {
    case 'name': return row.name;
    case 'key_persons': return m.key_persons;
    case 'insighted': return m.insighted;
    case 'fully_profiled': return m.fully_profiled;
    case 'open_count': return m.open_opportunities?.count ?? null;
    case 'open_amount': return m.open_opportunities?.amount ?? null;
    default: {
      const [dimension, what] = key.split('.') as [Dimension, 'percent' | 'mom'];
      const value = what === 'percent' ? m.degrees[dimension]?.percent : m.mom[dimension];
      return value === undefined || value === null || Number.isNaN(value) ? null : value;
    }
  }
}

/** Sorted by `sort` (a new array); unknown values last in either order; ties keep the name order. */
export function sortCustomers(rows: CustomerRow[], sort: Sort | null): CustomerRow[] {
  const byName = (a: CustomerRow, b: CustomerRow) => a.name.localeCompare(b.name, 'zh-CN') || a.id.localeCompare(b.id);
  if (!sort) return [...rows];
  const sign = sort.order === 'descend' ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = sortValue(a, sort.key);
    const y = sortValue(b, sort.key);
    if (x === null && y === null) return byName(a, b);
    if (x === null) return 1;
    if (y === null) return -1;
    const order = typeof x === 'string' || typeof y === 'string' ? String(x).localeCompare(String(y), 'zh-CN') : x - y;
    return order !== 0 ? sign * order : byName(a, b);
  });
}

// ---- The URL query string ----

export function filterFromQuery(query: URLSearchParams): CustomerFilter {
  const list = (key: string) => (query.get(key) ?? '').split(',').filter(Boolean);
  const tiers: Partial<Record<Dimension, TierChoice>> = {};
  for (const dimension of DIMENSIONS) {
    const value = query.get(`tier.${dimension}`);
    if (value && ((TIERS as string[]).includes(value) || value === 'none')) tiers[dimension] = value as TierChoice;
  }
  return {
    search: query.get('q') ?? '',
    strategies: list('strategy').filter((s): s is Strategy => (STRATEGIES as string[]).includes(s)),
    tiers,
    focusOnly: query.get('focus') === '1',
    owner: query.get('owner') ?? '',
  };
}

export function sortFromQuery(query: URLSearchParams): Sort | null {
  const key = query.get('sort');
  if (!key || !(SORT_KEYS as readonly string[]).includes(key)) return null;
  return { key: key as SortKey, order: query.get('order') === 'desc' ? 'descend' : 'ascend' };
}

/** The query string of a filter and a sort (empty parts left out), keeping unrelated parameters. */
export function toQuery(filter: CustomerFilter, sort: Sort | null, base = new URLSearchParams()): URLSearchParams {
  const query = new URLSearchParams(base);
  for (const key of ['q', 'strategy', 'focus', 'owner', 'sort', 'order', ...DIMENSIONS.map((d) => `tier.${d}`)]) query.delete(key);
  if (filter.search) query.set('q', filter.search);
  if (filter.strategies.length) query.set('strategy', filter.strategies.join(','));
  for (const dimension of DIMENSIONS) {
    const tier = filter.tiers[dimension];
    if (tier) query.set(`tier.${dimension}`, tier);
  }
  if (filter.focusOnly) query.set('focus', '1');
  if (filter.owner) query.set('owner', filter.owner);
  if (sort) {
    query.set('sort', sort.key);
    query.set('order', sort.order === 'descend' ? 'desc' : 'asc');
  }
  return query;
}
