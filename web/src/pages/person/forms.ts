// Form values → request bodies for the person page (pure, tested).
import type { Person } from '../../api/types';

export interface PersonForm {
  title: string;
  department: string;
  importance: string;
  orientation: string;
  key: boolean;
}

/** Only the fields that changed; an empty title or department becomes null. */
export function personPatch(person: Person, values: PersonForm): Partial<Pick<Person, 'title' | 'department' | 'importance' | 'orientation' | 'key'>> {
  const patch: Partial<Pick<Person, 'title' | 'department' | 'importance' | 'orientation' | 'key'>> = {};
  const title = values.title?.trim() ? values.title.trim() : null;
  if (title !== person.title) patch.title = title;
  const department = values.department ? values.department : null;
  if (department !== person.department) patch.department = department;
  if (values.importance !== person.importance) patch.importance = values.importance;
  if (values.orientation !== person.orientation) patch.orientation = values.orientation;
  if (values.key !== person.key) patch.key = values.key;
  return patch;
}

export interface ActivityForm {
  kind: string;
  date: string;
  opportunity?: string | null;
  note?: string;
}

export function activityBody(person: string, values: ActivityForm) {
  const body: { person: string; kind: string; date: string; opportunity?: string; note?: string } = { person, kind: values.kind, date: values.date };
  if (values.opportunity) body.opportunity = values.opportunity;
  const note = values.note?.trim();
  if (note) body.note = note;
  return body;
}

export function voteBody(person: string, values: { kind: 'veto' | 'approve'; value: 'yes' | 'no' | 'unknown'; date: string }) {
  return { person, kind: values.kind, value: values.value, date: values.date };
}
