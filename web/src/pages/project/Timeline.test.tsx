import { render, screen } from '@testing-library/react';
import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { Timeline } from './Timeline';

describe('Timeline', () => {
  beforeAll(() => i18n.changeLanguage('zh-CN'));
  it('draws reached milestones filled and solid, expected ones hollow and dashed, the overdue one flagged', () => {
    render(
      <Timeline
        asOf="2026-06-15"
        kindName={(k) => ({ a: '立项', b: '预算审批', c: '招标公告', d: '投标' })[k] ?? k}
        milestones={[
          { kind: 'a', date: '2026-01-01', expected: null },
          { kind: 'b', date: null, expected: '2026-06-01' },
          { kind: 'c', date: null, expected: '2026-08-01' },
          { kind: 'd', date: null, expected: null },
        ]}
      />,
    );
    const state = (kind: string) => screen.getByTestId(`timeline-${kind}`).getAttribute('data-state');
    expect(['a', 'b', 'c', 'd'].map(state)).toEqual(['reached', 'overdue', 'expected', 'unknown']);
    const dot = (kind: string) => screen.getByTestId(`timeline-${kind}`).querySelector('circle')!;
    expect(dot('a').getAttribute('fill')).not.toBe('#fff');
    expect(dot('a').getAttribute('stroke-dasharray')).toBeNull();
    expect(dot('c').getAttribute('fill')).toBe('#fff');
    expect(dot('c').getAttribute('stroke-dasharray')).toBe('3 2');
    expect(screen.getByText('逾期 14 天')).toBeInTheDocument();
    expect(screen.getByText('预计 2026-08-01')).toBeInTheDocument();
    expect(screen.getByText('2026-01-01')).toBeInTheDocument();
    expect(screen.getByText('无日期')).toBeInTheDocument();
  });
});
