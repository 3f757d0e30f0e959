import i18n from 'i18next';
import { describe, expect, it } from 'vitest';
import type { WarningRow } from '../../api/lines';
import type { Warning } from '../../api/types';
import { en, zh } from './i18n';
import { kindsByCount, rowNames, sentenceKey, WARNING_KINDS, warningsFromQuery, warningsParams } from './model';

function w(kind: string, severity: Warning['severity'], customer: string | null, extra: Partial<Warning> = {}): Warning {
  return { kind, severity, customer, opportunity: null, person: null, message: '', dimensions: [], employees: [], competitors: [], ...extra };
}

describe('warnings: the address and the server query', () => {
  it('reads severity, kind, customer, state, view, page and size; drops unknown words', () => {
    expect(warningsFromQuery(new URLSearchParams('severity=high&kind=sharp_drop&customer=cust-1&state=dismissed&view=list&page=3&size=50'))).toEqual({
      filter: { severity: 'high', kind: 'sharp_drop', customer: 'cust-1', state: 'dismissed', view: 'list' }, page: 3, size: 50,
    });
    // Open warnings grouped by customer unless the address says otherwise.
    expect(warningsFromQuery(new URLSearchParams('severity=urgent&kind=bogus&state=closed&view=grid&size=7'))).toEqual({
      filter: { severity: '', kind: '', customer: '', state: 'open', view: 'customer' }, page: 1, size: 20,
    });
  });
  it('asks the server for the filtered page, open ones unless all are asked for', () => {
    // page 3 of 50 skips 100 rows.
    expect(warningsParams({ severity: 'high', kind: '', customer: 'cust-1', state: 'open', view: 'list' }, 3, 50))
      .toEqual({ limit: 50, offset: 100, severity: 'high', customer: 'cust-1', state: 'open' });
    expect(warningsParams({ severity: '', kind: '', customer: '', state: 'all', view: 'customer' }, 1, 20)).toEqual({ limit: 20, offset: 0 });
    expect(warningsParams({ severity: '', kind: '', customer: '', state: 'snoozed', view: 'customer' }, 1, 20))
      .toEqual({ limit: 20, offset: 0, state: 'snoozed' });
  });
});

describe('warnings', () => {
  it('lists the summary kinds most frequent first, ties in the server order, none of zero', () => {
    expect(kindsByCount({ ask_employee: 1, opposer_to_neutral: 2, sharp_drop: 1, attitude_conflict: 1, mean_falling: 0 })).toEqual([
      { kind: 'opposer_to_neutral', count: 2 }, { kind: 'attitude_conflict', count: 1 }, { kind: 'sharp_drop', count: 1 }, { kind: 'ask_employee', count: 1 },
    ]);
  });
  it('names a row from the names it carries, and competitors from the perspective', () => {
    const row: WarningRow = { ...w('competitor_leads', 'high', 'cust-1', { competitors: ['org-c1'] }), names: { 'cust-1': '宏达' }, state: 'new', decision: null };
    const names = rowNames(row, { 'org-c1': '友商甲' });
    expect(names.customers['cust-1']).toBe('宏达');
    expect(names.competitors['org-c1']).toBe('友商甲');
  });
  it('has a sentence and a name for every kind in both languages', () => {
    for (const kind of WARNING_KINDS) {
      expect(zh.kinds[kind]).toBeTruthy();
      expect(en.kinds[kind]).toBeTruthy();
      expect(zh.sentence[kind]).toBeTruthy();
      expect(en.sentence[kind]).toBeTruthy();
    }
    expect(sentenceKey(w('mean_falling', 'medium', null))).toBe('sentence.mean_falling_scope');
    expect(sentenceKey(w('mean_falling', 'medium', 'cust-1'))).toBe('sentence.mean_falling');
    expect(sentenceKey(w('brand_new', 'low', null))).toBe('sentence.other');
    const sentence = i18n.getFixedT('zh-CN', 'warnings')('sentence.ask_employee', { person: '张三', employees: '李四' });
    expect(sentence).toBe('关键人张三尚未洞察，可请能影响其的员工李四协助。');
  });
});
