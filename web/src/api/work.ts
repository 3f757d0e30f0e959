// The workbench's lists from the server: suggestions (ranked next actions with their expected effect) and
// the recent changes on the perspective's customers (docs/api.md "Suggestions", "Recent changes").
import type { Params } from './client';
import type { Paged, WarningRow } from './lines';
import type { Introduction, Task } from './types';
import { useApi, type Loaded } from './hooks';

export const SUGGESTION_KINDS = ['ask_veto', 'introduce', 'contact', 'fill_role', 'profile'] as const;
export type SuggestionKind = (typeof SUGGESTION_KINDS)[number];

/** How far a closeness mean would move if the person moved one step toward support. */
export interface SuggestionEffect {
  of: 'customer' | 'chain';
  dimension: 'closeness';
  known: number;
  before: number;
  after: number;
  delta: number;
  percent_before: number;
  percent_after: number;
  percent_delta: number;
}

export interface Suggestion {
  kind: SuggestionKind;
  customer: string | null;
  opportunity: string | null;
  person: string | null;
  /** kind:customer:opportunity:person — what a task made of it keeps as its source key. */
  key: string;
  /** The person's closeness the effect starts from (an attitude word), or null. */
  value: string | null;
  employees: string[];
  via: string[];
  strength: number | null;
  roles: string[];
  features: string[];
  days: number | null;
  effect: SuggestionEffect | null;
  message: string;
  names: Record<string, string>;
}

export interface SuggestionsPage extends Paged<Suggestion> {
  scope: string;
  as_of: string;
  summary: { total: number; kind: Record<SuggestionKind, number> };
}

export function useSuggestions(params: Params | null): Loaded<SuggestionsPage> {
  return useApi<SuggestionsPage>(params ? '/suggestions' : null, params ?? {});
}

export interface RecentChange {
  kind: 'rating' | 'vote' | 'joined' | 'left';
  date: string;
  customer: string | null;
  opportunity: string | null;
  person: string | null;
  dimension?: 'closeness' | 'solution' | 'price';
  toward?: string;
  vote?: 'veto' | 'approve';
  value?: string;
  previous?: string;
  role?: string;
  names: Record<string, string>;
}

export interface ChangesPage extends Paged<RecentChange> {
  scope: string;
  as_of: string;
  from: string;
}

export function useChanges(params: Params | null): Loaded<ChangesPage> {
  return useApi<ChangesPage>(params ? '/changes' : null, params ?? {});
}

/** An item of the inbox; `key` says what it is about, `read` whether it was marked read. */
export type InboxItem = {
  key: string;
  date: string;
  read: boolean;
  names?: Record<string, string>;
  by_name?: string | null;
} & (
  | { kind: 'introduction_request' | 'introduction_answered'; introduction: Introduction }
  | { kind: 'task_assigned'; task: Task }
  | { kind: 'warning'; warning: WarningRow }
);

export interface InboxPage {
  unread: number;
  total: number;
  limit: number;
  offset: number;
  items: InboxItem[];
}
