// What the users-and-teams page shows: every user and team, and our organization's people (a user is one
// of them). Reloaded after each write.
import { useCallback, useEffect, useState } from 'react';
import { listAll } from '../../api/client';
import type { Organization, Person, Team, User } from '../../api/types';

export interface DirectoryData {
  users: User[];
  teams: Team[];
  people: Person[];
}

export function useDirectoryData() {
  const [data, setData] = useState<DirectoryData>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let current = true;
    setLoading(true);
    (async () => {
      const [users, teams, ours] = await Promise.all([
        listAll<User>('users'),
        listAll<Team>('teams'),
        listAll<Organization>('organizations', { kind: 'ours' }),
      ]);
      const people = ours.length ? await listAll<Person>('people', { org: ours[0].id }) : [];
      return { users, teams, people };
    })()
      .then((next) => {
        if (!current) return;
        setData(next);
        setError(undefined);
      })
      .catch((failure) => current && setError(failure))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, error, loading, reload };
}
