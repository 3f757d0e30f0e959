import i18n from 'i18next';
import { describe, expect, it } from 'vitest';
import type { Warning } from '../../api/types';
import { en, zh } from './i18n';
import { bySeverity, filterWarnings, personIds, sentenceKey, summarize, topWarnings, WARNING_KINDS, withNames } from './model';

function w(kind: string, severity: Warning['severity'], customer: string | null, extra: Partial<Warning> = {}): Warning {
  return { kind, severity, customer, opportunity: null, person: null, message: '', dimensions: [], employees: [], competitors: [], ...extra };
}

const list: Warning[] = [
  w('attitude_conflict', 'medium', 'cust-1', { person: 'p-1', opportunity: 'opp-1' }),
  w('sharp_drop', 'high', 'cust-2'),
  w('opposer_to_neutral', 'low', 'cust-1', { person: 'p-10' }),
  w('opposer_to_neutral', 'low', 'cust-2', { person: 'p-2' }),
  w('mean_falling', 'medium', null),
  w('ask_employee', 'low', 'cust-2', { person: 'p-2', employees: ['p-9'] }),
];

describe('warnings', () => {
  it('filter by severity, kind and customer', () => {
    expect(filterWarnings(list, { severity: 'low' }).length).toBe(3);
    expect(filterWarnings(list, { kind: 'opposer_to_neutral', customer: 'cust-2' })).toEqual([list[3]]);
    expect(filterWarnings(list, {}).length).toBe(6);
  });
  it('summarize counts severities and kinds, most frequent first', () => {
    const s = summarize(list);
    expect(s.total).toBe(6);
    expect(s.bySeverity).toEqual({ high: 1, medium: 2, low: 3 });
    expect(s.byKind[0]).toEqual({ kind: 'opposer_to_neutral', count: 2 });
    expect(s.byKind.slice(1).map((k) => k.kind)).toEqual(['attitude_conflict', 'sharp_drop', 'mean_falling', 'ask_employee']);
  });
  it('the list is the most severe first, then in the server order', () => {
    expect(bySeverity(list).map((x) => `${x.severity}:${x.kind}:${x.customer}`)).toEqual([
      'high:sharp_drop:cust-2', 'medium:attitude_conflict:cust-1', 'medium:mean_falling:null',
      'low:opposer_to_neutral:cust-1', 'low:opposer_to_neutral:cust-2', 'low:ask_employee:cust-2',
    ]);
  });
  it('top warnings are the most severe first, then in order', () => {
    expect(topWarnings(list, 3).map((x) => x.kind)).toEqual(['sharp_drop', 'attitude_conflict', 'mean_falling']);
  });
  it('replaces whole ids only', () => {
    const text = withNames('Key person p-1 and p-10 in opp-1 (p-1x)', { 'p-1': '张三', 'p-10': '李四', 'opp-1': '项目A', 'p-3': 'p-3' });
    expect(text).toBe('Key person 张三 and 李四 in 项目A (p-1x)');
  });
  it('lists the persons to name', () => {
    expect(personIds(list).sort()).toEqual(['p-1', 'p-10', 'p-2', 'p-9']);
  });
  it('has a sentence and a name for every kind in both languages', () => {
    for (const kind of WARNING_KINDS) {
      expect(zh.kinds[kind]).toBeTruthy();
      expect(en.kinds[kind]).toBeTruthy();
      expect(zh.sentence[kind]).toBeTruthy();
      expect(en.sentence[kind]).toBeTruthy();
    }
    expect(sentenceKey(list[4])).toBe('sentence.mean_falling_scope');
    expect(sentenceKey(w('mean_falling', 'medium', 'cust-1'))).toBe('sentence.mean_falling');
    expect(sentenceKey(w('brand_new', 'low', null))).toBe('sentence.other');
    const sentence = i18n.getFixedT('zh-CN', 'warnings')('sentence.ask_employee', { person: '张三', employees: '李四' });
    expect(sentence).toBe('关键人张三尚未洞察，可请能影响其的员工李四协助。');
  });
});
