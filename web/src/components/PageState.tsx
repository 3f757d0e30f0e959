// Loading, error and empty states shared by every page.
import { Alert, Button, Empty, Skeleton, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { errorDetail, errorText } from '../lib/errors';

export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const detail = errorDetail(error);
  const notFound = error instanceof ApiError && error.status === 404;
  return (
    <Alert
      type={notFound ? 'warning' : 'error'}
      showIcon
      role="alert"
      message={errorText(error)}
      description={detail ? <span lang="en" style={{ fontSize: 12, color: '#8c8c8c' }}>{detail}</span> : undefined}
      action={onRetry && !notFound ? <Button size="small" onClick={onRetry}>{t('common.retry')}</Button> : undefined}
    />
  );
}

/** Shows a spinner while loading, the error if any, an empty state when `empty`, otherwise the children. */
export function PageState({
  loading, error, empty, onRetry, children,
}: { loading: boolean; error?: unknown; empty?: boolean; onRetry?: () => void; children?: ReactNode }) {
  const { t } = useTranslation();
  if (error) return <ErrorAlert error={error} onRetry={onRetry} />;
  if (loading) return <div style={{ padding: 48, textAlign: 'center' }}><Spin tip={t('common.loading')}><div style={{ minHeight: 40 }} /></Spin></div>;
  if (empty) return <Empty description={t('common.empty')} />;
  return <>{children}</>;
}

/** Placeholder lines where a table or a card's figures will be, from the first paint until they arrive. */
export function SkeletonBlock({ rows = 6, testId }: { rows?: number; testId?: string }) {
  return (
    <div data-testid={testId} data-skeleton="true">
      <Skeleton active title={false} paragraph={{ rows, width: '100%' }} />
    </div>
  );
}

/** Figures being replaced (another perspective, page or filter): the previous ones stay, dimmed, until the
 * next arrive. */
export function Dimmed({ loading, children, testId }: { loading: boolean; children?: ReactNode; testId?: string }) {
  return (
    <div
      data-testid={testId}
      data-loading={loading ? 'true' : 'false'}
      aria-busy={loading}
      style={{ opacity: loading ? 0.5 : 1, transition: 'opacity 0.2s' }}
    >
      {children}
    </div>
  );
}
