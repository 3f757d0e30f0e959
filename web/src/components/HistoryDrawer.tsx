// Every record's history one click away: a clock button that opens a drawer with the record's audit trail
// (GET /{collection}/{id}/history), newest first — when, who (their name), which field, old → new.
import { ArrowRightOutlined, HistoryOutlined } from '@ant-design/icons';
import { Button, Drawer, Empty, Timeline, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNames } from '../api/hooks';
import type { NamedCollection } from '../api/names';
import { useHistory, type RecordCollection } from '../api/records';
import { useUserNames } from '../state/useUserNames';
import { historyLines, namesWanted, type NameOf } from './history';
import { PageState } from './PageState';

export function HistoryDrawer({ collection, id, name, open, onClose }: {
  collection: RecordCollection; id: string; name: string; open: boolean; onClose(): void;
}) {
  const { t } = useTranslation('history');
  const history = useHistory(collection, open ? id : null);
  const entries = useMemo(() => history.data?.items ?? [], [history.data]);
  const nameOf = useRecordNames(entries.length ? namesWanted(entries, collection) : null);
  const lines = historyLines(entries, collection, t, nameOf);

  return (
    <Drawer open={open} onClose={onClose} width={520} title={t('title', { name })} data-testid="history-drawer" destroyOnClose>
      <PageState loading={history.loading && !history.data} error={history.error} onRetry={history.reload}>
        {lines.length === 0 ? (
          <Empty description={t('empty')} />
        ) : (
          <Timeline
            data-testid="history-lines"
            items={lines.map((line) => ({
              key: line.key,
              children: (
                <div data-testid="history-line">
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{line.at} · <span data-testid="history-actor">{line.actor}</span></Typography.Text>
                  <div>
                    <Typography.Text strong data-testid="history-what">{line.what}</Typography.Text>
                    {line.change ? (
                      <span data-testid="history-change">
                        {t('colon')}{line.change.from} <ArrowRightOutlined style={{ fontSize: 11, color: '#8c8c8c' }} /> {line.change.to}
                      </span>
                    ) : null}
                  </div>
                </div>
              ),
            }))}
          />
        )}
      </PageState>
    </Drawer>
  );
}

/** A user's name is their person's (users are read with the perspective); other records by their names. */
function useRecordNames(wanted: Record<NamedCollection, string[]> | null): NameOf {
  const { t } = useTranslation();
  const userName = useUserNames(wanted?.users ?? []);
  const people = useNames('people', wanted?.people ?? []);
  const organizations = useNames('organizations', wanted?.organizations ?? []);
  const opportunities = useNames('opportunities', wanted?.opportunities ?? []);
  const departments = useNames('departments', wanted?.departments ?? []);
  const teams = useNames('teams', wanted?.teams ?? []);
  return (collection, id) => {
    // While a user's name loads, a placeholder stands in (never the login).
    if (collection === 'users') return userName(id) ?? t('figures.loadingName');
    return { people, organizations, opportunities, departments, teams }[collection][id];
  };
}

/** The clock button that opens a record's history. */
export function HistoryButton({ collection, id, name, size, text }: {
  collection: RecordCollection; id: string; name: string; size?: 'small' | 'middle'; text?: boolean;
}) {
  const { t } = useTranslation('history');
  const [open, setOpen] = useState(false);
  const button = (
    <Button
      size={size}
      icon={<HistoryOutlined />}
      onClick={() => setOpen(true)}
      aria-label={t('open')}
      data-testid={`history-open-${collection}`}
      data-record={id}
    >
      {text ? t('open') : null}
    </Button>
  );
  return (
    <>
      {text ? button : <Tooltip title={t('open')}>{button}</Tooltip>}
      {open ? <HistoryDrawer collection={collection} id={id} name={name} open onClose={() => setOpen(false)} /> : null}
    </>
  );
}
