// Where every card of the relationship map goes: a tidy top-down tree of the reporting lines, grouped by
// department. A department's people who hang together in the tree (a head and the reports in the same
// department below) form one block drawn as a box; inside a box the cards are a tidy tree (each manager
// centred over the reports side by side, every level on one line), and the boxes themselves form a tree
// (a box below the box of the manager its top person reports to). Nothing here knows Cytoscape: the map
// uses these positions as preset positions. Iterative throughout, so a chain of 1,000 does not overflow.
import { treeOf } from '../orgchart';

export interface LayoutPerson {
  id: string;
  department: string | null;
}

export interface LayoutDepartment {
  id: string;
  parent: string | null;
}

export interface Point {
  x: number;
  y: number;
}

export interface LayoutSizes {
  /** A card's width and height. */
  cardWidth: number;
  cardHeight: number;
  /** Horizontal room between two cards side by side in a box. */
  siblingGap: number;
  /** Vertical room between two levels of cards in a box (the connectors turn in its middle). */
  rowGap: number;
  /** Inside a box, around its cards. */
  boxPadding: number;
  /** Inside a box, above its cards: the department's name. */
  boxLabel: number;
  /** Between two boxes side by side. */
  blockGap: number;
  /** Between a box and the boxes below it. */
  levelGap: number;
}

export const DEFAULT_SIZES: LayoutSizes = {
  cardWidth: 188,
  cardHeight: 84,
  siblingGap: 18,
  rowGap: 60,
  boxPadding: 16,
  boxLabel: 30,
  blockGap: 36,
  levelGap: 70,
};

/** One department box: the persons (and placeholders) it holds and where it is drawn. */
export interface Block {
  id: string;
  department: string | null;
  /** The block above (the one holding the manager of this block's top persons), null at the top. */
  parent: string | null;
  members: string[];
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface MapLayout {
  /** Centre of each card (persons and placeholders). */
  positions: Map<string, Point>;
  blocks: Block[];
  /** The block of each card. */
  blockOf: Map<string, string>;
  bounds: { x1: number; y1: number; x2: number; y2: number };
}

interface Draft {
  id: string;
  department: string | null;
  parent: Draft | null;
  /** Top persons of the block, in order. */
  roots: string[];
  children: Draft[];
  /** Card offsets inside the block, from the block's top-left corner. */
  offsets: Map<string, Point>;
  width: number;
  height: number;
  /** Width of the block with every block below it. */
  span: number;
  x: number;
  y: number;
}

/**
 * Lays out the reporting forest of `people`, grouped by department. `extras` are placeholder cards that sit
 * in a department's first box (a box is made for a department that has none); they report to nobody.
 * Lines whose person or manager is not in `people` are ignored; loops are cut (see treeOf).
 */
export function layoutMap(
  people: LayoutPerson[],
  reporting: { person: string; manager: string }[],
  departments: LayoutDepartment[],
  extras: LayoutPerson[] = [],
  sizes: LayoutSizes = DEFAULT_SIZES,
): MapLayout {
  const known = new Set(departments.map((d) => d.id));
  const deptOf = new Map<string, string | null>();
  for (const p of [...people, ...extras]) deptOf.set(p.id, p.department && known.has(p.department) ? p.department : null);
  const { roots, children } = treeOf(people, reporting);
  const managerOf = new Map<string, string>();
  for (const [manager, list] of children) for (const child of list) managerOf.set(child, manager);
  const sameBlockKids = (id: string) => (children.get(id) ?? []).filter((c) => deptOf.get(c) === deptOf.get(id));
  /** Whether a connector leaves `id` downward for a box below (it then runs down a free lane, see inner). */
  const hasOutside = (id: string) => (children.get(id) ?? []).some((c) => deptOf.get(c) !== deptOf.get(id));

  // Top persons of blocks: no manager, or a manager in another department.
  const tops = [...roots];
  for (const p of people) {
    const m = managerOf.get(p.id);
    if (m !== undefined && deptOf.get(m) !== deptOf.get(p.id)) tops.push(p.id);
  }
  const blockOf = new Map<string, Draft>();
  const drafts: Draft[] = [];
  let counter = 0;
  const newDraft = (department: string | null, parent: Draft | null): Draft => {
    const draft: Draft = { id: `block:${counter++}`, department, parent, roots: [], children: [], offsets: new Map(), width: 0, height: 0, span: 0, x: 0, y: 0 };
    drafts.push(draft);
    if (parent) parent.children.push(draft);
    return draft;
  };
  const claim = (draft: Draft, top: string) => {
    draft.roots.push(top);
    const stack = [top];
    while (stack.length) {
      const id = stack.pop()!;
      blockOf.set(id, draft);
      stack.push(...sameBlockKids(id));
    }
  };

  // The top blocks: persons without a manager, one block per department, in the departments' order.
  const order = new Map(departments.map((d, i) => [d.id, i]));
  const rank = (d: string | null) => (d === null ? Number.MAX_SAFE_INTEGER : order.get(d) ?? Number.MAX_SAFE_INTEGER);
  const topLevel: Draft[] = [];
  const topByDept = new Map<string | null, Draft>();
  for (const root of roots) {
    const d = deptOf.get(root) ?? null;
    let draft = topByDept.get(d);
    if (!draft) {
      draft = newDraft(d, null);
      topByDept.set(d, draft);
      topLevel.push(draft);
    }
    claim(draft, root);
  }

  // Below each block, breadth first: the persons reporting into it from another department, one block
  // per department, ordered by where their manager sits.
  const queue = [...topLevel];
  const topsByManagerBlock = () => {
    const map = new Map<Draft, string[]>();
    for (const top of tops) {
      const m = managerOf.get(top);
      if (m === undefined || blockOf.has(top)) continue;
      const owner = blockOf.get(m);
      if (!owner) continue;
      const list = map.get(owner) ?? [];
      list.push(top);
      map.set(owner, list);
    }
    return map;
  };
  let waiting = topsByManagerBlock();
  while (queue.length) {
    const draft = queue.shift()!;
    inner(draft);
    const below = waiting.get(draft);
    if (!below) continue;
    waiting.delete(draft);
    const x = (id: string) => draft.offsets.get(managerOf.get(id)!)?.x ?? 0;
    below.sort((a, b) => x(a) - x(b) || rank(deptOf.get(a) ?? null) - rank(deptOf.get(b) ?? null));
    const byDept = new Map<string | null, Draft>();
    for (const top of below) {
      const d = deptOf.get(top) ?? null;
      let child = byDept.get(d);
      if (!child) {
        child = newDraft(d, draft);
        byDept.set(d, child);
      }
      claim(child, top);
    }
    for (const child of byDept.values()) queue.push(child);
    waiting = topsByManagerBlock();
  }

  // Placeholders join their department's first block, or make one.
  const firstOf = new Map<string | null, Draft>();
  for (const draft of drafts) if (!firstOf.has(draft.department)) firstOf.set(draft.department, draft);
  for (const extra of extras) {
    const d = deptOf.get(extra.id) ?? null;
    let draft = firstOf.get(d);
    if (!draft) {
      draft = newDraft(d, null);
      firstOf.set(d, draft);
      topLevel.push(draft);
    }
    draft.roots.push(extra.id);
    blockOf.set(extra.id, draft);
    inner(draft);
  }

  // A top block of a sub-department goes below its parent department's first block (unless that block is
  // itself below this one).
  const parentDept = new Map(departments.map((d) => [d.id, d.parent]));
  for (const draft of [...topLevel]) {
    let d = draft.department === null ? null : parentDept.get(draft.department) ?? null;
    const seen = new Set<string>();
    while (d !== null && !seen.has(d)) {
      seen.add(d);
      const target = firstOf.get(d);
      if (target && target !== draft && !isBelow(target, draft)) {
        draft.parent = target;
        target.children.push(draft);
        topLevel.splice(topLevel.indexOf(draft), 1);
        break;
      }
      d = parentDept.get(d) ?? null;
    }
  }
  topLevel.sort((a, b) => rank(a.department) - rank(b.department));

  function inner(draft: Draft) {
    const { cardWidth: w, cardHeight: h, siblingGap: g, rowGap, boxPadding: pad, boxLabel } = sizes;
    const lane = g + 6;
    // Post-order: each subtree's span, where its card sits in it and where each child's span starts. A manager
    // whose connectors also go to boxes below sits above a free lane in the middle of its reports, so that
    // the connector going down crosses no card of this box.
    const rows = new Map<string, { span: number; at: number; lefts: number[] }>();
    let depthMax = 0;
    for (const root of draft.roots) {
      const stack: [string, number, boolean][] = [[root, 0, false]];
      while (stack.length) {
        const [id, depth, done] = stack.pop()!;
        depthMax = Math.max(depthMax, depth);
        const list = sameBlockKids(id);
        if (!done) {
          stack.push([id, depth, true]);
          for (const c of list) stack.push([c, depth + 1, false]);
          continue;
        }
        const lefts: number[] = [];
        let offset = 0;
        let at = 0;
        const split = list.length && hasOutside(id) ? Math.ceil(list.length / 2) : -1;
        list.forEach((c, i) => {
          if (i === split) {
            at = offset - g + lane / 2 + g;
            offset += lane + g;
          }
          lefts.push(offset);
          offset += rows.get(c)!.span + g;
        });
        const total = Math.max(0, offset - g);
        if (split === list.length) {
          at = total + g + lane / 2;
        } else if (split < 0) {
          at = total / 2;
        }
        // The card must fit in the span too.
        const from = Math.min(0, at - w / 2);
        const to = Math.max(total, at + w / 2);
        rows.set(id, { span: to - from, at: at - from, lefts: lefts.map((l) => l - from) });
      }
    }
    draft.offsets.clear();
    let left = pad;
    for (const root of draft.roots) {
      const stack: { id: string; left: number; depth: number }[] = [{ id: root, left, depth: 0 }];
      while (stack.length) {
        const { id, left: start, depth } = stack.pop()!;
        const row = rows.get(id)!;
        draft.offsets.set(id, { x: start + row.at, y: pad + boxLabel + h / 2 + depth * (h + rowGap) });
        sameBlockKids(id).forEach((c, i) => stack.push({ id: c, left: start + row.lefts[i], depth: depth + 1 }));
      }
      left += rows.get(root)!.span + g;
    }
    draft.width = Math.max(left - g + pad, w + 2 * pad);
    draft.height = pad + boxLabel + (depthMax + 1) * h + depthMax * rowGap + pad;
  }

  // Spans bottom-up, then positions top-down.
  const post: Draft[] = [];
  const walk = [...topLevel];
  while (walk.length) {
    const d = walk.pop()!;
    post.push(d);
    walk.push(...d.children);
  }
  for (let i = post.length - 1; i >= 0; i--) {
    const d = post[i];
    const sum = d.children.reduce((s, c) => s + c.span, 0) + sizes.blockGap * Math.max(0, d.children.length - 1);
    d.span = Math.max(d.width, sum);
  }
  const place = (d: Draft, left: number, top: number) => {
    const stack: [Draft, number, number][] = [[d, left, top]];
    while (stack.length) {
      const [draft, l, t] = stack.pop()!;
      draft.x = l + (draft.span - draft.width) / 2;
      draft.y = t;
      const sum = draft.children.reduce((s, c) => s + c.span, 0) + sizes.blockGap * Math.max(0, draft.children.length - 1);
      let offset = l + (draft.span - sum) / 2;
      for (const child of draft.children) {
        stack.push([child, offset, t + draft.height + sizes.levelGap]);
        offset += child.span + sizes.blockGap;
      }
    }
  };
  let left = 0;
  for (const d of topLevel) {
    place(d, left, 0);
    left += d.span + sizes.blockGap;
  }

  const positions = new Map<string, Point>();
  const blocks: Block[] = [];
  const owner = new Map<string, string>();
  const bounds = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
  for (const d of drafts) {
    if (!d.roots.length) continue;
    const members: string[] = [];
    for (const [id, p] of d.offsets) {
      positions.set(id, { x: d.x + p.x, y: d.y + p.y });
      members.push(id);
      owner.set(id, d.id);
    }
    const block = { id: d.id, department: d.department, parent: d.parent?.id ?? null, members, x1: d.x, y1: d.y, x2: d.x + d.width, y2: d.y + d.height };
    blocks.push(block);
    bounds.x1 = Math.min(bounds.x1, block.x1);
    bounds.y1 = Math.min(bounds.y1, block.y1);
    bounds.x2 = Math.max(bounds.x2, block.x2);
    bounds.y2 = Math.max(bounds.y2, block.y2);
  }
  if (!blocks.length) Object.assign(bounds, { x1: 0, y1: 0, x2: 0, y2: 0 });
  return { positions, blocks, blockOf: owner, bounds };
}

function isBelow(block: Draft, ancestor: Draft): boolean {
  for (let b: Draft | null = block; b; b = b.parent) if (b === ancestor) return true;
  return false;
}

/**
 * Cards in a grid of `columns` columns, left to right then top to bottom, with its top-left corner at
 * `origin`: the outsiders' and the missing roles' boxes. Returns the centres and the grid's size.
 */
export function gridLayout(ids: string[], origin: Point, columns: number, cell: { width: number; height: number; gap: number }) {
  const positions = new Map<string, Point>();
  ids.forEach((id, i) => {
    const col = i % columns;
    const row = Math.floor(i / columns);
    positions.set(id, { x: origin.x + col * (cell.width + cell.gap) + cell.width / 2, y: origin.y + row * (cell.height + cell.gap) + cell.height / 2 });
  });
  const cols = Math.min(columns, ids.length);
  const rows = Math.ceil(ids.length / columns);
  return {
    positions,
    width: cols ? cols * cell.width + (cols - 1) * cell.gap : 0,
    height: rows ? rows * cell.height + (rows - 1) * cell.gap : 0,
  };
}
