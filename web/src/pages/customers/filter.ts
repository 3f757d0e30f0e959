// The customer list without React: the filters, sort and page that the address keeps, and the query the
// server answers them with (it filters, sorts and pages; docs/api.md "Pages of figure lists").
import type { Params } from '../../api/client';
import type { CustomerMetrics, Dimension, Strategy, Tier } from '../../api/types';
import { DIMENSIONS, STRATEGIES, TIERS } from '../../api/types';

/** The strategy that applies: the override a user set, otherwise the recommendation. */
export function effectiveStrategy(m: Pick<CustomerMetrics, 'strategy' | 'strategy_override'>): Strategy {
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

export const PAGE_SIZES = [10, 20, 50, 100] as const;
export const PAGE_SIZE = 20;

export interface PageChoice {
  page: number;
  size: number;
}

export function pageFromQuery(query: URLSearchParams): PageChoice {
  const size = Number(query.get('size'));
  return {
    page: Math.max(1, Math.floor(Number(query.get('page'))) || 1),
    size: (PAGE_SIZES as readonly number[]).includes(size) ? size : PAGE_SIZE,
  };
}

/** The address after choosing page `page` of `size` rows: a new size starts again at page 1. */
export function withPage(query: URLSearchParams, next: PageChoice, current: PageChoice): URLSearchParams {
  const result = new URLSearchParams(query);
  const page = next.size !== current.size ? 1 : next.page;
  if (page > 1) result.set('page', String(page));
  else result.delete('page');
  if (next.size !== PAGE_SIZE) result.set('size', String(next.size));
  else result.delete('size');
  return result;
}

/** The server's parameters for the page the address asks for (the perspective's are added by the caller). */
export function customerLineParams(filter: CustomerFilter, sort: Sort | null, page: PageChoice): Params {
  const params: Params = { limit: page.size, offset: (page.page - 1) * page.size };
  const search = filter.search.trim();
  if (search) params.q = search;
  if (filter.strategies.length) params.strategy = filter.strategies.join(',');
  for (const dimension of DIMENSIONS) {
    const tier = filter.tiers[dimension];
    if (tier) params[`tier.${dimension}`] = tier;
  }
  if (filter.focusOnly) params.focus = true;
  if (filter.owner) params.owner = filter.owner;
  if (sort) {
    params.sort = sort.key;
    params.order = sort.order === 'descend' ? 'desc' : 'asc';
  }
  return params;
}
