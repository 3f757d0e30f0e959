// What the user sees of a figure: the percent first with the mean smaller, the change in its unit and in the
// colour of what it means, and the small-sample mark with its tooltip, in both languages.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { Delta } from './Delta';
import { DegreeFigure } from './Figure';
import { NAV } from './Layout';

afterEach(cleanup);
afterAll(() => i18n.changeLanguage('zh-CN'));

const stats = (known: number, mean: number | null, percent: number | null) => ({ known, mean, percent });

describe('a degree', () => {
  it('shows the percent first and the mean second, in English', async () => {
    await i18n.changeLanguage('en');
    render(<DegreeFigure stats={stats(20, -0.0909, -9.1)} testId="figure" />);
    expect(screen.getByTestId('figure')).toHaveTextContent('-9.1%');
    expect(screen.getByTestId('figure-mean')).toHaveTextContent('mean -0.09');
    expect(screen.queryByTestId('small-sample')).toBeNull();
  });
  it('and in Chinese', async () => {
    await i18n.changeLanguage('zh-CN');
    render(<DegreeFigure stats={stats(20, 1.2, 120)} testId="figure" />);
    expect(screen.getByTestId('figure')).toHaveTextContent('120.0%');
    expect(screen.getByTestId('figure-mean')).toHaveTextContent('均值 1.20');
  });
  it('marks a degree on two known values, with a tooltip in the reader\'s language', async () => {
    await i18n.changeLanguage('en');
    render(<DegreeFigure stats={stats(2, 1.5, 150)} />);
    const mark = screen.getByTestId('small-sample');
    expect(mark).toHaveTextContent('n=2');
    fireEvent.mouseEnter(mark);
    await waitFor(() => expect(screen.getByRole('tooltip')).toHaveTextContent('Only 2 known values (fewer than 3)'));
    cleanup();
    await i18n.changeLanguage('zh-CN');
    render(<DegreeFigure stats={stats(1, -2, -200)} />);
    fireEvent.mouseEnter(screen.getByTestId('small-sample'));
    await waitFor(() => expect(screen.getByRole('tooltip')).toHaveTextContent('只有 1 个已知值'));
  });
});

describe('a change', () => {
  it('under a percent is in percentage points, green when the mean rises', async () => {
    await i18n.changeLanguage('en');
    render(<Delta value={0.104} unit="pp" label="mom" />);
    const delta = screen.getByTestId('delta');
    expect(delta).toHaveTextContent('MoM +10.4 pp');
    expect(delta).toHaveAttribute('data-tone', 'good');
    expect(delta).toHaveStyle({ color: '#389e0d' });
  });
  it('under a percent in Chinese, red when the mean falls', async () => {
    await i18n.changeLanguage('zh-CN');
    render(<Delta value={-0.104} unit="pp" label="yoy" />);
    const delta = screen.getByTestId('delta');
    expect(delta).toHaveTextContent('同比 −10.4个百分点');
    expect(delta).toHaveStyle({ color: '#cf1322' });
  });
  it('of opposers: more is red, fewer is green, with the relative change said to be relative', async () => {
    await i18n.changeLanguage('en');
    render(<Delta value={14} unit="count" current={101} better="down" />);
    expect(screen.getByTestId('delta')).toHaveTextContent('+14 (+16.1% rel.)');
    expect(screen.getByTestId('delta')).toHaveAttribute('data-tone', 'bad');
    cleanup();
    await i18n.changeLanguage('zh-CN');
    render(<Delta value={-16} unit="count" current={77} better="down" />);
    expect(screen.getByTestId('delta')).toHaveTextContent('−16（相对 −17.2%）');
    expect(screen.getByTestId('delta')).toHaveAttribute('data-tone', 'good');
    // It breaks, if it must, only before the relative change.
    const parts = [...screen.getByTestId('delta').children].map((c) => [c.textContent, (c as HTMLElement).style.whiteSpace]);
    expect(parts).toEqual([[' −16', 'nowrap'], ['（相对 −17.2%）', 'nowrap']]);
  });
  it('of neutral persons has no colour', async () => {
    render(<Delta value={-3} unit="count" current={88} better="neither" />);
    expect(screen.getByTestId('delta')).toHaveAttribute('data-tone', 'flat');
  });
});

describe('navigation', () => {
  it('gives every entry its own icon', () => {
    const icons = NAV.map((item) => (item.icon as { type: { displayName?: string; render?: { displayName?: string } } }).type);
    expect(new Set(icons).size).toBe(NAV.length);
  });
});
