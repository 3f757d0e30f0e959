// The dashboard's chart options, built from the figures without React (so they can be tested).
import type { ChartOption } from '../../components/Chart';
import { TIERS, type Dimension, type LineTrendPoint, type Tier, type TierCell } from '../../api/types';
import { TIER_COLOR } from '../../lib/format';

export const DIMENSION_COLOR: Record<Dimension, string> = { closeness: '#1d4ed8', solution: '#13a8a8', price: '#d46b08' };

/** Bars of the customer count in each tier (excellent → poor), coloured by tier. */
export function tierOption(cells: Record<Tier, Pick<TierCell, 'count'>> | undefined, tierLabel: (tier: Tier) => string, countLabel: string): ChartOption {
  return {
    grid: { left: 36, right: 12, top: 24, bottom: 28 },
    tooltip: { trigger: 'item' },
    xAxis: { type: 'category', data: TIERS.map(tierLabel), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: countLabel,
        barMaxWidth: 40,
        cursor: 'pointer',
        data: TIERS.map((tier) => ({ value: cells?.[tier]?.count ?? 0, itemStyle: { color: TIER_COLOR[tier] } })),
        label: { show: true, position: 'top' },
      },
    ],
  };
}

/** The tier a click on the tier chart means (by the bar's index). */
export function tierAt(index: number | undefined): Tier | null {
  return index !== undefined && index >= 0 && index < TIERS.length ? TIERS[index] : null;
}

/** One line per degree: the pooled percent at the end of each month (gaps where unknown). */
export function percentTrendOption(points: LineTrendPoint[], dimensions: Dimension[], name: (d: Dimension) => string): ChartOption {
  return {
    grid: { left: 48, right: 16, top: 36, bottom: 28 },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? '—' : `${v}%`) },
    legend: { top: 0 },
    xAxis: { type: 'category', data: points.map((p) => p.month) },
    yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
    series: dimensions.map((d) => ({
      type: 'line',
      name: name(d),
      color: DIMENSION_COLOR[d],
      connectNulls: false,
      data: points.map((p) => p.degrees?.[d]?.percent ?? null),
    })),
  };
}

/** Supporters (up, green) against opposers (down, red) of one degree at the end of each month. */
export function supportTrendOption(
  points: LineTrendPoint[], dimension: Dimension, labels: { supporters: string; opposers: string },
): ChartOption {
  return {
    grid: { left: 48, right: 16, top: 36, bottom: 28 },
    tooltip: { trigger: 'axis', valueFormatter: (v) => String(Math.abs(Number(v))) },
    legend: { top: 0 },
    xAxis: { type: 'category', data: points.map((p) => p.month) },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => String(Math.abs(v)) } },
    series: [
      { type: 'bar', stack: 'people', name: labels.supporters, color: '#52c41a', data: points.map((p) => p.degrees?.[dimension]?.supporters ?? 0) },
      { type: 'bar', stack: 'people', name: labels.opposers, color: '#f5222d', data: points.map((p) => { const n = p.degrees?.[dimension]?.opposers ?? 0; return n ? -n : 0; }) },
    ],
  };
}
