import i18n from 'i18next';
import { describe, expect, it } from 'vitest';
import { en, zh } from './i18n';

/** Every leaf key of a nested texts object, with its text. */
function leaves(texts: object, prefix = ''): [string, string][] {
  return Object.entries(texts).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value as object, `${prefix}${key}.`),
  );
}

describe('project texts', () => {
  it('have the same keys in Chinese and English, none empty', () => {
    const zhKeys = leaves(zh);
    const enKeys = leaves(en);
    expect(enKeys.map(([k]) => k)).toEqual(zhKeys.map(([k]) => k));
    for (const [key, text] of [...zhKeys, ...enKeys]) expect(text.trim(), key).not.toBe('');
  });
  it('render the PBM warnings in both languages', () => {
    const args = { opportunity: '档案数字化项目', milestone: '预算审批', expected: '2026-12-18', ratio: '98.0%', max: '92.0%' };
    expect(i18n.getFixedT('zh-CN', 'warnings')('sentence.milestone_due', args)).toBe('商机「档案数字化项目」的下一个关键时点「预算审批」预计在 2026-12-18。');
    expect(i18n.getFixedT('zh-CN', 'warnings')('sentence.milestone_overdue', args)).toBe('商机「档案数字化项目」的关键时点「预算审批」预计在 2026-12-18，已超过 14 天仍未记录。');
    expect(i18n.getFixedT('en', 'warnings')('sentence.price_above_history', { ...args, opportunity: 'Archive' })).toBe(
      'Our latest quote for opportunity "Archive" is 98.0% of its budget, above this customer\'s highest winning bid to budget (92.0%).',
    );
    expect(i18n.getFixedT('en', 'warnings')('kinds.milestone_overdue')).toBe('Milestone overdue');
    expect(i18n.getFixedT('zh-CN')('milestoneKind.budget_approval')).toBe('预算审批');
  });
});
