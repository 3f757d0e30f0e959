// The workbench without React: which sentence says a suggestion or a change, its parameters' parts, the
// expected effect as the page shows it, and the task a suggestion becomes.
import type { Task } from '../../api/types';
import type { RecentChange, Suggestion, SuggestionEffect } from '../../api/work';
import { formatPercent, formatPointsDelta } from '../../lib/format';
import { cutToBytes } from '../tasks/model';

/** The i18n key (namespace 'workbench') of a suggestion's sentence. */
export function suggestionKey(s: Suggestion): string {
  if (s.kind === 'introduce') return s.value && ['oppose', 'strong_oppose'].includes(s.value) ? 'suggestion.introduce_opposer' : 'suggestion.introduce';
  if (s.kind === 'contact') return s.days === null ? 'suggestion.contact_never' : 'suggestion.contact';
  return `suggestion.${s.kind}`;
}

/** The i18n key of a recent change's sentence. */
export function changeKey(c: RecentChange): string {
  if (c.kind === 'rating') return c.opportunity ? 'change.rating_project' : c.toward && c.toward !== 'ours' ? 'change.rating_competitor' : 'change.rating';
  return `change.${c.kind}`;
}

/** An effect in the page's terms (lib/format): the percents before and after, and the change in percentage
 * points, from the server's percents. */
export function effectParts(effect: SuggestionEffect, lang: string): { before: string; after: string; delta: string } {
  return {
    before: formatPercent(effect.percent_before, lang),
    after: formatPercent(effect.percent_after, lang),
    delta: formatPointsDelta(effect.percent_delta / 100, lang),
  };
}

/** The body of a new task made from a suggestion: its sentence as the title, what it concerns, where it came
 * from (its key). */
export function taskFromSuggestion(s: Suggestion, sentence: string, assignee: string): Partial<Task> {
  return {
    title: cutToBytes(sentence, 200),
    customer: s.customer,
    opportunity: s.opportunity,
    person: s.person,
    assignee,
    source: 'suggestion',
    source_key: s.key,
  };
}
