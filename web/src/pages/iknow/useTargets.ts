// Who my declarations point at. An employee reads the directory (people active today, with their
// organization's name): GET /people/{id} would answer 404 for anyone no longer active, and the browser
// logs every 404. Other roles see only links whose both ends they may read, so they read each person.
import { useEffect, useState } from 'react';
import { api, listAll } from '../../api/client';
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

function loadDirectory(user: string): Promise<Map<string, Target>> {
  return once(`directory/${user}`, async () => {
    const people = await listAll<DirectoryPerson>('people');
    return new Map(people.map((p) => [p.id, { name: p.name, orgName: p.org_name, title: p.title }]));
  });
}

function loadPerson(user: string, id: string): Promise<Target> {
  return once(`person/${user}/${id}`, async () => {
    const [person, orgs] = await Promise.all([api.get<Person>(`/people/${encodeURIComponent(id)}`), loadOrgNames(user)]);
    return { name: person.name, orgName: orgs.get(person.org) ?? person.org, title: person.title };
  });
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
    const work = employee
      ? loadDirectory(user).then((directory) => new Map(wanted.flatMap((id) => (directory.has(id) ? [[id, directory.get(id)!] as const] : []))))
      : Promise.all(wanted.map((id) => loadPerson(user, id).then((t) => [id, t] as const).catch(() => null))).then(
          (pairs) => new Map(pairs.filter((p): p is readonly [string, Target] => p !== null)),
        );
    work
      .then((found) => current && setTargets(found))
      .catch(() => undefined)
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [user, employee, key]);

  return { targets, loading };
}
