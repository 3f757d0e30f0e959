// /customers/:id — one customer: header and figures (with its history, edit, retire and reinstate), the
// relationship map (Cytoscape: org chart, influence, decision roles, centres and gaps on one canvas), key persons, departments (added, changed, retired), the 24-month
// trend, the strategy with its override, the opportunities (and a new one), and the project history (PBM) with
// the customer's milestone model. A customer the user may not see shows only the error.
import { EnvironmentOutlined, PlusOutlined, StarFilled, StarOutlined, SwapOutlined, UndoOutlined } from '@ant-design/icons';
import { App, Button, Space, Tabs, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import { api, prefetch } from '../../api/client';
import { useApi, useLoad, useNames } from '../../api/hooks';
import { useRecord } from '../../api/records';
import type { CustomerMetrics, LineTrendPoint, Opportunity, Organization, ReportingLine } from '../../api/types';
import { ErrorAlert, PageState } from '../../components/PageState';
import { StrategyTag } from '../../components/Tags';
import { errorText } from '../../lib/errors';
import { usePerspective } from '../../state/perspective';
import { addPerson, centresPath, graphPath, metricsPath, setFocus, trendPath, type CustomerGraph, type NewPerson } from './api';
import { moveProblem, planMove, runMove, undoMove, type DoneMove, type MoveApi } from './move';
import { RelationshipMap } from './map/RelationshipMap';
import { warmIcons } from './map/glyphs';
import { AddPersonModal, MoveModal } from './PersonForms';
import { CustomerActions, RetiredBanner } from './CustomerActions';
import { DepartmentsSection } from './DepartmentsSection';
import { KeyPersonsTable, MetricsSummary, OpportunitiesTable, TrendSection } from './Sections';
import { CentresCard } from './CentresCard';
import { DepartmentTrendCard } from './DepartmentTrendCard';
import { StrategyPanel, strategyTemplatesPath } from './StrategyPanel';
import { HistoryTab } from '../project/HistoryTab';

const TABS = ['overview', 'map', 'keyPersons', 'trend', 'history'] as const;
type TabKey = (typeof TABS)[number];
/** Addresses of the two tabs the map replaced keep working. */
const OLD_TABS: Record<string, TabKey> = { orgchart: 'map', influence: 'map' };

const moveApi: MoveApi = {
  retire: (line) => api.del<ReportingLine>(`/reporting-lines/${encodeURIComponent(line)}`),
  create: (body) => api.post<ReportingLine>('/reporting-lines', body),
};

export default function CustomerPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('customer');
  const perspective = usePerspective();
  const { message, modal } = App.useApp();
  const [search, setSearch] = useSearchParams();
  const asked = search.get('tab') ?? '';
  const tab: TabKey = (TABS as readonly string[]).includes(asked) ? (asked as TabKey) : OLD_TABS[asked] ?? 'overview';

  // All at once, not one after the other: a missing or hidden customer shows the graph's or metrics' error.
  const graph = useApi<CustomerGraph>(graphPath(id), perspective.params);
  // The strategy panel's templates start as soon as the metrics name the strategy, not after the page has drawn.
  const metrics = useLoad<CustomerMetrics>(`${metricsPath(id)}?${JSON.stringify(perspective.params)}`, async () => {
    const answer = await api.get<CustomerMetrics>(metricsPath(id), perspective.params);
    prefetch(strategyTemplatesPath(answer.strategy));
    return answer;
  });
  const trend = useApi<LineTrendPoint[]>(trendPath(id), perspective.params);
  const opportunities = useApi<{ items: Opportunity[] }>('/opportunities', { customer: id, limit: 1000 });
  // The record itself: what the header edits, and whether (since when) it is retired.
  const record = useRecord<Organization>('organizations', id);
  // The map ranks the influence centres: ask for them with the graph rather than after it has drawn, and draw
  // the cards' icons while the answers are on their way.
  useEffect(() => {
    if (tab !== 'map') return undefined;
    prefetch(centresPath(id), perspective.params);
    const timer = setTimeout(warmIcons, 0);
    return () => clearTimeout(timer);
  }, [tab, id, perspective.params]);

  const [addOpen, setAddOpen] = useState(false);
  const [moveFor, setMoveFor] = useState<string | null | undefined>(undefined);
  const [lastMove, setLastMove] = useState<DoneMove | null>(null);
  const [busy, setBusy] = useState(false);

  const customer = graph.data?.customer;
  const owner = perspective.users.find((u) => u.id === customer?.owner);
  const ownerNames = useNames('people', [owner?.person]);
  // The server's access policy says whether this user may change the customer's records.
  const canWrite = !!graph.data?.may_write;
  const names = useMemo(() => new Map((graph.data?.people ?? []).map((p) => [p.id, p.name])), [graph.data]);
  const nameOf = useCallback((pid: string | null | undefined) => (pid ? names.get(pid) ?? pid : t('person.noManager')), [names, t]);

  const reloadAll = useCallback(() => {
    graph.reload();
    metrics.reload();
    trend.reload();
  }, [graph, metrics, trend]);
  const recordChanged = () => {
    record.reload();
    reloadAll();
  };

  const error = graph.error ?? metrics.error;
  if (error) return <ErrorAlert error={error} onRetry={() => { graph.reload(); metrics.reload(); }} />;
  if (!graph.data || !metrics.data || !customer) return <PageState loading />;
  const data = graph.data;
  const figures = metrics.data;

  const toggleFocus = async () => {
    try {
      await setFocus(customer.id, !customer.focus);
      message.success(t('focusSaved'));
      graph.reload();
      metrics.reload();
    } catch (failure) {
      message.error(errorText(failure));
    }
  };

  const undo = async (done: DoneMove) => {
    setBusy(true);
    try {
      await undoMove(done, moveApi);
      setLastMove(null);
      message.success(t('orgchart.undone'));
      reloadAll();
    } catch (failure) {
      message.error(errorText(failure));
    } finally {
      setBusy(false);
    }
  };

  const move = async (person: string, manager: string | null) => {
    const problem = moveProblem(person, manager, data.reporting);
    if (problem) {
      message.warning(t(`orgchart.problem.${problem}`));
      return;
    }
    setBusy(true);
    try {
      const done = await runMove(planMove(person, manager, data.reporting), moveApi);
      setLastMove(done);
      setMoveFor(undefined);
      const text = manager ? t('orgchart.moved', { person: nameOf(person), manager: nameOf(manager) }) : t('orgchart.movedRoot', { person: nameOf(person) });
      message.open({
        type: 'success',
        key: 'customer-move',
        duration: 10,
        content: (
          <span data-testid="move-done">
            {text}{' '}
            <Button size="small" type="link" onClick={() => { message.destroy('customer-move'); void undo(done); }} data-testid="move-undo-toast">
              {t('common.undo', { ns: 'common' })}
            </Button>
          </span>
        ),
      });
      reloadAll();
    } catch (failure) {
      message.error(errorText(failure));
      reloadAll();
      throw failure;
    } finally {
      setBusy(false);
    }
  };

  const confirmDrop = (person: string, manager: string) => {
    const problem = moveProblem(person, manager, data.reporting);
    if (problem) {
      message.warning(t(`orgchart.problem.${problem}`));
      return;
    }
    const old = data.reporting.find((l) => l.person === person)?.manager;
    modal.confirm({
      title: t('orgchart.confirmTitle'),
      content: t('orgchart.confirmMove', { person: nameOf(person), manager: nameOf(manager), old: nameOf(old) }),
      okText: t('common.confirm', { ns: 'common' }),
      cancelText: t('common.cancel', { ns: 'common' }),
      onOk: () => move(person, manager).catch(() => undefined),
    });
  };

  const add = async (form: NewPerson) => {
    try {
      const { person } = await addPerson(customer.id, form);
      message.success(t('person.added', { name: person.name }));
      setAddOpen(false);
      reloadAll();
    } catch (failure) {
      message.error(errorText(failure));
      reloadAll();
      throw failure;
    }
  };

  const override = figures.strategy_override;
  const chartTools = canWrite ? (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setAddOpen(true)} data-testid="orgchart-add">{t('orgchart.addPerson')}</Button>
      <Button icon={<SwapOutlined />} onClick={() => setMoveFor(null)} data-testid="orgchart-move" disabled={!data.people.length}>{t('orgchart.movePerson')}</Button>
      {lastMove ? (
        <Button icon={<UndoOutlined />} onClick={() => void undo(lastMove)} loading={busy} data-testid="orgchart-undo">{t('orgchart.undoMove')}</Button>
      ) : null}
    </>
  ) : null;

  return (
    <div data-testid="customer-page">
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <div data-testid="customer-header">
          <Space align="center" wrap size="middle">
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="customer-name">{customer.name}</Typography.Title>
            <Tooltip title={customer.focus ? t('focusOff') : t('focusOn')}>
              <Button
                type="text"
                shape="circle"
                aria-label={customer.focus ? t('focusOff') : t('focusOn')}
                aria-pressed={customer.focus}
                data-testid="focus-toggle"
                data-focus={customer.focus ? 'true' : 'false'}
                disabled={!canWrite}
                onClick={() => void toggleFocus()}
                icon={customer.focus ? <StarFilled style={{ color: '#faad14', fontSize: 20 }} /> : <StarOutlined style={{ fontSize: 20 }} />}
              />
            </Tooltip>
            <StrategyTag strategy={figures.strategy} overridden={!!override} />
            {override ? <StrategyTag strategy={override.strategy} /> : null}
          </Space>
          <Space wrap size="small" style={{ marginTop: 4 }}>
            <Tag>{t('industry')}: {customer.industry ?? '—'}</Tag>
            <Tag icon={<EnvironmentOutlined />}>{t('region')}: {customer.region ?? '—'}</Tag>
            <Tag data-testid="customer-owner">
              {t('owner')}: {customer.owner ? (owner ? (ownerNames[owner.person] === owner.person ? owner.login : ownerNames[owner.person] ?? t('figures.loadingName', { ns: 'common' })) : customer.owner) : t('noOwner')}
            </Tag>
            <Typography.Text type="secondary">{t('asOf', { date: figures.as_of })}</Typography.Text>
            {record.data ? <CustomerActions customer={record.data} canWrite={canWrite} onChanged={recordChanged} /> : null}
          </Space>
        </div>
        {record.data ? <RetiredBanner customer={record.data} canWrite={canWrite} onChanged={recordChanged} /> : null}
        <MetricsSummary metrics={figures} name={customer.name} />
        <CentresCard centres={figures.centres} people={names} customer={{ id: customer.id, name: customer.name }} />
        <Tabs
          activeKey={tab}
          onChange={(key) => setSearch((s) => { const next = new URLSearchParams(s); next.set('tab', key); return next; }, { replace: true })}
          items={[
            {
              key: 'overview',
              label: t('tabs.overview'),
              children: (
                <Space direction="vertical" size={12} style={{ width: '100%' }}>
                  <StrategyPanel customer={customer.id} metrics={figures} canWrite={canWrite} onChanged={() => metrics.reload()} />
                  <DepartmentsSection metrics={figures} graph={data} canWrite={canWrite} onChanged={reloadAll} />
                  <OpportunitiesTable
                    customer={customer}
                    canWrite={canWrite}
                    items={opportunities.data?.items}
                    loading={opportunities.loading}
                    error={opportunities.error}
                    onRetry={opportunities.reload}
                  />
                </Space>
              ),
            },
            {
              key: 'map',
              label: t('tabs.map'),
              children: (
                <RelationshipMap
                  graph={data}
                  metrics={figures}
                  opportunities={opportunities.data?.items}
                  canWrite={canWrite && !busy}
                  onDrop={confirmDrop}
                  onMoveRequest={(pid) => setMoveFor(pid)}
                  tools={chartTools}
                />
              ),
            },
            {
              key: 'keyPersons',
              label: `${t('tabs.keyPersons')} (${data.people.filter((p) => p.key).length})`,
              children: <KeyPersonsTable graph={data} />,
            },
            {
              key: 'trend',
              label: t('tabs.trend'),
              children: (
                <Space direction="vertical" size={12} style={{ width: '100%' }}>
                  <TrendSection points={trend.data} loading={trend.loading} error={trend.error} onRetry={trend.reload} />
                  <DepartmentTrendCard customer={customer.id} />
                </Space>
              ),
            },
            { key: 'history', label: t('tabs.history'), children: <HistoryTab customer={customer.id} asOf={perspective.asOf} canWrite={canWrite} /> },
          ]}
        />
      </Space>
      {canWrite ? (
        <>
          <AddPersonModal open={addOpen} graph={data} onCancel={() => setAddOpen(false)} onSubmit={add} />
          <MoveModal open={moveFor !== undefined} graph={data} person={moveFor ?? null} onCancel={() => setMoveFor(undefined)} onSubmit={move} />
        </>
      ) : null}
    </div>
  );
}
