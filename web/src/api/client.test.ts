import i18n from 'i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorText } from '../lib/errors';
import { api, ApiError, buildUrl, listAll, onUnauthenticated, prefetch, takeArrived } from './client';

function answer(status: number, body: unknown) {
  return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
}

afterEach(() => {
  vi.restoreAllMocks();
  document.cookie = 'brm_csrf=; max-age=0';
});

describe('the API client', () => {
  it('builds URLs without empty parameters and encodes Chinese', () => {
    expect(buildUrl('/people', { search: '张', limit: 10, org: '', x: null })).toBe('/api/v1/people?search=%E5%BC%A0&limit=10');
    expect(buildUrl('/health')).toBe('/api/v1/health');
  });

  it('sends the CSRF token on writes only', async () => {
    document.cookie = 'brm_csrf=abc%2D1';
    const fetch = vi.spyOn(globalThis, 'fetch').mockImplementation(() => answer(200, { ok: true }));
    await api.get('/auth/me');
    await api.patch('/people/p1', { title: 'CTO' });
    const getHeaders = fetch.mock.calls[0][1]!.headers as Record<string, string>;
    const patchInit = fetch.mock.calls[1][1]!;
    expect(getHeaders['X-CSRF-Token']).toBeUndefined();
    expect((patchInit.headers as Record<string, string>)['X-CSRF-Token']).toBe('abc-1');
    expect(patchInit.body).toBe('{"title":"CTO"}');
  });

  it('turns an error answer into an ApiError with code and field, and tells listeners about a 401', async () => {
    vi.spyOn(globalThis, 'fetch').mockImplementation(() => answer(400, { error: { code: 'invalid', message: '"strength" must be one of: strong, medium, weak.', field: 'strength' } }));
    const error = (await api.post('/influence-links', {}).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect([error.status, error.code, error.field]).toEqual([400, 'invalid', 'strength']);

    const heard = vi.fn();
    const stop = onUnauthenticated(heard);
    vi.spyOn(globalThis, 'fetch').mockImplementation(() => answer(401, { error: { code: 'unauthenticated', message: 'Sign in.', field: '' } }));
    await api.get('/lines/customer').catch(() => undefined);
    stop();
    expect(heard).toHaveBeenCalledTimes(1);
  });

  it('reads every page of a list', async () => {
    const records = Array.from({ length: 2500 }, (_, i) => ({ id: `p${i}` }));
    vi.spyOn(globalThis, 'fetch').mockImplementation((input) => {
      const url = new URL(String(input), 'http://x');
      const offset = Number(url.searchParams.get('offset'));
      return answer(200, { items: records.slice(offset, offset + 1000), total: records.length, limit: 1000, offset });
    });
    const all = await listAll<{ id: string }>('people');
    expect(all).toHaveLength(2500);
    expect(all[2499].id).toBe('p2499');
  });
});

describe('errors in the user language', () => {
  it('names the field in Chinese and gives the server sentence in English', async () => {
    const error = new ApiError(400, 'invalid', '"strength" must be one of: strong, medium, weak.', 'strength');
    await i18n.changeLanguage('zh-CN');
    expect(errorText(error)).toBe('输入有误：字段「strength」');
    await i18n.changeLanguage('en');
    expect(errorText(error)).toBe('Invalid input (field "strength"): "strength" must be one of: strong, medium, weak.');
    expect(errorText(new ApiError(401, 'unauthenticated', 'The login or the password is wrong.'))).toBe('The login or the password is wrong.');
    await i18n.changeLanguage('zh-CN');
    expect(errorText(new ApiError(401, 'unauthenticated', 'The login or the password is wrong.'))).toBe('登录名或密码错误。');
  });

  it('hands a prefetched answer to the next GET of the same URL once, and drops it on a write', async () => {
    let served = 0;
    const fetch = vi.spyOn(globalThis, 'fetch').mockImplementation(() => answer(200, { n: ++served }));
    prefetch('/customers/c1/trend', { as_of: '2026-11-30' });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(await api.get('/customers/c1/trend', { as_of: '2026-11-30' })).toEqual({ n: 1 });
    expect(await api.get('/customers/c1/trend', { as_of: '2026-11-30' })).toEqual({ n: 2 }); // taken once only
    expect(fetch).toHaveBeenCalledTimes(2);

    prefetch('/customers/c1/trend');
    prefetch('/customers/c1/trend'); // one request for both
    expect(fetch).toHaveBeenCalledTimes(3);
    await api.patch('/people/p1', { title: 'CTO' });
    expect(await api.get('/customers/c1/trend')).toEqual({ n: 5 }); // asked again after the write
    expect(fetch).toHaveBeenCalledTimes(5);
  });

  it('gives a prefetched answer that has arrived at once, once, and none before it arrives or after a write', async () => {
    let served = 0;
    const fetch = vi.spyOn(globalThis, 'fetch').mockImplementation(() => answer(200, { n: ++served }));
    prefetch('/customers/c2/influence-centres', { as_of: '2026-11-30' });
    expect(takeArrived('/customers/c2/influence-centres', { as_of: '2026-11-30' })).toBeUndefined(); // on its way
    await vi.waitFor(() => expect(takeArrived('/customers/c2/influence-centres', { as_of: '2026-11-30' })).toEqual({ value: { n: 1 } }));
    expect(takeArrived('/customers/c2/influence-centres', { as_of: '2026-11-30' })).toBeUndefined(); // taken
    expect(await api.get('/customers/c2/influence-centres', { as_of: '2026-11-30' })).toEqual({ n: 2 }); // and not again
    expect(fetch).toHaveBeenCalledTimes(2);

    prefetch('/customers/c2/trend');
    await new Promise((resolve) => setTimeout(resolve, 0));
    await api.del('/people/p1');
    expect(takeArrived('/customers/c2/trend')).toBeUndefined(); // a write drops it
  });

  it('keeps a prefetched failure for the one who asks', async () => {
    vi.spyOn(globalThis, 'fetch').mockImplementation(() => answer(404, { error: { code: 'not_found', message: 'No such customer.' } }));
    prefetch('/customers/nope/trend');
    const error = (await api.get('/customers/nope/trend').catch((e: unknown) => e)) as ApiError;
    expect([error.status, error.code]).toEqual([404, 'not_found']);
  });
});
