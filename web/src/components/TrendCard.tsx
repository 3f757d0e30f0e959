// A figure with its month-over-month and year-over-year change.
import { Card, Space, Statistic } from 'antd';
import type { ReactNode } from 'react';
import { Delta } from './Delta';

/** While `loading`, the card shows its title and a placeholder for the figure (never a 0 or a dash). */
export function TrendCard({
  title, value, mom, yoy, whole, inverse, extra, testId, loading,
}: {
  title: ReactNode; value: ReactNode; mom: number | null | undefined; yoy: number | null | undefined;
  whole?: boolean; inverse?: boolean; extra?: ReactNode; testId?: string; loading?: boolean;
}) {
  return (
    <Card size="small" data-testid={testId} data-skeleton={loading ? 'true' : undefined}>
      <Statistic title={title} loading={loading} valueRender={() => <span>{value}</span>} />
      {loading ? null : (
        <Space size="middle" wrap>
          <Delta value={mom} whole={whole} inverse={inverse} label="mom" />
          <Delta value={yoy} whole={whole} inverse={inverse} label="yoy" />
        </Space>
      )}
      {extra}
    </Card>
  );
}
