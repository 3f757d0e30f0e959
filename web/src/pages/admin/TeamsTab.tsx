// The team tree with create and edit (name, parent team, manager).
import { App, Button, Form, Input, Select, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Team } from '../../api/types';
import { todayIso } from '../../lib/format';
import { FormModal } from './FormModal';
import type { DirectoryData } from './useDirectoryData';
import { teamAndBelow, teamChange, teamRequest, teamTree, type TeamForm, type TeamNode } from './usersModel';

export function TeamsTab({ data, reload }: { data: DirectoryData; reload(): void }) {
  const { t } = useTranslation('admin');
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<{ team: Team | null } | null>(null);
  const today = todayIso();
  const tree = useMemo(() => teamTree(data.teams), [data.teams]);
  const personNames = useMemo(() => new Map(data.people.map((p) => [p.id, p.name])), [data.people]);
  const userLabel = (id: string | null) => {
    if (!id) return '—';
    const user = data.users.find((u) => u.id === id);
    if (!user) return id;
    const name = personNames.get(user.person);
    return name ? `${name} (${user.login})` : user.login;
  };
  const members = (team: string) => data.users.filter((u) => u.team === team && (u.until === null || u.until > today)).length;

  const editing = dialog?.team ?? null;
  const excluded = editing ? teamAndBelow(data.teams, editing.id) : new Set<string>();
  const parentOptions = data.teams.filter((team) => !excluded.has(team.id)).map((team) => ({ value: team.id, label: team.name }));
  const managerOptions = data.users
    .filter((u) => (u.until === null || u.until > today) && u.role !== 'employee')
    .map((u) => ({ value: u.id, label: userLabel(u.id) }));

  const columns: ColumnsType<TeamNode> = [
    { title: t('teams.name'), dataIndex: 'name', key: 'name' },
    { title: t('teams.manager'), key: 'manager', render: (_, team) => userLabel(team.manager) },
    { title: t('teams.members'), key: 'members', align: 'right', render: (_, team) => members(team.id) },
    { title: t('users.since'), key: 'since', render: (_, team) => team.since ?? '—' },
    { title: t('users.until'), key: 'until', render: (_, team) => team.until ?? '—' },
    {
      title: t('users.actions'),
      key: 'actions',
      render: (_, team) => (
        <Button size="small" onClick={() => setDialog({ team })} data-testid={`team-edit-${team.id}`}>{t('users.edit')}</Button>
      ),
    },
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Button type="primary" onClick={() => setDialog({ team: null })} data-testid="team-create">{t('teams.create')}</Button>
      <Table<TeamNode>
        data-testid="admin-teams-table"
        size="small"
        rowKey="key"
        columns={columns}
        dataSource={tree}
        expandable={{ defaultExpandAllRows: true }}
        pagination={false}
      />
      <FormModal<TeamForm>
        open={dialog !== null}
        title={editing ? t('teams.editTitle', { name: editing.name }) : t('teams.createTitle')}
        initialValues={editing ? { name: editing.name, parent: editing.parent ?? undefined, manager: editing.manager ?? undefined } : {}}
        testId="team-form"
        onClose={() => setDialog(null)}
        onSubmit={async (values) => {
          if (editing) {
            const change = teamChange(editing, values);
            if (change) await api.patch(`/teams/${encodeURIComponent(editing.id)}`, change);
            message.success(t('teams.saved', { name: values.name.trim() }));
          } else {
            await api.post('/teams', teamRequest(values));
            message.success(t('teams.created', { name: values.name.trim() }));
          }
          setDialog(null);
          reload();
        }}
      >
        <Form.Item name="name" label={t('teams.name')} rules={[{ required: true, whitespace: true, message: t('teams.nameRequired') }, { max: 200 }]}>
          <Input data-testid="team-name" />
        </Form.Item>
        <Form.Item name="parent" label={t('teams.parent')}>
          <Select allowClear showSearch optionFilterProp="label" placeholder={t('teams.noParent')} options={parentOptions} data-testid="team-parent" />
        </Form.Item>
        <Form.Item name="manager" label={t('teams.manager')}>
          <Select allowClear showSearch optionFilterProp="label" placeholder={t('teams.noManager')} options={managerOptions} />
        </Form.Item>
      </FormModal>
    </Space>
  );
}
