// The project file's arithmetic without React: ratios, sizes, the criteria's weight sum, the quote rounds as
// chart series, and where each milestone of the timeline sits and how it is drawn.
import type { ProjectMilestone, ProjectQuote } from '../../api/project';

/** numerator / denominator, or null when either is unknown or the denominator is not positive. */
export function ratio(numerator: number | null | undefined, denominator: number | null | undefined): number | null {
  if (numerator === null || numerator === undefined || denominator === null || denominator === undefined) return null;
  if (!(denominator > 0)) return null;
  return numerator / denominator;
}

/** A ratio as a percent with one decimal ("92.5%"), "—" when unknown. */
export function formatRatio(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${(Math.round(value * 1000) / 10).toFixed(1)}%`;
}

/** A file size in B, KB, MB or GB (1024-based, one decimal above bytes). */
export function formatSize(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return '—';
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

export interface WeightSum {
  total: number;
  /** True when there are no criteria or the weights add up to 100. */
  ok: boolean;
}

/** The sum of the weights (blank ones count 0), rounded to hide floating-point noise. */
export function weightSum(weights: (number | null | undefined)[]): WeightSum {
  const total = Math.round(weights.reduce<number>((sum, w) => sum + (typeof w === 'number' && Number.isFinite(w) ? w : 0), 0) * 1e6) / 1e6;
  return { total, ok: weights.length === 0 || Math.abs(total - 100) < 1e-9 };
}

export interface QuoteSeries {
  rounds: number[];
  /** One line per organization, ours first, then by id; a price per round (null: no quote that round). */
  series: { org: string; ours: boolean; prices: (number | null)[] }[];
}

/** The quotes as one series per organization over the rounds; a round with two quotes of one org keeps the
 * latest (the server lists quotes by round, org, date). */
export function quoteSeries(quotes: ProjectQuote[], ours: string | null): QuoteSeries {
  const rounds = Array.from(new Set(quotes.map((q) => q.round))).sort((a, b) => a - b);
  const orgs = Array.from(new Set(quotes.map((q) => q.org ?? ''))).sort((a, b) => (a === ours ? -1 : b === ours ? 1 : a.localeCompare(b)));
  const series = orgs.map((org) => {
    const prices = rounds.map(() => null as number | null);
    for (const q of quotes) if ((q.org ?? '') === org) prices[rounds.indexOf(q.round)] = q.price;
    return { org, ours: org === ours, prices };
  });
  return { rounds, series };
}

/** Our latest quote: the highest round, then the latest date (as the price_above_history warning reads it). */
export function latestQuote(quotes: ProjectQuote[], org: string | null): ProjectQuote | null {
  let best: ProjectQuote | null = null;
  for (const q of quotes) {
    if (org === null || q.org !== org) continue;
    if (!best || q.round > best.round || (q.round === best.round && q.date >= best.date)) best = q;
  }
  return best;
}

export type MilestoneState = 'reached' | 'overdue' | 'due' | 'expected' | 'unknown';

export interface TimelinePoint {
  kind: string;
  /** The day drawn: the reached date, else the expected one, else null. */
  date: string | null;
  state: MilestoneState;
  /** Position along the line, 0 to 1. */
  x: number;
  /** Days late (overdue) or days left (due), else null. */
  days: number | null;
}

export interface TimelineLayout {
  points: TimelinePoint[];
  /** Where as-of falls on the line (0 to 1), null when outside the dated span. */
  today: number | null;
}

const DAY = 86_400_000;
export const DUE_DAYS = 14;

function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY);
}

/** The state of one milestone as of `asOf`: reached (solid), expected later (hollow, dashed), due within
 * 14 days, overdue (expected before as-of and not reached), or unknown (no date at all). */
export function milestoneState(m: ProjectMilestone, asOf: string): { state: MilestoneState; days: number | null } {
  if (m.date) return { state: 'reached', days: null };
  if (!m.expected) return { state: 'unknown', days: null };
  const left = dayNumber(m.expected) - dayNumber(asOf);
  if (left < 0) return { state: 'overdue', days: -left };
  if (left <= DUE_DAYS) return { state: 'due', days: left };
  return { state: 'expected', days: null };
}

/** Places the model's kinds along a line in model order. With n kinds each has a 1/(n−1) share of the line;
 * the stretch from the first to the last dated kind is laid out by day (kept in order, at least half a
 * share apart so that close days do not overlap), undated kinds are evenly spaced around it. */
export function timelineLayout(milestones: ProjectMilestone[], asOf: string): TimelineLayout {
  const n = milestones.length;
  const states = milestones.map((m) => milestoneState(m, asOf));
  const dates = milestones.map((m) => m.date ?? m.expected);
  const unit = n > 1 ? 1 / (n - 1) : 0;
  const dated = dates.map((d, i) => (d ? i : -1)).filter((i) => i >= 0);
  const first = dated.length ? dated[0] : -1;
  const last = dated.length ? dated[dated.length - 1] : -1;
  const firstDay = first >= 0 ? dayNumber(dates[first]!) : 0;
  const span = last >= 0 ? dayNumber(dates[last]!) - firstDay : 0;
  const raw: number[] = [];
  for (let i = 0; i < n; i++) {
    let x = i * unit;
    const d = dates[i];
    if (d && span > 0 && i > first && i < last) x = first * unit + ((dayNumber(d) - firstDay) / span) * (last - first) * unit;
    if (i > 0) x = Math.max(x, raw[i - 1] + unit / 2);
    raw.push(x);
  }
  const max = n > 1 && raw[n - 1] > 0 ? raw[n - 1] : 1;
  const points = milestones.map((m, i) => ({
    kind: m.kind,
    date: dates[i],
    state: states[i].state,
    days: states[i].days,
    x: n === 1 ? 0.5 : raw[i] / max,
  }));
  // As-of sits between the two dated points around it, by day.
  const now = dayNumber(asOf);
  const placed = points.filter((p) => p.date).map((p) => ({ x: p.x, day: dayNumber(p.date!) }));
  let today: number | null = null;
  for (let i = 0; i < placed.length && today === null; i++) {
    const a = placed[i];
    const b = placed[i + 1];
    if (now === a.day) today = a.x;
    else if (b && a.day < now && now < b.day) today = a.x + ((b.x - a.x) * (now - a.day)) / (b.day - a.day);
  }
  return { points, today };
}
