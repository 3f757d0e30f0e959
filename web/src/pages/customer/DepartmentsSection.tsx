// The customer's departments: the breakdown of the three degrees by department (table and chart), and for
// whoever may change the customer, adding a department, renaming or moving one, and retiring one. Each
// department's history is one click away.
import { EditOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Row, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { retireRecord } from '../../api/records';
import { DIMENSIONS, type CustomerMetrics } from '../../api/types';
import { Chart } from '../../components/Chart';
import { HistoryButton } from '../../components/HistoryDrawer';
import { RetireDialog } from '../../components/RetireDialog';
import { TierTag } from '../../components/Tags';
import { DegreeFigure } from '../../components/Figure';
import { Explainable } from '../../components/Explainable';
import type { ExplainTarget } from '../../lib/explain';
import type { CustomerGraph, GraphDepartment } from './api';
import { departmentOption } from './charts';
import { DepartmentDialog } from './DepartmentDialog';
import { departmentRows, type DepartmentRow } from './tables';

export function DepartmentsSection({ metrics, graph, canWrite, onChanged }: {
  metrics: CustomerMetrics; graph: CustomerGraph; canWrite: boolean; onChanged(): void;
}) {
  const { t } = useTranslation('customer');
  const { message } = App.useApp();
  const c = (key: string) => t(key, { ns: 'common' });
  // undefined: no dialog; null: a new department.
  const [editing, setEditing] = useState<GraphDepartment | null | undefined>(undefined);
  const [retiring, setRetiring] = useState<GraphDepartment | null>(null);
  const byId = useMemo(() => new Map(graph.departments.map((d) => [d.id, d])), [graph.departments]);
  const rows = useMemo(() => departmentRows(metrics, graph.departments, t('noDepartment')), [metrics, graph.departments, t]);
  const option = useMemo(() => departmentOption(rows, (k) => t(k, { ns: 'common' })), [rows, t]);

  const columns: ColumnsType<DepartmentRow> = [
    {
      title: t('department'), dataIndex: 'name', width: 180, sorter: (a, b) => a.name.localeCompare(b.name, 'zh'),
      render: (name: string, row) => {
        const parent = row.department ? byId.get(byId.get(row.department)?.parent ?? '') : undefined;
        return (
          <div data-testid="department-name">
            <div>{name}</div>
            {parent ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('dept.under', { name: parent.name })}</Typography.Text> : null}
          </div>
        );
      },
    },
    { title: t('keyPersons'), dataIndex: 'key_persons', width: 90, align: 'right', sorter: (a, b) => a.key_persons - b.key_persons },
    ...DIMENSIONS.map((d) => ({
      title: c(`dimensionShort.${d}`),
      key: d,
      width: 160,
      render: (_: unknown, row: DepartmentRow) => {
        // Key persons without a department have no department figure to explain.
        const explain: ExplainTarget | undefined = row.department ? { figure: 'department', id: row.department, dimension: d, name: row.name } : undefined;
        return (
          <Space size={4} style={{ whiteSpace: 'nowrap' }}>
            <DegreeFigure stats={row.degrees[d]} meanShown="tooltip" explain={explain} testId={`department-${d}`} />
            <Explainable target={explain}><TierTag tier={row.degrees[d].tier} /></Explainable>
          </Space>
        );
      },
      sorter: (a: DepartmentRow, b: DepartmentRow) => (a.degrees[d].mean ?? -9) - (b.degrees[d].mean ?? -9),
    })),
    {
      title: c('common.actions'), key: 'actions', fixed: 'right', width: canWrite ? 116 : 60,
      render: (_: unknown, row: DepartmentRow) => {
        const department = row.department ? byId.get(row.department) : undefined;
        if (!department) return null;
        return (
          <Space size={4}>
            <HistoryButton collection="departments" id={department.id} name={department.name} size="small" />
            {canWrite ? (
              <>
                <Button size="small" icon={<EditOutlined />} aria-label={c('common.edit')} onClick={() => setEditing(department)} data-testid="department-edit" />
                <Button size="small" danger icon={<StopOutlined />} aria-label={c('common.retire')} onClick={() => setRetiring(department)} data-testid="department-retire" />
              </>
            ) : null}
          </Space>
        );
      },
    },
  ];

  return (
    <Card
      size="small"
      title={t('departments')}
      extra={canWrite ? <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="department-add">{t('dept.add')}</Button> : null}
    >
      <Row gutter={16}>
        <Col xs={24} xxl={16}>
          <Table
            size="small"
            rowKey="key"
            columns={columns}
            dataSource={rows}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            data-testid="departments-table"
          />
        </Col>
        <Col xs={24} xxl={8}>
          <Typography.Text type="secondary">{t('departmentChart')}</Typography.Text>
          <Chart option={option} height={260} testId="departments-chart" />
        </Col>
      </Row>
      {canWrite ? (
        <>
          <DepartmentDialog
            open={editing !== undefined}
            customer={graph.customer.id}
            department={editing ?? null}
            departments={graph.departments}
            onClose={() => setEditing(undefined)}
            onSaved={() => {
              setEditing(undefined);
              void message.success(c('common.saved'));
              onChanged();
            }}
          />
          <RetireDialog
            open={retiring !== null}
            title={t('dept.retireTitle', { name: retiring?.name ?? '' })}
            onClose={() => setRetiring(null)}
            onRetire={async (day) => {
              await retireRecord('departments', retiring!.id, day);
              setRetiring(null);
              void message.success(c('retire.done'));
              onChanged();
            }}
          />
        </>
      ) : null}
    </Card>
  );
}
