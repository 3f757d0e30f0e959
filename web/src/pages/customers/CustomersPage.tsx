// The customers of the perspective (the customer line's list): names, owner, key persons, the three degrees
// with tier and MoM, open opportunities, strategy and focus. The server filters, searches, sorts and pages;
// the filters, the sort and the page live in the URL so a link or the back button keeps them.
import { PlusOutlined, StarFilled } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Input, List, Select, Skeleton, Space, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType, ColumnType } from 'antd/es/table';
import type { SorterResult } from 'antd/es/table/interface';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useApi } from '../../api/hooks';
import type { Page } from '../../api/client';
import { useCustomerLine, type CustomerLineRow } from '../../api/lines';
import { DIMENSIONS, STRATEGIES, TIERS, type CustomerMetrics, type Dimension, type Person } from '../../api/types';
import { Delta } from '../../components/Delta';
import { Dimmed, ErrorAlert, PageState, SkeletonBlock } from '../../components/PageState';
import { StrategyTag, TierTag } from '../../components/Tags';
import { DegreeFigure, SmallSampleMark } from '../../components/Figure';
import { useFormat } from '../../lib/format';
import { useUserNames } from '../../state/useUserNames';
import { useDebouncedInput } from '../../lib/useDebouncedInput';
import { useQueryChange } from '../../lib/useQueryChange';
import { usePerspective } from '../../state/perspective';
import { useMe } from '../../state/session';
import { CustomerDialog } from './CustomerDialog';
import {
  customerLineParams, EMPTY_FILTER, filterFromQuery, pageFromQuery, PAGE_SIZES, sortFromQuery, toQuery, withPage, type CustomerFilter, type Sort, type SortKey,
} from './filter';

type CustomerRow = CustomerLineRow;

/** The window width from which every column of the list fits beside the navigation. */
const WIDE_TABLE = 1980;

function useWideWindow(width: number): boolean {
  const query = `(min-width: ${width}px)`;
  const [wide, setWide] = useState(() => typeof window !== 'undefined' && window.matchMedia(query).matches);
  useEffect(() => {
    const media = window.matchMedia(query);
    const changed = () => setWide(media.matches);
    media.addEventListener('change', changed);
    return () => media.removeEventListener('change', changed);
  }, [query]);
  return wide;
}

export function StrategyCell({ metrics }: { metrics: Pick<CustomerMetrics, 'strategy' | 'strategy_override'> }) {
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

/** The figures a row folds away below 1600 px, shown when it is expanded. */
function FoldedFigures({ row }: { row: CustomerRow }) {
  const { t } = useTranslation('customers');
  const format = useFormat();
  return (
    <Space size="large" wrap style={{ marginBottom: 8 }} data-testid="customer-folded">
      <span>{t('insighted')}: {format.count(row.insighted)}</span>
      <span>{t('fullyProfiled')}: {format.count(row.fully_profiled)}</span>
      <span>{t('openCount')}: {format.count(row.open_opportunities?.count)}</span>
      <span>{t('openAmount')}: {format.amount(row.open_opportunities?.amount)}</span>
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
  const format = useFormat();
  const perspective = usePerspective();
  const userName = useUserNames();
  // Unless the window is very wide, the less important columns fold into the expanded row and a degree's MoM
  // sits under its percent, so that the table fits 1440 px (and up to 1980 px) without scrolling.
  const wide = useWideWindow(WIDE_TABLE);
  const me = useMe();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const [query, change] = useQueryChange();
  const filter = filterFromQuery(query);
  const sort = sortFromQuery(query);
  const paging = pageFromQuery(query);
  const line = useCustomerLine({ ...perspective.scoped, ...customerLineParams(filter, sort, paging) });
  const rows = line.data?.items ?? [];

  const update = (nextFilter: (current: CustomerFilter) => CustomerFilter, nextSort: (current: Sort | null) => Sort | null) =>
    change((current) => {
      const next = toQuery(nextFilter(filterFromQuery(current)), nextSort(sortFromQuery(current)), current);
      next.delete('page');
      return next;
    });
  const keep = <T,>(value: T) => value;
  const setFilter = (part: Partial<CustomerFilter>) => update((current) => ({ ...current, ...part }), keep);
  const [searchText, setSearchText] = useDebouncedInput(filter.search, (search) => setFilter({ search }));

  const ownerOptions = useMemo(
    () =>
      perspective.users
        .filter((u) => u.role !== 'employee')
        .map((u) => ({ value: u.id, label: userName(u.id) ?? '…' }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [perspective.users, userName],
  );

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
      width: wide ? 170 : 180,
      align: 'right',
      render: (_, r) => {
        const s = r.degrees[dimension];
        return (
          <Space direction="vertical" size={0} align="end">
            <Space size={4}>
              <DegreeFigure stats={s} meanShown="tooltip" mark={false} testId={`${dimension}-percent`} explain={{ figure: 'customer', id: r.customer, dimension, name: r.name }} />
              <TierTag tier={s?.tier} />
            </Space>
            <span style={{ fontSize: 12 }}>
              <SmallSampleMark known={s?.known} />{' '}
              {wide ? null : <Delta value={r.mom[dimension]} unit="pp" label="mom" explain={{ figure: 'customer', id: r.customer, dimension, name: r.name }} />}
            </span>
          </Space>
        );
      },
    },
    ...(wide
      ? [{
        ...sortable(`${dimension}.mom` as SortKey),
        title: t('mom'),
        width: 120,
        render: (_: unknown, r: CustomerRow) => <Delta value={r.mom[dimension]} unit="pp" explain={{ figure: 'customer', id: r.customer, dimension, name: r.name, compare: 'mom' }} />,
      }]
      : []),
  ];

  const columns: ColumnsType<CustomerRow> = [
    {
      ...sortable('name'),
      title: t('name'),
      fixed: 'left',
      width: 200,
      render: (_, r) => (
        <Space size={4}>
          {r.focus ? (
            <Tooltip title={t('focus')}><StarFilled style={{ color: '#faad14' }} aria-label={t('focus')} /></Tooltip>
          ) : null}
          <Link to={`/customers/${r.customer}`} data-testid="customer-link">{r.name}</Link>
        </Space>
      ),
    },
    { key: 'owner', title: t('owner'), width: 90, render: (_, r) => r.owner_name ?? r.owner ?? '—' },
    { ...sortable('key_persons'), title: t('keyPersons'), width: 80, align: 'right', render: (_, r) => format.count(r.key_persons) },
    ...(wide ? [
      { ...sortable('insighted'), title: t('insighted'), width: 90, align: 'right', render: (_: unknown, r: CustomerRow) => format.count(r.insighted) },
      { ...sortable('fully_profiled'), title: t('fullyProfiled'), width: 100, align: 'right', render: (_: unknown, r: CustomerRow) => format.count(r.fully_profiled) },
    ] as ColumnType<CustomerRow>[] : []),
    ...DIMENSIONS.map((dimension) => ({
      key: dimension,
      title: t(`dimension.${dimension}`, { ns: 'common' }),
      children: degreeColumns(dimension),
    })),
    {
      key: 'opportunities',
      title: t('opportunities'),
      children: [
        { ...sortable('open_count'), title: t('openCount'), width: 90, align: 'right', render: (_, r) => format.count(r.open_opportunities?.count) },
        ...(wide ? [{ ...sortable('open_amount'), title: t('openAmount'), width: 130, align: 'right', render: (_: unknown, r: CustomerRow) => format.amount(r.open_opportunities?.amount) }] : []),
      ] as ColumnType<CustomerRow>[],
    },
    { key: 'strategy', title: t('strategy'), width: 130, render: (_, r) => <StrategyCell metrics={r} /> },
  ];

  const filtered = !!(filter.search || filter.strategies.length || filter.focusOnly || filter.owner || Object.keys(filter.tiers).length);
  const tierOptions = [...TIERS.map((tier) => ({ value: tier, label: t(`tier.${tier}`, { ns: 'common' }) })), { value: 'none', label: t('noTier') }];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start" wrap>
        <div>
          <Typography.Title level={3} style={{ marginBottom: 4 }}>{t('title')}</Typography.Title>
          <Typography.Text type="secondary">{t('intro')}</Typography.Text>
        </div>
        {me.user.role !== 'employee' ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="customer-new">{t('newCustomer')}</Button>
        ) : null}
      </Space>
      <CustomerDialog
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(customer) => {
          setCreating(false);
          void message.success(t('created', { name: customer.name }));
          navigate(`/customers/${encodeURIComponent(customer.id)}`);
        }}
      />
      <Card size="small">
        <Space wrap>
          <Input.Search
            aria-label={t('search')}
            data-testid="customers-search"
            allowClear
            placeholder={t('search')}
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
            onSearch={(value) => setFilter({ search: value })}
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
          {filtered ? <Button onClick={() => update(() => EMPTY_FILTER, keep)}>{t('clear')}</Button> : null}
          {line.data ? (
            <Typography.Text type="secondary" data-testid="customers-count">{t('count', { count: line.data.total })}</Typography.Text>
          ) : (
            <span data-testid="customers-count-skeleton" data-skeleton="true"><Skeleton.Input active size="small" /></span>
          )}
        </Space>
      </Card>
      {line.error ? <ErrorAlert error={line.error} onRetry={line.reload} /> : null}
      {!line.data && !line.error ? <SkeletonBlock rows={10} testId="customers-skeleton" /> : null}
      {line.data ? (
        <Dimmed loading={line.loading} testId="customers-table">
          <Table<CustomerRow>
            size="small"
            bordered
            rowKey="customer"
            columns={columns}
            dataSource={rows}
            tableLayout="fixed"
            locale={{ emptyText: filtered ? t('noMatch') : t('none') }}
            expandable={{
              expandedRowRender: (r) => (
                <>
                  {wide ? null : <FoldedFigures row={r} />}
                  <KeyPersons customer={r.customer} asOf={perspective.asOf} />
                </>
              ),
            }}
            onChange={(_pagination, _filters, sorter, extra) => {
              if (extra.action !== 'sort') return;
              const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<CustomerRow> | undefined;
              const key = s?.columnKey as SortKey | undefined;
              const nextSort = key && s?.order ? { key, order: s.order } : null;
              if (JSON.stringify(nextSort) !== JSON.stringify(sort)) update(keep, () => nextSort);
            }}
            pagination={{
              current: paging.page,
              pageSize: paging.size,
              total: line.data.total,
              showSizeChanger: true,
              pageSizeOptions: [...PAGE_SIZES],
              showTotal: (total) => t('count', { count: total }),
              onChange: (page, size) => change((current) => withPage(current, { page, size }, pageFromQuery(current))),
            }}
          />
        </Dimmed>
      ) : null}
    </Space>
  );
}
