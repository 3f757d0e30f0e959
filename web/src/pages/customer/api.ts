// The customer page's own view of the API: the customer graph (GET /customers/{id}/graph) and the writes the
// page makes (people, reporting lines, the focus flag, the strategy override).
import { api, listAll, type Params } from '../../api/client';
import type { Attitude, Opportunity, Person, ReportingLine, Strategy, StrategyOverride, YesNo } from '../../api/types';

export type OrgKind = 'ours' | 'competitor' | 'partner' | 'customer';

export interface GraphCustomer {
  id: string;
  name: string;
  owner: string | null;
  focus: boolean;
  industry: string | null;
  region: string | null;
}

export interface GraphDepartment {
  id: string;
  name: string;
  parent: string | null;
}

export interface GraphPerson {
  id: string;
  name: string;
  title: string | null;
  department: string | null;
  key: boolean;
  importance: string;
  orientation: string;
  closeness: Attitude;
  solution: Attitude;
  price: Attitude;
  veto: YesNo;
  approve: YesNo;
}

export interface GraphReporting {
  id: string;
  person: string;
  manager: string;
}

export interface GraphLink {
  id: string;
  from: string;
  to: string;
  strength: 'strong' | 'medium' | 'weak';
}

export interface GraphOutsider {
  id: string;
  name: string;
  org: string;
  org_name: string;
  kind: OrgKind;
}

/** The answer of GET /api/v1/customers/{id}/graph. */
export interface CustomerGraph {
  customer: GraphCustomer;
  as_of: string;
  toward: string;
  departments: GraphDepartment[];
  people: GraphPerson[];
  reporting: GraphReporting[];
  links: GraphLink[];
  outsiders: GraphOutsider[];
  /** Whether the signed-in user may change this customer's records: the server's access policy decides. */
  may_write: boolean;
}

export const graphPath = (customer: string) => `/customers/${encodeURIComponent(customer)}/graph`;
export const metricsPath = (customer: string) => `/customers/${encodeURIComponent(customer)}/metrics`;
export const trendPath = (customer: string) => `/customers/${encodeURIComponent(customer)}/trend`;
export const overridePath = (customer: string) => `/customers/${encodeURIComponent(customer)}/strategy-override`;
export const centresPath = (customer: string) => `/customers/${encodeURIComponent(customer)}/influence-centres`;
export const chainPath = (opportunity: string) => `/opportunities/${encodeURIComponent(opportunity)}/chain`;
export const profilePath = (person: string) => `/people/${encodeURIComponent(person)}/profile`;

/** One row of GET /customers/{id}/influence-centres (PageRank, SPEC §9 step 1), highest rank first. */
export interface InfluenceCentre {
  person: string;
  rank: number;
  key: boolean;
}

export function loadGraph(customer: string, params?: Params): Promise<CustomerGraph> {
  return api.get<CustomerGraph>(graphPath(customer), params);
}

export function loadOpportunities(customer: string): Promise<Opportunity[]> {
  return listAll<Opportunity>('opportunities', { customer });
}

export function setFocus(customer: string, focus: boolean) {
  return api.patch(`/organizations/${encodeURIComponent(customer)}`, { focus });
}

export function putOverride(customer: string, strategy: Strategy, reason: string): Promise<StrategyOverride> {
  return api.put<StrategyOverride>(overridePath(customer), { strategy, reason });
}

export function deleteOverride(customer: string): Promise<StrategyOverride> {
  return api.del<StrategyOverride>(overridePath(customer));
}

/** What the "add a person" form sends. */
export interface NewPerson {
  name: string;
  title?: string | null;
  department?: string | null;
  managerId?: string | null;
  key: boolean;
  importance: string;
  orientation: string;
}

/** The two requests of adding a person: the person, then the reporting line when a manager is given. */
export function newPersonBody(org: string, form: NewPerson): Record<string, unknown> {
  const blank = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);
  return {
    org,
    name: form.name.trim(),
    title: blank(form.title),
    department: form.department || null,
    key: form.key,
    importance: form.importance,
    orientation: form.orientation,
  };
}

export async function addPerson(org: string, form: NewPerson): Promise<{ person: Person; line: ReportingLine | null }> {
  const person = await api.post<Person>('/people', newPersonBody(org, form));
  const line = form.managerId
    ? await api.post<ReportingLine>('/reporting-lines', { person: person.id, manager: form.managerId })
    : null;
  return { person, line };
}
