// Pages of the figure lists (docs/api.md, "Pages of figure lists"): the customer line, the influence line and
// the warnings answer a summary and one page of rows, each row carrying the names it shows. The web app never
// asks for the whole documents (SPEC §11): every request here carries `limit` (0 = the summary alone).
import type { Params } from './client';
import { useApi, type Loaded } from './hooks';
import type {
  CustomerMetrics, Degrees, Dimension, InfluenceLine, InfluenceListEntry, LineTrendPoint, Tier, Warning,
} from './types';

/** The paging fields every page answers. */
export interface Paged<T> {
  items: T[];
  /** Rows matching the filters, before paging. */
  total: number;
  limit: number;
  offset: number;
}

// ---- Customer line ----

export interface TierSummary {
  count: number;
  mean: number | null;
  mom: { count: number | null; mean: number | null };
  yoy: { count: number | null; mean: number | null };
}

export interface CustomerLineSummary {
  scope: string;
  as_of: string;
  toward: string;
  trend: {
    customers: number; closeness: number | null; solution: number | null; price: number | null;
    degrees: Degrees; mom: Partial<Record<string, number | null>>; yoy: Partial<Record<string, number | null>>;
  };
  tiers: Record<Dimension, Record<Tier, TierSummary>>;
  /** Customers with no tier in each degree (no key person with a known value). */
  untiered: Record<Dimension, number>;
  /** Toward a competitor: how many key persons its staff can influence. */
  competitor_influenced_count?: number;
}

/** A customer's metrics without its departments, with the names the list shows. */
export interface CustomerLineRow extends Omit<CustomerMetrics, 'departments'> {
  name: string;
  /** The owner's name, else login; null without an owner. */
  owner_name: string | null;
}

export type CustomerLinePage = CustomerLineSummary & Paged<CustomerLineRow>;

/** The customer line's summary and one page of customers; nothing while params is null. */
export function useCustomerLine(params: Params | null): Loaded<CustomerLinePage> {
  return useApi<CustomerLinePage>(params === null ? null : '/lines/customer', { limit: 0, ...params });
}

/** A key person a competitor's staff can influence, with their customer; a name is null when the viewer may
 * not read that person or customer. */
export interface CompetitorInfluencedRow {
  person: string;
  name: string | null;
  customer: string | null;
  customer_name: string | null;
}

/** A page of the key persons the competitor of the perspective can influence; nothing while params is null. */
export function useCompetitorInfluenced(params: Params | null): Loaded<Paged<CompetitorInfluencedRow>> {
  return useApi<Paged<CompetitorInfluencedRow>>(params === null ? null : '/lines/customer/competitor-influenced', params ?? undefined);
}

/** The customer line's 24 monthly points. */
export function useCustomerTrend(params: Params): Loaded<LineTrendPoint[]> {
  return useApi<LineTrendPoint[]>('/lines/customer/trend', params);
}

// ---- Influence line ----

export interface InfluenceBucketSummary {
  count: number;
  mom: number | null;
  yoy: number | null;
}

export interface InfluenceLineSummary extends Omit<InfluenceLine, 'list' | 'analysis'> {
  analysis: Record<Dimension, Record<'unknown' | 'supporters' | 'opposers' | 'neutral', InfluenceBucketSummary>>;
}

/** An influence list entry with its names; a name the viewer may not read is null. */
export interface InfluenceLineRow extends InfluenceListEntry {
  person_name: string | null;
  company_name: string | null;
  department_name: string | null;
  owner_name: string | null;
  /** Parallel to `influencers`. */
  influencer_names: (string | null)[];
}

export type InfluenceLinePage = InfluenceLineSummary & Paged<InfluenceLineRow>;

export const INFLUENCE_SORT_KEYS = ['person', 'company', 'closeness', 'influencers'] as const;
export type InfluenceSortKey = (typeof INFLUENCE_SORT_KEYS)[number];

/** The influence line's summary and one page of its list. */
export function useInfluenceLine(params: Params): Loaded<InfluenceLinePage> {
  return useApi<InfluenceLinePage>('/lines/influence', { limit: 0, ...params });
}

// ---- Warnings ----

export const WARNING_STATES = ['new', 'acknowledged', 'snoozed', 'dismissed'] as const;
export type WarningState = (typeof WARNING_STATES)[number];

/** What someone decided about a warning; `lapsed` says why it no longer holds (null while it does). */
export interface WarningDecision {
  id: string;
  status: 'acknowledged' | 'snoozed' | 'dismissed';
  reason: string | null;
  snoozed_until: string | null;
  by: string | null;
  by_name: string | null;
  date: string;
  lapsed: 'facts' | 'severity' | 'snooze_over' | null;
}

export interface WarningRow extends Warning {
  /** The names of the ids the warning names that the viewer may read. */
  names: Record<string, string>;
  state: WarningState;
  decision: WarningDecision | null;
}

/** A row of the warnings grouped by customer (customer null: the perspective's own). */
export interface WarningGroupRow {
  customer: string | null;
  name: string | null;
  count: number;
  high: number;
  medium: number;
  low: number;
  new: number;
}

export interface WarningGroupsPage extends Paged<WarningGroupRow> {
  scope: string;
  as_of: string;
  summary: WarningsSummary;
}

export interface WarningsSummary {
  total: number;
  severity: Record<'high' | 'medium' | 'low', number>;
  /** The kinds that occur. */
  kind: Record<string, number>;
  customer_count: number;
  /** The ten customers with most high warnings, then most warnings. */
  customers: { customer: string; name: string; count: number; high: number }[];
  state: Record<WarningState | 'open', number>;
}

export interface WarningsPage extends Paged<WarningRow> {
  scope: string;
  as_of: string;
  summary: WarningsSummary;
}

/** The warnings' summary and one page of them, most severe first. */
export function useWarnings(params: Params | null): Loaded<WarningsPage> {
  return useApi<WarningsPage>(params ? '/warnings' : null, { limit: 0, ...params });
}

/** The warnings grouped by customer: a row per customer with its counts, most high warnings first. */
export function useWarningGroups(params: Params | null): Loaded<WarningGroupsPage> {
  return useApi<WarningGroupsPage>(params ? '/warnings' : null, { ...params, group: 'customer' });
}
