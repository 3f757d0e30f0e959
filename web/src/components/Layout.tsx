// The frame around every page once signed in: navigation for the user's role, the perspective switch, the
// as-of day, the language, the session's end, changing one's password and sign-out.
import {
  AlertOutlined, ApartmentOutlined, ApiOutlined, BankOutlined, CheckSquareOutlined, DashboardOutlined, InboxOutlined, LogoutOutlined, ScheduleOutlined, SettingOutlined, ShareAltOutlined, SwapOutlined, TeamOutlined, UserAddOutlined,
} from '@ant-design/icons';
import { Button, DatePicker, Layout as AntLayout, Menu, Select, Space, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router-dom';
import type { Language, Role } from '../api/types';
import { openableTeams, openableUsers } from '../lib/perspective';
import { usePerspective } from '../state/perspective';
import { useMe, useSession } from '../state/session';
import { useUserNames } from '../state/useUserNames';
import { InboxBell } from './InboxBell';
import { PasswordButton } from './PasswordDialog';
import { tenantToday } from '../lib/format';

interface NavItem { key: string; path: string; icon: ReactNode; roles: Role[] }

const SELLING: Role[] = ['rep', 'manager', 'executive', 'admin'];
export const NAV: NavItem[] = [
  { key: 'workbench', path: '/workbench', icon: <ScheduleOutlined />, roles: SELLING },
  { key: 'dashboard', path: '/', icon: <DashboardOutlined />, roles: SELLING },
  { key: 'customers', path: '/customers', icon: <ApartmentOutlined />, roles: SELLING },
  { key: 'organizations', path: '/organizations', icon: <BankOutlined />, roles: SELLING },
  { key: 'influence', path: '/influence', icon: <ShareAltOutlined />, roles: SELLING },
  { key: 'warnings', path: '/warnings', icon: <AlertOutlined />, roles: SELLING },
  { key: 'tasks', path: '/tasks', icon: <CheckSquareOutlined />, roles: SELLING },
  { key: 'inbox', path: '/inbox', icon: <InboxOutlined />, roles: ['rep', 'manager', 'executive', 'admin', 'employee'] },
  { key: 'iknow', path: '/iknow', icon: <UserAddOutlined />, roles: ['rep', 'manager', 'executive', 'admin', 'employee'] },
  { key: 'strategy', path: '/strategy', icon: <SettingOutlined />, roles: SELLING },
  { key: 'users', path: '/admin/users', icon: <TeamOutlined />, roles: ['admin'] },
  { key: 'bundle', path: '/admin/bundle', icon: <SwapOutlined />, roles: ['admin'] },
  { key: 'webhooks', path: '/admin/webhooks', icon: <ApiOutlined />, roles: ['admin'] },
];

export function navFor(role: Role): NavItem[] {
  return NAV.filter((item) => item.roles.includes(role));
}

function SessionClock() {
  const { me } = useSession();
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now() / 1000);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now() / 1000), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  const expires = me?.expires_at;
  if (!expires) return null;
  const minutes = Math.max(0, Math.round((expires - now) / 60));
  const soon = minutes <= 15;
  return (
    <Tag color={soon ? 'orange' : undefined} data-testid="session-expiry">
      {soon ? t('shell.sessionSoon', { minutes }) : t('shell.sessionEnds', { time: dayjs.unix(expires).format('MM-DD HH:mm') })}
    </Tag>
  );
}

function PerspectiveSwitch() {
  const { t } = useTranslation();
  const me = useMe();
  const perspective = usePerspective();
  const teams = openableTeams(me.user, perspective.teams);
  const users = openableUsers(me.user, perspective.teams, perspective.users);
  const userName = useUserNames(users.map((u) => u.id));
  const options = [
    { value: 'me', label: t('shell.me') },
    ...(me.user.role === 'executive' || me.user.role === 'admin' ? [{ value: 'company', label: t('shell.company') }] : []),
    ...(teams.length ? [{ label: t('shell.team'), options: teams.map((team) => ({ value: `team:${team.id}`, label: team.name })) }] : []),
    ...(users.length ? [{ label: t('shell.user'), options: users.map((u) => ({ value: `user:${u.id}`, label: userName(u.id) ?? t('figures.loadingName') })) }] : []),
  ];
  return (
    <Space wrap size="small">
      <Select
        aria-label={t('shell.perspective')}
        data-testid="scope-select"
        value={perspective.scope}
        options={options}
        onChange={(scope) => perspective.set({ scope })}
        style={{ minWidth: 140 }}
        showSearch
        optionFilterProp="label"
      />
      <Select
        aria-label={t('shell.toward')}
        data-testid="toward-select"
        value={perspective.toward}
        options={[
          { value: 'ours', label: `${t('shell.toward')}: ${t('shell.ours')}` },
          ...perspective.competitors.map((c) => ({ value: c.id, label: `${t('shell.competitor')}: ${c.name}` })),
        ]}
        onChange={(toward) => perspective.set({ toward })}
        style={{ minWidth: 150 }}
      />
      <DatePicker
        aria-label={t('shell.asOf')}
        data-testid="as-of"
        allowClear
        placeholder={t('shell.today')}
        value={perspective.asOf ? dayjs(perspective.asOf) : null}
        onChange={(day) => perspective.set({ asOf: day ? day.format('YYYY-MM-DD') : null })}
        disabledDate={(day) => day.isAfter(tenantToday().add(1, 'day'))}
      />
    </Space>
  );
}

export function LanguageSwitch() {
  const { i18n, t } = useTranslation();
  const session = useSession();
  return (
    <Select
      aria-label={t('shell.language')}
      data-testid="language-select"
      size="small"
      value={i18n.language as Language}
      onChange={(language: Language) => void session.setLanguage(language)}
      options={[{ value: 'zh-CN', label: '中文' }, { value: 'en', label: 'English' }]}
      style={{ width: 100 }}
    />
  );
}

export function Layout() {
  const { t } = useTranslation();
  const me = useMe();
  const session = useSession();
  const location = useLocation();
  const items = navFor(me.user.role);
  const selected = items
    .filter((item) => (item.path === '/' ? location.pathname === '/' : location.pathname.startsWith(item.path)))
    .map((item) => item.key);
  const figures = me.user.role !== 'employee';

  return (
    <AntLayout style={{ minHeight: '100vh' }}>
      <AntLayout.Sider breakpoint="lg" collapsedWidth={0} theme="light" width={210}>
        <div style={{ padding: '16px 20px', fontWeight: 600, fontSize: 18 }}>{t('app.short')}</div>
        <Menu
          mode="inline"
          selectedKeys={selected}
          items={items.map((item) => ({ key: item.key, icon: item.icon, label: <Link to={item.path}>{t(`nav.${item.key}`)}</Link> }))}
        />
      </AntLayout.Sider>
      <AntLayout>
        <AntLayout.Header style={{ background: '#fff', padding: '8px 16px', height: 'auto', lineHeight: 'normal', borderBottom: '1px solid #f0f0f0' }}>
          <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
            {figures ? <PerspectiveSwitch /> : <Typography.Text strong>{t('app.name')}</Typography.Text>}
            <Space wrap size="small">
              <InboxBell />
              <SessionClock />
              <LanguageSwitch />
              <Tooltip title={t(`role.${me.user.role}`)}>
                <Typography.Text data-testid="user-name">{me.user.name} ({me.user.login})</Typography.Text>
              </Tooltip>
              <PasswordButton />
              <Button size="small" icon={<LogoutOutlined />} onClick={() => void session.logout()} data-testid="logout">
                {t('shell.logout')}
              </Button>
            </Space>
          </Space>
        </AntLayout.Header>
        <AntLayout.Content style={{ padding: 16 }}>
          <Outlet />
        </AntLayout.Content>
      </AntLayout>
    </AntLayout>
  );
}
