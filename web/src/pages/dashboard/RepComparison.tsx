// The rep comparison of a team or the company (docs/web.md, "Comparing reps"): a row per rep and manager, each
// the figures of their own view, and the perspective's total. Columns sort; the less important ones are
// chosen in the column chooser and otherwise fold into the row's expansion, so that the table fits a
// 1440-pixel window. A click on a name opens that rep's individual view on the dashboard.
import { SettingOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Descriptions, Popover, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { SorterResult } from 'antd/es/table/interface';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useRepComparison, type RepFigures, type RepRow } from '../../api/reps';
import type { Dimension } from '../../api/types';
import { Delta } from '../../components/Delta';
import { DegreeFigure, SmallSampleMark } from '../../components/Figure';
import { Dimmed, ErrorAlert, SkeletonBlock } from '../../components/PageState';
import { useFormat } from '../../lib/format';
import { usePerspective } from '../../state/perspective';
import {
  COLUMN_WIDTH, EXPAND_WIDTH, FITS_1440, foldedColumns, OPTIONAL_COLUMNS, parseChosen, repScope, shownColumns, sortReps, tableWidth,
  type RepColumn, type RepSort,
} from './reps';

const CHOSEN_KEY = 'brm.reps.columns';
const PAGE = 20;

function readChosen(): RepColumn[] {
  try {
    return parseChosen(localStorage.getItem(CHOSEN_KEY));
  } catch {
    return parseChosen(null);
  }
}

/** The total row stands in the table as a row without a user. */
type Row = RepRow | (RepFigures & { user: ''; name: string; role: null; team: null; team_name: null });

function DegreeCell({ row, dimension }: { row: Row; dimension: Dimension }) {
  const stats = row.degrees[dimension];
  return (
    <Space direction="vertical" size={0} align="end" style={{ fontSize: 12 }}>
      <span style={{ fontSize: 14 }}>
        <DegreeFigure stats={stats} meanShown="tooltip" mark={false} testId={`rep-${dimension}`} />
        <SmallSampleMark known={stats?.known} />
      </span>
      <Delta value={row.mom[dimension]} unit="pp" label="mom" />
      <Delta value={row.yoy[dimension]} unit="pp" label="yoy" />
    </Space>
  );
}

/** The figures of the columns not shown, and the counts behind the rates. */
function Folded({ row, folded }: { row: Row; folded: RepColumn[] }) {
  const { t } = useTranslation('dashboard');
  const format = useFormat();
  const items: { key: string; label: string; children: ReactNode }[] = [
    {
      key: 'key_persons', label: t('reps.keyPersons'),
      children: (
        <Space size="small" wrap>
          <span data-testid="rep-key-persons">{format.count(row.key_persons)}</span>
          <Delta value={row.mom.key_persons} unit="count" current={row.key_persons} label="mom" />
          <Delta value={row.yoy.key_persons} unit="count" current={row.key_persons} label="yoy" />
        </Space>
      ),
    },
    { key: 'insighted', label: t('reps.insighted'), children: `${format.count(row.insighted)} · ${format.share(row.insight_rate)}` },
    { key: 'fully_profiled', label: t('reps.fullyProfiled'), children: `${format.count(row.fully_profiled)} · ${format.share(row.profiling_rate)}` },
    { key: 'customers_yoy', label: t('reps.customersYoy'), children: <Delta value={row.yoy.customers} unit="count" current={row.customers} label="yoy" /> },
    ...folded
      .filter((c) => c === 'value_potential' || c === 'contribution_count' || c === 'contribution_amount')
      .map((c) => ({ key: c, label: t(`reps.column.${c}`), children: format.share(row[c]) })),
  ];
  return <Descriptions size="small" column={4} items={items} data-testid="rep-folded" />;
}

export function RepComparison({ scope }: { scope: string }) {
  const { t } = useTranslation('dashboard');
  const format = useFormat();
  const perspective = usePerspective();
  const navigate = useNavigate();
  // The company's comparison opens every rep's own view (several seconds on a large company): it is asked for
  // when the user wants it, a team's at once.
  const [asked, setAsked] = useState(scope !== 'company');
  const comparison = useRepComparison(asked ? { ...perspective.scoped, scope } : null);
  const [chosen, setChosen] = useState<RepColumn[]>(readChosen);
  const [sort, setSort] = useState<RepSort | null>(null);
  const [page, setPage] = useState(1);

  const choose = (next: RepColumn[]) => {
    setChosen(next);
    try {
      localStorage.setItem(CHOSEN_KEY, JSON.stringify(next));
    } catch {
      // a browser that keeps nothing still shows the choice until the page is left
    }
  };

  const shown = shownColumns(chosen);
  const folded = foldedColumns(chosen);
  const width = tableWidth(shown);
  const rows = useMemo(() => sortReps(comparison.data?.reps ?? [], sort, format.lang), [comparison.data, sort, format.lang]);

  const open = (row: RepRow) => {
    perspective.set({ scope: repScope(row.user) });
    navigate('/');
    window.scrollTo({ top: 0 });
  };

  const teamName = scope.startsWith('team:') ? perspective.teams.find((team) => `team:${team.id}` === scope)?.name : undefined;
  const totalName = scope === 'company' ? t('reps.totalCompany') : teamName ? t('reps.totalTeam', { name: teamName }) : t('reps.total');

  const cell = (column: RepColumn, row: Row): ReactNode => {
    switch (column) {
      case 'name':
        if (!row.user) return <Typography.Text strong data-testid="reps-total-name">{row.name}</Typography.Text>;
        return (
          <Space size={4} wrap>
            <Tooltip title={t('reps.open', { name: row.name })}>
              <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={() => open(row as RepRow)} data-testid="rep-link" data-user={row.user}>
                {row.name}
              </Button>
            </Tooltip>
            {row.role === 'manager' ? <Tag style={{ marginInlineEnd: 0 }}>{t('role.manager', { ns: 'common' })}</Tag> : null}
          </Space>
        );
      case 'team':
        return row.user ? row.team_name ?? t('reps.noTeam') : null;
      case 'customers':
        return (
          <Space direction="vertical" size={0} align="end" style={{ fontSize: 12 }}>
            <span style={{ fontSize: 14 }} data-testid="rep-customers" data-value={row.customers}>{format.count(row.customers)}</span>
            <Delta value={row.mom.customers} unit="count" current={row.customers} label="mom" />
          </Space>
        );
      case 'key_persons':
        return format.count(row.key_persons);
      case 'closeness':
      case 'solution':
      case 'price':
        return <DegreeCell row={row} dimension={column} />;
      case 'warnings':
        return (
          <Space size={4} wrap style={{ justifyContent: 'flex-end' }}>
            <span data-testid="rep-warnings">{format.count(row.warnings.open)}</span>
            {row.warnings.high ? <Tag color="red" style={{ marginInlineEnd: 0 }}>{t('reps.high', { count: row.warnings.high })}</Tag> : null}
          </Space>
        );
      default:
        return format.share(row[column]);
    }
  };

  const title = (column: RepColumn): ReactNode => {
    if (column === 'closeness' || column === 'solution' || column === 'price') {
      return <span data-testid={`reps-sort-${column}`}>{t(`dimension.${column}`, { ns: 'common' })}</span>;
    }
    const tip = column === 'insight_rate' || column === 'profiling_rate' || column === 'value_potential' || column === 'contribution_count' || column === 'contribution_amount'
      ? t(`reps.tip.${column}`) : null;
    const text = <span data-testid={`reps-sort-${column}`}>{t(`reps.column.${column}`)}</span>;
    return tip ? <Tooltip title={tip}>{text}</Tooltip> : text;
  };

  const columns: ColumnsType<RepRow> = shown.map((column) => ({
    key: column,
    title: title(column),
    width: COLUMN_WIDTH[column],
    align: column === 'name' || column === 'team' ? 'left' : 'right',
    sorter: true,
    sortOrder: sort?.column === column ? sort.order : null,
    sortDirections: column === 'name' || column === 'team' ? ['ascend', 'descend'] : ['descend', 'ascend'],
    render: (_: unknown, row: RepRow) => cell(column, row),
    // A title wraps between words, never inside one ("Customer s").
    onHeaderCell: () => ({ style: { overflowWrap: 'normal' } }),
  }));

  const total = comparison.data ? { ...comparison.data.total, user: '' as const, name: totalName, role: null, team: null, team_name: null } : null;

  const chooser = (
    <Checkbox.Group
      value={chosen}
      onChange={(values) => choose(OPTIONAL_COLUMNS.filter((c) => values.includes(c)))}
      style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
      data-testid="reps-columns-list"
      options={OPTIONAL_COLUMNS.map((c) => ({ value: c, label: t(`reps.column.${c}`) }))}
    />
  );

  return (
    <Card
      size="small"
      title={t('reps.title')}
      data-testid="reps-comparison"
      extra={
        <Space>
          {comparison.data ? <Typography.Text type="secondary" data-testid="reps-count">{t('reps.count', { count: comparison.data.reps.length })}</Typography.Text> : null}
          <Popover trigger="click" placement="bottomRight" title={t('reps.columnsTip')} content={chooser}>
            <Button size="small" icon={<SettingOutlined />} data-testid="reps-columns">{t('reps.columns')}</Button>
          </Popover>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{t('reps.intro')}</Typography.Paragraph>
      {!asked ? (
        <Button type="primary" ghost onClick={() => setAsked(true)} data-testid="reps-load">{t('reps.load')}</Button>
      ) : null}
      {comparison.error ? <ErrorAlert error={comparison.error} onRetry={comparison.reload} /> : null}
      {asked && !comparison.data && !comparison.error ? <SkeletonBlock rows={6} testId="reps-skeleton" /> : null}
      {comparison.data && total ? (
        <Dimmed loading={comparison.loading} testId="reps-table">
          <Table<RepRow>
            size="small"
            bordered
            rowKey="user"
            tableLayout="fixed"
            columns={columns}
            dataSource={rows}
            scroll={width > FITS_1440 ? { x: width } : undefined}
            locale={{ emptyText: t('reps.none') }}
            expandable={{ expandedRowRender: (row) => <Folded row={row} folded={folded} />, columnWidth: EXPAND_WIDTH }}
            pagination={rows.length > PAGE ? { current: page, pageSize: PAGE, size: 'small', showSizeChanger: false, onChange: setPage } : false}
            onChange={(_pagination, _filters, sorter, extra) => {
              if (extra.action !== 'sort') return;
              const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<RepRow> | undefined;
              const column = s?.columnKey as RepColumn | undefined;
              setSort(column && s?.order ? { column, order: s.order } : null);
              setPage(1);
            }}
            summary={() => (
              <Table.Summary>
                <Table.Summary.Row data-testid="reps-total" style={{ background: '#fafafa' }}>
                  <Table.Summary.Cell index={0} />
                  {shown.map((column, i) => (
                    <Table.Summary.Cell key={column} index={i + 1} align={column === 'name' || column === 'team' ? 'left' : 'right'}>
                      {cell(column, total)}
                    </Table.Summary.Cell>
                  ))}
                </Table.Summary.Row>
              </Table.Summary>
            )}
          />
        </Dimmed>
      ) : null}
    </Card>
  );
}

