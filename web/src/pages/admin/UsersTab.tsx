// The users table with create, edit (role, team, active), password reset and retire.
import { App, Button, Checkbox, Form, Input, Popconfirm, Select, Space, Switch, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { User } from '../../api/types';
import { errorText } from '../../lib/errors';
import { todayIso } from '../../lib/format';
import { FormModal } from './FormModal';
import { HandoverDialog } from './HandoverDialog';
import { activeOn } from '../influence/model';
import type { DirectoryData } from './useDirectoryData';
import { filterUsers, ROLES, userChange, userCreateRequest, userRows, type UserCreateForm, type UserEditForm, type UserRow } from './usersModel';
import { paging } from '../../lib/paging';

type Dialog = { kind: 'create' } | { kind: 'edit'; user: UserRow } | { kind: 'password'; user: UserRow } | { kind: 'handover'; user: UserRow } | null;

export function UsersTab({ data, reload }: { data: DirectoryData; reload(): void }) {
  const { t } = useTranslation('admin');
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [showRetired, setShowRetired] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const today = todayIso();
  const personNames = useMemo(() => new Map(data.people.map((p) => [p.id, p.name])), [data.people]);
  const rows = useMemo(() => userRows(data.users, personNames, data.teams, today), [data.users, personNames, data.teams, today]);
  const shown = filterUsers(rows, text, showRetired);
  const withUser = new Set(data.users.filter((u) => u.until === null || u.until > today).map((u) => u.person));
  const teamOptions = data.teams.map((team) => ({ value: team.id, label: team.name }));
  const roleOptions = ROLES.map((role) => ({ value: role, label: t(`role.${role}`, { ns: 'common' }) }));
  const personOptions = data.people
    .filter((p) => activeOn(p, today))
    .map((p) => ({ value: p.id, label: `${p.name}${p.title ? ` · ${p.title}` : ''}${withUser.has(p.id) ? ` (${t('users.hasUser')})` : ''}` }));

  async function retire(user: UserRow) {
    try {
      await api.del(`/users/${encodeURIComponent(user.id)}`);
      message.success(t('users.retired', { login: user.login }));
    } catch (error) {
      message.error(errorText(error));
    }
    reload();
  }

  const columns: ColumnsType<UserRow> = [
    { title: t('users.login'), dataIndex: 'login', key: 'login', sorter: (a, b) => a.login.localeCompare(b.login) },
    { title: t('users.name'), key: 'name', render: (_, u) => u.name ?? u.person },
    {
      title: t('users.role'),
      key: 'role',
      render: (_, u) => t(`role.${u.role}`, { ns: 'common' }),
      filters: ROLES.map((role) => ({ value: role, text: t(`role.${role}`, { ns: 'common' }) })),
      onFilter: (value, u) => u.role === value,
    },
    { title: t('users.team'), key: 'team', render: (_, u) => u.teamName ?? '—' },
    {
      title: t('users.active'),
      key: 'active',
      render: (_, u) =>
        u.retired ? <Tag>{t('users.retiredTag')}</Tag> : u.active ? <Tag color="green">{t('users.activeYes')}</Tag> : <Tag color="orange">{t('users.activeNo')}</Tag>,
    },
    { title: t('users.language'), key: 'language', render: (_, u) => (u.language === 'en' ? 'English' : '中文') },
    { title: t('users.since'), key: 'since', render: (_, u) => u.since ?? '—' },
    { title: t('users.until'), key: 'until', render: (_, u) => u.until ?? '—' },
    {
      title: t('users.actions'),
      key: 'actions',
      render: (_, u) =>
        u.retired ? null : (
          <Space size={4} wrap>
            <Button size="small" onClick={() => setDialog({ kind: 'edit', user: u })} data-testid={`user-edit-${u.login}`}>{t('users.edit')}</Button>
            <Button size="small" onClick={() => setDialog({ kind: 'password', user: u })}>{t('users.resetPassword')}</Button>
            {(u.role === 'rep' || u.role === 'manager') && (
              <Button size="small" onClick={() => setDialog({ kind: 'handover', user: u })} data-testid={`user-handover-${u.login}`}>{t('handover.action')}</Button>
            )}
            <Popconfirm title={t('users.retireConfirm', { login: u.login })} onConfirm={() => retire(u)} okButtonProps={{ danger: true }}>
              <Button size="small" danger>{t('users.retire')}</Button>
            </Popconfirm>
          </Space>
        ),
    },
  ];

  const editing = dialog?.kind === 'edit' ? dialog.user : null;
  const resetting = dialog?.kind === 'password' ? dialog.user : null;
  const close = () => setDialog(null);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Button type="primary" onClick={() => setDialog({ kind: 'create' })} data-testid="user-create">{t('users.create')}</Button>
        <Input.Search allowClear placeholder={t('users.search')} aria-label={t('users.search')} style={{ width: 240 }} onSearch={setText} onChange={(e) => setText(e.target.value)} />
        <Checkbox checked={showRetired} onChange={(e) => setShowRetired(e.target.checked)}>{t('users.showRetired')}</Checkbox>
      </Space>
      <Table<UserRow>
        data-testid="admin-users-table"
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={shown}
        pagination={paging(20)}
        scroll={{ x: 1000 }}
      />

      <FormModal<UserCreateForm>
        open={dialog?.kind === 'create'}
        title={t('users.createTitle')}
        initialValues={{ role: 'rep', language: 'zh-CN' }}
        testId="user-create-form"
        onClose={close}
        onSubmit={async (values) => {
          await api.post('/users', userCreateRequest(values));
          message.success(t('users.created', { login: values.login.trim() }));
          close();
          reload();
        }}
      >
        <Form.Item name="login" label={t('users.login')} rules={[{ required: true, whitespace: true, message: t('users.loginRequired') }, { max: 64 }]}>
          <Input autoComplete="off" data-testid="user-login" />
        </Form.Item>
        <Form.Item name="person" label={t('users.person')} extra={t('users.personHint')} rules={[{ required: true, message: t('users.personRequired') }]}>
          <Select showSearch optionFilterProp="label" options={personOptions} data-testid="user-person" />
        </Form.Item>
        <Form.Item name="role" label={t('users.role')} rules={[{ required: true, message: t('users.roleRequired') }]}>
          <Select options={roleOptions} />
        </Form.Item>
        <Form.Item name="team" label={t('users.team')}>
          <Select allowClear placeholder={t('users.noTeam')} options={teamOptions} />
        </Form.Item>
        <Form.Item name="language" label={t('users.language')}>
          <Select options={[{ value: 'zh-CN', label: '中文' }, { value: 'en', label: 'English' }]} />
        </Form.Item>
        <Form.Item name="password" label={t('users.password')} extra={t('users.passwordOptional')} rules={[{ min: 8, message: t('users.passwordRule') }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </FormModal>

      <FormModal<UserEditForm>
        open={editing !== null}
        title={t('users.editTitle', { login: editing?.login ?? '' })}
        initialValues={editing ? { role: editing.role, team: editing.team ?? undefined, active: editing.active } : undefined}
        testId="user-edit-form"
        onClose={close}
        onSubmit={async (values) => {
          if (!editing) return;
          const change = userChange(editing as User, values);
          if (change) await api.patch(`/users/${encodeURIComponent(editing.id)}`, change);
          message.success(t('users.saved', { login: editing.login }));
          close();
          reload();
        }}
      >
        <Form.Item name="role" label={t('users.role')} rules={[{ required: true, message: t('users.roleRequired') }]}>
          <Select options={roleOptions} />
        </Form.Item>
        <Form.Item name="team" label={t('users.team')}>
          <Select allowClear placeholder={t('users.noTeam')} options={teamOptions} />
        </Form.Item>
        <Form.Item name="active" label={t('users.active')} valuePropName="checked">
          <Switch checkedChildren={t('users.activeYes')} unCheckedChildren={t('users.activeNo')} />
        </Form.Item>
      </FormModal>

      <HandoverDialog user={dialog?.kind === 'handover' ? dialog.user : null} users={data.users} onClose={close}
        onDone={() => {
          close();
          reload();
        }} />

      <FormModal<{ password: string; confirm: string }>
        open={resetting !== null}
        title={t('users.resetTitle', { login: resetting?.login ?? '' })}
        testId="user-password-form"
        onClose={close}
        onSubmit={async (values) => {
          if (!resetting) return;
          await api.post(`/users/${encodeURIComponent(resetting.id)}/password`, { password: values.password });
          message.success(t('users.passwordSet', { login: resetting.login }));
          close();
        }}
      >
        <Form.Item name="password" label={t('users.newPassword')} rules={[{ required: true, min: 8, message: t('users.passwordRule') }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('users.confirmPassword')}
          dependencies={['password']}
          rules={[
            { required: true, message: t('users.passwordRule') },
            ({ getFieldValue }) => ({
              validator: (_, value) => (!value || value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('users.passwordMismatch')))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </FormModal>
    </Space>
  );
}
