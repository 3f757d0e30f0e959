// The declaration form: how strongly I can influence the person, and an optional note. Enter submits.
import { Button, Form, Input, Modal, Radio, Space, Typography, type CheckboxRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STRENGTHS, type InfluenceLink } from '../../api/types';
import { ErrorAlert } from '../../components/PageState';
import type { Candidate, DeclarationForm } from './model';

export function DeclareModal({ candidate, existing, onSubmit, onClose }: {
  candidate: Candidate | null;
  existing: InfluenceLink | undefined;
  onSubmit(candidate: Candidate, form: DeclarationForm): Promise<void>;
  onClose(): void;
}) {
  const { t } = useTranslation('iknow');
  const [form] = Form.useForm<DeclarationForm>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const first = useRef<CheckboxRef>(null);
  const body = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!candidate) return;
    setError(undefined);
    form.setFieldsValue({ strength: existing?.strength, note: existing?.note ?? '' });
  }, [candidate, existing, form]);

  async function submit(values: DeclarationForm) {
    if (!candidate) return;
    setBusy(true);
    setError(undefined);
    try {
      await onSubmit(candidate, values);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const strength = Form.useWatch('strength', form);
  return (
    <Modal
      open={candidate !== null}
      title={candidate ? t('declare.title', { name: candidate.name }) : ''}
      onCancel={onClose}
      footer={null}
      destroyOnClose
      afterOpenChange={(open) => {
        // The strength, unless the user already moved into the form while the dialog was opening.
        if (open && !body.current?.contains(document.activeElement)) first.current?.focus();
      }}
    >
      <div ref={body}>
      {candidate && (
        <Typography.Paragraph type="secondary">
          {[candidate.orgName, candidate.departmentName, candidate.title].filter(Boolean).join(' · ')}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" onFinish={submit} data-testid="declare-form">
        <Form.Item name="strength" label={t('declare.strength')} rules={[{ required: true, message: t('declare.strengthRequired') }]}
          extra={strength ? t(`declare.strengthHint.${strength}`) : undefined}>
          <Radio.Group buttonStyle="solid">
            {STRENGTHS.map((s, index) => (
              <Radio.Button key={s} value={s} data-testid={`strength-${s}`} ref={index === 0 ? first : undefined}>
                {t(`strength.${s}`, { ns: 'common' })}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="note" label={t('declare.note')}>
          <Input maxLength={600} placeholder={t('declare.notePlaceholder')} data-testid="declare-note" />
        </Form.Item>
        {error !== undefined && <div style={{ marginBottom: 12 }}><ErrorAlert error={error} /></div>}
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel', { ns: 'common' })}</Button>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="declare-submit">{t('declare.submit')}</Button>
        </Space>
      </Form>
      </div>
    </Modal>
  );
}
