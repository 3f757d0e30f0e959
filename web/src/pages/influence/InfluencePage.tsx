// The influence line (影响力主线, SPEC.md §6.4) for the perspective's scope: the overall figures, the
// influence list, and the KPIs per scope and per employee.
import { Card, Col, Row, Statistic, Tabs, Tooltip, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/hooks';
import type { InfluenceLine } from '../../api/types';
import { Delta } from '../../components/Delta';
import { ErrorAlert, PageState } from '../../components/PageState';
import { formatShare, todayIso } from '../../lib/format';
import { usePerspective } from '../../state/perspective';
import { useMe } from '../../state/session';
import { InfluenceList } from './InfluenceList';
import { EmployeeKpiTable, ScopeKpiTable } from './KpiTables';
import { activeOn, employeeEntries, influenceRows } from './model';
import { forgetLookups, useLookups } from './useLookups';

function Figure({ title, hint, value, mom, yoy, inverse, testId }: {
  title: string; hint?: string; value: string | number; mom?: number | null; yoy?: number | null; inverse?: boolean; testId: string;
}) {
  return (
    <Card size="small" data-testid={testId} style={{ height: '100%' }}>
      <Statistic title={hint ? <Tooltip title={hint}>{title}</Tooltip> : title} value={value} />
      {mom !== undefined && (
        <span style={{ display: 'inline-flex', gap: 12 }}>
          <Delta value={mom} whole inverse={inverse} label="mom" />
          <Delta value={yoy} whole inverse={inverse} label="yoy" />
        </span>
      )}
    </Card>
  );
}

export default function InfluencePage() {
  const { t } = useTranslation('influence');
  const me = useMe();
  const perspective = usePerspective();
  const line = useApi<InfluenceLine>('/lines/influence', perspective.scoped);
  const names = useLookups(me.user.id, line.data?.list);
  const [tab, setTab] = useState('list');
  useEffect(() => forgetLookups, []);

  const rows = useMemo(
    () =>
      // Until the names are read, show nothing rather than ids; if they cannot be read, the list's own fields.
      line.data && (names.lookups || names.error !== undefined)
        ? influenceRows(line.data.list, names.lookups ?? { people: new Map(), customers: new Map(), departments: new Map(), users: new Map() })
        : [],
    [line.data, names.lookups, names.error],
  );
  const day = perspective.asOf ?? todayIso();
  const employees = useMemo(
    () => employeeEntries(me.user, perspective.teams, perspective.users, names.oursPeople.filter((p) => activeOn(p, day))),
    [me.user, perspective.teams, perspective.users, names.oursPeople, day],
  );

  const data = line.data;
  return (
    <div data-testid="influence-page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>{t('title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('subtitle')}</Typography.Paragraph>
      <PageState loading={line.loading && !data} error={line.error} onRetry={line.reload}>
        {data && (
          <>
            <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
              <Col xs={12} md={8} xl={4}>
                <Figure testId="influence-acquainted" title={t('trend.acquainted')} value={data.trend.acquainted} mom={data.trend.mom.acquainted} yoy={data.trend.yoy.acquainted} />
              </Col>
              <Col xs={12} md={8} xl={5}>
                <Figure testId="influence-uninsighted" title={t('trend.uninsighted')} value={data.trend.uninsighted} mom={data.trend.mom.uninsighted} yoy={data.trend.yoy.uninsighted} inverse />
              </Col>
              <Col xs={12} md={8} xl={5}>
                <Figure testId="influence-value-potential" title={t('trend.valuePotential')} hint={t('trend.valuePotentialHint')} value={formatShare(data.kpi.value_potential)} />
              </Col>
              <Col xs={12} md={12} xl={5}>
                <Figure testId="influence-contribution-count" title={t('trend.contributionCount')} hint={t('trend.contributionHint')} value={formatShare(data.kpi.contribution_count)} />
              </Col>
              <Col xs={24} md={12} xl={5}>
                <Figure testId="influence-contribution-amount" title={t('trend.contributionAmount')} hint={t('trend.contributionHint')} value={formatShare(data.kpi.contribution_amount)} />
              </Col>
            </Row>
            {names.error !== undefined && <ErrorAlert error={names.error} />}
            <Tabs
              activeKey={tab}
              onChange={setTab}
              items={[
                { key: 'list', label: t('tabs.list'), children: <InfluenceList rows={rows} loadingNames={!names.lookups && names.error === undefined} /> },
                {
                  key: 'kpi',
                  label: <span data-testid="influence-tab-kpi">{t('tabs.kpi')}</span>,
                  children: <ScopeKpiTable user={me.user} teams={perspective.teams} users={perspective.users} scope={perspective.scope} params={perspective.params} />,
                },
                {
                  key: 'employees',
                  label: <span data-testid="influence-tab-employees">{t('tabs.employees')}</span>,
                  children: names.lookups ? <EmployeeKpiTable entries={employees} params={perspective.params} /> : <PageState loading />,
                },
              ]}
            />
          </>
        )}
      </PageState>
    </div>
  );
}
