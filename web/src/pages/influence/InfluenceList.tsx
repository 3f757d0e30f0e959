// The influence list (影响力清单): one row per acquainted key person, a page at a time from the server, which
// searches, filters by closeness and sorts. A person whose customer the viewer may not open shows only what
// the list carries, without links.
import { Input, Select, Skeleton, Space, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { SorterResult } from 'antd/es/table/interface';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { InfluenceSortKey } from '../../api/lines';
import { ATTITUDES, type Attitude } from '../../api/types';
import { Dimmed, SkeletonBlock } from '../../components/PageState';
import { AttitudeTag } from '../../components/Tags';
import { useDebouncedInput } from '../../lib/useDebouncedInput';
import { label, PAGE_SIZES, type InfluenceRow, type ListQuery, type Named } from './model';

function Masked({ value }: { value: Named }) {
  const { t } = useTranslation('influence');
  return (
    <Tooltip title={t('list.masked')}>
      <Typography.Text type="secondary">{value.id}</Typography.Text>
    </Tooltip>
  );
}

export function InfluenceList({ rows, total, loading, query, onChange }: {
  /** undefined until the first page arrives. */
  rows: InfluenceRow[] | undefined;
  total: number | undefined;
  loading: boolean;
  query: ListQuery;
  /** A change of the query; the page merges it into the address as it then is. */
  onChange(change: Partial<ListQuery>): void;
}) {
  const { t } = useTranslation('influence');
  const [text, setText] = useDebouncedInput(query.text, (value) => onChange({ text: value, page: 1 }));
  const sorted = (key: InfluenceSortKey) => ({
    key,
    sorter: true,
    sortOrder: query.sort?.key === key ? query.sort.order : null,
  });

  const columns: ColumnsType<InfluenceRow> = [
    {
      ...sorted('person'),
      title: t('list.person'),
      render: (_, row) =>
        !row.readable || !row.person.name ? <Masked value={row.person} />
          : <Link to={`/people/${encodeURIComponent(row.person.id)}`}>{row.person.name}</Link>,
    },
    {
      ...sorted('company'),
      title: t('list.company'),
      render: (_, row) =>
        row.company.name ? <Link to={`/customers/${encodeURIComponent(row.company.id)}`}>{row.company.name}</Link> : <Masked value={row.company} />,
    },
    {
      title: t('list.department'),
      key: 'department',
      render: (_, row) => {
        if (!row.department) return '—';
        return row.department.name ?? <Masked value={row.department} />;
      },
    },
    { title: t('list.title'), dataIndex: 'title', key: 'title', render: (title: string | null) => title ?? '—' },
    { ...sorted('closeness'), title: t('list.closeness'), render: (_, row) => <AttitudeTag value={row.closeness} /> },
    { title: t('list.owner'), key: 'owner', render: (_, row) => (row.owner ? label(row.owner) : '—') },
    {
      ...sorted('influencers'),
      title: t('list.influencers'),
      render: (_, row) => row.influencers.map(label).join(t('listSeparator', { ns: 'warnings' })) || '—',
    },
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Input.Search
          allowClear
          placeholder={t('list.search')}
          aria-label={t('list.search')}
          data-testid="influence-search"
          style={{ width: 340 }}
          value={text}
          onSearch={(value) => onChange({ text: value, page: 1 })}
          onChange={(event) => setText(event.target.value)}
        />
        <Select
          mode="multiple"
          allowClear
          aria-label={t('list.closenessFilter')}
          placeholder={t('list.closenessFilter')}
          data-testid="influence-closeness"
          style={{ minWidth: 260 }}
          optionFilterProp="label"
          value={query.closeness}
          onChange={(closeness: Attitude[]) => onChange({ closeness, page: 1 })}
          options={ATTITUDES.map((a) => ({ value: a, label: t(`attitude.${a}`, { ns: 'common' }) }))}
        />
        {total === undefined ? (
          <span data-skeleton="true"><Skeleton.Input active size="small" /></span>
        ) : (
          <Typography.Text type="secondary" data-testid="influence-count">{t('list.count', { count: total })}</Typography.Text>
        )}
      </Space>
      {rows === undefined ? (
        <SkeletonBlock rows={10} testId="influence-list-skeleton" />
      ) : (
        <Dimmed loading={loading}>
          <Table<InfluenceRow>
            data-testid="influence-list"
            size="small"
            rowKey="key"
            columns={columns}
            dataSource={rows}
            scroll={{ x: 1000 }}
            onChange={(_pagination, _filters, sorter, extra) => {
              if (extra.action !== 'sort') return;
              const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<InfluenceRow> | undefined;
              const key = s?.columnKey as InfluenceSortKey | undefined;
              onChange({ sort: key && s?.order ? { key, order: s.order } : null, page: 1 });
            }}
            pagination={{
              current: query.page,
              pageSize: query.size,
              total: total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [...PAGE_SIZES],
              showTotal: (n: number) => t('common.total', { ns: 'common', count: n }),
              onChange: (page, size) => onChange({ page: size !== query.size ? 1 : page, size }),
            }}
          />
        </Dimmed>
      )}
    </Space>
  );
}
