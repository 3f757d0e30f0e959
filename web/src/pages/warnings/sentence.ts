// A warning's sentence in the reader's language, built from its kind, its ids and its details (docs/api.md,
// "Warning details"): the numbers behind it — attitudes as the app's words, means as percents (a null mean
// reads as unknown), probabilities and shares as percents, days, counts, the unknown features by name. When a
// warning has no details (older data, kinds without any) or they are not what its kind sends, it reads as the
// kind's plain sentence.
import type { TFunction } from 'i18next';
import { ATTITUDES, DIMENSIONS, type Attitude, type Dimension, type Warning, type WarningDegreeDetails, type WarningDetails } from '../../api/types';
import i18n from '../../i18n';
import { formatNumber, formatPercent, formatShare, percentOfMean } from '../../lib/format';
import { sentenceKey } from './model';
import type { WarningNames } from './WarningText';

type Params = Record<string, string | number>;
type T = TFunction<'warnings'>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function count(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;
}

function day(value: unknown): string | null {
  return typeof value === 'string' && DAY.test(value) ? value : null;
}

/** Every item, or null when there is none or one of them could not be written. */
function every<V>(items: (V | null)[]): V[] | null {
  return items.length > 0 && items.every((item) => item !== null) ? (items as V[]) : null;
}

function attitudeWord(t: T, value: unknown): string | null {
  return (ATTITUDES as unknown[]).includes(value) ? t(`attitude.${value as Attitude}`, { ns: 'common' }) : null;
}

/** A mean as the percent it stands for ("-16.7%"), "unknown" when null; null when it is not a mean. */
function meanText(t: T, lang: string, value: unknown): string | null {
  if (value === null) return t('unknownMean');
  return typeof value === 'number' && Number.isFinite(value) ? formatPercent(percentOfMean(value), lang) : null;
}

/** The name of one of the seven features, as the person page labels it. */
function featureName(t: T, feature: unknown): string | null {
  if ((DIMENSIONS as unknown[]).includes(feature)) return t(`dimension.${feature as Dimension}`, { ns: 'common' });
  if (feature === 'veto' || feature === 'approve') return t(`vote.${feature}`, { ns: 'common' });
  if (feature === 'acquaintance' || feature === 'orientation') return t(feature, { ns: 'person' });
  return null;
}

/** The degrees the details speak of, in the order of the degrees. */
function degrees(details: WarningDetails): [Dimension, WarningDegreeDetails][] {
  return DIMENSIONS.filter((d) => isObject(details[d])).map((d) => [d, details[d] as WarningDegreeDetails]);
}

function degreeName(t: T, d: Dimension): string {
  return t(`dimensionShort.${d}`, { ns: 'common' });
}

/** "Closeness: Oppose" / "紧密度为反对" for a degree's attitude. */
function attitudePart(t: T, d: Dimension, value: unknown): string | null {
  const attitude = attitudeWord(t, value);
  return attitude === null ? null : t('part.attitude', { dimension: degreeName(t, d), attitude });
}

/** The attitudes of the degrees the details name ("Closeness: Strong oppose, Solution: Oppose"). */
function attitudesPart(t: T, details: WarningDetails): string | null {
  const items = every(degrees(details).map(([d, v]) => attitudePart(t, d, v.attitude)));
  return items && items.join(t('listSeparator'));
}

/** Why a forecast is optimistic: the members and departments against us (those that make the warning). */
function reasons(t: T, details: WarningDetails): string | null {
  const opposers = count(details.opposers), known = count(details.known);
  const negative = count(details.negative_departments), departments = count(details.known_departments);
  const members = opposers !== null && known !== null && known > 0 ? { count: opposers, known } : null;
  const units = negative !== null && departments !== null && departments > 0 ? { count: negative, known: departments } : null;
  const against = (part: { count: number; known: number } | null) => part !== null && 2 * part.count >= part.known;
  const shown = against(members) || against(units) ? [against(members) ? members : null, against(units) ? units : null] : [members, units];
  const parts = [shown[0] && t('part.members', shown[0]), shown[1] && t('part.departments', shown[1])].filter((p): p is string => !!p);
  return parts.length ? parts.join(t('part.reasonSeparator')) : null;
}

/** A falling mean: from its values a month and a year ago (those it fell from) to now. */
function fallPart(t: T, lang: string, d: Dimension, v: WarningDegreeDetails): string | null {
  const now = meanText(t, lang, v.now);
  if (now === null) return null;
  const earlier = [['monthAgo', v.month_ago], ['yearAgo', v.year_ago]] as const;
  const fell = earlier.filter(([, mean]) => typeof mean === 'number' && typeof v.now === 'number' && v.now < mean);
  const shown = fell.length ? fell : earlier.filter(([, mean]) => typeof mean === 'number');
  if (!shown.length) return null;
  const from = shown.map(([key, mean]) => t(`part.${key}`, { value: meanText(t, lang, mean) })).join(t('part.agoSeparator'));
  return t('part.fall', { dimension: degreeName(t, d), from, now });
}

/** The key and values of the sentence that states the warning's details, or null to read the plain one. */
function detailedSentence(w: Warning, t: T, lang: string): { key: string; params: Params } | null {
  const details = w.details;
  if (!isObject(details)) return null;
  const closeness = isObject(details.closeness) ? details.closeness : {};
  const detailed = (key: string, params: Record<string, string | number | null>): { key: string; params: Params } | null =>
    Object.values(params).some((value) => value === null) ? null : { key: `detailed.${key}`, params: params as Params };
  switch (w.kind) {
    case 'attitude_conflict': {
      const items = every(degrees(details).map(([d, v]) => {
        const customer = attitudeWord(t, v.customer), project = attitudeWord(t, v.project);
        return customer && project ? t('part.conflict', { dimension: degreeName(t, d), customer, project }) : null;
      }));
      return detailed(w.kind, { conflicts: items && items.join(t('part.itemSeparator')) });
    }
    case 'optimistic_forecast':
      return detailed(w.kind, {
        probability: typeof details.probability === 'number' ? formatShare(details.probability, lang) : null,
        reasons: reasons(t, details),
      });
    case 'veto_opposes':
    case 'opposer_to_neutral':
      return detailed(w.kind, { attitudes: attitudesPart(t, details) });
    case 'sharp_drop': {
      const items = every(degrees(details).map(([d, v]) => {
        const before = meanText(t, lang, v.before), now = meanText(t, lang, v.now);
        return before && now ? t('part.drop', { dimension: degreeName(t, d), before, now }) : null;
      }));
      const threshold = typeof details.threshold === 'number' && details.threshold > 0
        ? t('figures.pp', { ns: 'common', value: formatNumber(details.threshold * 100, lang, 1) }) : null;
      return detailed(w.kind, { drops: items && items.join(t('part.itemSeparator')), since: day(details.since), threshold });
    }
    case 'champion_left':
      return detailed(w.kind, { attitude: attitudePart(t, 'closeness', closeness.attitude), left: day(details.left) });
    case 'focus_coverage': {
      const unknown = Array.isArray(details.unknown) ? details.unknown.map((f) => featureName(t, f)) : null;
      const names = unknown && (unknown.length ? every(unknown) : []);
      if (typeof details.contacted !== 'boolean' || names === null) return null;
      const key = details.contacted ? 'focus_coverage_profile' : names.length ? 'focus_coverage_both' : 'focus_coverage_contact';
      if (details.contacted && !names.length) return null;
      return detailed(key, { days: count(details.days), unknown: names.join(t('listSeparator')) });
    }
    case 'vote_not_supporting': {
      const votes = details.veto === true ? (details.approve === true ? 'both' : 'veto') : details.approve === true ? 'approve' : null;
      return detailed(w.kind, {
        votes: votes && t(`part.votes.${votes}`),
        attitude: attitudePart(t, 'closeness', closeness.attitude),
      });
    }
    case 'mean_falling': {
      const items = every(degrees(details).map(([d, v]) => fallPart(t, lang, d, v)));
      return detailed(w.customer ? w.kind : 'mean_falling_scope', { falls: items && items.join(t('part.itemSeparator')) });
    }
    case 'leverage_employee':
      return detailed(w.kind, { attitude: attitudePart(t, 'closeness', closeness.attitude) });
    case 'milestone_overdue':
      return w.milestone && w.expected ? detailed(w.kind, { days_late: count(details.days_late) }) : null;
    case 'price_above_history':
      return detailed(w.kind, { projects: count(details.projects) });
    default:
      return null;
  }
}

/** The warning as one sentence in `lang` ('zh-CN' or 'en'), with names for its ids; `kindName` names a
 * milestone kind a tenant defined (its model's name; the default kinds are translated). */
export function warningSentence(w: Warning, names: WarningNames, lang: string, kindName?: (kind: string) => string | undefined): string {
  const t = i18n.getFixedT(lang === 'en' ? 'en' : 'zh-CN', 'warnings');
  const separator = t('listSeparator');
  const name = (map: Record<string, string>, id: string | null) => (id ? map[id] ?? id : '');
  const details: WarningDetails = isObject(w.details) ? w.details : {};
  const sentence = detailedSentence(w, t, lang);
  return t(sentence?.key ?? sentenceKey(w), {
    person: name(names.people, w.person),
    customer: name(names.customers, w.customer),
    opportunity: name(names.opportunities, w.opportunity),
    employees: (w.employees ?? []).map((id) => name(names.people, id)).join(separator),
    competitors: (w.competitors ?? []).map((id) => name(names.competitors, id)).join(separator),
    dimensions: (w.dimensions ?? []).map((d) => t(`dimensionShort.${d}`, { ns: 'common' })).join(separator),
    kind: t(`kinds.${w.kind}`, { defaultValue: t('unknownKind') }),
    milestone: w.milestone ? t(`milestoneKind.${w.milestone}`, { ns: 'common', defaultValue: kindName?.(w.milestone) ?? w.milestone }) : '',
    expected: w.expected ?? '',
    ratio: formatShare(w.ratio, lang),
    max: formatShare(w.history_max, lang),
    days: count(details.days) ?? 90,
    months: count(details.months) ?? 12,
    ...sentence?.params,
  });
}
