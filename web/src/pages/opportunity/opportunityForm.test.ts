import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { Opportunity } from '../../api/types';
import { changedFields } from '../../lib/changes';
import { opportunityFields, opportunityForm } from './opportunityForm';

const stored: Opportunity = {
  id: 'opp-1', customer: 'cust-1', name: '数据平台', owner: 'u-rep01', amount: 1200000, currency: 'CNY', stage: '方案',
  status: 'open', type: 'new', opened: '2026-11-02', closed: null, win_probability: 0.35, focus: false, since: null, until: null,
};

describe('opportunityForm', () => {
  it('starts a new one open, in CNY, opened today, owned by the customer\'s owner', () => {
    const form = opportunityForm(null, 'u-rep02', '2026-12-07');
    expect(form).toMatchObject({ owner: 'u-rep02', currency: 'CNY', status: 'open', type: 'new', percent: null, focus: false });
    expect(form.opened.format('YYYY-MM-DD')).toBe('2026-12-07');
  });
  it('shows the win probability as a percent', () => {
    expect(opportunityForm(stored, null, '2026-12-07').percent).toBe(35);
    expect(opportunityForm({ ...stored, win_probability: 0.125 }, null, '2026-12-07').percent).toBe(12.5);
  });
});

describe('opportunityFields', () => {
  it('sends the percent as a share, blank texts as null and the currency in capitals', () => {
    const form = { ...opportunityForm(null, 'u-rep02', '2026-12-07'), name: ' 数据平台二期 ', percent: 40, currency: 'usd', stage: '  ' };
    expect(opportunityFields(form, true)).toEqual({
      name: '数据平台二期', owner: 'u-rep02', amount: null, currency: 'USD', stage: null, type: 'new', opened: '2026-12-07',
      win_probability: 0.4, focus: false,
    });
  });
  it('changes only the stage when only the stage was edited', () => {
    const form = { ...opportunityForm(stored, null, '2026-12-07'), stage: '招投标' };
    expect(changedFields(stored, opportunityFields(form, false))).toEqual({ stage: '招投标' });
  });
  it('keeps a closing day only for an opportunity that is no longer open', () => {
    const lost = { ...opportunityForm(stored, null, '2026-12-07'), status: 'lost' as const, closed: dayjs('2026-12-05') };
    expect(changedFields(stored, opportunityFields(lost, false))).toEqual({ status: 'lost', closed: '2026-12-05' });
    expect(opportunityFields({ ...lost, status: 'open' }, false).closed).toBeNull();
  });
});
