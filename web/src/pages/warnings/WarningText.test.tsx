// A warning reads as a sentence in the reader's language only, built from its kind and details: the server's
// English message is never shown, in either language.
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { forgetKindNames, readKindNames } from '../../api/project';
import type { Warning } from '../../api/types';
import i18n from '../../i18n';
import { WarningText } from './WarningText';

afterEach(cleanup);
afterAll(() => i18n.changeLanguage('zh-CN'));

const veto: Warning = {
  kind: 'veto_opposes', severity: 'high', customer: 'cust-1', opportunity: 'opp-1', person: 'p-1',
  message: 'p-1 holds a veto in opportunity opp-1 and opposes us (closeness strong_oppose).',
  dimensions: ['closeness'], employees: [], competitors: [],
};
const names = { customers: { 'cust-1': '汕头泰和物流股份有限公司' }, people: { 'p-1': '李志秀' }, opportunities: { 'opp-1': '人力资源管理系统项目' }, competitors: {} };

describe('a warning', () => {
  it('is a Chinese sentence for a Chinese reader, without the English message', async () => {
    await i18n.changeLanguage('zh-CN');
    render(<WarningText warning={veto} names={names} />);
    const text = screen.getByTestId('warning-text').textContent ?? '';
    expect(text).toBe('李志秀在商机「人力资源管理系统项目」中握有一票否决权，且紧密度反对我方。');
    expect(text).not.toMatch(/holds a veto|strong_oppose/);
  });
  it('is an English sentence with names and translated degrees for an English reader', async () => {
    await i18n.changeLanguage('en');
    render(<WarningText warning={veto} names={names} />);
    const text = screen.getByTestId('warning-text').textContent ?? '';
    expect(text).toBe('李志秀 holds a veto in opportunity "人力资源管理系统项目" and opposes us on Closeness.');
    expect(text).not.toMatch(/p-1|opp-1|strong_oppose|closeness/);
  });
  it('reads "Other warning", never a code, for a kind it does not know', async () => {
    await i18n.changeLanguage('en');
    render(<WarningText warning={{ ...veto, kind: 'brand_new_kind' }} names={names} />);
    expect(screen.getByTestId('warning-text').textContent).toBe('Other warning');
  });
});

/** The sentence a warning reads as, in `language`. */
async function read(warning: Warning, language: 'zh-CN' | 'en'): Promise<string> {
  await i18n.changeLanguage(language);
  render(<WarningText warning={warning} names={names} />);
  const text = screen.getByTestId('warning-text').textContent ?? '';
  cleanup();
  return text;
}

/** A warning of `kind` about cust-1, opp-1 and p-1 with these details. */
function of(kind: string, details: Warning['details'], extra: Partial<Warning> = {}): Warning {
  return { ...veto, kind, severity: 'medium', dimensions: ['closeness'], details, ...extra };
}

/** A code as the server sends it (strong_oppose, month_ago…). */
const CODE = /\b[a-z]+_[a-z_]+\b/;

describe('a warning states its details', () => {
  const cases: { name: string; warning: Warning; zh: string; en: string }[] = [
    {
      name: 'sharp_drop: the means before and now as percents, the day compared with and the threshold',
      warning: of('sharp_drop', { closeness: { before: 1, now: 0.33 }, price: { before: 0.5, now: -0.1666 }, since: '2026-05-23', threshold: 0.5 }, { opportunity: null, person: null, dimensions: ['closeness', 'price'] }),
      zh: '客户「汕头泰和物流股份有限公司」的均值自 2026-05-23 以来大幅下降：紧密度从 100.0% 降至 33.0%；价格从 50.0% 降至 -16.7%（阈值为下降 50.0个百分点）。',
      en: 'The means of customer "汕头泰和物流股份有限公司" fell sharply since 2026-05-23: Closeness from 100.0% to 33.0%; Price from 50.0% to -16.7% (the threshold is a fall of 50.0 pp).',
    },
    {
      name: 'sharp_drop: a null mean reads as unknown',
      warning: of('sharp_drop', { solution: { before: 0.5, now: null }, since: '2026-05-23', threshold: 0.5 }, { opportunity: null, person: null }),
      zh: '客户「汕头泰和物流股份有限公司」的均值自 2026-05-23 以来大幅下降：认可度从 50.0% 降至 未知（阈值为下降 50.0个百分点）。',
      en: 'The means of customer "汕头泰和物流股份有限公司" fell sharply since 2026-05-23: Solution from 50.0% to unknown (the threshold is a fall of 50.0 pp).',
    },
    {
      name: 'optimistic_forecast: the probability, and the members and departments against us',
      warning: of('optimistic_forecast', { probability: 0.7, opposers: 3, known: 5, negative_departments: 2, known_departments: 3 }, { person: null }),
      zh: '商机「人力资源管理系统项目」的预测赢率为 70.0%，但决策链中紧密度已知的 5 人里有 3 人反对我方，且决策链涉及的 3 个部门中有 2 个紧密度均值为负。',
      en: 'Opportunity "人力资源管理系统项目" is forecast at 70.0% to win, but 3 of 5 chain members with known closeness oppose us, and 2 of 3 departments in the chain have a negative mean closeness.',
    },
    {
      name: 'optimistic_forecast: only the reason that holds, in the singular when one',
      warning: of('optimistic_forecast', { probability: 0.8, opposers: 1, known: 2, negative_departments: 0, known_departments: 1 }, { person: null }),
      zh: '商机「人力资源管理系统项目」的预测赢率为 80.0%，但决策链中紧密度已知的 2 人里有 1 人反对我方。',
      en: 'Opportunity "人力资源管理系统项目" is forecast at 80.0% to win, but 1 of 2 chain members with known closeness opposes us.',
    },
    {
      name: 'attitude_conflict: both attitudes of each degree in conflict, as words',
      warning: of('attitude_conflict', { closeness: { customer: 'support', project: 'strong_oppose' }, solution: { customer: 'oppose', project: 'support' } }, { dimensions: ['closeness', 'solution'] }),
      zh: '关键人李志秀对我方的评价在商机「人力资源管理系统项目」中与客户层面相反：紧密度在客户层面为支持，在商机中为强反对；认可度在客户层面为反对，在商机中为支持。',
      en: 'Key person 李志秀 rates us the opposite way in opportunity "人力资源管理系统项目" and at customer level (Closeness: Support at customer level, Strong oppose in the opportunity; Solution: Oppose at customer level, Support in the opportunity).',
    },
    {
      name: 'veto_opposes: the opposing attitude',
      warning: of('veto_opposes', { closeness: { attitude: 'strong_oppose' } }),
      zh: '李志秀在商机「人力资源管理系统项目」中握有一票否决权，且反对我方（紧密度为强反对）。',
      en: '李志秀 holds a veto in opportunity "人力资源管理系统项目" and opposes us (Closeness: Strong oppose).',
    },
    {
      name: 'focus_coverage: not contacted, and the unknown features by name',
      warning: of('focus_coverage', { contacted: false, days: 90, unknown: ['closeness', 'veto', 'approve', 'acquaintance', 'orientation'] }, { opportunity: null }),
      zh: '重点客户「汕头泰和物流股份有限公司」的关键人李志秀近 90 天未联系，且画像不完整（未知：关系紧密度、一票否决、一票批准、相识、行为取向）。',
      en: 'Key person 李志秀 of focus customer "汕头泰和物流股份有限公司" was not contacted in 90 days and is not fully profiled (unknown: Closeness, Veto, Approval, Acquaintance, Orientation).',
    },
    {
      name: 'focus_coverage: contacted, not fully profiled',
      warning: of('focus_coverage', { contacted: true, days: 90, unknown: ['price'] }, { opportunity: null }),
      zh: '重点客户「汕头泰和物流股份有限公司」的关键人李志秀画像不完整（未知：价格接受度）。',
      en: 'Key person 李志秀 of focus customer "汕头泰和物流股份有限公司" is not fully profiled (unknown: Price acceptance).',
    },
    {
      name: 'focus_coverage: fully profiled, not contacted',
      warning: of('focus_coverage', { contacted: false, days: 90, unknown: [] }, { opportunity: null }),
      zh: '重点客户「汕头泰和物流股份有限公司」的关键人李志秀近 90 天未联系。',
      en: 'Key person 李志秀 of focus customer "汕头泰和物流股份有限公司" was not contacted in 90 days.',
    },
    {
      name: 'vote_not_supporting: the votes held and the closeness',
      warning: of('vote_not_supporting', { veto: true, approve: true, closeness: { attitude: 'neutral' } }, { opportunity: null }),
      zh: '关键人李志秀握有一票否决权和一票批准权，但尚未支持我方（紧密度为中立）。',
      en: 'Key person 李志秀 holds the veto and approval votes but does not support us yet (Closeness: Neutral).',
    },
    {
      name: 'vote_not_supporting: one vote, an unknown closeness',
      warning: of('vote_not_supporting', { veto: false, approve: true, closeness: { attitude: 'unknown' } }, { opportunity: null }),
      zh: '关键人李志秀握有一票批准权，但尚未支持我方（紧密度为未知）。',
      en: 'Key person 李志秀 holds the approval vote but does not support us yet (Closeness: Unknown).',
    },
    {
      name: 'mean_falling: now, and the means it fell from a month and a year ago',
      warning: of('mean_falling', { closeness: { now: 0.4, month_ago: 0.5, year_ago: 0.6 }, solution: { now: 0.1, month_ago: 0.05, year_ago: 0.2 } }, { opportunity: null, person: null, dimensions: ['closeness', 'solution'] }),
      zh: '客户「汕头泰和物流股份有限公司」的均值在下降：紧密度从上月的 50.0%、去年同期的 60.0% 降至 40.0%；认可度从去年同期的 20.0% 降至 10.0%。',
      en: 'The means of customer "汕头泰和物流股份有限公司" are falling: Closeness from 50.0% a month ago and 60.0% a year ago to 40.0%; Solution from 20.0% a year ago to 10.0%.',
    },
    {
      name: 'mean_falling of the perspective',
      warning: of('mean_falling', { price: { now: -0.25, month_ago: 0.125, year_ago: null } }, { customer: null, opportunity: null, person: null, dimensions: ['price'] }),
      zh: '本视角客户的合并均值在下降：价格从上月的 12.5% 降至 -25.0%。',
      en: 'The pooled means of this perspective\'s customers are falling: Price from 12.5% a month ago to -25.0%.',
    },
    {
      name: 'champion_left: the attitude before leaving and the day',
      warning: of('champion_left', { closeness: { attitude: 'strong_support' }, left: '2026-10-01' }),
      zh: '支持者李志秀（紧密度为强支持）已于 2026-10-01 离开进行中商机「人力资源管理系统项目」的决策链。',
      en: 'Supporter 李志秀 (Closeness: Strong support) left the chain of open opportunity "人力资源管理系统项目" on 2026-10-01.',
    },
    {
      name: 'milestone_overdue: how many days late',
      warning: of('milestone_overdue', { days_late: 53 }, { person: null, dimensions: [], milestone: 'evaluation', expected: '2026-10-01' }),
      zh: '商机「人力资源管理系统项目」的关键时点「评标」预计在 2026-10-01，已逾期 53 天仍未记录。',
      en: 'Milestone Evaluation of opportunity "人力资源管理系统项目" was expected on 2026-10-01 and is 53 days late.',
    },
  ];
  for (const { name, warning, zh, en } of cases) {
    it(name, async () => {
      const chinese = await read(warning, 'zh-CN');
      const english = await read(warning, 'en');
      expect(chinese).toBe(zh);
      expect(english).toBe(en);
      expect(`${chinese} ${english}`).not.toMatch(CODE);
      expect(chinese).not.toMatch(/[A-Za-z]/); // no English word, no code in the Chinese sentence
    });
  }

  it('reads as the plain sentence without details, with empty details, or with details it cannot read', async () => {
    const plain = of('sharp_drop', undefined, { opportunity: null, person: null });
    const zh = '客户「汕头泰和物流股份有限公司」的紧密度均值较策略周期之前大幅下降。';
    const en = 'The Closeness mean of customer "汕头泰和物流股份有限公司" fell sharply over the strategy period.';
    for (const warning of [plain, { ...plain, details: {} }, { ...plain, details: { closeness: { before: 'high', now: 0.1 }, since: '2026-05-23', threshold: 0.5 } as unknown as Warning['details'] }]) {
      expect(await read(warning, 'zh-CN')).toBe(zh);
      expect(await read(warning, 'en')).toBe(en);
    }
    const conflict = of('attitude_conflict', { closeness: { customer: 'support', project: 'maybe' as never } });
    expect(await read(conflict, 'en')).toBe('Key person 李志秀 rates Closeness the opposite way in opportunity "人力资源管理系统项目" and at customer level.');
    const stale = of('stale_contact', {});
    expect(await read(stale, 'zh-CN')).toBe('重点商机「人力资源管理系统项目」决策链中的关键人李志秀已 90 天没有任何活动。');
    expect(await read(stale, 'en')).toBe('Key person 李志秀 in the chain of focus opportunity "人力资源管理系统项目" has had no activity in 90 days.');
  });
});

describe('a milestone kind the tenant defined', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    forgetKindNames();
  });

  it('reads by the name its model gives it, in either language, once the model has been read', async () => {
    const asked: string[] = [];
    vi.spyOn(globalThis, 'fetch').mockImplementation((input) => {
      const url = String(input);
      asked.push(url);
      const items = url.includes('customer=cust-1')
        ? [{ id: 'mm-1', customer: 'cust-1', kinds: [{ kind: 'initiation' }, { kind: 'site_survey', name: '现场勘察' }], since: null, until: null }]
        : [{ id: 'mm-0', customer: null, kinds: [{ kind: 'initiation' }], since: null, until: null }];
      return Promise.resolve(new Response(JSON.stringify({ items, total: items.length, limit: 20, offset: 0 }), { status: 200, headers: { 'Content-Type': 'application/json' } }));
    });
    const due = of('milestone_due', {}, { person: null, dimensions: [], milestone: 'site_survey', expected: '2026-12-10' });
    await i18n.changeLanguage('zh-CN');
    render(<WarningText warning={due} names={names} />);
    await waitFor(() => expect(screen.getByTestId('warning-text').textContent).toContain('「现场勘察」'));
    expect(screen.getByTestId('warning-text').textContent).not.toContain('site_survey');
    cleanup();
    expect(await read(due, 'en')).toContain('现场勘察');
    // The default kinds are translated and ask for nothing.
    const before = asked.length;
    expect(await read({ ...due, milestone: 'evaluation' }, 'en')).toContain('Evaluation');
    expect(asked.length).toBe(before);
  });

  it('reads as its code when no model names it', async () => {
    vi.spyOn(globalThis, 'fetch').mockImplementation(() => Promise.resolve(new Response(JSON.stringify({ items: [], total: 0, limit: 20, offset: 0 }), { status: 200, headers: { 'Content-Type': 'application/json' } })));
    const due = of('milestone_due', {}, { person: null, dimensions: [], milestone: 'site_survey', expected: '2026-12-10' });
    await i18n.changeLanguage('zh-CN');
    render(<WarningText warning={due} names={names} />);
    await waitFor(() => expect(readKindNames('cust-1')).toBeDefined());
    expect(screen.getByTestId('warning-text').textContent).toContain('site_survey');
  });
});
