// A figure with its month-over-month and year-over-year change.
import { Card, Space, Statistic } from 'antd';
import type { ReactNode } from 'react';
import { Delta } from './Delta';

export function TrendCard({
  title, value, mom, yoy, whole, inverse, extra, testId,
}: {
  title: ReactNode; value: ReactNode; mom: number | null | undefined; yoy: number | null | undefined;
  whole?: boolean; inverse?: boolean; extra?: ReactNode; testId?: string;
}) {
  return (
    <Card size="small" data-testid={testId}>
      <Statistic title={title} valueRender={() => <span>{value}</span>} />
      <Space size="middle" wrap>
        <Delta value={mom} whole={whole} inverse={inverse} label="mom" />
        <Delta value={yoy} whole={whole} inverse={inverse} label="yoy" />
      </Space>
      {extra}
    </Card>
  );
}
