// Retiring a record: the day it stops being valid (the company's today unless chosen, never after it), said
// plainly that nothing is deleted. The server's refusal shows in the dialog, which stays open.
// The day is not focused when the dialog opens (its calendar would open over the buttons).
import { DatePicker, Modal, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSubmit } from '../api/hooks';
import { tenantToday } from '../lib/format';
import { ErrorAlert } from './PageState';

export function RetireDialog({ open, title, onClose, onRetire }: {
  open: boolean; title: ReactNode; onClose(): void; onRetire(day: string): Promise<void>;
}) {
  const { t } = useTranslation();
  const [day, setDay] = useState<Dayjs>(tenantToday);
  const { saving, error, setError, run } = useSubmit();
  useEffect(() => {
    if (!open) return;
    setDay(tenantToday());
    setError(undefined);
  }, [open, setError]);

  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      okText={t('common.retire')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, loading: saving, 'data-testid': 'retire-ok' } as never}
      onOk={() => void run(() => onRetire(day.format('YYYY-MM-DD')))}
    >
      <div data-testid="retire-dialog">
        <Typography.Paragraph type="secondary">{t('retire.hint')}</Typography.Paragraph>
        <Space style={{ marginBottom: 12 }}>
          {t('retire.day')}
          <DatePicker value={day} allowClear={false} onChange={(d) => d && setDay(d)} disabledDate={(d) => d.isAfter(tenantToday(), 'day')} data-testid="retire-day" />
        </Space>
        {error !== undefined ? <ErrorAlert error={error} /> : null}
      </div>
    </Modal>
  );
}
