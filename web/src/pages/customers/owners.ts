// Whom a customer (or an opportunity) may be given to, as the server's access policy decides
// (docs/api.md, "Writing"): a rep owns their own customers; a manager also gives them to the sales users of
// their team subtree; executives and admins to any active rep or manager. The server refuses anything else
// (403 naming owner); this list only keeps the form from offering it.
import type { Team, User } from '../../api/types';
import { openableUsers } from '../../lib/perspective';

export function ownerChoices(me: User, teams: Team[], users: User[]): User[] {
  const sells = (u: User) => u.active && (u.role === 'rep' || u.role === 'manager');
  if (me.role === 'executive' || me.role === 'admin') return users.filter(sells);
  if (me.role === 'manager') {
    const team = openableUsers(me, teams, users).filter(sells);
    return team.some((u) => u.id === me.id) ? team : [me, ...team];
  }
  return me.role === 'rep' ? [me] : [];
}

/** The owner a new customer starts with: reps and managers themselves, executives and admins nobody yet. */
export function defaultOwner(me: User): string | null {
  return me.role === 'rep' || me.role === 'manager' ? me.id : null;
}
