// Changing one's own password (POST /auth/password): the current one, the new one twice, and whether to
// sign out every other session (another browser, a phone, a stolen cookie), on by default.
import { KeyOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import { ErrorAlert } from './PageState';

interface PasswordForm {
  current: string;
  next: string;
  confirm: string;
  endOthers: boolean;
}

/** Whether a new password passes the rules the server checks first (at least 8 characters that are not spaces). */
export function longEnough(password: string): boolean {
  return [...password].filter((c) => c !== ' ').length >= 8;
}

export function PasswordButton() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [form] = Form.useForm<PasswordForm>();

  function close() {
    setOpen(false);
    setError(undefined);
    form.resetFields();
  }

  async function submit(values: PasswordForm) {
    setBusy(true);
    setError(undefined);
    try {
      await api.post('/auth/password', { current: values.current, new: values.next, end_other_sessions: values.endOthers });
      message.success(t(values.endOthers ? 'password.changedOthersEnded' : 'password.changed'));
      close();
    } catch (failure) {
      if (failure instanceof ApiError && failure.field === 'current') {
        form.setFields([{ name: 'current', errors: [t('password.currentWrong')] }]);
      } else if (failure instanceof ApiError && failure.field === 'new') {
        form.setFields([{ name: 'next', errors: [t('password.refused', { reason: failure.message })] }]);
      } else {
        setError(failure);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button size="small" icon={<KeyOutlined />} onClick={() => setOpen(true)} data-testid="password-open">
        {t('password.open')}
      </Button>
      <Modal open={open} title={t('password.title')} onCancel={close} footer={null} destroyOnClose>
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ endOthers: true }} data-testid="password-form">
          <Form.Item name="current" label={t('password.current')} rules={[{ required: true, message: t('password.currentRequired') }]}>
            <Input.Password autoComplete="current-password" data-testid="password-current" />
          </Form.Item>
          <Form.Item
            name="next"
            label={t('password.next')}
            extra={t('password.rules')}
            rules={[{ validator: (_, value: string | undefined) => (value && longEnough(value) ? Promise.resolve() : Promise.reject(new Error(t('password.tooShort')))) }]}
          >
            <Input.Password autoComplete="new-password" data-testid="password-next" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('password.confirm')}
            dependencies={['next']}
            rules={[({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                value === getFieldValue('next') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch'))),
            })]}
          >
            <Input.Password autoComplete="new-password" data-testid="password-confirm" />
          </Form.Item>
          <Form.Item name="endOthers" valuePropName="checked">
            <Checkbox data-testid="password-end-others">{t('password.endOthers')}</Checkbox>
          </Form.Item>
          {error !== undefined && <div style={{ marginBottom: 12 }}><ErrorAlert error={error} /></div>}
          <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8 }}>
            <Button onClick={close}>{t('common.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="password-submit">{t('password.submit')}</Button>
          </div>
        </Form>
      </Modal>
    </>
  );
}
