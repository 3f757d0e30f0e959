import { describe, expect, it } from 'vitest';
import type { Activity, Person, Rating, Vote } from '../../api/types';
import { activityBody, personPatch, voteBody } from './forms';
import {
  changedDimensions, currentValues, currentVotes, factActiveOn, groupByDate, knownFeatures, newestFirst, ratingBodies, stepSeries,
} from './rating';

let serial = 0;
function rating(partial: Partial<Rating>): Rating {
  serial += 1;
  return {
    id: `r-${serial}`, person: 'p-1', dimension: 'closeness', value: 'neutral', toward: 'ours', opportunity: null,
    date: '2026-01-01', by: 'u-rep01', until: null, ...partial,
  };
}

describe('currentValues', () => {
  const history = [
    rating({ dimension: 'closeness', value: 'oppose', date: '2026-01-10' }),
    rating({ dimension: 'closeness', value: 'support', date: '2026-03-01' }),
    rating({ dimension: 'closeness', value: 'neutral', date: '2026-02-01' }), // recorded later, dated earlier
    rating({ dimension: 'solution', value: 'support', date: '2026-02-01' }),
    rating({ dimension: 'solution', value: 'strong_support', date: '2026-02-01' }), // same day, recorded last wins
    rating({ dimension: 'price', value: 'oppose', date: '2026-01-05', until: '2026-02-15' }), // retired
    rating({ dimension: 'closeness', value: 'strong_oppose', date: '2026-03-05', toward: 'comp-01' }),
    rating({ dimension: 'closeness', value: 'strong_support', date: '2026-03-05', opportunity: 'opp-1' }),
  ];

  it('takes the latest by date, ties to the last recorded, for one target and level', () => {
    expect(currentValues(history, { toward: 'ours', opportunity: null }, '2026-03-31')).toEqual({
      closeness: 'support', solution: 'strong_support', price: 'unknown',
    });
  });

  it('reads the value as of an earlier day, and a retired fact only before its until', () => {
    expect(currentValues(history, { toward: 'ours', opportunity: null }, '2026-02-10')).toEqual({
      closeness: 'neutral', solution: 'strong_support', price: 'oppose',
    });
    expect(currentValues(history, { toward: 'ours', opportunity: null }, '2026-01-07')).toEqual({
      closeness: 'unknown', solution: 'unknown', price: 'oppose',
    });
  });

  it('keeps competitors and project levels apart', () => {
    expect(currentValues(history, { toward: 'comp-01', opportunity: null }, '2026-03-31').closeness).toBe('strong_oppose');
    expect(currentValues(history, { toward: 'ours', opportunity: 'opp-1' }, '2026-03-31')).toEqual({
      closeness: 'strong_support', solution: 'unknown', price: 'unknown',
    });
  });

  it('knows when a fact counts', () => {
    expect(factActiveOn({ date: '2026-01-05', until: '2026-02-15' }, '2026-02-14')).toBe(true);
    expect(factActiveOn({ date: '2026-01-05', until: '2026-02-15' }, '2026-02-15')).toBe(false);
    expect(factActiveOn({ date: '2026-01-05', until: null }, '2026-01-04')).toBe(false);
  });
});

describe('picker → POST bodies', () => {
  const current = { closeness: 'oppose', solution: 'neutral', price: 'unknown' } as const;

  it('posts only the degrees whose pick differs from the current value', () => {
    const picks = { closeness: 'strong_support', solution: 'neutral', price: 'support' } as const;
    expect(changedDimensions(picks, current)).toEqual(['closeness', 'price']);
    expect(ratingBodies(picks, current, { person: 'p-9', date: '2026-11-24', toward: 'ours', opportunity: null })).toEqual([
      { person: 'p-9', dimension: 'closeness', value: 'strong_support', date: '2026-11-24' },
      { person: 'p-9', dimension: 'price', value: 'support', date: '2026-11-24' },
    ]);
  });

  it('adds toward for a competitor and the opportunity for a project-level rating', () => {
    expect(ratingBodies({ solution: 'oppose' }, current, { person: 'p-9', date: '2026-11-20', toward: 'comp-02', opportunity: 'opp-7' })).toEqual([
      { person: 'p-9', dimension: 'solution', value: 'oppose', date: '2026-11-20', toward: 'comp-02', opportunity: 'opp-7' },
    ]);
  });

  it('carries the note, trimmed, on every degree posted; a blank note is left out', () => {
    const picks = { closeness: 'strong_support', price: 'support' } as const;
    const bodies = ratingBodies(picks, current, { person: 'p-9', date: '2026-11-24', toward: 'ours', opportunity: null, note: '  饭局上表态支持 ' });
    expect(bodies.map((b) => b.note)).toEqual(['饭局上表态支持', '饭局上表态支持']);
    expect(ratingBodies(picks, current, { person: 'p-9', date: '2026-11-24', toward: 'ours', opportunity: null, note: '   ' })[0]).not.toHaveProperty('note');
  });

  it('posts nothing when nothing changed', () => {
    expect(ratingBodies({}, current, { person: 'p-9', date: '2026-11-20', toward: 'ours', opportunity: null })).toEqual([]);
    expect(ratingBodies({ closeness: 'oppose' }, current, { person: 'p-9', date: '2026-11-20', toward: 'ours', opportunity: null })).toEqual([]);
    // Setting a known value back to unknown is a change.
    expect(changedDimensions({ solution: 'unknown' }, current)).toEqual(['solution']);
  });
});

describe('timeline grouping', () => {
  it('groups by day newest first, dimensions in order, the last recorded first within one', () => {
    const a = rating({ date: '2026-02-01', dimension: 'price', value: 'oppose' });
    const b = rating({ date: '2026-03-01', dimension: 'closeness' });
    const c = rating({ date: '2026-02-01', dimension: 'closeness', value: 'support' });
    const d = rating({ date: '2026-02-01', dimension: 'closeness', value: 'strong_support' });
    const e = rating({ date: '2025-12-31', dimension: 'solution' });
    const groups = groupByDate([a, b, c, d, e]);
    expect(groups.map((g) => g.date)).toEqual(['2026-03-01', '2026-02-01', '2025-12-31']);
    expect(groups[1].entries.map((r) => r.id)).toEqual([d.id, c.id, a.id]);
    expect(groups[0].entries).toEqual([b]);
  });

  it('builds step series with the value as of each rating day (and retire days)', () => {
    const list = [
      rating({ date: '2026-01-01', dimension: 'closeness', value: 'oppose' }),
      rating({ date: '2026-02-01', dimension: 'closeness', value: 'support' }),
      rating({ date: '2026-02-01', dimension: 'price', value: 'neutral', until: '2026-03-01' }),
      rating({ date: '2026-01-15', dimension: 'solution', value: 'strong_support', toward: 'comp-01' }),
    ];
    expect(stepSeries(list, { toward: 'ours', opportunity: null })).toEqual({
      days: ['2026-01-01', '2026-02-01', '2026-03-01'],
      values: { closeness: [-1, 1, 1], solution: [null, null, null], price: [null, 0, null] },
    });
  });
});

describe('votes, activities, completeness', () => {
  const vote = (partial: Partial<Vote>): Vote => ({ id: `v-${++serial}`, person: 'p-1', kind: 'veto', value: 'yes', date: '2026-01-01', by: null, until: null, ...partial });

  it('reads the current votes', () => {
    const votes = [vote({ value: 'yes', date: '2026-03-01' }), vote({ value: 'no', date: '2026-02-01' }), vote({ kind: 'approve', value: 'no', date: '2026-01-01', until: '2026-01-10' })];
    expect(currentVotes(votes, '2026-03-31')).toEqual({ veto: 'yes', approve: 'unknown' });
    expect(currentVotes(votes, '2026-02-15')).toEqual({ veto: 'no', approve: 'unknown' });
    expect(currentVotes(votes, '2026-01-05')).toEqual({ veto: 'unknown', approve: 'no' });
  });

  it('orders facts newest first, same day the last recorded first', () => {
    const act = (id: string, date: string): Activity => ({ id, person: 'p-1', opportunity: null, kind: 'call', date, by: null, note: null, until: null });
    expect(newestFirst([act('a', '2026-01-02'), act('b', '2026-03-01'), act('c', '2026-01-02'), act('d', '2025-05-05')]).map((x) => x.id))
      .toEqual(['b', 'c', 'a', 'd']);
  });

  it('turns completeness into known features out of seven', () => {
    expect(knownFeatures(1)).toBe(7);
    expect(knownFeatures(5 / 7)).toBe(5);
    expect(knownFeatures(0)).toBe(0);
  });
});

describe('forms', () => {
  const person: Person = {
    id: 'p-1', org: 'cust-001', department: 'dept-1', name: '罗立', title: '校长', key: true, importance: 'high', orientation: 'business',
    email: null, phone: null, notes: null, since: null, until: null,
  };

  it('patches only the changed fields, blanks as null', () => {
    expect(personPatch(person, { title: '校长', department: 'dept-1', importance: 'high', orientation: 'business', key: true })).toEqual({});
    expect(personPatch(person, { title: '  ', department: '', importance: 'low', orientation: 'business', key: false }))
      .toEqual({ title: null, department: null, importance: 'low', key: false });
    expect(personPatch(person, { title: '副校长 ', department: 'dept-2', importance: 'high', orientation: 'price', key: true }))
      .toEqual({ title: '副校长', department: 'dept-2', orientation: 'price' });
  });

  it('builds activity and vote bodies', () => {
    expect(activityBody('p-1', { kind: 'visit', date: '2026-11-24', opportunity: undefined, note: ' ' })).toEqual({ person: 'p-1', kind: 'visit', date: '2026-11-24' });
    expect(activityBody('p-1', { kind: 'meal', date: '2026-11-20', opportunity: 'opp-1', note: '午餐 ' }))
      .toEqual({ person: 'p-1', kind: 'meal', date: '2026-11-20', opportunity: 'opp-1', note: '午餐' });
    expect(voteBody('p-1', { kind: 'approve', value: 'no', date: '2026-11-24' })).toEqual({ person: 'p-1', kind: 'approve', value: 'no', date: '2026-11-24' });
  });
});
