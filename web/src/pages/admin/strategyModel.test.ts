import { describe, expect, it } from 'vitest';
import { THRESHOLD_RANGES, tacticProblem, tacticRequest, tacticText, thresholdOk, thresholdsRequest, utf8Length } from './strategyModel';

const range = (key: string) => THRESHOLD_RANGES.find((r) => r.key === key)!;

describe('thresholdOk', () => {
  it('accepts the documented ranges and refuses the rest', () => {
    const cases: [string, number, boolean][] = [
      ['min_key_persons', 1, true], ['min_key_persons', 100, true], ['min_key_persons', 0, false], ['min_key_persons', 101, false], ['min_key_persons', 2.5, false],
      ['profiled_share', 0, false], ['profiled_share', 0.01, true], ['profiled_share', 1, true], ['profiled_share', 1.01, false],
      ['drop', 0, false], ['drop', 4, true], ['drop', 4.1, false], ['drop', 0.5, true],
      ['drop_months', 1, true], ['drop_months', 24, true], ['drop_months', 25, false], ['drop_months', 3.5, false],
    ];
    for (const [key, value, ok] of cases) expect([key, value, thresholdOk(range(key), value)]).toEqual([key, value, ok]);
    expect(thresholdOk(range('drop'), '0.5')).toBe(false);
    expect(thresholdOk(range('drop'), Number.NaN)).toBe(false);
  });

  it('sends all four keys as numbers', () => {
    expect(thresholdsRequest({ min_key_persons: '4', profiled_share: 0.75, drop: '0.5', drop_months: 3 })).toEqual({ min_key_persons: 4, profiled_share: 0.75, drop: 0.5, drop_months: 3 });
  });
});

describe('tactic texts', () => {
  it('counts bytes as the server does', () => {
    expect(utf8Length('abc')).toBe(3);
    expect(utf8Length('客户')).toBe(6);
  });
  it('wants one language at least and at most 10000 bytes each', () => {
    expect(tacticProblem({ zh: ' ', en: '' })).toBe('empty');
    expect(tacticProblem({ zh: '先摸清预算' })).toBeNull();
    expect(tacticProblem({ zh: '客'.repeat(3334) })).toBe('tooLong');
    expect(tacticProblem({ zh: '客'.repeat(3333), en: 'x' })).toBeNull();
    expect(tacticRequest({ en: 'Learn the budget first.' })).toEqual({ zh: '', en: 'Learn the budget first.' });
  });
  it('shows the user\'s language, or the other when it is empty', () => {
    expect(tacticText({ zh: '中文', en: 'English' }, 'en')).toBe('English');
    expect(tacticText({ zh: '中文', en: 'English' }, 'zh-CN')).toBe('中文');
    expect(tacticText({ zh: '', en: 'English' }, 'zh-CN')).toBe('English');
  });
});
