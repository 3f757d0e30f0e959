// The names the influence list needs, read only where the viewer may read them: our organization's people
// (the influencers and the users), the visible customers, and the listed people and departments of those
// visible customers (by ids, in batches). Nothing is asked about a person of a customer the viewer may not see.
import { useEffect, useState } from 'react';
import { listAll } from '../../api/client';
import { lookupName } from '../../api/names';
import type { InfluenceListEntry, Organization, Person, User } from '../../api/types';
import type { Lookups } from './model';

interface Base {
  oursPeople: Person[];
  customers: Organization[];
  users: User[];
}

let basePromise: Promise<Base> | null = null;
let baseOwner = '';

/** Our organization's people, the visible customers and the users, loaded once per signed-in user. */
export function loadBase(userId: string): Promise<Base> {
  if (!basePromise || baseOwner !== userId) {
    baseOwner = userId;
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
}

/** Up to this many readable persons, every name is read at once (so that the search finds them all);
 * beyond it the list names the persons of the page on show (LazyName). */
export const PREFETCH = 3000;

async function names(collection: 'people' | 'departments', ids: string[]): Promise<Map<string, string>> {
  const pairs = await Promise.all(ids.map((id) => lookupName(collection, id).then((name) => [id, name] as const)));
  return new Map(pairs.filter((pair): pair is readonly [string, string] => pair[1] !== null));
}

export interface LoadedLookups {
  lookups: Lookups | null;
  oursPeople: Person[];
  error: unknown;
}

export function useLookups(userId: string, list: InfluenceListEntry[] | undefined): LoadedLookups {
  const [state, setState] = useState<LoadedLookups>({ lookups: null, oursPeople: [], error: undefined });

  useEffect(() => {
    if (!list) return undefined;
    let current = true;
    (async () => {
      const base = await loadBase(userId);
      const visible = new Set(base.customers.map((c) => c.id));
      const readable = list.filter((entry) => visible.has(entry.company));
      const few = readable.length <= PREFETCH;
      const [listed, departments] = few
        ? await Promise.all([
            names('people', readable.map((entry) => entry.person)),
            names('departments', [...new Set(readable.flatMap((entry) => (entry.department ? [entry.department] : [])))]),
          ])
        : [new Map<string, string>(), new Map<string, string>()];
      const people = new Map<string, string>(listed);
      for (const person of base.oursPeople) people.set(person.id, person.name);
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
  }, [list, userId]);

  return state;
}
