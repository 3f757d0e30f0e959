// The opportunity header's tools: its history (for everyone who sees it), and for whoever may change it, Edit
// and Retire; a retired opportunity says since when and offers Reinstate.
import { EditOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import { App, Button, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reinstateRecord, retireRecord } from '../../api/records';
import type { Opportunity } from '../../api/types';
import { HistoryButton } from '../../components/HistoryDrawer';
import { RetireDialog } from '../../components/RetireDialog';
import { errorText } from '../../lib/errors';
import { OpportunityDialog } from './OpportunityDialog';

export function OpportunityActions({ opportunity, customerOwner, canWrite, onChanged }: {
  opportunity: Opportunity; customerOwner: string | null; canWrite: boolean; onChanged(): void;
}) {
  const { t } = useTranslation('opportunity');
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const [retiring, setRetiring] = useState(false);
  const [busy, setBusy] = useState(false);
  const c = (key: string, options?: Record<string, unknown>) => t(key, { ns: 'common', ...options });

  const reinstate = async () => {
    setBusy(true);
    try {
      await reinstateRecord('opportunities', opportunity.id);
      void message.success(c('retire.reinstated'));
      onChanged();
    } catch (failure) {
      void message.error(errorText(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space wrap size="small">
      {opportunity.until ? <Tag color="orange" data-testid="opportunity-retired">{c('retire.since', { date: opportunity.until })}</Tag> : null}
      <HistoryButton collection="opportunities" id={opportunity.id} name={opportunity.name} text />
      {canWrite ? (
        <>
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="opportunity-edit">{t('edit')}</Button>
          {opportunity.until ? (
            <Button icon={<UndoOutlined />} loading={busy} onClick={() => void reinstate()} data-testid="opportunity-reinstate">{c('common.reinstate')}</Button>
          ) : (
            <Button danger icon={<StopOutlined />} onClick={() => setRetiring(true)} data-testid="opportunity-retire">{t('retire')}</Button>
          )}
          <OpportunityDialog
            open={editing}
            customer={{ id: opportunity.customer, owner: customerOwner }}
            opportunity={opportunity}
            onClose={() => setEditing(false)}
            onSaved={() => {
              setEditing(false);
              void message.success(t('saved'));
              onChanged();
            }}
          />
          <RetireDialog
            open={retiring}
            title={t('retireTitle', { name: opportunity.name })}
            onClose={() => setRetiring(false)}
            onRetire={async (day) => {
              await retireRecord('opportunities', opportunity.id, day);
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
