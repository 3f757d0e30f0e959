// The gaps the map shows (SPEC §9 step 3, 擴關係): a department without key persons, the roles missing from
// the chosen opportunity's chain, and each key person's unknown features (of the seven of SPEC §3).
import type { ChainRole } from '../../../api/types';
import type { GraphDepartment, GraphLink, GraphPerson } from '../api';

export const FEATURES = ['closeness', 'solution', 'price', 'veto', 'approve', 'acquaintance', 'orientation'] as const;
export type Feature = (typeof FEATURES)[number];

/**
 * The unknown features of a key person toward us: a degree or vote that is `unknown`, an orientation that
 * is `unknown`, and acquaintance when no link of `links` points to the person. `person` must carry the
 * degrees toward us (the graph asked without a competitor). The graph leaves out links from persons the
 * viewer may not read, so acquaintance can show unknown where the person's profile knows it; the person's
 * panel asks the profile for the exact seven.
 */
export function unknownFeatures(person: Pick<GraphPerson, 'closeness' | 'solution' | 'price' | 'veto' | 'approve' | 'orientation'>, acquainted: boolean): Feature[] {
  const unknown: Feature[] = [];
  if (person.closeness === 'unknown') unknown.push('closeness');
  if (person.solution === 'unknown') unknown.push('solution');
  if (person.price === 'unknown') unknown.push('price');
  if (person.veto === 'unknown') unknown.push('veto');
  if (person.approve === 'unknown') unknown.push('approve');
  if (!acquainted) unknown.push('acquaintance');
  if (person.orientation === 'unknown') unknown.push('orientation');
  return unknown;
}

/** The persons some link points to ("can be influenced by someone"). */
export function acquaintedSet(links: Pick<GraphLink, 'from' | 'to'>[]): Set<string> {
  const set = new Set<string>();
  for (const link of links) if (link.from !== link.to) set.add(link.to);
  return set;
}

/** Unknown features of every key person of `people` that has any (person id → features). */
export function unknownByPerson(people: GraphPerson[], links: Pick<GraphLink, 'from' | 'to'>[]): Map<string, Feature[]> {
  const acquainted = acquaintedSet(links);
  const map = new Map<string, Feature[]>();
  for (const person of people) {
    if (!person.key) continue;
    const unknown = unknownFeatures(person, acquainted.has(person.id));
    if (unknown.length) map.set(person.id, unknown);
  }
  return map;
}

/**
 * The departments without a key person. `counts` are the customer metrics' key persons per department when
 * known (the server's figure); otherwise the key persons of `people` are counted.
 */
export function departmentsWithoutKeyPersons(
  departments: GraphDepartment[],
  people: Pick<GraphPerson, 'department' | 'key'>[],
  counts?: { department: string | null; key_persons: number }[],
): GraphDepartment[] {
  const keyPersons = new Map<string, number>();
  if (counts) {
    for (const c of counts) if (c.department) keyPersons.set(c.department, c.key_persons);
  } else {
    for (const p of people) if (p.key && p.department) keyPersons.set(p.department, (keyPersons.get(p.department) ?? 0) + 1);
  }
  return departments.filter((d) => (keyPersons.get(d.id) ?? 0) === 0);
}

export interface GapCounts {
  departments: number;
  roles: number;
  persons: number;
  features: number;
}

export function gapCounts(emptyDepartments: unknown[], missingRoles: ChainRole[], unknown: Map<string, Feature[]>): GapCounts {
  let features = 0;
  for (const list of unknown.values()) features += list.length;
  return { departments: emptyDepartments.length, roles: missingRoles.length, persons: unknown.size, features };
}
