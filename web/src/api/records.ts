// Creating, changing, retiring and reinstating records of a collection, and their audit trail (docs/api.md,
// "Records" and "Audit history"). The server's access policy decides every write; a refused one throws the
// ApiError naming its field.
import { api } from './client';
import { useApi, type Loaded } from './hooks';

/** The collections the web app creates, changes and retires, and whose history it shows. */
export type RecordCollection = 'organizations' | 'departments' | 'opportunities' | 'people' | 'users' | 'teams';

function recordPath(collection: RecordCollection, id: string): string {
  return `/${collection}/${encodeURIComponent(id)}`;
}

export function createRecord<T>(collection: RecordCollection, body: object): Promise<T> {
  return api.post<T>(`/${collection}`, body);
}

/** Sends only the fields to change; null clears one (or means its default). */
export function changeRecord<T>(collection: RecordCollection, id: string, patch: object): Promise<T> {
  return api.patch<T>(recordPath(collection, id), patch);
}

/** Sets `until` to `date` (YYYY-MM-DD): the record stops being active that day and stays in history. */
export function retireRecord<T>(collection: RecordCollection, id: string, date: string): Promise<T> {
  return api.del<T>(recordPath(collection, id), { date });
}

/** Makes a retired record active again (PATCH until null; facts cannot be reinstated). */
export function reinstateRecord<T>(collection: RecordCollection, id: string): Promise<T> {
  return api.patch<T>(recordPath(collection, id), { until: null });
}

/** One record, read again whenever id changes (nothing while id is null). */
export function useRecord<T>(collection: RecordCollection, id: string | null): Loaded<T> {
  return useApi<T>(id === null ? null : recordPath(collection, id));
}

/** A line of the audit trail: `field` is `*` for a creation (then `new` is the whole record), `password`
 * when a user's password was set, `erase` when a person was erased, otherwise the field changed. `at` is UTC;
 * `actor` a user id or `system`. */
export interface HistoryEntry {
  at: string;
  actor: string;
  field: string;
  old: unknown;
  new: unknown;
}

/** The audit trail of one record, oldest first (nothing while id is null). */
export function useHistory(collection: RecordCollection, id: string | null): Loaded<{ items: HistoryEntry[] }> {
  return useApi<{ items: HistoryEntry[] }>(id === null ? null : `${recordPath(collection, id)}/history`);
}
