// Routes: the sign-in page, and every other page inside the frame once signed in. Pages a role may not open
// are not routed for it (the server refuses them too).
import { ConfigProvider, App as AntApp, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import type { Role } from './api/types';
import { Layout } from './components/Layout';
import { ExplainProvider } from './components/ExplainDrawer';
import LoginPage from './pages/login/LoginPage';
import { homeOf, pageOf, type PageName } from './lib/pages';
import { PerspectiveProvider } from './state/perspective';
import { SessionProvider, useSession } from './state/session';

// Each page's code is its own chunk. The one the address names starts loading with the app, at the same time
// as the sign-in check, instead of after it, and is drawn without a fallback once loaded (lazyPage).
const pages: Record<PageName, () => Promise<{ default: () => ReactNode }>> = {
  dashboard: () => import('./pages/dashboard/DashboardPage'),
  customers: () => import('./pages/customers/CustomersPage'),
  customer: () => import('./pages/customer/CustomerPage'),
  person: () => import('./pages/person/PersonPage'),
  opportunity: () => import('./pages/opportunity/OpportunityPage'),
  influence: () => import('./pages/influence/InfluencePage'),
  iknow: () => import('./pages/iknow/IKnowPage'),
  warnings: () => import('./pages/warnings/WarningsPage'),
  tasks: () => import('./pages/tasks/TasksPage'),
  workbench: () => import('./pages/workbench/WorkbenchPage'),
  inbox: () => import('./pages/inbox/InboxPage'),
  strategy: () => import('./pages/admin/StrategyPage'),
  users: () => import('./pages/admin/UsersPage'),
  bundle: () => import('./pages/admin/BundlePage'),
  webhooks: () => import('./pages/admin/WebhooksPage'),
  organizations: () => import('./pages/organizations/OrganizationsPage'),
};
/** The pages' modules loaded so far. */
const loaded = new Map<PageName, { default: () => ReactNode }>();

/**
 * A page's component for lazy(): drawn in the same render when its module has loaded already (the one the
 * address names, usually), by handing lazy() a thenable that answers at once; lazy() would otherwise show the
 * fallback and draw the page only tasks later, after the frame's other requests, which put the page's own
 * requests some 400 ms later on a large customer's map. Loaded first otherwise.
 */
function lazyPage(name: PageName) {
  return lazy(() => {
    const module = loaded.get(name);
    if (module) return { then: (resolve: (m: { default: () => ReactNode }) => void) => resolve(module) } as unknown as Promise<{ default: () => ReactNode }>;
    return pages[name]().then((m) => {
      loaded.set(name, m);
      return m;
    });
  });
}

const DashboardPage = lazyPage('dashboard');
const CustomersPage = lazyPage('customers');
const CustomerPage = lazyPage('customer');
const PersonPage = lazyPage('person');
const OpportunityPage = lazyPage('opportunity');
const InfluencePage = lazyPage('influence');
const IKnowPage = lazyPage('iknow');
const WarningsPage = lazyPage('warnings');
const TasksPage = lazyPage('tasks');
const WorkbenchPage = lazyPage('workbench');
const InboxPage = lazyPage('inbox');
const StrategyPage = lazyPage('strategy');
const UsersPage = lazyPage('users');
const BundlePage = lazyPage('bundle');
const WebhooksPage = lazyPage('webhooks');
const OrganizationsPage = lazyPage('organizations');

const opening = typeof window === 'undefined' ? null : pageOf(window.location.pathname);
if (opening) {
  pages[opening]()
    .then((m) => loaded.set(opening, m))
    .catch(() => undefined); // a failure shows when the route renders it
}

const SELLING: Role[] = ['rep', 'manager', 'executive', 'admin'];

function Loading() {
  return <div style={{ padding: 48, textAlign: 'center' }}><Spin /></div>;
}

function SignedIn() {
  const { me, checking } = useSession();
  const location = useLocation();
  if (checking) return <Loading />;
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  const role = me.user.role;
  const page = (roles: Role[], element: ReactNode) => (roles.includes(role) ? element : <Navigate to={role === 'employee' ? '/iknow' : '/'} replace />);
  return (
    <PerspectiveProvider key={me.user.id}>
      <ExplainProvider>
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route element={<Layout />}>
              <Route index element={page(SELLING, <DashboardPage />)} />
              <Route path="customers" element={page(SELLING, <CustomersPage />)} />
              <Route path="customers/:id" element={page(SELLING, <CustomerPage />)} />
              <Route path="organizations" element={page(SELLING, <OrganizationsPage />)} />
              <Route path="people/:id" element={page(SELLING, <PersonPage />)} />
              <Route path="opportunities/:id" element={page(SELLING, <OpportunityPage />)} />
              <Route path="influence" element={page(SELLING, <InfluencePage />)} />
              <Route path="warnings" element={page(SELLING, <WarningsPage />)} />
              <Route path="tasks" element={page(SELLING, <TasksPage />)} />
              <Route path="workbench" element={page(SELLING, <WorkbenchPage />)} />
              <Route path="iknow" element={<IKnowPage />} />
              <Route path="inbox" element={<InboxPage />} />
              <Route path="strategy" element={page(SELLING, <StrategyPage />)} />
              <Route path="admin/users" element={page(['admin'], <UsersPage />)} />
              <Route path="admin/bundle" element={page(['admin'], <BundlePage />)} />
              <Route path="admin/webhooks" element={page(['admin'], <WebhooksPage />)} />
              <Route path="*" element={<Navigate to={role === 'employee' ? '/iknow' : '/'} replace />} />
            </Route>
          </Routes>
        </Suspense>
      </ExplainProvider>
    </PerspectiveProvider>
  );
}

function Localized({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const english = i18n.language === 'en';
  dayjs.locale(english ? 'en' : 'zh-cn');
  return (
    <ConfigProvider locale={english ? enUS : zhCN} theme={{ token: { colorPrimary: '#1d4ed8' } }}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export default function App() {
  return (
    <Localized>
      <SessionProvider>
        <BrowserRouter future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
          <Routes>
            <Route path="/login" element={<LoginRoute />} />
            <Route path="/*" element={<SignedIn />} />
          </Routes>
        </BrowserRouter>
      </SessionProvider>
    </Localized>
  );
}

function LoginRoute() {
  const { me, checking } = useSession();
  if (checking) return <Loading />;
  if (me) return <Navigate to={homeOf(me.user.role)} replace />;
  return <LoginPage />;
}
