import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InfluenceList } from './InfluenceList';
import { influenceRows, type ListQuery } from './model';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const rows = influenceRows([
  {
    person: 'p-1', company: 'cust-1', department: 'd-1', title: '校长', closeness: 'support', owner: 'u-1', influencers: ['p-e1'],
    person_name: '张伟', company_name: '宏达新能源', department_name: '校办', owner_name: '赵敏', influencer_names: ['李娜'],
  },
  {
    person: 'p-9', company: 'cust-9', department: 'd-9', title: '主任', closeness: 'oppose', owner: 'u-2', influencers: ['p-e1'],
    person_name: null, company_name: null, department_name: null, owner_name: '钱坤', influencer_names: ['李娜'],
  },
]);
const first: ListQuery = { text: '', closeness: [], sort: null, page: 1, size: 20 };

function show(props: Partial<Parameters<typeof InfluenceList>[0]> = {}) {
  const onChange = vi.fn();
  render(
    <MemoryRouter>
      <InfluenceList rows={rows} total={2} loading={false} query={first} onChange={onChange} {...props} />
    </MemoryRouter>,
  );
  return onChange;
}

describe('InfluenceList', () => {
  it('links a readable person and customer, and shows only the list\'s fields of a masked one', () => {
    show();
    const table = screen.getByTestId('influence-list');
    expect(within(table).getByRole('link', { name: '张伟' })).toHaveAttribute('href', '/people/p-1');
    expect(within(table).getByRole('link', { name: '宏达新能源' })).toHaveAttribute('href', '/customers/cust-1');
    const masked = within(table).getByText('p-9').closest('tr')!;
    expect(within(masked as HTMLElement).queryAllByRole('link')).toHaveLength(0);
    expect(masked.textContent).toContain('cust-9');
    expect(masked.textContent).toContain('主任');
    expect(masked.textContent).toContain('钱坤');
    expect(masked.textContent).toContain('李娜');
    expect(screen.getByText('共 2 位相识关键人')).toBeInTheDocument();
  });

  it('asks for the search once the user pauses typing, from the first page', () => {
    vi.useFakeTimers();
    const onChange = show({ query: { ...first, page: 3 } });
    fireEvent.change(screen.getByTestId('influence-search'), { target: { value: '宏' } });
    fireEvent.change(screen.getByTestId('influence-search'), { target: { value: '宏达' } });
    act(() => vi.advanceTimersByTime(200));
    expect(onChange).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(150));
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenCalledWith({ text: '宏达', page: 1 });
  });

  it('shows placeholders, not "0 persons", until the first page arrives', () => {
    show({ rows: undefined, total: undefined, loading: true });
    expect(screen.getByTestId('influence-list-skeleton')).toBeInTheDocument();
    expect(screen.queryByText(/共 0/)).toBeNull();
    expect(screen.queryByTestId('influence-list')).toBeNull();
  });
});
