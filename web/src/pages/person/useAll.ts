// Every record of a list (listAll), reloadable, following its parameters; nothing while params is null.
import { useCallback, useEffect, useState } from 'react';
import { listAll, type Params } from '../../api/client';

export function useAll<T>(collection: string, params: Params | null): { data: T[] | undefined; error: unknown; loading: boolean; reload(): void } {
  const [data, setData] = useState<T[]>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(params !== null);
  const [generation, setGeneration] = useState(0);
  const key = params === null ? null : JSON.stringify(params);

  useEffect(() => {
    if (key === null) {
      setLoading(false);
      return undefined;
    }
    let current = true;
    setLoading(true);
    listAll<T>(collection, JSON.parse(key) as Params)
      .then((items) => {
        if (!current) return;
        setData(items);
        setError(undefined);
      })
      .catch((failure) => current && setError(failure))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [collection, key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, error, loading, reload };
}
