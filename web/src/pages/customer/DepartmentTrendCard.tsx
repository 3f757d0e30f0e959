// Each department's degree over 24 months (docs/web.md, "Department trends"): a line per department, one degree
// at a time, gaps for the months a department did not exist.
import { Card, Empty, Segmented } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDepartmentTrend } from '../../api/departmentTrend';
import { DIMENSIONS, type Dimension } from '../../api/types';
import { Chart } from '../../components/Chart';
import { ErrorAlert, SkeletonBlock } from '../../components/PageState';
import { useFormat } from '../../lib/format';
import { usePerspective } from '../../state/perspective';
import { departmentSeries, departmentTrendOption, type TrendWords } from './departmentTrend';

export function DepartmentTrendCard({ customer }: { customer: string }) {
  const { t } = useTranslation('customer');
  const format = useFormat();
  const perspective = usePerspective();
  const trend = useDepartmentTrend(customer, perspective.params);
  const [dimension, setDimension] = useState<Dimension>('closeness');
  const view = useMemo(
    () => (trend.data ? departmentSeries(trend.data, dimension, t('noDepartment')) : null),
    [trend.data, dimension, t],
  );
  const words: TrendWords = useMemo(() => ({
    percent: format.percent,
    mean: (mean) => t('figures.meanSecondary', { ns: 'common', mean: format.mean(mean) }),
    keyPersons: (count) => t('deptTrend.keyPersons', { count }),
    none: t('deptTrend.none'),
  }), [format.lang, t]); // eslint-disable-line react-hooks/exhaustive-deps
  const option = useMemo(() => (view ? departmentTrendOption(view, words) : null), [view, words]);

  return (
    <Card
      size="small"
      title={t('deptTrend.title')}
      data-testid="department-trend"
      extra={
        <Segmented
          size="small"
          value={dimension}
          onChange={(v) => setDimension(v as Dimension)}
          options={DIMENSIONS.map((d) => ({ value: d, label: t(`dimensionShort.${d}`, { ns: 'common' }) }))}
          aria-label={t('trend.dimension')}
          data-testid="department-trend-dimension"
        />
      }
    >
      {trend.error ? <ErrorAlert error={trend.error} onRetry={trend.reload} /> : null}
      {!trend.data && !trend.error ? <SkeletonBlock rows={8} /> : null}
      {view && option ? (
        view.series.length ? (
          <div
            data-testid="department-trend-chart"
            data-dimension={dimension}
            data-series-count={view.series.length}
            data-departments={JSON.stringify(view.series.map((s) => s.department))}
            data-gaps={view.series.reduce((n, s) => n + s.percent.filter((p) => p === null).length, 0)}
          >
            <Chart option={option} height={340} />
          </div>
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('deptTrend.empty')} />
        )
      ) : null}
    </Card>
  );
}
