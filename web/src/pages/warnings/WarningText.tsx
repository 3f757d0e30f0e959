// A warning's message in the user's language: Chinese readers get a sentence built from its kind and the
// names it concerns, with the server's English message (ids replaced by names) as a second line; English
// readers get the server's message with names.
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Warning } from '../../api/types';
import { formatShare } from '../../lib/format';
import { sentenceKey, withNames } from './model';

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
  const { t } = useTranslation('warnings');
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
      kind: w.kind,
      milestone: w.milestone ? t(`milestoneKind.${w.milestone}`, { ns: 'common', defaultValue: w.milestone }) : '',
      expected: w.expected ?? '',
      ratio: formatShare(w.ratio),
      max: formatShare(w.history_max),
    });
  };
}

/** The warning as one line in the reader's language (the title of a task made from it). */
export function useWarningTitle() {
  const { i18n } = useTranslation('warnings');
  const sentence = useWarningSentence();
  return (w: Warning, names: WarningNames): string =>
    i18n.language === 'en' ? withNames(w.message, allNames(names)) : sentence(w, names);
}

export function WarningText({ warning, names, compact }: { warning: Warning; names: WarningNames; compact?: boolean }) {
  const { i18n } = useTranslation('warnings');
  const sentence = useWarningSentence();
  const original = withNames(warning.message, allNames(names));
  if (i18n.language === 'en') return <span>{original}</span>;
  return (
    <span title={compact ? original : undefined}>
      <span>{sentence(warning, names)}</span>
      {compact ? null : (
        <Typography.Text
          type="secondary"
          lang="en"
          title={original}
          style={{ display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden', fontSize: 12 }}
        >
          {original}
        </Typography.Text>
      )}
    </span>
  );
}
