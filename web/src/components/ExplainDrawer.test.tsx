// What the user sees of an explanation: a figure is a button (keyboard too) that opens the persons behind it in
// words, and a change that opens its parts, which add up to it as shown.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Explanation } from '../api/explain';
import type { Stats } from '../api/types';
import i18n from '../i18n';

const STATS: Stats = {
  n: 3, known: 2, unknown: 1, strong_support: 0, support: 1, neutral: 0, oppose: 0, strong_oppose: 1, supporters: 1,
  opposers: 1, mean: -0.5, percent: -50, tier: 'fair',
};

const ANSWER: Explanation = {
  figure: 'chain', id: 'opp-1', dimension: 'closeness', as_of: '2026-12-07', toward: 'ours', stats: STATS, total: 3, offset: 0, limit: 50,
  persons: [
    { person: 'p-1', name: '罗立', member: 'cm-1', value: 'strong_oppose', fact: { id: 'r-1', date: '2026-11-15', level: 'project', by: null }, inherited: false },
    { person: 'p-2', name: '潘颖', member: 'cm-2', value: 'support', fact: { id: 'r-2', date: '2026-10-18', level: 'customer', by: null }, inherited: true },
    { person: 'p-3', name: '范杰琳', member: 'cm-3', value: 'unknown', fact: null, inherited: false },
  ],
  compare: null,
};

const ATTRIBUTION: Explanation = {
  ...ANSWER,
  compare: {
    kind: 'mom', as_of: '2026-11-07', before: { ...STATS, mean: -0.6764705882352941, percent: -67.6 }, delta: 0.1764705882352941, parts_total: 2,
    parts: [
      { person: 'p-2', name: '潘颖', before: 'oppose', now: 'support', contribution: 0.11764705882352941 },
      { person: 'p-1', name: '罗立', before: null, now: 'strong_oppose', contribution: 0.058823529411764705 },
    ],
  },
};

const get = vi.fn(async (path: string, params?: Record<string, unknown>) => {
  if (path === '/explain') return params?.compare ? ATTRIBUTION : ANSWER;
  return { items: [], total: 0, limit: 0, offset: 0 };
});
vi.mock('../api/client', async (original) => ({
  ...(await original<typeof import('../api/client')>()),
  api: { get: (...args: unknown[]) => get(...(args as [string])) },
}));

const { ExplainProvider } = await import('./ExplainDrawer');
const { Explainable } = await import('./Explainable');
const { Delta } = await import('./Delta');

beforeAll(async () => {
  await i18n.changeLanguage('en');
  // AntD measures the scroll bar with a pseudo-element, which jsdom does not implement.
  const computed = window.getComputedStyle.bind(window);
  window.getComputedStyle = (element: Element) => computed(element);
});
afterEach(() => {
  cleanup();
  get.mockClear();
});

function renderInApp(children: React.ReactNode) {
  return render(
    <App>
      <MemoryRouter>
        <ExplainProvider>{children}</ExplainProvider>
      </MemoryRouter>
    </App>,
  );
}

describe('the explanation drawer', () => {
  it('opens from the keyboard and lists the persons with their values in words', async () => {
    renderInApp(
      <Explainable target={{ figure: 'chain', id: 'opp-1', dimension: 'closeness', name: 'Cloud migration' }} testId="figure">
        <span>-50.0%</span>
      </Explainable>,
    );
    const button = screen.getByRole('button', { name: '-50.0%' });
    fireEvent.keyDown(button, { key: 'Enter' });
    const table = await screen.findByTestId('explain-persons');
    expect(get).toHaveBeenCalledWith('/explain', { figure: 'chain', id: 'opp-1', dimension: 'closeness', limit: 50, offset: 0 });
    expect(screen.getByTestId('explain-title')).toHaveTextContent('Closeness · Decision chain "Cloud migration"');
    expect(screen.getByTestId('explain-percent')).toHaveTextContent('-50.0%');
    expect(screen.getByTestId('explain-counts')).toHaveTextContent('3 persons: 2 known, 1 unknown');
    const rows = within(table).getAllByRole('row').slice(1).map((row) => row.textContent);
    expect(rows).toEqual([
      '罗立Strong opposeProject2026-11-15—',
      '潘颖Support ↑From customer level2026-10-18—',
      '范杰琳Unknown—Never recorded—',
    ]);
    expect(within(table).getByRole('link', { name: '罗立' })).toHaveAttribute('href', '/people/p-1');
  });

  it('opens a change on its parts, which add up to it as shown', async () => {
    renderInApp(<Delta value={0.1764705882352941} unit="pp" label="mom" explain={{ figure: 'chain', id: 'opp-1', dimension: 'closeness' }} />);
    fireEvent.click(screen.getByTestId('explain-mom'));
    const panel = await screen.findByTestId('explain-attribution');
    expect(get).toHaveBeenCalledWith('/explain', { figure: 'chain', id: 'opp-1', dimension: 'closeness', compare: 'mom', limit: 200, offset: 0 });
    await waitFor(() => expect(within(panel).getAllByTestId('explain-contribution').map((c) => c.textContent)).toEqual(['+11.7 pp', '+5.9 pp']));
    expect(within(panel).getByTestId('explain-delta')).toHaveTextContent('+17.6 pp');
    expect(within(panel).getByTestId('explain-parts-sum')).toHaveTextContent('+17.6 pp');
    expect(within(panel).getByTestId('explain-sum-line')).toHaveTextContent('Sum of the contributions +17.6 pp = change +17.6 pp');
    expect(within(panel).getAllByTestId('explain-part-kind').map((k) => k.textContent)).toEqual(['Value changed', 'Entered']);
    expect(within(panel).getByTestId('explain-entered')).toHaveTextContent('Entered: 罗立');
    expect(panel).toHaveTextContent('percentage points');
  });

  it('leaves a figure as it is outside the app (no provider)', () => {
    render(<Explainable target={{ figure: 'customer', id: 'c-1', dimension: 'price' }}><span>10.0%</span></Explainable>);
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getByText('10.0%')).toBeInTheDocument();
  });
});
