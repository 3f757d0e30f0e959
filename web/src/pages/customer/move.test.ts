import { describe, expect, it, vi } from 'vitest';
import type { ReportingLine } from '../../api/types';
import { descendants, moveProblem, planMove, runMove, undoMove, type MoveApi } from './move';

const reporting = [
  { id: 'r1', person: 'b', manager: 'a' },
  { id: 'r2', person: 'c', manager: 'a' },
  { id: 'r3', person: 'd', manager: 'b' },
];

function fakeApi(day = '2026-11-24') {
  const calls: string[] = [];
  let n = 0;
  const client: MoveApi = {
    retire: vi.fn(async (id: string) => {
      calls.push(`DELETE ${id}`);
      return { id, person: '?', manager: '?', since: null, until: day } as ReportingLine;
    }),
    create: vi.fn(async (body) => {
      calls.push(`POST ${body.person}->${body.manager} since ${body.since ?? '-'}`);
      return { id: `new${++n}`, person: body.person, manager: body.manager, since: body.since ?? null, until: null } as ReportingLine;
    }),
  };
  return { client, calls };
}

describe('moveProblem', () => {
  it('refuses the same manager, oneself and one\'s own reports', () => {
    expect(moveProblem('b', 'a', reporting)).toBe('same');
    expect(moveProblem('b', 'b', reporting)).toBe('self');
    expect(moveProblem('a', 'd', reporting)).toBe('descendant');
    expect(moveProblem('d', 'c', reporting)).toBeNull();
    expect(moveProblem('a', null, reporting)).toBe('same');
    expect(moveProblem('b', null, reporting)).toBeNull();
  });
  it('collects descendants through loops without hanging', () => {
    expect([...descendants('a', reporting)].sort()).toEqual(['b', 'c', 'd']);
    expect([...descendants('x', [{ id: '1', person: 'y', manager: 'x' }, { id: '2', person: 'x', manager: 'y' }])]).toEqual(['y']);
  });
});

describe('runMove and undoMove', () => {
  it('retires the old line, then creates the new one from the day the old one ended', async () => {
    const { client, calls } = fakeApi();
    const done = await runMove(planMove('d', 'c', reporting), client);
    expect(calls).toEqual(['DELETE r3', 'POST d->c since 2026-11-24']);
    expect(done.newLine?.id).toBe('new1');
    expect(done.oldLine?.manager).toBe('b');
  });
  it('undo retires the new line and creates the old one again', async () => {
    const { client, calls } = fakeApi();
    const done = await runMove(planMove('d', 'c', reporting), client);
    await undoMove(done, client);
    expect(calls.slice(2)).toEqual(['DELETE new1', 'POST d->b since 2026-11-24']);
  });
  it('a person without a manager only gets the new line; undo only retires it', async () => {
    const { client, calls } = fakeApi();
    const done = await runMove(planMove('a', 'c', []), client);
    expect(calls).toEqual(['POST a->c since -']);
    expect(await undoMove(done, client)).toBeNull();
    expect(calls).toEqual(['POST a->c since -', 'DELETE new1']);
  });
  it('moving to nobody only retires the old line; undo restores it', async () => {
    const { client, calls } = fakeApi();
    const done = await runMove(planMove('b', null, reporting), client);
    expect(calls).toEqual(['DELETE r1']);
    await undoMove(done, client);
    expect(calls).toEqual(['DELETE r1', 'POST b->a since 2026-11-24']);
  });
});
