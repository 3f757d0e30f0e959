// The customer's history page without React: the opportunities behind the figures that the history answer does
// not list itself (per method, per rule, a competitor's wins and ours against it, a lesson tag), worked out
// from the customer's opportunity, vendor and lesson records over the history projects.
import type { CustomerHistory, LessonRecord, ProjectOpportunity, VendorRecord } from '../../api/project';

/** The history projects that count in the figures: won and lost (abandoned ones count nowhere else). */
export function decidedIds(history: CustomerHistory): string[] {
  return [...history.projects.ids.won, ...history.projects.ids.lost];
}

function byId(opportunities: ProjectOpportunity[]): Map<string, ProjectOpportunity> {
  return new Map(opportunities.map((o) => [o.id, o]));
}

/** The decided history projects whose method (field 'method') or rule (field 'rule') is `value` (missing = unknown). */
export function projectsWith(history: CustomerHistory, opportunities: ProjectOpportunity[], field: 'method' | 'rule', value: string): string[] {
  const records = byId(opportunities);
  return decidedIds(history).filter((id) => (records.get(id)?.[field] ?? 'unknown') === value);
}

/** Of a competitor's projects: those it won (its vendor result won, or the winner), and those we won. */
export function competitorSplit(
  projects: string[], org: string, opportunities: ProjectOpportunity[], vendors: VendorRecord[],
): { wins: string[]; weWon: string[] } {
  const records = byId(opportunities);
  const wins = projects.filter((id) => records.get(id)?.winner === org || vendors.some((v) => v.opportunity === id && v.org === org && v.result === 'won'));
  const weWon = projects.filter((id) => records.get(id)?.status === 'won');
  return { wins, weWon };
}

/** The decided history projects with a lesson of `kind` tagged `tag`. */
export function projectsWithTag(history: CustomerHistory, lessons: LessonRecord[], kind: string, tag: string): string[] {
  const decided = new Set(decidedIds(history));
  return Array.from(new Set(lessons.filter((l) => l.kind === kind && l.tags.includes(tag) && decided.has(l.opportunity)).map((l) => l.opportunity)));
}

/** Tags of one kind, most used first (ties by the tag). */
export function sortedTags(tags: Record<string, number>): { tag: string; count: number }[] {
  return Object.entries(tags)
    .map(([tag, count]) => ({ tag, count }))
    .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}
