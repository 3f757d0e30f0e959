// Loading, error and empty states shared by every page.
import { Alert, Button, Empty, Spin } from 'antd';
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
