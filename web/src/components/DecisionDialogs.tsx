// The two questions a snooze and a dismissal ask, for tasks and warnings alike: until which day (after the
// tenant's today, a week ahead by default), and why (required, not blank).
import { DatePicker, Form, Input, Modal, Space, Typography } from 'antd';
import { type Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { tenantToday } from '../lib/format';

interface DialogProps {
  open: boolean;
  title: string;
  /** What is snoozed or dismissed, shown above the question. */
  subject?: ReactNode;
  okText: string;
  onClose(): void;
}

export function SnoozeDialog({ open, title, subject, okText, onClose, onSnooze }: DialogProps & { onSnooze(day: string): void }) {
  const { t } = useTranslation();
  const [day, setDay] = useState<Dayjs | null>(null);
  const chosen = day ?? tenantToday().add(7, 'day');
  return (
    <Modal open={open} title={title} onCancel={onClose} okText={okText} destroyOnClose
      okButtonProps={{ 'data-testid': 'snooze-ok' } as never}
      onOk={() => {
        setDay(null);
        onSnooze(chosen.format('YYYY-MM-DD'));
      }}>
      {subject ? <Typography.Paragraph>{subject}</Typography.Paragraph> : null}
      <Space>
        {t('decide.snoozeUntil')}
        <DatePicker data-testid="snooze-until" value={chosen} allowClear={false} onChange={(d) => setDay(d)}
          disabledDate={(d) => d.isBefore(tenantToday().add(1, 'day'), 'day')} />
      </Space>
    </Modal>
  );
}

export function DismissDialog({ open, title, subject, okText, onClose, onDismiss }: DialogProps & { onDismiss(reason: string): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal open={open} title={title} onCancel={onClose} okText={okText} destroyOnClose
      okButtonProps={{ 'data-testid': 'dismiss-ok' } as never}
      onOk={() => form.validateFields().then((v) => onDismiss(v.reason.trim()), () => undefined)}>
      {subject ? <Typography.Paragraph>{subject}</Typography.Paragraph> : null}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="reason" label={t('common.reason')} rules={[{ required: true, whitespace: true, message: t('decide.reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="dismiss-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
