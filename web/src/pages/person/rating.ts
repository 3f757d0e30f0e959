// Pure logic of ratings: the value as of a day (SPEC.md §4), which picks of the two-click picker become
// which POST /ratings bodies, and the rating history grouped by day for the timeline.
import type { Activity, Attitude, Dimension, Rating, Vote } from '../../api/types';
import { DIMENSIONS } from '../../api/types';
import { ATTITUDE_NUMBER } from '../../lib/format';

/** Which ratings a value is read from: toward ours or a competitor, customer level (null) or an opportunity. */
export interface RatingScope {
  toward: string;
  opportunity: string | null;
}

/** Does a fact count on `day`? Dated on or before it and not retired by then (`until` is exclusive). */
export function factActiveOn(fact: { date: string; until: string | null }, day: string): boolean {
  return fact.date <= day && (fact.until === null || day < fact.until);
}

/**
 * The value of each dimension as of `day` in one scope: the latest counting fact by date; among facts of the
 * same date the one recorded last (later in the list, which comes in recorded order) wins.
 */
export function currentValues(ratings: Rating[], scope: RatingScope, day: string): Record<Dimension, Attitude> {
  const result: Record<Dimension, Attitude> = { closeness: 'unknown', solution: 'unknown', price: 'unknown' };
  const latest: Partial<Record<Dimension, string>> = {};
  for (const rating of ratings) {
    if ((rating.toward ?? 'ours') !== scope.toward) continue;
    if ((rating.opportunity ?? null) !== scope.opportunity) continue;
    if (!factActiveOn(rating, day)) continue;
    const seen = latest[rating.dimension];
    if (seen === undefined || rating.date >= seen) {
      latest[rating.dimension] = rating.date;
      result[rating.dimension] = rating.value;
    }
  }
  return result;
}

export interface RatingBody {
  person: string;
  dimension: Dimension;
  value: Attitude;
  date: string;
  toward?: string;
  opportunity?: string;
  note?: string;
}

export type Picks = Partial<Record<Dimension, Attitude>>;

/** The dimensions whose pick differs from the current value, in the order of DIMENSIONS. */
export function changedDimensions(picks: Picks, current: Record<Dimension, Attitude>): Dimension[] {
  return DIMENSIONS.filter((d) => picks[d] !== undefined && picks[d] !== current[d]);
}

/** One POST /ratings body per changed dimension; `toward` only when not ours, `opportunity` only when set. */
export function ratingBodies(
  picks: Picks,
  current: Record<Dimension, Attitude>,
  target: { person: string; date: string; toward: string; opportunity: string | null; note?: string },
): RatingBody[] {
  return changedDimensions(picks, current).map((dimension) => {
    const body: RatingBody = { person: target.person, dimension, value: picks[dimension] as Attitude, date: target.date };
    if (target.toward && target.toward !== 'ours') body.toward = target.toward;
    if (target.opportunity) body.opportunity = target.opportunity;
    // One observation, the same words on each degree it changed.
    if (target.note?.trim()) body.note = target.note.trim();
    return body;
  });
}

export interface DayGroup<T> {
  date: string;
  entries: T[];
}

/**
 * Ratings grouped by day, newest day first; inside a day the three dimensions in their order, and within one
 * dimension the last recorded first.
 */
export function groupByDate(ratings: Rating[]): DayGroup<Rating>[] {
  const byDate = new Map<string, { rating: Rating; index: number }[]>();
  ratings.forEach((rating, index) => {
    const list = byDate.get(rating.date) ?? [];
    list.push({ rating, index });
    byDate.set(rating.date, list);
  });
  return Array.from(byDate.entries())
    .sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0))
    .map(([date, list]) => ({
      date,
      entries: list
        .sort((x, y) => DIMENSIONS.indexOf(x.rating.dimension) - DIMENSIONS.indexOf(y.rating.dimension) || y.index - x.index)
        .map((x) => x.rating),
    }));
}

/** Newest first by date; facts of the same date the last recorded first. */
export function newestFirst<T extends Activity | Vote | Rating>(facts: T[]): T[] {
  return facts
    .map((fact, index) => ({ fact, index }))
    .sort((a, b) => (a.fact.date < b.fact.date ? 1 : a.fact.date > b.fact.date ? -1 : b.index - a.index))
    .map((x) => x.fact);
}

/**
 * A step line per dimension: at each day a rating of the scope was made, the value as of that day (its number,
 * null while unknown). Days ascending.
 */
export function stepSeries(ratings: Rating[], scope: RatingScope): { days: string[]; values: Record<Dimension, (number | null)[]> } {
  const inScope = ratings.filter((r) => (r.toward ?? 'ours') === scope.toward && (r.opportunity ?? null) === scope.opportunity);
  const days = Array.from(new Set(inScope.map((r) => r.date))).sort();
  // A retire changes the value too: include the retire days.
  for (const r of inScope) if (r.until && !days.includes(r.until)) days.push(r.until);
  days.sort();
  const values: Record<Dimension, (number | null)[]> = { closeness: [], solution: [], price: [] };
  for (const day of days) {
    const now = currentValues(inScope, scope, day);
    for (const d of DIMENSIONS) values[d].push(ATTITUDE_NUMBER[now[d]]);
  }
  return { days, values };
}

/** The vote of each kind as of `day` (the latest counting fact, ties to the last recorded). */
export function currentVotes(votes: Vote[], day: string): { veto: Vote['value']; approve: Vote['value'] } {
  const result = { veto: 'unknown' as Vote['value'], approve: 'unknown' as Vote['value'] };
  const latest: Partial<Record<Vote['kind'], string>> = {};
  for (const vote of votes) {
    if (!factActiveOn(vote, day)) continue;
    const seen = latest[vote.kind];
    if (seen === undefined || vote.date >= seen) {
      latest[vote.kind] = vote.date;
      result[vote.kind] = vote.value;
    }
  }
  return result;
}

/** The number of the seven features that are known, from the profile's completeness (known / 7). */
export function knownFeatures(completeness: number): number {
  return Math.round(completeness * 7);
}
