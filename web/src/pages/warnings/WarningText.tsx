// A warning's message in the reader's language only: a sentence built from its kind and the structured
// fields the server sends (ids, degrees, employees, competitors, milestone, ratios, and the numbers of its
// `details`: sentence.ts), with names for the ids. The server's English `message` is never shown (issue 13).
import { useTranslation } from 'react-i18next';
import type { Warning } from '../../api/types';
import { warningSentence } from './sentence';

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
  const { i18n } = useTranslation('warnings'); // renders again when the language changes
  return (w: Warning, names: WarningNames): string => warningSentence(w, names, i18n.language);
}

/** The warning as one line in the reader's language (the title of a task made from it). */
export function useWarningTitle() {
  return useWarningSentence();
}

export function WarningText({ warning, names }: { warning: Warning; names: WarningNames; compact?: boolean }) {
  const sentence = useWarningSentence();
  return <span data-testid="warning-text" data-kind={warning.kind}>{sentence(warning, names)}</span>;
}
