// The influence page's logic, free of React: the list's rows with the names the server gave, the search,
// closeness filter, sort and page that the address keeps and the server query they make, the scopes of the
// KPI table and the employees whose figures a user may see.
import type { Params } from '../../api/client';
import { INFLUENCE_SORT_KEYS, type InfluenceLineRow, type InfluenceLineSummary, type InfluenceSortKey } from '../../api/lines';
import { ATTITUDES, type Attitude, type Team, type User } from '../../api/types';
import { openableTeams, openableUsers } from '../../lib/perspective';

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
  /** The viewer may open the person (the server named them). */
  readable: boolean;
}

/** The rows of a page of the list, with the names the server gave (null where the viewer may not read). */
export function influenceRows(items: InfluenceLineRow[]): InfluenceRow[] {
  return items.map((entry) => ({
    key: entry.person,
    person: { id: entry.person, name: entry.person_name },
    company: { id: entry.company, name: entry.company_name },
    department: entry.department ? { id: entry.department, name: entry.department_name } : null,
    title: entry.title,
    closeness: entry.closeness,
    owner: entry.owner ? { id: entry.owner, name: entry.owner_name } : null,
    influencers: entry.influencers.map((id, i) => ({ id, name: entry.influencer_names?.[i] ?? null })),
    readable: entry.person_name !== null,
  }));
}

export function label(value: Named | null): string {
  if (!value) return '';
  return value.name ?? value.id;
}

// ---- The list's address and server query ----

export interface ListQuery {
  text: string;
  closeness: Attitude[];
  sort: { key: InfluenceSortKey; order: 'ascend' | 'descend' } | null;
  page: number;
  size: number;
}

export const PAGE_SIZES = [10, 20, 50, 100] as const;
export const PAGE_SIZE = 20;

/** The list's search, closeness filter, sort and page as the address keeps them (unknown values dropped). */
export function listFromQuery(query: URLSearchParams): ListQuery {
  const key = query.get('sort');
  const size = Number(query.get('size'));
  return {
    text: query.get('q') ?? '',
    closeness: (query.get('closeness') ?? '').split(',').filter((a): a is Attitude => (ATTITUDES as string[]).includes(a)),
    sort: key && (INFLUENCE_SORT_KEYS as readonly string[]).includes(key)
      ? { key: key as InfluenceSortKey, order: query.get('order') === 'desc' ? 'descend' : 'ascend' }
      : null,
    page: Math.max(1, Math.floor(Number(query.get('page'))) || 1),
    size: (PAGE_SIZES as readonly number[]).includes(size) ? size : PAGE_SIZE,
  };
}

/** The address of a list query, keeping unrelated parameters; defaults are left out. */
export function listToQuery(list: ListQuery, base = new URLSearchParams()): URLSearchParams {
  const query = new URLSearchParams(base);
  for (const key of ['q', 'closeness', 'sort', 'order', 'page', 'size']) query.delete(key);
  if (list.text) query.set('q', list.text);
  if (list.closeness.length) query.set('closeness', list.closeness.join(','));
  if (list.sort) {
    query.set('sort', list.sort.key);
    query.set('order', list.sort.order === 'descend' ? 'desc' : 'asc');
  }
  if (list.page > 1) query.set('page', String(list.page));
  if (list.size !== PAGE_SIZE) query.set('size', String(list.size));
  return query;
}

/** The server's parameters for the page (the perspective's are added by the caller). */
export function listParams(list: ListQuery): Params {
  const params: Params = { limit: list.size, offset: (list.page - 1) * list.size };
  const text = list.text.trim();
  if (text) params.q = text;
  if (list.closeness.length) params.closeness = list.closeness.join(',');
  if (list.sort) {
    params.sort = list.sort.key;
    params.order = list.sort.order === 'descend' ? 'desc' : 'asc';
  }
  return params;
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

export function kpiRow(scope: KpiScope, line: Pick<InfluenceLineSummary, 'trend' | 'kpi'>): KpiRow {
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
