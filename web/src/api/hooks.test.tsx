import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useLoad, useSubmit } from './hooks';

describe('useLoad', () => {
  it('loads for a key, drops a stale answer, and loads again on reload', async () => {
    const resolvers: Record<string, (value: string) => void> = {};
    let calls = 0;
    const { result, rerender } = renderHook(({ key }) => useLoad<string>(key, () => {
      calls++;
      return new Promise((resolve) => { resolvers[`${key}#${calls}`] = resolve; });
    }), { initialProps: { key: 'a' as string | null } });
    expect(result.current.loading).toBe(true);

    rerender({ key: 'b' });
    await act(async () => {
      resolvers['b#2']('answer b');
      resolvers['a#1']('stale a'); // arrives after the key moved on
    });
    expect(result.current.data).toBe('answer b');
    expect(result.current.loading).toBe(false);

    act(() => result.current.reload());
    await act(async () => resolvers['b#3']('answer b again'));
    expect(result.current.data).toBe('answer b again');

    rerender({ key: null });
    expect(calls).toBe(3);
  });

  it('draws a ready answer at once and loads only on reload or for the next key', async () => {
    let calls = 0;
    const load = () => Promise.resolve(`loaded ${++calls}`);
    const { result, rerender } = renderHook(({ key }) => useLoad<string>(key, load, () => (key === 'a' ? { value: 'ready a' } : undefined)), { initialProps: { key: 'a' } });
    expect(result.current.data).toBe('ready a');
    expect(result.current.loading).toBe(false);
    await act(async () => undefined);
    expect(calls).toBe(0);
    expect(result.current.data).toBe('ready a');

    act(() => result.current.reload());
    await waitFor(() => expect(result.current.data).toBe('loaded 1'));
    rerender({ key: 'b' });
    await waitFor(() => expect(result.current.data).toBe('loaded 2'));
    expect(calls).toBe(2);
  });

  it('keeps the error and no data when the load fails', async () => {
    const { result } = renderHook(() => useLoad('k', () => Promise.reject(new Error('down'))));
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect((result.current.error as Error).message).toBe('down');
    expect(result.current.data).toBeUndefined();
  });
});

describe('useSubmit', () => {
  it('marks saving while the action runs and keeps the error it throws', async () => {
    const { result } = renderHook(() => useSubmit());
    let finish!: () => void;
    let outcome: Promise<boolean> | undefined;
    act(() => {
      outcome = result.current.run(() => new Promise<void>((resolve) => { finish = resolve; }));
    });
    expect(result.current.saving).toBe(true);
    await act(async () => finish());
    expect(await outcome).toBe(true);
    expect(result.current.saving).toBe(false);

    let failed: boolean | undefined;
    await act(async () => { failed = await result.current.run(() => Promise.reject(new Error('refused'))); });
    expect(failed).toBe(false);
    expect((result.current.error as Error).message).toBe('refused');
    await act(async () => { await result.current.run(() => Promise.resolve()); });
    expect(result.current.error).toBeUndefined();
  });
});
