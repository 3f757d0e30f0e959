// A figure with its month-over-month and year-over-year change.
import { Card, Space, Statistic } from 'antd';
import type { ReactNode } from 'react';
import type { ExplainTarget } from '../lib/explain';
import type { Better } from '../lib/format';
import { Delta, type DeltaUnit } from './Delta';
import { Explainable } from './Explainable';

/** While `loading`, the card shows its title and a placeholder for the figure (never a 0 or a dash). `unit` is
 * the changes' unit ('pp' under a percent, 'count' under a count, with `current` for the relative change). With
 * `explain` (a degree), the figure opens the persons behind it and each change its attribution. */
export function TrendCard({
  title, value, mom, yoy, unit, current, better, extra, testId, loading, explain,
}: {
  title: ReactNode; value: ReactNode; mom: number | null | undefined; yoy: number | null | undefined;
  unit: DeltaUnit; current?: number | null; better?: Better; extra?: ReactNode; testId?: string; loading?: boolean;
  explain?: ExplainTarget;
}) {
  return (
    <Card size="small" data-testid={testId} data-skeleton={loading ? 'true' : undefined} style={{ height: '100%' }}>
      <Statistic
        title={title}
        loading={loading}
        valueRender={() => (explain ? <Explainable target={explain} testId="explain-figure">{value}</Explainable> : <span>{value}</span>)}
      />
      {loading ? null : (
        <Space size="middle" wrap>
          <Delta value={mom} unit={unit} current={current} better={better} label="mom" explain={explain} />
          <Delta value={yoy} unit={unit} current={current} better={better} label="yoy" explain={explain} />
        </Space>
      )}
      {extra}
    </Card>
  );
}
