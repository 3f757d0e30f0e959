// The warnings of the perspective's customers: open ones by default (new and acknowledged), grouped by
// customer with their counts (or as one list), filtered by state, severity, kind and customer (the filters,
// view and page live in the URL), the counts from the server's summary, each row with the names it carries,
// its message in the user's language, its state, and what can be decided about it: acknowledge, snooze,
// dismiss, reopen, or make it a task.
import { App, Button, Card, Segmented, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useApi, useNames } from '../../api/hooks';
import type { Page } from '../../api/client';
import { useWarningGroups, useWarnings, type WarningGroupRow, type WarningRow, type WarningsSummary } from '../../api/lines';
import type { Params } from '../../api/client';
import type { Organization } from '../../api/types';
import { Dimmed, ErrorAlert, SkeletonBlock } from '../../components/PageState';
import { useDebouncedInput } from '../../lib/useDebouncedInput';
import { useQueryChange } from '../../lib/useQueryChange';
import { usePerspective } from '../../state/perspective';
import { useMe } from '../../state/session';
import { taskFromWarning } from '../tasks/model';
import { TaskDialog } from '../tasks/TaskDialog';
import type { Task } from '../../api/types';
import { PAGE_SIZE, PAGE_SIZES, rowNames, SEVERITIES, STATE_FILTERS, WARNING_KINDS, warningsFromQuery, warningsParams } from './model';
import { useWarningDecisions, WarningRowActions, WarningStateTag } from './WarningDecisions';
import { KindTag, SeverityTag } from './tags';
import { useWarningTitle, WarningText } from './WarningText';

/** The customer filter: the customers with most warnings at first, any customer by name as you type. */
function CustomerSelect({ value, top, onChange }: {
  value: string; top: { customer: string; name: string; count: number }[]; onChange(value: string | undefined): void;
}) {
  const { t } = useTranslation('warnings');
  const [search, setSearch] = useState('');
  const [text, setText] = useDebouncedInput(search, setSearch);
  const found = useApi<Page<Organization>>(search ? '/organizations' : null, { kind: 'customer', search, limit: 20 });
  const chosen = useNames('organizations', [value]);
  const options = useMemo(() => {
    const list = search
      ? (found.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))
      : top.map((c) => ({ value: c.customer, label: `${c.name} (${c.count})` }));
    if (value && !list.some((o) => o.value === value)) list.unshift({ value, label: chosen[value] ?? value });
    return list;
  }, [search, found.data, top, value, chosen]);
  return (
    <Select
      aria-label={t('customer')}
      data-testid="warnings-customer"
      allowClear
      showSearch
      filterOption={false}
      searchValue={text}
      onSearch={setText}
      loading={found.loading}
      placeholder={t('allCustomers')}
      value={value || undefined}
      onChange={(next?: string) => {
        setText('');
        onChange(next);
      }}
      style={{ width: 260 }}
      options={options}
    />
  );
}

/** One page of warnings, with their states and actions; `page` is the address's in the list view, its own
 * in a customer's expanded row. */
function WarningTable({ params, page, size, onPage, showCustomer, reloadKey, onReload, onTask, competitors }: {
  params: Params;
  page: number;
  size: number;
  onPage(page: number, size: number): void;
  showCustomer: boolean;
  reloadKey: number;
  onReload(): void;
  onTask(w: WarningRow): void;
  competitors: Record<string, string>;
}) {
  const { t } = useTranslation('warnings');
  const warnings = useWarnings({ ...params, limit: size, offset: (page - 1) * size });
  const warningTitle = useWarningTitle();
  const titleOf = (w: WarningRow) => warningTitle(w, rowNames(w, competitors));
  const actions = useWarningDecisions(onReload, titleOf);
  const { reload } = warnings;
  useEffect(() => {
    if (reloadKey) reload();
  }, [reloadKey, reload]);
  const data = warnings.data;

  const columns: ColumnsType<WarningRow> = [
    {
      key: 'severity', title: `${t('severity')} / ${t('kind')}`, width: 130,
      render: (_, w) => (
        <Space direction="vertical" size={4}>
          <SeverityTag severity={w.severity} />
          <KindTag kind={w.kind} />
        </Space>
      ),
    },
    {
      key: 'subject', title: showCustomer ? `${t('customer')} / ${t('opportunity')} / ${t('person')}` : `${t('opportunity')} / ${t('person')}`,
      width: 180,
      render: (_, w) => (
        <Space direction="vertical" size={0}>
          {showCustomer ? (
            w.customer ? (
              <Link to={`/customers/${w.customer}`}>{w.names[w.customer] ?? w.customer}</Link>
            ) : (
              <Typography.Text type="secondary">{t('scopeWide')}</Typography.Text>
            )
          ) : null}
          {w.opportunity ? (
            <Link to={`/opportunities/${w.opportunity}`} style={{ fontSize: 12 }}>
              {t('opportunity')}: {w.names[w.opportunity] ?? w.opportunity}
            </Link>
          ) : null}
          {w.person ? (
            <Link to={`/people/${w.person}`} style={{ fontSize: 12 }}>
              {t('person')}: {w.names[w.person] ?? w.person}
            </Link>
          ) : null}
        </Space>
      ),
    },
    {
      key: 'message', title: t('message'),
      render: (_, w) => (
        <Space direction="vertical" size={2}>
          <WarningText warning={w} names={rowNames(w, competitors)} />
          {(w.dimensions ?? []).length ? (
            <Space size={[0, 4]} wrap>
              {(w.dimensions ?? []).map((d) => <Tag key={d}>{t(`dimensionShort.${d}`, { ns: 'common' })}</Tag>)}
            </Space>
          ) : null}
        </Space>
      ),
    },
    { key: 'state', title: t('stateColumn'), width: 120, render: (_, w) => <WarningStateTag warning={w} /> },
    {
      key: 'actions', title: t('common.actions', { ns: 'common' }), width: 150,
      render: (_, w) => <WarningRowActions warning={w} actions={actions} onTask={onTask} />,
    },
  ];

  if (warnings.error) return <ErrorAlert error={warnings.error} onRetry={warnings.reload} />;
  if (!data) return <SkeletonBlock rows={Math.min(size, 6)} testId="warnings-skeleton" />;
  return (
    <Dimmed loading={warnings.loading} testId="warnings-table">
      <Table<WarningRow>
        size="small"
        rowKey={(w) => `${w.kind}|${w.customer}|${w.opportunity}|${w.person}|${w.message}`}
        columns={columns}
        dataSource={data.items}
        locale={{ emptyText: data.summary.total ? t('noMatch') : t('none') }}
        tableLayout="fixed"
        pagination={data.total > size || page > 1 ? {
          current: page,
          pageSize: size,
          total: data.total,
          showSizeChanger: true,
          pageSizeOptions: [...PAGE_SIZES],
          onChange: onPage,
          showTotal: (total) => t('count', { count: total }),
        } : false}
      />
      {actions.dialogs}
    </Dimmed>
  );
}

/** A customer's warnings in its expanded row, paged on their own. */
function CustomerWarnings(props: Omit<Parameters<typeof WarningTable>[0], 'page' | 'size' | 'onPage' | 'showCustomer'>) {
  const [[page, size], setPage] = useState<[number, number]>([1, PAGE_SIZE]);
  return <WarningTable {...props} page={page} size={size} onPage={(p, s) => setPage([s !== size ? 1 : p, s])} showCustomer={false} />;
}

export default function WarningsPage() {
  const { t } = useTranslation('warnings');
  const perspective = usePerspective();
  const [query, change] = useQueryChange();
  const { filter, page, size } = warningsFromQuery(query);
  const grouped = filter.view === 'customer' && !filter.customer;
  const base = useMemo(() => {
    const params: Params = { ...perspective.scoped, ...warningsParams(filter, 1, size) };
    delete params.limit;
    delete params.offset;
    return params;
    // The filter's fields stand for it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [perspective.scoped, filter.severity, filter.kind, filter.customer, filter.state, size]);
  const groups = useWarningGroups(grouped ? { ...base, limit: size, offset: (page - 1) * size } : null);
  const summaryOnly = useWarnings(grouped ? null : { ...base, limit: 0 });
  const summary: WarningsSummary | undefined = (grouped ? groups.data : summaryOnly.data)?.summary;
  const total = grouped ? undefined : summaryOnly.data?.total;
  const competitors = useMemo(() => Object.fromEntries(perspective.competitors.map((c) => [c.id, c.name])), [perspective.competitors]);
  const me = useMe();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const warningTitle = useWarningTitle();
  const [making, setMaking] = useState<Partial<Task> | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const [expanded, setExpanded] = useState<string[]>([]);
  const reloadAll = () => {
    setReloadKey((k) => k + 1);
    if (grouped) groups.reload();
    else summaryOnly.reload();
  };
  const onTask = (w: WarningRow) => setMaking(taskFromWarning(w, warningTitle(w, rowNames(w, competitors)), me.user.id));

  const setFilter = (key: string, value: string | undefined) =>
    change((next) => {
      if (value) next.set(key, value);
      else next.delete(key);
      next.delete('page');
      return next;
    });
  const setPage = (nextPage: number, nextSize: number) =>
    change((next) => {
      const p = nextSize !== warningsFromQuery(next).size ? 1 : nextPage;
      if (p > 1) next.set('page', String(p));
      else next.delete('page');
      if (nextSize !== PAGE_SIZE) next.set('size', String(nextSize));
      else next.delete('size');
      return next;
    });

  const filtered = !!(filter.severity || filter.kind || filter.customer || filter.state !== 'open');
  const countOf = (n: number | undefined) => (n === undefined ? '' : ` (${n})`);
  const groupKey = (g: WarningGroupRow) => g.customer ?? '(none)';

  const groupColumns: ColumnsType<WarningGroupRow> = [
    {
      key: 'customer', title: t('customer'),
      render: (_, g) => (g.customer ? <Link to={`/customers/${g.customer}`}>{g.name ?? g.customer}</Link>
        : <Typography.Text type="secondary">{t('scopeWide')}</Typography.Text>),
    },
    { key: 'count', title: t('warningCount'), width: 110, align: 'right', render: (_, g) => <span data-testid="group-count">{g.count}</span> },
    {
      key: 'severity', title: t('severity'), width: 260,
      render: (_, g) => (
        <Space size={4}>
          {SEVERITIES.map((s) => (g[s] ? <span key={s}><SeverityTag severity={s} />{g[s]}</span> : null))}
        </Space>
      ),
    },
    { key: 'new', title: t('state.new'), width: 90, align: 'right', render: (_, g) => (g.new ? <Tag color="blue">{g.new}</Tag> : '—') },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ marginBottom: 4 }}>{t('title')}</Typography.Title>
        <Typography.Text type="secondary">{t('intro')}</Typography.Text>
      </div>
      <Card size="small">
        <Space direction="vertical" size={8} style={{ width: '100%' }}>
          <Space wrap>
            <Segmented
              data-testid="warnings-state"
              value={filter.state}
              onChange={(value) => setFilter('state', value === 'open' ? undefined : String(value))}
              options={STATE_FILTERS.map((s) => ({
                value: s,
                label: `${t(`stateFilter.${s}`)}${s === 'all' ? countOf(summary?.total) : countOf(summary?.state[s])}`,
              }))}
            />
            <Segmented
              data-testid="warnings-view"
              value={filter.view}
              onChange={(value) => setFilter('view', value === 'list' ? 'list' : undefined)}
              options={[{ value: 'customer', label: t('view.customer') }, { value: 'list', label: t('view.list') }]}
            />
          </Space>
          <Space wrap>
            <Select
              aria-label={t('severity')}
              data-testid="warnings-severity"
              allowClear
              placeholder={t('allSeverities')}
              value={filter.severity || undefined}
              onChange={(value?: string) => setFilter('severity', value)}
              style={{ width: 150 }}
              options={SEVERITIES.map((s) => ({ value: s, label: `${t(`severity.${s}`, { ns: 'common' })}${countOf(summary?.severity[s])}` }))}
            />
            <Select
              aria-label={t('kind')}
              data-testid="warnings-kind"
              allowClear
              placeholder={t('allKinds')}
              value={filter.kind || undefined}
              onChange={(value?: string) => setFilter('kind', value)}
              style={{ width: 220 }}
              options={WARNING_KINDS.map((k) => {
                const count = summary ? summary.kind[k] ?? 0 : undefined;
                return { value: k, label: `${t(`kinds.${k}`)}${countOf(count)}`, disabled: count === 0 };
              })}
            />
            <CustomerSelect value={filter.customer} top={summary?.customers ?? []} onChange={(value) => setFilter('customer', value)} />
            {filtered ? <Button onClick={() => change(() => new URLSearchParams(filter.view === 'list' ? 'view=list' : ''))}>{t('clear')}</Button> : null}
            {summary ? (
              <Typography.Text type="secondary" data-testid="warnings-count">
                {grouped
                  ? t('groupCount', { count: groups.data?.total ?? 0 })
                  : filtered ? t('countOf', { count: total ?? 0, total: summary.total }) : t('count', { count: total ?? 0 })}
              </Typography.Text>
            ) : (
              <span data-testid="warnings-count-skeleton" data-skeleton="true"><Skeleton.Input active size="small" /></span>
            )}
          </Space>
          {summary ? (
            <Space size={[12, 4]} wrap data-testid="warnings-summary">
              {SEVERITIES.map((s) => (
                <span key={s} data-testid={`warnings-summary-${s}`}>
                  <SeverityTag severity={s} /> {summary.severity[s]}
                </span>
              ))}
              <Typography.Text type="secondary">{t('customerCount', { count: summary.customer_count })}</Typography.Text>
            </Space>
          ) : null}
        </Space>
      </Card>
      {grouped ? (
        <>
          {groups.error ? <ErrorAlert error={groups.error} onRetry={groups.reload} /> : null}
          {!groups.data && !groups.error ? <SkeletonBlock rows={10} testId="warnings-skeleton" /> : null}
          {groups.data ? (
            <Dimmed loading={groups.loading} testId="warning-groups">
              <Table<WarningGroupRow>
                size="small"
                rowKey={groupKey}
                columns={groupColumns}
                dataSource={groups.data.items}
                locale={{ emptyText: groups.data.summary.total ? t('noMatch') : t('none') }}
                expandable={{
                  expandedRowKeys: expanded,
                  onExpandedRowsChange: (keys) => setExpanded(keys as string[]),
                  expandRowByClick: false,
                  expandedRowRender: (g) => (
                    <CustomerWarnings params={{ ...base, customer: g.customer ?? '(none)' }} reloadKey={reloadKey}
                      onReload={reloadAll} onTask={onTask} competitors={competitors} />
                  ),
                }}
                pagination={{
                  current: page,
                  pageSize: size,
                  total: groups.data.total,
                  showSizeChanger: true,
                  pageSizeOptions: [...PAGE_SIZES],
                  onChange: setPage,
                  showTotal: (n) => t('groupCount', { count: n }),
                }}
              />
            </Dimmed>
          ) : null}
        </>
      ) : (
        <WarningTable params={base} page={page} size={size} onPage={setPage} showCustomer reloadKey={reloadKey}
          onReload={reloadAll} onTask={onTask} competitors={competitors} />
      )}
      {making ? (
        <TaskDialog open task={making} title={t('fromWarning', { ns: 'tasks' })} onClose={() => setMaking(null)} onSaved={() => {
          setMaking(null);
          message.success({
            content: (
              <Space>
                {t('taskMade', { ns: 'tasks' })}
                <Button size="small" type="link" onClick={() => navigate('/tasks')}>{t('openTask', { ns: 'tasks' })}</Button>
              </Space>
            ),
          });
        }} />
      ) : null}
    </Space>
  );
}
