// Explaining a figure (docs/api.md, "Explaining a figure"): GET /api/v1/explain lists the persons and rating facts
// behind one degree figure and, with `compare`, who moved its month-over-month or year-over-year change. And the
// shape of a customer's `strategy_reason` (docs/api.md, "Why a strategy").
import type { Params } from './client';
import { useApi, type Loaded } from './hooks';
import type { Attitude, Dimension, Stats, Strategy, Tier } from './types';

/** The figures an explanation is asked for: a person, a chain (an opportunity's decision chain), a department,
 * a customer, an employee (the key persons they can influence) or the company (a perspective's customers). */
export type ExplainFigure = 'person' | 'chain' | 'department' | 'customer' | 'employee' | 'company' | 'centres';
export type CompareKind = 'mom' | 'yoy';

/** The rating fact that gives a person's value: customer level, or project level in a chain. */
export interface ExplainFact {
  id: string;
  date: string;
  level: 'customer' | 'project';
  /** The user who recorded it; null when unknown. */
  by: string | null;
}

export interface ExplainPerson {
  person: string;
  name: string;
  /** The chain member (chains only). */
  member: string | null;
  value: Attitude;
  /** null when nothing was ever recorded for this person and degree. */
  fact: ExplainFact | null;
  /** Chains: the customer-level value stands in for a project rating. */
  inherited: boolean;
}

/** One person whose value or membership changed; `before` / `now` null: not in the set that day. */
export interface AttributionPart {
  person: string;
  name: string;
  before: Attitude | null;
  now: Attitude | null;
  /** In mean units; the parts add up to `delta`. null without a mean on either day. */
  contribution: number | null;
}

export interface Attribution {
  kind: CompareKind;
  /** The earlier day. */
  as_of: string;
  before: Stats;
  /** The change of the mean; null without a mean on either day. */
  delta: number | null;
  /** Every part; `parts` holds the first `limit`, largest contribution first. */
  parts_total: number;
  parts: AttributionPart[];
}

export interface Explanation {
  figure: ExplainFigure;
  id: string | null;
  scope?: string;
  dimension: Dimension;
  as_of: string;
  toward: string;
  /** Recomputed from the persons' values: exactly the figure's. */
  stats: Stats;
  total: number;
  offset: number;
  limit: number;
  persons: ExplainPerson[];
  compare: Attribution | null;
}

/** What one explanation asks for (the perspective's side, day and scope included). */
export interface ExplainQuery {
  figure: ExplainFigure;
  id?: string | null;
  dimension: Dimension;
  toward?: string;
  asOf?: string | null;
  scope?: string;
  compare?: CompareKind;
  limit: number;
  offset: number;
}

/** The query parameters of GET /explain for `query` (the side left out when it is ours, the id for the company). */
export function explainParams(query: ExplainQuery): Params {
  const params: Params = { figure: query.figure, dimension: query.dimension, limit: query.limit, offset: query.offset };
  if (query.figure === 'company') params.scope = query.scope ?? 'me';
  else params.id = query.id ?? '';
  if (query.toward && query.toward !== 'ours') params.toward = query.toward;
  if (query.asOf) params.as_of = query.asOf;
  if (query.compare) params.compare = query.compare;
  return params;
}

/** The explanation of one figure; nothing while query is null. */
export function useExplanation(query: ExplainQuery | null): Loaded<Explanation> {
  return useApi<Explanation>(query ? '/explain' : null, query ? explainParams(query) : undefined);
}

// ---- Why a strategy ----

export type StrategyRule = 'acquire' | 'incomplete' | 'fell' | 'poor' | 'all_good' | 'otherwise';
/** A key person's feature that a full profile needs. */
export type ProfileFeature = 'closeness' | 'solution' | 'price' | 'veto' | 'approve' | 'acquaintance' | 'orientation';

export interface StrategyMean {
  now: number | null;
  /** On `drop_since`. */
  before: number | null;
  tier: Tier | null;
  fell: boolean;
  poor: boolean;
}

export interface StrategyReason {
  rule: StrategyRule;
  strategy: Strategy;
  key_persons: number;
  fully_profiled: number;
  /** The smallest count of fully profiled key persons that completes the graph with today's key persons. */
  profiled_needed: number;
  key_persons_needed: number;
  thresholds: { min_key_persons: number; profiled_share: number; drop: number; drop_months: number };
  drop_since: string;
  means: Record<Dimension, StrategyMean>;
  to_profile: { person: string; name: string; missing: ProfileFeature[] }[];
  to_lift: { dimension: Dimension; mean: number | null; above: number; because: 'fell' | 'poor' | 'fair' | 'unknown' }[];
}
