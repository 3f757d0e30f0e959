// The chain's trend: lines of the three percents and bars of supporters and opposers of one degree per month.
import { Card, Empty, Segmented, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dimension, LineTrendPoint } from '../../api/types';
import { DIMENSIONS } from '../../api/types';
import { Chart, type ChartOption } from '../../components/Chart';
import { PageState } from '../../components/PageState';
import { fromOpened, trendSeries } from './chain';

const LINE_COLORS: Record<Dimension, string> = { closeness: '#1d4ed8', solution: '#7c3aed', price: '#d97706' };

export function ChainTrend({ points, opened, loading, error, onRetry }: {
  points: LineTrendPoint[] | undefined; opened: string; loading: boolean; error: unknown; onRetry(): void;
}) {
  const { t } = useTranslation('opportunity');
  const [dimension, setDimension] = useState<Dimension>('closeness');
  const shown = useMemo(() => fromOpened(points ?? [], opened), [points, opened]);
  const option = useMemo<ChartOption>(() => {
    const s = trendSeries(shown, dimension);
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 40, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: s.months },
      yAxis: [
        { type: 'value', name: '%', min: -200, max: 200, interval: 100 },
        { type: 'value', name: t('common.count', { ns: 'common' }), minInterval: 1, splitLine: { show: false } },
      ],
      series: [
        ...DIMENSIONS.map((d) => ({
          name: t('trendPercent', { dimension: t(`dimensionShort.${d}`, { ns: 'common' }) }),
          type: 'line' as const, data: s.percents[d], connectNulls: false, color: LINE_COLORS[d], symbolSize: 4,
        })),
        { name: t('supportersSeries'), type: 'bar' as const, yAxisIndex: 1, data: s.supporters, color: '#95de64', barMaxWidth: 14 },
        { name: t('opposersSeries'), type: 'bar' as const, yAxisIndex: 1, data: s.opposers, color: '#ff7875', barMaxWidth: 14 },
      ],
    };
  }, [shown, dimension, t]);

  return (
    <Card
      size="small"
      title={t('trend')}
      style={{ marginBottom: 16 }}
      data-testid="chain-trend"
      extra={
        <Space size={4} wrap>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('barsOf')}</Typography.Text>
          <Segmented
            size="small"
            value={dimension}
            onChange={(v) => setDimension(v as Dimension)}
            options={DIMENSIONS.map((d) => ({ value: d, label: t(`dimensionShort.${d}`, { ns: 'common' }) }))}
          />
        </Space>
      }
    >
      <PageState loading={loading && !points} error={error} onRetry={onRetry}>
        {shown.length ? <Chart option={option} height={300} testId="chain-trend-chart" /> : <Empty description={t('trendEmpty')} />}
      </PageState>
    </Card>
  );
}
