import { describe, expect, it } from 'vitest';
import type { RepRow } from '../../api/reps';
import type { Stats } from '../../api/types';
import {
  comparedScope, DEFAULT_CHOSEN, FITS_1440, foldedColumns, OPTIONAL_COLUMNS, parseChosen, repScope, shownColumns, sortReps,
  sortValue, tableWidth,
} from './reps';

function stats(percent: number | null): Stats {
  return {
    n: 4, known: percent === null ? 0 : 4, unknown: percent === null ? 4 : 0, strong_support: 0, support: 0, neutral: 0, oppose: 0,
    strong_oppose: 0, supporters: 0, opposers: 0, mean: percent === null ? null : percent / 100, percent, tier: null,
  };
}

function rep(user: string, name: string, closeness: number | null, extra: Partial<RepRow> = {}): RepRow {
  return {
    user, name, role: 'rep', team: 't1', team_name: '华东大区',
    customers: 3, key_persons: 10, insighted: 4, fully_profiled: 1, insight_rate: 0.4, profiling_rate: 0.1,
    degrees: { closeness: stats(closeness), solution: stats(0), price: stats(null) },
    mom: {}, yoy: {}, value_potential: 0.5, contribution_count: null, contribution_amount: null,
    warnings: { open: 0, high: 0 },
    ...extra,
  };
}

// Server order is by user id: u1, u2, u3, u4.
const rows = [
  rep('u1', '张伟', 33.3, { customers: 24, warnings: { open: 5, high: 1 }, contribution_count: 0.5 }),
  rep('u2', '李娜', null, { customers: 7, warnings: { open: 5, high: 3 } }),
  rep('u3', '王芳', -12.5, { customers: 24, warnings: { open: 2, high: 0 }, contribution_count: 0.25 }),
  rep('u4', 'Alice', 50, { customers: 0, team: null, team_name: null, warnings: { open: 9, high: 0 } }),
];
const users = (list: RepRow[]) => list.map((r) => r.user);

describe('rep comparison sort', () => {
  it('sorts a degree by its percent, unknown last in both directions', () => {
    expect(users(sortReps(rows, { column: 'closeness', order: 'descend' }))).toEqual(['u4', 'u1', 'u3', 'u2']);
    expect(users(sortReps(rows, { column: 'closeness', order: 'ascend' }))).toEqual(['u3', 'u1', 'u4', 'u2']);
  });

  it('keeps the server order (user id) among equal values', () => {
    // u1 and u3 both have 24 customers.
    expect(users(sortReps(rows, { column: 'customers', order: 'descend' }))).toEqual(['u1', 'u3', 'u2', 'u4']);
    expect(users(sortReps(rows, { column: 'customers', order: 'ascend' }))).toEqual(['u4', 'u2', 'u1', 'u3']);
  });

  it('sorts open warnings, then the high ones', () => {
    // u1 and u2 both have 5 open; u2 has 3 high against 1.
    expect(users(sortReps(rows, { column: 'warnings', order: 'descend' }))).toEqual(['u4', 'u2', 'u1', 'u3']);
  });

  it('puts a rep with no contribution (null) last', () => {
    expect(users(sortReps(rows, { column: 'contribution_count', order: 'ascend' }))).toEqual(['u3', 'u1', 'u2', 'u4']);
  });

  it('sorts teams with a rep without a team last', () => {
    expect(sortReps(rows, { column: 'team', order: 'ascend' }).at(-1)?.user).toBe('u4');
  });

  it('leaves the rows as they are without a sort, and never changes its input', () => {
    const copy = [...rows];
    expect(sortReps(rows, null)).toBe(rows);
    sortReps(rows, { column: 'name', order: 'ascend' }, 'en');
    expect(rows).toEqual(copy);
  });

  it('reads each column as the table shows it', () => {
    expect(sortValue(rows[0], 'closeness')).toBe(33.3);
    expect(sortValue(rows[1], 'closeness')).toBeNull();
    expect(sortValue(rows[0], 'insight_rate')).toBe(0.4);
    expect(sortValue(rows[0], 'warnings')).toBe(5);
    expect(sortValue(rows[3], 'team')).toBeNull();
  });
});

describe('rep comparison columns', () => {
  it('shows the chosen optional columns in the table order and folds the others', () => {
    expect(shownColumns(['value_potential', 'key_persons'])).toEqual([
      'name', 'team', 'customers', 'key_persons', 'closeness', 'solution', 'price', 'value_potential', 'warnings',
    ]);
    expect(foldedColumns(['value_potential', 'key_persons'])).toEqual(['insight_rate', 'profiling_rate', 'contribution_count', 'contribution_amount']);
  });

  it('fits 1440 px by default and scrolls only when more is chosen', () => {
    // 48 + name 115 + team 100 + customers 115 + 3 × 140 + rates 95 + 105 + warnings 115 = 1113
    expect(tableWidth(shownColumns(DEFAULT_CHOSEN))).toBe(1113);
    expect(tableWidth(shownColumns(DEFAULT_CHOSEN))).toBeLessThanOrEqual(FITS_1440);
    expect(tableWidth(shownColumns(OPTIONAL_COLUMNS))).toBeGreaterThan(FITS_1440);
  });

  it('reads the stored choice, dropping unknown names, with the default when unreadable', () => {
    expect(parseChosen('["key_persons","bogus","value_potential"]')).toEqual(['key_persons', 'value_potential']);
    expect(parseChosen('[]')).toEqual([]);
    expect(parseChosen('{')).toEqual(DEFAULT_CHOSEN);
    expect(parseChosen(null)).toEqual(DEFAULT_CHOSEN);
    expect(parseChosen('"key_persons"')).toEqual(DEFAULT_CHOSEN);
  });
});

describe('rep comparison perspective', () => {
  it('compares a team or the company, never a rep\'s own view', () => {
    expect(comparedScope('team:t-east')).toBe('team:t-east');
    expect(comparedScope('company')).toBe('company');
    expect(comparedScope('me')).toBeNull();
    expect(comparedScope('user:u-rep01')).toBeNull();
  });

  it('drills down to the rep\'s individual view', () => {
    expect(repScope('u-rep01')).toBe('user:u-rep01');
  });
});
