// i18next set up with Simplified Chinese by default and English. The shared words are the default namespace;
// each page area adds its own namespace.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import * as common from './common';
import * as dashboard from '../pages/dashboard/i18n';
import * as customers from '../pages/customers/i18n';
import * as customer from '../pages/customer/i18n';
import * as person from '../pages/person/i18n';
import * as opportunity from '../pages/opportunity/i18n';
import * as influence from '../pages/influence/i18n';
import * as iknow from '../pages/iknow/i18n';
import * as admin from '../pages/admin/i18n';
import * as warnings from '../pages/warnings/i18n';
import * as project from '../pages/project/i18n';
import * as tasks from '../pages/tasks/i18n';
import * as workbench from '../pages/workbench/i18n';
import * as inbox from '../pages/inbox/i18n';
import * as webhooks from '../pages/admin/webhooksI18n';
import * as organizations from '../pages/organizations/i18n';
import * as history from '../components/historyI18n';
import * as explain from '../components/explainI18n';
import type { Language } from '../api/types';

const areas = {
  dashboard, customers, customer, person, opportunity, influence, iknow, admin, warnings, project, tasks, workbench, inbox, webhooks, organizations,
  history, explain,
};

function bundle(language: 'zh' | 'en') {
  const resources: Record<string, object> = { common: common[language] };
  for (const [name, area] of Object.entries(areas)) resources[name] = area[language];
  return resources;
}

export const LANGUAGE_KEY = 'brm.language';

export function initialLanguage(): Language {
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(LANGUAGE_KEY) : null;
  return stored === 'en' ? 'en' : 'zh-CN';
}

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': bundle('zh'), en: bundle('en') },
  lng: initialLanguage(),
  fallbackLng: 'zh-CN',
  defaultNS: 'common',
  ns: ['common', ...Object.keys(areas)],
  // Every number put into a text ("{{count}} customers") gets the UI language's separators: 10,000 (docs/web.md,
  // "How numbers read"); lib/format writes the figures themselves.
  interpolation: {
    escapeValue: false,
    alwaysFormat: true,
    format: (value: unknown, _format?: string, lng?: string) =>
      typeof value === 'number' && Number.isFinite(value) ? new Intl.NumberFormat(lng === 'en' ? 'en-US' : 'zh-CN', { maximumFractionDigits: 3 }).format(value) : (value as string),
  },
  returnNull: false,
  showSupportNotice: false,
});

export default i18n;
