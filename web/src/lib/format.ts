// How every number of the web app is written, in one place (docs/web.md, "How numbers read"):
// - a degree is a percent first (one decimal), its mean second (two decimals, smaller);
// - a change is in the unit of the figure it belongs to: under a percent in percentage points ("−10.4 pp",
//   "−10.4 个百分点"), under a count as a count with its relative change said to be relative
//   ("+3 (+8.1% rel.)", "+3（相对 +8.1%）");
// - separators and currencies follow the UI language (Intl.NumberFormat);
// - a change is coloured by what it means, not by its direction: good news green, bad news red;
// - a figure resting on fewer than SMALL_SAMPLE known values is marked.
// And what "today" is (the tenant's day, not the browser's).
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Attitude } from '../api/types';
import i18n from '../i18n';

type Maybe = number | null | undefined;

/** The Intl locale of a UI language ('en' or 'zh-CN'). */
export function numberLocale(lang: string): string {
  return lang === 'en' ? 'en-US' : 'zh-CN';
}

function words(lang: string) {
  return i18n.getFixedT(lang === 'en' ? 'en' : 'zh-CN', 'common');
}

const formatters = new Map<string, Intl.NumberFormat>();
function intl(lang: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) formatters.set(key, (format = new Intl.NumberFormat(numberLocale(lang), options)));
  return format;
}

/** Intl writes "-0.0" for a tiny negative; a figure that rounds to zero has no sign. */
function unsignedZero(text: string): string {
  return /^-0(\.0+)?(%|$)/.test(text) ? text.slice(1) : text;
}

/** A plain number with thousands separators: "10,000"; "—" when unknown. */
export function formatNumber(value: Maybe, lang: string, digits = 0): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return unsignedZero(intl(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value));
}

/** A count: "10,000". */
export function formatCount(count: Maybe, lang: string): string {
  return formatNumber(count, lang, 0);
}

/** A degree's percent (SPEC §5: mean × 100, one decimal): "-4.8%", "90.0%"; "—" when unknown. */
export function formatPercent(percent: Maybe, lang: string): string {
  if (percent === null || percent === undefined) return '—';
  return `${formatNumber(percent, lang, 1)}%`;
}

/** A degree's mean, two decimals: "-0.09"; "—" when unknown. */
export function formatMean(mean: Maybe, lang: string): string {
  return formatNumber(mean, lang, 2);
}

/** The percent a mean stands for (SPEC §5, rounded half away from zero), for figures that send the mean only. */
export function percentOfMean(mean: Maybe): number | null {
  if (mean === null || mean === undefined) return null;
  const tenths = Math.round(Math.abs(mean) * 1000 + 1e-9);
  return (Math.sign(mean) * tenths) / 10;
}

/** A share (0…1, or more) as a percent with one decimal: 0.5212 → "52.1%". */
export function formatShare(share: Maybe, lang: string): string {
  if (share === null || share === undefined) return '—';
  return `${formatNumber(share * 100, lang, 1)}%`;
}

/** An amount in its currency, whole units: "¥1,234,567" / "CN¥1,234,567"; "—" when unknown. */
export function formatAmount(amount: Maybe, lang: string, currency = 'CNY'): string {
  if (amount === null || amount === undefined) return '—';
  try {
    return intl(lang, { style: 'currency', currency, maximumFractionDigits: 0, minimumFractionDigits: 0 }).format(amount);
  } catch {
    return `${formatNumber(amount, lang)} ${currency}`;
  }
}

/** A signed number for a change: "+3", "−0.15", "0" (a true minus sign; zero has none). */
function signed(value: number, lang: string, digits: number): string {
  const text = formatNumber(Math.abs(value), lang, digits);
  if (Number(text.replace(/[^0-9.]/g, '')) === 0) return text;
  return `${value > 0 ? '+' : '−'}${text}`;
}

/** The change of a mean as the change of its percent, in percentage points: −0.104 → "−10.4 pp" / "−10.4个百分点". */
export function formatPointsDelta(meanDelta: Maybe, lang: string): string {
  if (meanDelta === null || meanDelta === undefined) return '—';
  return words(lang)('figures.pp', { value: signed(meanDelta * 100, lang, 1) });
}

/** The change of a mean as a mean (where the mean itself is the figure shown): "+0.15". */
export function formatMeanDelta(meanDelta: Maybe, lang: string): string {
  if (meanDelta === null || meanDelta === undefined) return '—';
  return signed(meanDelta, lang, 2);
}

/** A count's relative change, delta / earlier (SPEC §5), null when the earlier count is 0 or unknown. */
export function relativeChange(delta: Maybe, current: Maybe): number | null {
  if (delta === null || delta === undefined || current === null || current === undefined) return null;
  const earlier = current - delta;
  return earlier === 0 ? null : delta / earlier;
}

/** A count's change with its relative change, said to be relative: "+3 (+8.1% rel.)" / "+3（相对 +8.1%）";
 * "0" when nothing changed; the count alone when the earlier count is 0 or `current` is not given. */
export function formatCountDelta(delta: Maybe, lang: string, current?: Maybe): string {
  if (delta === null || delta === undefined) return '—';
  const count = signed(delta, lang, 0);
  const relative = delta === 0 ? null : relativeChange(delta, current);
  if (relative === null) return count;
  return words(lang)('figures.relative', { count, relative: `${signed(relative * 100, lang, 1)}%` });
}

/** Which way is good news for a figure: up (a mean, supporters), down (opposers, unknown, un-insighted), or
 * neither (neutral persons: no colour). */
export type Better = 'up' | 'down' | 'neither';
export type Tone = 'good' | 'bad' | 'flat' | 'none';

export function deltaDirection(delta: Maybe): 'up' | 'down' | 'flat' | 'none' {
  if (delta === null || delta === undefined) return 'none';
  if (Math.abs(delta) < 1e-9) return 'flat';
  return delta > 0 ? 'up' : 'down';
}

/** What a change means: more opposers is bad news (red) and fewer is good (green), a mean up is good. */
export function deltaTone(delta: Maybe, better: Better): Tone {
  const direction = deltaDirection(delta);
  if (direction === 'none' || direction === 'flat') return direction;
  if (better === 'neither') return 'flat';
  return direction === better ? 'good' : 'bad';
}

export const TONE_COLOR: Record<Tone, string> = { good: '#389e0d', bad: '#cf1322', flat: '#8c8c8c', none: '#8c8c8c' };

/** Fewer known values than this and a tier or mean is marked as a small sample. */
export const SMALL_SAMPLE = 3;

/** Whether a figure rests on a small sample: some known values, but fewer than SMALL_SAMPLE. */
export function isSmallSample(known: Maybe): boolean {
  return known !== null && known !== undefined && known > 0 && known < SMALL_SAMPLE;
}

/** The formatters bound to the UI language, for components. */
export function useFormat() {
  const { i18n: current } = useTranslation();
  const lang = current.language;
  return {
    lang,
    number: (value: Maybe, digits = 0) => formatNumber(value, lang, digits),
    count: (value: Maybe) => formatCount(value, lang),
    percent: (value: Maybe) => formatPercent(value, lang),
    mean: (value: Maybe) => formatMean(value, lang),
    share: (value: Maybe) => formatShare(value, lang),
    amount: (value: Maybe, currency?: string) => formatAmount(value, lang, currency),
    points: (meanDelta: Maybe) => formatPointsDelta(meanDelta, lang),
    countDelta: (delta: Maybe, current?: Maybe) => formatCountDelta(delta, lang, current),
  };
}

export const ATTITUDE_NUMBER: Record<Attitude, number | null> = {
  strong_support: 2, support: 1, neutral: 0, oppose: -1, strong_oppose: -2, unknown: null,
};

/** Colours of the attitudes: greens for support, grey for neutral, reds for opposition; unknown is hollow. */
export const ATTITUDE_COLOR: Record<Attitude, string> = {
  strong_support: '#237804', support: '#73d13d', neutral: '#8c8c8c', oppose: '#ff7875', strong_oppose: '#a8071a', unknown: '#ffffff',
};

export const TIER_COLOR: Record<string, string> = { excellent: '#237804', good: '#73d13d', fair: '#faad14', poor: '#cf1322' };

export const STRATEGY_COLOR: Record<string, string> = { acquire: 'blue', grow: 'cyan', win_back: 'red', wait: 'orange', retain: 'green' };

let tenantDay: string | null = null;

/** Remembers the tenant's day that the session reports (`today` of /auth/me, asked again every 5 minutes). */
export function setTenantToday(day: string | null): void {
  tenantDay = day;
}

/**
 * Today on the tenant's calendar (its time zone), YYYY-MM-DD: what every default date of a form and every
 * "not after today" means. Before sign-in, the browser's day.
 */
export function todayIso(): string {
  if (tenantDay) return tenantDay;
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** todayIso as a Dayjs, for date pickers. */
export function tenantToday(): Dayjs {
  return dayjs(todayIso());
}
