import i18n from 'i18next';
import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../api/records';
import { actorName, fieldLabel, formatValue, historyLines, namesWanted, type NameOf } from './history';

const zh = i18n.getFixedT('zh-CN') as unknown as (key: string, options?: Record<string, unknown>) => string;
const en = i18n.getFixedT('en') as unknown as (key: string, options?: Record<string, unknown>) => string;

// u-admin is 陈艳磊's user; cust-1 and u-rep01 have names, anything else is not known (yet).
const names: Record<string, string> = { 'users/u-admin': '陈艳磊', 'users/u-rep01': '李娜', 'organizations/cust-1': '无锡宏达', 'departments/d-1': '信息中心' };
const nameOf: NameOf = (collection, id) => names[`${collection}/${id}`];

const trail: HistoryEntry[] = [
  { at: '2026-12-06T23:26:13Z', actor: 'u-admin', field: '*', old: null, new: { id: 'opp-1', name: '数据平台' } },
  { at: '2026-12-06T23:26:14Z', actor: 'u-admin', field: 'stage', old: null, new: '方案' },
  { at: '2026-12-06T23:26:15Z', actor: 'system', field: 'status', old: 'open', new: 'lost' },
  { at: '2026-12-06T23:26:16Z', actor: 'u-rep01', field: 'owner', old: 'u-rep01', new: 'u-gone' },
];

describe('historyLines', () => {
  it('lists the newest first, each with who, what and old → new in words', () => {
    const lines = historyLines(trail, 'opportunities', zh, nameOf);
    expect(lines.map((l) => [l.actor, l.what, l.change])).toEqual([
      ['李娜', '负责人', { from: '李娜', to: 'u-gone' }],
      ['系统', '状态', { from: '进行中', to: '丢单' }],
      ['陈艳磊', '阶段', { from: '—', to: '方案' }],
      ['陈艳磊', '创建', null],
    ]);
  });
  it('says "password set" and "erased" without values, in either language', () => {
    const lines = historyLines(
      [
        { at: '2026-12-01T01:00:00Z', actor: 'u-admin', field: 'password', old: null, new: null },
        { at: '2026-12-02T01:00:00Z', actor: 'u-admin', field: 'erase', old: null, new: null },
      ],
      'people',
      en,
      nameOf,
    );
    expect(lines.map((l) => [l.what, l.change])).toEqual([['Personal data erased', null], ['Password set', null]]);
  });
  it('shows the time in the browser\'s zone, to the second', () => {
    const [line] = historyLines([trail[1]], 'opportunities', zh, nameOf);
    const local = new Date('2026-12-06T23:26:14Z');
    const pad = (n: number) => String(n).padStart(2, '0');
    expect(line.at).toBe(`${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())} ${pad(local.getHours())}:${pad(local.getMinutes())}:14`);
  });
});

describe('formatValue', () => {
  it('labels vocabulary words, booleans, percents and amounts', () => {
    expect(formatValue('organizations', 'kind', 'competitor', zh, nameOf)).toBe('友商');
    expect(formatValue('opportunities', 'type', 'upgrade', en, nameOf)).toBe('Upgrade');
    expect(formatValue('opportunities', 'method', 'public_tender', zh, nameOf)).toBe('公开招标');
    expect(formatValue('opportunities', 'conditions', ['compliance', 'other'], en, nameOf)).toBe('Compliance, Other');
    expect(formatValue('people', 'importance', 'high', zh, nameOf)).toBe('高');
    expect(formatValue('organizations', 'focus', true, zh, nameOf)).toBe('是');
    expect(formatValue('opportunities', 'win_probability', 0.35, zh, nameOf)).toBe('35%');
    expect(formatValue('opportunities', 'amount', 1200000, en, nameOf)).toBe(new Intl.NumberFormat().format(1200000));
  });
  it('names referenced records, keeping the id of one not known', () => {
    expect(formatValue('opportunities', 'customer', 'cust-1', zh, nameOf)).toBe('无锡宏达');
    expect(formatValue('departments', 'parent', 'd-1', zh, nameOf)).toBe('信息中心');
    expect(formatValue('departments', 'parent', 'd-2', zh, nameOf)).toBe('d-2');
  });
  it('shows none as a dash and an unknown word as itself', () => {
    expect(formatValue('organizations', 'region', null, zh, nameOf)).toBe('—');
    expect(formatValue('organizations', 'region', '', zh, nameOf)).toBe('—');
    expect(formatValue('opportunities', 'status', 'pending', zh, nameOf)).toBe('pending');
  });
});

describe('labels and actors', () => {
  it('labels known fields and falls back to the field name', () => {
    expect(fieldLabel('win_probability', zh)).toBe('赢率');
    expect(fieldLabel('until', en)).toBe('Retired on');
    expect(fieldLabel('source_key', zh)).toBe('source_key');
  });
  it('calls the command line "System", and a user not known by their id', () => {
    expect(actorName('system', en, nameOf)).toBe('System');
    expect(actorName('u-x', zh, nameOf)).toBe('u-x');
  });
});

describe('namesWanted', () => {
  it('asks for the actors and the referenced records, once each', () => {
    expect(namesWanted(trail, 'opportunities')).toEqual({
      people: [], organizations: [], users: ['u-admin', 'u-gone', 'u-rep01'], opportunities: [], departments: [], teams: [],
    });
    const moved: HistoryEntry[] = [{ at: '2026-12-06T23:26:13Z', actor: 'system', field: 'parent', old: 'd-1', new: null }];
    expect(namesWanted(moved, 'departments').departments).toEqual(['d-1']);
    expect(namesWanted(moved, 'departments').users).toEqual([]);
  });
});
