// The customer's project history (项目历史, SPEC.md §8.3): its projects and win rate, its rhythm between
// milestones, usual tender method and rule, win-to-budget ratio, competitors, the people who usually sit in its
// chains, common scoring items and lesson tags. Every number opens a drawer listing the projects behind it.
import { Button, Card, Col, Drawer, Empty, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useLoad, useNames } from '../../api/hooks';
import {
  AWARD_RULES, customerOpportunities, loadHistory, TENDER_METHODS,
  type CustomerHistory, type ProjectOpportunity,
} from '../../api/project';
import { PageState } from '../../components/PageState';
import { formatAmount } from '../../lib/format';
import { sortedTags } from './history';
import { formatRatio } from './logic';
import { MilestoneModelEditor } from './MilestoneModelEditor';
import { useKindNames } from './useKindNames';

const STATUS_COLOR: Record<string, string> = { open: 'blue', won: 'green', lost: 'red', abandoned: 'default' };

interface Listing {
  title: string;
  ids: string[];
}

/** A number that opens the drawer of its projects (plain text when there are none). */
function Count({ value, ids, title, open, testId }: { value: ReactNode; ids: string[]; title: string; open(l: Listing): void; testId?: string }) {
  if (!ids.length) return <span data-testid={testId}>{value}</span>;
  return (
    <Button type="link" size="small" style={{ padding: 0, height: 'auto', fontSize: 'inherit' }} onClick={() => open({ title, ids })} data-testid={testId}>
      {value}
    </Button>
  );
}

function ProjectsDrawer({ listing, records, onClose }: { listing: Listing | null; records: Map<string, ProjectOpportunity>; onClose(): void }) {
  const { t, i18n } = useTranslation('project');
  return (
    <Drawer open={!!listing} onClose={onClose} width={640} title={listing?.title} data-testid="history-drawer">
      <Table
        size="small" rowKey="id" pagination={false} data-testid="history-drawer-table"
        dataSource={(listing?.ids ?? []).map((id) => records.get(id) ?? ({ id, name: id } as ProjectOpportunity))}
        columns={[
          { title: t('history.project'), dataIndex: 'name', render: (name: string, o: ProjectOpportunity) => <Link to={`/opportunities/${encodeURIComponent(o.id)}`}>{name}</Link> },
          { title: t('history.status'), dataIndex: 'status', width: 80, render: (s?: string) => (s ? <Tag color={STATUS_COLOR[s]}>{t(`status.${s}`, { ns: 'common' })}</Tag> : '—') },
          { title: t('history.closed'), dataIndex: 'closed', width: 110, render: (d?: string | null) => d ?? '—' },
          { title: t('money.budget'), dataIndex: 'budget', render: (b: number | null | undefined, o: ProjectOpportunity) => formatAmount(b, i18n.language, o.currency) },
          { title: t('money.winningBid'), dataIndex: 'winning_bid', render: (b: number | null | undefined, o: ProjectOpportunity) => formatAmount(b, i18n.language, o.currency) },
        ]}
      />
    </Drawer>
  );
}

export function HistoryTab({ customer, asOf, canWrite }: { customer: string; asOf: string | null; canWrite: boolean }) {
  const history = useLoad(`history:${customer}:${asOf ?? ''}`, () => loadHistory(customer, asOf ? { as_of: asOf } : undefined));
  const records = useLoad(`history-records:${customer}`, async () => {
    const opportunities = await customerOpportunities(customer);
    return { byId: new Map(opportunities.map((o) => [o.id, o])) };
  });
  const [generation, setGeneration] = useState(0);
  const kindName = useKindNames(customer, generation);
  const h = history.data;
  const people = useNames('people', h?.people.map((p) => p.person) ?? []);
  const orgs = useNames('organizations', h?.competitors.map((c) => c.org) ?? []);
  const [listing, setListing] = useState<Listing | null>(null);
  const open = (l: Listing) => setListing(l);

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="history-tab">
      <PageState loading={history.loading && !h} error={history.error} onRetry={history.reload}>
        {h && <HistoryFigures h={h} open={open} kindName={kindName} people={people} orgs={orgs} />}
      </PageState>
      <MilestoneModelEditor customer={customer} canWrite={canWrite} onSaved={() => { history.reload(); setGeneration((g) => g + 1); }} />
      <ProjectsDrawer listing={listing} records={records.data?.byId ?? new Map()} onClose={() => setListing(null)} />
    </Space>
  );
}

function HistoryFigures({ h, open, kindName, people, orgs }: {
  h: CustomerHistory; open(l: Listing): void;
  kindName(kind: string): string; people: Record<string, string>; orgs: Record<string, string>;
}) {
  const { t } = useTranslation('project');
  const p = h.projects;
  const decided = [...p.ids.won, ...p.ids.lost];
  const w = h.prices.win_to_budget;
  const l = h.prices.our_to_winning_lost;
  const stat = (key: string, value: number, ids: string[]) => (
    <Col xs={12} md={8} xl={4} key={key}>
      <Card size="small">
        <Statistic title={t(`history.${key}`)} valueRender={() => <Count value={value} ids={ids} title={t(`history.${key}`)} open={open} testId={`history-${key}`} />} />
      </Card>
    </Col>
  );
  return (
    <>
      <Typography.Text type="secondary">{t('history.intro', { date: h.as_of })}</Typography.Text>
      <Row gutter={[12, 12]} data-testid="history-projects">
        {stat('count', p.count, [...decided, ...p.ids.abandoned])}
        {stat('won', p.won, p.ids.won)}
        {stat('lost', p.lost, p.ids.lost)}
        {stat('abandoned', p.abandoned, p.ids.abandoned)}
        <Col xs={12} md={8} xl={4}>
          <Card size="small">
            <Statistic title={t('history.winRate')} valueRender={() => <Count value={formatRatio(p.win_rate)} ids={decided} title={t('history.winRate')} open={open} testId="history-win-rate" />} />
          </Card>
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Card size="small">
            <Statistic title={t('history.winToBudget')} valueRender={() => <Count value={formatRatio(w.mean)} ids={w.projects} title={t('history.winToBudget')} open={open} testId="history-win-to-budget" />} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('history.range', { min: formatRatio(w.min), max: formatRatio(w.max), n: w.n })}</Typography.Text>
          </Card>
        </Col>
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('history.rhythm')}>
            <Table
              size="small" rowKey={(r) => `${r.from}-${r.to}`} pagination={false} dataSource={h.rhythm} data-testid="history-rhythm"
              columns={[
                { title: t('history.step'), key: 'step', render: (_: unknown, r) => `${kindName(r.from)} → ${kindName(r.to)}` },
                {
                  title: t('history.days'), key: 'days',
                  render: (_: unknown, r) => (r.days === null ? '—' : <Count value={t('history.daysValue', { count: r.days })} ids={r.samples.map((s) => s.opportunity)} title={`${kindName(r.from)} → ${kindName(r.to)}`} open={open} />),
                },
                { title: t('history.samples'), dataIndex: 'n' },
                { title: t('history.source'), dataIndex: 'source', render: (s: string | null) => (s ? <Tag color={s === 'customer' ? 'blue' : 'default'}>{t(`history.sourceOf.${s}`)}</Tag> : '—') },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('history.tender')}>
            <Space direction="vertical" style={{ width: '100%' }}>
              <div data-testid="history-usual-method">
                {t('history.usualMethod')}: <b>{h.usual_method ? t(`method.${h.usual_method}`) : '—'}</b>
                {' · '}
                {t('history.usualRule')}: <b>{h.usual_rule ? t(`rule.${h.usual_rule}`) : '—'}</b>
              </div>
              <Space wrap>
                <Typography.Text type="secondary">{t('situation.method')}:</Typography.Text>
                {TENDER_METHODS.filter((m) => h.methods[m]).map((m) => (
                  <Tag key={m}>{t(`method.${m}`)} <Count value={h.methods[m]} ids={h.method_projects[m] ?? []} title={t(`method.${m}`)} open={open} /></Tag>
                ))}
              </Space>
              <Space wrap>
                <Typography.Text type="secondary">{t('situation.rule')}:</Typography.Text>
                {AWARD_RULES.filter((r) => h.rules[r]).map((r) => (
                  <Tag key={r}>{t(`rule.${r}`)} <Count value={h.rules[r]} ids={h.rule_projects[r] ?? []} title={t(`rule.${r}`)} open={open} /></Tag>
                ))}
              </Space>
              <div>
                {t('history.ourToWinning')}: <Count value={formatRatio(l.mean)} ids={l.projects} title={t('history.ourToWinning')} open={open} />
                <Typography.Text type="secondary"> ({t('history.n', { n: l.n })})</Typography.Text>
              </div>
            </Space>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('history.competitors')}>
            <Table
              size="small" rowKey="org" pagination={false} dataSource={h.competitors} data-testid="history-competitors"
              locale={{ emptyText: t('history.noCompetitors') }}
              columns={[
                { title: t('people.org'), dataIndex: 'org', render: (o: string) => orgs[o] ?? o },
                { title: t('history.appearances'), dataIndex: 'appearances', render: (v: number, c) => <Count value={v} ids={c.projects} title={`${orgs[c.org] ?? c.org} · ${t('history.appearances')}`} open={open} /> },
                { title: t('history.theirWins'), dataIndex: 'wins', render: (v: number, c) => <Count value={v} ids={c.win_projects} title={`${orgs[c.org] ?? c.org} · ${t('history.theirWins')}`} open={open} /> },
                { title: t('history.weWon'), dataIndex: 'we_won', render: (v: number, c) => <Count value={v} ids={c.we_won_projects} title={`${orgs[c.org] ?? c.org} · ${t('history.weWon')}`} open={open} /> },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('history.people')}>
            <Table
              size="small" rowKey="person" pagination={false} dataSource={h.people} data-testid="history-people"
              locale={{ emptyText: t('history.noPeople') }}
              columns={[
                { title: t('people.person'), dataIndex: 'person', render: (pid: string) => <Link to={`/people/${encodeURIComponent(pid)}`}>{people[pid] ?? pid}</Link> },
                { title: t('history.chains'), dataIndex: 'count', render: (v: number, r) => <Count value={v} ids={r.projects} title={people[r.person] ?? r.person} open={open} /> },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('history.criteria')}>
            <Table
              size="small" rowKey="item" pagination={false} dataSource={h.criteria} data-testid="history-criteria"
              locale={{ emptyText: t('history.noCriteria') }}
              columns={[
                { title: t('situation.item'), dataIndex: 'item' },
                { title: t('history.projectsUsing'), dataIndex: 'projects', render: (v: number, c) => <Count value={v} ids={c.opportunities} title={c.item} open={open} /> },
                { title: t('history.meanWeight'), dataIndex: 'mean_weight', render: (v: number) => v.toFixed(1) },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('history.lessons')} data-testid="history-lessons">
            {(['win_factor', 'loss_factor'] as const).map((kind) => {
              const tags = sortedTags(h.lessons[kind]);
              return (
                <div key={kind} style={{ marginBottom: 8 }}>
                  <Typography.Text strong>{t(`lessonKind.${kind}`)}: </Typography.Text>
                  {tags.length ? tags.map(({ tag, count }) => (
                    <Tag key={tag} color={kind === 'win_factor' ? 'green' : 'red'}>
                      {tag} <Count value={count} ids={h.lesson_projects[kind][tag] ?? []} title={`${t(`lessonKind.${kind}`)} · ${tag}`} open={open} />
                    </Tag>
                  )) : <Typography.Text type="secondary">—</Typography.Text>}
                </div>
              );
            })}
          </Card>
        </Col>
      </Row>
      {p.count === 0 && <Empty description={t('history.none')} />}
    </>
  );
}
