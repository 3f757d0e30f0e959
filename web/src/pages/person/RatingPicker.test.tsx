import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Rating } from '../../api/types';
import { setTenantToday, todayIso } from '../../lib/format';

const post = vi.fn(async () => ({}));
vi.mock('../../api/client', async (original) => ({
  ...(await original<typeof import('../../api/client')>()),
  api: { post: (...args: unknown[]) => post(...(args as [])) },
}));

const { RatingPicker } = await import('./RatingPicker');

beforeEach(() => post.mockClear());
afterEach(cleanup);

const history: Rating[] = [
  { id: 'r-1', person: 'p-1', dimension: 'closeness', value: 'oppose', toward: 'ours', opportunity: null, date: '2026-01-01', by: null, until: null },
  { id: 'r-2', person: 'p-1', dimension: 'solution', value: 'support', toward: 'ours', opportunity: null, date: '2026-01-01', by: null, until: null },
  { id: 'r-3', person: 'p-1', dimension: 'closeness', value: 'neutral', toward: 'ours', opportunity: 'opp-1', date: '2026-01-01', by: null, until: null },
];

function renderPicker(props: Partial<Parameters<typeof RatingPicker>[0]> = {}) {
  const onSaved = vi.fn();
  render(
    <App>
      <RatingPicker person="p-1" history={history} competitors={[]} onSaved={onSaved} {...props} />
    </App>,
  );
  return onSaved;
}

describe('RatingPicker', () => {
  it('shows the current values as selected and keeps Save disabled until something changes', () => {
    renderPicker();
    expect(screen.getByTestId('rating-closeness-oppose')).toHaveAttribute('aria-checked', 'true');
    expect(screen.getByTestId('rating-solution-support')).toHaveAttribute('aria-checked', 'true');
    expect(screen.getByTestId('rating-price-unknown')).toHaveAttribute('aria-checked', 'true');
    expect(screen.getByTestId('rating-save')).toBeDisabled();
    // Clicking the current value is no change.
    fireEvent.click(screen.getByTestId('rating-closeness-oppose'));
    expect(screen.getByTestId('rating-save')).toBeDisabled();
  });

  it('posts one rating per changed degree in two clicks, then reports the save', async () => {
    const onSaved = renderPicker();
    fireEvent.click(screen.getByTestId('rating-closeness-strong_support'));
    expect(screen.getByTestId('rating-closeness-strong_support')).toHaveAttribute('aria-checked', 'true');
    expect(screen.getByTestId('rating-closeness-oppose')).toHaveAttribute('aria-checked', 'false');
    await act(async () => {
      fireEvent.click(screen.getByTestId('rating-save'));
    });
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(post.mock.calls).toEqual([
      ['/ratings', { person: 'p-1', dimension: 'closeness', value: 'strong_support', date: todayIso() }],
    ]);
  });

  it('rates in a fixed opportunity against that level\'s values', async () => {
    const onSaved = renderPicker({ opportunity: 'opp-1' });
    expect(screen.getByTestId('rating-closeness-neutral')).toHaveAttribute('aria-checked', 'true');
    expect(screen.queryByTestId('rating-opportunity')).toBeNull();
    fireEvent.click(screen.getByTestId('rating-price-oppose'));
    fireEvent.click(screen.getByTestId('rating-solution-strong_oppose'));
    await act(async () => {
      fireEvent.click(screen.getByTestId('rating-save'));
    });
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(post.mock.calls).toEqual([
      ['/ratings', { person: 'p-1', dimension: 'solution', value: 'strong_oppose', date: todayIso(), opportunity: 'opp-1' }],
      ['/ratings', { person: 'p-1', dimension: 'price', value: 'oppose', date: todayIso(), opportunity: 'opp-1' }],
    ]);
  });
});

describe('RatingPicker on the tenant\'s calendar', () => {
  afterEach(() => setTenantToday(null));

  it('dates a rating on the tenant\'s day, not the browser\'s', async () => {
    setTenantToday('2031-02-03');
    const onSaved = renderPicker();
    fireEvent.click(screen.getByTestId('rating-price-support'));
    await act(async () => {
      fireEvent.click(screen.getByTestId('rating-save'));
    });
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(post.mock.calls).toEqual([['/ratings', { person: 'p-1', dimension: 'price', value: 'support', date: '2031-02-03' }]]);
  });
});
