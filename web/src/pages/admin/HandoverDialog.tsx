// The owner handover (交接) of one user: to whom, all or chosen customers, whether the user leaves; the server's
// preview (customers, open opportunities, open tasks, key persons only this user could influence) shown before
// anything is written, then one step.
import { Alert, App, Button, Checkbox, DatePicker, Form, List, Modal, Radio, Select, Space, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useApi, useNames } from '../../api/hooks';
import type { Organization, User } from '../../api/types';
import { ErrorAlert } from '../../components/PageState';
import { tenantToday, todayIso } from '../../lib/format';
import { handoverBody, ready, successors, type HandoverAnswer, type HandoverForm } from './handoverModel';

export function HandoverDialog({ user, users, onClose, onDone }: {
  user: User & { name?: string | null } | null;
  users: User[];
  onClose(): void;
  onDone(): void;
}) {
  const { t } = useTranslation('admin');
  const { message } = App.useApp();
  const [form] = Form.useForm<HandoverForm>();
  const values = Form.useWatch([], form) as HandoverForm | undefined;
  const [preview, setPreview] = useState<HandoverAnswer | null>(null);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const owned = useApi<{ items: Organization[] }>(user ? '/organizations' : null, { kind: 'customer', owner: user?.id ?? '', limit: 1000 });
  const customers = owned.data?.items ?? [];
  const today = todayIso();
  const takers = user ? successors(users, user.id, today) : [];
  const personNames = useNames('people', [...takers.map((u) => u.person), ...(preview?.only_theirs.map((o) => o.person) ?? [])]);
  const oppNames = useNames('opportunities', preview?.opportunities.map((o) => o.id) ?? []);
  const orgNames = new Map(customers.map((c) => [c.id, c.name]));
  const userName = (id: string) => {
    const u = users.find((x) => x.id === id);
    return u ? `${personNames[u.person] ?? u.login} (${u.login})` : id;
  };

  useEffect(() => {
    if (!user) return;
    form.resetFields();
    form.setFieldsValue({ all: true, customers: [], leaves: false, date: today });
    setPreview(null);
    setError(undefined);
    // Only when the dialog opens for another user.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [user?.id]);

  // The server's preview follows the form.
  const body = values && ready(values) ? JSON.stringify(handoverBody(values, true)) : '';
  useEffect(() => {
    if (!user || !body) {
      setPreview(null);
      return;
    }
    let current = true;
    setError(undefined);
    api.post<HandoverAnswer>(`/users/${encodeURIComponent(user.id)}/handover`, JSON.parse(body))
      .then((answer) => current && setPreview(answer))
      .catch((failure) => {
        if (!current) return;
        setPreview(null);
        setError(failure);
      });
    return () => {
      current = false;
    };
  }, [user, body]);

  async function submit() {
    if (!user || !values) return;
    setBusy(true);
    try {
      const done = await api.post<HandoverAnswer>(`/users/${encodeURIComponent(user.id)}/handover`, handoverBody(values, false));
      message.success(t('handover.done', { customers: done.customers.length, opportunities: done.opportunities.length, tasks: done.only_theirs.length, to: userName(done.to) }));
      onDone();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const nothing = preview && preview.customers.length + preview.opportunities.length + preview.tasks.length === 0 && !preview.leaves;
  return (
    <Modal open={user !== null} title={t('handover.title', { name: user ? user.name ?? user.login : '' })} onCancel={onClose} width={640} forceRender
      footer={[
        <Button key="cancel" onClick={onClose}>{t('common.cancel', { ns: 'common' })}</Button>,
        <Button key="ok" type="primary" danger={values?.leaves} disabled={!preview || !!nothing} loading={busy} onClick={submit} data-testid="handover-submit">
          {t('handover.submit')}
        </Button>,
      ]}>
      <Form<HandoverForm> form={form} layout="vertical" data-testid="handover-form">
        <Form.Item name="to" label={t('handover.to')} rules={[{ required: true }]}>
          <Select showSearch optionFilterProp="label" placeholder={t('handover.toHint')} data-testid="handover-to"
            options={takers.map((u) => ({ value: u.id, label: userName(u.id) }))} />
        </Form.Item>
        <Form.Item name="all" label={t('handover.customers', { count: customers.length })}>
          <Radio.Group>
            <Radio value={true} data-testid="handover-all">{t('handover.all')}</Radio>
            <Radio value={false} data-testid="handover-chosen">{t('handover.chosen')}</Radio>
          </Radio.Group>
        </Form.Item>
        {values?.all === false && (
          <Form.Item name="customers">
            <Checkbox.Group options={customers.map((c) => ({ value: c.id, label: c.name }))} data-testid="handover-customers" />
          </Form.Item>
        )}
        <Space align="start" wrap>
          <Form.Item name="leaves" valuePropName="checked">
            <Checkbox data-testid="handover-leaves">{t('handover.leaves')}</Checkbox>
          </Form.Item>
          {values?.leaves && (
            <Form.Item name="date" label={t('handover.date')} getValueProps={(v?: string) => ({ value: v ? dayjs(v) : undefined })}
              getValueFromEvent={(d: dayjs.Dayjs | null) => d?.format('YYYY-MM-DD')}>
              <DatePicker allowClear={false} defaultPickerValue={tenantToday()} />
            </Form.Item>
          )}
        </Space>
      </Form>
      {values?.leaves && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('handover.leavesHint')} />}
      {error !== undefined && <div style={{ marginBottom: 12 }}><ErrorAlert error={error} /></div>}
      {!preview && body && error === undefined && <Spin />}
      {preview && (
        <div data-testid="handover-preview">
          <Typography.Paragraph strong>
            {t('handover.summary', { customers: preview.customers.length, opportunities: preview.opportunities.length, tasks: preview.tasks.length })}
          </Typography.Paragraph>
          {preview.opportunities.length > 0 && (
            <Typography.Paragraph type="secondary">
              {preview.opportunities.map((o) => oppNames[o.id] ?? o.id).join('、')}
            </Typography.Paragraph>
          )}
          <Typography.Text strong>{t('handover.onlyTheirs', { count: preview.only_theirs.length })}</Typography.Text>
          <List size="small" style={{ maxHeight: 260, overflowY: 'auto' }} dataSource={preview.only_theirs} locale={{ emptyText: t('handover.onlyTheirsNone') }}
            renderItem={(o) => (
              <List.Item data-testid="handover-only">
                {personNames[o.person] ?? o.person} · {orgNames.get(o.customer) ?? o.customer} · {t(`handover.strength.${o.strength}`)}
              </List.Item>
            )} />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{t('handover.onlyTheirsHint')}</Typography.Paragraph>
        </div>
      )}
    </Modal>
  );
}
