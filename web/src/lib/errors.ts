// An ApiError in the user's language: a sentence from the error code and the field it names. The server's
// own explanation is English; English readers get it in the sentence, others can open it as a detail.
import i18n from 'i18next';
import { ApiError } from '../api/client';

function t(key: string, options?: Record<string, unknown>): string {
  return i18n.t(key, { ns: 'common', ...options }) as string;
}

export function errorText(error: unknown): string {
  if (!(error instanceof ApiError)) return t('errors.unknown');
  if (error.status === 401 && /disabled/.test(error.message)) return t('errors.disabled');
  if (error.status === 401 && /wrong/.test(error.message)) return t('errors.wrongLogin');
  const head = t(`errors.${error.code}`, { defaultValue: t('errors.unknown') });
  if (i18n.language === 'en') return error.field ? `${head} (${t('errors.field', { field: error.field })}): ${error.message}` : `${head}: ${error.message}`;
  return error.field ? `${head}：${t('errors.field', { field: error.field })}` : `${head}。`;
}

/** The server's explanation, for a "details" line beside errorText in languages other than English. */
export function errorDetail(error: unknown): string | null {
  if (!(error instanceof ApiError) || i18n.language === 'en') return null;
  return error.message || null;
}
