// Users and teams without React: the rows of the tables, the team tree, and the requests the forms send.
import type { Language, Role, Team, User } from '../../api/types';

export const ROLES: Role[] = ['rep', 'manager', 'executive', 'admin', 'employee'];

export interface UserRow extends User {
  name: string | null;
  teamName: string | null;
  retired: boolean;
}

/** Users with their person's name and team's name, active ones first, then by login. */
export function userRows(users: User[], personNames: Map<string, string>, teams: Team[], today: string): UserRow[] {
  const teamNames = new Map(teams.map((t) => [t.id, t.name]));
  return users
    .map((user) => ({
      ...user,
      name: personNames.get(user.person) ?? null,
      teamName: user.team ? teamNames.get(user.team) ?? user.team : null,
      retired: user.until !== null && user.until <= today,
    }))
    .sort((a, b) => Number(a.retired) - Number(b.retired) || a.login.localeCompare(b.login));
}

export function filterUsers(rows: UserRow[], text: string, showRetired: boolean): UserRow[] {
  const needle = text.trim().toLowerCase();
  return rows.filter(
    (row) => (showRetired || !row.retired) && (!needle || row.login.toLowerCase().includes(needle) || (row.name ?? '').toLowerCase().includes(needle)),
  );
}

export interface UserCreateForm {
  login: string;
  person: string;
  role: Role;
  team?: string | null;
  language?: Language;
  password?: string;
}

export function userCreateRequest(form: UserCreateForm) {
  const body: Record<string, unknown> = { login: form.login.trim(), person: form.person, role: form.role, team: form.team ?? null };
  if (form.language) body.language = form.language;
  if (form.password) body.password = form.password;
  return body;
}

export interface UserEditForm {
  role: Role;
  team?: string | null;
  active: boolean;
}

/** The PATCH body for what the edit form changed, or null when nothing did. */
export function userChange(user: User, form: UserEditForm): Partial<Pick<User, 'role' | 'team' | 'active'>> | null {
  const change: Partial<Pick<User, 'role' | 'team' | 'active'>> = {};
  if (form.role !== user.role) change.role = form.role;
  if ((form.team ?? null) !== user.team) change.team = form.team ?? null;
  if (form.active !== user.active) change.active = form.active;
  return Object.keys(change).length ? change : null;
}

export interface TeamNode extends Team {
  key: string;
  depth: number;
  children?: TeamNode[];
}

/** Teams as a tree for a table: roots (or teams whose parent is unknown) at the top, children by name. */
export function teamTree(teams: Team[]): TeamNode[] {
  const ids = new Set(teams.map((t) => t.id));
  const byParent = new Map<string | null, Team[]>();
  for (const team of teams) {
    const parent = team.parent && ids.has(team.parent) ? team.parent : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), team]);
  }
  const seen = new Set<string>();
  const build = (parent: string | null, depth: number): TeamNode[] =>
    (byParent.get(parent) ?? [])
      .filter((team) => !seen.has(team.id) && seen.add(team.id))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
      .map((team) => {
        const children = build(team.id, depth + 1);
        return { ...team, key: team.id, depth, ...(children.length ? { children } : {}) };
      });
  return build(null, 0);
}

/** The team and every team below it: what may not become its parent (a loop). */
export function teamAndBelow(teams: Team[], id: string): Set<string> {
  const out = new Set<string>([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const team of teams) {
      if (team.parent && out.has(team.parent) && !out.has(team.id)) {
        out.add(team.id);
        grew = true;
      }
    }
  }
  return out;
}

export interface TeamForm {
  name: string;
  parent?: string | null;
  manager?: string | null;
}

export function teamRequest(form: TeamForm) {
  return { name: form.name.trim(), parent: form.parent ?? null, manager: form.manager ?? null };
}

export function teamChange(team: Team, form: TeamForm): Partial<Pick<Team, 'name' | 'parent' | 'manager'>> | null {
  const next = teamRequest(form);
  const change: Partial<Pick<Team, 'name' | 'parent' | 'manager'>> = {};
  if (next.name !== team.name) change.name = next.name;
  if (next.parent !== team.parent) change.parent = next.parent;
  if (next.manager !== team.manager) change.manager = next.manager;
  return Object.keys(change).length ? change : null;
}
