// Users are shown by their person's name, never their login (issue 13): a user carries `person`, and names
// come from the people records (api/names.ts). While a name loads the caller shows a placeholder; a user whose
// person the viewer may not read falls back to the login.
import { useMemo } from 'react';
import { useNames } from '../api/hooks';
import type { User } from '../api/types';
import { usePerspectiveIfAny } from './perspective';

const NO_USERS: User[] = [];

/** The names of `ids` as a record (an id is absent while its name loads). */
export function useUserNameRecord(ids: (string | null | undefined)[]): Record<string, string> {
  const name = useUserNames(ids);
  const record: Record<string, string> = {};
  for (const id of ids) {
    const found = id ? name(id) : undefined;
    if (id && found !== undefined) record[id] = found;
  }
  // The same object while the names are the same, so that it can be a dependency.
  const key = JSON.stringify(record);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => record, [key]);
}

/** A function from a user id to its name: undefined while it loads (or for an unknown id). `ids` are the users
 * wanted; without them, every user of the perspective. */
export function useUserNames(ids?: (string | null | undefined)[]): (id: string | null | undefined) => string | undefined {
  const perspective = usePerspectiveIfAny();
  const list = perspective?.users ?? NO_USERS;
  const loaded = perspective?.loaded ?? true;
  const users = useMemo(() => new Map(list.map((u) => [u.id, u])), [list]);
  const wanted = ids ?? list.map((u) => u.id);
  const people = useNames('people', wanted.map((id) => (id ? users.get(id)?.person : undefined)));
  // Users the perspective does not list (an employee's view): by the users collection, which names them by login.
  const others = useNames('users', wanted.filter((id) => id && !users.has(id)));
  return (id) => {
    if (!id) return undefined;
    const user = users.get(id);
    if (!user) return loaded ? others[id] : undefined;
    const name = people[user.person];
    if (name === undefined) return undefined;
    return name === user.person ? user.login : name;
  };
}
