// The influence line (影响力主线, SPEC.md §6.4) for the perspective's scope: the overall figures, the
// influence list (a page at a time, searched, filtered and sorted by the server; kept in the address), and
// the KPIs per scope and per employee.
import { Card, Col, Row, Statistic, Tabs, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useInfluenceLine } from '../../api/lines';
import { Delta } from '../../components/Delta';
import { Dimmed, ErrorAlert, PageState } from '../../components/PageState';
import { todayIso, useFormat } from '../../lib/format';
import { useQueryChange } from '../../lib/useQueryChange';
import { usePerspective } from '../../state/perspective';
import { useMe } from '../../state/session';
import { InfluenceList } from './InfluenceList';
import { EmployeeKpiTable, ScopeKpiTable } from './KpiTables';
import { activeOn, employeeEntries, influenceRows, listFromQuery, listParams, listToQuery, type ListQuery } from './model';
import { useOurPeople } from './useOurPeople';

const TABS = ['list', 'kpi', 'employees'];

/** A figure of the line; a placeholder until it arrives. */
function Figure({ title, hint, value, mom, yoy, inverse, testId, loading }: {
  title: string; hint?: string; value: number | string | undefined; mom?: number | null; yoy?: number | null; inverse?: boolean; testId: string;
  loading: boolean;
}) {
  const format = useFormat();
  const count = typeof value === 'number' ? value : undefined;
  return (
    <Card size="small" data-testid={testId} style={{ height: '100%' }} data-skeleton={loading ? 'true' : undefined}>
      <Statistic title={hint ? <Tooltip title={hint}>{title}</Tooltip> : title} value={count === undefined ? value : format.count(count)} loading={loading} />
      {!loading && mom !== undefined && (
        <span style={{ display: 'inline-flex', gap: 12 }}>
          <Delta value={mom} unit="count" current={count} better={inverse ? 'down' : 'up'} label="mom" />
          <Delta value={yoy} unit="count" current={count} better={inverse ? 'down' : 'up'} label="yoy" />
        </span>
      )}
    </Card>
  );
}

export default function InfluencePage() {
  const { t } = useTranslation('influence');
  const format = useFormat();
  const me = useMe();
  const perspective = usePerspective();
  const [query, change] = useQueryChange();
  const list = listFromQuery(query);
  const line = useInfluenceLine({ ...perspective.scoped, ...listParams(list) });
  const tab = TABS.includes(query.get('tab') ?? '') ? query.get('tab')! : 'list';
  const ours = useOurPeople(tab === 'employees');
  const setList = (part: Partial<ListQuery>) => change((current) => listToQuery({ ...listFromQuery(current), ...part }, current));
  const setTab = (next: string) =>
    change((q) => {
      if (next === 'list') q.delete('tab');
      else q.set('tab', next);
      return q;
    });

  const data = line.data;
  const rows = useMemo(() => (data ? influenceRows(data.items) : undefined), [data]);
  const day = perspective.asOf ?? todayIso();
  const employees = useMemo(
    () => employeeEntries(me.user, perspective.teams, perspective.users, (ours.data ?? []).filter((p) => activeOn(p, day))),
    [me.user, perspective.teams, perspective.users, ours.data, day],
  );
  const loading = !data;
  return (
    <div data-testid="influence-page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>{t('title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('subtitle')}</Typography.Paragraph>
      {line.error ? <ErrorAlert error={line.error} onRetry={line.reload} /> : null}
      <Dimmed loading={line.loading && !!data}>
        <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
          <Col xs={12} md={8} xl={4}>
            <Figure testId="influence-acquainted" loading={loading} title={t('trend.acquainted')} value={data?.trend.acquainted} mom={data?.trend.mom.acquainted} yoy={data?.trend.yoy.acquainted} />
          </Col>
          <Col xs={12} md={8} xl={5}>
            <Figure testId="influence-uninsighted" loading={loading} title={t('trend.uninsighted')} value={data?.trend.uninsighted} mom={data?.trend.mom.uninsighted} yoy={data?.trend.yoy.uninsighted} inverse />
          </Col>
          <Col xs={12} md={8} xl={5}>
            <Figure testId="influence-value-potential" loading={loading} title={t('trend.valuePotential')} hint={t('trend.valuePotentialHint')} value={format.share(data?.kpi.value_potential)} />
          </Col>
          <Col xs={12} md={12} xl={5}>
            <Figure testId="influence-contribution-count" loading={loading} title={t('trend.contributionCount')} hint={t('trend.contributionHint')} value={format.share(data?.kpi.contribution_count)} />
          </Col>
          <Col xs={24} md={12} xl={5}>
            <Figure testId="influence-contribution-amount" loading={loading} title={t('trend.contributionAmount')} hint={t('trend.contributionHint')} value={format.share(data?.kpi.contribution_amount)} />
          </Col>
        </Row>
      </Dimmed>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'list',
            label: t('tabs.list'),
            children: <InfluenceList rows={rows} total={data?.total} loading={line.loading} query={list} onChange={setList} />,
          },
          {
            key: 'kpi',
            label: <span data-testid="influence-tab-kpi">{t('tabs.kpi')}</span>,
            children: <ScopeKpiTable user={me.user} teams={perspective.teams} users={perspective.users} scope={perspective.scope} params={perspective.params} />,
          },
          {
            key: 'employees',
            label: <span data-testid="influence-tab-employees">{t('tabs.employees')}</span>,
            children: ours.error ? <ErrorAlert error={ours.error} onRetry={ours.reload} />
              : ours.data ? <EmployeeKpiTable entries={employees} params={perspective.params} /> : <PageState loading />,
          },
        ]}
      />
    </div>
  );
}
