// The inbox (消息), for every role: introduction requests to answer (accept or decline with a note), the
// answers to one's own requests, tasks others assigned, and new high warnings on one's customers; each
// marked read on its own or all at once. The header's bell counts the unread ones.
import { App, Button, Card, Empty, Form, Input, List, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { useApi } from '../../api/hooks';
import type { Introduction } from '../../api/types';
import type { InboxItem, InboxPage as Inbox } from '../../api/work';
import { INBOX_CHANGED } from '../../components/InboxBell';
import { ErrorAlert, SkeletonBlock } from '../../components/PageState';
import { errorText } from '../../lib/errors';
import { rowNames } from '../warnings/model';
import { SeverityTag } from '../warnings/tags';
import { WarningText } from '../warnings/WarningText';

const KIND_COLOR = { introduction_request: 'gold', introduction_answered: 'green', task_assigned: 'blue', warning: 'red' } as const;

function AnswerDialog({ request, accept, onClose, onDone }: {
  request: Introduction | null; accept: boolean; onClose(): void; onDone(): void;
}) {
  const { t } = useTranslation('inbox');
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note?: string }>();
  const [saving, setSaving] = useState(false);
  const which = accept ? 'accept' : 'decline';
  return (
    <Modal open={!!request} title={t(`answerTitle.${which}`)} onCancel={onClose} okText={t(which)} confirmLoading={saving} destroyOnClose
      okButtonProps={{ 'data-testid': 'answer-ok' } as never}
      onOk={async () => {
        if (!request) return;
        setSaving(true);
        try {
          await api.post(`/introductions/${encodeURIComponent(request.id)}/answer`, { accept, note: form.getFieldValue('note')?.trim() ?? '' });
          message.success(t(`answered.${accept ? 'accepted' : 'declined'}`));
          onDone();
        } catch (error) {
          message.error(errorText(error));
        } finally {
          setSaving(false);
        }
      }}>
      <Typography.Paragraph type="secondary">
        {t(`answerHint.${which}`, { use: request?.opportunity ? t('answerUse') : '' })}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="note" label={t('answerNote')}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="answer-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function InboxPage() {
  const { t } = useTranslation('inbox');
  const { message } = App.useApp();
  const inbox = useApi<Inbox>('/inbox', { limit: 200 });
  const [answering, setAnswering] = useState<{ request: Introduction; accept: boolean } | null>(null);

  const changed = () => {
    inbox.reload();
    window.dispatchEvent(new Event(INBOX_CHANGED));
  };
  async function markRead(body: { keys?: string[]; all?: boolean }) {
    try {
      await api.post('/inbox/read', body);
      changed();
    } catch (error) {
      message.error(errorText(error));
    }
  }

  const describe = (item: InboxItem) => {
    const name = (id: string | null | undefined) => (id ? item.names?.[id] ?? id : '');
    switch (item.kind) {
      case 'introduction_request': {
        const r = item.introduction;
        return (
          <Space direction="vertical" size={2}>
            <span>{t('request', {
              by: item.by_name ?? r.by, person: name(r.person), customer: name(r.customer),
              via: r.via.length ? t('via', { via: r.via.map(name).join('、') }) : '',
            })}</span>
            {r.note ? <Typography.Text type="secondary">{t('requestNote', { note: r.note })}</Typography.Text> : null}
          </Space>
        );
      }
      case 'introduction_answered': {
        const r = item.introduction;
        return (
          <Space direction="vertical" size={2}>
            <span>{t(`answer.${r.status === 'accepted' ? 'accepted' : 'declined'}`, { by: name(r.employee), person: name(r.person) })}</span>
            {r.answer ? <Typography.Text type="secondary">{t('answerNoteText', { note: r.answer })}</Typography.Text> : null}
          </Space>
        );
      }
      case 'task_assigned':
        return (
          <Space size={8} wrap>
            <span>{t('assigned', { by: item.by_name ?? item.task.by, title: item.task.title })}</span>
            {item.task.due ? <Typography.Text type="secondary">{t('due', { date: item.task.due })}</Typography.Text> : null}
            <Link to="/tasks">{t('openTasks')}</Link>
          </Space>
        );
      case 'warning':
        return (
          <Space size={6} wrap>
            <SeverityTag severity={item.warning.severity} />
            <WarningText warning={item.warning} names={rowNames(item.warning, {})} compact />
            <Link to={`/warnings?view=list&state=new${item.warning.customer ? `&customer=${item.warning.customer}` : ''}`}>{t('openWarnings')}</Link>
          </Space>
        );
    }
  };

  const data = inbox.data;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="inbox">
      <div>
        <Typography.Title level={3} style={{ marginBottom: 4 }}>{t('title')}</Typography.Title>
        <Typography.Text type="secondary">{t('intro')}</Typography.Text>
      </div>
      <Card size="small" title={data ? t('unread', { count: data.unread }) : t('title')}
        extra={data && data.unread > 0 ? <Button size="small" data-testid="inbox-mark-all" onClick={() => void markRead({ all: true })}>{t('markAll')}</Button> : null}>
        {inbox.error ? <ErrorAlert error={inbox.error} onRetry={inbox.reload} /> : null}
        {!data && !inbox.error ? <SkeletonBlock rows={5} testId="inbox-skeleton" /> : null}
        {data ? (
          <List
            dataSource={data.items}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('none')} /> }}
            renderItem={(item) => (
              <List.Item data-testid="inbox-item" data-kind={item.kind} data-read={item.read}
                style={{ background: item.read ? undefined : '#f6faff' }}
                actions={[
                  ...(item.kind === 'introduction_request' ? [
                    <Button key="accept" size="small" type="primary" data-testid="inbox-accept"
                      onClick={() => setAnswering({ request: item.introduction, accept: true })}>{t('accept')}</Button>,
                    <Button key="decline" size="small" data-testid="inbox-decline"
                      onClick={() => setAnswering({ request: item.introduction, accept: false })}>{t('decline')}</Button>,
                  ] : []),
                  item.read ? <Typography.Text key="read" type="secondary">{t('read')}</Typography.Text> : (
                    <Button key="mark" size="small" type="link" data-testid="inbox-mark" onClick={() => void markRead({ keys: [item.key] })}>{t('markRead')}</Button>
                  ),
                ]}>
                <List.Item.Meta
                  avatar={<Tag color={KIND_COLOR[item.kind]}>{t(`kind.${item.kind}`)}</Tag>}
                  title={describe(item)}
                  description={item.date}
                />
              </List.Item>
            )}
          />
        ) : null}
      </Card>
      <AnswerDialog request={answering?.request ?? null} accept={answering?.accept ?? true} onClose={() => setAnswering(null)}
        onDone={() => { setAnswering(null); changed(); }} />
    </Space>
  );
}
