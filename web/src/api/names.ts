// Names of records by id, asked for in batches: every id wanted within one tick goes into one
// `GET /{collection}?ids=…` (200 ids a request), and each answer is cached for the session. An id the
// viewer may not read is simply absent from the answer (no 404), and keeps its id as its name.
import { api, type Page } from './client';

export type NamedCollection = 'people' | 'organizations' | 'users' | 'opportunities' | 'departments' | 'teams';

const BATCH = 200;
const cache = new Map<string, Promise<string | null>>();
const pending = new Map<NamedCollection, Map<string, (name: string | null) => void>>();
let scheduled = false;

export function nameOf(collection: NamedCollection, record: Record<string, unknown>): string {
  if (collection === 'users') return String(record.login ?? record.id);
  return String(record.name ?? record.id);
}

async function fetchBatch(collection: NamedCollection, waiting: Map<string, (name: string | null) => void>) {
  const ids = [...waiting.keys()];
  for (let start = 0; start < ids.length; start += BATCH) {
    const chunk = ids.slice(start, start + BATCH);
    try {
      const page = await api.get<Page<Record<string, unknown>>>(`/${collection}`, { ids: chunk.join(','), limit: 1000 });
      const found = new Map(page.items.map((record) => [String(record.id), nameOf(collection, record)]));
      for (const id of chunk) waiting.get(id)!(found.get(id) ?? null);
    } catch {
      // Not cached, so that a later look-up tries again.
      for (const id of chunk) {
        cache.delete(`${collection}/${id}`);
        waiting.get(id)!(null);
      }
    }
  }
}

function flush() {
  scheduled = false;
  const batches = [...pending.entries()];
  pending.clear();
  for (const [collection, waiting] of batches) void fetchBatch(collection, waiting);
}

/** The name of one record, or null when the viewer may not read it (or it does not exist). */
export function lookupName(collection: NamedCollection, id: string): Promise<string | null> {
  const key = `${collection}/${id}`;
  let lookup = cache.get(key);
  if (!lookup) {
    lookup = new Promise((resolve) => {
      let waiting = pending.get(collection);
      if (!waiting) pending.set(collection, (waiting = new Map()));
      waiting.set(id, resolve);
    });
    cache.set(key, lookup);
    if (!scheduled) {
      scheduled = true;
      setTimeout(flush, 0);
    }
  }
  return lookup;
}

/** Remembers names already known (from a list the page loaded), so that nobody asks for them. */
export function rememberNames(collection: NamedCollection, records: { id: string }[]) {
  for (const record of records) cache.set(`${collection}/${record.id}`, Promise.resolve(nameOf(collection, record as Record<string, unknown>)));
}

export function forgetNames() {
  cache.clear();
}
