// The shapes of the records (docs/api.md, "Fields of each collection") and of the figures (SPEC.md §11).
import type { StrategyReason } from './explain';

export type Attitude = 'strong_support' | 'support' | 'neutral' | 'oppose' | 'strong_oppose' | 'unknown';
export type Dimension = 'closeness' | 'solution' | 'price';
export type Tier = 'excellent' | 'good' | 'fair' | 'poor';
export type Strategy = 'acquire' | 'grow' | 'win_back' | 'wait' | 'retain';
export type Role = 'rep' | 'manager' | 'executive' | 'admin' | 'employee';
export type YesNo = 'yes' | 'no' | 'unknown';
export type Language = 'zh-CN' | 'en';

export const DIMENSIONS: Dimension[] = ['closeness', 'solution', 'price'];
export const ATTITUDES: Attitude[] = ['strong_support', 'support', 'neutral', 'oppose', 'strong_oppose', 'unknown'];
export const YES_NO: YesNo[] = ['yes', 'no', 'unknown'];
export const TIERS: Tier[] = ['excellent', 'good', 'fair', 'poor'];
export const STRATEGIES: Strategy[] = ['acquire', 'grow', 'win_back', 'wait', 'retain'];
export const CHAIN_ROLES = [
  'decision_maker', 'approver', 'technical_evaluator', 'business_evaluator', 'user',
  'procurement', 'influencer', 'coach', 'gatekeeper', 'other',
] as const;
export type ChainRole = (typeof CHAIN_ROLES)[number];
export const ACTIVITY_KINDS = ['visit', 'meeting', 'call', 'message', 'meal', 'event', 'other'] as const;
export const ORIENTATIONS = ['technology', 'business', 'relationship', 'price', 'risk_averse', 'innovation', 'unknown'] as const;
export const IMPORTANCES = ['high', 'medium', 'low', 'unknown'] as const;
export const STRENGTHS = ['strong', 'medium', 'weak'] as const;

interface Valid {
  id: string;
  since: string | null;
  until: string | null;
}

export interface User extends Valid {
  login: string;
  person: string;
  role: Role;
  team: string | null;
  active: boolean;
  language: Language;
}

export interface Me {
  user: User & { name: string };
  csrf: string | null;
  expires_at: number | null;
  /** The tenant's day in its time zone, YYYY-MM-DD. */
  today: string;
}

export interface Organization extends Valid {
  name: string;
  kind: 'customer' | 'ours' | 'competitor' | 'partner';
  industry: string | null;
  region: string | null;
  owner: string | null;
  focus: boolean;
}

export interface Department extends Valid {
  org: string;
  name: string;
  parent: string | null;
}

export interface Person extends Valid {
  org: string;
  department: string | null;
  name: string;
  title: string | null;
  key: boolean;
  importance: string;
  orientation: string;
  email: string | null;
  phone: string | null;
  notes: string | null;
}

export interface Team extends Valid {
  name: string;
  parent: string | null;
  manager: string | null;
}

export interface ReportingLine extends Valid {
  person: string;
  manager: string;
}

export interface InfluenceLink extends Valid {
  from: string;
  to: string;
  strength: 'strong' | 'medium' | 'weak';
  note: string | null;
}

export interface Opportunity extends Valid {
  customer: string;
  name: string;
  owner: string | null;
  amount: number | null;
  currency: string;
  stage: string | null;
  status: 'open' | 'won' | 'lost' | 'abandoned';
  type: string;
  opened: string;
  closed: string | null;
  win_probability: number | null;
  focus: boolean;
}

export interface ChainMemberRecord extends Valid {
  opportunity: string;
  person: string;
  role: ChainRole;
  veto: YesNo;
  approve: YesNo;
}

export interface Rating {
  id: string;
  person: string;
  dimension: Dimension;
  value: Attitude;
  toward: string;
  opportunity: string | null;
  date: string;
  by: string | null;
  until: string | null;
  note?: string | null;
}

export interface Vote {
  id: string;
  person: string;
  kind: 'veto' | 'approve';
  value: YesNo;
  date: string;
  by: string | null;
  until: string | null;
}

export interface Activity {
  id: string;
  person: string;
  opportunity: string | null;
  kind: string;
  date: string;
  by: string | null;
  note: string | null;
  until: string | null;
}

// ---- Figures (SPEC.md §11) ----

export interface Stats {
  n: number;
  known: number;
  unknown: number;
  strong_support: number;
  support: number;
  neutral: number;
  oppose: number;
  strong_oppose: number;
  supporters: number;
  opposers: number;
  mean: number | null;
  percent: number | null;
  tier: Tier | null;
}

export type Degrees = Record<Dimension, Stats>;
export type Changes = Partial<Record<string, number | null>>;

export interface CustomerMetrics {
  customer: string;
  as_of: string;
  toward: string;
  key_persons: number;
  insighted: number;
  fully_profiled: number;
  complete: boolean;
  degrees: Degrees;
  mom: Changes;
  yoy: Changes;
  open_opportunities: { count: number; amount: number };
  strategy: Strategy;
  strategy_override?: { strategy: Strategy; reason: string; by: string; at: string } | null;
  /** Whether the signed-in user may change this customer's records: the server's access policy decides. */
  may_write?: boolean;
  focus: boolean;
  owner: string | null;
  departments: { department: string | null; key_persons: number; degrees: Degrees }[];
  /** Why the recommendation, with its numbers and what would change it (api/explain.ts). */
  strategy_reason?: StrategyReason;
  /** The influence centres' degrees pooled as the customer's. */
  centres?: CustomerCentres;
}

/** The highest-ranked active key persons among the customer's influence centres (at most `top`, highest first)
 * and their degrees pooled, with the means' changes. */
export interface CustomerCentres {
  top: number;
  persons: string[];
  degrees: Degrees;
  mom: Changes;
  yoy: Changes;
}

export interface TierCell {
  count: number;
  mean: number | null;
  customers: string[];
  mom: { count: number | null; mean: number | null };
  yoy: { count: number | null; mean: number | null };
}

export interface CustomerLine {
  scope: string;
  as_of: string;
  toward: string;
  trend: { customers: number; closeness: number | null; solution: number | null; price: number | null; degrees: Degrees; mom: Changes; yoy: Changes };
  tiers: Record<Dimension, Record<Tier, TierCell>>;
  customers: CustomerMetrics[];
  competitor_influenced?: unknown;
}

export interface LineTrendPoint {
  month: string;
  as_of: string;
  customers?: number;
  key_persons?: number;
  members?: number;
  degrees: Degrees;
}

export interface InfluenceBucket {
  count: number;
  people: string[];
  mom: number | null;
  yoy: number | null;
}

export interface InfluenceListEntry {
  person: string;
  company: string;
  department: string | null;
  title: string | null;
  closeness: Attitude;
  owner: string | null;
  influencers: string[];
}

export interface InfluenceLine {
  scope: string;
  as_of: string;
  toward: string;
  trend: { acquainted: number; uninsighted: number; closeness: number | null; solution: number | null; price: number | null; mom: Changes; yoy: Changes };
  analysis: Record<Dimension, Record<'unknown' | 'supporters' | 'opposers' | 'neutral', InfluenceBucket>>;
  list: InfluenceListEntry[];
  kpi: { value_potential: number | null; contribution_count: number | null; contribution_amount: number | null };
}

export interface ChainMemberFigure {
  person: string;
  role: ChainRole;
  veto: YesNo;
  approve: YesNo;
  closeness: Attitude;
  solution: Attitude;
  price: Attitude;
  inherited: Dimension[];
  interaction: string;
  member: string;
}

export interface ChainFigure {
  opportunity: string;
  as_of: string;
  toward: string;
  members: ChainMemberFigure[];
  degrees: Degrees;
  missing_roles: ChainRole[];
  mom: Changes;
  yoy: Changes;
  /** Whether the signed-in user may change this opportunity and its chain: the server's access policy decides. */
  may_write: boolean;
}

export interface Profile {
  person: string;
  as_of: string;
  /** Whether the signed-in user may change this person: the server's access policy decides. */
  may_write: boolean;
  features: {
    closeness: Attitude; solution: Attitude; price: Attitude; veto: YesNo; approve: YesNo;
    acquaintance: boolean; orientation: string;
  };
  insighted: boolean;
  fully_profiled: boolean;
  completeness: number;
  importance: string;
  interaction: string;
  influencers: { internal: string[]; ours: string[]; competitors: string[] };
  chains: { opportunity: string; role: ChainRole; closeness: Attitude; solution: Attitude; price: Attitude; interaction: string }[];
}

export interface EmployeeMetrics {
  employee: string;
  as_of: string;
  acquainted: number;
  uninsighted: number;
  degrees: Degrees;
  value_potential: number | null;
  influence_uses: number;
  contributed_wins: number;
}

export interface Warning {
  kind: string;
  severity: 'high' | 'medium' | 'low';
  customer: string | null;
  opportunity: string | null;
  person: string | null;
  message: string;
  dimensions: Dimension[];
  employees: string[];
  competitors: string[];
  /** milestone_due, milestone_overdue: the milestone kind and the day it is expected. */
  milestone?: string;
  expected?: string;
  /** price_above_history: our latest quote over the budget, and the history's highest winning bid over budget. */
  ratio?: number;
  history_max?: number;
  /** The values the warning's sentence states, per kind (docs/api.md, "Warning details"); `{}` when none. */
  details?: WarningDetails;
}

/** A warning's details: under a degree's name that degree's values (attitudes, or means: a number or null). */
export type WarningDetails = Partial<Record<Dimension, WarningDegreeDetails>> & {
  probability?: number; opposers?: number; known?: number; negative_departments?: number; known_departments?: number;
  since?: string; threshold?: number; left?: string; days?: number; contacted?: boolean; unknown?: string[];
  veto?: boolean; approve?: boolean; months?: number; days_late?: number; projects?: number;
};

export interface WarningDegreeDetails {
  attitude?: Attitude; customer?: Attitude; project?: Attitude;
  before?: number | null; now?: number | null; month_ago?: number | null; year_ago?: number | null;
}

export interface PathFigure {
  employee: string;
  via: string[];
  strength: number; // the product of the links' strengths along the path (docs/figures.md)
}

export interface InfluenceCentre {
  person: string;
  rank: number;
  key: boolean;
}

export interface TacticText {
  zh: string;
  en: string;
  updated_at: string | null;
  updated_by?: string | null;
}

export interface StrategyTemplates {
  strategy: Strategy;
  company: TacticText;
  personal: TacticText | null;
}

export interface Thresholds {
  min_key_persons: number;
  profiled_share: number;
  drop: number;
  drop_months: number;
}

export interface StrategyOverride {
  customer: string;
  strategy: Strategy;
  reason: string;
  by: string;
  at: string;
}

export const TASK_STATUSES = ['open', 'done', 'snoozed', 'dismissed'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TASK_SOURCES = ['hand', 'warning', 'tactic', 'suggestion', 'handover', 'introduction'] as const;
export type TaskSource = (typeof TASK_SOURCES)[number];

/** A to-do (待办): what it concerns decides who sees it (docs/api.md, "Tasks"). */
export interface Task {
  id: string;
  title: string;
  customer: string | null;
  opportunity: string | null;
  person: string | null;
  assignee: string;
  due: string | null;
  status: TaskStatus;
  snoozed_until: string | null;
  reason: string | null;
  source: TaskSource;
  source_key: string | null;
  note: string | null;
  /** The author. */
  by: string | null;
  /** The day it was created. */
  date: string;
}

export interface TaskComment {
  id: string;
  task: string;
  text: string;
  by: string | null;
  date: string;
  until: string | null;
}

export type IntroductionStatus = 'pending' | 'accepted' | 'declined' | 'withdrawn';

/** A request to one of our employees to introduce the requester to a key person. */
export interface Introduction {
  id: string;
  person: string;
  employee: string;
  via: string[];
  customer: string | null;
  opportunity: string | null;
  status: IntroductionStatus;
  note: string | null;
  answer: string | null;
  answered_on: string | null;
  activity: string | null;
  use: string | null;
  by: string | null;
  date: string;
}
