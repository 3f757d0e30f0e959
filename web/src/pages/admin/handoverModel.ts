// The owner handover's request and what its answer says (POST /users/{id}/handover, docs/api.md).
import type { User } from '../../api/types';

export interface HandoverAnswer {
  from: string;
  to: string;
  leaves: boolean;
  date: string;
  preview: boolean;
  customers: string[];
  opportunities: { id: string; owner: string }[];
  tasks: { id: string; assignee: string }[];
  only_theirs: { person: string; customer: string; strength: 'strong' | 'medium' | 'weak'; task: string | null }[];
}

export interface HandoverForm {
  to?: string;
  all: boolean;
  customers: string[];
  leaves: boolean;
  date?: string;
}

/** The body for the server: every customer (customers absent) or the chosen ones; a leaving day only when leaving. */
export function handoverBody(form: HandoverForm, preview: boolean): Record<string, unknown> {
  const body: Record<string, unknown> = { to: form.to, preview };
  if (!form.all) body.customers = form.customers;
  if (form.leaves) {
    body.leaves = true;
    if (form.date) body.date = form.date;
  }
  return body;
}

/** Who may take customers over: an active rep or manager other than the one handing over. */
export function successors(users: User[], from: string, today: string): User[] {
  return users
    .filter((u) => u.id !== from && u.active && (u.role === 'rep' || u.role === 'manager'))
    .filter((u) => (u.since === null || u.since <= today) && (u.until === null || today < u.until))
    .sort((a, b) => a.login.localeCompare(b.login));
}

/** Whether the form can be previewed: a successor, and customers chosen unless all go (or the user leaves). */
export function ready(form: HandoverForm): boolean {
  return !!form.to && (form.all || form.customers.length > 0 || form.leaves);
}
