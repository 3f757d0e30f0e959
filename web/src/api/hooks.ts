// Loading data in components: useApi for one GET that follows its parameters, useNames for the names of ids.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, listAll, takeArrived, type Params } from './client';
import { lookupName, type NamedCollection } from './names';

export { forgetNames, rememberNames } from './names';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
}

/** Runs `load` whenever `key` changes (nothing while key is null) and again on reload(); an answer that
 * arrives after the key moved on is dropped. `ready` may give the first key's answer at once (a prefetched
 * answer that has arrived): the first render then has it, and nothing is loaded for it. */
export function useLoad<T>(key: string | null, load: () => Promise<T>, ready?: () => { value: T } | undefined): Loaded<T> {
  const [first] = useState(() => (key !== null ? ready?.() : undefined));
  const [data, setData] = useState<T | undefined>(first?.value);
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(key !== null && !first);
  const [generation, setGeneration] = useState(0);
  const latest = useRef(load);
  latest.current = load;
  /** The key whose answer the first render had. */
  const given = useRef(first ? key : null);

  useEffect(() => {
    if (key === null) {
      setLoading(false);
      return undefined;
    }
    if (given.current === key && generation === 0) {
      given.current = null;
      return undefined;
    }
    given.current = null;
    let current = true;
    setLoading(true);
    latest
      .current()
      .then((answer) => {
        if (!current) return;
        setData(answer);
        setError(undefined);
      })
      .catch((failure) => {
        if (!current) return;
        setError(failure);
        setData(undefined);
      })
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, error, loading, reload };
}

/** GET `path` (nothing while path is null), again whenever path or params change. */
export function useApi<T>(path: string | null, params?: Params): Loaded<T> {
  return useLoad(path === null ? null : `${path}?${JSON.stringify(params ?? {})}`, () => api.get<T>(path!, params), () => takeArrived<T>(path!, params));
}

/** Every record of a list, page after page (listAll); nothing while params is null. */
export function useAll<T>(collection: string, params: Params | null): Loaded<T[]> {
  return useLoad(params === null ? null : `${collection}?${JSON.stringify(params)}`, () => listAll<T>(collection, params!));
}

/** The names of `ids` of one collection (batched and cached by api/names.ts); an id the viewer may not read
 * keeps its id. */
export function useNames(collection: NamedCollection, ids: (string | null | undefined)[]): Record<string, string> {
  const [names, setNames] = useState<Record<string, string>>({});
  const wanted = Array.from(new Set(ids.filter((id): id is string => !!id))).sort();
  const key = wanted.join('\n');

  useEffect(() => {
    let current = true;
    void Promise.all(wanted.map((id) => lookupName(collection, id).then((name) => [id, name ?? id] as const))).then((pairs) => {
      if (current) setNames(Object.fromEntries(pairs));
    });
    return () => {
      current = false;
    };
    // `key` stands for `wanted`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [collection, key]);

  return names;
}

/** A write in progress: `run(action)` marks it saving, clears the last error, and keeps the error the action
 * throws for an ErrorAlert. Resolves true when the action succeeded. */
export function useSubmit() {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const run = useCallback(async (action: () => Promise<void>): Promise<boolean> => {
    setSaving(true);
    setError(undefined);
    try {
      await action();
      return true;
    } catch (failure) {
      setError(failure);
      return false;
    } finally {
      setSaving(false);
    }
  }, []);
  return { saving, error, setError, run };
}
