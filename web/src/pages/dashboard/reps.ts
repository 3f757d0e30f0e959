// The rep comparison's rows without React: which columns there are, which the manager chose to show (the rest
// fold into the row's expansion), what each column sorts by, and the sort itself (unknown values last in
// either direction, ties in the server's order, by user id).
import type { RepFigures, RepRow } from '../../api/reps';
import { DIMENSIONS, type Dimension } from '../../api/types';

export const REP_COLUMNS = [
  'name', 'team', 'customers', 'key_persons', 'closeness', 'solution', 'price',
  'insight_rate', 'profiling_rate', 'value_potential', 'contribution_count', 'contribution_amount', 'warnings',
] as const;
export type RepColumn = (typeof REP_COLUMNS)[number];

/** The columns a manager may hide or show (the column chooser); the others are always shown. */
export const OPTIONAL_COLUMNS: RepColumn[] = [
  'key_persons', 'insight_rate', 'profiling_rate', 'value_potential', 'contribution_count', 'contribution_amount',
];

/** What shows until the manager chooses: the table then fits a 1440-pixel window. */
export const DEFAULT_CHOSEN: RepColumn[] = ['insight_rate', 'profiling_rate'];

/** Each column's width in pixels (the expansion column is EXPAND_WIDTH). */
export const COLUMN_WIDTH: Record<RepColumn, number> = {
  name: 115, team: 100, customers: 115, key_persons: 100, closeness: 140, solution: 140, price: 140,
  insight_rate: 95, profiling_rate: 105, value_potential: 100, contribution_count: 110, contribution_amount: 110, warnings: 115,
};
export const EXPAND_WIDTH = 48;

/** Up to this width the table fits beside the navigation in a 1440-pixel window; a wider choice scrolls. */
export const FITS_1440 = 1150;

/** The chosen optional columns as stored (a JSON list); unknown names are dropped, the default when unreadable. */
export function parseChosen(text: string | null | undefined): RepColumn[] {
  if (!text) return DEFAULT_CHOSEN;
  try {
    const value: unknown = JSON.parse(text);
    if (!Array.isArray(value)) return DEFAULT_CHOSEN;
    return OPTIONAL_COLUMNS.filter((c) => value.includes(c));
  } catch {
    return DEFAULT_CHOSEN;
  }
}

/** The columns shown, in the table's order: every fixed column and the chosen optional ones. */
export function shownColumns(chosen: RepColumn[]): RepColumn[] {
  return REP_COLUMNS.filter((c) => !OPTIONAL_COLUMNS.includes(c) || chosen.includes(c));
}

/** The optional columns not shown: their figures are in the row's expansion. */
export function foldedColumns(chosen: RepColumn[]): RepColumn[] {
  return OPTIONAL_COLUMNS.filter((c) => !chosen.includes(c));
}

/** The table's width for these columns (with the expansion column). */
export function tableWidth(columns: RepColumn[]): number {
  return columns.reduce((sum, c) => sum + COLUMN_WIDTH[c], EXPAND_WIDTH);
}

function isDimension(column: RepColumn): column is Dimension {
  return (DIMENSIONS as readonly string[]).includes(column);
}

/** What a column sorts by: a name (text) or a figure (null when unknown). */
export function sortValue(row: RepFigures & Partial<Pick<RepRow, 'name' | 'team_name'>>, column: RepColumn): string | number | null {
  if (column === 'name') return row.name ?? null;
  if (column === 'team') return row.team_name ?? null;
  if (isDimension(column)) return row.degrees[column]?.percent ?? null;
  if (column === 'warnings') return row.warnings.open;
  return row[column];
}

export type SortOrder = 'ascend' | 'descend';
export interface RepSort {
  column: RepColumn;
  order: SortOrder;
}

/** The rows sorted by a column; unknown values last either way, then the server's order (by user id). Open
 * warnings tie-break by the high ones. Names sort in the reader's language. */
export function sortReps(rows: RepRow[], sort: RepSort | null, lang = 'zh-CN'): RepRow[] {
  if (!sort) return rows;
  const sign = sort.order === 'ascend' ? 1 : -1;
  const collator = new Intl.Collator(lang === 'en' ? 'en' : 'zh-CN');
  const position = new Map(rows.map((r, i) => [r.user, i]));
  return [...rows].sort((a, b) => {
    const x = sortValue(a, sort.column);
    const y = sortValue(b, sort.column);
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else {
      const order = typeof x === 'string' || typeof y === 'string' ? collator.compare(String(x), String(y)) : x - y;
      if (order !== 0) return sign * order;
      if (sort.column === 'warnings' && a.warnings.high !== b.warnings.high) return sign * (a.warnings.high - b.warnings.high);
    }
    return (position.get(a.user) ?? 0) - (position.get(b.user) ?? 0);
  });
}

/** The perspective whose reps the dashboard compares, or null for a rep's own view (`me`, `user:`): a rep has
 * no team view. */
export function comparedScope(scope: string): string | null {
  return scope === 'company' || scope.startsWith('team:') ? scope : null;
}

/** The scope of a rep's individual view, as the perspective picker sets it. */
export function repScope(user: string): string {
  return `user:${user}`;
}
