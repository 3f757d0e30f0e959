// Asking the employee at the start of an introduction path to introduce you to the person: a note, and an
// opportunity of the person's chains (accepting then records the employee's influence use on it).
import { App, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { PathFigure } from '../../api/types';
import { INBOX_CHANGED } from '../../components/InboxBell';
import { errorText } from '../../lib/errors';

export function AskIntroductionDialog({ person, path, names, opportunities, onClose }: {
  person: string;
  path: PathFigure | null;
  names: Record<string, string>;
  /** The open opportunities the person is in a chain of, with their names. */
  opportunities: { id: string; name: string }[];
  onClose(): void;
}) {
  const { t } = useTranslation('inbox');
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note?: string; opportunity?: string }>();
  const [saving, setSaving] = useState(false);
  const name = (id: string) => names[id] ?? id;
  return (
    <Modal open={!!path} title={path ? t('askTitle', { employee: name(path.employee) }) : ''} onCancel={onClose} okText={t('ask')}
      confirmLoading={saving} destroyOnClose okButtonProps={{ 'data-testid': 'ask-ok' } as never}
      onOk={async () => {
        if (!path) return;
        setSaving(true);
        try {
          const values = form.getFieldsValue();
          await api.post('/introductions', {
            person, employee: path.employee, via: path.via, opportunity: values.opportunity ?? null, note: values.note?.trim() || null,
          });
          message.success(t('asked'));
          window.dispatchEvent(new Event(INBOX_CHANGED));
          onClose();
        } catch (error) {
          message.error(errorText(error));
        } finally {
          setSaving(false);
        }
      }}>
      {path ? (
        <Typography.Paragraph type="secondary">
          {t('askPath', { path: [path.employee, ...path.via, person].map(name).join(' → ') })}
        </Typography.Paragraph>
      ) : null}
      <Form form={form} layout="vertical" preserve={false} initialValues={{ opportunity: opportunities[0]?.id }}>
        <Form.Item name="note" label={t('askNote')}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="ask-note" />
        </Form.Item>
        {opportunities.length ? (
          <Form.Item name="opportunity" label={t('askOpportunity')}>
            <Select allowClear placeholder={t('askNoOpportunity')} options={opportunities.map((o) => ({ value: o.id, label: o.name }))} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
