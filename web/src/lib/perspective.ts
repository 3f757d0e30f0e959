// Which teams and users a signed-in user may open as a perspective (SPEC.md §7): executives and admins any;
// a manager the team they belong to and every team they manage, with all teams below, and those teams'
// users; a rep only themselves.
import type { Team, User } from '../api/types';

export function openableTeams(user: User, teams: Team[]): Team[] {
  if (user.role === 'executive' || user.role === 'admin') return teams;
  if (user.role !== 'manager') return [];
  const roots = new Set(teams.filter((t) => t.id === user.team || t.manager === user.id).map((t) => t.id));
  const open = new Set<string>();
  let frontier = [...roots];
  while (frontier.length) {
    const next: string[] = [];
    for (const id of frontier) {
      if (open.has(id)) continue;
      open.add(id);
      for (const team of teams) if (team.parent === id) next.push(team.id);
    }
    frontier = next;
  }
  return teams.filter((t) => open.has(t.id));
}

export function openableUsers(user: User, teams: Team[], users: User[]): User[] {
  const sells = (u: User) => u.role === 'rep' || u.role === 'manager';
  if (user.role === 'executive' || user.role === 'admin') return users.filter(sells);
  if (user.role !== 'manager') return [];
  const open = new Set(openableTeams(user, teams).map((t) => t.id));
  return users.filter((u) => sells(u) && ((u.team !== null && open.has(u.team)) || u.id === user.id));
}

export function defaultScope(user: User): string {
  if (user.role === 'executive' || user.role === 'admin') return 'company';
  if (user.role === 'manager' && user.team) return `team:${user.team}`;
  return 'me';
}

/** May this user ask for this scope? The server decides too (403); this keeps the switch honest. */
export function scopeAllowed(scope: string, user: User, teams: Team[], users: User[]): boolean {
  if (scope === 'me') return true;
  if (scope === 'company') return user.role === 'executive' || user.role === 'admin';
  if (scope.startsWith('team:')) return openableTeams(user, teams).some((t) => `team:${t.id}` === scope);
  if (scope.startsWith('user:')) return scope === `user:${user.id}` || openableUsers(user, teams, users).some((u) => `user:${u.id}` === scope);
  return false;
}
