// Tasks without React: what a task is on a given day (a snooze that has ended makes it open again), the
// groups a to-do list shows (overdue, today, upcoming, no due date), the order inside them, whom the
// signed-in user may assign to (the server's rule, docs/security.md), and a task made from a warning.
import type { Task, Team, User, Warning } from '../../api/types';
import { openableUsers } from '../../lib/perspective';

/** What the task is on `today`: a snoozed task whose day has come is open again ("woken"). */
export type TaskState = 'open' | 'woken' | 'snoozed' | 'done' | 'dismissed';

export function taskState(task: Task, today: string): TaskState {
  if (task.status === 'snoozed') return task.snoozed_until && task.snoozed_until <= today ? 'woken' : 'snoozed';
  return task.status;
}

/** Whether the task is still to be done on `today` (open, or woken from a snooze). */
export function isActive(task: Task, today: string): boolean {
  const state = taskState(task, today);
  return state === 'open' || state === 'woken';
}

export const TASK_GROUPS = ['overdue', 'today', 'upcoming', 'undated', 'snoozed', 'closed'] as const;
export type TaskGroup = (typeof TASK_GROUPS)[number];

export function taskGroup(task: Task, today: string): TaskGroup {
  const state = taskState(task, today);
  if (state === 'snoozed') return 'snoozed';
  if (state === 'done' || state === 'dismissed') return 'closed';
  if (!task.due) return 'undated';
  if (task.due < today) return 'overdue';
  return task.due === today ? 'today' : 'upcoming';
}

/** The tasks in their groups, each group by due date (earliest first; snoozed by the day they come back;
 * closed by creation, latest first), then by title. Empty groups are left out. */
export function groupTasks(tasks: Task[], today: string): { group: TaskGroup; tasks: Task[] }[] {
  const by = new Map<TaskGroup, Task[]>();
  for (const task of tasks) {
    const group = taskGroup(task, today);
    if (!by.has(group)) by.set(group, []);
    by.get(group)!.push(task);
  }
  const key = (task: Task, group: TaskGroup) =>
    group === 'snoozed' ? task.snoozed_until ?? '' : group === 'closed' ? task.date : task.due ?? '';
  return TASK_GROUPS.filter((g) => by.has(g)).map((group) => {
    const list = by.get(group)!;
    list.sort((a, b) => {
      const ka = key(a, group);
      const kb = key(b, group);
      if (ka !== kb) return (group === 'closed' ? kb < ka : ka < kb) ? -1 : 1;
      return a.title.localeCompare(b.title);
    });
    return { group, tasks: list };
  });
}

/** Whom `me` may assign a task to, as the server decides (docs/security.md): a rep themself, a manager
 * themself and the users of their teams, an executive or administrator any active sales user. */
export function assignableUsers(me: User, teams: Team[], users: User[]): User[] {
  const sells = (u: User) => u.active && u.role !== 'employee';
  if (me.role === 'executive' || me.role === 'admin') return users.filter(sells);
  if (me.role === 'manager') {
    const team = openableUsers(me, teams, users).filter(sells);
    return team.some((u) => u.id === me.id) ? team : [me, ...team];
  }
  return [me];
}

/** The key a task made from a warning keeps: the warning's kind and what it concerns. */
export function warningKey(w: Pick<Warning, 'kind' | 'customer' | 'opportunity' | 'person'>): string {
  return [w.kind, w.customer ?? '', w.opportunity ?? '', w.person ?? ''].join(':');
}

/** The body of a new task made from a warning: its sentence as the title (cut to the 200 bytes a title
 * holds), what it concerns, and where it came from. */
export function taskFromWarning(w: Warning, sentence: string, assignee: string): Partial<Task> {
  return {
    title: cutToBytes(sentence, 200),
    customer: w.customer,
    opportunity: w.opportunity,
    person: w.person,
    assignee,
    source: 'warning',
    source_key: warningKey(w),
  };
}

/** `text` cut to at most `max` UTF-8 bytes, whole characters only, with an ellipsis when cut. */
export function cutToBytes(text: string, max: number): string {
  const encoder = new TextEncoder();
  if (encoder.encode(text).length <= max) return text;
  let out = '';
  for (const ch of text) {
    if (encoder.encode(`${out}${ch}…`).length > max) break;
    out += ch;
  }
  return `${out}…`;
}
