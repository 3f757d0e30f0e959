// The warnings of the perspective's customers: one page at a time from the server, filtered by severity, kind
// and customer (the filters and the page live in the URL), the counts from the server's summary, each row
// with the names it carries and its message in the user's language.
import { App, Button, Card, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useApi, useNames } from '../../api/hooks';
import type { Page } from '../../api/client';
import { useWarnings, type WarningRow } from '../../api/lines';
import type { Organization } from '../../api/types';
import { Dimmed, ErrorAlert, SkeletonBlock } from '../../components/PageState';
import { useDebouncedInput } from '../../lib/useDebouncedInput';
import { useQueryChange } from '../../lib/useQueryChange';
import { usePerspective } from '../../state/perspective';
import { useMe } from '../../state/session';
import { taskFromWarning } from '../tasks/model';
import { TaskDialog } from '../tasks/TaskDialog';
import type { Task } from '../../api/types';
import { PAGE_SIZE, PAGE_SIZES, rowNames, SEVERITIES, WARNING_KINDS, warningsFromQuery, warningsParams } from './model';
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

export default function WarningsPage() {
  const { t } = useTranslation('warnings');
  const perspective = usePerspective();
  const [query, change] = useQueryChange();
  const { filter, page, size } = warningsFromQuery(query);
  const warnings = useWarnings({ ...perspective.scoped, ...warningsParams(filter, page, size) });
  const data = warnings.data;
  const summary = data?.summary;
  const competitors = useMemo(() => Object.fromEntries(perspective.competitors.map((c) => [c.id, c.name])), [perspective.competitors]);
  const me = useMe();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const warningTitle = useWarningTitle();
  const [making, setMaking] = useState<Partial<Task> | null>(null);

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

  const columns: ColumnsType<WarningRow> = [
    { key: 'severity', title: t('severity'), width: 90, render: (_, w) => <SeverityTag severity={w.severity} /> },
    { key: 'kind', title: t('kind'), width: 140, render: (_, w) => <KindTag kind={w.kind} /> },
    {
      key: 'subject', title: `${t('customer')} / ${t('opportunity')} / ${t('person')}`, width: 250,
      render: (_, w) => (
        <Space direction="vertical" size={0}>
          {w.customer ? (
            <Link to={`/customers/${w.customer}`}>{w.names[w.customer] ?? w.customer}</Link>
          ) : (
            <Typography.Text type="secondary">{t('scopeWide')}</Typography.Text>
          )}
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
    { key: 'message', title: t('message'), render: (_, w) => <WarningText warning={w} names={rowNames(w, competitors)} /> },
    {
      key: 'dimensions', title: t('dimensions'), width: 120,
      render: (_, w) => (
        <Space size={[0, 4]} wrap>
          {(w.dimensions ?? []).map((d) => <Tag key={d}>{t(`dimensionShort.${d}`, { ns: 'common' })}</Tag>)}
        </Space>
      ),
    },
    {
      key: 'task', title: '', width: 110,
      render: (_, w) => (
        <Button size="small" data-testid="warning-to-task"
          onClick={() => setMaking(taskFromWarning(w, warningTitle(w, rowNames(w, competitors)), me.user.id))}>
          {t('toTask', { ns: 'tasks' })}
        </Button>
      ),
    },
  ];

  const filtered = !!(filter.severity || filter.kind || filter.customer);
  const countOf = (n: number | undefined) => (n === undefined ? '' : ` (${n})`);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ marginBottom: 4 }}>{t('title')}</Typography.Title>
        <Typography.Text type="secondary">{t('intro')}</Typography.Text>
      </div>
      <Card size="small">
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
          {filtered ? <Button onClick={() => change(() => new URLSearchParams())}>{t('clear')}</Button> : null}
          {data ? (
            <Typography.Text type="secondary" data-testid="warnings-count">
              {filtered ? t('countOf', { count: data.total, total: data.summary.total }) : t('count', { count: data.total })}
            </Typography.Text>
          ) : (
            <span data-testid="warnings-count-skeleton" data-skeleton="true"><Skeleton.Input active size="small" /></span>
          )}
        </Space>
        {summary ? (
          <Space size={[12, 4]} wrap style={{ marginTop: 8 }} data-testid="warnings-summary">
            {SEVERITIES.map((s) => (
              <span key={s} data-testid={`warnings-summary-${s}`}>
                <SeverityTag severity={s} /> {summary.severity[s]}
              </span>
            ))}
            <Typography.Text type="secondary">{t('customerCount', { count: summary.customer_count })}</Typography.Text>
          </Space>
        ) : null}
      </Card>
      {warnings.error ? <ErrorAlert error={warnings.error} onRetry={warnings.reload} /> : null}
      {!data && !warnings.error ? <SkeletonBlock rows={10} testId="warnings-skeleton" /> : null}
      {data ? (
        <Dimmed loading={warnings.loading} testId="warnings-table">
          <Table<WarningRow>
            size="small"
            rowKey={(w) => `${w.kind}|${w.customer}|${w.opportunity}|${w.person}|${w.message}`}
            columns={columns}
            dataSource={data.items}
            locale={{ emptyText: data.summary.total ? t('noMatch') : t('none') }}
            scroll={{ x: 1100 }}
            tableLayout="fixed"
            pagination={{
              current: page,
              pageSize: size,
              total: data.total,
              showSizeChanger: true,
              pageSizeOptions: [...PAGE_SIZES],
              onChange: setPage,
              showTotal: (total) => t('count', { count: total }),
            }}
          />
        </Dimmed>
      ) : null}
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
