// What the explanation drawer and the strategy reason show, worked out without React (docs/web.md, "Why a figure"):
// which figure a click explains, the attribution of a change split into who changed, entered and left with the
// parts adding up to the change, and the sentences of a strategy's reason with their numbers already written
// in the reader's language (lib/format).
import type { Attribution, AttributionPart, CompareKind, ExplainFigure, ExplainPerson, StrategyReason } from '../api/explain';
import type { Dimension, Stats } from '../api/types';
import { ATTITUDE_NUMBER, formatMeanDelta, formatNumber, formatPercent, formatPointsDelta, percentOfMean } from './format';

/** The figure a click explains. `unit` is how the figure's changes are shown beside it: 'pp' under a percent
 * (every degree card), 'mean' where the mean itself is the figure. */
export interface ExplainTarget {
  figure: ExplainFigure;
  /** The person, opportunity, department, customer or employee; none for the company. */
  id?: string | null;
  dimension: Dimension;
  /** Open on the attribution of this change instead of the persons. */
  compare?: CompareKind;
  /** Another side than the perspective's (the competitor columns of an opportunity). */
  toward?: string;
  /** What the figure is of, for the drawer's title (a customer's name, say). */
  name?: string;
  unit?: 'pp' | 'mean';
}

/** A change in the unit of its figure: percentage points under a percent, else a mean. */
export function changeText(meanDelta: number | null | undefined, unit: 'pp' | 'mean', lang: string): string {
  return unit === 'pp' ? formatPointsDelta(meanDelta, lang) : formatMeanDelta(meanDelta, lang);
}

/** How many listed persons have a known value (what the figure calls `known`). */
export function knownCount(persons: Pick<ExplainPerson, 'value'>[]): number {
  return persons.filter((p) => ATTITUDE_NUMBER[p.value] !== null).length;
}

/** The Stats of a list of values, as SPEC §5 computes them (mean of the known values, percent = mean × 100
 * rounded half away from zero to one decimal, tier by the mean). The drawer's header uses the server's; this
 * checks that the listed values give them. */
export function statsOf(values: Pick<ExplainPerson, 'value'>[]): Pick<Stats, 'n' | 'known' | 'unknown' | 'supporters' | 'opposers' | 'mean' | 'percent' | 'tier'> {
  const numbers = values.map((v) => ATTITUDE_NUMBER[v.value]).filter((n): n is number => n !== null);
  const mean = numbers.length ? numbers.reduce((a, b) => a + b, 0) / numbers.length : null;
  const tier = mean === null ? null : mean >= 1 ? 'excellent' : mean > 0 ? 'good' : mean > -1 ? 'fair' : 'poor';
  return {
    n: values.length,
    known: numbers.length,
    unknown: values.length - numbers.length,
    supporters: numbers.filter((n) => n > 0).length,
    opposers: numbers.filter((n) => n < 0).length,
    mean,
    percent: percentOfMean(mean),
    tier,
  };
}

export type PartKind = 'changed' | 'entered' | 'left';

export interface PartRow extends AttributionPart {
  kind: PartKind;
  /** The contribution as shown: rounded to the step so that the shown parts add up to the shown change. */
  shown: number | null;
}

export interface AttributionView {
  /** The listed parts, largest contribution first, each said to be a change, an entry or a departure. */
  rows: PartRow[];
  entered: PartRow[];
  left: PartRow[];
  /** The sum of the listed contributions (null without a mean on either day). */
  listedSum: number | null;
  /** The parts the answer left out (more than its limit): how many, what they add up to, and that as shown. */
  rest: { count: number; contribution: number | null; shown: number | null } | null;
  /** listedSum plus the rest: the change itself. */
  total: number | null;
}

/**
 * Rounds `values` to multiples of `step` so that they add up to `total` rounded to the step (the largest
 * remainder method): each is rounded down, and the steps still missing go to the largest remainders. Without
 * this, parts of +11.76 and +5.88 points would read +11.8 and +5.9 beside a change of +17.6.
 */
export function apportion(values: number[], total: number, step: number): number[] {
  const scaled = values.map((v) => v / step);
  // A hair of tolerance: 0.05 / 0.001 is 50.00000000000001, and 0.07 / 0.001 is 70.00000000000001.
  const floors = scaled.map((v) => Math.floor(v + 1e-9));
  // The total rounded half away from zero, as Intl writes the change.
  const target = Math.sign(total) * Math.round(Math.abs(total / step) + 1e-9);
  let missing = target - floors.reduce((a, b) => a + b, 0);
  const order = scaled.map((v, i) => ({ i, remainder: v - floors[i] })).sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  const units = [...floors];
  for (let k = 0; missing > 0 && order.length; k = (k + 1) % order.length, missing--) units[order[k].i] += 1;
  for (let k = order.length - 1; missing < 0 && order.length; k = (k - 1 + order.length) % order.length, missing++) units[order[k].i] -= 1;
  return units.map((u) => Number((u * step).toFixed(10)));
}

/** Splits an attribution into its rows and checks that the parts add up: what the listed ones leave is the rest.
 * `step` is the precision the contributions are shown with, in mean units (0.001: one tenth of a point). */
export function attributionView(compare: Attribution, step = 0.001): AttributionView {
  const contributions = compare.parts.map((p) => p.contribution);
  const listedSum = compare.delta === null || contributions.some((c) => c === null)
    ? null
    : contributions.reduce<number>((sum, c) => sum + (c ?? 0), 0);
  const missing = compare.parts_total - compare.parts.length;
  const restContribution = missing > 0 && listedSum !== null && compare.delta !== null ? compare.delta - listedSum : null;
  const total = listedSum === null ? null : listedSum + (restContribution ?? 0);
  const parts = missing > 0 && restContribution !== null ? [...contributions, restContribution] : contributions;
  const shown = total === null ? parts.map(() => null) : apportion(parts as number[], total, step);
  const rows: PartRow[] = compare.parts.map((part, i) => ({
    ...part,
    kind: part.before === null ? 'entered' : part.now === null ? 'left' : 'changed',
    shown: shown[i],
  }));
  const rest = missing > 0 ? { count: missing, contribution: restContribution, shown: restContribution === null ? null : shown[rows.length] } : null;
  return { rows, entered: rows.filter((r) => r.kind === 'entered'), left: rows.filter((r) => r.kind === 'left'), listedSum, rest, total };
}

// ---- Why a strategy ----

/** One sentence: its key under explain:reason, its numbers written out, and the degree it is about. */
export interface ReasonLine {
  key: string;
  values: Record<string, string | number>;
  dimension?: Dimension;
  tier?: string;
}

const DIMENSION_ORDER: Dimension[] = ['closeness', 'solution', 'price'];

/** A mean as the percent it stands for: −1.25 → "−125.0%". */
function meanAsPercent(mean: number | null | undefined, lang: string): string {
  return formatPercent(percentOfMean(mean), lang);
}

/** A share of key persons: 0.8 → "80%". */
function shareText(share: number, lang: string): string {
  return `${formatNumber(share * 100, lang, 0)}%`;
}

/** The rule that held, with its numbers against the thresholds (the reader's language for the numbers). */
export function reasonLines(reason: StrategyReason, lang: string): ReasonLine[] {
  const th = reason.thresholds;
  const share = shareText(th.profiled_share, lang);
  const lines: ReasonLine[] = [];
  const completeLine: ReasonLine = {
    key: 'complete', values: { keyPersons: reason.key_persons, profiled: reason.fully_profiled, min: th.min_key_persons, share },
  };
  switch (reason.rule) {
    case 'acquire':
      lines.push(reason.key_persons === 0
        ? { key: 'acquireNone', values: {} }
        : { key: 'acquireFew', values: { keyPersons: reason.key_persons, profiled: reason.fully_profiled } });
      break;
    case 'incomplete':
      if (reason.key_persons_needed > 0) {
        lines.push({ key: 'incompleteCount', values: { keyPersons: reason.key_persons, needed: reason.key_persons_needed, min: th.min_key_persons } });
      }
      if (reason.profiled_needed > reason.fully_profiled) {
        lines.push({
          key: 'incompleteProfiled',
          values: {
            keyPersons: reason.key_persons, profiled: reason.fully_profiled, needed: reason.profiled_needed,
            more: reason.profiled_needed - reason.fully_profiled, share,
          },
        });
      }
      break;
    case 'fell':
      lines.push(completeLine);
      for (const d of DIMENSION_ORDER) {
        const m = reason.means[d];
        if (!m?.fell) continue;
        const fall = m.now !== null && m.before !== null ? m.now - m.before : null;
        lines.push({
          key: 'fell', dimension: d,
          values: {
            before: meanAsPercent(m.before, lang), now: meanAsPercent(m.now, lang), since: reason.drop_since,
            fall: formatPointsDelta(fall, lang), drop: formatNumber(th.drop * 100, lang, 1), months: th.drop_months,
          },
        });
      }
      break;
    case 'poor':
      lines.push(completeLine);
      for (const d of DIMENSION_ORDER) {
        const m = reason.means[d];
        if (m?.poor) lines.push({ key: 'poor', dimension: d, values: { now: meanAsPercent(m.now, lang), limit: meanAsPercent(-1, lang) } });
      }
      break;
    case 'all_good':
      lines.push(completeLine);
      for (const d of DIMENSION_ORDER) {
        const m = reason.means[d];
        lines.push({ key: 'good', dimension: d, tier: m?.tier ?? undefined, values: { now: meanAsPercent(m?.now, lang) } });
      }
      break;
    case 'otherwise':
      lines.push(completeLine);
      lines.push({ key: 'otherwise', values: {} });
      for (const d of DIMENSION_ORDER) {
        const m = reason.means[d];
        if (!m?.tier) lines.push({ key: 'otherwiseUnknown', dimension: d, values: {} });
        else if (m.tier === 'fair') lines.push({ key: 'otherwiseFair', dimension: d, tier: m.tier, values: { now: meanAsPercent(m.now, lang) } });
      }
      break;
  }
  return lines;
}

/** The thresholds the rules use, written out. */
export function thresholdValues(reason: StrategyReason, lang: string): Record<string, string | number> {
  const th = reason.thresholds;
  return { min: th.min_key_persons, share: shareText(th.profiled_share, lang), drop: formatNumber(th.drop * 100, lang, 1), months: th.drop_months };
}

/** The means to lift and above what, as percents. */
export function liftLines(reason: StrategyReason, lang: string): ReasonLine[] {
  return reason.to_lift.map((lift) => ({
    key: `lift.${lift.because}`,
    dimension: lift.dimension,
    values: { now: meanAsPercent(lift.mean, lang), above: meanAsPercent(lift.above, lang) },
  }));
}
