// A warning's message in the reader's language only: a sentence built from its kind and the structured
// details the server sends (ids, degrees, employees, competitors, milestone, ratios), with names for the ids.
// The server's English `message` is never shown (issue 13).
import { useTranslation } from 'react-i18next';
import type { Warning } from '../../api/types';
import { formatShare } from '../../lib/format';
import { sentenceKey } from './model';

export interface WarningNames {
  customers: Record<string, string>;
  people: Record<string, string>;
  opportunities: Record<string, string>;
  competitors: Record<string, string>;
}

export function allNames(names: WarningNames): Record<string, string> {
  return { ...names.competitors, ...names.customers, ...names.opportunities, ...names.people };
}

export function useWarningSentence() {
  const { t, i18n } = useTranslation('warnings');
  return (w: Warning, names: WarningNames): string => {
    const separator = t('listSeparator');
    const name = (map: Record<string, string>, id: string | null) => (id ? map[id] ?? id : '');
    return t(sentenceKey(w), {
      person: name(names.people, w.person),
      customer: name(names.customers, w.customer),
      opportunity: name(names.opportunities, w.opportunity),
      employees: (w.employees ?? []).map((id) => name(names.people, id)).join(separator),
      competitors: (w.competitors ?? []).map((id) => name(names.competitors, id)).join(separator),
      dimensions: (w.dimensions ?? []).map((d) => t(`dimensionShort.${d}`, { ns: 'common' })).join(separator),
      kind: t(`kinds.${w.kind}`, { defaultValue: t('unknownKind') }),
      milestone: w.milestone ? t(`milestoneKind.${w.milestone}`, { ns: 'common', defaultValue: w.milestone }) : '',
      expected: w.expected ?? '',
      ratio: formatShare(w.ratio, i18n.language),
      max: formatShare(w.history_max, i18n.language),
    });
  };
}

/** The warning as one line in the reader's language (the title of a task made from it). */
export function useWarningTitle() {
  return useWarningSentence();
}

export function WarningText({ warning, names }: { warning: Warning; names: WarningNames; compact?: boolean }) {
  const sentence = useWarningSentence();
  return <span data-testid="warning-text" data-kind={warning.kind}>{sentence(warning, names)}</span>;
}
