// The dashboard of the chosen perspective: the customer line (cards, tiers, trends), the influence line
// (cards, attitude buckets, KPIs), a team's or the company's reps compared, and the warnings in brief. Every
// figure follows the perspective. Each part asks for its summary alone (no list of customers, persons or
// warnings), shows placeholders until its figures arrive, and keeps the previous figures, dimmed, while the
// next perspective loads.
import { Card, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCustomerLine, useCustomerTrend, useInfluenceLine, useWarnings } from '../../api/lines';
import { Dimmed, ErrorAlert } from '../../components/PageState';
import { usePerspective } from '../../state/perspective';
import { CustomerLineSection } from './CustomerLineSection';
import { InfluenceSection } from './InfluenceSection';
import { RepComparison } from './RepComparison';
import { comparedScope } from './reps';
import { TOP_WARNINGS, WarningsSummary } from './WarningsSummary';

export default function DashboardPage() {
  const { t } = useTranslation('dashboard');
  const perspective = usePerspective();
  const customerLine = useCustomerLine(perspective.scoped);
  const customerTrend = useCustomerTrend(perspective.scoped);
  const influenceLine = useInfluenceLine(perspective.scoped);
  const warnings = useWarnings({ ...perspective.scoped, limit: TOP_WARNINGS, state: 'open' });
  // A team's or the company's reps side by side; a rep's own view has none.
  const compared = comparedScope(perspective.scope);
  const competitor = perspective.toward !== 'ours' ? perspective.competitors.find((c) => c.id === perspective.toward) : undefined;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="dashboard">
      <Space align="baseline" wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('title')}</Typography.Title>
        {customerLine.data ? <Typography.Text type="secondary">{t('asOf', { date: customerLine.data.as_of })}</Typography.Text> : null}
        {competitor ? <Tag color="purple">{t('towardCompetitor', { name: competitor.name })}</Tag> : null}
      </Space>
      <Card title={t('customerLine')} size="small" styles={{ body: { background: '#fafafa' } }}>
        {customerLine.error ? <ErrorAlert error={customerLine.error} onRetry={customerLine.reload} /> : null}
        <Dimmed loading={customerLine.loading && !!customerLine.data} testId="customer-line">
          <CustomerLineSection line={customerLine.data} trend={customerTrend.data} trendLoading={customerTrend.loading} />
        </Dimmed>
      </Card>
      <Card title={t('influenceLine')} size="small" styles={{ body: { background: '#fafafa' } }}>
        {influenceLine.error ? <ErrorAlert error={influenceLine.error} onRetry={influenceLine.reload} /> : null}
        <Dimmed loading={influenceLine.loading && !!influenceLine.data} testId="influence-line">
          <InfluenceSection line={influenceLine.data} />
        </Dimmed>
      </Card>
      {compared ? <RepComparison scope={compared} /> : null}
      {warnings.error ? <ErrorAlert error={warnings.error} onRetry={warnings.reload} /> : null}
      <Dimmed loading={warnings.loading && !!warnings.data}>
        <WarningsSummary warnings={warnings.data} />
      </Dimmed>
    </Space>
  );
}
