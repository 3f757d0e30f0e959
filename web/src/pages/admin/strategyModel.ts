// Strategy settings without React: the documented ranges of the thresholds (docs/api.md, "Customer
// strategies"), their checks, and the checks of a tactic text.
import type { Thresholds } from '../../api/types';

export type ThresholdKey = keyof Thresholds;

export interface ThresholdRange {
  key: ThresholdKey;
  min: number;
  max: number;
  /** The minimum itself is refused (more than 0). */
  minExclusive: boolean;
  whole: boolean;
  step: number;
}

export const THRESHOLD_RANGES: ThresholdRange[] = [
  { key: 'min_key_persons', min: 1, max: 100, minExclusive: false, whole: true, step: 1 },
  { key: 'profiled_share', min: 0, max: 1, minExclusive: true, whole: false, step: 0.05 },
  { key: 'drop', min: 0, max: 4, minExclusive: true, whole: false, step: 0.1 },
  { key: 'drop_months', min: 1, max: 24, minExclusive: false, whole: true, step: 1 },
];

export const DEFAULT_THRESHOLDS: Thresholds = { min_key_persons: 3, profiled_share: 0.8, drop: 0.5, drop_months: 3 };

/** Is `value` accepted for the threshold? */
export function thresholdOk(range: ThresholdRange, value: unknown): boolean {
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  if (range.whole && !Number.isInteger(value)) return false;
  if (range.minExclusive ? value <= range.min : value < range.min) return false;
  return value <= range.max;
}

/** The PUT body: all four keys, as numbers. */
export function thresholdsRequest(form: Record<ThresholdKey, number | string>): Thresholds {
  return {
    min_key_persons: Number(form.min_key_persons),
    profiled_share: Number(form.profiled_share),
    drop: Number(form.drop),
    drop_months: Number(form.drop_months),
  };
}

/** Bytes of UTF-8, as the server counts the length of a text. */
export function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

export const TACTIC_LIMIT = 10000;

export interface TacticForm {
  zh?: string;
  en?: string;
}

/** What is wrong with a tactic text, or null: each at most 10000 bytes, at least one not empty. */
export function tacticProblem(form: TacticForm): 'tooLong' | 'empty' | null {
  const zh = form.zh ?? '';
  const en = form.en ?? '';
  if (utf8Length(zh) > TACTIC_LIMIT || utf8Length(en) > TACTIC_LIMIT) return 'tooLong';
  if (!zh.trim() && !en.trim()) return 'empty';
  return null;
}

export function tacticRequest(form: TacticForm): { zh: string; en: string } {
  return { zh: form.zh ?? '', en: form.en ?? '' };
}

/** The text to show in a language: that language's, or the other when it is empty. */
export function tacticText(text: { zh: string; en: string }, language: string): string {
  const first = language === 'en' ? text.en : text.zh;
  const second = language === 'en' ? text.zh : text.en;
  return first.trim() ? first : second;
}
