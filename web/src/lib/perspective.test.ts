import { describe, expect, it } from 'vitest';
import type { Team, User } from '../api/types';
import { defaultScope, openableTeams, openableUsers, scopeAllowed } from './perspective';

const team = (id: string, parent: string | null, manager: string | null): Team => ({ id, name: id, parent, manager, since: null, until: null });
const user = (id: string, role: User['role'], teamId: string | null): User => ({
  id, login: id, person: `p-${id}`, role, team: teamId, active: true, language: 'zh-CN', since: null, until: null,
});

// root ─ east (managed by m1) ─ east-a
//      └ north (managed by m2)
const teams = [team('root', null, 'ceo'), team('east', 'root', 'm1'), team('east-a', 'east', null), team('north', 'root', 'm2')];
const users = [user('ceo', 'executive', 'root'), user('m1', 'manager', 'east'), user('m2', 'manager', 'north'),
  user('r1', 'rep', 'east'), user('r2', 'rep', 'east-a'), user('r3', 'rep', 'north'), user('s1', 'employee', null)];

describe('perspectives a user may open', () => {
  it('gives a manager their team subtree and its sellers', () => {
    expect(openableTeams(users[1], teams).map((t) => t.id)).toEqual(['east', 'east-a']);
    expect(openableUsers(users[1], teams, users).map((u) => u.id)).toEqual(['m1', 'r1', 'r2']);
  });
  it('gives executives every team and every seller', () => {
    expect(openableTeams(users[0], teams)).toHaveLength(4);
    expect(openableUsers(users[0], teams, users).map((u) => u.id)).toEqual(['m1', 'm2', 'r1', 'r2', 'r3']);
  });
  it('gives a rep nothing but themselves', () => {
    expect(openableTeams(users[3], teams)).toEqual([]);
    expect(scopeAllowed('me', users[3], teams, users)).toBe(true);
    expect(scopeAllowed('user:r1', users[3], teams, users)).toBe(true);
    expect(scopeAllowed('user:r2', users[3], teams, users)).toBe(false);
    expect(scopeAllowed('company', users[3], teams, users)).toBe(false);
  });
  it('refuses a manager another team and its reps', () => {
    expect(scopeAllowed('team:north', users[1], teams, users)).toBe(false);
    expect(scopeAllowed('user:r3', users[1], teams, users)).toBe(false);
    expect(scopeAllowed('team:east-a', users[1], teams, users)).toBe(true);
  });
  it('starts each role on its natural scope', () => {
    expect(defaultScope(users[0])).toBe('company');
    expect(defaultScope(users[1])).toBe('team:east');
    expect(defaultScope(users[3])).toBe('me');
  });
});
