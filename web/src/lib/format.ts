// How figures are written: means with two decimals, percents as whole numbers, changes with a sign; and
// what "today" is (the tenant's day, not the browser's).
import dayjs, { type Dayjs } from 'dayjs';
import type { Attitude } from '../api/types';

export function formatMean(mean: number | null | undefined): string {
  return mean === null || mean === undefined ? '—' : mean.toFixed(2);
}

export function formatPercent(percent: number | null | undefined): string {
  return percent === null || percent === undefined ? '—' : `${percent}%`;
}

export function formatShare(share: number | null | undefined): string {
  return share === null || share === undefined ? '—' : `${(share * 100).toFixed(1)}%`;
}

/** A change: "+0.12", "−3", "0", or "—" when unknown. Counts are whole, means keep two decimals. */
export function formatDelta(delta: number | null | undefined, whole = false): string {
  if (delta === null || delta === undefined) return '—';
  const text = whole ? String(Math.abs(Math.round(delta))) : Math.abs(delta).toFixed(2);
  if (Number(text) === 0) return whole ? '0' : '0.00';
  return `${delta > 0 ? '+' : '−'}${text}`;
}

export function deltaDirection(delta: number | null | undefined): 'up' | 'down' | 'flat' | 'none' {
  if (delta === null || delta === undefined) return 'none';
  if (Math.abs(delta) < 1e-9) return 'flat';
  return delta > 0 ? 'up' : 'down';
}

export function formatAmount(amount: number | null | undefined, currency = 'CNY'): string {
  if (amount === null || amount === undefined) return '—';
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
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
