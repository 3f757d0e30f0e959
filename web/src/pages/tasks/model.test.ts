import { describe, expect, it } from 'vitest';
import type { Task, Team, User, Warning } from '../../api/types';
import { assignableUsers, cutToBytes, groupTasks, isActive, taskFromWarning, taskGroup, taskState, warningKey } from './model';

const TODAY = '2026-12-06';

function task(id: string, fields: Partial<Task> = {}): Task {
  return {
    id, title: id, customer: null, opportunity: null, person: null, assignee: 'u1', due: null, status: 'open',
    snoozed_until: null, reason: null, source: 'hand', source_key: null, note: null, by: 'u1', date: '2026-12-01', ...fields,
  };
}

function user(id: string, role: User['role'], team: string | null, active = true): User {
  return { id, login: id, person: `p-${id}`, role, team, active, language: 'zh-CN', since: null, until: null };
}

describe('taskState', () => {
  it('wakes a snoozed task on the day it comes back, not before', () => {
    expect(taskState(task('a', { status: 'snoozed', snoozed_until: '2026-12-07' }), TODAY)).toBe('snoozed');
    expect(taskState(task('a', { status: 'snoozed', snoozed_until: '2026-12-06' }), TODAY)).toBe('woken');
    expect(isActive(task('a', { status: 'snoozed', snoozed_until: '2026-12-06' }), TODAY)).toBe(true);
    expect(isActive(task('a', { status: 'done' }), TODAY)).toBe(false);
    expect(taskState(task('a', { status: 'dismissed', reason: 'x' }), TODAY)).toBe('dismissed');
  });
});

describe('groupTasks', () => {
  it('puts each task in its group and orders each group', () => {
    const tasks = [
      task('later', { due: '2026-12-20' }),
      task('soon', { due: '2026-12-08' }),
      task('late2', { due: '2026-12-05' }),
      task('late1', { due: '2026-11-30' }),
      task('now', { due: TODAY }),
      task('free'),
      task('woke', { status: 'snoozed', snoozed_until: '2026-12-01', due: '2026-12-02' }),
      task('sleeping', { status: 'snoozed', snoozed_until: '2027-01-01' }),
      task('old', { status: 'done', date: '2026-10-01' }),
      task('new', { status: 'dismissed', reason: 'x', date: '2026-11-01' }),
    ];
    expect(taskGroup(tasks[6], TODAY)).toBe('overdue');
    expect(groupTasks(tasks, TODAY).map((g) => [g.group, g.tasks.map((t) => t.id)])).toEqual([
      ['overdue', ['late1', 'woke', 'late2']],
      ['today', ['now']],
      ['upcoming', ['soon', 'later']],
      ['undated', ['free']],
      ['snoozed', ['sleeping']],
      ['closed', ['new', 'old']],
    ]);
  });
  it('leaves empty groups out', () => {
    expect(groupTasks([task('x', { due: TODAY })], TODAY).map((g) => g.group)).toEqual(['today']);
    expect(groupTasks([], TODAY)).toEqual([]);
  });
});

describe('assignableUsers', () => {
  const teams: Team[] = [
    { id: 'root', name: 'root', parent: null, manager: 'ceo', since: null, until: null },
    { id: 'east', name: 'east', parent: 'root', manager: 'mgr', since: null, until: null },
    { id: 'west', name: 'west', parent: 'root', manager: null, since: null, until: null },
  ];
  const users = [
    user('ceo', 'executive', 'root'), user('mgr', 'manager', 'east'), user('rep1', 'rep', 'east'),
    user('gone', 'rep', 'east', false), user('rep2', 'rep', 'west'), user('staff', 'employee', 'east'), user('admin', 'admin', null),
  ];
  const ids = (list: User[]) => list.map((u) => u.id).sort();
  it('gives a rep only themself', () => {
    expect(ids(assignableUsers(users[2], teams, users))).toEqual(['rep1']);
  });
  it('gives a manager the active sales users of their teams', () => {
    expect(ids(assignableUsers(users[1], teams, users))).toEqual(['mgr', 'rep1']);
  });
  it('gives an executive or administrator every active sales user', () => {
    expect(ids(assignableUsers(users[0], teams, users))).toEqual(['admin', 'ceo', 'mgr', 'rep1', 'rep2']);
  });
});

describe('a task from a warning', () => {
  const warning: Warning = {
    kind: 'veto_opposes', severity: 'high', customer: 'c1', opportunity: 'o1', person: 'p1', message: 'x',
    dimensions: [], employees: [], competitors: [],
  };
  it('keeps what the warning concerns and where it came from', () => {
    expect(warningKey(warning)).toBe('veto_opposes:c1:o1:p1');
    expect(warningKey({ ...warning, opportunity: null, person: null })).toBe('veto_opposes:c1::');
    expect(taskFromWarning(warning, '赵敏握有否决权却反对我们', 'u1')).toEqual({
      title: '赵敏握有否决权却反对我们', customer: 'c1', opportunity: 'o1', person: 'p1', assignee: 'u1',
      source: 'warning', source_key: 'veto_opposes:c1:o1:p1',
    });
  });
  it('cuts a long sentence to the 200 bytes a title holds, on a whole character', () => {
    const long = '关系'.repeat(100); // 600 bytes
    const cut = cutToBytes(long, 200);
    expect(new TextEncoder().encode(cut).length).toBeLessThanOrEqual(200);
    expect(cut.endsWith('…')).toBe(true);
    // 65 characters of 3 bytes and the 3-byte ellipsis make 198 bytes; a 66th character would make 201.
    expect(cut.length).toBe(66);
  });
});
