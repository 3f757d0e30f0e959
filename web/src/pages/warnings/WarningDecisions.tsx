// Deciding about a warning: acknowledge it, snooze it until a day, dismiss it with a reason, or undo the
// decision in force (retiring it brings the one before back). Each decision is offered an undo; the state
// tag says who decided what, when and why, and why a decision no longer holds.
import { MoreOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Space, Tag, Tooltip, Typography, type MenuProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { WarningRow } from '../../api/lines';
import { DismissDialog, SnoozeDialog } from '../../components/DecisionDialogs';
import { errorText } from '../../lib/errors';

const STATE_COLOR = { new: 'blue', acknowledged: 'default', snoozed: 'purple', dismissed: 'default' } as const;

/** The warning's state, with the decision behind it (or the one that lapsed) on hover. */
export function WarningStateTag({ warning }: { warning: WarningRow }) {
  const { t } = useTranslation('warnings');
  const d = warning.decision;
  const label = warning.state === 'snoozed' && d?.snoozed_until
    ? t('decision.snoozedUntil', { date: d.snoozed_until })
    : t(`state.${warning.state}`);
  const who = d ? t('decision.who', { status: t(`decision.status.${d.status}`), name: d.by_name ?? d.by ?? '', date: d.date }) : '';
  const detail = d ? (
    <Space direction="vertical" size={0}>
      <span>{who}</span>
      {d.reason ? <span>{t('decision.reason', { reason: d.reason })}</span> : null}
      {d.lapsed ? <span>{t(`decision.lapsed.${d.lapsed}`)}</span> : null}
    </Space>
  ) : null;
  return (
    <Space direction="vertical" size={0}>
      <Tooltip title={detail}>
        <Tag color={STATE_COLOR[warning.state]} data-testid="warning-state" data-state={warning.state}>{label}</Tag>
      </Tooltip>
      {d?.lapsed ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="warning-back">
          {t(`decision.back.${d.lapsed}`)}
        </Typography.Text>
      ) : null}
    </Space>
  );
}

type Status = 'acknowledged' | 'snoozed' | 'dismissed';

/** The decisions' actions and the dialogs they open; `onChanged` reloads what shows the warnings. */
export function useWarningDecisions(onChanged: () => void, titleOf: (w: WarningRow) => string) {
  const { t } = useTranslation('warnings');
  const { message } = App.useApp();
  const [snoozing, setSnoozing] = useState<WarningRow | null>(null);
  const [dismissing, setDismissing] = useState<WarningRow | null>(null);

  async function undo(id: string) {
    try {
      await api.post(`/warning-decisions/${encodeURIComponent(id)}/retire`, {});
      onChanged();
      message.success({ key: `warning-undone-${id}`, content: t('decision.undone') });
    } catch (error) {
      message.error(errorText(error));
    }
  }

  async function decide(w: WarningRow, status: Status, extra: { snoozed_until?: string; reason?: string } = {}) {
    try {
      const made = await api.post<{ id: string }>('/warning-decisions', {
        kind: w.kind, customer: w.customer, opportunity: w.opportunity, person: w.person, status, ...extra,
      });
      onChanged();
      const key = `warning-decided-${made.id}`;
      message.open({
        key,
        type: 'success',
        content: (
          <Space>
            {t(`decision.done.${status}`)}
            <Button size="small" type="link" data-testid="warning-undo" onClick={() => {
              message.destroy(key);
              void undo(made.id);
            }}>{t('common.undo', { ns: 'common' })}</Button>
          </Space>
        ),
      });
    } catch (error) {
      message.error(errorText(error));
    }
  }

  const dialogs = (
    <>
      <SnoozeDialog open={!!snoozing} title={t('decision.snoozeTitle')} subject={snoozing ? titleOf(snoozing) : null}
        okText={t('actions.snooze')} onClose={() => setSnoozing(null)} onSnooze={(day) => {
          if (snoozing) void decide(snoozing, 'snoozed', { snoozed_until: day });
          setSnoozing(null);
        }} />
      <DismissDialog open={!!dismissing} title={t('decision.dismissTitle')} subject={dismissing ? titleOf(dismissing) : null}
        okText={t('actions.dismiss')} onClose={() => setDismissing(null)} onDismiss={(reason) => {
          if (dismissing) void decide(dismissing, 'dismissed', { reason });
          setDismissing(null);
        }} />
    </>
  );
  return {
    acknowledge: (w: WarningRow) => decide(w, 'acknowledged'),
    snooze: setSnoozing,
    dismiss: setDismissing,
    /** Undoes the decision in force (not one that lapsed). */
    reopen: (w: WarningRow) => (w.decision && w.state !== 'new' ? undo(w.decision.id) : Promise.resolve()),
    dialogs,
  };
}

/** A warning row's actions: the likely one as a button (acknowledge a new warning, reopen a decided one),
 * the others in a menu (snooze, dismiss, make a task). */
export function WarningRowActions({ warning, actions, onTask }: {
  warning: WarningRow; actions: ReturnType<typeof useWarningDecisions>; onTask(w: WarningRow): void;
}) {
  const { t } = useTranslation('warnings');
  const open = warning.state === 'new' || warning.state === 'acknowledged';
  const items: MenuProps['items'] = [
    ...(open ? [
      { key: 'snooze', label: <span data-testid="warning-snooze">{t('actions.snooze')}</span>, onClick: () => actions.snooze(warning) },
      { key: 'dismiss', label: <span data-testid="warning-dismiss">{t('actions.dismiss')}</span>, onClick: () => actions.dismiss(warning) },
    ] : []),
    ...(warning.state === 'acknowledged' ? [
      { key: 'reopen', label: <span data-testid="warning-reopen">{t('actions.reopen')}</span>, onClick: () => void actions.reopen(warning) },
    ] : []),
    { key: 'task', label: <span data-testid="warning-to-task">{t('toTask', { ns: 'tasks' })}</span>, onClick: () => onTask(warning) },
  ];
  return (
    <Space size={4}>
      {warning.state === 'new' ? (
        <Button size="small" data-testid="warning-acknowledge" onClick={() => void actions.acknowledge(warning)}>{t('actions.acknowledge')}</Button>
      ) : !open ? (
        <Button size="small" data-testid="warning-reopen" onClick={() => void actions.reopen(warning)}>{t('actions.reopen')}</Button>
      ) : null}
      <Dropdown menu={{ items }} trigger={['click']}>
        <Button size="small" icon={<MoreOutlined />} aria-label={t('actions.more')} data-testid="warning-more" />
      </Dropdown>
    </Space>
  );
}
