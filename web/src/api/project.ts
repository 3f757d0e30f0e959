// Project history (PBM, SPEC.md §8): the project view of an opportunity, a customer's history, the review that
// closes an opportunity, milestone models and the element records the pages write.
import { api, listAll, prefetch, type Page, type Params } from './client';
import type { ChainMemberFigure, Dimension, Opportunity } from './types';

export const MILESTONE_DEFAULT = [
  'initiation', 'budget_approval', 'tender_notice', 'bid_submission', 'evaluation', 'award_notice', 'contract',
] as const;
export const CONDITIONS = ['legacy_limits', 'transformation', 'annual_budget', 'compliance', 'expansion', 'replacement', 'other'] as const;
export const TENDER_METHODS = ['public_tender', 'invited_tender', 'single_source', 'negotiation', 'inquiry', 'unknown'] as const;
export const AWARD_RULES = ['lowest_price', 'comprehensive_score', 'unknown'] as const;
export const VENDOR_RESULTS = ['won', 'lost', 'disqualified', 'unknown'] as const;
export const DOCUMENT_KINDS = ['rfp', 'requirements', 'proposal', 'presentation', 'contract', 'minutes', 'other'] as const;
export const LESSON_KINDS = ['win_factor', 'loss_factor', 'note'] as const;
export const LINK_KINDS = ['phase_of', 'follow_up_of', 'replaces', 'related'] as const;
export const CLOSED_STATUSES = ['won', 'lost', 'abandoned'] as const;

export type VendorResult = (typeof VENDOR_RESULTS)[number];
export type LessonKind = (typeof LESSON_KINDS)[number];
export type ClosedStatus = (typeof CLOSED_STATUSES)[number];

/** The opportunity record with the project history fields (docs/api.md, opportunities). */
export interface ProjectOpportunity extends Opportunity {
  scope?: string | null;
  conditions?: string[];
  conditions_text?: string | null;
  budget?: number | null;
  our_bid?: number | null;
  winning_bid?: number | null;
  winner?: string | null;
  method?: string;
  rule?: string;
}

export interface ProjectMilestone {
  kind: string;
  date: string | null;
  expected: string | null;
}

/** GET /opportunities/{id}/project: the five aspects 人 财 物 情 节. */
export interface ProjectView {
  opportunity: string;
  as_of: string;
  people: {
    chain_as_of: string;
    chain: ProjectChainMember[];
    vendors: { org: string | null; result: VendorResult; rank: number | null; id: string }[];
  };
  money: {
    budget: number | null;
    our_bid: number | null;
    winning_bid: number | null;
    winner: string | null;
    win_to_budget: number | null;
    quotes: ProjectQuote[];
  };
  things: { scope: string | null; documents: ProjectDocument[] };
  situation: {
    conditions: string[];
    conditions_text: string | null;
    type: string;
    method: string;
    rule: string;
    criteria: ProjectCriterion[];
    weights_total: number;
    links: { kind: string; opportunity: string | null; direction: 'in' | 'out'; id: string }[];
  };
  timing: { model: string[]; milestones: ProjectMilestone[] };
}

/** A member of the chain in the project view: the decision chain's member without its interaction. */
export type ProjectChainMember = Pick<ChainMemberFigure, 'person' | 'role' | 'veto' | 'approve' | 'closeness' | 'solution' | 'price'> & {
  inherited?: Dimension[];
};

export interface ProjectQuote {
  round: number;
  org: string | null;
  price: number;
  date: string;
  id: string;
}

export interface ProjectDocument {
  id: string;
  name: string;
  kind: string;
  size: number | null;
  sha256: string | null;
}

export interface ProjectCriterion {
  item: string;
  weight: number;
  our_score: number | null;
  best_score: number | null;
  id: string;
}

/** GET /customers/{id}/history; beyond SPEC §11 each figure carries the opportunities behind it. */
export interface CustomerHistory {
  customer: string;
  as_of: string;
  model: string[];
  projects: {
    count: number; won: number; lost: number; abandoned: number; win_rate: number | null;
    ids: { won: string[]; lost: string[]; abandoned: string[] };
  };
  rhythm: { from: string; to: string; days: number | null; n: number; source: 'customer' | 'company' | null; samples: { opportunity: string; days: number }[] }[];
  methods: Record<string, number>;
  rules: Record<string, number>;
  /** The projects behind each count (beyond SPEC §11, for the page's links). */
  method_projects: Record<string, string[]>;
  rule_projects: Record<string, string[]>;
  usual_method: string | null;
  usual_rule: string | null;
  prices: {
    win_to_budget: { n: number; mean: number | null; min: number | null; max: number | null; projects: string[] };
    our_to_winning_lost: { n: number; mean: number | null; projects: string[] };
  };
  roles: Record<string, number>;
  role_projects: Record<string, string[]>;
  people: { person: string; count: number; projects: string[] }[];
  competitors: { org: string; appearances: number; wins: number; we_won: number; projects: string[]; win_projects: string[]; we_won_projects: string[] }[];
  criteria: { item: string; projects: number; mean_weight: number; opportunities: string[] }[];
  lessons: { win_factor: Record<string, number>; loss_factor: Record<string, number> };
  lesson_projects: { win_factor: Record<string, string[]>; loss_factor: Record<string, string[]> };
}

export interface MilestoneKind {
  kind: string;
  name?: string | null;
}

export interface MilestoneModel {
  id: string;
  customer: string | null;
  kinds: MilestoneKind[];
  since: string | null;
  until: string | null;
}

export interface VendorRecord {
  id: string;
  opportunity: string;
  org: string;
  result: VendorResult;
  rank: number | null;
}

export interface LessonRecord {
  id: string;
  opportunity: string;
  kind: LessonKind;
  tags: string[];
  text: string | null;
  date: string;
}

/** The body of POST /opportunities/{id}/review (all or nothing on the server). */
export interface ReviewRequest {
  status: ClosedStatus;
  closed: string;
  /** Left out when not known: a won review then names our organization. */
  winner?: string;
  winning_bid?: number;
  /** Left out when not known: it then defaults to the final quote's price. */
  our_bid?: number;
  vendors: { org: string; result: VendorResult; rank: number | null }[];
  quote?: { price: number; date?: string; round?: number };
  criteria?: { id?: string; item: string; weight: number; our_score?: number; best_score?: number }[];
  lessons: { kind: LessonKind; tags: string[]; text: string }[];
}

const opp = (id: string) => `/opportunities/${encodeURIComponent(id)}`;

export const projectPath = (opportunity: string) => `${opp(opportunity)}/project`;
export const historyPath = (customer: string) => `/customers/${encodeURIComponent(customer)}/history`;

export function loadProject(opportunity: string, params?: Params): Promise<ProjectView> {
  return api.get<ProjectView>(projectPath(opportunity), params);
}

export function loadHistory(customer: string, params?: Params): Promise<CustomerHistory> {
  return api.get<CustomerHistory>(historyPath(customer), params);
}

export function postReview(opportunity: string, body: ReviewRequest): Promise<{ opportunity: ProjectOpportunity }> {
  return api.post<{ opportunity: ProjectOpportunity }>(`${opp(opportunity)}/review`, body);
}

// Milestone models read at a time while looking for the company default (a model is about 0.4 KiB).
const MODEL_PAGE = 20;

/** Starts what the project file of an opportunity (ProjectFile) reads, as soon as the opportunity is known,
 * instead of after the page around it has drawn. */
export function prefetchProject(opportunity: { id: string; customer: string }, asOf: string | null): void {
  prefetch(projectPath(opportunity.id), asOf ? { as_of: asOf } : undefined);
  prefetch('/organizations', { kind: 'ours', limit: 1 });
  prefetch('/milestone-models', { active_on: 'today', customer: opportunity.customer, limit: 1 });
  prefetch('/milestone-models', { active_on: 'today', limit: MODEL_PAGE, offset: 0 });
}

/** The milestone model active today of a customer, or of the company (customer null); null when there is none. */
export async function activeModel(customer: string | null): Promise<MilestoneModel | null> {
  if (customer !== null) {
    const own = await api.get<Page<MilestoneModel>>('/milestone-models', { active_on: 'today', customer, limit: 1 });
    return own.items[0] ?? null;
  }
  // The company default cannot be asked for by its null customer: read small pages until it turns up (it is
  // usually the first model), rather than every customer's model at once.
  for (let offset = 0; ; offset += MODEL_PAGE) {
    const page = await api.get<Page<MilestoneModel>>('/milestone-models', { active_on: 'today', limit: MODEL_PAGE, offset });
    const found = page.items.find((m) => (m.customer ?? null) === null);
    if (found) return found;
    if (page.items.length === 0 || offset + page.items.length >= page.total) return null;
  }
}

/** The names the active models give their kinds: the customer's own model's over the company default's. */
export function namesOfKinds(own: MilestoneModel | null | undefined, company: MilestoneModel | null | undefined): Map<string, string> {
  const names = new Map<string, string>();
  for (const model of [company, own]) for (const k of model?.kinds ?? []) if (k.name) names.set(k.kind, k.name);
  return names;
}

/** A customer's kind names (namesOfKinds), kept a minute: warnings of custom kinds name them by these; `ready`
 * once they have arrived. */
interface KindNamesEntry {
  at: number;
  names: Promise<Map<string, string>>;
  ready?: Map<string, string>;
}
const kindNames = new Map<string, KindNamesEntry>();
const KIND_NAMES_MS = 60_000;

/** The kind names of `customer`'s active models (its own and the company default), read at most once a minute. */
export function modelKindNames(customer: string | null): Promise<Map<string, string>> {
  const key = customer ?? '';
  const kept = kindNames.get(key);
  if (kept && Date.now() - kept.at < KIND_NAMES_MS) return kept.names;
  const entry: KindNamesEntry = { at: Date.now(), names: Promise.resolve(new Map()) };
  entry.names = Promise.all([customer ? activeModel(customer) : Promise.resolve(null), activeModel(null)])
    .then(([own, company]) => {
      entry.ready = namesOfKinds(own, company);
      return entry.ready;
    })
    .catch(() => {
      entry.ready = new Map<string, string>(); // the kinds read as themselves
      return entry.ready;
    });
  kindNames.set(key, entry);
  return entry.names;
}

/** The kind names of `customer` if they have been read (modelKindNames), else undefined. */
export function readKindNames(customer: string | null): Map<string, string> | undefined {
  return kindNames.get(customer ?? '')?.ready;
}

/** Forgets the kind names read (after a model was saved). */
export function forgetKindNames(): void {
  kindNames.clear();
}

/** Saves a model's kinds: changes the active model, or creates one for the customer (null: the company). */
export function saveModel(existing: MilestoneModel | null, customer: string | null, kinds: MilestoneKind[]): Promise<MilestoneModel> {
  const body = kinds.map((k) => (k.name ? { kind: k.kind, name: k.name } : { kind: k.kind }));
  forgetKindNames();
  if (existing) return api.patch<MilestoneModel>(`/milestone-models/${encodeURIComponent(existing.id)}`, { kinds: body });
  return api.post<MilestoneModel>('/milestone-models', { customer, kinds: body });
}

/** Retires a customer's own model, so that the company default applies again. */
export function retireModel(model: MilestoneModel): Promise<MilestoneModel> {
  forgetKindNames();
  return api.del<MilestoneModel>(`/milestone-models/${encodeURIComponent(model.id)}`);
}

export function addMilestone(opportunity: string, kind: string, date: string, note?: string) {
  return api.post('/milestones', { opportunity, kind, date, note: note || null });
}

export function customerOpportunities(customer: string): Promise<ProjectOpportunity[]> {
  return listAll<ProjectOpportunity>('opportunities', { customer });
}

export const documentFileUrl = (document: string) => `/api/v1/documents/${encodeURIComponent(document)}/file`;
