// The bell in the header: the number of unread inbox items, asked again every minute and whenever the
// inbox changes (an 'brm:inbox' event), opening the inbox.
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Tooltip } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useApi } from '../api/hooks';
import type { InboxPage } from '../api/work';

export const INBOX_CHANGED = 'brm:inbox';
const POLL_MS = 60_000;

export function InboxBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const inbox = useApi<InboxPage>('/inbox', { limit: 0 });
  const { reload } = inbox;
  useEffect(() => {
    const timer = window.setInterval(reload, POLL_MS);
    window.addEventListener(INBOX_CHANGED, reload);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener(INBOX_CHANGED, reload);
    };
  }, [reload]);
  const unread = inbox.data?.unread ?? 0;
  return (
    <Tooltip title={t('shell.inbox', { count: unread })}>
      <Badge count={unread} size="small" overflowCount={99} data-testid="inbox-unread" data-count={unread}>
        <Button size="small" icon={<BellOutlined />} aria-label={t('shell.inbox', { count: unread })} data-testid="inbox-bell"
          onClick={() => navigate('/inbox')} />
      </Badge>
    </Tooltip>
  );
}
