// A suggestion or a recent change as a sentence in the reader's language, built from its structured fields
// and the names its row carries (ids stay where a name may not be read).
import { useTranslation } from 'react-i18next';
import type { RecentChange, Suggestion } from '../../api/work';
import { changeKey, suggestionKey } from './model';

function useList() {
  const { t } = useTranslation('workbench');
  return (items: string[]) => items.join(t('listSeparator'));
}

/** The sentence of a suggestion. */
export function useSuggestionSentence() {
  const { t } = useTranslation('workbench');
  const list = useList();
  return (s: Suggestion): string => {
    const name = (id: string | null) => (id ? s.names[id] ?? id : '');
    const feature = (f: string) => {
      if (f === 'closeness' || f === 'solution' || f === 'price') return t(`dimension.${f}`, { ns: 'common' });
      if (f === 'veto' || f === 'approve') return t(`vote.${f}`, { ns: 'common' });
      return t(`feature.${f}`);
    };
    return t(suggestionKey(s), {
      person: name(s.person),
      customer: name(s.customer),
      opportunity: name(s.opportunity),
      employees: list(s.employees.map(name)),
      employee: name(s.employees[0] ?? null),
      via: s.via.length ? t('suggestion.via', { via: list(s.via.map(name)) }) : '',
      value: s.value ? t(`attitude.${s.value}`, { ns: 'common' }) : t('common.unknown', { ns: 'common' }),
      days: s.days ?? 0,
      roles: list(s.roles.map((r) => t(`chainRole.${r}`, { ns: 'common' }))),
      features: list(s.features.map(feature)),
    });
  };
}

/** The sentence of a recent change. */
export function useChangeSentence() {
  const { t } = useTranslation('workbench');
  return (c: RecentChange): string => {
    const name = (id: string | null | undefined) => (id ? c.names[id] ?? id : '');
    const word = (value: string | undefined) =>
      c.kind === 'vote' ? t(`yesno.${value ?? 'unknown'}`, { ns: 'common' }) : t(`attitude.${value ?? 'unknown'}`, { ns: 'common' });
    return t(changeKey(c), {
      person: name(c.person),
      opportunity: name(c.opportunity),
      toward: name(c.toward),
      dimension: c.dimension ? t(`dimension.${c.dimension}`, { ns: 'common' }) : '',
      vote: c.vote ? t(`vote.${c.vote}`, { ns: 'common' }) : '',
      value: word(c.value),
      previous: word(c.previous),
      role: c.role ? t(`chainRole.${c.role}`, { ns: 'common' }) : '',
    });
  };
}
