// The one way the app talks to the server: JSON over /api/v1 with the session cookie, the CSRF header on
// writes, and every failure turned into an ApiError carrying the server's code, field and message.

export type Params = Record<string, string | number | boolean | null | undefined>;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field: string = '',
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Listener = () => void;
const unauthenticatedListeners = new Set<Listener>();

/** Called whenever a request answers 401 (the session ended or expired). */
export function onUnauthenticated(listener: Listener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

export function csrfToken(): string {
  const match = document.cookie.match(/(?:^|;\s*)brm_csrf=([^;]*)/);
  return match ? decodeURIComponent(match[1]) : '';
}

export function buildUrl(path: string, params?: Params): string {
  const url = `/api/v1${path}`;
  if (!params) return url;
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `${url}?${text}` : url;
}

async function request<T>(method: string, path: string, params?: Params, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (method !== 'GET' && method !== 'HEAD') headers['X-CSRF-Token'] = csrfToken();
  let payload: string | undefined;
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = typeof body === 'string' ? body : JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(buildUrl(path, params), { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', 'The server cannot be reached.');
  }
  const text = await response.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      throw new ApiError(response.status, 'bad_response', `The server answered ${response.status} without JSON.`);
    }
  }
  if (!response.ok) {
    const error = (data as { error?: { code?: string; message?: string; field?: string } } | null)?.error;
    if (response.status === 401 && path !== '/auth/login') unauthenticatedListeners.forEach((l) => l());
    throw new ApiError(response.status, error?.code ?? 'unknown', error?.message ?? response.statusText, error?.field ?? '');
  }
  return data as T;
}

// GETs started early (prefetch) for a component that will ask for them once its parent has drawn: the next
// api.get of the same URL takes the answer instead of asking again. Kept a few seconds at most, and dropped by
// any write, so that no one reads an answer older than what they just changed.
const early = new Map<string, Promise<unknown>>();
/** The answers of `early` that have arrived, so that a component can draw with one at once (takeArrived). */
const arrived = new Map<string, unknown>();
const EARLY_MS = 5000;

/** Starts GET `path` now for whoever asks for it next (api.get with the same path and parameters). */
export function prefetch(path: string, params?: Params): void {
  const url = buildUrl(path, params);
  if (early.has(url)) return;
  const answer = request<unknown>('GET', path, params);
  answer.then((value) => early.get(url) === answer && arrived.set(url, value)).catch(() => undefined); // whoever takes it sees the failure; no one else must
  early.set(url, answer);
  setTimeout(() => {
    if (early.get(url) !== answer) return;
    early.delete(url);
    arrived.delete(url);
  }, EARLY_MS);
}

/** The answer of a prefetched GET that has already arrived, taken (as api.get would take it), or undefined. */
export function takeArrived<T>(path: string, params?: Params): { value: T } | undefined {
  const url = buildUrl(path, params);
  if (!arrived.has(url)) return undefined;
  const value = arrived.get(url) as T;
  arrived.delete(url);
  early.delete(url);
  return { value };
}

function get<T>(path: string, params?: Params): Promise<T> {
  const url = buildUrl(path, params);
  const answer = early.get(url);
  if (answer === undefined) return request<T>('GET', path, params);
  early.delete(url);
  arrived.delete(url);
  return answer as Promise<T>;
}

function write<T>(method: string, path: string, params?: Params, body?: unknown): Promise<T> {
  early.clear();
  arrived.clear();
  return request<T>(method, path, params, body);
}

export const api = {
  get,
  post: <T>(path: string, body?: unknown, params?: Params) => write<T>('POST', path, params, body ?? {}),
  put: <T>(path: string, body: unknown) => write<T>('PUT', path, undefined, body),
  patch: <T>(path: string, body: unknown) => write<T>('PATCH', path, undefined, body),
  del: <T>(path: string, params?: Params) => write<T>('DELETE', path, params),
};

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** Every record of a list, page after page (1000 at a time). */
export async function listAll<T>(collection: string, params: Params = {}): Promise<T[]> {
  const items: T[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await api.get<Page<T>>(`/${collection}`, { ...params, limit: 1000, offset });
    items.push(...page.items);
    if (items.length >= page.total || page.items.length === 0) return items;
  }
}
