// The explanations' logic with answers of the demo company (brm demo --end 2026-11-23, as of 2026-12-07, rep01):
// the parts of a change add up to it as shown, who entered and left, and the strategy reason's sentences.
import { describe, expect, it } from 'vitest';
import { explainParams, type Attribution, type StrategyReason } from '../api/explain';
import type { Stats } from '../api/types';
import i18n from '../i18n';
import { apportion, attributionView, changeText, knownCount, liftLines, reasonLines, statsOf, thresholdValues } from './explain';

const STATS: Stats = {
  n: 20, known: 20, unknown: 0, strong_support: 0, support: 0, neutral: 1, oppose: 11, strong_oppose: 8, supporters: 0,
  opposers: 19, mean: -1.35, percent: -135, tier: 'poor',
};

/** cust-029's closeness MoM: two persons moved up, +0.1176 and +0.0588, a change of +0.1765 (+17.6 pp). */
const CUST_029: Attribution = {
  kind: 'mom', as_of: '2026-11-07', before: STATS, delta: 0.1764705882352941, parts_total: 2,
  parts: [
    { person: 'p-000478', name: '郭悦', before: 'oppose', now: 'support', contribution: 0.11764705882352941 },
    { person: 'p-000476', name: '何彤军', before: 'neutral', now: 'support', contribution: 0.058823529411764705 },
  ],
};

/** cust-001's closeness MoM asked with limit=3: four parts, three listed (+0.05, −0.05, +0.05), a change of +0.1. */
const CUST_001_FIRST_3: Attribution = {
  kind: 'mom', as_of: '2026-11-07', before: STATS, delta: 0.10000000000000009, parts_total: 4,
  parts: [
    { person: 'p-000078', name: '罗立', before: 'strong_oppose', now: 'oppose', contribution: 0.05 },
    { person: 'p-000080', name: '范杰琳', before: 'oppose', now: 'strong_oppose', contribution: -0.05 },
    { person: 'p-000081', name: '高泽然', before: 'oppose', now: 'neutral', contribution: 0.05 },
  ],
};

const sum = (values: (number | null)[]) => values.reduce<number>((a, b) => a + (b ?? 0), 0);

describe('the attribution of a change', () => {
  it('rounds the parts so that the shown parts add up to the shown change', () => {
    const view = attributionView(CUST_029);
    // 11.76 and 5.88 points would read 11.8 + 5.9 = 17.7 beside a change of 17.6; the larger remainder (0.82 of
    // 5.88) gets the last tenth: 11.7 + 5.9 = 17.6.
    expect(view.rows.map((r) => r.shown)).toEqual([0.117, 0.059]);
    expect(view.rows.map((r) => changeText(r.shown, 'pp', 'en'))).toEqual(['+11.7 pp', '+5.9 pp']);
    expect(changeText(CUST_029.delta, 'pp', 'en')).toBe('+17.6 pp');
    expect(changeText(view.total, 'pp', 'zh-CN')).toBe('+17.6个百分点');
    expect(view.listedSum).toBeCloseTo(0.1764705882352941, 12);
    expect(view.rest).toBeNull();
  });
  it('says what the parts the answer left out add up to', () => {
    const view = attributionView(CUST_001_FIRST_3);
    expect(view.listedSum).toBeCloseTo(0.05, 12);
    expect(view.rest?.count).toBe(1);
    expect(view.rest?.contribution).toBeCloseTo(0.05, 12);
    expect(view.total).toBeCloseTo(0.1, 12);
    expect(sum([...view.rows.map((r) => r.shown), view.rest?.shown ?? null])).toBeCloseTo(0.1, 12);
    expect(view.rows.map((r) => changeText(r.shown, 'pp', 'en'))).toEqual(['+5.0 pp', '−5.0 pp', '+5.0 pp']);
  });
  it('tells who changed, entered and left', () => {
    const view = attributionView({
      ...CUST_029, delta: -0.25, parts_total: 3,
      parts: [
        { person: 'p-1', name: 'A', before: null, now: 'strong_oppose', contribution: -0.5 },
        { person: 'p-2', name: 'B', before: 'support', now: null, contribution: 0.125 },
        { person: 'p-3', name: 'C', before: 'neutral', now: 'support', contribution: 0.125 },
      ],
    });
    expect(view.rows.map((r) => r.kind)).toEqual(['entered', 'left', 'changed']);
    expect(view.entered.map((r) => r.name)).toEqual(['A']);
    expect(view.left.map((r) => r.name)).toEqual(['B']);
    expect(view.rows.map((r) => changeText(r.shown, 'pp', 'en'))).toEqual(['−50.0 pp', '+12.5 pp', '+12.5 pp']);
  });
  it('has no contributions without a mean on either day, and still lists who moved', () => {
    const view = attributionView({
      ...CUST_029, delta: null, parts_total: 1,
      parts: [{ person: 'p-1', name: 'A', before: null, now: 'support', contribution: null }],
    });
    expect(view.total).toBeNull();
    expect(view.rows[0].shown).toBeNull();
    expect(view.entered).toHaveLength(1);
    expect(changeText(view.rows[0].shown, 'pp', 'en')).toBe('—');
  });
  it('apportions twelve equal parts of a company change (−4 of 70 and 8 of 35)', () => {
    // The company closeness of rep01: −0.0571 (−5.7 pp) from parts of ±1/35 (2.857 pp each): 8 down, 6 up.
    const parts = [...Array(8).fill(-1 / 35), ...Array(6).fill(1 / 35)];
    const shown = apportion(parts, -2 / 35, 0.001);
    expect(Math.round(sum(shown) * 1000)).toBe(-57);
    for (const [i, value] of shown.entries()) expect(Math.abs(value - parts[i])).toBeLessThan(0.001);
    // In mean units (two decimals): −0.06.
    expect(Math.round(sum(apportion(parts, -2 / 35, 0.01)) * 100)).toBe(-6);
  });
});

describe('the persons behind a figure', () => {
  it('counts the known values and recomputes the Stats from them', () => {
    // Three persons of cust-001's closeness: oppose, neutral, strong oppose → mean −1, percent −100, poor.
    const values = [{ value: 'oppose' as const }, { value: 'neutral' as const }, { value: 'strong_oppose' as const }, { value: 'unknown' as const }];
    expect(knownCount(values)).toBe(3);
    expect(statsOf(values)).toEqual({ n: 4, known: 3, unknown: 1, supporters: 0, opposers: 2, mean: -1, percent: -100, tier: 'poor' });
    expect(statsOf([{ value: 'support' }, { value: 'strong_support' }, { value: 'neutral' }])).toMatchObject({ mean: 1, percent: 100, tier: 'excellent' });
    expect(statsOf([{ value: 'unknown' }])).toMatchObject({ known: 0, mean: null, percent: null, tier: null });
  });
  it('asks for the figure of the perspective', () => {
    expect(explainParams({ figure: 'customer', id: 'cust-001', dimension: 'closeness', toward: 'ours', asOf: null, scope: 'me', limit: 50, offset: 0 }))
      .toEqual({ figure: 'customer', id: 'cust-001', dimension: 'closeness', limit: 50, offset: 0 });
    expect(explainParams({ figure: 'company', dimension: 'price', toward: 'org-comp-1', asOf: '2026-11-23', scope: 'team:team-east', compare: 'yoy', limit: 200, offset: 0 }))
      .toEqual({ figure: 'company', dimension: 'price', scope: 'team:team-east', toward: 'org-comp-1', as_of: '2026-11-23', compare: 'yoy', limit: 200, offset: 0 });
  });
});

const REASON_BASE: Omit<StrategyReason, 'rule' | 'strategy' | 'means' | 'to_lift' | 'to_profile'> = {
  key_persons: 20, fully_profiled: 20, profiled_needed: 16, key_persons_needed: 0,
  thresholds: { min_key_persons: 3, profiled_share: 0.8, drop: 0.5, drop_months: 3 }, drop_since: '2026-09-07',
};

const t = (lang: 'en' | 'zh-CN') => i18n.getFixedT(lang, 'explain');

describe('why a strategy', () => {
  it('says how incomplete the graph is (cust-029: 5 of 20 fully profiled, 16 needed)', () => {
    const reason: StrategyReason = {
      ...REASON_BASE, rule: 'incomplete', strategy: 'grow', fully_profiled: 5,
      means: {
        closeness: { now: 0.47058823529411764, before: 0.3333333333333333, tier: 'good', fell: false, poor: false },
        solution: { now: 0.29411764705882354, before: 0.29411764705882354, tier: 'good', fell: false, poor: false },
        price: { now: 0, before: 0.125, tier: 'fair', fell: false, poor: false },
      },
      to_profile: [{ person: 'p-000470', name: '某人', missing: ['veto', 'approve'] }],
      to_lift: [],
    };
    const lines = reasonLines(reason, 'en');
    expect(lines).toEqual([{ key: 'incompleteProfiled', values: { keyPersons: 20, profiled: 5, needed: 16, more: 11, share: '80%' } }]);
    expect(t('en')(`reason.${lines[0].key}`, lines[0].values)).toBe('Graph incomplete: 5 of 20 fully profiled, 16 needed (80%): 11 more.');
    expect(t('zh-CN')(`reason.${lines[0].key}`, lines[0].values)).toBe('关系图不完整：20 位关键人中 5 位完整画像，需要 16 位（80%），还差 11 位。');
    expect(liftLines(reason, 'en')).toEqual([]);
  });
  it('says which key persons are missing when there are too few', () => {
    const reason = { ...REASON_BASE, rule: 'incomplete', key_persons: 2, fully_profiled: 2, profiled_needed: 2, key_persons_needed: 1 } as StrategyReason;
    expect(reasonLines(reason, 'en')).toEqual([{ key: 'incompleteCount', values: { keyPersons: 2, needed: 1, min: 3 } }]);
  });
  it('gives the fall of each mean that fell, as percents (cust-023: closeness 91.7% → −66.7%)', () => {
    const reason: StrategyReason = {
      ...REASON_BASE, key_persons: 12, fully_profiled: 12, profiled_needed: 10, rule: 'fell', strategy: 'win_back',
      means: {
        closeness: { now: -0.6666666666666666, before: 0.9166666666666666, tier: 'fair', fell: true, poor: false },
        solution: { now: -0.75, before: 1, tier: 'fair', fell: true, poor: false },
        price: { now: -0.75, before: 1.0833333333333333, tier: 'fair', fell: true, poor: false },
      },
      to_profile: [],
      to_lift: [
        { dimension: 'closeness', mean: -0.6666666666666666, above: 0.41666666666666663, because: 'fell' },
        { dimension: 'solution', mean: -0.75, above: 0.5, because: 'fell' },
        { dimension: 'price', mean: -0.75, above: 0.5833333333333333, because: 'fell' },
      ],
    };
    const lines = reasonLines(reason, 'en');
    expect(lines.map((l) => l.key)).toEqual(['complete', 'fell', 'fell', 'fell']);
    expect(lines[1]).toEqual({
      key: 'fell', dimension: 'closeness',
      values: { before: '91.7%', now: '-66.7%', since: '2026-09-07', fall: '−158.3 pp', drop: '50.0', months: 3 },
    });
    const en = t('en');
    expect(en('reason.fell', { ...lines[1].values, dimension: 'Closeness' }))
      .toBe('Closeness fell from 91.7% to -66.7% since 2026-09-07 (−158.3 pp): a fall of 50.0 pp or more within 3 months.');
    const lifts = liftLines(reason, 'en');
    expect(lifts[0]).toEqual({ key: 'lift.fell', dimension: 'closeness', values: { now: '-66.7%', above: '41.7%' } });
    expect(en(`reason.${lifts[0].key}`, { ...lifts[0].values, dimension: 'Closeness' }))
      .toBe('Lift Closeness from -66.7% above 41.7% (back within the allowed fall).');
    expect(thresholdValues(reason, 'zh-CN')).toEqual({ min: 3, share: '80%', drop: '50.0', months: 3 });
  });
  it('names each poor degree against −100% (cust-001)', () => {
    const poor = (now: number) => ({ now, before: now, tier: 'poor' as const, fell: false, poor: true });
    const reason: StrategyReason = {
      ...REASON_BASE, rule: 'poor', strategy: 'wait',
      means: { closeness: poor(-1.25), solution: poor(-1.25), price: poor(-1.6) },
      to_profile: [],
      to_lift: [
        { dimension: 'closeness', mean: -1.25, above: -1, because: 'poor' },
        { dimension: 'solution', mean: -1.25, above: -1, because: 'poor' },
        { dimension: 'price', mean: -1.6, above: -1, because: 'poor' },
      ],
    };
    const lines = reasonLines(reason, 'zh-CN');
    expect(lines[0]).toEqual({ key: 'complete', values: { keyPersons: 20, profiled: 20, min: 3, share: '80%' } });
    expect(lines.slice(1)).toEqual([
      { key: 'poor', dimension: 'closeness', values: { now: '-125.0%', limit: '-100.0%' } },
      { key: 'poor', dimension: 'solution', values: { now: '-125.0%', limit: '-100.0%' } },
      { key: 'poor', dimension: 'price', values: { now: '-160.0%', limit: '-100.0%' } },
    ]);
    expect(t('zh-CN')('reason.poor', { ...lines[3].values, dimension: '价格接受度' })).toBe('价格接受度较差：-160.0%（-100.0% 及以下为较差）。');
    expect(liftLines(reason, 'en').map((l) => l.values)).toEqual([
      { now: '-125.0%', above: '-100.0%' }, { now: '-125.0%', above: '-100.0%' }, { now: '-160.0%', above: '-100.0%' },
    ]);
  });
  it('lists every tier when all are good (cust-037), and the fair or unknown ones otherwise', () => {
    const good = (now: number) => ({ now, before: now, tier: 'good' as const, fell: false, poor: false });
    const allGood = { ...REASON_BASE, rule: 'all_good', strategy: 'retain', to_profile: [], to_lift: [],
      means: { closeness: good(0.2857142857142857), solution: good(0.38095238095238093), price: good(0.42857142857142855) } } as StrategyReason;
    expect(reasonLines(allGood, 'en').slice(1)).toEqual([
      { key: 'good', dimension: 'closeness', tier: 'good', values: { now: '28.6%' } },
      { key: 'good', dimension: 'solution', tier: 'good', values: { now: '38.1%' } },
      { key: 'good', dimension: 'price', tier: 'good', values: { now: '42.9%' } },
    ]);
    const otherwise = { ...allGood, rule: 'otherwise', strategy: 'grow',
      means: { ...allGood.means, solution: { now: -0.2, before: -0.2, tier: 'fair', fell: false, poor: false }, price: { now: null, before: null, tier: null, fell: false, poor: false } } } as StrategyReason;
    expect(reasonLines(otherwise, 'en').slice(1)).toEqual([
      { key: 'otherwise', values: {} },
      { key: 'otherwiseFair', dimension: 'solution', tier: 'fair', values: { now: '-20.0%' } },
      { key: 'otherwiseUnknown', dimension: 'price', values: {} },
    ]);
  });
  it('says there is no key person, or too few not all profiled', () => {
    expect(reasonLines({ ...REASON_BASE, rule: 'acquire', key_persons: 0, fully_profiled: 0 } as StrategyReason, 'en')).toEqual([{ key: 'acquireNone', values: {} }]);
    expect(reasonLines({ ...REASON_BASE, rule: 'acquire', key_persons: 2, fully_profiled: 1 } as StrategyReason, 'en'))
      .toEqual([{ key: 'acquireFew', values: { keyPersons: 2, profiled: 1 } }]);
  });
});
