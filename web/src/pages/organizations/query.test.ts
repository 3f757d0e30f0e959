import { describe, expect, it } from 'vitest';
import { listParams, queryFrom, toParams } from './query';

describe('organizations query', () => {
  it('starts on the active competitors, first page of 20', () => {
    const query = queryFrom(new URLSearchParams(''));
    expect(query).toEqual({ kind: 'competitor', search: '', retired: false, page: 1, size: 20 });
    expect(listParams(query)).toEqual({ kind: 'competitor', search: undefined, active_on: 'today', limit: 20, offset: 0 });
    expect(toParams(query).toString()).toBe('');
  });
  it('reads the kind, search, retired and page from the address and asks for that page', () => {
    const query = queryFrom(new URLSearchParams('kind=partner&q=%E4%BF%A1%E6%81%AF&retired=1&page=3&size=50'));
    expect(query).toEqual({ kind: 'partner', search: '信息', retired: true, page: 3, size: 50 });
    expect(listParams(query)).toEqual({ kind: 'partner', search: '信息', active_on: undefined, limit: 50, offset: 100 });
    expect(queryFrom(toParams(query))).toEqual(query);
  });
  it('ignores what it does not know', () => {
    expect(queryFrom(new URLSearchParams('kind=vendor&page=-2&size=7'))).toEqual({ kind: 'competitor', search: '', retired: false, page: 1, size: 20 });
  });
});
