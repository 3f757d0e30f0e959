// Moving a person in the org chart: the person's current reporting line is retired and a new one created.
// A retired line stays active until its `until` day (exclusive), so the new line starts on that very day;
// the old one, restored by Undo, starts on the day the move is undone. Pure planning plus a runner that
// takes the API as an argument, so the request sequence is tested without a server.
import type { ReportingLine } from '../../api/types';
import type { GraphReporting } from './api';

export type MoveProblem = 'same' | 'self' | 'descendant' | null;

/** The managers of each person (person id → manager id) from the active reporting lines. */
export function managerOf(reporting: GraphReporting[]): Map<string, GraphReporting> {
  const map = new Map<string, GraphReporting>();
  for (const line of reporting) map.set(line.person, line);
  return map;
}

/** Every person below `person` in the tree (not `person` itself). Safe with loops. */
export function descendants(person: string, reporting: GraphReporting[]): Set<string> {
  const children = new Map<string, string[]>();
  for (const line of reporting) {
    const list = children.get(line.manager) ?? [];
    list.push(line.person);
    children.set(line.manager, list);
  }
  const found = new Set<string>();
  const stack = [...(children.get(person) ?? [])];
  while (stack.length) {
    const next = stack.pop()!;
    if (next === person || found.has(next)) continue;
    found.add(next);
    stack.push(...(children.get(next) ?? []));
  }
  return found;
}

/** Why `person` cannot report to `manager` (null: the move is fine; manager null = no manager). */
export function moveProblem(person: string, manager: string | null, reporting: GraphReporting[]): MoveProblem {
  const current = managerOf(reporting).get(person)?.manager ?? null;
  if (manager === current) return 'same';
  if (manager === null) return null;
  if (manager === person) return 'self';
  if (descendants(person, reporting).has(manager)) return 'descendant';
  return null;
}

export interface Move {
  person: string;
  /** The line retired by the move, if the person reported to someone. */
  oldLine: GraphReporting | null;
  /** The manager after the move (null: the person reports to nobody now). */
  manager: string | null;
}

export interface DoneMove extends Move {
  /** The line the move created (null when the person now reports to nobody). */
  newLine: ReportingLine | null;
  /** The day the move took effect on the server. */
  day: string | null;
}

export interface MoveApi {
  retire(lineId: string): Promise<ReportingLine>;
  create(body: { person: string; manager: string; since?: string }): Promise<ReportingLine>;
}

export function planMove(person: string, manager: string | null, reporting: GraphReporting[]): Move {
  return { person, oldLine: managerOf(reporting).get(person) ?? null, manager };
}

/** Retire the old line (if any), then create the new one (if any) starting the day the old one ended. */
export async function runMove(move: Move, client: MoveApi): Promise<DoneMove> {
  let day: string | null = null;
  if (move.oldLine) {
    const retired = await client.retire(move.oldLine.id);
    day = retired.until;
  }
  let newLine: ReportingLine | null = null;
  if (move.manager) {
    newLine = await client.create(day ? { person: move.person, manager: move.manager, since: day } : { person: move.person, manager: move.manager });
  }
  return { ...move, newLine, day };
}

/** Undo a move: retire the new line (if any), then create the old one again from that day. */
export async function undoMove(done: DoneMove, client: MoveApi): Promise<ReportingLine | null> {
  let day: string | null = null;
  if (done.newLine) {
    const retired = await client.retire(done.newLine.id);
    day = retired.until;
  }
  if (!done.oldLine) return null;
  const since = day ?? done.day ?? undefined;
  return client.create(since ? { person: done.person, manager: done.oldLine.manager, since } : { person: done.person, manager: done.oldLine.manager });
}
