// The department trend chart without React (docs/web.md, "Department trends"): one line per department for
// one degree, its percent per month, a gap (null, never 0) for a month in which the department did not exist
// or had no known value, and a tooltip naming each department's percent, mean and key persons.
import type { DepartmentTrend } from '../../api/departmentTrend';
import type { Dimension } from '../../api/types';
import type { ChartOption } from '../../components/Chart';

export interface DepartmentSeries {
  department: string;
  /** Unique among the series (the legend keys on it): a name two departments share gets its parent's name. */
  name: string;
  /** The percent per month, null where there is none. */
  percent: (number | null)[];
  mean: (number | null)[];
  keyPersons: number[];
}

export interface DepartmentTrendView {
  months: string[];
  series: DepartmentSeries[];
}

/** The months of every department (in order) and, per department, its figures of one degree on each month. */
export function departmentSeries(trend: DepartmentTrend, dimension: Dimension, unnamed: string): DepartmentTrendView {
  const months = Array.from(new Set(trend.departments.flatMap((d) => d.points.map((p) => p.month)))).sort();
  const names = new Map(trend.departments.map((d) => [d.department, d.name ?? unnamed]));
  const counts = new Map<string, number>();
  for (const name of names.values()) counts.set(name, (counts.get(name) ?? 0) + 1);
  const used = new Set<string>();
  const series = trend.departments.map((d) => {
    const own = names.get(d.department)!;
    let name = own;
    if ((counts.get(own) ?? 0) > 1 && d.parent && names.has(d.parent)) name = `${own} · ${names.get(d.parent)}`;
    if (used.has(name)) name = `${name} (${d.department})`;
    used.add(name);
    const byMonth = new Map(d.points.map((p) => [p.month, p]));
    const at = months.map((m) => byMonth.get(m));
    return {
      department: d.department,
      name,
      percent: at.map((p) => p?.degrees?.[dimension]?.percent ?? null),
      mean: at.map((p) => p?.degrees?.[dimension]?.mean ?? null),
      keyPersons: at.map((p) => p?.key_persons ?? 0),
    };
  });
  return { months, series };
}

export interface TrendWords {
  percent(value: number | null): string;
  mean(value: number | null): string;
  /** "3 key persons" */
  keyPersons(count: number): string;
  /** What a month without a department or a known value reads. */
  none: string;
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The tooltip of one month: a line per department with its percent (mean) and key persons. */
export function monthTooltip(view: DepartmentTrendView, index: number, words: TrendWords, markers: Record<string, string> = {}): string {
  const lines = view.series.map((s) => {
    const percent = s.percent[index];
    const value = percent === null ? words.none : `${words.percent(percent)} (${words.mean(s.mean[index])})`;
    return `${markers[s.name] ?? ''}${escape(s.name)}: <b>${escape(value)}</b> · ${escape(words.keyPersons(s.keyPersons[index] ?? 0))}`;
  });
  return [`<div>${escape(view.months[index] ?? '')}</div>`, ...lines].join('<br/>');
}

/** The ECharts option: a line per department, gaps where there is no percent. */
export function departmentTrendOption(view: DepartmentTrendView, words: TrendWords): ChartOption {
  return {
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (params: unknown) => {
        const list = (Array.isArray(params) ? params : [params]) as { dataIndex: number; seriesName: string; marker: string }[];
        const markers = Object.fromEntries(list.map((p) => [p.seriesName, p.marker]));
        return monthTooltip(view, list[0]?.dataIndex ?? 0, words, markers);
      },
    },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 52, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: view.months },
    yAxis: { type: 'value', min: -200, max: 200, axisLabel: { formatter: '{value}%' } },
    series: view.series.map((s) => ({
      name: s.name,
      type: 'line' as const,
      connectNulls: false,
      showSymbol: true,
      symbolSize: 5,
      data: s.percent,
    })),
  };
}
