// CSV import without React: refusing Excel workbooks before they are sent, the mapping the user changes on
// top of a preset, the preview's errors per column and per field, and the words for the server's codes.
import type { CsvKind, CsvPreset, CsvReport, CsvRowError } from '../../api/csv';

/** The Select value of a field that is not imported (a header is never empty once mapped). */
export const NOT_IMPORTED = '';

/** From this size on, the upload's progress bar is shown; smaller files go in a blink. */
export const PROGRESS_FROM_BYTES = 256 * 1024;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // "PK\x03\x04": .xlsx, .xlsm, .ods are ZIP archives
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // the old binary .xls

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte);
}

/** True for an Excel workbook rather than CSV, by its name or its first bytes (a renamed .xlsx included). */
export function isWorkbook(name: string, bytes: ArrayBuffer | Uint8Array): boolean {
  if (/\.(xlsx|xlsm|xlsb|xls|ods)$/i.test(name)) return true;
  const head = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes, 0, Math.min(8, bytes.byteLength));
  return startsWith(head, ZIP_MAGIC) || startsWith(head, OLE_MAGIC);
}

/** The overrides after the user picks `header` (or NOT_IMPORTED) for `field`: picking what the preview
 * already uses without an override adds nothing, so that the preset stays in charge of that field. */
export function withMapping(overrides: Record<string, string>, report: CsvReport | null, field: string, header: string): Record<string, string> {
  const next = { ...overrides };
  const current = report?.mapping[field] ?? NOT_IMPORTED;
  if (!(field in overrides) && header === current) return next;
  next[field] = header;
  return next;
}

/** The mapping a preset saves: the preview's, without the fields that are not imported. */
export function savableMapping(report: CsvReport): Record<string, string> {
  return Object.fromEntries(Object.entries(report.mapping).filter(([, header]) => header !== NOT_IMPORTED));
}

/** Import is allowed only on a preview of rows with no error at all. */
export function canImport(report: CsvReport | null): boolean {
  return !!report && !report.committed && report.rows > 0 && report.error_count === 0 && report.errors.length === 0;
}

export interface ColumnErrors {
  /** The header, or '' for errors about the whole row. */
  column: string;
  field: string;
  count: number;
}

/** Errors per column, the most frequent first (then in the file's order of headers). */
export function errorsByColumn(errors: CsvRowError[], headers: string[]): ColumnErrors[] {
  const groups = new Map<string, ColumnErrors>();
  for (const error of errors) {
    const group = groups.get(error.column) ?? { column: error.column, field: error.field, count: 0 };
    group.count += 1;
    groups.set(error.column, group);
  }
  const place = (column: string) => (column === '' ? -1 : headers.indexOf(column) === -1 ? headers.length : headers.indexOf(column));
  return [...groups.values()].sort((a, b) => b.count - a.count || place(a.column) - place(b.column));
}

/** Errors per target field (for the mapping table). */
export function errorsByField(errors: CsvRowError[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const error of errors) if (error.field) counts.set(error.field, (counts.get(error.field) ?? 0) + 1);
  return counts;
}

/** The fields the sample shows: every mapped one and every one the server fills in (the id it makes), in
 * the order of `fields`. */
export function sampleFields(report: CsvReport): string[] {
  const filled = new Set(report.sample.flatMap((r) => Object.keys(r.values)));
  const mapped = (field: string) => report.mapping[field] !== undefined && report.mapping[field] !== NOT_IMPORTED;
  return report.fields.map((f) => f.field).filter((field) => mapped(field) || filled.has(field));
}

/** A sample value as text: the server stores text, numbers and, rarely, lists. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** The headers a field's Select offers: the file's, plus what the preview uses should it be none of them
 * (two columns joined, "姓+名"). */
export function headerChoices(headers: string[], current: string): string[] {
  const choices = headers.filter((h) => h !== '');
  return current !== NOT_IMPORTED && !choices.includes(current) ? [...choices, current] : choices;
}

/** i18n key of the detected encoding, or null for one this page does not know. */
export function encodingKey(encoding: string): string | null {
  const keys: Record<string, string> = { 'utf-8': 'utf8', 'utf-8-bom': 'utf8bom', gb18030: 'gb18030', 'utf-16le': 'utf16', 'utf-16be': 'utf16' };
  return keys[encoding.toLowerCase()] ?? null;
}

/** i18n key of the detected delimiter, or null for one this page does not know. */
export function delimiterKey(delimiter: string): string | null {
  return ({ ',': 'comma', ';': 'semicolon', '\t': 'tab' } as Record<string, string>)[delimiter] ?? null;
}

export interface PresetChoice {
  name: string;
  label: string;
  builtin: boolean;
}

/** The presets that map this kind, built-in ones first, plus the one in use should it not be listed. */
export function presetChoices(presets: CsvPreset[], kind: CsvKind, inUse: string | null): PresetChoice[] {
  const choices = presets
    .filter((p) => p.mappings[kind] !== undefined || p.name === inUse)
    .map((p) => ({ name: p.name, label: p.label || p.name, builtin: p.builtin }));
  if (inUse && !choices.some((c) => c.name === inUse)) choices.push({ name: inUse, label: inUse, builtin: false });
  return choices.sort((a, b) => Number(b.builtin) - Number(a.builtin));
}
