// The warnings of the perspective's customers: a paged table filtered by severity, kind and customer (the
// filters live in the URL), with names for every id and each message in the user's language.
import { Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useApi, useNames } from '../../api/hooks';
import type { Warning } from '../../api/types';
import { PageState } from '../../components/PageState';
import { usePerspective } from '../../state/perspective';
import { useCustomers } from '../customers/names';
import { bySeverity, filterWarnings, personIds, SEVERITIES, summarize, WARNING_KINDS } from './model';
import { KindTag, SeverityTag } from './tags';
import { WarningText, type WarningNames } from './WarningText';

const PAGE_SIZE = 20;

export default function WarningsPage() {
  const { t } = useTranslation('warnings');
  const perspective = usePerspective();
  const warnings = useApi<Warning[]>('/warnings', perspective.scoped);
  const customers = useCustomers();
  const [query, setQuery] = useSearchParams();
  const filter = { severity: query.get('severity') ?? '', kind: query.get('kind') ?? '', customer: query.get('customer') ?? '' };
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(PAGE_SIZE);

  const setFilter = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(query);
    if (value) next.set(key, value);
    else next.delete(key);
    setQuery(next, { replace: true });
    setPage(1);
  };

  const all = useMemo(() => bySeverity(warnings.data ?? []), [warnings.data]);
  const shown = useMemo(() => filterWarnings(all, filter), [all, filter.severity, filter.kind, filter.customer]); // eslint-disable-line react-hooks/exhaustive-deps
  const summary = useMemo(() => summarize(all), [all]);
  const visible = shown.slice((page - 1) * pageSize, page * pageSize);

  // Names only for the rows on the page: every warning's customer is in the scope, so these are readable.
  const people = useNames('people', personIds(visible));
  const opportunities = useNames('opportunities', visible.map((w) => w.opportunity));
  const names: WarningNames = {
    customers: customers.names,
    people,
    opportunities,
    competitors: Object.fromEntries(perspective.competitors.map((c) => [c.id, c.name])),
  };

  const customerOptions = useMemo(() => {
    const ids = Array.from(new Set(all.map((w) => w.customer).filter((id): id is string => !!id)));
    return ids
      .map((id) => ({ value: id, label: customers.names[id] ?? id }))
      .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
  }, [all, customers.names]);

  const columns: ColumnsType<Warning> = [
    { key: 'severity', title: t('severity'), width: 90, render: (_, w) => <SeverityTag severity={w.severity} /> },
    { key: 'kind', title: t('kind'), width: 140, render: (_, w) => <KindTag kind={w.kind} /> },
    {
      key: 'subject', title: `${t('customer')} / ${t('opportunity')} / ${t('person')}`, width: 250,
      render: (_, w) => (
        <Space direction="vertical" size={0}>
          {w.customer ? (
            <Link to={`/customers/${w.customer}`}>{customers.names[w.customer] ?? w.customer}</Link>
          ) : (
            <Typography.Text type="secondary">{t('scopeWide')}</Typography.Text>
          )}
          {w.opportunity ? (
            <Link to={`/opportunities/${w.opportunity}`} style={{ fontSize: 12 }}>
              {t('opportunity')}: {opportunities[w.opportunity] ?? w.opportunity}
            </Link>
          ) : null}
          {w.person ? (
            <Link to={`/people/${w.person}`} style={{ fontSize: 12 }}>
              {t('person')}: {people[w.person] ?? w.person}
            </Link>
          ) : null}
        </Space>
      ),
    },
    { key: 'message', title: t('message'), render: (_, w) => <WarningText warning={w} names={names} /> },
    {
      key: 'dimensions', title: t('dimensions'), width: 120,
      render: (_, w) => (
        <Space size={[0, 4]} wrap>
          {(w.dimensions ?? []).map((d) => <Tag key={d}>{t(`dimensionShort.${d}`, { ns: 'common' })}</Tag>)}
        </Space>
      ),
    },
  ];

  const filtered = !!(filter.severity || filter.kind || filter.customer);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ marginBottom: 4 }}>{t('title')}</Typography.Title>
        <Typography.Text type="secondary">{t('intro')}</Typography.Text>
      </div>
      <PageState loading={warnings.loading && !warnings.data} error={warnings.error ?? customers.error} onRetry={warnings.reload}>
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
              options={SEVERITIES.map((s) => ({ value: s, label: `${t(`severity.${s}`, { ns: 'common' })} (${summary.bySeverity[s]})` }))}
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
                const count = summary.byKind.find((entry) => entry.kind === k)?.count ?? 0;
                return { value: k, label: `${t(`kinds.${k}`)} (${count})`, disabled: count === 0 };
              })}
            />
            <Select
              aria-label={t('customer')}
              data-testid="warnings-customer"
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder={t('allCustomers')}
              value={filter.customer || undefined}
              onChange={(value?: string) => setFilter('customer', value)}
              style={{ width: 240 }}
              options={customerOptions}
            />
            {filtered ? <Button onClick={() => { setQuery(new URLSearchParams(), { replace: true }); setPage(1); }}>{t('clear')}</Button> : null}
            <Typography.Text type="secondary" data-testid="warnings-count">{t('count', { count: shown.length })}</Typography.Text>
          </Space>
        </Card>
        <div data-testid="warnings-table">
          <Table<Warning>
            size="small"
            rowKey={(w) => `${w.kind}|${w.customer}|${w.opportunity}|${w.person}|${w.message}`}
            columns={columns}
            dataSource={shown}
            loading={warnings.loading}
            locale={{ emptyText: all.length ? t('noMatch') : t('none') }}
            scroll={{ x: 1000 }}
            tableLayout="fixed"
            pagination={{
              current: page,
              pageSize,
              total: shown.length,
              showSizeChanger: true,
              pageSizeOptions: [20, 50, 100],
              onChange: (p, size) => {
                setPage(size !== pageSize ? 1 : p);
                setPageSize(size);
              },
              showTotal: (total) => t('count', { count: total }),
            }}
          />
        </div>
      </PageState>
    </Space>
  );
}
