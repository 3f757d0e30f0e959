// The decision chain grouped by role: each member with votes, the three effective project ratings (inherited
// ones marked), interaction; add, edit, remove members; rate a member in this opportunity (two clicks).
import { DeleteOutlined, EditOutlined, PlusOutlined, StarOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Drawer, Empty, Form, Grid, Modal, Popconfirm, Radio, Select, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { rememberNames, useAll, useNames, useSubmit } from '../../api/hooks';
import type { ChainFigure, ChainMemberFigure, ChainRole, Organization, Person, Rating, YesNo } from '../../api/types';
import { CHAIN_ROLES, DIMENSIONS, YES_NO } from '../../api/types';
import { ErrorAlert, PageState } from '../../components/PageState';
import { AttitudeTag } from '../../components/Tags';
import { YesNoTag } from '../person/ProfileCards';
import { RatingPicker } from '../person/RatingPicker';
import { candidates, groupByRole, isInherited, memberBody, memberPatch, type MemberForm } from './chain';
import { tenantToday } from '../../lib/format';


export function ChainSection({ opportunity, customer, chain, competitors, onChanged }: {
  opportunity: string; customer: string; chain: ChainFigure; competitors: Organization[]; onChanged(): void;
}) {
  const { t } = useTranslation('opportunity');
  const { message } = App.useApp();
  const names = useNames('people', chain.members.map((m) => m.person));
  const groups = useMemo(() => groupByRole(chain.members), [chain.members]);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<ChainMemberFigure | null>(null);
  const [rating, setRating] = useState<ChainMemberFigure | null>(null);
  const [error, setError] = useState<unknown>();

  async function remove(member: ChainMemberFigure) {
    setError(undefined);
    try {
      await api.del(`/chain-members/${encodeURIComponent(member.member)}`);
      void message.success(t('memberRemoved'));
      onChanged();
    } catch (failure) {
      setError(failure);
    }
  }

  const columns = [
    {
      title: t('person'), dataIndex: 'person', width: 160,
      render: (p: string) => <Link to={`/people/${encodeURIComponent(p)}`}>{names[p] ?? p}</Link>,
    },
    { title: t('veto'), dataIndex: 'veto', width: 90, render: (v: YesNo) => <YesNoTag value={v} /> },
    { title: t('approve'), dataIndex: 'approve', width: 90, render: (v: YesNo) => <YesNoTag value={v} /> },
    ...DIMENSIONS.map((d) => ({
      title: t(`dimensionShort.${d}`, { ns: 'common' }), key: d, width: 110,
      render: (_: unknown, m: ChainMemberFigure) => (
        <span data-testid={`member-${m.person}-${d}`} data-inherited={m.inherited.includes(d)}>
          <AttitudeTag value={m[d]} inherited={isInherited(m, d)} />
        </span>
      ),
    })),
    { title: t('interaction'), dataIndex: 'interaction', width: 90, render: (i: string) => t(`interaction.${i}`, { ns: 'common' }) },
    {
      title: t('common.actions', { ns: 'common' }), key: 'actions',
      render: (_: unknown, m: ChainMemberFigure) => (
        <Space size={4} wrap>
          <Button size="small" icon={<StarOutlined />} onClick={() => setRating(m)} data-testid={`member-rate-${m.person}`}>{t('rate')}</Button>
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(m)} data-testid={`member-edit-${m.person}`} aria-label={t('editMember')} />
          <Popconfirm
            title={t('removeConfirm', { name: names[m.person] ?? m.person })}
            onConfirm={() => void remove(m)}
            okText={t('common.confirm', { ns: 'common' })}
            cancelText={t('common.cancel', { ns: 'common' })}
            okButtonProps={{ 'data-testid': 'member-remove-confirm' }}
          >
            <Button size="small" danger icon={<DeleteOutlined />} data-testid={`member-remove-${m.person}`} aria-label={t('removeMember')} />
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Card
      size="small"
      title={`${t('chain')} (${chain.members.length})`}
      style={{ marginBottom: 16 }}
      extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="chain-add">{t('addMember')}</Button>}
      data-testid="chain-section"
    >
      {error !== undefined && <div style={{ marginBottom: 8 }}><ErrorAlert error={error} /></div>}
      {groups.length === 0 ? (
        <Empty description={t('chainEmpty')} />
      ) : (
        groups.map((group) => (
          <div key={group.role} style={{ marginBottom: 12 }} data-testid={`chain-role-${group.role}`}>
            <Typography.Text strong>{t(`chainRole.${group.role}`, { ns: 'common' })}</Typography.Text>
            <Typography.Text type="secondary"> · {group.members.length}</Typography.Text>
            <Table
              size="small"
              rowKey="member"
              dataSource={group.members}
              columns={columns}
              pagination={false}
              scroll={{ x: 'max-content' }}
              style={{ marginTop: 4 }}
              onRow={(m) => ({ 'data-testid': `chain-member-${m.person}` }) as HTMLAttributes<HTMLElement>}
            />
          </div>
        ))
      )}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }} data-testid="chain-legend">
        <AttitudeTag value="support" inherited /> {t('legend')}
      </Typography.Paragraph>
      {adding && (
        <AddMemberModal opportunity={opportunity} customer={customer} members={chain.members} onClose={() => setAdding(false)}
          onSaved={() => { setAdding(false); onChanged(); }} />
      )}
      {editing && (
        <EditMemberModal member={editing} name={names[editing.person] ?? editing.person} onClose={() => setEditing(null)}
          onSaved={() => { setEditing(null); onChanged(); }} />
      )}
      {rating && (
        <RateDrawer opportunity={opportunity} member={rating} name={names[rating.person] ?? rating.person} competitors={competitors}
          onClose={() => setRating(null)} onSaved={onChanged} />
      )}
    </Card>
  );
}

function RoleVoteFields() {
  const { t } = useTranslation('opportunity');
  return (
    <>
      <Form.Item name="role" label={t('role')} rules={[{ required: true, message: t('required') }]}>
        <Select
          options={CHAIN_ROLES.map((r) => ({ value: r, label: t(`chainRole.${r}`, { ns: 'common' }) }))}
          data-testid="member-form-role"
          showSearch
          optionFilterProp="label"
        />
      </Form.Item>
      <Form.Item name="veto" label={t('veto')}>
        <Radio.Group optionType="button" buttonStyle="solid" options={YES_NO.map((v) => ({ value: v, label: t(`yesno.${v}`, { ns: 'common' }) }))} />
      </Form.Item>
      <Form.Item name="approve" label={t('approve')}>
        <Radio.Group optionType="button" buttonStyle="solid" options={YES_NO.map((v) => ({ value: v, label: t(`yesno.${v}`, { ns: 'common' }) }))} />
      </Form.Item>
    </>
  );
}

function AddMemberModal({ opportunity, customer, members, onClose, onSaved }: {
  opportunity: string; customer: string; members: ChainMemberFigure[]; onClose(): void; onSaved(): void;
}) {
  const { t } = useTranslation('opportunity');
  const { message } = App.useApp();
  const [form] = Form.useForm<Omit<MemberForm, 'since'> & { since: Dayjs | null }>();
  const people = useAll<Person>('people', { org: customer, active_on: 'today' });
  const { saving, error, run } = useSubmit();
  useEffect(() => {
    if (people.data) rememberNames('people', people.data);
  }, [people.data]);
  const options = candidates(people.data ?? [], members).map((p) => ({ value: p.id, label: p.title ? `${p.name} · ${p.title}` : p.name }));

  async function submit(values: Omit<MemberForm, 'since'> & { since: Dayjs | null }) {
    await run(async () => {
      await api.post('/chain-members', memberBody(opportunity, { ...values, since: values.since ? values.since.format('YYYY-MM-DD') : null }));
      void message.success(t('memberAdded'));
      onSaved();
    });
  }

  return (
    <Modal
      open
      title={t('addMember')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      okText={t('common.save', { ns: 'common' })}
      cancelText={t('common.cancel', { ns: 'common' })}
      okButtonProps={{ 'data-testid': 'member-form-save' }}
    >
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ role: 'influencer', veto: 'unknown', approve: 'unknown', since: tenantToday() }}>
        <Form.Item name="person" label={t('person')} rules={[{ required: true, message: t('choosePerson') }]}>
          <Select
            autoFocus
            showSearch
            optionFilterProp="label"
            loading={people.loading}
            placeholder={t('choosePerson')}
            options={options}
            data-testid="member-form-person"
          />
        </Form.Item>
        <RoleVoteFields />
        <Form.Item name="since" label={t('since')}>
          <DatePicker />
        </Form.Item>
        {(error ?? people.error) !== undefined && <ErrorAlert error={error ?? people.error} />}
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  );
}

function EditMemberModal({ member, name, onClose, onSaved }: { member: ChainMemberFigure; name: string; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation('opportunity');
  const { message } = App.useApp();
  const [form] = Form.useForm<{ role: ChainRole; veto: YesNo; approve: YesNo }>();
  const { saving, error, run } = useSubmit();

  async function submit(values: { role: ChainRole; veto: YesNo; approve: YesNo }) {
    const patch = memberPatch(member, values);
    if (!Object.keys(patch).length) {
      onClose();
      return;
    }
    await run(async () => {
      await api.patch(`/chain-members/${encodeURIComponent(member.member)}`, patch);
      void message.success(t('memberSaved'));
      onSaved();
    });
  }

  return (
    <Modal
      open
      title={`${t('editMember')} · ${name}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      okText={t('common.save', { ns: 'common' })}
      cancelText={t('common.cancel', { ns: 'common' })}
      okButtonProps={{ 'data-testid': 'member-edit-save' }}
    >
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ role: member.role, veto: member.veto, approve: member.approve }}>
        <RoleVoteFields />
        {error !== undefined && <ErrorAlert error={error} />}
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  );
}

function RateDrawer({ opportunity, member, name, competitors, onClose, onSaved }: {
  opportunity: string; member: ChainMemberFigure; name: string; competitors: Organization[]; onClose(): void; onSaved(): void;
}) {
  const { t } = useTranslation('opportunity');
  const screens = Grid.useBreakpoint();
  const history = useAll<Rating>('ratings', { person: member.person, opportunity });
  return (
    <Drawer open title={t('rateTitle', { name })} onClose={onClose} width={screens.md ? 560 : '100%'} data-testid="rate-drawer">
      <PageState loading={history.loading && !history.data} error={history.error} onRetry={history.reload}>
        {history.data && (
          <RatingPicker
            person={member.person}
            history={history.data}
            competitors={competitors}
            opportunity={opportunity}
            onSaved={() => { history.reload(); onSaved(); }}
          />
        )}
      </PageState>
    </Drawer>
  );
}
