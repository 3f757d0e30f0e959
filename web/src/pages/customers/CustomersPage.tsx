// The customers of the perspective (the customer line's list): names, owner, key persons, the three degrees
// with tier and MoM, open opportunities, strategy and focus. Filtered, searched, sorted and paged; the
// filters and the sort live in the URL so a link or the back button keeps them.
import { StarFilled } from '@ant-design/icons';
import { Button, Card, Checkbox, Input, List, Select, Space, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType, ColumnType } from 'antd/es/table';
import type { SorterResult } from 'antd/es/table/interface';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useApi } from '../../api/hooks';
import type { Page } from '../../api/client';
import { DIMENSIONS, STRATEGIES, TIERS, type CustomerLine, type CustomerMetrics, type Dimension, type Person } from '../../api/types';
import { Delta } from '../../components/Delta';
import { PageState } from '../../components/PageState';
import { StrategyTag, TierTag } from '../../components/Tags';
import { formatAmount, formatMean, formatPercent } from '../../lib/format';
import { usePerspective } from '../../state/perspective';
import {
  filterCustomers, filterFromQuery, sortCustomers, sortFromQuery, toQuery, type CustomerFilter, type CustomerRow, type Sort, type SortKey,
} from './filter';
import { useCustomers } from './names';

const PAGE_SIZE = 20;

export function StrategyCell({ metrics }: { metrics: CustomerMetrics }) {
  const { t } = useTranslation('customers');
  const override = metrics.strategy_override;
  if (!override) return <StrategyTag strategy={metrics.strategy} />;
  return (
    <Space size={0} wrap>
      <Tooltip title={t('overridden', { reason: override.reason })}>
        <span><StrategyTag strategy={override.strategy} /></span>
      </Tooltip>
      <Tooltip title={t('recommended', { strategy: t(`strategy.${metrics.strategy}`, { ns: 'common' }) })}>
        <span><StrategyTag strategy={metrics.strategy} overridden /></span>
      </Tooltip>
    </Space>
  );
}

function KeyPersons({ customer, asOf }: { customer: string; asOf: string | null }) {
  const { t } = useTranslation('customers');
  const people = useApi<Page<Person>>('/people', { org: customer, key: true, active_on: asOf ?? 'today', limit: 1000 });
  return (
    <PageState loading={people.loading} error={people.error} onRetry={people.reload}>
      {people.data && people.data.items.length === 0 ? (
        <Typography.Text type="secondary">{t('noKeyPersons')}</Typography.Text>
      ) : (
        <List
          size="small"
          grid={{ gutter: 8, column: 4 }}
          dataSource={people.data?.items ?? []}
          renderItem={(p) => (
            <List.Item style={{ marginBottom: 4 }}>
              <Link to={`/people/${p.id}`}>{p.name}</Link>
              {p.title ? <Typography.Text type="secondary"> · {p.title}</Typography.Text> : null}
            </List.Item>
          )}
        />
      )}
    </PageState>
  );
}

export default function CustomersPage() {
  const { t } = useTranslation('customers');
  const perspective = usePerspective();
  const line = useApi<CustomerLine>('/lines/customer', perspective.scoped);
  const customers = useCustomers();
  const [query, setQuery] = useSearchParams();
  const filter = filterFromQuery(query);
  const sort = sortFromQuery(query);
  const page = Math.max(1, Number(query.get('page')) || 1);
  const pageSize = [20, 50, 100].includes(Number(query.get('size'))) ? Number(query.get('size')) : PAGE_SIZE;

  const logins = useMemo(() => Object.fromEntries(perspective.users.map((u) => [u.id, u.login])), [perspective.users]);
  const rows = useMemo<CustomerRow[]>(
    () =>
      (line.data?.customers ?? []).map((m) => ({
        id: m.customer,
        name: customers.names[m.customer] ?? m.customer,
        owner: m.owner,
        ownerLogin: m.owner ? logins[m.owner] ?? m.owner : null,
        metrics: m,
      })),
    [line.data, customers.names, logins],
  );
  const queryText = query.toString();
  const shown = useMemo(
    () => sortCustomers(filterCustomers(rows, filterFromQuery(new URLSearchParams(queryText))), sortFromQuery(new URLSearchParams(queryText))),
    [rows, queryText],
  );

  const update = (nextFilter: CustomerFilter, nextSort: Sort | null, keepPage = false) => {
    const next = toQuery(nextFilter, nextSort, query);
    if (!keepPage) next.delete('page');
    setQuery(next, { replace: true });
  };
  const setFilter = (change: Partial<CustomerFilter>) => update({ ...filter, ...change }, sort);

  const ownerOptions = useMemo(() => {
    const owners = Array.from(new Set(rows.map((r) => r.owner).filter((o): o is string => !!o)));
    return owners.map((id) => ({ value: id, label: logins[id] ?? id })).sort((a, b) => a.label.localeCompare(b.label));
  }, [rows, logins]);

  const sortable = (key: SortKey): Pick<ColumnType<CustomerRow>, 'key' | 'sorter' | 'sortOrder' | 'sortDirections'> => ({
    key,
    sorter: true,
    sortOrder: sort?.key === key ? sort.order : null,
    sortDirections: ['descend', 'ascend'],
  });

  const degreeColumns = (dimension: Dimension): ColumnType<CustomerRow>[] => [
    {
      ...sortable(`${dimension}.percent` as SortKey),
      title: <span data-testid={`sort-${dimension}-percent`}>{t('percent')}</span>,
      width: 120,
      align: 'right',
      render: (_, r) => {
        const s = r.metrics.degrees[dimension];
        return (
          <Space size={4}>
            <Tooltip title={t('meanTip', { mean: formatMean(s?.mean) })}>
              <span data-testid={`${dimension}-percent`} data-value={s?.percent ?? ''}>{formatPercent(s?.percent)}</span>
            </Tooltip>
            <TierTag tier={s?.tier} />
          </Space>
        );
      },
    },
    {
      ...sortable(`${dimension}.mom` as SortKey),
      title: t('mom'),
      width: 90,
      render: (_, r) => <Delta value={r.metrics.mom[dimension]} />,
    },
  ];

  const columns: ColumnsType<CustomerRow> = [
    {
      ...sortable('name'),
      title: t('name'),
      fixed: 'left',
      width: 220,
      render: (_, r) => (
        <Space size={4}>
          {r.metrics.focus ? (
            <Tooltip title={t('focus')}><StarFilled style={{ color: '#faad14' }} aria-label={t('focus')} /></Tooltip>
          ) : null}
          <Link to={`/customers/${r.id}`} data-testid="customer-link">{r.name}</Link>
        </Space>
      ),
    },
    { key: 'owner', title: t('owner'), width: 90, render: (_, r) => r.ownerLogin ?? '—' },
    { ...sortable('key_persons'), title: t('keyPersons'), width: 90, align: 'right', render: (_, r) => r.metrics.key_persons },
    { ...sortable('insighted'), title: t('insighted'), width: 90, align: 'right', render: (_, r) => r.metrics.insighted },
    { ...sortable('fully_profiled'), title: t('fullyProfiled'), width: 100, align: 'right', render: (_, r) => r.metrics.fully_profiled },
    ...DIMENSIONS.map((dimension) => ({
      key: dimension,
      title: t(`dimension.${dimension}`, { ns: 'common' }),
      children: degreeColumns(dimension),
    })),
    {
      key: 'opportunities',
      title: t('opportunities'),
      children: [
        { ...sortable('open_count'), title: t('openCount'), width: 100, align: 'right', render: (_, r) => r.metrics.open_opportunities?.count ?? '—' },
        { ...sortable('open_amount'), title: t('openAmount'), width: 120, align: 'right', render: (_, r) => formatAmount(r.metrics.open_opportunities?.amount) },
      ] as ColumnType<CustomerRow>[],
    },
    { key: 'strategy', title: t('strategy'), width: 160, render: (_, r) => <StrategyCell metrics={r.metrics} /> },
  ];

  const filtered = !!(filter.search || filter.strategies.length || filter.focusOnly || filter.owner || Object.keys(filter.tiers).length);
  const tierOptions = [...TIERS.map((tier) => ({ value: tier, label: t(`tier.${tier}`, { ns: 'common' }) })), { value: 'none', label: t('noTier') }];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ marginBottom: 4 }}>{t('title')}</Typography.Title>
        <Typography.Text type="secondary">{t('intro')}</Typography.Text>
      </div>
      <PageState loading={line.loading && !line.data} error={line.error ?? customers.error} onRetry={line.reload}>
        <Card size="small">
          <Space wrap>
            <Input.Search
              aria-label={t('search')}
              data-testid="customers-search"
              allowClear
              placeholder={t('search')}
              value={filter.search}
              onChange={(e) => setFilter({ search: e.target.value })}
              style={{ width: 220 }}
            />
            <Select
              mode="multiple"
              aria-label={t('strategy')}
              data-testid="customers-strategy"
              allowClear
              placeholder={t('allStrategies')}
              value={filter.strategies}
              onChange={(strategies) => setFilter({ strategies })}
              style={{ minWidth: 180 }}
              options={STRATEGIES.map((s) => ({ value: s, label: t(`strategy.${s}`, { ns: 'common' }) }))}
            />
            {DIMENSIONS.map((dimension) => (
              <Select
                key={dimension}
                aria-label={t('tierOf', { dimension: t(`dimensionShort.${dimension}`, { ns: 'common' }) })}
                data-testid={`customers-tier-${dimension}`}
                allowClear
                placeholder={t('tierOf', { dimension: t(`dimensionShort.${dimension}`, { ns: 'common' }) })}
                value={filter.tiers[dimension]}
                onChange={(tier) => setFilter({ tiers: { ...filter.tiers, [dimension]: tier } })}
                style={{ width: 130 }}
                options={tierOptions}
              />
            ))}
            <Select
              aria-label={t('owner')}
              data-testid="customers-owner"
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder={t('allOwners')}
              value={filter.owner || undefined}
              onChange={(owner?: string) => setFilter({ owner: owner ?? '' })}
              style={{ width: 140 }}
              options={ownerOptions}
            />
            <Checkbox checked={filter.focusOnly} onChange={(e) => setFilter({ focusOnly: e.target.checked })} data-testid="customers-focus">
              {t('focusOnly')}
            </Checkbox>
            {filtered ? <Button onClick={() => update({ search: '', strategies: [], tiers: {}, focusOnly: false, owner: '' }, sort)}>{t('clear')}</Button> : null}
            <Typography.Text type="secondary" data-testid="customers-count">{t('count', { count: shown.length })}</Typography.Text>
          </Space>
        </Card>
        <div data-testid="customers-table">
          <Table<CustomerRow>
            size="small"
            bordered
            rowKey="id"
            columns={columns}
            dataSource={shown}
            loading={line.loading}
            scroll={{ x: 1600 }}
            locale={{ emptyText: rows.length ? t('noMatch') : t('none') }}
            expandable={{ expandedRowRender: (r) => <KeyPersons customer={r.id} asOf={perspective.asOf} /> }}
            onChange={(_pagination, _filters, sorter) => {
              const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<CustomerRow> | undefined;
              const key = s?.columnKey as SortKey | undefined;
              const nextSort = key && s?.order ? { key, order: s.order } : null;
              if (JSON.stringify(nextSort) !== JSON.stringify(sort)) update(filter, nextSort);
            }}
            pagination={{
              current: page,
              pageSize,
              total: shown.length,
              showSizeChanger: true,
              pageSizeOptions: [20, 50, 100],
              showTotal: (total) => t('count', { count: total }),
              onChange: (p, size) => {
                const next = new URLSearchParams(query);
                next.set('page', String(size !== pageSize ? 1 : p));
                if (size !== PAGE_SIZE) next.set('size', String(size));
                else next.delete('size');
                setQuery(next, { replace: true });
              },
            }}
          />
        </div>
      </PageState>
    </Space>
  );
}
