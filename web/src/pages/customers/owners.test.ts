import { describe, expect, it } from 'vitest';
import type { Team, User } from '../../api/types';
import { defaultOwner, ownerChoices } from './owners';

function user(id: string, role: User['role'], team: string | null, active = true): User {
  return { id, login: id, person: `p-${id}`, role, team, active, language: 'zh-CN', since: null, until: null };
}

const teams: Team[] = [
  { id: 'root', name: '销售部', parent: null, manager: 'ceo', since: null, until: null },
  { id: 'east', name: '华东', parent: 'root', manager: 'm1', since: null, until: null },
  { id: 'east-1', name: '华东一组', parent: 'east', manager: null, since: null, until: null },
  { id: 'west', name: '华西', parent: 'root', manager: 'm2', since: null, until: null },
];
const users = [
  user('admin', 'admin', null), user('ceo', 'executive', 'root'), user('m1', 'manager', 'east'), user('m2', 'manager', 'west'),
  user('r1', 'rep', 'east'), user('r2', 'rep', 'east-1'), user('r3', 'rep', 'west'), user('gone', 'rep', 'east', false),
  user('s1', 'employee', null),
];
const by = (id: string) => users.find((u) => u.id === id)!;

describe('ownerChoices', () => {
  it('gives a rep only themself', () => {
    expect(ownerChoices(by('r1'), teams, users).map((u) => u.id)).toEqual(['r1']);
  });
  it('gives a manager the active sales users of their team subtree and themself', () => {
    expect(ownerChoices(by('m1'), teams, users).map((u) => u.id)).toEqual(['m1', 'r1', 'r2']);
  });
  it('gives executives and admins every active rep and manager', () => {
    expect(ownerChoices(by('admin'), teams, users).map((u) => u.id)).toEqual(['m1', 'm2', 'r1', 'r2', 'r3']);
    expect(ownerChoices(by('ceo'), teams, users)).toEqual(ownerChoices(by('admin'), teams, users));
  });
  it('gives an employee nobody', () => {
    expect(ownerChoices(by('s1'), teams, users)).toEqual([]);
  });
});

describe('defaultOwner', () => {
  it('is the rep or manager creating the customer, and nobody for executives and admins', () => {
    expect(defaultOwner(by('r1'))).toBe('r1');
    expect(defaultOwner(by('m1'))).toBe('m1');
    expect(defaultOwner(by('ceo'))).toBeNull();
  });
});
