import { describe, expect, it } from 'vitest';
import type { RecentChange, Suggestion } from '../../api/work';
import { changeKey, effectParts, suggestionKey, taskFromSuggestion } from './model';

function s(extra: Partial<Suggestion>): Suggestion {
  return {
    kind: 'introduce', customer: 'c1', opportunity: null, person: 'p2', key: 'introduce:c1::p2', value: null, employees: [], via: [],
    strength: null, roles: [], features: [], days: null, effect: null, message: '', names: {}, ...extra,
  };
}

describe('workbench: suggestions and changes', () => {
  it('picks the sentence of each kind and case', () => {
    expect(suggestionKey(s({ value: 'oppose' }))).toBe('suggestion.introduce_opposer');
    expect(suggestionKey(s({ value: 'neutral' }))).toBe('suggestion.introduce');
    expect(suggestionKey(s({ value: null }))).toBe('suggestion.introduce');
    expect(suggestionKey(s({ kind: 'contact', days: 120 }))).toBe('suggestion.contact');
    expect(suggestionKey(s({ kind: 'contact', days: null }))).toBe('suggestion.contact_never');
    expect(suggestionKey(s({ kind: 'fill_role' }))).toBe('suggestion.fill_role');
    const change = (extra: Partial<RecentChange>): RecentChange => ({ kind: 'rating', date: '2026-02-01', customer: 'c1', opportunity: null, person: 'p1', names: {}, ...extra });
    expect(changeKey(change({ toward: 'ours' }))).toBe('change.rating');
    expect(changeKey(change({ toward: 'comp1' }))).toBe('change.rating_competitor');
    expect(changeKey(change({ toward: 'ours', opportunity: 'o1' }))).toBe('change.rating_project');
    expect(changeKey(change({ kind: 'joined' }))).toBe('change.joined');
  });
  it('shows an effect in percent points, signed', () => {
    const effect = { of: 'chain' as const, dimension: 'closeness' as const, known: 2, before: 0.5, after: 1, delta: 0.5, percent_before: 50, percent_after: 100, percent_delta: 50 };
    expect(effectParts(effect, 'en')).toEqual({ before: '50.0%', after: '100.0%', delta: '+50.0 pp' });
    expect(effectParts(effect, 'zh-CN')).toEqual({ before: '50.0%', after: '100.0%', delta: '+50.0个百分点' });
    expect(effectParts({ ...effect, percent_before: 66.7, percent_after: 66.7, percent_delta: 0 }, 'en').delta).toBe('0.0 pp');
    // 1/3 of a step on three known values: 33.3 → 66.7 is +33.4 points as shown (each percent rounded first).
    expect(effectParts({ ...effect, percent_before: 33.3, percent_after: 66.7, percent_delta: 33.400000000000006 }, 'en').delta).toBe('+33.4 pp');
  });
  it('makes a task that keeps where it came from', () => {
    const task = taskFromSuggestion(s({ kind: 'contact', opportunity: 'o1', key: 'contact:c1:o1:p2' }), '联系钱坤', 'u1');
    expect(task).toEqual({ title: '联系钱坤', customer: 'c1', opportunity: 'o1', person: 'p2', assignee: 'u1', source: 'suggestion', source_key: 'contact:c1:o1:p2' });
  });
});
