// A warning's message in the reader's language only: a sentence built from its kind and the structured
// fields the server sends (ids, degrees, employees, competitors, milestone, ratios, and the numbers of its
// `details`: sentence.ts), with names for the ids. The server's English `message` is never shown (issue 13).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MILESTONE_DEFAULT, modelKindNames, readKindNames } from '../../api/project';
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
  return (w: Warning, names: WarningNames): string => warningSentence(w, names, i18n.language, (kind) => readKindNames(w.customer)?.get(kind));
}

/** Whether the warning names a milestone kind the tenant defined (named by its model, not translated). */
const customKind = (w: Warning) => !!w.milestone && !(MILESTONE_DEFAULT as readonly string[]).includes(w.milestone);

/** Reads the kind names of the warning's customer when it names a kind the tenant defined, and draws again
 * once they are read. */
function useKindNamesOf(w: Warning): void {
  const wanted = customKind(w);
  const [, setRead] = useState(0);
  const read = !wanted || readKindNames(w.customer) !== undefined;
  useEffect(() => {
    if (read) return undefined;
    let live = true;
    void modelKindNames(w.customer).then(() => live && setRead((n) => n + 1));
    return () => {
      live = false;
    };
  }, [read, w.customer]);
}

/** The warning as one line in the reader's language (the title of a task made from it). */
export function useWarningTitle() {
  return useWarningSentence();
}

export function WarningText({ warning, names }: { warning: Warning; names: WarningNames; compact?: boolean }) {
  const sentence = useWarningSentence();
  useKindNamesOf(warning);
  return <span data-testid="warning-text" data-kind={warning.kind}>{sentence(warning, names)}</span>;
}
