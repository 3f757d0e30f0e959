// The dashboard of the chosen perspective: the customer line (cards, tiers, trends), the influence line
// (cards, attitude buckets, KPIs) and the warnings in brief. Every figure follows the perspective.
import { Card, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/hooks';
import type { CustomerLine, InfluenceLine, LineTrendPoint, Warning } from '../../api/types';
import { PageState } from '../../components/PageState';
import { usePerspective } from '../../state/perspective';
import { useCustomers } from '../customers/names';
import { CustomerLineSection } from './CustomerLineSection';
import { InfluenceSection } from './InfluenceSection';
import { WarningsSummary } from './WarningsSummary';

export default function DashboardPage() {
  const { t } = useTranslation('dashboard');
  const perspective = usePerspective();
  const customerLine = useApi<CustomerLine>('/lines/customer', perspective.scoped);
  const customerTrend = useApi<LineTrendPoint[]>('/lines/customer/trend', perspective.scoped);
  const influenceLine = useApi<InfluenceLine>('/lines/influence', perspective.scoped);
  const warnings = useApi<Warning[]>('/warnings', perspective.scoped);
  const customers = useCustomers();
  const competitor = perspective.toward !== 'ours' ? perspective.competitors.find((c) => c.id === perspective.toward) : undefined;
  // Keep showing the previous figures while the next perspective loads (no flashing spinner).
  const first = (loaded: { loading: boolean; data: unknown }) => loaded.loading && !loaded.data;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="dashboard">
      <Space align="baseline" wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('title')}</Typography.Title>
        {customerLine.data ? <Typography.Text type="secondary">{t('asOf', { date: customerLine.data.as_of })}</Typography.Text> : null}
        {competitor ? <Tag color="purple">{t('towardCompetitor', { name: competitor.name })}</Tag> : null}
      </Space>
      <Card title={t('customerLine')} size="small" styles={{ body: { background: '#fafafa' } }}>
        <PageState loading={first(customerLine)} error={customerLine.error} onRetry={customerLine.reload}>
          {customerLine.data ? (
            <div style={{ opacity: customerLine.loading ? 0.6 : 1 }} data-loading={customerLine.loading ? 'true' : 'false'} data-testid="customer-line">
              <CustomerLineSection line={customerLine.data} trend={customerTrend.data} names={customers.names} />
            </div>
          ) : null}
        </PageState>
      </Card>
      <Card title={t('influenceLine')} size="small" styles={{ body: { background: '#fafafa' } }}>
        <PageState loading={first(influenceLine)} error={influenceLine.error} onRetry={influenceLine.reload}>
          {influenceLine.data ? (
            <div style={{ opacity: influenceLine.loading ? 0.6 : 1 }}>
              <InfluenceSection line={influenceLine.data} />
            </div>
          ) : null}
        </PageState>
      </Card>
      <PageState loading={first(warnings)} error={warnings.error} onRetry={warnings.reload}>
        {warnings.data ? <WarningsSummary warnings={warnings.data} customers={customers.names} /> : null}
      </PageState>
    </Space>
  );
}
