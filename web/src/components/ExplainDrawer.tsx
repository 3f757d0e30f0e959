// The explanation of one degree figure (GET /api/v1/explain): its Stats at the top (the percent first, the mean
// second), then either the persons and rating facts behind it — each person's value in words, the day, who
// recorded it (their name), customer or project level, inherited — a page at a time, or the attribution of its
// MoM or YoY change: who changed, entered or left, each one's contribution in the unit of the change shown on the
// card, and their sum, which is the change.
import { Alert, Drawer, Empty, Segmented, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { useExplanation, type Attribution, type CompareKind, type ExplainPerson, type ExplainQuery } from '../api/explain';
import { ATTITUDES, DIMENSIONS, type Attitude, type Dimension, type Stats } from '../api/types';
import { attributionView, changeText, type ExplainTarget, type PartRow } from '../lib/explain';
import { deltaTone, TONE_COLOR, useFormat } from '../lib/format';
import { usePerspectiveIfAny } from '../state/perspective';
import { useUserNames } from '../state/useUserNames';
import { Delta } from './Delta';
import { DegreeFigure } from './Figure';
import { ExplainContext, type OpenExplanation } from './Explainable';
import { ErrorAlert, PageState } from './PageState';
import { AttitudeTag, TierTag } from './Tags';

const PAGE = 50;
/** The most parts one answer lists (the server's largest page). */
const PARTS = 200;

type View = 'persons' | CompareKind;

/** Holds the one explanation drawer of the app; it closes when the page changes (a name in it was followed). */
export function ExplainProvider({ children }: { children: ReactNode }) {
  const [target, setTarget] = useState<ExplainTarget | null>(null);
  const { pathname } = useLocation();
  useEffect(() => setTarget(null), [pathname]);
  const open = useCallback<OpenExplanation>((next) => setTarget(next), []);
  return (
    <ExplainContext.Provider value={open}>
      {children}
      {target ? <ExplainDrawer key={JSON.stringify(target)} target={target} onClose={() => setTarget(null)} /> : null}
    </ExplainContext.Provider>
  );
}

export function ExplainDrawer({ target, onClose }: { target: ExplainTarget; onClose(): void }) {
  const { t } = useTranslation('explain');
  // Closed first (the drawer slides out), then gone.
  const [open, setOpen] = useState(true);
  const perspective = usePerspectiveIfAny();
  const [dimension, setDimension] = useState<Dimension>(target.dimension);
  const [view, setView] = useState<View>(target.compare ?? 'persons');
  const [page, setPage] = useState({ current: 1, size: PAGE });
  const unit = target.unit ?? 'pp';
  const base: Omit<ExplainQuery, 'limit' | 'offset'> = {
    figure: target.figure,
    id: target.id,
    dimension,
    toward: target.toward ?? perspective?.toward,
    asOf: perspective?.asOf,
    scope: perspective?.scope,
  };
  const persons = useExplanation({ ...base, limit: page.size, offset: (page.current - 1) * page.size });
  const attribution = useExplanation(view === 'persons' ? null : { ...base, compare: view, limit: PARTS, offset: 0 });
  const toward = base.toward && base.toward !== 'ours'
    ? t('towardCompetitor', { name: perspective?.competitors.find((c) => c.id === base.toward)?.name ?? '…' })
    : t('towardOurs');
  const subject = target.name
    ? t(`subjectNamed.${target.figure}`, { name: target.name })
    : t(`subject.${target.figure}`);
  const answer = persons.data;

  return (
    <Drawer
      open={open}
      onClose={() => setOpen(false)}
      afterOpenChange={(visible) => {
        if (!visible) onClose();
      }}
      width={Math.min(820, typeof window === 'undefined' ? 820 : window.innerWidth)}
      title={<span data-testid="explain-title">{t('title', { dimension: t(`dimension.${dimension}`, { ns: 'common' }), subject })}</span>}
      data-testid="explain-drawer"
    >
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Space wrap size={12}>
          <Segmented
            value={dimension}
            onChange={(value) => {
              setDimension(value as Dimension);
              setPage((p) => ({ ...p, current: 1 }));
            }}
            options={DIMENSIONS.map((d) => ({ value: d, label: t(`dimensionShort.${d}`, { ns: 'common' }) }))}
            aria-label={t('dimension')}
            data-testid="explain-dimension"
          />
          <Segmented
            value={view}
            onChange={(value) => setView(value as View)}
            options={[
              { value: 'persons', label: <span data-testid="explain-view-persons">{t('view.persons', { count: answer?.total ?? 0 })}</span> },
              { value: 'mom', label: <span data-testid="explain-view-mom">{t('view.mom')}</span> },
              { value: 'yoy', label: <span data-testid="explain-view-yoy">{t('view.yoy')}</span> },
            ]}
            data-testid="explain-view"
          />
        </Space>
        {persons.error ? (
          <ErrorAlert error={persons.error} onRetry={persons.reload} />
        ) : !answer ? (
          <PageState loading />
        ) : (
          <>
            <StatsHeader stats={answer.stats} asOf={answer.as_of} toward={toward} />
            {view === 'persons' ? (
              <PersonsTable
                answer={answer.persons}
                total={answer.total}
                loading={persons.loading}
                page={page}
                onPage={(current, size) => setPage({ current: size === page.size ? current : 1, size })}
              />
            ) : attribution.error ? (
              <ErrorAlert error={attribution.error} onRetry={attribution.reload} />
            ) : !attribution.data?.compare || attribution.loading ? (
              <PageState loading />
            ) : (
              <AttributionPanel compare={attribution.data.compare} now={attribution.data.stats} nowDay={attribution.data.as_of} unit={unit} />
            )}
          </>
        )}
      </Space>
    </Drawer>
  );
}

function StatsHeader({ stats, asOf, toward }: { stats: Stats; asOf: string; toward: string }) {
  const { t } = useTranslation('explain');
  const format = useFormat();
  return (
    <div data-testid="explain-stats" style={{ background: '#fafafa', padding: 12, borderRadius: 8 }}>
      <Space align="center" wrap size={12}>
        <span style={{ fontSize: 28, fontWeight: 600 }}><DegreeFigure stats={stats} testId="explain-percent" /></span>
        <TierTag tier={stats.tier} />
      </Space>
      <div>
        <Typography.Text data-testid="explain-counts" data-n={stats.n} data-known={stats.known}>
          {t('counts', { n: format.count(stats.n), known: format.count(stats.known), unknown: format.count(stats.unknown) })}
        </Typography.Text>
      </div>
      <Space wrap size={[12, 4]} style={{ marginTop: 4 }}>
        {ATTITUDES.filter((a) => a !== 'unknown').map((a) => (
          <span key={a} style={{ whiteSpace: 'nowrap' }} data-testid={`explain-count-${a}`} data-value={stats[a as Exclude<Attitude, 'unknown'>]}>
            <AttitudeTag value={a} />{format.count(stats[a as Exclude<Attitude, 'unknown'>])}
          </span>
        ))}
      </Space>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '6px 0 0' }}>
        {t('stamp', { date: asOf, toward })}{t('recomputed')}
      </Typography.Paragraph>
    </div>
  );
}

function PersonsTable({ answer, total, loading, page, onPage }: {
  answer: ExplainPerson[]; total: number; loading: boolean; page: { current: number; size: number }; onPage(current: number, size: number): void;
}) {
  const { t } = useTranslation('explain');
  const userName = useUserNames(answer.map((p) => p.fact?.by));
  const columns: ColumnsType<ExplainPerson> = [
    {
      title: t('column.person'), key: 'person',
      render: (_, p) => <Link to={`/people/${encodeURIComponent(p.person)}`} data-testid="explain-person-link">{p.name}</Link>,
    },
    {
      title: t('column.value'), key: 'value', width: 130,
      render: (_, p) => (
        <span data-testid="explain-value" data-value={p.value} data-known={p.value === 'unknown' ? 'false' : 'true'}>
          <AttitudeTag value={p.value} inherited={p.inherited} />
        </span>
      ),
    },
    {
      title: t('column.level'), key: 'level', width: 130,
      render: (_, p) => p.inherited ? (
        <Tooltip title={t('inheritedTip')}><Tag data-testid="explain-inherited">{t('inherited')}</Tag></Tooltip>
      ) : p.fact ? t(`level.${p.fact.level}`) : '—',
    },
    { title: t('column.date'), key: 'date', width: 110, render: (_, p) => p.fact?.date ?? <Typography.Text type="secondary">{t('neverRecorded')}</Typography.Text> },
    {
      title: t('column.by'), key: 'by', width: 130,
      render: (_, p) => (p.fact?.by ? <span data-testid="explain-by">{userName(p.fact.by) ?? t('figures.loadingName', { ns: 'common' })}</span> : '—'),
    },
  ];
  return (
    <Table<ExplainPerson>
      size="small"
      rowKey={(p) => p.member ?? p.person}
      columns={columns}
      dataSource={answer}
      loading={loading}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noPersons')} /> }}
      pagination={total > page.size || page.size !== PAGE ? {
        current: page.current, pageSize: page.size, total, size: 'small', showSizeChanger: true, pageSizeOptions: [20, 50, 100, 200],
        showTotal: (count) => t('common.total', { ns: 'common', count }), onChange: onPage,
      } : false}
      data-testid="explain-persons"
    />
  );
}

function AttributionPanel({ compare, now, nowDay, unit }: { compare: Attribution; now: Stats; nowDay: string; unit: 'pp' | 'mean' }) {
  const { t } = useTranslation('explain');
  const format = useFormat();
  const view = attributionView(compare, unit === 'pp' ? 0.001 : 0.01);
  const shown = (value: number | null) => changeText(value, unit, format.lang);
  const colour = (value: number | null) => TONE_COLOR[deltaTone(value, 'up')];
  const side = (value: Attitude | null) => (value === null ? <Typography.Text type="secondary">{t('notInSet')}</Typography.Text> : <AttitudeTag value={value} />);
  const columns: ColumnsType<PartRow> = [
    { title: t('column.person'), key: 'person', render: (_, p) => <Link to={`/people/${encodeURIComponent(p.person)}`}>{p.name}</Link> },
    { title: t('column.before'), key: 'before', width: 140, render: (_, p) => side(p.before) },
    { title: t('column.now'), key: 'now', width: 140, render: (_, p) => side(p.now) },
    { title: t('column.kind'), key: 'kind', width: 100, render: (_, p) => <Tag data-testid="explain-part-kind" data-kind={p.kind}>{t(`kind.${p.kind}`)}</Tag> },
    {
      title: t('column.contribution'), key: 'contribution', width: 150, align: 'right',
      render: (_, p) => (
        <span style={{ color: colour(p.contribution), whiteSpace: 'nowrap' }} data-testid="explain-contribution" data-value={p.contribution ?? ''}>
          {shown(p.shown)}
        </span>
      ),
    },
  ];
  const names = (rows: PartRow[]) => rows.map((r, i) => (
    <span key={r.person}>{i ? t('listSeparator', { ns: 'history' }) : ''}<Link to={`/people/${encodeURIComponent(r.person)}`}>{r.name}</Link></span>
  ));
  return (
    <Space direction="vertical" size={8} style={{ width: '100%' }} data-testid="explain-attribution">
      <Space wrap size={8} align="center">
        <Typography.Text strong>{t(`view.${compare.kind}`)}</Typography.Text>
        <Typography.Text type="secondary">{t('compareDays', { before: compare.as_of, now: nowDay })}</Typography.Text>
        <DegreeFigure stats={compare.before} meanShown="tooltip" testId="explain-before-percent" />
        <span>→</span>
        <DegreeFigure stats={now} meanShown="tooltip" />
        <Typography.Text>{t('change')}</Typography.Text>
        <span data-testid="explain-delta" data-value={compare.delta ?? ''}><Delta value={compare.delta} unit={unit} /></span>
      </Space>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }}>
        {unit === 'pp' ? t('unitPp') : t('unitMean')} {t('method')}
      </Typography.Paragraph>
      {compare.delta === null ? <Alert type="info" showIcon message={t('noMean')} /> : null}
      {compare.parts_total === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noChange')} />
      ) : (
        <Table<PartRow>
          size="small"
          rowKey="person"
          columns={columns}
          dataSource={view.rows}
          // All on one page (at most 200, the rest summed below): the column adds up to the total row.
          pagination={false}
          data-testid="explain-parts"
          summary={() => (
            <>
              {view.rest ? (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0} colSpan={4}>{t('rest', { count: view.rest.count })}</Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">
                    <span data-testid="explain-rest" data-value={view.rest.contribution ?? ''}>{shown(view.rest.shown)}</span>
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              ) : null}
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={4}><Typography.Text strong>{t('sum')}</Typography.Text></Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  <Typography.Text strong style={{ color: colour(view.total), whiteSpace: 'nowrap' }} data-testid="explain-parts-sum" data-value={view.total ?? ''}>
                    {shown(view.total)}
                  </Typography.Text>
                </Table.Summary.Cell>
              </Table.Summary.Row>
            </>
          )}
        />
      )}
      {view.total !== null && compare.parts_total > 0 ? (
        <Typography.Text data-testid="explain-sum-line">{t('sumLine', { sum: shown(view.total), delta: shown(compare.delta) })}</Typography.Text>
      ) : null}
      {view.entered.length ? <div data-testid="explain-entered"><Typography.Text type="secondary">{t('entered')}</Typography.Text>{names(view.entered)}</div> : null}
      {view.left.length ? <div data-testid="explain-left"><Typography.Text type="secondary">{t('left')}</Typography.Text>{names(view.left)}</div> : null}
    </Space>
  );
}
