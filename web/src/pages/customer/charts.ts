// ECharts options of the customer page: the percent of each degree over the months (lines), supporters
// against opposers per month (bars), and the per-department percents (bars).
import type { ChartOption } from '../../components/Chart';
import type { Dimension, LineTrendPoint } from '../../api/types';
import { DIMENSIONS } from '../../api/types';
import { DIMENSION_COLORS, type DepartmentRow } from './tables';

type T = (key: string) => string;

export function percentTrendOption(points: LineTrendPoint[], t: T): ChartOption {
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined || v === '-' ? '—' : `${v}%`) },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: points.map((p) => p.month) },
    yAxis: { type: 'value', min: -200, max: 200, axisLabel: { formatter: '{value}%' } },
    series: DIMENSIONS.map((d) => ({
      name: t(`dimension.${d}`),
      type: 'line' as const,
      smooth: false,
      connectNulls: false,
      itemStyle: { color: DIMENSION_COLORS[d] },
      data: points.map((p) => p.degrees[d]?.percent ?? null),
      markLine: d === 'closeness' ? { silent: true, symbol: 'none', lineStyle: { color: '#bfbfbf', type: 'dashed' as const }, data: [{ yAxis: 0 }], label: { show: false } } : undefined,
    })),
  };
}

export function supportersOption(points: LineTrendPoint[], dimension: Dimension, t: T): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: points.map((p) => p.month) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: t('customer:supporters'), type: 'bar', itemStyle: { color: '#52c41a' }, data: points.map((p) => p.degrees[dimension]?.supporters ?? 0) },
      { name: t('customer:opposers'), type: 'bar', itemStyle: { color: '#f5222d' }, data: points.map((p) => p.degrees[dimension]?.opposers ?? 0) },
      { name: t('customer:unknownCount'), type: 'bar', itemStyle: { color: '#d9d9d9' }, data: points.map((p) => p.degrees[dimension]?.unknown ?? 0) },
    ],
  };
}

export function departmentOption(rows: DepartmentRow[], t: T): ChartOption {
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined || v === '-' ? '—' : `${v}%`) },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 36, bottom: 48 },
    xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', min: -200, max: 200, axisLabel: { formatter: '{value}%' } },
    series: DIMENSIONS.map((d) => ({
      name: t(`dimension.${d}`),
      type: 'bar' as const,
      itemStyle: { color: DIMENSION_COLORS[d] },
      data: rows.map((r) => r.degrees[d]?.percent ?? null),
    })),
  };
}
