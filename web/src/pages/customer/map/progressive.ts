// A large map drawn view first: Cytoscape styles and measures every element it holds on its first draw (about
// a second for a map of 1,000 cards on two cores), so a large map starts with the elements in and around the
// first view, and the rest follow a batch at a time, nearest first, between frames.
import type cytoscape from 'cytoscape';
import type { LayoutSizes } from './layout';
import type { Rect } from './model';

type Def = cytoscape.ElementDefinition;

/** The first view's zoom and pan, worked out from the container's size and the map's extent (no Cytoscape). */
export interface Viewport {
  zoom: number;
  pan: { x: number; y: number };
  minZoom: number;
}

/** The part of the model a viewport of `width` × `height` shows. */
export function viewRect(view: Viewport, width: number, height: number): Rect {
  return { x1: -view.pan.x / view.zoom, y1: -view.pan.y / view.zoom, x2: (width - view.pan.x) / view.zoom, y2: (height - view.pan.y) / view.zoom };
}

/** The rectangle a node definition covers: its data's width and height where it has them, a card's size otherwise. */
function nodeRect(def: Def, sizes: LayoutSizes): Rect {
  const { x, y } = def.position ?? { x: 0, y: 0 };
  const w = Number(def.data.width) || sizes.cardWidth;
  const h = Number(def.data.height) || sizes.cardHeight;
  return { x1: x - w / 2, y1: y - h / 2, x2: x + w / 2, y2: y + h / 2 };
}

const overlaps = (a: Rect, b: Rect) => a.x1 <= b.x2 && b.x1 <= a.x2 && a.y1 <= b.y2 && b.y1 <= a.y2;

/**
 * Splits `defs` (nodes before edges) into batches: the first holds every node that overlaps `view` grown by
 * `grow` of its size on each side, the others at most `size` nodes each, by distance from the view's centre; an
 * edge goes into the batch where its second end arrives. Every batch's nodes come before its edges.
 */
export function batchesByView(defs: Def[], view: Rect, sizes: LayoutSizes, size = 120, grow = 0.1): Def[][] {
  const w = view.x2 - view.x1;
  const h = view.y2 - view.y1;
  const near: Rect = { x1: view.x1 - w * grow, y1: view.y1 - h * grow, x2: view.x2 + w * grow, y2: view.y2 + h * grow };
  const cx = (view.x1 + view.x2) / 2;
  const cy = (view.y1 + view.y2) / 2;
  const first: Def[] = [];
  const far: { def: Def; distance: number }[] = [];
  const edges: Def[] = [];
  for (const def of defs) {
    if (def.group === 'edges') {
      edges.push(def);
      continue;
    }
    const r = nodeRect(def, sizes);
    if (overlaps(r, near)) first.push(def);
    else far.push({ def, distance: Math.hypot(Math.max(r.x1 - cx, cx - r.x2, 0), Math.max(r.y1 - cy, cy - r.y2, 0)) });
  }
  far.sort((a, b) => a.distance - b.distance);
  const nodeBatches: Def[][] = [first];
  for (let i = 0; i < far.length; i += size) nodeBatches.push(far.slice(i, i + size).map((f) => f.def));
  const batchOf = new Map<string, number>();
  nodeBatches.forEach((batch, i) => {
    for (const def of batch) batchOf.set(String(def.data.id), i);
  });
  const edgeBatches: Def[][] = nodeBatches.map(() => []);
  for (const e of edges) edgeBatches[Math.max(batchOf.get(String(e.data.source)) ?? 0, batchOf.get(String(e.data.target)) ?? 0)].push(e);
  return nodeBatches.map((nodes, i) => [...nodes, ...edgeBatches[i]]);
}

/** Runs `task` later, and returns how to call it off. */
export type Later = (task: () => void) => () => void;

/** After the next frame has been painted: a frame, then a task (the frame shows the batch before). */
export const afterPaint: Later = (task) => {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(task, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    if (timer !== null) clearTimeout(timer);
  };
};

/**
 * Adds `batches` to `cy` one at a time, each `later` than the one before (after a frame has been painted);
 * `flush` adds what is left at once (before anything that needs the whole map: an overlay, a search, an
 * export, a drag), `cancel` stops. `done` is called once everything is on the canvas (at once when there is
 * nothing to add).
 */
export function addInBatches(cy: cytoscape.Core, batches: Def[][], done: () => void, later: Later = afterPaint): { flush(): void; cancel(): void } {
  let next = 0;
  let calloff: (() => void) | null = null;
  const cancel = () => {
    calloff?.();
    calloff = null;
  };
  const step = () => {
    calloff = null;
    if (cy.destroyed()) return;
    cy.add(batches[next++]);
    if (next >= batches.length) done();
    else calloff = later(step);
  };
  if (!batches.length) done();
  else calloff = later(step);
  return {
    flush() {
      cancel();
      if (next >= batches.length || cy.destroyed()) return;
      cy.batch(() => {
        for (; next < batches.length; next++) cy.add(batches[next]);
      });
      done();
    },
    cancel,
  };
}
