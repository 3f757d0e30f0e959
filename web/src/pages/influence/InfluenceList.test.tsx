import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { InfluenceList } from './InfluenceList';
import { influenceRows } from './model';

beforeAll(() => {
  // AntD's responsive helpers ask for matchMedia, which jsdom lacks.
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    value: (query: string) => ({
      matches: false, media: query, onchange: null, addListener: () => undefined, removeListener: () => undefined,
      addEventListener: () => undefined, removeEventListener: () => undefined, dispatchEvent: () => false,
    }),
  });
});
afterEach(cleanup);

const rows = influenceRows(
  [
    { person: 'p-1', company: 'cust-1', department: 'd-1', title: '校长', closeness: 'support', owner: 'u-1', influencers: ['p-e1'] },
    { person: 'p-9', company: 'cust-9', department: 'd-9', title: '主任', closeness: 'oppose', owner: 'u-2', influencers: ['p-e1'] },
  ],
  {
    people: new Map([['p-1', '张伟'], ['p-e1', '李娜']]),
    customers: new Map([['cust-1', '宏达新能源']]),
    departments: new Map([['d-1', '校办']]),
    users: new Map([['u-1', '赵敏'], ['u-2', '钱坤']]),
  },
);

function show() {
  render(
    <MemoryRouter>
      <InfluenceList rows={rows} loadingNames={false} />
    </MemoryRouter>,
  );
  return screen.getByTestId('influence-list');
}

describe('InfluenceList', () => {
  it('links a readable person and customer, and shows only the list\'s fields of a masked one', () => {
    const table = show();
    expect(within(table).getByRole('link', { name: '张伟' })).toHaveAttribute('href', '/people/p-1');
    expect(within(table).getByRole('link', { name: '宏达新能源' })).toHaveAttribute('href', '/customers/cust-1');
    const masked = within(table).getByText('p-9').closest('tr')!;
    expect(within(masked as HTMLElement).queryAllByRole('link')).toHaveLength(0);
    expect(masked.textContent).toContain('cust-9');
    expect(masked.textContent).toContain('主任');
    expect(masked.textContent).toContain('钱坤');
    expect(masked.textContent).toContain('李娜');
  });

  it('filters as the user types', () => {
    const table = show();
    fireEvent.change(screen.getByTestId('influence-search'), { target: { value: '宏达' } });
    expect(within(table).queryByText('p-9')).toBeNull();
    expect(within(table).getByText('张伟')).toBeInTheDocument();
    expect(screen.getByText('共 1 位相识关键人')).toBeInTheDocument();
  });
});
