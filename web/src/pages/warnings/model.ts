// Warnings without React: the kinds in the server's order, the filters and page the address keeps and the
// server query they make, the kinds of the summary by count, and the sentence a warning reads as (its English
// `message` is never shown: WarningText builds the sentence from the kind and its details).
import type { Params } from '../../api/client';
import type { WarningRow } from '../../api/lines';
import type { Warning } from '../../api/types';
import type { WarningNames } from './WarningText';

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

/** The states the list shows: open (new and acknowledged, the default), one state, or all. */
export const STATE_FILTERS = ['open', 'new', 'acknowledged', 'snoozed', 'dismissed', 'all'] as const;
export type StateFilter = (typeof STATE_FILTERS)[number];
/** Rows per customer (the default) or one list. */
export type WarningView = 'customer' | 'list';

export interface WarningFilter {
  severity: string;
  kind: string;
  customer: string;
  state: StateFilter;
  view: WarningView;
}

export const PAGE_SIZES = [20, 50, 100] as const;
export const PAGE_SIZE = 20;

/** The filters, page and page size the address keeps (unknown values dropped). */
export function warningsFromQuery(query: URLSearchParams): { filter: WarningFilter; page: number; size: number } {
  const severity = query.get('severity') ?? '';
  const kind = query.get('kind') ?? '';
  const state = query.get('state') ?? '';
  const size = Number(query.get('size'));
  return {
    filter: {
      severity: (SEVERITIES as readonly string[]).includes(severity) ? severity : '',
      kind: (WARNING_KINDS as readonly string[]).includes(kind) ? kind : '',
      customer: query.get('customer') ?? '',
      state: (STATE_FILTERS as readonly string[]).includes(state) ? (state as StateFilter) : 'open',
      view: query.get('view') === 'list' ? 'list' : 'customer',
    },
    page: Math.max(1, Math.floor(Number(query.get('page'))) || 1),
    size: (PAGE_SIZES as readonly number[]).includes(size) ? size : PAGE_SIZE,
  };
}

/** The server's parameters for a filtered page (the perspective's are added by the caller). */
export function warningsParams(filter: WarningFilter, page: number, size: number): Params {
  const params: Params = { limit: size, offset: (page - 1) * size };
  if (filter.severity) params.severity = filter.severity;
  if (filter.kind) params.kind = filter.kind;
  if (filter.customer) params.customer = filter.customer;
  if (filter.state !== 'all') params.state = filter.state;
  return params;
}


/** The kinds of a summary, most frequent first (ties in the server's order of kinds). */
export function kindsByCount(kinds: Record<string, number>): { kind: string; count: number }[] {
  const rank = (kind: string) => {
    const index = (WARNING_KINDS as readonly string[]).indexOf(kind);
    return index < 0 ? WARNING_KINDS.length : index;
  };
  return Object.entries(kinds)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => ({ kind, count }))
    .sort((a, b) => b.count - a.count || rank(a.kind) - rank(b.kind));
}

/** The names a warning's text uses: those the row carries, and the competitors the perspective knows. */
export function rowNames(w: WarningRow, competitors: Record<string, string>): WarningNames {
  const names = { ...competitors, ...w.names };
  return { customers: names, people: names, opportunities: names, competitors: names };
}

/** The i18n key of a warning's plain sentence (sentence.ts states its details instead when it has them). */
export function sentenceKey(w: Warning): string {
  if (w.kind === 'mean_falling' && !w.customer) return 'sentence.mean_falling_scope';
  if ((WARNING_KINDS as readonly string[]).includes(w.kind)) return `sentence.${w.kind}`;
  return 'sentence.other';
}
