// "I know…" without React: search results in one shape whoever searches (the employee directory carries
// the names of the organization and department, the people list only their ids), the request a declaration
// sends, and the rows of my declarations.
import type { InfluenceLink } from '../../api/types';

export type Strength = InfluenceLink['strength'];

/** A person as the employee directory returns it. */
export interface DirectoryPerson {
  id: string;
  name: string;
  org: string;
  org_name: string;
  department: string | null;
  department_name: string | null;
  title: string | null;
}

/** A person as the people list returns it to other roles (only the fields used here). */
export interface ListedPerson {
  id: string;
  name: string;
  org: string;
  department: string | null;
  title: string | null;
}

export interface Candidate {
  id: string;
  name: string;
  org: string;
  orgName: string;
  departmentName: string | null;
  title: string | null;
}

function isDirectory(person: DirectoryPerson | ListedPerson): person is DirectoryPerson {
  return 'org_name' in person;
}

/** Search results as candidates; names of organizations and departments from the maps when the record
 * does not carry them (an unknown id stays as it is). */
export function toCandidates(
  people: (DirectoryPerson | ListedPerson)[],
  orgNames: Map<string, string>,
  departmentNames: Map<string, string> = new Map(),
): Candidate[] {
  return people.map((person) => {
    if (isDirectory(person)) {
      return { id: person.id, name: person.name, org: person.org, orgName: person.org_name, departmentName: person.department_name, title: person.title };
    }
    return {
      id: person.id,
      name: person.name,
      org: person.org,
      orgName: orgNames.get(person.org) ?? person.org,
      departmentName: person.department ? departmentNames.get(person.department) ?? null : null,
      title: person.title,
    };
  });
}

export interface DeclarationForm {
  strength: Strength;
  note?: string | null;
}

/** The body of POST /influence-links: from me to the person; a blank note is no note. */
export function linkRequest(me: string, to: string, form: DeclarationForm) {
  const note = form.note?.trim() ? form.note.trim() : null;
  return { from: me, to, strength: form.strength, note };
}

/** The body of a PATCH that changes an existing declaration to the form, or null when nothing changes. */
export function linkChange(link: InfluenceLink, form: DeclarationForm): Partial<Pick<InfluenceLink, 'strength' | 'note'>> | null {
  const note = form.note?.trim() ? form.note.trim() : null;
  const change: Partial<Pick<InfluenceLink, 'strength' | 'note'>> = {};
  if (link.strength !== form.strength) change.strength = form.strength;
  if ((link.note ?? null) !== note) change.note = note;
  return Object.keys(change).length ? change : null;
}

/** My active declaration toward `person`, if any (the newest when there are several). */
export function existingLink(links: InfluenceLink[], person: string): InfluenceLink | undefined {
  const mine = links.filter((link) => link.to === person);
  return mine[mine.length - 1];
}

export interface Target {
  name: string;
  orgName: string | null;
  title: string | null;
}

export interface DeclarationRow {
  key: string;
  link: InfluenceLink;
  /** null while unknown, or when the person is no longer in the directory. */
  target: Target | null;
}

const STRENGTH_RANK: Record<Strength, number> = { strong: 0, medium: 1, weak: 2 };

/** My declarations, strongest first, then by the person's name. */
export function declarationRows(links: InfluenceLink[], targets: Map<string, Target>): DeclarationRow[] {
  return links
    .map((link) => ({ key: link.id, link, target: targets.get(link.to) ?? null }))
    .sort(
      (a, b) =>
        STRENGTH_RANK[a.link.strength] - STRENGTH_RANK[b.link.strength] ||
        (a.target?.name ?? a.link.to).localeCompare(b.target?.name ?? b.link.to, 'zh-CN'),
    );
}
