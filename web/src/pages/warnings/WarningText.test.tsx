// A warning reads as a sentence in the reader's language only, built from its kind and details: the server's
// English message is never shown, in either language.
import { cleanup, render, screen } from '@testing-library/react';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
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
