import { describe, expect, it } from 'vitest';
import type { ProjectMilestone, ProjectQuote } from '../../api/project';
import { formatRatio, formatSize, latestQuote, milestoneState, quoteSeries, ratio, timelineLayout, weightSum } from './logic';

const m = (kind: string, date: string | null, expected: string | null = null): ProjectMilestone => ({ kind, date, expected });

describe('ratios', () => {
  it('divides known amounts by a positive denominator', () => {
    expect(ratio(900000, 1000000)).toBe(0.9);
    expect(ratio(0, 1000000)).toBe(0); // a winning bid of 0 is known
    expect(ratio(null, 1000000)).toBeNull();
    expect(ratio(900000, null)).toBeNull();
    expect(ratio(900000, 0)).toBeNull(); // no budget to compare with
  });
  it('writes a ratio as a percent with one decimal', () => {
    expect(formatRatio(0.9)).toBe('90.0%');
    expect(formatRatio(0.92345)).toBe('92.3%');
    expect(formatRatio(0.92351)).toBe('92.4%');
    expect(formatRatio(1.25)).toBe('125.0%');
    expect(formatRatio(0)).toBe('0.0%');
    expect(formatRatio(null)).toBe('—');
    expect(formatRatio(Number.NaN)).toBe('—');
  });
  it('writes sizes in B, KB and MB', () => {
    expect(formatSize(512)).toBe('512 B');
    expect(formatSize(1536)).toBe('1.5 KB');
    expect(formatSize(5 * 1024 * 1024)).toBe('5.0 MB');
    expect(formatSize(null)).toBe('—');
  });
});

describe('criteria weights', () => {
  it('adds the weights and says whether they make 100', () => {
    expect(weightSum([60, 30])).toEqual({ total: 90, ok: false });
    expect(weightSum([70, 30])).toEqual({ total: 100, ok: true });
    expect(weightSum([33.3, 33.3, 33.4])).toEqual({ total: 100, ok: true }); // no floating-point noise
    expect(weightSum([60, null, undefined, 40])).toEqual({ total: 100, ok: true }); // blanks count 0
    expect(weightSum([])).toEqual({ total: 0, ok: true }); // no criteria: nothing to warn about
    expect(weightSum([110])).toEqual({ total: 110, ok: false });
  });
});

describe('quote rounds', () => {
  const q = (round: number, org: string, price: number): ProjectQuote => ({ round, org, price, date: '2026-03-01', id: `${round}${org}` });
  it('makes one line per organization, ours first, a price per round', () => {
    const s = quoteSeries([q(1, 'comp-2', 990), q(1, 'ours', 980), q(1, 'comp-1', 950), q(3, 'ours', 900), q(3, 'comp-1', 920)], 'ours');
    expect(s.rounds).toEqual([1, 3]);
    expect(s.series).toEqual([
      { org: 'ours', ours: true, prices: [980, 900] },
      { org: 'comp-1', ours: false, prices: [950, 920] },
      { org: 'comp-2', ours: false, prices: [990, null] },
    ]);
  });
  it('finds our latest quote: the highest round, then the latest date', () => {
    const quotes = [q(2, 'ours', 900), { ...q(2, 'ours', 880), date: '2026-03-05', id: 'late' }, q(1, 'ours', 980), q(3, 'comp-1', 800)];
    expect(latestQuote(quotes, 'ours')?.id).toBe('late');
    expect(latestQuote(quotes, 'comp-9')).toBeNull();
    expect(latestQuote(quotes, null)).toBeNull();
  });
  it('keeps the last quote of an organization in a round', () => {
    expect(quoteSeries([q(1, 'ours', 980), q(1, 'ours', 970)], 'ours').series[0].prices).toEqual([970]);
  });
});

describe('timeline', () => {
  it('tells reached, overdue, due, expected and unknown apart', () => {
    const asOf = '2026-06-15';
    expect(milestoneState(m('a', '2026-01-01'), asOf)).toEqual({ state: 'reached', days: null });
    expect(milestoneState(m('a', null, '2026-06-01'), asOf)).toEqual({ state: 'overdue', days: 14 });
    expect(milestoneState(m('a', null, '2026-06-14'), asOf)).toEqual({ state: 'overdue', days: 1 });
    expect(milestoneState(m('a', null, '2026-06-15'), asOf)).toEqual({ state: 'due', days: 0 });
    expect(milestoneState(m('a', null, '2026-06-29'), asOf)).toEqual({ state: 'due', days: 14 });
    expect(milestoneState(m('a', null, '2026-06-30'), asOf)).toEqual({ state: 'expected', days: null });
    expect(milestoneState(m('a', null, null), asOf)).toEqual({ state: 'unknown', days: null });
  });
  it('lays dated kinds out by day between the first and last dated, undated ones evenly', () => {
    // 5 kinds, a share of 0.25 each; a..d dated over 100 days (c at day 75), e undated.
    const layout = timelineLayout(
      [m('a', '2026-01-01'), m('b', '2026-01-11'), m('c', null, '2026-03-17'), m('d', null, '2026-04-11'), m('e', null)],
      '2026-03-17',
    );
    expect(layout.points.map((p) => p.state)).toEqual(['reached', 'reached', 'due', 'expected', 'unknown']);
    expect(layout.points.map((p) => p.date)).toEqual(['2026-01-01', '2026-01-11', '2026-03-17', '2026-04-11', null]);
    // a at 0; b at day 10 of 100 → 0.075, pushed to half a share after a (0.125); c at day 75 → 0.5625;
    // d ends the dated stretch at 3 shares (0.75); e at 1.
    expect(layout.points.map((p) => p.x)).toEqual([0, 0.125, 0.5625, 0.75, 1]);
    // As-of is c's day.
    expect(layout.today).toBe(0.5625);
  });
  it('puts as-of between the dated points around it, and nowhere outside them', () => {
    const inside = timelineLayout([m('a', '2026-01-01'), m('b', null, '2026-01-11')], '2026-01-06');
    expect(inside.points.map((p) => p.x)).toEqual([0, 1]);
    expect(inside.today).toBe(0.5);
    expect(timelineLayout([m('a', '2026-01-01'), m('b', null, '2026-01-11')], '2026-02-01').today).toBeNull();
  });
  it('spaces a model with no dates evenly, and centres a single kind', () => {
    expect(timelineLayout([m('a', null), m('b', null), m('c', null)], '2026-01-01').points.map((p) => p.x)).toEqual([0, 0.5, 1]);
    expect(timelineLayout([m('a', null)], '2026-01-01').points[0].x).toBe(0.5);
  });
});
