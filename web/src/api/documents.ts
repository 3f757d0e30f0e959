// Uploading a project document's file: POST /documents/upload with the raw file as the body, sent with
// XMLHttpRequest so that the upload's progress can be shown (client.ts has no progress events).
import { ApiError, buildUrl, csrfToken } from './client';
import type { Progress } from './bundleTransfer';

export interface DocumentRecord {
  id: string;
  opportunity: string;
  name: string;
  kind: string;
  content_type: string | null;
  size: number | null;
  sha256: string | null;
  uploaded_by: string | null;
  date: string;
}

export interface UploadTarget {
  opportunity: string;
  name: string;
  kind: string;
  date?: string;
}

/** The stored document from the answer's status and body text, or the ApiError it carries. */
export function parseUploadAnswer(status: number, text: string): DocumentRecord {
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (status === 0) throw new ApiError(0, 'network', 'The server cannot be reached.');
  if (status >= 200 && status < 300 && body && typeof (body as DocumentRecord).id === 'string') return body as DocumentRecord;
  const error = (body as { error?: { code?: string; message?: string; field?: string } } | null)?.error;
  throw new ApiError(status, error?.code ?? (status === 413 ? 'too_large' : 'bad_response'), error?.message ?? `HTTP ${status}`, error?.field ?? '');
}

/** Sends `file` as a document of the opportunity; resolves with the stored record, rejects with an ApiError. */
export function uploadDocument(target: UploadTarget, file: Blob, onProgress: (progress: Progress) => void): Promise<DocumentRecord> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', buildUrl('/documents/upload', { opportunity: target.opportunity, name: target.name, kind: target.kind, date: target.date }));
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('X-CSRF-Token', csrfToken());
    xhr.upload.onprogress = (event) => onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : file.size });
    const settle = () => {
      try {
        resolve(parseUploadAnswer(xhr.status, xhr.responseText));
      } catch (error) {
        reject(error);
      }
    };
    xhr.onload = settle;
    xhr.onerror = settle;
    xhr.send(file);
  });
}
