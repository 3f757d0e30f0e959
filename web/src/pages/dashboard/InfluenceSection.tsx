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
import { DegreeFigure } from '../../components/Figure';
import { percentOfMean, useFormat, type Better } from '../../lib/format';

const BUCKETS = ['supporters', 'neutral', 'opposers', 'unknown'] as const;
/** More supporters is good news; more opposers or more unknown is bad; neutral has no colour. */
const BUCKET_BETTER: Record<(typeof BUCKETS)[number], Better> = { supporters: 'up', neutral: 'neither', opposers: 'down', unknown: 'down' };

function BucketCell({ bucket, better }: { bucket: InfluenceBucketSummary | undefined; better: Better }) {
  const format = useFormat();
  return (
    <Space direction="vertical" size={0}>
      <strong>{format.count(bucket?.count ?? 0)}</strong>
      <span style={{ fontSize: 12 }}><Delta value={bucket?.mom} unit="count" current={bucket?.count} better={better} label="mom" /></span>
      <span style={{ fontSize: 12 }}><Delta value={bucket?.yoy} unit="count" current={bucket?.count} better={better} label="yoy" /></span>
    </Space>
  );
}

/** The known values behind a degree of the influence line: its supporters, neutral and opposers. */
function knownOf(line: InfluenceLineSummary | undefined, d: Dimension): number | undefined {
  const a = line?.analysis?.[d];
  return a ? a.supporters.count + a.neutral.count + a.opposers.count : undefined;
}

export function InfluenceSection({ line }: { line: InfluenceLineSummary | undefined }) {
  const { t } = useTranslation('dashboard');
  const format = useFormat();
  const col = { flex: '1 1 180px' };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Row gutter={[12, 12]}>
        <Col {...col}>
          <TrendCard testId="card-acquainted" title={t('acquainted')} value={format.count(line?.trend.acquainted)} mom={line?.trend.mom?.acquainted} yoy={line?.trend.yoy?.acquainted} unit="count" current={line?.trend.acquainted} loading={!line} />
        </Col>
        <Col {...col}>
          <TrendCard testId="card-uninsighted" title={t('uninsighted')} value={format.count(line?.trend.uninsighted)} mom={line?.trend.mom?.uninsighted} yoy={line?.trend.yoy?.uninsighted} unit="count" current={line?.trend.uninsighted} better="down" loading={!line} />
        </Col>
        {DIMENSIONS.map((d) => (
          <Col key={d} {...col}>
            <TrendCard
              testId={`card-influence-${d}`}
              title={t(`dimension.${d}`, { ns: 'common' })}
              value={<DegreeFigure mean={line?.trend[d]} percent={percentOfMean(line?.trend[d])} known={knownOf(line, d)} testId={`influence-percent-${d}`} />}
              mom={line?.trend.mom?.[d]}
              yoy={line?.trend.yoy?.[d]}
              unit="pp"
              loading={!line}
            />
          </Col>
        ))}
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} xxl={16}>
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
                  render: (_: unknown, r: { dimension: Dimension }) => <BucketCell bucket={line.analysis?.[r.dimension]?.[bucket]} better={BUCKET_BETTER[bucket]} />,
                })),
              ]}
            />
            )}
          </Card>
        </Col>
        <Col xs={24} xxl={8}>
          <Card size="small" title={t('kpis')} style={{ height: '100%' }}>
            <Space direction="vertical" size="middle">
              {!line ? <SkeletonBlock rows={3} /> : (
              <>
              <Tooltip title={t('valuePotentialTip')}>
                <div><Statistic title={t('valuePotential')} value={format.share(line.kpi?.value_potential)} data-testid="kpi-value-potential" /></div>
              </Tooltip>
              <Tooltip title={t('contributionTip')}>
                <div>
                  <Space size="large">
                    <Statistic title={t('contributionCount')} value={format.share(line.kpi?.contribution_count)} />
                    <Statistic title={t('contributionAmount')} value={format.share(line.kpi?.contribution_amount)} />
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
