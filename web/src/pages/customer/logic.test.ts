import { describe, expect, it } from 'vitest';
import type { CustomerMetrics, Degrees, Stats, StrategyTemplates } from '../../api/types';
import { newPersonBody } from './api';
import { percentTrendOption, supportersOption } from './charts';
import { sampleGraph } from './fixtures.test-data';
import { utf8Length } from './StrategyPanel';
import { attitudeOrder, departmentRows, keyPersonRows, searchRows } from './tables';
import { chooseTactics, parseTactics } from './tactics';

function stats(extra: Partial<Stats> = {}): Stats {
  return { n: 0, known: 0, unknown: 0, strong_support: 0, support: 0, neutral: 0, oppose: 0, strong_oppose: 0, supporters: 0, opposers: 0, mean: null, percent: null, tier: null, ...extra };
}
const degrees = (extra: Partial<Stats> = {}): Degrees => ({ closeness: stats(extra), solution: stats(), price: stats() });

describe('tactics', () => {
  const text = '把潜在客户转变为正式客户：\n- 带领客户参观案例；\n- 邀请高层互访；\n';
  it('splits the goal and the "- " lines', () => {
    expect(parseTactics(text)).toEqual({ goal: '把潜在客户转变为正式客户：', items: ['带领客户参观案例；', '邀请高层互访；'] });
    expect(parseTactics('Only a goal.')).toEqual({ goal: 'Only a goal.', items: [] });
    expect(parseTactics('- a\ncontinued\n- b').items).toEqual(['a continued', 'b']);
  });
  const templates: StrategyTemplates = {
    strategy: 'acquire',
    company: { zh: text, en: 'Turn a prospect into a customer:\n- Visit reference sites', updated_at: null },
    personal: null,
  };
  it('shows the company text in the UI language', () => {
    expect(chooseTactics(templates, 'zh-CN')).toMatchObject({ goal: '把潜在客户转变为正式客户：', personal: false });
    expect(chooseTactics(templates, 'en')).toMatchObject({ goal: 'Turn a prospect into a customer:', items: ['Visit reference sites'] });
  });
  it('prefers the caller\'s personal variant, falling back to its other language', () => {
    const mine = { ...templates, personal: { zh: '先摸清预算。', en: '', updated_at: '2026-11-23T09:00:00Z' } };
    expect(chooseTactics(mine, 'zh-CN')).toMatchObject({ goal: '先摸清预算。', personal: true });
    expect(chooseTactics(mine, 'en')).toMatchObject({ goal: '先摸清预算。', personal: true });
  });
});

describe('tables', () => {
  it('lists key persons with department names, and searches every word', () => {
    const g = sampleGraph();
    const rows = keyPersonRows(g.people, g.departments);
    expect(rows.map((r) => r.id)).toEqual(['a', 'b', 'd']);
    expect(rows[0].departmentName).toBe('信息中心');
    expect(searchRows(rows, '信息 nb').map((r) => r.id)).toEqual(['b']);
    expect(searchRows(rows, '  ').length).toBe(3);
    expect(searchRows(rows, 'TD').map((r) => r.id)).toEqual(['d']);
  });
  it('orders attitudes with unknown lowest', () => {
    const list = ['support', 'unknown', 'strong_oppose', 'strong_support'] as const;
    expect([...list].sort(attitudeOrder)).toEqual(['unknown', 'strong_oppose', 'support', 'strong_support']);
  });
  it('names departments and the rows without one', () => {
    const metrics = {
      departments: [
        { department: 'd1', key_persons: 2, degrees: degrees({ mean: 0.5 }) },
        { department: null, key_persons: 1, degrees: degrees() },
      ],
    } as unknown as CustomerMetrics;
    const rows = departmentRows(metrics, sampleGraph().departments, '（无部门）');
    expect(rows.map((r) => [r.key, r.name, r.key_persons])).toEqual([['d1', '信息中心', 2], ['', '（无部门）', 1]]);
  });
});

describe('forms and charts', () => {
  it('maps the add-person form to the person body', () => {
    expect(newPersonBody('c1', { name: ' 张三 ', title: '  ', department: 'd1', managerId: 'a', key: false, importance: 'high', orientation: 'price' }))
      .toEqual({ org: 'c1', name: '张三', title: null, department: 'd1', key: false, importance: 'high', orientation: 'price' });
  });
  it('counts UTF-8 bytes', () => {
    expect(utf8Length('abc')).toBe(3);
    expect(utf8Length('预算')).toBe(6);
  });
  it('builds the trend lines and the supporter bars from the months', () => {
    const points = [
      { month: '2026-10', as_of: '2026-10-31', degrees: { closeness: stats({ percent: 50, supporters: 3, opposers: 1 }), solution: stats({ percent: -10 }), price: stats() } },
      { month: '2026-11', as_of: '2026-11-23', degrees: { closeness: stats({ percent: 60, supporters: 4, opposers: 0 }), solution: stats(), price: stats() } },
    ];
    const t = (k: string) => k;
    const lines = percentTrendOption(points, t) as { series: { name: string; data: (number | null)[] }[] };
    expect(lines.series.map((s) => s.data)).toEqual([[50, 60], [-10, null], [null, null]]);
    const bars = supportersOption(points, 'closeness', t) as { series: { data: number[] }[] };
    expect(bars.series[0].data).toEqual([3, 4]);
    expect(bars.series[1].data).toEqual([1, 0]);
  });
});
