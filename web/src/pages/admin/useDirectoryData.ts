// What the users-and-teams page shows: every user and team, and our organization's people (a user is one
// of them). Reloaded after each write.
import { listAll } from '../../api/client';
import { useLoad } from '../../api/hooks';
import type { Organization, Person, Team, User } from '../../api/types';

export interface DirectoryData {
  users: User[];
  teams: Team[];
  people: Person[];
}

export function useDirectoryData() {
  return useLoad<DirectoryData>('directory', async () => {
    const [users, teams, ours] = await Promise.all([
      listAll<User>('users'),
      listAll<Team>('teams'),
      listAll<Organization>('organizations', { kind: 'ours' }),
    ]);
    const people = ours.length ? await listAll<Person>('people', { org: ours[0].id }) : [];
    return { users, teams, people };
  });
}
