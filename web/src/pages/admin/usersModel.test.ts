import { describe, expect, it } from 'vitest';
import type { Team, User } from '../../api/types';
import { filterUsers, teamAndBelow, teamChange, teamRequest, teamTree, userChange, userCreateRequest, userRows } from './usersModel';

function user(id: string, login: string, extra: Partial<User> = {}): User {
  return { id, login, person: `p-${id}`, role: 'rep', team: null, active: true, language: 'zh-CN', since: null, until: null, ...extra };
}
function team(id: string, name: string, parent: string | null = null, manager: string | null = null): Team {
  return { id, name, parent, manager, since: null, until: null };
}

const teams = [team('root', '销售中心'), team('east', '华东', 'root', 'u1'), team('east-a', '华东一组', 'east'), team('west', '西部', 'root'), team('lost', '孤儿', 'gone')];

describe('userRows and filterUsers', () => {
  const users = [user('u2', 'rep02', { team: 'east' }), user('u1', 'manager1', { role: 'manager' }), user('u3', 'rep03', { until: '2026-01-01' })];
  const rows = userRows(users, new Map([['p-u1', '严然慧'], ['p-u2', '段琦']]), teams, '2026-11-24');

  it('names the person and the team, and puts retired users last', () => {
    expect(rows.map((r) => r.login)).toEqual(['manager1', 'rep02', 'rep03']);
    expect(rows[1]).toMatchObject({ name: '段琦', teamName: '华东', retired: false });
    expect(rows[2]).toMatchObject({ name: null, teamName: null, retired: true });
  });

  it('finds by login or name and hides retired users unless asked', () => {
    expect(filterUsers(rows, '', false).map((r) => r.login)).toEqual(['manager1', 'rep02']);
    expect(filterUsers(rows, '', true)).toHaveLength(3);
    expect(filterUsers(rows, '段', false).map((r) => r.login)).toEqual(['rep02']);
    expect(filterUsers(rows, 'MANAGER', false).map((r) => r.login)).toEqual(['manager1']);
  });
});

describe('user requests', () => {
  it('creates with a trimmed login, no team as null, and the password only when given', () => {
    expect(userCreateRequest({ login: ' rep99 ', person: 'p-9', role: 'rep' })).toEqual({ login: 'rep99', person: 'p-9', role: 'rep', team: null });
    expect(userCreateRequest({ login: 'x', person: 'p', role: 'admin', team: 'east', language: 'en', password: 'secret-123' })).toEqual({
      login: 'x', person: 'p', role: 'admin', team: 'east', language: 'en', password: 'secret-123',
    });
  });

  it('changes only what the form changed', () => {
    const u = user('u2', 'rep02', { team: 'east' });
    expect(userChange(u, { role: 'rep', team: 'east', active: true })).toBeNull();
    expect(userChange(u, { role: 'manager', team: undefined, active: false })).toEqual({ role: 'manager', team: null, active: false });
  });
});

describe('teamTree', () => {
  it('nests teams under their parents, sorted by name, and keeps a team with an unknown parent at the top', () => {
    const tree = teamTree(teams);
    expect(tree.map((n) => n.id).sort()).toEqual(['lost', 'root']);
    const root = tree.find((n) => n.id === 'root')!;
    // By pinyin: 华东 (hua) before 西部 (xi).
    expect(root.children?.map((n) => n.id)).toEqual(['east', 'west']);
    const east = root.children!.find((n) => n.id === 'east')!;
    expect(east.depth).toBe(1);
    expect(east.children?.map((n) => n.id)).toEqual(['east-a']);
    expect(east.children![0].children).toBeUndefined();
  });

  it('survives a loop', () => {
    const tree = teamTree([team('a', 'A', 'b'), team('b', 'B', 'a')]);
    expect(tree).toEqual([]);
  });
});

describe('team requests', () => {
  it('excludes the team and its subtree as parents', () => {
    expect([...teamAndBelow(teams, 'east')].sort()).toEqual(['east', 'east-a']);
    expect([...teamAndBelow(teams, 'east-a')]).toEqual(['east-a']);
  });
  it('maps the form', () => {
    expect(teamRequest({ name: ' 华中 ' })).toEqual({ name: '华中', parent: null, manager: null });
    expect(teamChange(teams[1], { name: '华东', parent: 'root', manager: 'u1' })).toBeNull();
    expect(teamChange(teams[1], { name: '华东大区', parent: undefined, manager: 'u1' })).toEqual({ name: '华东大区', parent: null });
  });
});
