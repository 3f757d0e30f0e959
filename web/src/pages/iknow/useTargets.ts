// Who my declarations point at, read in batches of ids: for an employee from the directory (people active
// today, with their organization's name), for other roles from the people they may read.
import { useEffect, useState } from 'react';
import { listAll } from '../../api/client';
import type { Organization, Person } from '../../api/types';
import type { DirectoryPerson, Target } from './model';

/** The people behind `ids`, 200 a request (`?ids=`): an employee gets the directory's projection (people
 * active today, with their organization's name), others the records they may read. Anyone not returned
 * (no longer active, or not visible) is left out, and nobody is asked for one by one (a 404 is logged). */
async function loadTargets(employee: boolean, ids: string[]): Promise<Map<string, Target>> {
  const found = new Map<string, Target>();
  for (let start = 0; start < ids.length; start += 200) {
    const chunk = ids.slice(start, start + 200).join(',');
    if (employee) {
      for (const p of await listAll<DirectoryPerson>('people', { ids: chunk })) found.set(p.id, { name: p.name, orgName: p.org_name, title: p.title });
    } else {
      // Their organizations' names, read by id (not every organization of the tenant).
      const people = await listAll<Person>('people', { ids: chunk });
      const orgIds = Array.from(new Set(people.map((p) => p.org)));
      const orgs = new Map<string, string>();
      if (orgIds.length) {
        for (const o of await listAll<Organization>('organizations', { ids: orgIds.join(',') })) orgs.set(o.id, o.name);
      }
      for (const p of people) found.set(p.id, { name: p.name, orgName: orgs.get(p.org) ?? p.org, title: p.title });
    }
  }
  return found;
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
    loadTargets(employee, wanted)
      .then((found) => current && setTargets(found))
      .catch(() => undefined)
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [user, employee, key]);

  return { targets, loading };
}
