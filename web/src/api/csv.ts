// CSV import (admins only): a spreadsheet file from another CRM sent as its raw bytes to POST /csv/{kind},
// previewed (nothing written) or committed (all or nothing); the mapping presets; the template files.
// The file is never decoded here: the server detects UTF-8, UTF-8 with a BOM or GB18030 from the bytes.
// The upload goes through XMLHttpRequest so that its progress can be shown (client.ts has no progress events).
import { ApiError, api, buildUrl, csrfToken } from './client';
import type { Progress } from './bundleTransfer';

export const CSV_KINDS = ['organizations', 'people', 'opportunities', 'ratings'] as const;
export type CsvKind = (typeof CSV_KINDS)[number];

/** A target field of the kind, with its labels in both languages. */
export interface CsvField {
  field: string;
  required: boolean;
  zh: string;
  en: string;
}

/** A problem of the file; `row` is the spreadsheet's row number (the header is row 1), `column` the header
 * text or '' when the problem is not about one column. */
export interface CsvRowError {
  row: number;
  column: string;
  field: string;
  message: string;
}

export interface CsvSampleRow {
  row: number;
  /** By target field, as the row would be stored (text, numbers …). */
  values: Record<string, unknown>;
}

/** The server's answer to a preview or a commit. */
export interface CsvReport {
  kind: CsvKind;
  /** 'utf-8', 'utf-8-bom' or 'gb18030'. */
  encoding: string;
  /** ',', ';' or '\t'. */
  delimiter: string;
  headers: string[];
  rows: number;
  /** The preset in use; null or '' when none is. */
  preset: string | null;
  fields: CsvField[];
  /** Target field → header of the file; a field that is not imported is absent. */
  mapping: Record<string, string>;
  /** Headers of the file no field takes. */
  unmapped: string[];
  sample: CsvSampleRow[];
  create: number;
  update: number;
  unchanged: number;
  /** At most 1000; error_count is the total. */
  errors: CsvRowError[];
  error_count: number;
  committed: boolean;
}

export interface CsvPreset {
  name: string;
  label: string;
  builtin: boolean;
  /** Per kind: target field → alternative headers (the first one present in a file is used). */
  mappings: Partial<Record<CsvKind, Record<string, string[]>>>;
}

export interface CsvRequest {
  preset?: string | null;
  /** Target field → header, overriding the preset; '' means "not imported". */
  mapping?: Record<string, string>;
  commit?: boolean;
}

/** POST /csv/{kind} with its query. Unlike buildUrl, an empty map.<field> is kept: it means "not imported". */
export function csvUrl(kind: CsvKind, request: CsvRequest = {}): string {
  const query = new URLSearchParams();
  if (request.preset) query.set('preset', request.preset);
  for (const [field, header] of Object.entries(request.mapping ?? {})) query.set(`map.${field}`, header);
  if (request.commit) query.set('commit', 'true');
  const text = query.toString();
  return `${buildUrl(`/csv/${encodeURIComponent(kind)}`)}${text ? `?${text}` : ''}`;
}

export type CsvAnswer = { ok: true; report: CsvReport } | { ok: false; error: ApiError; report: CsvReport | null };

function isReport(value: unknown): value is CsvReport {
  const report = value as Partial<CsvReport> | null;
  return !!report && typeof report === 'object' && Array.isArray(report.fields) && typeof report.rows === 'number';
}

/** The answer to POST /csv/{kind} from its status and body text; a refused commit (422) keeps its report. */
export function parseCsvAnswer(status: number, text: string): CsvAnswer {
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (status === 0) return { ok: false, error: new ApiError(0, 'network', 'The server cannot be reached.'), report: null };
  if (status >= 200 && status < 300) {
    if (isReport(body)) return { ok: true, report: body };
    return { ok: false, error: new ApiError(status, 'bad_response', `The server answered ${status} without a report.`), report: null };
  }
  const answer = body as { error?: { code?: string; message?: string; field?: string }; report?: unknown } | null;
  const error = answer?.error;
  const code = error?.code ?? (status === 413 ? 'too_large' : 'unknown');
  return {
    ok: false,
    error: new ApiError(status, code, error?.message ?? `HTTP ${status}`, error?.field ?? ''),
    report: isReport(answer?.report) ? answer.report : null,
  };
}

/** Sends the file's bytes untouched; `onUploaded` fires once the body is sent and the server works on it. */
export function sendCsv(
  kind: CsvKind,
  bytes: ArrayBuffer,
  request: CsvRequest,
  onProgress: (progress: Progress) => void,
  onUploaded: () => void,
): Promise<CsvAnswer> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', csvUrl(kind, request));
    xhr.setRequestHeader('Content-Type', 'text/csv');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('X-CSRF-Token', csrfToken());
    xhr.upload.onprogress = (event) => onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : bytes.byteLength });
    xhr.upload.onload = () => onUploaded();
    xhr.onload = () => resolve(parseCsvAnswer(xhr.status, xhr.responseText));
    xhr.onerror = () => resolve(parseCsvAnswer(0, ''));
    xhr.send(bytes);
  });
}

export async function listCsvPresets(): Promise<CsvPreset[]> {
  return (await api.get<{ items: CsvPreset[] }>('/csv/presets')).items;
}

/** Creates or replaces the kind's mapping in the saved preset `name`; rejects with an ApiError. */
export function saveCsvPreset(name: string, body: { label?: string; kind: CsvKind; mapping: Record<string, string> }): Promise<CsvPreset> {
  return api.put<CsvPreset>(`/csv/presets/${encodeURIComponent(name)}`, body);
}

/** Removes a saved preset (a built-in one is refused with 409). */
export function deleteCsvPreset(name: string): Promise<unknown> {
  return api.del(`/csv/presets/${encodeURIComponent(name)}`);
}

/** Where the template of a kind is downloaded (UTF-8 with a BOM, headers in the language, one example row). */
export function csvTemplateUrl(kind: CsvKind, lang: 'zh' | 'en'): string {
  return buildUrl('/csv/template', { kind, lang });
}
