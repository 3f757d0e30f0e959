// Moving a bundle with progress: the export streamed into a file the browser saves, the import sent with
// XMLHttpRequest so that the upload's progress can be shown (client.ts has no progress events).
import { buildUrl, csrfToken } from './client';
import { saveBlob } from '../lib/download';

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface ImportFailure {
  status: number;
  code: string;
  field: string;
  message: string;
}

export type ImportAnswer = { ok: true; counts: ImportCounts } | { ok: false; failure: ImportFailure };

/** The answer to POST /bundle from its status and body text. */
export function parseImportAnswer(status: number, text: string): ImportAnswer {
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (status >= 200 && status < 300) {
    const counts = body as Partial<ImportCounts> | null;
    if (counts && typeof counts.created === 'number') {
      return { ok: true, counts: { created: counts.created, updated: counts.updated ?? 0, unchanged: counts.unchanged ?? 0 } };
    }
    return { ok: false, failure: { status, code: 'bad_response', field: '', message: `The server answered ${status} without the counts.` } };
  }
  const error = (body as { error?: Partial<ImportFailure> } | null)?.error;
  if (status === 0) return { ok: false, failure: { status, code: 'network', field: '', message: 'The server cannot be reached.' } };
  return {
    ok: false,
    failure: { status, code: error?.code ?? 'unknown', field: error?.field ?? '', message: error?.message ?? `HTTP ${status}` },
  };
}


export interface Progress {
  loaded: number;
  /** null when the size is not known. */
  total: number | null;
}

/** Downloads GET /bundle, reporting progress, and hands it to the browser as brm-bundle.json. */
export async function downloadBundle(onProgress: (progress: Progress) => void): Promise<number> {
  const response = await fetch(buildUrl('/bundle'), { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    const answer = parseImportAnswer(response.status, await response.text());
    throw answer.ok ? new Error(`HTTP ${response.status}`) : answer.failure;
  }
  const length = Number(response.headers.get('Content-Length'));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  const reader = response.body?.getReader();
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      loaded += value.length;
      onProgress({ loaded, total });
    }
  } else {
    const buffer = new Uint8Array(await response.arrayBuffer());
    chunks.push(buffer);
    loaded = buffer.length;
    onProgress({ loaded, total });
  }
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'brm-bundle.json';
  saveBlob(new Blob(chunks, { type: 'application/json' }), name);
  return loaded;
}

/** Sends a bundle to POST /bundle; `onUploaded` fires once the body is sent and the server works on it. */
export function uploadBundle(text: string, onProgress: (progress: Progress) => void, onUploaded: () => void): Promise<ImportAnswer> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', buildUrl('/bundle'));
    xhr.setRequestHeader('Content-Type', 'application/json');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('X-CSRF-Token', csrfToken());
    xhr.upload.onprogress = (event) => onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : null });
    xhr.upload.onload = () => onUploaded();
    xhr.onload = () => resolve(parseImportAnswer(xhr.status, xhr.responseText));
    xhr.onerror = () => resolve(parseImportAnswer(0, ''));
    xhr.send(text);
  });
}
