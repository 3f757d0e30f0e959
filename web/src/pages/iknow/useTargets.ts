// Who my declarations point at, read in batches of ids: for an employee from the directory (people active
// today, with their organization's name), for other roles from the people they may read.
import { useEffect, useState } from 'react';
import { listAll } from '../../api/client';
import type { Department, Organization, Person } from '../../api/types';
import type { DirectoryPerson, Target } from './model';

const cache = new Map<string, Promise<unknown>>();

function once<T>(key: string, load: () => Promise<T>): Promise<T> {
  let entry = cache.get(key) as Promise<T> | undefined;
  if (!entry) {
    entry = load();
    entry.catch(() => cache.delete(key));
    cache.set(key, entry);
  }
  return entry;
}

/** Names of the organizations the user may read (all, as {id, name, kind}, for an employee). */
export function loadOrgNames(user: string): Promise<Map<string, string>> {
  return once(`orgs/${user}`, async () => new Map((await listAll<Organization>('organizations')).map((o) => [o.id, o.name])));
}

export function loadDepartmentNames(user: string): Promise<Map<string, string>> {
  return once(`departments/${user}`, async () => new Map((await listAll<Department>('departments')).map((d) => [d.id, d.name])));
}

/** The people behind `ids`, 200 a request (`?ids=`): an employee gets the directory's projection (people
 * active today, with their organization's name), others the records they may read. Anyone not returned
 * (no longer active, or not visible) is left out, and nobody is asked for one by one (a 404 is logged). */
async function loadTargets(user: string, employee: boolean, ids: string[]): Promise<Map<string, Target>> {
  const found = new Map<string, Target>();
  const orgs = employee ? null : await loadOrgNames(user);
  for (let start = 0; start < ids.length; start += 200) {
    const chunk = ids.slice(start, start + 200).join(',');
    if (employee) {
      for (const p of await listAll<DirectoryPerson>('people', { ids: chunk })) found.set(p.id, { name: p.name, orgName: p.org_name, title: p.title });
    } else {
      for (const p of await listAll<Person>('people', { ids: chunk })) found.set(p.id, { name: p.name, orgName: orgs!.get(p.org) ?? p.org, title: p.title });
    }
  }
  return found;
}

/** Forget what was read (after my own writes the directory does not change, so only on sign-out). */
export function forgetTargets() {
  cache.clear();
}

export function useTargets(user: string, employee: boolean, ids: string[]): { targets: Map<string, Target>; loading: boolean } {
  const [targets, setTargets] = useState<Map<string, Target>>(new Map());
  const [loading, setLoading] = useState(false);
  const key = Array.from(new Set(ids)).sort().join(',');

  useEffect(() => {
    const wanted = key ? key.split(',') : [];
    if (!wanted.length) return undefined;
    let current = true;
    setLoading(true);
    loadTargets(user, employee, wanted)
      .then((found) => current && setTargets(found))
      .catch(() => undefined)
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [user, employee, key]);

  return { targets, loading };
}
