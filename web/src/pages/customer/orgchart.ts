// The reporting tree of a customer's people (who manages whom, loops cut) and where a dragged card was
// dropped. The relationship map lays the tree out (map/layout.ts) and moves people by drag and drop.
import type { GraphReporting } from './api';

/** Children of each manager and the roots of the forest. A loop of reporting lines gets its first person as a root. */
export function treeOf<L extends Pick<GraphReporting, 'person' | 'manager'>>(people: { id: string }[], reporting: L[]): { roots: string[]; children: Map<string, string[]> } {
  const ids = new Set(people.map((p) => p.id));
  const parent = new Map<string, string>();
  for (const line of reporting) {
    if (ids.has(line.person) && ids.has(line.manager) && line.person !== line.manager) parent.set(line.person, line.manager);
  }
  const children = new Map<string, string[]>();
  for (const person of people) {
    const manager = parent.get(person.id);
    if (manager === undefined) continue;
    const list = children.get(manager) ?? [];
    list.push(person.id);
    children.set(manager, list);
  }
  const roots = people.filter((p) => !parent.has(p.id)).map((p) => p.id);
  // Persons not reached from a root sit on a loop: cut each loop at its first person in list order.
  const reached = new Set<string>();
  const visit = (start: string) => {
    const stack = [start];
    while (stack.length) {
      const id = stack.pop()!;
      if (reached.has(id)) continue;
      reached.add(id);
      stack.push(...(children.get(id) ?? []));
    }
  };
  roots.forEach(visit);
  for (const person of people) {
    if (reached.has(person.id)) continue;
    const manager = parent.get(person.id)!;
    const siblings = children.get(manager)!;
    children.set(manager, siblings.filter((c) => c !== person.id));
    roots.push(person.id);
    visit(person.id);
  }
  return { roots, children };
}

export interface Box {
  id: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** The node a dragged node was dropped on: the first other box containing the drop point. */
export function dropTarget(dragged: string, point: { x: number; y: number }, boxes: Box[]): string | null {
  for (const box of boxes) {
    if (box.id === dragged) continue;
    if (point.x >= box.x1 && point.x <= box.x2 && point.y >= box.y1 && point.y <= box.y2) return box.id;
  }
  return null;
}
