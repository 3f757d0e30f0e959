import { describe, expect, it } from 'vitest';
import type { Strategy } from '../../api/types';
import {
  customerLineParams, EMPTY_FILTER, effectiveStrategy, filterFromQuery, pageFromQuery, sortFromQuery, toQuery, withPage,
} from './filter';

describe('the server query of the address', () => {
  it('asks for the first page of 20 when the address holds nothing', () => {
    expect(customerLineParams(EMPTY_FILTER, null, pageFromQuery(new URLSearchParams()))).toEqual({ limit: 20, offset: 0 });
  });
  it('sends the search trimmed, strategies and tiers, focus and owner', () => {
    const filter = { search: '  大学 ', strategies: ['grow', 'wait'] as Strategy[], tiers: { closeness: 'poor' as const, price: 'none' as const }, focusOnly: true, owner: 'u-rep02' };
    expect(customerLineParams(filter, null, { page: 1, size: 20 })).toEqual({
      limit: 20, offset: 0, q: '大学', strategy: 'grow,wait', 'tier.closeness': 'poor', 'tier.price': 'none', focus: true, owner: 'u-rep02',
    });
  });
  it('turns the sort into sort and order, and the page into an offset', () => {
    // page 3 of 50 rows skips the first 2 × 50 = 100.
    expect(customerLineParams(EMPTY_FILTER, { key: 'closeness.percent', order: 'descend' }, { page: 3, size: 50 })).toEqual({
      limit: 50, offset: 100, sort: 'closeness.percent', order: 'desc',
    });
    expect(customerLineParams(EMPTY_FILTER, { key: 'name', order: 'ascend' }, { page: 1, size: 20 })).toMatchObject({ sort: 'name', order: 'asc' });
  });
});

describe('the page in the address', () => {
  it('reads page and size, refusing sizes the pager does not offer', () => {
    expect(pageFromQuery(new URLSearchParams('page=2&size=50'))).toEqual({ page: 2, size: 50 });
    expect(pageFromQuery(new URLSearchParams('page=-4&size=7'))).toEqual({ page: 1, size: 20 });
    expect(pageFromQuery(new URLSearchParams('page=x'))).toEqual({ page: 1, size: 20 });
  });
  it('writes the page, leaves out the defaults, and starts again at 1 with a new size', () => {
    const query = new URLSearchParams('sort=name&order=asc');
    expect(withPage(query, { page: 2, size: 20 }, { page: 1, size: 20 }).toString()).toBe('sort=name&order=asc&page=2');
    expect(withPage(new URLSearchParams('page=4'), { page: 4, size: 50 }, { page: 4, size: 20 }).toString()).toBe('size=50');
    expect(withPage(new URLSearchParams('page=2&size=50'), { page: 1, size: 50 }, { page: 2, size: 50 }).toString()).toBe('size=50');
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
  it('the tier links of the dashboard open the list filtered', () => {
    expect(filterFromQuery(new URLSearchParams('tier.solution=fair')).tiers).toEqual({ solution: 'fair' });
  });
});

describe('strategy', () => {
  it('is the override when someone set one, else the recommendation', () => {
    expect(effectiveStrategy({ strategy: 'acquire', strategy_override: { strategy: 'grow', reason: 'r', by: 'u', at: '' } })).toBe('grow');
    expect(effectiveStrategy({ strategy: 'acquire', strategy_override: null })).toBe('acquire');
  });
});
