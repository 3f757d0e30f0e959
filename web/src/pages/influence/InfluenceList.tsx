// The influence list (影响力清单): one row per acquainted key person, searchable, filtered by closeness, paged.
// A person whose customer the viewer may not open shows only what the list carries, without links.
import { Input, Select, Space, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useNames } from '../../api/hooks';
import { ATTITUDES, type Attitude } from '../../api/types';
import { AttitudeTag } from '../../components/Tags';
import { compareCloseness, filterRows, label, type InfluenceRow, type Named } from './model';
import { paging } from '../../lib/paging';

function Masked({ value }: { value: Named }) {
  const { t } = useTranslation('influence');
  return (
    <Tooltip title={t('list.masked')}>
      <Typography.Text type="secondary">{value.id}</Typography.Text>
    </Tooltip>
  );
}

/** A name not read in advance (long lists): asked for when its row is on show, batched with the page's. */
function LazyName({ collection, id, link }: { collection: 'people' | 'departments'; id: string; link?: boolean }) {
  const names = useNames(collection, [id]);
  const name = names[id];
  if (!name) return <Typography.Text type="secondary">…</Typography.Text>;
  return link ? <Link to={`/people/${encodeURIComponent(id)}`}>{name}</Link> : <>{name}</>;
}

export function InfluenceList({ rows, loadingNames }: { rows: InfluenceRow[]; loadingNames: boolean }) {
  const { t } = useTranslation('influence');
  const [text, setText] = useState('');
  const [closeness, setCloseness] = useState<Attitude[]>([]);
  const shown = useMemo(() => filterRows(rows, { text, closeness }), [rows, text, closeness]);

  const columns: ColumnsType<InfluenceRow> = [
    {
      title: t('list.person'),
      key: 'person',
      render: (_, row) =>
        !row.readable ? <Masked value={row.person} />
          : row.person.name ? <Link to={`/people/${encodeURIComponent(row.person.id)}`}>{row.person.name}</Link>
          : <LazyName collection="people" id={row.person.id} link />,
      sorter: (a, b) => label(a.person).localeCompare(label(b.person), 'zh-CN'),
    },
    {
      title: t('list.company'),
      key: 'company',
      render: (_, row) =>
        row.company.name ? <Link to={`/customers/${encodeURIComponent(row.company.id)}`}>{row.company.name}</Link> : <Masked value={row.company} />,
      sorter: (a, b) => label(a.company).localeCompare(label(b.company), 'zh-CN'),
    },
    {
      title: t('list.department'),
      key: 'department',
      render: (_, row) => {
        if (!row.department) return '—';
        if (row.department.name) return row.department.name;
        return row.readable ? <LazyName collection="departments" id={row.department.id} /> : <Masked value={row.department} />;
      },
    },
    { title: t('list.title'), dataIndex: 'title', key: 'title', render: (title: string | null) => title ?? '—' },
    {
      title: t('list.closeness'),
      key: 'closeness',
      render: (_, row) => <AttitudeTag value={row.closeness} />,
      sorter: (a, b) => compareCloseness(a.closeness, b.closeness),
    },
    { title: t('list.owner'), key: 'owner', render: (_, row) => (row.owner ? label(row.owner) : '—') },
    {
      title: t('list.influencers'),
      key: 'influencers',
      render: (_, row) => row.influencers.map(label).join('、') || '—',
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
          onSearch={setText}
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
          value={closeness}
          onChange={setCloseness}
          options={ATTITUDES.map((a) => ({ value: a, label: t(`attitude.${a}`, { ns: 'common' }) }))}
        />
        <Typography.Text type="secondary">{t('list.count', { count: shown.length })}</Typography.Text>
      </Space>
      <Table<InfluenceRow>
        data-testid="influence-list"
        size="small"
        rowKey="key"
        loading={loadingNames}
        columns={columns}
        dataSource={shown}
        pagination={paging(20)}
        scroll={{ x: 1000 }}
      />
    </Space>
  );
}
