// The person's header: name, title, organization, department, key, importance, orientation; and the edit form.
import { EditOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Form, Input, Modal, Select, Space, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { useAll, useNames, useSubmit } from '../../api/hooks';
import type { Department, Organization, Person } from '../../api/types';
import { IMPORTANCES, ORIENTATIONS } from '../../api/types';
import { HistoryButton } from '../../components/HistoryDrawer';
import { ErrorAlert } from '../../components/PageState';
import { personPatch, type PersonForm } from './forms';

export function PersonHeader({ person, org, canEdit, onSaved }: {
  person: Person; org: Organization | undefined; canEdit: boolean; onSaved(): void;
}) {
  const { t } = useTranslation('person');
  const [editing, setEditing] = useState(false);
  const departments = useNames('departments', [person.department]);
  const orgName = org?.name ?? person.org;
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="person-header">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start" wrap>
        <Space direction="vertical" size={4}>
          <Space wrap>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="person-name">{person.name}</Typography.Title>
            {person.key ? <Tag color="blue">{t('key')}</Tag> : <Tag>{t('notKey')}</Tag>}
            <Tag data-testid="person-importance">{t('importance')}: {t(`importance.${person.importance}`, { ns: 'common' })}</Tag>
            <Tag data-testid="person-orientation">{t(`orientation.${person.orientation}`, { ns: 'common' })}</Tag>
          </Space>
          <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
            <Descriptions.Item label={t('titleField')}>{person.title ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('organization')}>
              {org?.kind === 'customer' ? <Link to={`/customers/${encodeURIComponent(org.id)}`} data-testid="person-org">{orgName}</Link> : <span data-testid="person-org">{orgName}</span>}
            </Descriptions.Item>
            <Descriptions.Item label={t('department')}>{person.department ? departments[person.department] ?? '…' : '—'}</Descriptions.Item>
          </Descriptions>
        </Space>
        <Space wrap size="small">
          <HistoryButton collection="people" id={person.id} name={person.name} text />
          {canEdit && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="person-edit">{t('edit')}</Button>
          )}
        </Space>
      </Space>
      {editing && <EditModal person={person} onClose={() => setEditing(false)} onSaved={() => { setEditing(false); onSaved(); }} />}
    </Card>
  );
}

function EditModal({ person, onClose, onSaved }: { person: Person; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation('person');
  const { message } = App.useApp();
  const [form] = Form.useForm<PersonForm>();
  const { saving, error, run } = useSubmit();
  const departments = useAll<Department>('departments', { org: person.org, active_on: 'today' });

  async function submit(values: PersonForm) {
    const patch = personPatch(person, values);
    if (!Object.keys(patch).length) {
      onClose();
      return;
    }
    await run(async () => {
      await api.patch(`/people/${encodeURIComponent(person.id)}`, patch);
      void message.success(t('saved'));
      onSaved();
    });
  }

  return (
    <Modal
      open
      title={t('editTitle')}
      onCancel={onClose}
      okText={t('common.save', { ns: 'common' })}
      cancelText={t('common.cancel', { ns: 'common' })}
      confirmLoading={saving}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'person-edit-save' }}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{
          title: person.title ?? '', department: person.department ?? '', importance: person.importance,
          orientation: person.orientation, key: person.key,
        }}
      >
        <Form.Item name="title" label={t('titleField')}>
          <Input autoFocus maxLength={200} data-testid="person-edit-title" />
        </Form.Item>
        <Form.Item name="department" label={t('department')}>
          <Select
            loading={departments.loading}
            options={[{ value: '', label: t('noDepartment') }, ...(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))]}
          />
        </Form.Item>
        <Form.Item name="importance" label={t('importance')}>
          <Select options={IMPORTANCES.map((v) => ({ value: v, label: t(`importance.${v}`, { ns: 'common' }) }))} data-testid="person-edit-importance" />
        </Form.Item>
        <Form.Item name="orientation" label={t('orientation')}>
          <Select options={ORIENTATIONS.map((v) => ({ value: v, label: t(`orientation.${v}`, { ns: 'common' }) }))} />
        </Form.Item>
        <Form.Item name="key" label={t('key')} valuePropName="checked">
          <Switch />
        </Form.Item>
        {error !== undefined && <ErrorAlert error={error} />}
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  );
}
