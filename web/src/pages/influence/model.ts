// The influence page's logic, free of React: the list's rows with the names the viewer may read, the
// search and closeness filter, the scopes of the KPI table and the employees whose figures a user may see.
import type { Attitude, InfluenceLine, InfluenceListEntry, Team, User } from '../../api/types';
import { openableTeams, openableUsers } from '../../lib/perspective';

/** Names the page could read; an id missing here belongs to something the viewer may not open. */
export interface Lookups {
  /** People of visible customers and our employees. */
  people: Map<string, string>;
  /** Visible customer organizations. */
  customers: Map<string, string>;
  departments: Map<string, string>;
  /** User id → the user's person's name, or the login. */
  users: Map<string, string>;
}

export interface Named {
  id: string;
  /** null when the viewer may not read it: show what the list carries (the id), link nowhere. */
  name: string | null;
}

export interface InfluenceRow {
  key: string;
  person: Named;
  company: Named;
  department: Named | null;
  title: string | null;
  closeness: Attitude;
  owner: Named | null;
  influencers: Named[];
  /** The viewer may open the person's customer (and so the person). */
  readable: boolean;
}

function named(id: string, names: Map<string, string>): Named {
  return { id, name: names.get(id) ?? null };
}

export function influenceRows(list: InfluenceListEntry[], lookups: Lookups): InfluenceRow[] {
  return list.map((entry) => {
    const readable = lookups.customers.has(entry.company);
    return {
      key: entry.person,
      person: readable ? named(entry.person, lookups.people) : { id: entry.person, name: null },
      company: named(entry.company, lookups.customers),
      department: entry.department ? (readable ? named(entry.department, lookups.departments) : { id: entry.department, name: null }) : null,
      title: entry.title,
      closeness: entry.closeness,
      owner: entry.owner ? named(entry.owner, lookups.users) : null,
      influencers: entry.influencers.map((id) => named(id, lookups.people)),
      readable,
    };
  });
}

export function label(value: Named | null): string {
  if (!value) return '';
  return value.name ?? value.id;
}

export interface RowFilter {
  text: string;
  closeness: Attitude[];
}

/** Rows whose person, company, department, title, owner or influencer contains `text` (any case), and
 * whose closeness is one of `closeness` (all when empty). */
export function filterRows(rows: InfluenceRow[], filter: RowFilter): InfluenceRow[] {
  const text = filter.text.trim().toLowerCase();
  const wanted = new Set(filter.closeness);
  return rows.filter((row) => {
    if (wanted.size && !wanted.has(row.closeness)) return false;
    if (!text) return true;
    const haystack = [label(row.person), label(row.company), label(row.department), row.title ?? '', label(row.owner), ...row.influencers.map(label)];
    return haystack.some((value) => value.toLowerCase().includes(text));
  });
}

const CLOSENESS_RANK: Record<Attitude, number> = { strong_support: 5, support: 4, neutral: 3, oppose: 2, strong_oppose: 1, unknown: 0 };

export function compareCloseness(a: Attitude, b: Attitude): number {
  return CLOSENESS_RANK[a] - CLOSENESS_RANK[b];
}

// ---- KPIs ----

export interface KpiScope {
  scope: string;
  kind: 'company' | 'team' | 'user' | 'me';
  /** The team's name or the user's login; empty for company and me. */
  name: string;
}

/** The scopes of the KPI table: executives and admins the company and every team, managers the teams they
 * may open, reps themselves; the perspective's own scope is always there (first). */
export function kpiScopes(user: User, teams: Team[], users: User[], current: string): KpiScope[] {
  const scopes: KpiScope[] = [];
  const add = (scope: string) => {
    if (scopes.some((s) => s.scope === scope)) return;
    if (scope === 'company') scopes.push({ scope, kind: 'company', name: '' });
    else if (scope === 'me') scopes.push({ scope, kind: 'me', name: '' });
    else if (scope.startsWith('team:')) {
      const id = scope.slice(5);
      scopes.push({ scope, kind: 'team', name: teams.find((t) => t.id === id)?.name ?? id });
    } else if (scope.startsWith('user:')) {
      const id = scope.slice(5);
      scopes.push({ scope, kind: 'user', name: users.find((u) => u.id === id)?.login ?? id });
    }
  };
  add(current);
  if (user.role === 'executive' || user.role === 'admin') add('company');
  for (const team of openableTeams(user, teams)) add(`team:${team.id}`);
  if (user.role === 'rep') add('me');
  return scopes;
}

export interface KpiRow {
  key: string;
  scope: KpiScope;
  acquainted: number;
  uninsighted: number;
  valuePotential: number | null;
  contributionCount: number | null;
  contributionAmount: number | null;
}

export function kpiRow(scope: KpiScope, line: InfluenceLine): KpiRow {
  return {
    key: scope.scope,
    scope,
    acquainted: line.trend.acquainted,
    uninsighted: line.trend.uninsighted,
    valuePotential: line.kpi.value_potential,
    contributionCount: line.kpi.contribution_count,
    contributionAmount: line.kpi.contribution_amount,
  };
}

// ---- Employees ----

export interface EmployeeEntry {
  person: string;
  name: string;
  /** The login of the user who is this person, if any. */
  login: string | null;
}

/** Whose employee figures a user sees: executives and admins every employee (active person of ours),
 * managers the users of the teams they may open and themselves, reps themselves. */
export function employeeEntries(user: User, teams: Team[], users: User[], ours: { id: string; name: string }[]): EmployeeEntry[] {
  const loginOf = new Map(users.map((u) => [u.person, u.login]));
  const nameOf = new Map(ours.map((p) => [p.id, p.name]));
  const entry = (person: string): EmployeeEntry => ({ person, name: nameOf.get(person) ?? person, login: loginOf.get(person) ?? null });
  if (user.role === 'executive' || user.role === 'admin') return ours.map((p) => entry(p.id));
  const persons = new Set<string>([user.person]);
  if (user.role === 'manager') for (const u of openableUsers(user, teams, users)) persons.add(u.person);
  return [...persons].map(entry).sort((a, b) => (a.person === user.person ? -1 : b.person === user.person ? 1 : a.name.localeCompare(b.name, 'zh-CN')));
}

/** Runs `task` over `items` with at most `limit` at a time; the results keep the items' order. */
export async function mapLimit<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Is a record with since/until active on `day` (YYYY-MM-DD)? `until` is exclusive. */
export function activeOn(record: { since: string | null; until: string | null }, day: string): boolean {
  return (record.since === null || record.since <= day) && (record.until === null || day < record.until);
}
