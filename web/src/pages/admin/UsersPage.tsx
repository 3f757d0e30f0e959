// Users and teams (admins only): who may sign in, with which role and team, and the team tree.
import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageState } from '../../components/PageState';
import { usePerspective } from '../../state/perspective';
import { TeamsTab } from './TeamsTab';
import { UsersTab } from './UsersTab';
import { useDirectoryData } from './useDirectoryData';

export default function UsersPage() {
  const { t } = useTranslation('admin');
  const directory = useDirectoryData();
  const perspective = usePerspective();
  // A change of users or teams also changes the perspectives one may open.
  const reload = () => {
    directory.reload();
    perspective.reload();
  };
  return (
    <div data-testid="admin-users-page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>{t('users.title')}</Typography.Title>
      <PageState loading={directory.loading && !directory.data} error={directory.error} onRetry={directory.reload}>
        {directory.data && (
          <Tabs
            items={[
              { key: 'users', label: t('users.tabUsers'), children: <UsersTab data={directory.data} reload={reload} /> },
              { key: 'teams', label: <span data-testid="admin-tab-teams">{t('users.tabTeams')}</span>, children: <TeamsTab data={directory.data} reload={reload} /> },
            ]}
          />
        )}
      </PageState>
    </div>
  );
}
