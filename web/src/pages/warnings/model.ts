// Warnings without React: the kinds in the server's order, filtering, the summary the dashboard shows, and
// the server's English message with the ids it names replaced by names.
import type { Warning } from '../../api/types';

/** Every kind, in the order the server lists them (docs/figures.md, src/engine/warnings.cpp). */
export const WARNING_KINDS = [
  'attitude_conflict', 'optimistic_forecast', 'veto_opposes', 'no_decision_maker', 'sharp_drop', 'competitor_leads',
  'stale_contact', 'champion_left', 'focus_coverage', 'no_lead', 'opposer_to_neutral', 'vote_not_supporting',
  'mean_falling', 'ask_employee', 'leverage_employee', 'undeclared_acquaintances',
  'milestone_due', 'milestone_overdue', 'price_above_history',
] as const;
export type WarningKind = (typeof WARNING_KINDS)[number];

export const SEVERITIES = ['high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const SEVERITY_COLOR: Record<Severity, string> = { high: 'red', medium: 'orange', low: 'blue' };

export interface WarningFilter {
  severity?: string;
  kind?: string;
  customer?: string;
}

export function filterWarnings(list: Warning[], filter: WarningFilter): Warning[] {
  return list.filter(
    (w) =>
      (!filter.severity || w.severity === filter.severity) &&
      (!filter.kind || w.kind === filter.kind) &&
      (!filter.customer || w.customer === filter.customer),
  );
}

export interface WarningSummary {
  total: number;
  bySeverity: Record<Severity, number>;
  /** Kinds that occur, most frequent first (ties in the server's order of kinds). */
  byKind: { kind: string; count: number }[];
}

export function summarize(list: Warning[]): WarningSummary {
  const bySeverity: Record<Severity, number> = { high: 0, medium: 0, low: 0 };
  const kinds = new Map<string, number>();
  for (const w of list) {
    if (w.severity in bySeverity) bySeverity[w.severity as Severity]++;
    kinds.set(w.kind, (kinds.get(w.kind) ?? 0) + 1);
  }
  const rank = (kind: string) => {
    const index = (WARNING_KINDS as readonly string[]).indexOf(kind);
    return index < 0 ? WARNING_KINDS.length : index;
  };
  const byKind = [...kinds.entries()]
    .map(([kind, count]) => ({ kind, count }))
    .sort((a, b) => b.count - a.count || rank(a.kind) - rank(b.kind));
  return { total: list.length, bySeverity, byKind };
}

const SEVERITY_RANK: Record<string, number> = { high: 0, medium: 1, low: 2 };

/** The warnings most severe first, otherwise in the server's order. */
export function bySeverity(list: Warning[]): Warning[] {
  return list
    .map((w, i) => ({ w, i }))
    .sort((a, b) => (SEVERITY_RANK[a.w.severity] ?? 3) - (SEVERITY_RANK[b.w.severity] ?? 3) || a.i - b.i)
    .map(({ w }) => w);
}

/** The first `n` warnings, most severe first, otherwise in the server's order. */
export function topWarnings(list: Warning[], n: number): Warning[] {
  return bySeverity(list).slice(0, n);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The message with every id of `names` that stands alone (not part of a longer id) replaced by its name. */
export function withNames(message: string, names: Record<string, string>): string {
  const ids = Object.keys(names).filter((id) => id && names[id] && names[id] !== id);
  if (!ids.length) return message;
  ids.sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(?<![\\w-])(${ids.map(escape).join('|')})(?![\\w-])`, 'g');
  return message.replace(pattern, (id) => names[id] ?? id);
}

/** The ids of persons a warning names (the person and the employees), for fetching their names. */
export function personIds(list: Warning[]): string[] {
  const ids = new Set<string>();
  for (const w of list) {
    if (w.person) ids.add(w.person);
    for (const e of w.employees ?? []) ids.add(e);
  }
  return [...ids];
}

/** The i18n key of the localized sentence of a warning. */
export function sentenceKey(w: Warning): string {
  if (w.kind === 'mean_falling' && !w.customer) return 'sentence.mean_falling_scope';
  if ((WARNING_KINDS as readonly string[]).includes(w.kind)) return `sentence.${w.kind}`;
  return 'sentence.other';
}
