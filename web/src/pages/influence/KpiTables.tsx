// The KPIs of employee influence per scope (company, teams, me) and per employee. Each table loads when its
// tab is first opened, and again when the perspective's day or side changes.
import { Alert, Input, Progress, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { InfluenceLineSummary } from '../../api/lines';
import type { EmployeeMetrics, Team, User } from '../../api/types';
import { PageState } from '../../components/PageState';
import { TierTag } from '../../components/Tags';
import { errorText } from '../../lib/errors';
import { DegreeFigure } from '../../components/Figure';
import { useFormat } from '../../lib/format';
import { useUserNames } from '../../state/useUserNames';
import { kpiRow, kpiScopes, mapLimit, type EmployeeEntry, type KpiRow, type KpiScope } from './model';
import { paging } from '../../lib/paging';

type Loaded<T> = { ok: true; value: T } | { ok: false; error: unknown };

async function settle<T>(promise: Promise<T>): Promise<Loaded<T>> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    return { ok: false, error };
  }
}

const byNumber = (pick: (row: KpiRow) => number | null) => (a: KpiRow, b: KpiRow) => (pick(a) ?? -1) - (pick(b) ?? -1);

export function ScopeKpiTable({ user, teams, users, scope, params }: {
  user: User; teams: Team[]; users: User[]; scope: string; params: Record<string, string>;
}) {
  const { t } = useTranslation('influence');
  const format = useFormat();
  const scopes = useMemo(() => kpiScopes(user, teams, users, scope), [user, teams, users, scope]);
  const [rows, setRows] = useState<{ scope: KpiScope; loaded: Loaded<InfluenceLineSummary> }[] | null>(null);
  const key = `${scopes.map((s) => s.scope).join(',')}|${JSON.stringify(params)}`;

  useEffect(() => {
    let current = true;
    setRows(null);
    void mapLimit(scopes, 4, async (s) => ({ scope: s, loaded: await settle(api.get<InfluenceLineSummary>('/lines/influence', { ...params, scope: s.scope, limit: 0 })) })).then(
      (answers) => current && setRows(answers),
    );
    return () => {
      current = false;
    };
    // `key` stands for the scopes and the parameters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const userName = useUserNames(scopes.filter((s) => s.kind === 'user').map((s) => s.scope.slice(5)));
  const scopeName = (s: KpiScope) => {
    if (s.kind === 'company') return t('kpi.company');
    if (s.kind === 'me') return t('kpi.me');
    const name = s.kind === 'user' ? userName(s.scope.slice(5)) ?? t('figures.loadingName', { ns: 'common' }) : s.name;
    return t(`kpi.${s.kind}`, { name });
  };
  const failures = (rows ?? []).filter((r) => !r.loaded.ok);
  const data = (rows ?? []).flatMap((r) => (r.loaded.ok ? [kpiRow(r.scope, r.loaded.value)] : []));
  const columns: ColumnsType<KpiRow> = [
    { title: t('kpi.scope'), key: 'scope', render: (_, row) => scopeName(row.scope) },
    { title: t('kpi.acquainted'), dataIndex: 'acquainted', key: 'acquainted', align: 'right', render: (v: number) => format.count(v), sorter: byNumber((r) => r.acquainted) },
    { title: t('kpi.uninsighted'), dataIndex: 'uninsighted', key: 'uninsighted', align: 'right', render: (v: number) => format.count(v), sorter: byNumber((r) => r.uninsighted) },
    { title: t('kpi.valuePotential'), key: 'vp', align: 'right', render: (_, r) => format.share(r.valuePotential), sorter: byNumber((r) => r.valuePotential) },
    { title: t('kpi.contributionCount'), key: 'cc', align: 'right', render: (_, r) => format.share(r.contributionCount), sorter: byNumber((r) => r.contributionCount) },
    { title: t('kpi.contributionAmount'), key: 'ca', align: 'right', render: (_, r) => format.share(r.contributionAmount), sorter: byNumber((r) => r.contributionAmount) },
  ];
  return (
    <PageState loading={rows === null}>
      <Space direction="vertical" style={{ width: '100%' }}>
        {failures.map((f) => (
          <Alert key={f.scope.scope} type="warning" showIcon message={`${scopeName(f.scope)}: ${t('kpi.failed')} — ${!f.loaded.ok ? errorText(f.loaded.error) : ''}`} />
        ))}
        <Table<KpiRow> data-testid="influence-kpi-table" size="small" rowKey="key" columns={columns} dataSource={data} pagination={{ pageSize: 20, hideOnSinglePage: true }} />
      </Space>
    </PageState>
  );
}

interface EmployeeRow extends EmployeeEntry {
  loaded: Loaded<EmployeeMetrics> | null;
}

const metric = (pick: (m: EmployeeMetrics) => number | null) => (row: EmployeeRow) => (row.loaded?.ok ? pick(row.loaded.value) : null);
const byMetric = (pick: (m: EmployeeMetrics) => number | null) => (a: EmployeeRow, b: EmployeeRow) => (metric(pick)(a) ?? -1) - (metric(pick)(b) ?? -1);

export function EmployeeKpiTable({ entries, params }: { entries: EmployeeEntry[]; params: Record<string, string> }) {
  const { t } = useTranslation('influence');
  const format = useFormat();
  const [results, setResults] = useState<Map<string, Loaded<EmployeeMetrics>>>(new Map());
  const [text, setText] = useState('');
  const key = `${entries.map((e) => e.person).join(',')}|${JSON.stringify(params)}`;

  useEffect(() => {
    let current = true;
    setResults(new Map());
    void mapLimit(entries, 6, async (entry) => {
      const loaded = await settle(api.get<EmployeeMetrics>(`/employees/${encodeURIComponent(entry.person)}/metrics`, params));
      if (current) setResults((previous) => new Map(previous).set(entry.person, loaded));
    });
    return () => {
      current = false;
    };
    // `key` stands for the employees and the parameters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const needle = text.trim().toLowerCase();
  const rows: EmployeeRow[] = entries
    .filter((e) => !needle || e.name.toLowerCase().includes(needle) || (e.login ?? '').toLowerCase().includes(needle))
    .map((e) => ({ ...e, loaded: results.get(e.person) ?? null }));
  const show = (pick: (m: EmployeeMetrics) => ReactNode) => (_: unknown, row: EmployeeRow) =>
    row.loaded === null ? '…' : row.loaded.ok ? pick(row.loaded.value) : <Typography.Text type="danger">{errorText(row.loaded.error)}</Typography.Text>;
  const columns: ColumnsType<EmployeeRow> = [
    { title: t('employees.employee'), dataIndex: 'name', key: 'name', sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN') },
    { title: t('employees.login'), key: 'login', render: (_, row) => row.login ?? '—' },
    { title: t('employees.acquainted'), key: 'acq', align: 'right', render: show((m) => format.count(m.acquainted)), sorter: byMetric((m) => m.acquainted), defaultSortOrder: 'descend' },
    { title: t('employees.uninsighted'), key: 'unins', align: 'right', render: show((m) => format.count(m.uninsighted)), sorter: byMetric((m) => m.uninsighted) },
    {
      title: t('employees.closeness'),
      key: 'closeness',
      render: (_: unknown, row: EmployeeRow) => show((m) => (
        <Space size={4}>
          <DegreeFigure stats={m.degrees.closeness} explain={{ figure: 'employee', id: row.person, dimension: 'closeness', name: row.name }} testId="employee-closeness" />
          <TierTag tier={m.degrees.closeness.tier} />
        </Space>
      ))(_, row),
      sorter: byMetric((m) => m.degrees.closeness.mean),
    },
    { title: t('employees.valuePotential'), key: 'vp', align: 'right', render: show((m) => format.share(m.value_potential)), sorter: byMetric((m) => m.value_potential) },
    { title: t('employees.uses'), key: 'uses', align: 'right', render: show((m) => m.influence_uses), sorter: byMetric((m) => m.influence_uses) },
    { title: t('employees.wins'), key: 'wins', align: 'right', render: show((m) => m.contributed_wins), sorter: byMetric((m) => m.contributed_wins) },
  ];
  const done = results.size;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Input.Search allowClear placeholder={t('employees.search')} aria-label={t('employees.search')} style={{ width: 260 }} onSearch={setText} onChange={(e) => setText(e.target.value)} />
        <Typography.Text type="secondary">{t('employees.hint')}</Typography.Text>
        {done < entries.length && (
          <Space size="small">
            <Progress type="circle" size={20} percent={Math.round((done / Math.max(1, entries.length)) * 100)} />
            <Typography.Text type="secondary">{t('employees.loading', { done, total: entries.length })}</Typography.Text>
          </Space>
        )}
      </Space>
      <Table<EmployeeRow>
        data-testid="influence-employee-table"
        size="small"
        rowKey="person"
        columns={columns}
        dataSource={rows}
        pagination={paging(10)}
      />
    </Space>
  );
}
