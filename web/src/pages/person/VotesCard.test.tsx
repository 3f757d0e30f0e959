import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { YesNo } from '../../api/types';
import i18n from '../../i18n';
import { setTenantToday } from '../../lib/format';

const post = vi.fn(async () => ({}));
vi.mock('../../api/client', async (original) => ({
  ...(await original<typeof import('../../api/client')>()),
  api: { post: (...args: unknown[]) => post(...(args as [])) },
}));

const { VotesCard } = await import('./VotesCard');

beforeAll(async () => {
  await i18n.changeLanguage('en');
});

beforeEach(() => post.mockClear());
afterEach(() => {
  cleanup();
  setTenantToday(null);
});

function renderCard(veto: YesNo, approve: YesNo) {
  const onSaved = vi.fn();
  render(
    <App>
      <VotesCard person="p-1" veto={veto} approve={approve} votes={[]} canWrite onSaved={onSaved} />
    </App>,
  );
  return onSaved;
}

function checked(): string | null {
  const form = screen.getByTestId('vote-form');
  const radio = within(form).getAllByRole('radio').find((input) => (input as HTMLInputElement).checked);
  return radio ? (radio as HTMLInputElement).value : null;
}

describe('VotesCard', () => {
  it('pre-selects the current value of the chosen vote, not "yes"', async () => {
    renderCard('no', 'unknown');
    expect(checked()).toBe('no');
    // Choosing the approval shows its current value.
    fireEvent.mouseDown(within(screen.getByTestId('vote-form')).getByRole('combobox'));
    fireEvent.click(await screen.findByTitle('Approval'));
    await waitFor(() => expect(checked()).toBe('unknown'));
  });

  it('records the vote on the tenant\'s day, not the browser\'s', async () => {
    setTenantToday('2031-02-03');
    const onSaved = renderCard('yes', 'no');
    expect(checked()).toBe('yes');
    fireEvent.click(within(screen.getByTestId('vote-form')).getByDisplayValue('no'));
    await act(async () => {
      fireEvent.click(screen.getByTestId('vote-save'));
    });
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(post.mock.calls).toEqual([['/votes', { person: 'p-1', kind: 'veto', value: 'no', date: '2031-02-03' }]]);
  });
});
