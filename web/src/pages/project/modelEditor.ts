// Editing a milestone model without React: moving, adding and removing kinds, and what the server will refuse
// (docs/api.md, milestone-models: 1 to 50 kinds of a-z, 0-9 and _, each once; a custom kind needs a name).
import { MILESTONE_DEFAULT, type MilestoneKind } from '../../api/project';

export const MAX_KINDS = 50;
const KIND = /^[a-z0-9_]{1,64}$/;

/** The list with the kind at `from` moved to `to` (both clamped to the list). */
export function moveKind(kinds: MilestoneKind[], from: number, to: number): MilestoneKind[] {
  if (from < 0 || from >= kinds.length) return kinds;
  const target = Math.max(0, Math.min(kinds.length - 1, to));
  const next = kinds.slice();
  const [moved] = next.splice(from, 1);
  next.splice(target, 0, moved);
  return next;
}

export function isDefaultKind(kind: string): boolean {
  return (MILESTONE_DEFAULT as readonly string[]).includes(kind);
}

/** A code for a custom kind: the name in lower case with other characters as _, else custom_N unused so far. */
export function kindCode(name: string, kinds: MilestoneKind[]): string {
  const taken = new Set(kinds.map((k) => k.kind));
  const slug = name.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 64);
  if (slug && /[a-z0-9]/.test(slug) && !taken.has(slug) && slug.length >= 2) return slug;
  for (let n = 1; ; n++) if (!taken.has(`custom_${n}`)) return `custom_${n}`;
}

export type KindProblem = 'empty' | 'tooMany' | 'badCode' | 'duplicate' | 'nameMissing';

/** The first problem of the list, or null when the server should accept it. */
export function kindsProblem(kinds: MilestoneKind[]): KindProblem | null {
  if (!kinds.length) return 'empty';
  if (kinds.length > MAX_KINDS) return 'tooMany';
  const seen = new Set<string>();
  for (const k of kinds) {
    if (!KIND.test(k.kind)) return 'badCode';
    if (seen.has(k.kind)) return 'duplicate';
    seen.add(k.kind);
    if (!isDefaultKind(k.kind) && !(k.name ?? '').trim()) return 'nameMissing';
  }
  return null;
}

/** The default kinds that the list does not hold (to add back). */
export function missingDefaults(kinds: MilestoneKind[]): string[] {
  return MILESTONE_DEFAULT.filter((d) => !kinds.some((k) => k.kind === d));
}
