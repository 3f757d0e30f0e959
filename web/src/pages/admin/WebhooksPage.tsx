// Webhooks (admins only): where the introduction and task events are pushed — a WeCom or DingTalk group
// robot, or JSON — with create, edit, switch off, a test message, and each webhook's deliveries (status,
// attempts, the last error, the next retry).
import { App, Button, Card, Checkbox, Drawer, Form, Input, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../../api/client';
import { useApi } from '../../api/hooks';
import { ErrorAlert, SkeletonBlock } from '../../components/PageState';
import { errorText } from '../../lib/errors';
import { FormModal } from './FormModal';

const FORMATS = ['wecom', 'dingtalk', 'json'] as const;
const EVENTS = ['introduction_request', 'introduction_answered', 'task_assigned'] as const;

interface Webhook {
  id: string;
  name: string;
  url: string;
  format: (typeof FORMATS)[number];
  events: string[];
  active: boolean;
  until: string | null;
}

interface Delivery {
  id: number;
  event: string;
  subject: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  last_status: number;
  last_error: string | null;
  created: number;
  next_at: number | null;
  delivered: number | null;
}

type WebhookForm = Pick<Webhook, 'name' | 'url' | 'format' | 'events' | 'active'>;

const time = (seconds: number | null) => (seconds ? new Date(seconds * 1000).toLocaleString() : '—');

function Deliveries({ hook, onClose }: { hook: Webhook | null; onClose(): void }) {
  const { t } = useTranslation('webhooks');
  const list = useApi<{ items: Delivery[] }>(hook ? `/webhooks/${encodeURIComponent(hook.id)}/deliveries` : null);
  const columns: ColumnsType<Delivery> = [
    { key: 'created', title: t('created'), width: 170, render: (_, d) => time(d.created) },
    { key: 'event', title: t('event'), width: 130, render: (_, d) => (d.event === 'test' ? t('test') : t(`eventNames.${d.event}`)) },
    {
      key: 'status', title: '', width: 90,
      render: (_, d) => <Tag color={d.status === 'delivered' ? 'green' : d.status === 'failed' ? 'red' : 'orange'} data-testid="delivery-status">{t(`status.${d.status}`)}</Tag>,
    },
    { key: 'attempts', title: t('attempts'), width: 80, align: 'right', dataIndex: 'attempts' },
    { key: 'error', title: t('lastError'), render: (_, d) => d.last_error ?? '—' },
    { key: 'next', title: t('nextAt'), width: 170, render: (_, d) => time(d.next_at) },
  ];
  return (
    <Drawer open={!!hook} width={900} title={hook ? `${t('deliveries')} · ${hook.name}` : ''} onClose={onClose}
      extra={<Button size="small" onClick={list.reload}>{t('common.retry', { ns: 'common' })}</Button>}>
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <Table<Delivery> size="small" rowKey="id" columns={columns} dataSource={list.data?.items ?? []} loading={list.loading}
        locale={{ emptyText: t('noDeliveries') }} pagination={false} data-testid="deliveries" />
    </Drawer>
  );
}

export default function WebhooksPage() {
  const { t } = useTranslation('webhooks');
  const { message } = App.useApp();
  const hooks = useApi<Page<Webhook>>('/webhooks', { limit: 200 });
  const [dialog, setDialog] = useState<{ hook: Webhook | null } | null>(null);
  const [showing, setShowing] = useState<Webhook | null>(null);

  async function save(values: WebhookForm) {
    const body = { ...values, url: values.url.trim(), name: values.name.trim() };
    if (dialog?.hook) await api.patch(`/webhooks/${encodeURIComponent(dialog.hook.id)}`, body);
    else await api.post('/webhooks', body);
    setDialog(null);
    hooks.reload();
  }
  async function change(hook: Webhook, patch: Partial<Webhook>) {
    try {
      await api.patch(`/webhooks/${encodeURIComponent(hook.id)}`, patch);
      hooks.reload();
    } catch (error) {
      message.error(errorText(error));
    }
  }
  async function test(hook: Webhook) {
    try {
      await api.post(`/webhooks/${encodeURIComponent(hook.id)}/test`, {});
      message.success(t('tested'));
    } catch (error) {
      message.error(errorText(error));
    }
  }

  const columns: ColumnsType<Webhook> = [
    { key: 'name', title: t('name'), dataIndex: 'name', width: 160 },
    { key: 'format', title: t('format'), width: 150, render: (_, h) => t(`formats.${h.format}`) },
    { key: 'url', title: t('url'), render: (_, h) => <Typography.Text ellipsis={{ tooltip: h.url }} style={{ maxWidth: 320 }}>{h.url}</Typography.Text> },
    { key: 'events', title: t('events'), render: (_, h) => <Space size={[4, 4]} wrap>{h.events.map((e) => <Tag key={e}>{t(`eventNames.${e}`)}</Tag>)}</Space> },
    {
      key: 'active', title: t('active'), width: 80,
      render: (_, h) => <Switch size="small" checked={h.active} aria-label={t('active')} onChange={(active) => void change(h, { active })} />,
    },
    {
      key: 'actions', title: t('common.actions', { ns: 'common' }), width: 280,
      render: (_, h) => (
        <Space size={4}>
          <Button size="small" onClick={() => setDialog({ hook: h })}>{t('common.edit', { ns: 'common' })}</Button>
          <Button size="small" data-testid="webhook-test" onClick={() => void test(h)}>{t('test')}</Button>
          <Button size="small" data-testid="webhook-deliveries" onClick={() => setShowing(h)}>{t('deliveries')}</Button>
        </Space>
      ),
    },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="webhooks-page">
      <div>
        <Typography.Title level={3} style={{ marginBottom: 4 }}>{t('title')}</Typography.Title>
        <Typography.Text type="secondary">{t('intro')}</Typography.Text>
      </div>
      <Card size="small" extra={<Button type="primary" data-testid="webhook-add" onClick={() => setDialog({ hook: null })}>{t('add')}</Button>}>
        {hooks.error ? <ErrorAlert error={hooks.error} onRetry={hooks.reload} /> : null}
        {!hooks.data && !hooks.error ? <SkeletonBlock rows={3} testId="webhooks-skeleton" /> : null}
        {hooks.data ? (
          <Table<Webhook> size="small" rowKey="id" columns={columns} pagination={false} locale={{ emptyText: t('none') }}
            dataSource={hooks.data.items.filter((h) => h.until === null)} data-testid="webhooks-table" />
        ) : null}
      </Card>
      <FormModal<WebhookForm> open={!!dialog} title={dialog?.hook ? t('edit') : t('add')} testId="webhook-form"
        initialValues={dialog?.hook ?? { format: 'wecom', events: [...EVENTS], active: true }} onSubmit={save} onClose={() => setDialog(null)}>
        <Form.Item name="name" label={t('name')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
          <Input maxLength={200} data-testid="webhook-name" />
        </Form.Item>
        <Form.Item name="url" label={t('url')} extra={t('urlHint')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
          <Input maxLength={2000} data-testid="webhook-url" />
        </Form.Item>
        <Form.Item name="format" label={t('format')}>
          <Select options={FORMATS.map((f) => ({ value: f, label: t(`formats.${f}`) }))} />
        </Form.Item>
        <Form.Item name="events" label={t('events')}>
          <Checkbox.Group options={EVENTS.map((e) => ({ value: e, label: t(`eventNames.${e}`) }))} />
        </Form.Item>
        <Form.Item name="active" label={t('active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </FormModal>
      <Deliveries hook={showing} onClose={() => setShowing(null)} />
    </Space>
  );
}
