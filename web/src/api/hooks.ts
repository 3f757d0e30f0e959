// Loading data in components: useApi for one GET that follows its parameters, useNames for the names of ids.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError, type Params } from './client';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
}

/** GET `path` (nothing while path is null) and again whenever path or params change. */
export function useApi<T>(path: string | null, params?: Params): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(path !== null);
  const [generation, setGeneration] = useState(0);
  const key = path === null ? null : `${path}?${JSON.stringify(params ?? {})}`;

  useEffect(() => {
    if (path === null) {
      setLoading(false);
      return undefined;
    }
    let current = true;
    setLoading(true);
    api
      .get<T>(path, params)
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
    // `key` stands for path and params.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, error, loading, reload };
}

type Collection = 'people' | 'organizations' | 'users' | 'opportunities' | 'departments' | 'teams';
const nameCache = new Map<string, Promise<string | null>>();

function nameOf(collection: Collection, record: Record<string, unknown>): string {
  if (collection === 'users') return String(record.login ?? record.id);
  return String(record.name ?? record.id);
}

/** Remembers names already known (from a list the page loaded), so useNames does not ask for them. */
export function rememberNames(collection: Collection, records: { id: string }[]) {
  for (const record of records) {
    nameCache.set(`${collection}/${record.id}`, Promise.resolve(nameOf(collection, record as Record<string, unknown>)));
  }
}

export function forgetNames() {
  nameCache.clear();
}

/** The names of `ids` of one collection, fetched once each; an id the user may not read keeps its id. */
export function useNames(collection: Collection, ids: (string | null | undefined)[]): Record<string, string> {
  const [names, setNames] = useState<Record<string, string>>({});
  const wanted = Array.from(new Set(ids.filter((id): id is string => !!id))).sort();
  const key = wanted.join('\n');
  const latest = useRef(key);
  latest.current = key;

  useEffect(() => {
    let current = true;
    const lookups = wanted.map((id) => {
      const cacheKey = `${collection}/${id}`;
      let lookup = nameCache.get(cacheKey);
      if (!lookup) {
        lookup = api
          .get<Record<string, unknown>>(`/${collection}/${encodeURIComponent(id)}`)
          .then((record) => nameOf(collection, record))
          .catch((error) => {
            if (error instanceof ApiError && error.status === 404) return null;
            nameCache.delete(cacheKey);
            return null;
          });
        nameCache.set(cacheKey, lookup);
      }
      return lookup.then((name) => [id, name ?? id] as const);
    });
    void Promise.all(lookups).then((pairs) => {
      if (current) setNames(Object.fromEntries(pairs));
    });
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [collection, key]);

  return names;
}
