// The influence line of the perspective: trend cards, each degree split into supporters, neutral, opposers
// and unknown among acquainted key persons, and the two KPIs (value potential, contribution). Placeholders
// stand for every figure until the summary arrives.
import { Card, Col, Row, Space, Statistic, Table, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InfluenceBucketSummary, InfluenceLineSummary } from '../../api/lines';
import { DIMENSIONS, type Dimension } from '../../api/types';
import { SkeletonBlock } from '../../components/PageState';
import { Delta } from '../../components/Delta';
import { TrendCard } from '../../components/TrendCard';
import { formatMean, formatShare } from '../../lib/format';

const BUCKETS = ['supporters', 'neutral', 'opposers', 'unknown'] as const;

function BucketCell({ bucket }: { bucket: InfluenceBucketSummary | undefined }) {
  return (
    <Space direction="vertical" size={0}>
      <strong>{bucket?.count ?? 0}</strong>
      <span style={{ fontSize: 12 }}>
        <Delta value={bucket?.mom} whole label="mom" /> <Delta value={bucket?.yoy} whole label="yoy" />
      </span>
    </Space>
  );
}

export function InfluenceSection({ line }: { line: InfluenceLineSummary | undefined }) {
  const { t } = useTranslation('dashboard');
  const col = { flex: '1 1 200px' };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Row gutter={[12, 12]}>
        <Col {...col}>
          <TrendCard testId="card-acquainted" title={t('acquainted')} value={line?.trend.acquainted} mom={line?.trend.mom?.acquainted} yoy={line?.trend.yoy?.acquainted} whole loading={!line} />
        </Col>
        <Col {...col}>
          <TrendCard testId="card-uninsighted" title={t('uninsighted')} value={line?.trend.uninsighted} mom={line?.trend.mom?.uninsighted} yoy={line?.trend.yoy?.uninsighted} whole inverse loading={!line} />
        </Col>
        {DIMENSIONS.map((d) => (
          <Col key={d} {...col}>
            <TrendCard
              testId={`card-influence-${d}`}
              title={`${t(`dimensionShort.${d}`, { ns: 'common' })} · ${t('common.mean', { ns: 'common' })}`}
              value={formatMean(line?.trend[d])}
              mom={line?.trend.mom?.[d]}
              yoy={line?.trend.yoy?.[d]}
              loading={!line}
            />
          </Col>
        ))}
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={16}>
          <Card size="small" title={t('analysis')}>
            {!line ? <SkeletonBlock rows={4} testId="influence-analysis-skeleton" /> : (
            <Table<{ dimension: Dimension }>
              size="small"
              rowKey="dimension"
              pagination={false}
              data-testid="influence-analysis"
              dataSource={DIMENSIONS.map((dimension) => ({ dimension }))}
              columns={[
                { key: 'degree', title: t('degree'), render: (_, r) => t(`dimension.${r.dimension}`, { ns: 'common' }) },
                ...BUCKETS.map((bucket) => ({
                  key: bucket,
                  title: t(bucket),
                  render: (_: unknown, r: { dimension: Dimension }) => <BucketCell bucket={line.analysis?.[r.dimension]?.[bucket]} />,
                })),
              ]}
            />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={t('kpis')} style={{ height: '100%' }}>
            <Space direction="vertical" size="middle">
              {!line ? <SkeletonBlock rows={3} /> : (
              <>
              <Tooltip title={t('valuePotentialTip')}>
                <div><Statistic title={t('valuePotential')} value={formatShare(line.kpi?.value_potential)} data-testid="kpi-value-potential" /></div>
              </Tooltip>
              <Tooltip title={t('contributionTip')}>
                <div>
                  <Space size="large">
                    <Statistic title={t('contributionCount')} value={formatShare(line.kpi?.contribution_count)} />
                    <Statistic title={t('contributionAmount')} value={formatShare(line.kpi?.contribution_amount)} />
                  </Space>
                </div>
              </Tooltip>
              </>
              )}
            </Space>
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
