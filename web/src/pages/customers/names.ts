// The customers the user may see, by id: the lines and warnings give ids only. Only visible customers are
// listed, which is every customer a perspective the user may open can contain.
import { useEffect, useMemo, useState } from 'react';
import { listAll } from '../../api/client';
import { rememberNames } from '../../api/hooks';
import type { Organization } from '../../api/types';

export interface CustomersLoaded {
  byId: Record<string, Organization>;
  names: Record<string, string>;
  loading: boolean;
  error: unknown;
}

export function useCustomers(): CustomersLoaded {
  const [list, setList] = useState<Organization[]>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    let current = true;
    listAll<Organization>('organizations', { kind: 'customer' })
      .then((items) => {
        rememberNames('organizations', items);
        if (current) setList(items);
      })
      .catch((failure) => current && setError(failure));
    return () => {
      current = false;
    };
  }, []);
  return useMemo(() => {
    const byId: Record<string, Organization> = {};
    const names: Record<string, string> = {};
    for (const o of list ?? []) {
      byId[o.id] = o;
      names[o.id] = o.name;
    }
    return { byId, names, loading: !list && !error, error };
  }, [list, error]);
}
