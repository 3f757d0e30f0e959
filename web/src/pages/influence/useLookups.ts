// The names the influence list needs, read only where the viewer may read them: our organization's people
// (the influencers and the users), the visible customers, and the people and departments of those visible
// customers that appear in the list. Nothing is asked for an id the viewer may not open (it would answer 404).
import { useEffect, useState } from 'react';
import { listAll } from '../../api/client';
import type { Department, InfluenceListEntry, Organization, Person, User } from '../../api/types';
import { mapLimit, type Lookups } from './model';

interface Base {
  oursPeople: Person[];
  customers: Organization[];
  users: User[];
}

let basePromise: Promise<Base> | null = null;
let baseOwner = '';
const orgCache = new Map<string, Promise<{ people: Person[]; departments: Department[] }>>();

/** Our organization's people, the visible customers and the users, loaded once per signed-in user. */
export function loadBase(userId: string): Promise<Base> {
  if (!basePromise || baseOwner !== userId) {
    baseOwner = userId;
    orgCache.clear();
    basePromise = (async () => {
      const [ours, customers, users] = await Promise.all([
        listAll<Organization>('organizations', { kind: 'ours' }),
        listAll<Organization>('organizations', { kind: 'customer' }),
        listAll<User>('users'),
      ]);
      const oursPeople = ours.length ? await listAll<Person>('people', { org: ours[0].id }) : [];
      return { oursPeople, customers, users };
    })();
    basePromise.catch(() => {
      basePromise = null;
    });
  }
  return basePromise;
}

/** Forget what was read, so that the next visit of the page reads it afresh. */
export function forgetLookups() {
  basePromise = null;
  orgCache.clear();
}

function loadOrg(org: string) {
  let entry = orgCache.get(org);
  if (!entry) {
    entry = Promise.all([listAll<Person>('people', { org }), listAll<Department>('departments', { org })]).then(([people, departments]) => ({
      people,
      departments,
    }));
    entry.catch(() => orgCache.delete(org));
    orgCache.set(org, entry);
  }
  return entry;
}

export interface LoadedLookups {
  lookups: Lookups | null;
  oursPeople: Person[];
  error: unknown;
}

export function useLookups(userId: string, list: InfluenceListEntry[] | undefined): LoadedLookups {
  const [state, setState] = useState<LoadedLookups>({ lookups: null, oursPeople: [], error: undefined });
  const companies = Array.from(new Set((list ?? []).map((e) => e.company))).sort();
  const key = `${list ? 'y' : 'n'}|${companies.join(',')}`;

  useEffect(() => {
    if (!list) return undefined;
    let current = true;
    (async () => {
      const base = await loadBase(userId);
      const visible = new Set(base.customers.map((c) => c.id));
      const orgs = await mapLimit(companies.filter((c) => visible.has(c)), 4, loadOrg);
      const people = new Map<string, string>();
      const departments = new Map<string, string>();
      for (const person of base.oursPeople) people.set(person.id, person.name);
      for (const org of orgs) {
        for (const person of org.people) people.set(person.id, person.name);
        for (const department of org.departments) departments.set(department.id, department.name);
      }
      const oursNames = new Map(base.oursPeople.map((p) => [p.id, p.name]));
      const userNames = new Map(base.users.map((u) => [u.id, oursNames.get(u.person) ?? u.login]));
      return {
        lookups: { people, customers: new Map(base.customers.map((c) => [c.id, c.name])), departments, users: userNames },
        oursPeople: base.oursPeople,
        error: undefined,
      };
    })()
      .then((next) => current && setState(next))
      .catch((error) => current && setState({ lookups: null, oursPeople: [], error }));
    return () => {
      current = false;
    };
    // `key` stands for the list's companies.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, userId]);

  return state;
}
