// The five aspects of the project file (SPEC.md §8.3): people 人 (the chain at close and the vendors), money 财
// (amounts, ratios, quote rounds), things 物 (scope, documents), situation 情 (conditions, type, method, rule,
// criteria, links) and timing 节 (the milestone timeline).
import { Button, Card, Col, DatePicker, Descriptions, Empty, Form, Input, Row, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useNames, useSubmit } from '../../api/hooks';
import { addMilestone, type ProjectChainMember, type ProjectCriterion, type ProjectQuote, type ProjectView } from '../../api/project';
import { DIMENSIONS, type YesNo } from '../../api/types';
import { Chart, type ChartOption } from '../../components/Chart';
import { ErrorAlert } from '../../components/PageState';
import { AttitudeTag } from '../../components/Tags';
import { formatAmount, tenantToday } from '../../lib/format';
import { YesNoTag } from '../person/ProfileCards';
import { DocumentsPanel } from './DocumentsPanel';
import { formatRatio, latestQuote, quoteSeries, ratio, weightSum } from './logic';
import { Timeline } from './Timeline';

const RESULT_COLOR: Record<string, string> = { won: 'green', lost: 'red', disqualified: 'volcano', unknown: 'default' };

export function PeopleAspect({ view, closed, ours }: { view: ProjectView; closed: boolean; ours: string | null }) {
  const { t } = useTranslation('project');
  const people = useNames('people', view.people.chain.map((m) => m.person));
  const orgs = useNames('organizations', view.people.vendors.map((v) => v.org));
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={15}>
        <Card size="small" title={closed ? t('people.chainAtClose', { date: view.people.chain_as_of }) : t('people.chainOn', { date: view.people.chain_as_of })}>
          <Table<ProjectChainMember>
            size="small" rowKey="person" pagination={false} data-testid="project-chain" dataSource={view.people.chain}
            locale={{ emptyText: t('people.noChain') }}
            columns={[
              { title: t('people.person'), dataIndex: 'person', render: (p: string) => <Link to={`/people/${encodeURIComponent(p)}`}>{people[p] ?? p}</Link> },
              { title: t('people.role'), dataIndex: 'role', render: (r: string) => t(`chainRole.${r}`, { ns: 'common' }) },
              { title: t('vote.veto', { ns: 'common' }), dataIndex: 'veto', render: (v: YesNo) => <YesNoTag value={v} /> },
              { title: t('vote.approve', { ns: 'common' }), dataIndex: 'approve', render: (v: YesNo) => <YesNoTag value={v} /> },
              ...DIMENSIONS.map((d) => ({
                title: t(`dimensionShort.${d}`, { ns: 'common' }), key: d,
                render: (_: unknown, m: ProjectChainMember) => <AttitudeTag value={m[d]} inherited={m.inherited?.includes(d)} />,
              })),
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={9}>
        <Card size="small" title={t('people.vendors')}>
          <Table
            size="small" rowKey="id" pagination={false} data-testid="project-vendors" dataSource={view.people.vendors}
            locale={{ emptyText: t('people.noVendors') }}
            columns={[
              {
                title: t('people.org'), dataIndex: 'org',
                render: (o: string | null) => (o ? <>{orgs[o] ?? o}{o === ours ? <Tag color="blue" style={{ marginLeft: 6 }}>{t('money.ours')}</Tag> : null}</> : '—'),
              },
              { title: t('people.result'), dataIndex: 'result', render: (r: string) => <Tag color={RESULT_COLOR[r]}>{t(`vendorResult.${r}`)}</Tag> },
              { title: t('people.rank'), dataIndex: 'rank', render: (r: number | null) => r ?? '—' },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}

function quoteOption(quotes: ProjectQuote[], ours: string | null, name: (org: string) => string, currency: string, lang: string): ChartOption {
  const { rounds, series } = quoteSeries(quotes, ours);
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? formatAmount(v, lang, currency) : '—') },
    legend: { top: 0 },
    grid: { left: 90, right: 24, top: 40, bottom: 36 },
    xAxis: { type: 'category', data: rounds.map(String), name: '', axisLabel: { formatter: (v: string) => `#${v}` } },
    yAxis: { type: 'value', scale: true, axisLabel: { formatter: (v: number) => formatAmount(v, lang, currency) } },
    series: series.map((s) => ({
      name: name(s.org),
      type: 'line',
      data: s.prices,
      connectNulls: true,
      symbolSize: s.ours ? 10 : 7,
      lineStyle: { width: s.ours ? 4 : 2, type: s.ours ? 'solid' : 'dashed' },
      itemStyle: s.ours ? { color: '#1d4ed8' } : undefined,
      z: s.ours ? 3 : 2,
    })),
  };
}

export function MoneyAspect({ view, currency, ours }: { view: ProjectView; currency: string; ours: string | null }) {
  const { t, i18n } = useTranslation('project');
  const lang = i18n.language;
  const m = view.money;
  const orgs = useNames('organizations', [m.winner, ...m.quotes.map((q) => q.org)]);
  const orgName = (org: string) => (org === ours ? t('money.ours') : orgs[org] ?? org);
  const option = useMemo(() => quoteOption(m.quotes, ours, orgName, currency, lang), [m.quotes, ours, orgs, currency, lang]); // eslint-disable-line react-hooks/exhaustive-deps
  const winToBudget = m.win_to_budget ?? ratio(m.winning_bid, m.budget);
  const latest = latestQuote(m.quotes, ours);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }} data-testid="project-money">
        <Descriptions.Item label={t('money.budget')}><span data-testid="money-budget">{formatAmount(m.budget, lang, currency)}</span></Descriptions.Item>
        <Descriptions.Item label={t('money.ourBid')}><span data-testid="money-our-bid">{formatAmount(m.our_bid, lang, currency)}</span></Descriptions.Item>
        <Descriptions.Item label={t('money.winningBid')}><span data-testid="money-winning-bid">{formatAmount(m.winning_bid, lang, currency)}</span></Descriptions.Item>
        <Descriptions.Item label={t('money.winner')}>{m.winner ? orgName(m.winner) : t('money.unknownWinner')}</Descriptions.Item>
        <Descriptions.Item label={t('money.winToBudget')}><span data-testid="money-win-to-budget">{formatRatio(winToBudget)}</span></Descriptions.Item>
        <Descriptions.Item label={t('money.ourToBudget')}><span data-testid="money-our-to-budget">{formatRatio(ratio(m.our_bid, m.budget))}</span></Descriptions.Item>
        <Descriptions.Item label={t('money.ourToWinning')}>{formatRatio(ratio(m.our_bid, m.winning_bid))}</Descriptions.Item>
        <Descriptions.Item label={t('money.latestQuote')}>
          <span data-testid="money-latest-quote">
            {latest ? `${formatAmount(latest.price, lang, currency)} (#${latest.round}) · ${t('money.toBudget')} ${formatRatio(ratio(latest.price, m.budget))}` : '—'}
          </span>
        </Descriptions.Item>
      </Descriptions>
      <Card size="small" title={t('money.rounds')}>
        {m.quotes.length ? (
          <>
            <Chart option={option} height={280} testId="quote-chart" />
            <Table<ProjectQuote>
              size="small" rowKey="id" pagination={false} data-testid="project-quotes" dataSource={m.quotes}
              columns={[
                { title: t('money.round'), dataIndex: 'round', width: 70, render: (r: number) => `#${r}` },
                { title: t('people.org'), dataIndex: 'org', render: (o: string | null) => (o ? orgName(o) : '—') },
                { title: t('money.price'), dataIndex: 'price', render: (p: number) => formatAmount(p, lang, currency) },
                { title: t('money.toBudget'), key: 'ratio', render: (_: unknown, q) => formatRatio(ratio(q.price, m.budget)) },
                { title: t('common.date', { ns: 'common' }), dataIndex: 'date', width: 120 },
              ]}
            />
          </>
        ) : (
          <Empty description={t('money.noQuotes')} />
        )}
      </Card>
    </Space>
  );
}

export function ThingsAspect({ view, opportunity, onChanged }: { view: ProjectView; opportunity: string; onChanged(): void }) {
  const { t } = useTranslation('project');
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={8}>
        <Card size="small" title={t('things.scope')}>
          {view.things.scope ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{view.things.scope}</Typography.Paragraph> : <Typography.Text type="secondary">{t('things.noScope')}</Typography.Text>}
        </Card>
      </Col>
      <Col xs={24} xl={16}>
        <Card size="small" title={t('things.documents')}>
          <DocumentsPanel opportunity={opportunity} documents={view.things.documents} onUploaded={onChanged} />
        </Card>
      </Col>
    </Row>
  );
}

export function SituationAspect({ view }: { view: ProjectView }) {
  const { t } = useTranslation('project');
  const s = view.situation;
  const others = useNames('opportunities', s.links.map((l) => l.opportunity));
  const sum = weightSum(s.criteria.map((c) => c.weight));
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={10}>
        <Descriptions size="small" bordered column={1} data-testid="project-situation">
          <Descriptions.Item label={t('situation.conditions')}>
            {s.conditions.length ? s.conditions.map((c) => <Tag key={c}>{t(`condition.${c}`, { defaultValue: c })}</Tag>) : '—'}
            {s.conditions_text ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '6px 0 0' }}>{s.conditions_text}</Typography.Paragraph> : null}
          </Descriptions.Item>
          <Descriptions.Item label={t('situation.type')}>{t(`types.${s.type}`, { ns: 'opportunity', defaultValue: s.type })}</Descriptions.Item>
          <Descriptions.Item label={t('situation.method')}>{t(`method.${s.method}`, { defaultValue: s.method })}</Descriptions.Item>
          <Descriptions.Item label={t('situation.rule')}>{t(`rule.${s.rule}`, { defaultValue: s.rule })}</Descriptions.Item>
          <Descriptions.Item label={t('situation.links')}>
            {s.links.length ? (
              <Space direction="vertical" size={2} data-testid="project-links">
                {s.links.map((l) => (
                  <span key={l.id}>
                    <Tag>{t(`linkKind.${l.kind}.${l.direction}`, { defaultValue: l.kind })}</Tag>
                    {l.opportunity ? <Link to={`/opportunities/${encodeURIComponent(l.opportunity)}`}>{others[l.opportunity] ?? l.opportunity}</Link> : '—'}
                  </span>
                ))}
              </Space>
            ) : '—'}
          </Descriptions.Item>
        </Descriptions>
      </Col>
      <Col xs={24} xl={14}>
        <Card
          size="small"
          title={t('situation.criteria')}
          extra={
            <span data-testid="criteria-sum" data-ok={sum.ok ? 'true' : 'false'} style={{ color: sum.ok ? '#389e0d' : '#cf1322', fontWeight: 600 }}>
              {t('situation.weightSum', { total: sum.total })}{sum.ok ? '' : ` · ${t('situation.weightsNot100')}`}
            </span>
          }
        >
          <Table<ProjectCriterion>
            size="small" rowKey="id" pagination={false} data-testid="project-criteria" dataSource={s.criteria}
            locale={{ emptyText: t('situation.noCriteria') }}
            columns={[
              { title: t('situation.item'), dataIndex: 'item' },
              { title: t('situation.weight'), dataIndex: 'weight', width: 80 },
              { title: t('situation.ourScore'), dataIndex: 'our_score', width: 90, render: (v: number | null) => v ?? '—' },
              { title: t('situation.bestScore'), dataIndex: 'best_score', width: 90, render: (v: number | null) => v ?? '—' },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}

export function TimingAspect({ view, opportunity, kindName, onChanged }: {
  view: ProjectView; opportunity: string; kindName(kind: string): string; onChanged(): void;
}) {
  const { t } = useTranslation('project');
  const [form] = Form.useForm<{ kind: string; date: Dayjs; note?: string }>();
  const submit = useSubmit();
  const [open, setOpen] = useState(false);
  const milestones = view.timing.milestones;
  async function record(values: { kind: string; date: Dayjs; note?: string }) {
    const ok = await submit.run(async () => {
      await addMilestone(opportunity, values.kind, values.date.format('YYYY-MM-DD'), values.note);
    });
    if (ok) {
      form.resetFields();
      setOpen(false);
      onChanged();
    }
  }
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      {milestones.length ? <Timeline milestones={milestones} asOf={view.as_of} kindName={kindName} /> : <Empty description={t('timing.noModel')} />}
      <Table
        size="small" rowKey="kind" pagination={false} data-testid="timing-table" dataSource={milestones}
        columns={[
          { title: t('timing.kind'), dataIndex: 'kind', render: (k: string) => kindName(k) },
          { title: t('timing.reached'), dataIndex: 'date', render: (d: string | null) => d ?? '—' },
          { title: t('timing.expected'), dataIndex: 'expected', render: (d: string | null) => (d ? <i>{d}</i> : '—') },
        ]}
      />
      {open ? (
        <Form form={form} layout="inline" onFinish={(v) => void record(v)} initialValues={{ date: tenantToday() }} data-testid="milestone-form">
          <Form.Item name="kind" rules={[{ required: true, message: t('timing.chooseKind') }]}>
            <Select style={{ width: 180 }} placeholder={t('timing.kind')} options={view.timing.model.map((k) => ({ value: k, label: kindName(k) }))} data-testid="milestone-kind" />
          </Form.Item>
          <Form.Item name="date" rules={[{ required: true, message: t('timing.chooseDate') }]}><DatePicker /></Form.Item>
          <Form.Item name="note"><Input placeholder={t('timing.note')} style={{ width: 220 }} /></Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" loading={submit.saving} data-testid="milestone-save">{t('common.save', { ns: 'common' })}</Button>
              <Button onClick={() => setOpen(false)}>{t('common.cancel', { ns: 'common' })}</Button>
            </Space>
          </Form.Item>
        </Form>
      ) : (
        <Button onClick={() => setOpen(true)} data-testid="milestone-add">{t('timing.record')}</Button>
      )}
      {submit.error !== undefined && <ErrorAlert error={submit.error} />}
    </Space>
  );
}
