// The opportunity form's values and what it sends: the win probability typed as a percent (0–100) and sent
// as a share (0–1), blank texts as null, the currency in capitals (CNY unless given), the closing day only
// for an opportunity that is not open.
import dayjs, { type Dayjs } from 'dayjs';
import type { Opportunity } from '../../api/types';
import { textOrNull } from '../../lib/changes';

export const OPPORTUNITY_TYPES = ['new', 'phase', 'upgrade', 'maintenance'] as const;
export const OPPORTUNITY_STATUSES = ['open', 'won', 'lost', 'abandoned'] as const;
export const CURRENCIES = ['CNY', 'USD', 'EUR', 'HKD', 'JPY', 'GBP'] as const;

export interface OpportunityForm {
  name: string;
  owner?: string | null;
  amount?: number | null;
  currency?: string | null;
  stage?: string | null;
  status: Opportunity['status'];
  type: string;
  opened: Dayjs;
  closed?: Dayjs | null;
  /** The win probability in percent. */
  percent?: number | null;
  focus: boolean;
}

/** The form's values for `opportunity`, or for a new one of a customer with `owner` opened on `today`. */
export function opportunityForm(opportunity: Opportunity | null, owner: string | null, today: string): OpportunityForm {
  if (!opportunity) return { name: '', owner, amount: null, currency: 'CNY', stage: null, status: 'open', type: 'new', opened: dayjs(today), closed: null, percent: null, focus: false };
  return {
    name: opportunity.name,
    owner: opportunity.owner,
    amount: opportunity.amount,
    currency: opportunity.currency,
    stage: opportunity.stage,
    status: opportunity.status,
    type: opportunity.type,
    opened: dayjs(opportunity.opened),
    closed: opportunity.closed ? dayjs(opportunity.closed) : null,
    percent: opportunity.win_probability === null ? null : Math.round(opportunity.win_probability * 1000) / 10,
    focus: opportunity.focus,
  };
}

/** The fields the form sets. A new opportunity is open and has no closing day. */
export function opportunityFields(values: OpportunityForm, isNew: boolean): Partial<Opportunity> {
  const percent = values.percent ?? null;
  const fields: Partial<Opportunity> = {
    name: values.name.trim(),
    owner: values.owner || null,
    amount: values.amount ?? null,
    currency: textOrNull(values.currency)?.toUpperCase() ?? 'CNY',
    stage: textOrNull(values.stage),
    type: values.type,
    opened: values.opened.format('YYYY-MM-DD'),
    win_probability: percent === null ? null : Math.round(percent * 10) / 1000,
    focus: !!values.focus,
  };
  if (isNew) return fields;
  return { ...fields, status: values.status, closed: values.status !== 'open' && values.closed ? values.closed.format('YYYY-MM-DD') : null };
}
