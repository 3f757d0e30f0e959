// The customer header's tools: its history (for everyone who sees it), and for whoever may change it, Edit
// (name, industry, region, owner, focus) and Retire (from a day on); a retired customer says since when and
// offers Reinstate.
import { EditOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reinstateRecord, retireRecord } from '../../api/records';
import type { Organization } from '../../api/types';
import { HistoryButton } from '../../components/HistoryDrawer';
import { RetireDialog } from '../../components/RetireDialog';
import { errorText } from '../../lib/errors';
import { CustomerDialog } from '../customers/CustomerDialog';

export function CustomerActions({ customer, canWrite, onChanged }: { customer: Organization; canWrite: boolean; onChanged(): void }) {
  const { t } = useTranslation('customer');
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const [retiring, setRetiring] = useState(false);
  const c = (key: string) => t(key, { ns: 'common' });
  return (
    <Space wrap size="small">
      <HistoryButton collection="organizations" id={customer.id} name={customer.name} text />
      {canWrite ? (
        <>
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="customer-edit">{c('common.edit')}</Button>
          {customer.until ? null : (
            <Button danger icon={<StopOutlined />} onClick={() => setRetiring(true)} data-testid="customer-retire">{c('common.retire')}</Button>
          )}
          <CustomerDialog
            open={editing}
            customer={customer}
            onClose={() => setEditing(false)}
            onSaved={() => {
              setEditing(false);
              void message.success(c('common.saved'));
              onChanged();
            }}
          />
          <RetireDialog
            open={retiring}
            title={t('retireTitle', { name: customer.name })}
            onClose={() => setRetiring(false)}
            onRetire={async (day) => {
              await retireRecord('organizations', customer.id, day);
              setRetiring(false);
              void message.success(c('retire.done'));
              onChanged();
            }}
          />
        </>
      ) : null}
    </Space>
  );
}

/** "Retired since …", with Reinstate for whoever may change the customer. */
export function RetiredBanner({ customer, canWrite, onChanged }: { customer: Organization; canWrite: boolean; onChanged(): void }) {
  const { t } = useTranslation('customer');
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  if (!customer.until) return null;
  const reinstate = async () => {
    setBusy(true);
    try {
      await reinstateRecord('organizations', customer.id);
      void message.success(t('retire.reinstated', { ns: 'common' }));
      onChanged();
    } catch (failure) {
      void message.error(errorText(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="customer-retired"
      message={t('retire.since', { ns: 'common', date: customer.until })}
      description={t('retiredHint')}
      action={canWrite ? (
        <Button icon={<UndoOutlined />} loading={busy} onClick={() => void reinstate()} data-testid="customer-reinstate">{t('common.reinstate', { ns: 'common' })}</Button>
      ) : undefined}
    />
  );
}
