// The lines of a record's audit trail as the history drawer shows them: newest first, with the local time,
// who did it, the field's label and old → new in words (vocabulary labels, names for references, yes/no,
// percents). Pure: the translation and the names of referenced records are handed in.
import dayjs from 'dayjs';
import type { NamedCollection } from '../api/names';
import type { HistoryEntry, RecordCollection } from '../api/records';

export type Translate = (key: string, options?: Record<string, unknown>) => string;
/** The name of a record of `collection`, or undefined when not known (yet). */
export type NameOf = (collection: NamedCollection, id: string) => string | undefined;

type ValueKind =
  | { vocab: string } // an i18n key prefix (with its namespace) whose children are the words' labels
  | { list: string } // a list of words, each labelled under that prefix
  | { ref: NamedCollection }
  | { plain: 'bool' | 'percent' | 'amount' | 'text' };

// Fields whose values are words of a vocabulary, by collection.
const VOCABULARIES: Record<string, string> = {
  'organizations.kind': 'common:orgKind',
  'opportunities.status': 'common:status',
  'opportunities.type': 'opportunity:types',
  'opportunities.method': 'project:method',
  'opportunities.rule': 'project:rule',
  'people.importance': 'common:importance',
  'people.orientation': 'common:orientation',
  'users.role': 'common:role',
};
const LISTS: Record<string, string> = { 'opportunities.conditions': 'project:condition' };

// Fields that hold the id of another record: by collection first, then for every collection.
const REFERENCES: Record<string, NamedCollection> = {
  'departments.parent': 'departments',
  'teams.parent': 'teams',
  'teams.manager': 'users',
  owner: 'users',
  assignee: 'users',
  customer: 'organizations',
  org: 'organizations',
  winner: 'organizations',
  department: 'departments',
  person: 'people',
  team: 'teams',
  opportunity: 'opportunities',
};

const BOOLEANS = new Set(['focus', 'key', 'active']);
const AMOUNTS = new Set(['amount', 'budget', 'our_bid', 'winning_bid']);

function kindOf(collection: RecordCollection, field: string): ValueKind {
  const own = `${collection}.${field}`;
  if (VOCABULARIES[own]) return { vocab: VOCABULARIES[own] };
  if (LISTS[own]) return { list: LISTS[own] };
  const ref = REFERENCES[own] ?? REFERENCES[field];
  if (ref) return { ref };
  if (BOOLEANS.has(field)) return { plain: 'bool' };
  if (field === 'win_probability') return { plain: 'percent' };
  if (AMOUNTS.has(field)) return { plain: 'amount' };
  return { plain: 'text' };
}

/** A value in words: "—" for none, the label of a vocabulary word, the name of a referenced record (its id
 * until the name is known), yes/no, a percent, a grouped amount; anything else as text. */
export function formatValue(collection: RecordCollection, field: string, value: unknown, t: Translate, nameOf: NameOf): string {
  if (value === null || value === undefined || value === '') return '—';
  const kind = kindOf(collection, field);
  const word = (prefix: string, w: unknown) => t(`${prefix}.${String(w)}`, { defaultValue: String(w) });
  if ('vocab' in kind) return word(kind.vocab, value);
  if ('list' in kind) return Array.isArray(value) && value.length ? value.map((w) => word(kind.list, w)).join(t('history:listSeparator')) : '—';
  if ('ref' in kind) return nameOf(kind.ref, String(value)) ?? String(value);
  if (kind.plain === 'bool' && typeof value === 'boolean') return t(value ? 'common:common.yes' : 'common:common.no');
  if (kind.plain === 'percent' && typeof value === 'number') return `${Math.round(value * 1000) / 10}%`;
  if (kind.plain === 'amount' && typeof value === 'number') return new Intl.NumberFormat().format(value);
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** The label of a field, or the field's own name when there is none. */
export function fieldLabel(field: string, t: Translate): string {
  return t(`history:field.${field}`, { defaultValue: field });
}

/** `at` (UTC) in the browser's time zone, to the second. */
export function formatAt(at: string): string {
  const local = dayjs(at);
  return local.isValid() ? local.format('YYYY-MM-DD HH:mm:ss') : at;
}

/** Who made the change: "System" for the command-line tools, else the user's person's name (their id while
 * it is not known). */
export function actorName(actor: string, t: Translate, nameOf: NameOf): string {
  if (actor === 'system') return t('history:system');
  return nameOf('users', actor) ?? actor;
}

export interface HistoryLine {
  key: string;
  at: string;
  actor: string;
  /** What happened, in words: "created", "password set", "erased", or the field's label. */
  what: string;
  /** For a change of a field: the old and new values in words. */
  change: { from: string; to: string } | null;
}

/** The lines of an audit trail, newest first. */
export function historyLines(entries: HistoryEntry[], collection: RecordCollection, t: Translate, nameOf: NameOf): HistoryLine[] {
  return entries
    .map((entry, index) => {
      const base = { key: `${index}`, at: formatAt(entry.at), actor: actorName(entry.actor, t, nameOf) };
      if (entry.field === '*') return { ...base, what: t('history:created'), change: null };
      if (entry.field === 'password') return { ...base, what: t('history:password'), change: null };
      if (entry.field === 'erase') return { ...base, what: t('history:erased'), change: null };
      return {
        ...base,
        what: fieldLabel(entry.field, t),
        change: { from: formatValue(collection, entry.field, entry.old, t, nameOf), to: formatValue(collection, entry.field, entry.new, t, nameOf) },
      };
    })
    .reverse();
}

/** The ids whose names the lines show, by collection: the actors (users) and the referenced records. */
export function namesWanted(entries: HistoryEntry[], collection: RecordCollection): Record<NamedCollection, string[]> {
  const wanted: Record<NamedCollection, Set<string>> = {
    people: new Set(), organizations: new Set(), users: new Set(), opportunities: new Set(), departments: new Set(), teams: new Set(),
  };
  for (const entry of entries) {
    if (entry.actor !== 'system') wanted.users.add(entry.actor);
    const kind = kindOf(collection, entry.field);
    if (!('ref' in kind)) continue;
    for (const value of [entry.old, entry.new]) if (typeof value === 'string' && value) wanted[kind.ref].add(value);
  }
  return Object.fromEntries(Object.entries(wanted).map(([c, ids]) => [c, [...ids].sort()])) as Record<NamedCollection, string[]>;
}
