// Bundles without React: reading the server's answer to an import, and saying where an import failed
// ("people[3].org" → the org field of the 4th record in people) in the user's words.

export { parseImportAnswer, type ImportAnswer, type ImportCounts, type ImportFailure } from '../../api/bundleTransfer';
export interface FieldPlace {
  array: string;
  /** 0-based, as in the field. */
  index: number;
  /** The field inside the record, or '' when the record as a whole is wrong. */
  field: string;
}

/** "people[3].org" → {array: people, index: 3, field: org}; null for a field that names no record. */
export function fieldPlace(field: string): FieldPlace | null {
  const match = /^([A-Za-z_]+)\[(\d+)\](?:\.(.+))?$/.exec(field);
  if (!match) return null;
  return { array: match[1], index: Number(match[2]), field: match[3] ?? '' };
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** Where the import failed, in the user's words (the raw field is shown beside it). */
export function describeField(field: string, t: Translate): string {
  if (!field) return '';
  const place = fieldPlace(field);
  if (!place) return field;
  const number = place.index + 1;
  return place.field ? t('bundle.fieldAt', { array: place.array, number, field: place.field }) : t('bundle.fieldArray', { array: place.array, number });
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A JSON check before sending: the parse error's message, or null when the text is JSON. */
export function jsonProblem(text: string): string | null {
  try {
    JSON.parse(text);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
