// The org chart as Cytoscape elements: one node per person (colour = closeness, hollow dashed when unknown;
// ring colour and label prefix for veto and approval persons; key persons bigger), one edge per reporting
// line from manager to person, and a top-down tree layout computed here (preset positions), fast enough for
// thousands of persons.
import type { Attitude } from '../../api/types';
import { ATTITUDE_COLOR } from '../../lib/format';
import type { GraphPerson, GraphReporting } from './api';

export const VETO_COLOR = '#cf1322';
export const APPROVE_COLOR = '#1d4ed8';
export const BOTH_COLOR = '#722ed1';
export const PLAIN_BORDER = '#595959';
export const UNKNOWN_BORDER = '#8c8c8c';

export interface NodeLook {
  color: string;
  border: string;
  borderStyle: 'solid' | 'dashed';
  borderWidth: number;
  size: number;
  prefix: string;
  textColor: string;
}

export interface Markers {
  veto: string;
  approve: string;
}

/** How one person looks in the org chart. `markers` are the label prefixes (e.g. 否 / 批). */
export function nodeLook(person: Pick<GraphPerson, 'closeness' | 'veto' | 'approve' | 'key'>, markers: Markers): NodeLook {
  const closeness: Attitude = person.closeness ?? 'unknown';
  const unknown = closeness === 'unknown';
  const veto = person.veto === 'yes';
  const approve = person.approve === 'yes';
  const border = veto && approve ? BOTH_COLOR : veto ? VETO_COLOR : approve ? APPROVE_COLOR : unknown ? UNKNOWN_BORDER : PLAIN_BORDER;
  const prefix = [veto ? markers.veto : '', approve ? markers.approve : ''].filter(Boolean).join('');
  return {
    color: ATTITUDE_COLOR[closeness],
    border,
    borderStyle: unknown ? 'dashed' : 'solid',
    borderWidth: veto || approve ? 5 : unknown ? 2 : 1,
    size: person.key ? 44 : 26,
    prefix,
    textColor: person.key ? '#1f1f1f' : '#595959',
  };
}

export function nodeLabel(person: Pick<GraphPerson, 'name' | 'title'>, prefix: string): string {
  const head = prefix ? `【${prefix}】${person.name}` : person.name;
  return person.title ? `${head}\n${person.title}` : head;
}

/** Children of each manager and the roots of the forest. A loop of reporting lines gets its first person as a root. */
export function treeOf(people: { id: string }[], reporting: GraphReporting[]): { roots: string[]; children: Map<string, string[]> } {
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

export interface LayoutOptions {
  /** Horizontal room of one node. */
  width: number;
  /** Vertical distance between levels. */
  height: number;
  /** Leaf reports of one manager are stacked in columns of this many rows … */
  stack: number;
  /** … once the manager has at least this many of them. */
  block: number;
}

export const DEFAULT_LAYOUT: LayoutOptions = { width: 130, height: 110, stack: 5, block: 3 };

/**
 * A top-down tree: each subtree gets the width of its children side by side and a manager sits above the
 * middle of its children. The leaf reports of a manager who has several are stacked in columns (as printed
 * org charts do), to the right of the reports who manage others. The roots' trees stand side by side.
 * Iterative, so a deep chain does not overflow the stack.
 */
export function treeLayout(people: { id: string }[], reporting: GraphReporting[], options: LayoutOptions = DEFAULT_LAYOUT): Map<string, { x: number; y: number }> {
  const { roots, children } = treeOf(people, reporting);
  const kids = (id: string) => children.get(id) ?? [];
  const isLeaf = (id: string) => kids(id).length === 0;
  /** The children laid out side by side, and the leaves stacked in a block (empty when there is no block). */
  const split = (id: string): { row: string[]; block: string[] } => {
    const list = kids(id);
    const leaves = list.filter(isLeaf);
    if (leaves.length < options.block) return { row: list, block: [] };
    return { row: list.filter((c) => !isLeaf(c)), block: leaves };
  };
  const columns = (block: string[]) => Math.ceil(block.length / options.stack);

  // Post-order: width (in node slots) of every subtree.
  const width = new Map<string, number>();
  for (const root of roots) {
    const stack: [string, boolean][] = [[root, false]];
    while (stack.length) {
      const [id, done] = stack.pop()!;
      if (done) {
        const { row, block } = split(id);
        const w = row.reduce((sum, c) => sum + (width.get(c) ?? 1), 0) + columns(block);
        width.set(id, Math.max(1, w));
        continue;
      }
      stack.push([id, true]);
      for (const child of kids(id)) stack.push([child, false]);
    }
  }

  const positions = new Map<string, { x: number; y: number }>();
  let left = 0;
  for (const root of roots) {
    const stack: { id: string; left: number; depth: number }[] = [{ id: root, left, depth: 0 }];
    while (stack.length) {
      const { id, left: start, depth } = stack.pop()!;
      const w = width.get(id) ?? 1;
      positions.set(id, { x: (start + w / 2) * options.width, y: depth * options.height });
      const { row, block } = split(id);
      let offset = start;
      for (const child of row) {
        stack.push({ id: child, left: offset, depth: depth + 1 });
        offset += width.get(child) ?? 1;
      }
      block.forEach((child, i) => {
        const column = Math.floor(i / options.stack);
        const line = i % options.stack;
        positions.set(child, { x: (offset + column + 0.5) * options.width, y: (depth + 1) * options.height + line * options.height * 0.7 });
      });
    }
    left += (width.get(root) ?? 1) + 0.5;
  }
  return positions;
}

export interface OrgNodeData {
  id: string;
  label: string;
  color: string;
  border: string;
  borderStyle: string;
  borderWidth: number;
  size: number;
  textColor: string;
  key: boolean;
  fontWeight: number;
}

export interface OrgElements {
  nodes: { group: 'nodes'; data: OrgNodeData; position: { x: number; y: number } }[];
  edges: { group: 'edges'; data: { id: string; source: string; target: string } }[];
}

/** Cytoscape elements of the org chart, positioned by treeLayout. */
export function orgElements(people: GraphPerson[], reporting: GraphReporting[], markers: Markers, options?: LayoutOptions): OrgElements {
  const positions = treeLayout(people, reporting, options);
  const ids = new Set(people.map((p) => p.id));
  const nodes = people.map((person) => {
    const look = nodeLook(person, markers);
    return {
      group: 'nodes' as const,
      data: {
        id: person.id,
        label: nodeLabel(person, look.prefix),
        color: look.color,
        border: look.border,
        borderStyle: look.borderStyle,
        borderWidth: look.borderWidth,
        size: look.size,
        textColor: look.textColor,
        key: person.key,
        fontWeight: person.key ? 600 : 400,
      },
      position: positions.get(person.id) ?? { x: 0, y: 0 },
    };
  });
  const edges = reporting
    .filter((line) => ids.has(line.person) && ids.has(line.manager) && line.person !== line.manager)
    .map((line) => ({ group: 'edges' as const, data: { id: line.id, source: line.manager, target: line.person } }));
  return { nodes, edges };
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
