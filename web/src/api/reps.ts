// The rep comparison of a perspective (GET /api/v1/lines/reps, docs/api.md "Managers' views"): a row per rep
// and manager of a team or of the company, each the figures of that user's own perspective, and the
// perspective's own row.
import type { Params } from './client';
import { useApi, type Loaded } from './hooks';
import type { Changes, Degrees } from './types';

/** The figures of one perspective as the comparison shows them. */
export interface RepFigures {
  customers: number;
  key_persons: number;
  insighted: number;
  fully_profiled: number;
  /** insighted / key_persons; null without key persons. */
  insight_rate: number | null;
  /** fully_profiled / key_persons; null without key persons. */
  profiling_rate: number | null;
  degrees: Degrees;
  /** The means' changes (closeness, solution, price) and the counts' (customers, key_persons). */
  mom: Changes;
  yoy: Changes;
  value_potential: number | null;
  contribution_count: number | null;
  contribution_amount: number | null;
  /** Open warnings (new or acknowledged) and how many of them are high. */
  warnings: { open: number; high: number };
}

/** A rep's (or manager's) row: their own perspective `user:<user>`. */
export interface RepRow extends RepFigures {
  user: string;
  name: string;
  role: 'rep' | 'manager';
  team: string | null;
  team_name: string | null;
}

export interface RepComparison {
  scope: string;
  as_of: string;
  toward: string;
  total: RepFigures;
  reps: RepRow[];
}

/** The comparison of the perspective in `params` (scope, as_of, toward); nothing while params is null. */
export function useRepComparison(params: Params | null): Loaded<RepComparison> {
  return useApi<RepComparison>(params === null ? null : '/lines/reps', params ?? undefined);
}
