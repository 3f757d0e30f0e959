import { describe, expect, it } from 'vitest';
import type { User } from '../../api/types';
import { handoverBody, ready, successors } from './handoverModel';

const user = (id: string, role: User['role'], extra: Partial<User> = {}): User => ({
  id, login: id.replace('u-', ''), person: `e-${id}`, role, team: null, active: true, language: 'zh-CN', since: null, until: null, ...extra,
});

describe('handover', () => {
  it('sends all customers by leaving them out, the chosen ones otherwise, and a day only for a leaver', () => {
    expect(handoverBody({ to: 'u-b', all: true, customers: ['c1'], leaves: false, date: '2026-12-01' }, true))
      .toEqual({ to: 'u-b', preview: true });
    expect(handoverBody({ to: 'u-b', all: false, customers: ['c1', 'c2'], leaves: true, date: '2026-12-31' }, false))
      .toEqual({ to: 'u-b', preview: false, customers: ['c1', 'c2'], leaves: true, date: '2026-12-31' });
  });

  it('offers active reps and managers other than the one handing over', () => {
    const users = [
      user('u-b', 'rep'), user('u-a', 'manager'), user('u-from', 'rep'), user('u-ceo', 'executive'),
      user('u-off', 'rep', { active: false }), user('u-gone', 'rep', { until: '2026-11-01' }), user('u-later', 'rep', { since: '2027-01-01' }),
    ];
    expect(successors(users, 'u-from', '2026-12-06').map((u) => u.id)).toEqual(['u-a', 'u-b']);
  });

  it('is ready with a successor and customers, or all of them, or a leaver', () => {
    expect(ready({ all: true, customers: [], leaves: false })).toBe(false);
    expect(ready({ to: 'u-b', all: false, customers: [], leaves: false })).toBe(false);
    expect(ready({ to: 'u-b', all: false, customers: ['c1'], leaves: false })).toBe(true);
    expect(ready({ to: 'u-b', all: true, customers: [], leaves: false })).toBe(true);
  });
});
