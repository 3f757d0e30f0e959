// The tables and charts of the customer page: the metrics summary, the customer's opportunities (and a new
// one), the key persons and the 24-month trend. The departments are in DepartmentsSection.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Input, Row, Segmented, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { DIMENSIONS, type CustomerMetrics, type Dimension, type LineTrendPoint, type Opportunity } from '../../api/types';
import { Chart } from '../../components/Chart';
import { PageState } from '../../components/PageState';
import { AttitudeTag, TierTag } from '../../components/Tags';
import { TrendCard } from '../../components/TrendCard';
import { DegreeFigure } from '../../components/Figure';
import { Explainable } from '../../components/Explainable';
import { useFormat } from '../../lib/format';
import { OpportunityDialog } from '../opportunity/OpportunityDialog';
import type { CustomerGraph, GraphCustomer } from './api';
import { percentTrendOption, supportersOption } from './charts';
import { attitudeOrder, importanceOrder, keyPersonRows, searchRows, type KeyPersonRow } from './tables';

/** The customer's figures; each degree opens the persons behind it and each change its attribution. */
export function MetricsSummary({ metrics, name }: { metrics: CustomerMetrics; name?: string }) {
  const { t } = useTranslation('customer');
  const format = useFormat();
  const c = (key: string) => t(key, { ns: 'common' });
  return (
    <Row gutter={[12, 12]} data-testid="customer-metrics">
      <Col xs={12} md={6} xl={3}>
        <TrendCard title={t('keyPersons')} value={<span data-testid="metric-key-persons">{format.count(metrics.key_persons)}</span>} mom={metrics.mom.key_persons} yoy={metrics.yoy.key_persons} unit="count" current={metrics.key_persons} />
      </Col>
      <Col xs={12} md={6} xl={3}>
        <Card size="small" style={{ height: '100%' }}>
          <Statistic title={t('insighted')} value={metrics.insighted} suffix={`/ ${metrics.key_persons}`} />
          <Typography.Text type="secondary">{t('fullyProfiled')} {metrics.fully_profiled}</Typography.Text>
        </Card>
      </Col>
      <Col xs={12} md={6} xl={3}>
        <Card size="small" style={{ height: '100%' }}>
          <Statistic title={t('complete')} valueRender={() => (
            <Tag color={metrics.complete ? 'green' : 'orange'} data-testid="metric-complete">{metrics.complete ? t('completeYes') : t('completeNo')}</Tag>
          )} />
        </Card>
      </Col>
      {DIMENSIONS.map((d) => {
        const s = metrics.degrees[d];
        const explain = { figure: 'customer' as const, id: metrics.customer, dimension: d, name };
        return (
          <Col xs={12} md={6} xl={4} key={d}>
            <TrendCard
              testId={`metric-${d}`}
              title={c(`dimension.${d}`)}
              value={<DegreeFigure stats={s} testId={`metric-percent-${d}`} />}
              mom={metrics.mom[d]}
              yoy={metrics.yoy[d]}
              unit="pp"
              explain={explain}
              extra={<div style={{ marginTop: 4 }}><Explainable target={explain} testId="explain-tier"><TierTag tier={s.tier} /></Explainable></div>}
            />
          </Col>
        );
      })}
      <Col xs={12} md={6} xl={3}>
        <Card size="small" style={{ height: '100%' }}>
          <Statistic title={t('openOpportunities')} value={format.count(metrics.open_opportunities.count)} />
          <Typography.Text type="secondary">{t('openAmount', { amount: format.amount(metrics.open_opportunities.amount) })}</Typography.Text>
        </Card>
      </Col>
    </Row>
  );
}

const STATUS_COLOR: Record<string, string> = { open: 'processing', won: 'success', lost: 'error', abandoned: 'default' };

export function OpportunitiesTable({ customer, canWrite, items, loading, error, onRetry }: {
  customer: GraphCustomer; canWrite: boolean; items: Opportunity[] | undefined; loading: boolean; error: unknown; onRetry(): void;
}) {
  const { t } = useTranslation('customer');
  const format = useFormat();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const columns: ColumnsType<Opportunity> = [
    {
      title: t('opportunity'), dataIndex: 'name',
      render: (name: string, o) => (
        <Space size={4}>
          <Link to={`/opportunities/${encodeURIComponent(o.id)}`}>{name}</Link>
          {o.until ? <Tag>{t('retire.since', { ns: 'common', date: o.until })}</Tag> : null}
        </Space>
      ),
    },
    { title: t('status'), dataIndex: 'status', width: 100, render: (s: string) => <Tag color={STATUS_COLOR[s]} data-status={s}>{t(`status.${s}`, { ns: 'common' })}</Tag>,
      filters: ['open', 'won', 'lost', 'abandoned'].map((s) => ({ text: t(`status.${s}`, { ns: 'common' }), value: s })), onFilter: (v, o) => o.status === v },
    { title: t('stage'), dataIndex: 'stage', width: 120, render: (s: string | null) => s ?? '—' },
    { title: t('amount'), dataIndex: 'amount', width: 140, align: 'right', render: (a: number | null, o) => format.amount(a, o.currency), sorter: (a, b) => (a.amount ?? 0) - (b.amount ?? 0) },
    { title: t('opened'), dataIndex: 'opened', width: 110, sorter: (a, b) => a.opened.localeCompare(b.opened), defaultSortOrder: 'descend' },
    { title: t('closed'), dataIndex: 'closed', width: 110, render: (d: string | null) => d ?? '—' },
  ];
  return (
    <Card
      size="small"
      title={t('opportunities')}
      extra={canWrite ? (
        <Button size="small" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="opportunity-new">{t('newOpportunity', { ns: 'opportunity' })}</Button>
      ) : null}
    >
      {canWrite ? (
        <OpportunityDialog
          open={creating}
          customer={customer}
          onClose={() => setCreating(false)}
          onSaved={(opportunity) => {
            setCreating(false);
            navigate(`/opportunities/${encodeURIComponent(opportunity.id)}`);
          }}
        />
      ) : null}
      <PageState loading={loading && !items} error={error} onRetry={onRetry}>
        <Table
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={items ?? []}
          pagination={{ pageSize: 8, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: t('noOpportunities') }}
          data-testid="customer-opportunities"
        />
      </PageState>
    </Card>
  );
}

export function KeyPersonsTable({ graph }: { graph: CustomerGraph }) {
  const { t } = useTranslation('customer');
  const c = (key: string) => t(key, { ns: 'common' });
  const [query, setQuery] = useState('');
  const rows = useMemo(() => keyPersonRows(graph.people, graph.departments), [graph]);
  const shown = useMemo(() => searchRows(rows, query), [rows, query]);
  const vote = (v: string) => (v === 'yes' ? <Tag color="red">{c('yesno.yes')}</Tag> : v === 'no' ? c('yesno.no') : <Typography.Text type="secondary">{c('yesno.unknown')}</Typography.Text>);
  const columns: ColumnsType<KeyPersonRow> = [
    { title: t('person.name'), dataIndex: 'name', fixed: 'left', width: 120, render: (name: string, p) => <Link to={`/people/${encodeURIComponent(p.id)}`}>{name}</Link>, sorter: (a, b) => a.name.localeCompare(b.name, 'zh') },
    { title: t('person.title'), dataIndex: 'title', width: 140, render: (v: string | null) => v ?? '—', sorter: (a, b) => (a.title ?? '').localeCompare(b.title ?? '', 'zh') },
    { title: t('person.department'), dataIndex: 'departmentName', width: 140, render: (v: string) => v || '—', sorter: (a, b) => a.departmentName.localeCompare(b.departmentName, 'zh') },
    ...DIMENSIONS.map((d) => ({
      title: c(`dimensionShort.${d}`),
      dataIndex: d,
      width: 100,
      render: (v: KeyPersonRow['closeness']) => <AttitudeTag value={v} />,
      sorter: (a: KeyPersonRow, b: KeyPersonRow) => attitudeOrder(a[d], b[d]),
    })),
    { title: t('table.veto'), dataIndex: 'veto', width: 80, render: vote, sorter: (a, b) => a.veto.localeCompare(b.veto) },
    { title: t('table.approve'), dataIndex: 'approve', width: 80, render: vote, sorter: (a, b) => a.approve.localeCompare(b.approve) },
    { title: t('person.importance'), dataIndex: 'importance', width: 90, render: (v: string) => c(`importance.${v}`), sorter: (a, b) => importanceOrder(a.importance, b.importance) },
    { title: t('person.orientation'), dataIndex: 'orientation', width: 110, render: (v: string) => c(`orientation.${v}`), sorter: (a, b) => a.orientation.localeCompare(b.orientation) },
  ];
  return (
    <div>
      <Space style={{ marginBottom: 8 }} wrap>
        <Input.Search
          allowClear
          placeholder={t('table.search')}
          aria-label={t('table.search')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          style={{ width: 300 }}
          data-testid="key-persons-search"
        />
        <Typography.Text type="secondary">{t('common.total', { ns: 'common', count: shown.length })}</Typography.Text>
      </Space>
      <Table
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={shown}
        scroll={{ x: 1000 }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, pageSizeOptions: [10, 20, 50, 100], hideOnSinglePage: false }}
        data-testid="key-persons-table"
      />
    </div>
  );
}

export function TrendSection({ points, loading, error, onRetry }: { points: LineTrendPoint[] | undefined; loading: boolean; error: unknown; onRetry(): void }) {
  const { t } = useTranslation('customer');
  const [dimension, setDimension] = useState<Dimension>('closeness');
  const tc = (k: string) => t(k, { ns: 'common' });
  const percent = useMemo(() => percentTrendOption(points ?? [], tc), [points, t]); // eslint-disable-line react-hooks/exhaustive-deps
  const bars = useMemo(() => supportersOption(points ?? [], dimension, tc), [points, dimension, t]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <PageState loading={loading && !points} error={error} onRetry={onRetry} empty={!!points && points.length === 0}>
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('trend.percent')}>
            <Chart option={percent} height={320} testId="trend-percent" />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card
            size="small"
            title={t('trend.supporters')}
            extra={
              <Segmented
                size="small"
                value={dimension}
                onChange={(v) => setDimension(v as Dimension)}
                options={DIMENSIONS.map((d) => ({ value: d, label: tc(`dimensionShort.${d}`) }))}
                aria-label={t('trend.dimension')}
              />
            }
          >
            <Chart option={bars} height={320} testId="trend-supporters" />
          </Card>
        </Col>
      </Row>
    </PageState>
  );
}
