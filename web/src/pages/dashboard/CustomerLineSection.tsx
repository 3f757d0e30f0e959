// The customer line of the perspective: trend cards, a tier chart per degree (a click lists the tier's
// customers, a page at a time from the server), the 24-month trends, and the key persons a competitor can
// influence (competitor perspective). Placeholders stand for every figure until the summary arrives.
import { Button, Card, Col, Empty, Pagination, Row, Segmented, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCompetitorInfluenced, useCustomerLine, type CustomerLineRow, type CustomerLineSummary } from '../../api/lines';
import { DIMENSIONS, TIERS, type Dimension, type LineTrendPoint, type Tier } from '../../api/types';
import { Chart } from '../../components/Chart';
import { ErrorAlert, SkeletonBlock } from '../../components/PageState';
import { Delta } from '../../components/Delta';
import { TierTag } from '../../components/Tags';
import { TrendCard } from '../../components/TrendCard';
import { DegreeFigure } from '../../components/Figure';
import { percentOfMean, TIER_COLOR, useFormat } from '../../lib/format';
import { usePerspective } from '../../state/perspective';
import { percentTrendOption, supportTrendOption, tierAt, tierOption } from './charts';

const CARD_COL = { xs: 24, sm: 12, lg: 6 };

function TrendPlaceholder({ loading }: { loading: boolean }) {
  return <div style={{ height: 260 }}>{loading ? <SkeletonBlock rows={7} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}</div>;
}


function TierChart({ dimension, line, selected, onSelect }: {
  dimension: Dimension; line: CustomerLineSummary; selected: { dimension: Dimension; tier: Tier } | null; onSelect(dimension: Dimension, tier: Tier): void;
}) {
  const { t } = useTranslation('dashboard');
  const format = useFormat();
  const cells = line.tiers?.[dimension];
  const unrated = line.untiered?.[dimension] ?? 0;
  const option = useMemo(
    () => tierOption(cells, (tier) => t(`tier.${tier}`, { ns: 'common' }), t('customers')),
    [cells, t],
  );
  const onClick = useCallback((params: { dataIndex?: number }) => {
    const tier = tierAt(params.dataIndex);
    if (tier) onSelect(dimension, tier);
  }, [dimension, onSelect]);
  return (
    <Card size="small" title={t('tiers', { dimension: t(`dimension.${dimension}`, { ns: 'common' }) })}>
      <Chart option={option} height={180} onClick={onClick} testId={`tier-chart-${dimension}`} />
      <Space size={4} wrap style={{ marginTop: 4 }}>
        {TIERS.map((tier) => {
          const cell = cells?.[tier];
          const active = selected?.dimension === dimension && selected.tier === tier;
          return (
            <Tooltip key={tier} title={t('tierMean', { percent: format.percent(percentOfMean(cell?.mean)), mean: format.mean(cell?.mean) })}>
              <Button
                size="small"
                type={active ? 'primary' : 'default'}
                data-testid={`tier-${dimension}-${tier}`}
                onClick={() => onSelect(dimension, tier)}
                style={active ? undefined : { borderColor: TIER_COLOR[tier] }}
              >
                {t(`tier.${tier}`, { ns: 'common' })} {format.count(cell?.count ?? 0)}
              </Button>
            </Tooltip>
          );
        })}
        {unrated ? (
          <Tooltip title={t('unratedTip')}>
            <Typography.Text type="secondary" data-testid={`tier-${dimension}-none`}>{t('unrated', { count: unrated })}</Typography.Text>
          </Tooltip>
        ) : null}
      </Space>
    </Card>
  );
}

const TIER_PAGE = 10;

function TierCustomers({ dimension, tier, line, onClose }: {
  dimension: Dimension; tier: Tier; line: CustomerLineSummary; onClose(): void;
}) {
  const { t } = useTranslation('dashboard');
  const format = useFormat();
  const perspective = usePerspective();
  const [page, setPage] = useState(1);
  const cell = line.tiers?.[dimension]?.[tier];
  const filter = { [`tier.${dimension}`]: tier, sort: `${dimension}.percent`, order: 'desc' };
  const customers = useCustomerLine({ ...perspective.scoped, ...filter, limit: TIER_PAGE, offset: (page - 1) * TIER_PAGE });
  const inList = new URLSearchParams(filter).toString();
  return (
    <Card
      size="small"
      data-testid="tier-customers"
      title={t('tierCustomers', {
        dimension: t(`dimension.${dimension}`, { ns: 'common' }), tier: t(`tier.${tier}`, { ns: 'common' }), count: cell?.count ?? 0,
      })}
      extra={
        <Space>
          <Typography.Text type="secondary">{t('tierMean', { percent: format.percent(percentOfMean(cell?.mean)), mean: format.mean(cell?.mean) })}</Typography.Text>
          <Delta value={cell?.mom?.mean} unit="pp" label="mom" />
          <Delta value={cell?.yoy?.mean} unit="pp" label="yoy" />
          <Link to={`/customers?${inList}`} data-testid="tier-open-list">{t('openInList')}</Link>
          <Button size="small" onClick={onClose}>{t('closeList')}</Button>
        </Space>
      }
    >
      {customers.data ? (
        <Table<CustomerLineRow>
          size="small"
          rowKey="customer"
          dataSource={customers.data.items}
          loading={customers.loading}
          pagination={customers.data.total > TIER_PAGE ? { current: page, pageSize: TIER_PAGE, total: customers.data.total, size: 'small', showSizeChanger: false, onChange: setPage } : false}
          locale={{ emptyText: t('noTierCustomers') }}
          columns={[
            {
              key: 'name', title: t('customer'),
              render: (_, m) => <Link to={`/customers/${m.customer}`} data-testid="tier-customer-link">{m.name}</Link>,
            },
            { key: 'owner', title: t('owner'), render: (_, m) => m.owner_name ?? m.owner ?? '—' },
            {
              key: 'percent', title: t('percent'), align: 'right',
              render: (_, m) => <DegreeFigure stats={m.degrees?.[dimension]} explain={{ figure: 'customer', id: m.customer, dimension, name: m.name }} />,
            },
            { key: 'tier', title: t('tier'), render: (_, m) => <TierTag tier={m.degrees?.[dimension]?.tier} /> },
            {
              key: 'mom', title: t('common.mom', { ns: 'common' }),
              render: (_, m) => <Delta value={m.mom?.[dimension]} unit="pp" explain={{ figure: 'customer', id: m.customer, dimension, name: m.name, compare: 'mom' }} />,
            },
          ]}
        />
      ) : (
        <SkeletonBlock rows={4} testId="tier-customers-skeleton" />
      )}
    </Card>
  );
}

const INFLUENCED_PAGE = 50;

/** The persons behind the count, a page at a time, read when asked for rather than with the dashboard. */
function CompetitorInfluenced({ count }: { count: number }) {
  const { t } = useTranslation('dashboard');
  const perspective = usePerspective();
  const [shown, setShown] = useState(false);
  const [page, setPage] = useState(1);
  const rows = useCompetitorInfluenced(shown ? { ...perspective.scoped, limit: INFLUENCED_PAGE, offset: (page - 1) * INFLUENCED_PAGE } : null);
  const total = rows.data?.total ?? count;
  return (
    <Card
      size="small"
      title={t('competitorInfluenced', { count })}
      data-testid="competitor-influenced"
      extra={!shown && count ? <Button size="small" onClick={() => setShown(true)} data-testid="competitor-influenced-show">{t('showPersons')}</Button> : null}
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{t('competitorInfluencedHint')}</Typography.Paragraph>
      {!count ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : !shown ? null : rows.error ? (
        <ErrorAlert error={rows.error} onRetry={rows.reload} />
      ) : rows.loading && !rows.data ? (
        <SkeletonBlock rows={2} />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }} data-loading={rows.loading ? 'true' : undefined}>
          <Space size={[4, 8]} wrap>
            {(rows.data?.items ?? []).map((row) => (
              <Tag key={row.person}>
                <Link to={`/people/${encodeURIComponent(row.person)}`}>{row.name ?? row.person}</Link>
                {row.customer_name ? <Typography.Text type="secondary"> · {row.customer_name}</Typography.Text> : null}
              </Tag>
            ))}
          </Space>
          {total > INFLUENCED_PAGE ? (
            <Pagination size="small" simple current={page} pageSize={INFLUENCED_PAGE} total={total} onChange={setPage} data-testid="competitor-influenced-pages" />
          ) : null}
        </Space>
      )}
    </Card>
  );
}

export function CustomerLineSection({ line, trend, trendLoading }: {
  line: CustomerLineSummary | undefined; trend: LineTrendPoint[] | undefined; trendLoading: boolean;
}) {
  const { t } = useTranslation('dashboard');
  const format = useFormat();
  const [selected, setSelected] = useState<{ dimension: Dimension; tier: Tier } | null>(null);
  const [supportDimension, setSupportDimension] = useState<Dimension>('closeness');
  const onSelect = useCallback((dimension: Dimension, tier: Tier) => setSelected({ dimension, tier }), []);
  const dimensionName = useCallback((d: Dimension) => t(`dimensionShort.${d}`, { ns: 'common' }), [t]);
  const percentOption = useMemo(() => percentTrendOption(trend ?? [], DIMENSIONS, dimensionName), [trend, dimensionName]);
  const supportOption = useMemo(
    () => supportTrendOption(trend ?? [], supportDimension, { supporters: t('supporters'), opposers: t('opposers') }),
    [trend, supportDimension, t],
  );
  const competitorInfluenced = line?.competitor_influenced_count;
  const loading = !line;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Row gutter={[12, 12]}>
        <Col {...CARD_COL}>
          <TrendCard
            testId="card-customers"
            title={t('customers')}
            value={<span data-testid="dash-customer-count">{format.count(line?.trend.customers)}</span>}
            mom={line?.trend.mom?.customers}
            yoy={line?.trend.yoy?.customers}
            unit="count"
            current={line?.trend.customers}
            loading={loading}
          />
        </Col>
        {DIMENSIONS.map((d) => (
          <Col key={d} {...CARD_COL}>
            <TrendCard
              testId={`card-${d}`}
              title={t(`dimension.${d}`, { ns: 'common' })}
              value={<DegreeFigure stats={line?.trend.degrees?.[d]} mean={line?.trend[d]} percent={percentOfMean(line?.trend[d])} />}
              mom={line?.trend.mom?.[d]}
              yoy={line?.trend.yoy?.[d]}
              unit="pp"
              loading={loading}
              explain={{ figure: 'company', dimension: d }}
            />
          </Col>
        ))}
      </Row>
      <Typography.Text type="secondary">{t('tierHint')}</Typography.Text>
      <Row gutter={[12, 12]}>
        {DIMENSIONS.map((d) => (
          <Col key={d} xs={24} lg={8}>
            {line ? (
              <TierChart dimension={d} line={line} selected={selected} onSelect={onSelect} />
            ) : (
              <Card size="small" title={t('tiers', { dimension: t(`dimension.${d}`, { ns: 'common' }) })}>
                <SkeletonBlock rows={5} testId={`tier-chart-${d}-skeleton`} />
              </Card>
            )}
          </Col>
        ))}
      </Row>
      {selected && line ? (
        <TierCustomers
          key={`${selected.dimension}.${selected.tier}`}
          dimension={selected.dimension}
          tier={selected.tier}
          line={line}
          onClose={() => setSelected(null)}
        />
      ) : null}
      {competitorInfluenced !== undefined ? <CompetitorInfluenced count={competitorInfluenced} /> : null}
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('percentTrend')}>
            {trend ? <Chart option={percentOption} height={260} testId="percent-trend" /> : <TrendPlaceholder loading={trendLoading} />}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            size="small"
            title={t('supportTrend')}
            extra={
              <Segmented
                size="small"
                value={supportDimension}
                onChange={(value) => setSupportDimension(value as Dimension)}
                options={DIMENSIONS.map((d) => ({ value: d, label: dimensionName(d) }))}
                data-testid="support-dimension"
              />
            }
          >
            {trend ? <Chart option={supportOption} height={260} testId="support-trend" /> : <TrendPlaceholder loading={trendLoading} />}
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
