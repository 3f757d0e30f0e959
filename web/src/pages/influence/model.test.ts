import { describe, expect, it } from 'vitest';
import type { InfluenceLineRow, InfluenceLineSummary } from '../../api/lines';
import type { Team, User } from '../../api/types';
import { activeOn, employeeEntries, influenceRows, kpiRow, kpiScopes, listFromQuery, listParams, listToQuery, mapLimit, PAGE_SIZE } from './model';

// As the server answers them: a person of a customer the viewer may not see has no name, nor has its company.
const items: InfluenceLineRow[] = [
  {
    person: 'p-1', company: 'cust-1', department: 'd-1', title: '校长', closeness: 'support', owner: 'u-rep01', influencers: ['p-e1', 'p-e2'],
    person_name: '张伟', company_name: '宏达新能源', department_name: '校办', owner_name: '赵敏', influencer_names: ['李娜', '王强'],
  },
  {
    person: 'p-9', company: 'cust-9', department: 'd-9', title: '主任', closeness: 'oppose', owner: 'u-rep02', influencers: ['p-e2'],
    person_name: null, company_name: null, department_name: null, owner_name: '钱坤', influencer_names: ['王强'],
  },
];

function user(id: string, role: User['role'], team: string | null, person = `p-${id}`): User {
  return { id, login: id, person, role, team, active: true, language: 'zh-CN', since: null, until: null };
}

const teams: Team[] = [
  { id: 'root', name: '销售中心', parent: null, manager: 'ceo', since: null, until: null },
  { id: 'east', name: '华东', parent: 'root', manager: 'm1', since: null, until: null },
  { id: 'east-a', name: '华东一组', parent: 'east', manager: null, since: null, until: null },
  { id: 'west', name: '西部', parent: 'root', manager: 'm2', since: null, until: null },
];
const users: User[] = [
  user('ceo', 'executive', 'root'),
  user('m1', 'manager', 'east'),
  user('r1', 'rep', 'east-a'),
  user('r2', 'rep', 'west'),
  user('s1', 'employee', null),
];

describe('influenceRows', () => {
  it('names what the server named and keeps the ids of a masked person', () => {
    const [mine, masked] = influenceRows(items);
    expect(mine.readable).toBe(true);
    expect(mine.person).toEqual({ id: 'p-1', name: '张伟' });
    expect(mine.company.name).toBe('宏达新能源');
    expect(mine.department).toEqual({ id: 'd-1', name: '校办' });
    expect(mine.owner).toEqual({ id: 'u-rep01', name: '赵敏' });
    expect(mine.influencers.map((i) => i.name)).toEqual(['李娜', '王强']);
    expect(masked.readable).toBe(false);
    expect(masked.person).toEqual({ id: 'p-9', name: null });
    expect(masked.company).toEqual({ id: 'cust-9', name: null });
    expect(masked.department).toEqual({ id: 'd-9', name: null });
    expect(masked.title).toBe('主任');
    expect(masked.influencers).toEqual([{ id: 'p-e2', name: '王强' }]);
  });
});

describe('the list in the address and the server query', () => {
  it('reads search, closeness, sort and page; drops unknown words', () => {
    const list = listFromQuery(new URLSearchParams('q=张&closeness=oppose,bogus,strong_oppose&sort=influencers&order=desc&page=2&size=50'));
    expect(list).toEqual({ text: '张', closeness: ['oppose', 'strong_oppose'], sort: { key: 'influencers', order: 'descend' }, page: 2, size: 50 });
    expect(listFromQuery(new URLSearchParams('sort=title&size=7'))).toEqual({ text: '', closeness: [], sort: null, page: 1, size: PAGE_SIZE });
  });
  it('round-trips through the address, keeping other parameters and leaving defaults out', () => {
    const list = { text: '张', closeness: ['support' as const], sort: { key: 'company' as const, order: 'ascend' as const }, page: 3, size: 20 };
    const query = listToQuery(list, new URLSearchParams('tab=kpi&page=9'));
    expect(query.toString()).toBe('tab=kpi&q=%E5%BC%A0&closeness=support&sort=company&order=asc&page=3');
    expect(listFromQuery(query)).toEqual(list);
  });
  it('asks the server for the page: page 3 of 20 skips 40', () => {
    expect(listParams({ text: ' 张 ', closeness: ['oppose', 'strong_oppose'], sort: { key: 'closeness', order: 'descend' }, page: 3, size: 20 })).toEqual({
      limit: 20, offset: 40, q: '张', closeness: 'oppose,strong_oppose', sort: 'closeness', order: 'desc',
    });
    expect(listParams({ text: '', closeness: [], sort: null, page: 1, size: 20 })).toEqual({ limit: 20, offset: 0 });
  });
});

describe('kpiScopes', () => {
  it('gives executives the company and every team', () => {
    expect(kpiScopes(users[0], teams, users, 'company').map((s) => s.scope)).toEqual(['company', 'team:root', 'team:east', 'team:east-a', 'team:west']);
  });
  it('gives managers the teams they may open, after the current scope', () => {
    const scopes = kpiScopes(users[1], teams, users, 'user:r1');
    expect(scopes.map((s) => s.scope)).toEqual(['user:r1', 'team:east', 'team:east-a']);
    expect(scopes[0]).toEqual({ scope: 'user:r1', kind: 'user', name: 'r1' });
    expect(scopes[1].name).toBe('华东');
  });
  it('gives reps themselves', () => {
    expect(kpiScopes(users[2], teams, users, 'me').map((s) => s.scope)).toEqual(['me']);
  });
});

describe('kpiRow', () => {
  it('takes the counts from the trend and the shares from the kpi', () => {
    const line = {
      trend: { acquainted: 37, uninsighted: 3 },
      kpi: { value_potential: 0.5, contribution_count: null, contribution_amount: 0.25 },
    } as unknown as InfluenceLineSummary;
    const row = kpiRow({ scope: 'me', kind: 'me', name: '' }, line);
    expect(row).toMatchObject({ key: 'me', acquainted: 37, uninsighted: 3, valuePotential: 0.5, contributionCount: null, contributionAmount: 0.25 });
  });
});

describe('employeeEntries', () => {
  const ours = [
    { id: 'p-ceo', name: '王辉' }, { id: 'p-m1', name: '严然慧' }, { id: 'p-r1', name: '段琦' }, { id: 'p-r2', name: '孙丽' }, { id: 'p-s1', name: '周杰' },
  ];
  it('gives executives every employee, with logins', () => {
    const entries = employeeEntries(users[0], teams, users, ours);
    expect(entries.map((e) => e.person)).toEqual(['p-ceo', 'p-m1', 'p-r1', 'p-r2', 'p-s1']);
    expect(entries[2]).toEqual({ person: 'p-r1', name: '段琦', login: 'r1' });
  });
  it('gives managers themselves first and the users of their teams', () => {
    expect(employeeEntries(users[1], teams, users, ours).map((e) => e.person)).toEqual(['p-m1', 'p-r1']);
  });
  it('gives reps only themselves', () => {
    expect(employeeEntries(users[3], teams, users, ours).map((e) => e.person)).toEqual(['p-r2']);
  });
});

describe('activeOn', () => {
  it('treats until as exclusive', () => {
    expect(activeOn({ since: '2026-01-01', until: '2026-11-24' }, '2026-11-23')).toBe(true);
    expect(activeOn({ since: '2026-01-01', until: '2026-11-24' }, '2026-11-24')).toBe(false);
    expect(activeOn({ since: '2026-12-01', until: null }, '2026-11-24')).toBe(false);
    expect(activeOn({ since: null, until: null }, '2026-11-24')).toBe(true);
  });
});

describe('mapLimit', () => {
  it('keeps the order and never runs more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const out = await mapLimit([5, 1, 3, 2, 4], 2, async (n) => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, n));
      running--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 30, 20, 40]);
    expect(most).toBe(2);
  });
});
