// A dialog around a form: Enter submits, the first field gets the focus, a refused write shows the server's
// error (with its field) in the dialog and keeps what was typed.
import { Button, Form, Modal, Space, type FormInstance } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/PageState';

export function FormModal<T extends object>({ open, title, initialValues, onSubmit, onClose, children, testId, submitText }: {
  open: boolean;
  title: ReactNode;
  initialValues?: Partial<T>;
  onSubmit(values: T): Promise<void>;
  onClose(): void;
  children: ReactNode | ((form: FormInstance<T>) => ReactNode);
  testId?: string;
  submitText?: string;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<T>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const body = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    setError(undefined);
    form.resetFields();
    if (initialValues) form.setFieldsValue(initialValues as never);
    // Only when the dialog opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  async function submit(values: T) {
    setBusy(true);
    setError(undefined);
    try {
      await onSubmit(values);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal open={open} title={title} onCancel={onClose} footer={null} forceRender destroyOnClose={false} width={560}
      afterOpenChange={(visible) => {
        // The first field, unless the user already moved into the form while the dialog was opening.
        if (!visible || !body.current || body.current.contains(document.activeElement)) return;
        body.current.querySelector<HTMLElement>('input:not([disabled]):not([type=hidden]), textarea')?.focus();
      }}>
      <div ref={body}>
      <Form<T> form={form} layout="vertical" onFinish={submit} data-testid={testId} autoComplete="off">
        {typeof children === 'function' ? children(form) : children}
        {error !== undefined && <div style={{ marginBottom: 12 }}><ErrorAlert error={error} /></div>}
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={busy} data-testid={testId ? `${testId}-submit` : undefined}>
            {submitText ?? t('common.save')}
          </Button>
        </Space>
      </Form>
      </div>
    </Modal>
  );
}
