import { describe, expect, it } from 'vitest';
import type { ChainFigure, ChainMemberFigure, Degrees, LineTrendPoint, Stats } from '../../api/types';
import { candidates, compareRows, fromOpened, groupByRole, leads, memberBody, memberPatch, trendSeries } from './chain';

function member(partial: Partial<ChainMemberFigure>): ChainMemberFigure {
  return {
    person: 'p-1', role: 'other', veto: 'unknown', approve: 'unknown', closeness: 'unknown', solution: 'unknown', price: 'unknown',
    inherited: [], interaction: 'none', member: `cm-${partial.person ?? '1'}`, ...partial,
  };
}

function stats(partial: Partial<Stats>): Stats {
  return {
    n: 0, known: 0, unknown: 0, strong_support: 0, support: 0, neutral: 0, oppose: 0, strong_oppose: 0, supporters: 0, opposers: 0,
    mean: null, percent: null, tier: null, ...partial,
  };
}

function degrees(c: Partial<Stats>, s: Partial<Stats> = {}, p: Partial<Stats> = {}): Degrees {
  return { closeness: stats(c), solution: stats(s), price: stats(p) };
}

function chain(members: ChainMemberFigure[], toward = 'ours', d: Degrees = degrees({})): ChainFigure {
  return { opportunity: 'opp-1', as_of: '2026-11-24', toward, members, degrees: d, missing_roles: [], mom: {}, yoy: {}, may_write: true };
}

const members = [
  member({ person: 'p-5', role: 'influencer', closeness: 'support' }),
  member({ person: 'p-2', role: 'decision_maker', closeness: 'oppose', solution: 'support', inherited: ['solution'] }),
  member({ person: 'p-3', role: 'coach' }),
  member({ person: 'p-4', role: 'influencer' }),
  member({ person: 'p-1', role: 'technical_evaluator' }),
];

describe('groupByRole', () => {
  it('groups in the CHAIN_ROLES order, skipping empty roles, keeping member order', () => {
    const groups = groupByRole(members);
    expect(groups.map((g) => g.role)).toEqual(['decision_maker', 'technical_evaluator', 'influencer', 'coach']);
    expect(groups[2].members.map((m) => m.person)).toEqual(['p-5', 'p-4']);
  });

  it('answers nothing for an empty chain', () => {
    expect(groupByRole([])).toEqual([]);
  });
});

describe('compareRows', () => {
  it('puts ours and each competitor side by side per member and dimension, in role order', () => {
    const comp1 = chain([
      member({ person: 'p-2', role: 'decision_maker', closeness: 'strong_support', price: 'unknown', inherited: ['closeness', 'price'] }),
      member({ person: 'p-5', role: 'influencer', closeness: 'neutral' }),
    ], 'comp-01');
    const rows = compareRows(chain(members), [{ toward: 'comp-01', chain: comp1 }, { toward: 'comp-02', chain: undefined }]);
    expect(rows.map((r) => r.person)).toEqual(['p-2', 'p-1', 'p-5', 'p-4', 'p-3']);
    expect(rows[0].values.closeness).toEqual({ ours: 'oppose', 'comp-01': 'strong_support', 'comp-02': 'unknown' });
    // An unknown value is not marked inherited (nothing to inherit): p-2's price toward comp-01.
    expect(rows[0].inherited).toEqual({ closeness: ['comp-01'], solution: ['ours'], price: [] });
    expect(rows[2].values.closeness).toEqual({ ours: 'support', 'comp-01': 'neutral', 'comp-02': 'unknown' });
    // p-4 is not in comp-01's answer: unknown there.
    expect(rows[3].values.solution['comp-01']).toBe('unknown');
  });

  it('tells when a competitor leads on a degree', () => {
    const ours = degrees({ mean: 0.5 }, { mean: null }, { mean: 1 });
    const theirs = degrees({ mean: 1.2 }, { mean: 2 }, { mean: 1 });
    expect(leads(ours, theirs, 'closeness')).toBe(true);
    expect(leads(ours, theirs, 'solution')).toBe(false);
    expect(leads(ours, theirs, 'price')).toBe(false);
  });
});

describe('trend', () => {
  const point = (month: string, members: number, cPercent: number | null, supporters: number, opposers: number): LineTrendPoint => ({
    month, as_of: `${month}-28`, members,
    degrees: degrees({ percent: cPercent, supporters: 1, opposers: 2 }, { percent: 50, supporters, opposers }, { percent: null }),
  });
  const points = [point('2025-01', 0, null, 0, 0), point('2025-02', 3, -50, 1, 2), point('2025-03', 4, 25, 2, 1)];

  it('starts at the month the opportunity opened', () => {
    expect(fromOpened(points, '2025-02-14').map((p) => p.month)).toEqual(['2025-02', '2025-03']);
    expect(fromOpened(points, undefined)).toHaveLength(3);
  });

  it('builds the three percent lines and the bars of one degree', () => {
    expect(trendSeries(points, 'solution')).toEqual({
      months: ['2025-01', '2025-02', '2025-03'],
      percents: { closeness: [null, -50, 25], solution: [50, 50, 50], price: [null, null, null] },
      supporters: [0, 1, 2],
      opposers: [0, 2, 1],
      members: [0, 3, 4],
    });
    expect(trendSeries(points, 'closeness').opposers).toEqual([2, 2, 2]);
  });
});

describe('member forms', () => {
  it('maps the add form to a POST body', () => {
    expect(memberBody('opp-9', { person: 'p-7', role: 'coach', veto: 'unknown', approve: 'yes', since: '2026-11-24' }))
      .toEqual({ opportunity: 'opp-9', person: 'p-7', role: 'coach', veto: 'unknown', approve: 'yes', since: '2026-11-24' });
    expect(memberBody('opp-9', { person: 'p-7', role: 'user', veto: 'no', approve: 'no', since: null }))
      .toEqual({ opportunity: 'opp-9', person: 'p-7', role: 'user', veto: 'no', approve: 'no' });
  });

  it('patches only what changed', () => {
    const m = member({ role: 'influencer', veto: 'no', approve: 'unknown' });
    expect(memberPatch(m, { role: 'influencer', veto: 'no', approve: 'unknown' })).toEqual({});
    expect(memberPatch(m, { role: 'approver', veto: 'no', approve: 'yes' })).toEqual({ role: 'approver', approve: 'yes' });
  });

  it('offers only people not already in the chain', () => {
    const people = [{ id: 'p-1' }, { id: 'p-9' }, { id: 'p-3' }, { id: 'p-8' }];
    expect(candidates(people, members).map((p) => p.id)).toEqual(['p-9', 'p-8']);
  });
});
