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
import LoginPage from './pages/login/LoginPage';
import { PerspectiveProvider } from './state/perspective';
import { SessionProvider, useSession } from './state/session';

const DashboardPage = lazy(() => import('./pages/dashboard/DashboardPage'));
const CustomersPage = lazy(() => import('./pages/customers/CustomersPage'));
const CustomerPage = lazy(() => import('./pages/customer/CustomerPage'));
const PersonPage = lazy(() => import('./pages/person/PersonPage'));
const OpportunityPage = lazy(() => import('./pages/opportunity/OpportunityPage'));
const InfluencePage = lazy(() => import('./pages/influence/InfluencePage'));
const IKnowPage = lazy(() => import('./pages/iknow/IKnowPage'));
const WarningsPage = lazy(() => import('./pages/warnings/WarningsPage'));
const StrategyPage = lazy(() => import('./pages/admin/StrategyPage'));
const UsersPage = lazy(() => import('./pages/admin/UsersPage'));
const BundlePage = lazy(() => import('./pages/admin/BundlePage'));

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
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route element={<Layout />}>
            <Route index element={page(SELLING, <DashboardPage />)} />
            <Route path="customers" element={page(SELLING, <CustomersPage />)} />
            <Route path="customers/:id" element={page(SELLING, <CustomerPage />)} />
            <Route path="people/:id" element={page(SELLING, <PersonPage />)} />
            <Route path="opportunities/:id" element={page(SELLING, <OpportunityPage />)} />
            <Route path="influence" element={page(SELLING, <InfluencePage />)} />
            <Route path="warnings" element={page(SELLING, <WarningsPage />)} />
            <Route path="iknow" element={<IKnowPage />} />
            <Route path="strategy" element={page(SELLING, <StrategyPage />)} />
            <Route path="admin/users" element={page(['admin'], <UsersPage />)} />
            <Route path="admin/bundle" element={page(['admin'], <BundlePage />)} />
            <Route path="*" element={<Navigate to={role === 'employee' ? '/iknow' : '/'} replace />} />
          </Route>
        </Routes>
      </Suspense>
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
  if (me) return <Navigate to={me.user.role === 'employee' ? '/iknow' : '/'} replace />;
  return <LoginPage />;
}
