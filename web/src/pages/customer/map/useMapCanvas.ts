// The Cytoscape instance of the relationship map: made once the map can be drawn whole, its elements swapped
// when the map model changes, the decorations and overlays switched in place. Taps select a card, a double tap
// opens the person, and a card dropped onto another asks to make it report there (the card and its badges then
// go back).
import type cytoscape from 'cytoscape';
import { useCallback, useLayoutEffect, useRef, type RefObject } from 'react';
import { createCy, keepSized, LARGE, replaceElements } from '../cy';
import { dropTarget, type Box } from '../orgchart';
import { applyDecor, applyOverlays, mapElements, mapStyle, type Overlays } from './elements';
import type { MapBase, MapDecor, Rect } from './model';
import { addInBatches, batchesByView, viewRect, type Viewport } from './progressive';

export interface MapHandlers {
  select(id: string | null): void;
  open(id: string): void;
  drop(person: string, manager: string): void;
}

/** The rectangle the map's visible boxes and cards cover, from the model (no measuring of labels). */
export function mapExtent(base: MapBase, decor: MapDecor, overlays: Overlays): Rect {
  const { cardWidth: w, cardHeight: h } = base.sizes;
  const r = { x1: base.bounds.x1, y1: base.bounds.y1, x2: base.bounds.x2, y2: base.bounds.y2 };
  if (!base.cards.length) return r;
  for (const b of [...base.boxes, ...decor.boxes]) {
    if (b.kind !== 'department' && b.kind !== 'chain' && !overlays[b.kind]) continue;
    r.x1 = Math.min(r.x1, b.x1);
    r.y1 = Math.min(r.y1, b.y1);
    r.x2 = Math.max(r.x2, b.x2);
    r.y2 = Math.max(r.y2, b.y2);
  }
  // Badges stick out of the cards' edges by half their height.
  return { x1: r.x1 - w * 0.05, y1: r.y1 - h * 0.2, x2: r.x2 + w * 0.05, y2: r.y2 + h * 0.2 };
}

/**
 * The first view of a container of `width` × `height`: the whole map, or for a large map too wide to make out
 * whole, its top at a readable zoom.
 */
export function firstView(width: number, height: number, base: MapBase, extent: Rect): Viewport {
  const padding = 30;
  const w = Math.max(1, extent.x2 - extent.x1);
  const h = Math.max(1, extent.y2 - extent.y1);
  const fitted = Math.min((width - 2 * padding) / w, (height - 2 * padding) / h);
  const minZoom = Math.min(0.03, fitted * 0.8);
  const centre = (zoom: number): Viewport => ({ zoom, minZoom, pan: { x: width / 2 - ((extent.x1 + extent.x2) / 2) * zoom, y: height / 2 - ((extent.y1 + extent.y2) / 2) * zoom } });
  if (fitted > 1) return centre(1);
  if (fitted < 0.3 && base.cards.length > LARGE) {
    const top = base.cards.reduce<MapBase['cards'][number] | null>((best, c) => (!best || c.y < best.y || (c.y === best.y && c.x < best.x) ? c : best), null);
    if (top) return { zoom: 0.6, minZoom, pan: { x: width / 2 - top.x * 0.6, y: 40 - (top.y - base.sizes.cardHeight) * 0.6 } };
  }
  return centre(fitted);
}

/** What the map's hook gives the page: the instance, and the instance with every element on it. */
export interface MapCanvas {
  cy: RefObject<cytoscape.Core | null>;
  /** The instance once every element is on it (a large map's remaining batches are added at once). */
  whole(): cytoscape.Core | null;
}

/**
 * The map's Cytoscape instance, made once `ready` (the influence centres and the features it shows have
 * arrived: the map is then drawn once with everything, rather than drawn and restyled when they come) with
 * every element at once, decorations included (a large map: the elements in and around the first view, the rest
 * in batches between frames); later changes of the model, the decorations or the overlays are applied in place,
 * after the remaining batches.
 */
export function useMapCanvas(
  container: RefObject<HTMLDivElement>,
  base: MapBase,
  decor: MapDecor,
  overlays: Overlays,
  canWrite: boolean,
  handlers: MapHandlers,
  ready = true,
): MapCanvas {
  const cyRef = useRef<cytoscape.Core | null>(null);
  /** A large map's batches still to add. */
  const loading = useRef<{ flush(): void; cancel(): void } | null>(null);
  const flush = useCallback(() => {
    loading.current?.flush();
    loading.current = null;
  }, []);
  const latest = useRef({ handlers, overlays, decor, base });
  latest.current = { handlers, overlays, decor, base };
  /** What the canvas shows: the model, decorations and overlays last applied, and the stylesheet's size. */
  const shown = useRef<{ base: MapBase | null; decor: MapDecor | null; overlays: Overlays | null; large: boolean | null }>({ base: null, decor: null, overlays: null, large: null });
  const release = useRef<(() => void) | null>(null);

  // Layout effects: the canvas appears in the same task as the counts the container shows (data-nodes...).
  // The instance lives as long as the component.
  useLayoutEffect(
    () => () => {
      loading.current?.cancel();
      loading.current = null;
      release.current?.();
      release.current = null;
      cyRef.current = null;
      shown.current = { base: null, decor: null, overlays: null, large: null };
    },
    [],
  );

  useLayoutEffect(() => {
    if (!ready || !container.current) return;
    const { decor: now, overlays: on } = latest.current;
    const large = base.cards.length > LARGE;
    let cy = cyRef.current;
    if (!cy) {
      const { clientWidth: width, clientHeight: height } = container.current;
      const view = firstView(width, height, base, mapExtent(base, now, on));
      const batches = large ? batchesByView(mapElements(base, now, on), viewRect(view, width, height), base.sizes) : [mapElements(base, now, on)];
      cy = createCy(container.current, base.cards.length, mapStyle(large, base.sizes), batches[0]);
      cy.minZoom(view.minZoom);
      cy.viewport({ zoom: view.zoom, pan: view.pan });
      cyRef.current = cy;
      // For tests and benchmarks, without drawing the page again: the first view is drawn (data-drawn), every
      // element is on the canvas (data-complete).
      const host = container.current;
      host.dataset.drawn = 'false';
      host.dataset.complete = 'false';
      cy.one('render', () => {
        host.dataset.drawn = 'true';
      });
      listen(cy, latest, flush);
      release.current = keepSized(cy, container.current);
      loading.current = addInBatches(cy, batches.slice(1), () => {
        loading.current = null;
        host.dataset.complete = 'true';
      });
    } else {
      flush();
      const selected = cy.nodes(':selected').map((n) => n.id());
      if (shown.current.large !== large) cy.style(mapStyle(large, base.sizes));
      replaceElements(cy, mapElements(base, now, on));
      for (const id of selected) cy.getElementById(id).select();
    }
    shown.current = { base, decor: now, overlays: on, large };
  }, [base, ready, container]);

  useLayoutEffect(() => {
    const cy = cyRef.current;
    if (!cy || shown.current.decor === decor) return;
    flush();
    applyDecor(cy, latest.current.base, decor, latest.current.overlays);
    shown.current.decor = decor;
    shown.current.overlays = latest.current.overlays;
  }, [decor]);

  useLayoutEffect(() => {
    const cy = cyRef.current;
    if (!cy || shown.current.overlays === overlays) return;
    flush();
    applyOverlays(cy, latest.current.base, overlays);
    shown.current.overlays = overlays;
  }, [overlays]);

  useLayoutEffect(() => {
    cyRef.current?.autoungrabify(!canWrite);
  }, [canWrite, base, ready]);

  const whole = useCallback(() => {
    flush();
    return cyRef.current;
  }, [flush]);
  return { cy: cyRef, whole };
}

/** Taps select a card, a double tap opens the person, and a card dropped onto another asks to move it there
 * (the card and its badges then go back; a drag first puts every card on the canvas, `flush`). */
function listen(cy: cytoscape.Core, latest: { current: { handlers: MapHandlers } }, flush: () => void) {
  let grabbed: { id: string; x: number; y: number; badges: { node: cytoscape.NodeSingular; x: number; y: number }[] } | null = null;
  let boxes: Box[] = [];
  cy.on('tap', 'node.card', (event) => latest.current.handlers.select(event.target.id()));
  cy.on('tap', (event) => {
    if (event.target === cy) latest.current.handlers.select(null);
  });
  cy.on('dbltap', 'node.card', (event) => latest.current.handlers.open(event.target.id()));
  cy.on('grab', 'node.card', (event) => {
    flush();
    const node = event.target as cytoscape.NodeSingular;
    const badges = cy.nodes('.badge').filter((b) => b.data('owner') === node.id()).map((b) => ({ node: b as cytoscape.NodeSingular, ...(b as cytoscape.NodeSingular).position() }));
    grabbed = { id: node.id(), ...node.position(), badges };
    boxes = cy.nodes('.card').map((n) => {
      const b = n.boundingBox({ includeLabels: false, includeOverlays: false });
      return { id: n.id(), x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 };
    });
  });
  cy.on('drag', 'node.card', (event) => {
    const node = event.target as cytoscape.NodeSingular;
    if (grabbed && grabbed.id === node.id()) {
      const p = node.position();
      for (const b of grabbed.badges) b.node.position({ x: b.x + p.x - grabbed.x, y: b.y + p.y - grabbed.y });
    }
    const target = dropTarget(node.id(), node.position(), boxes);
    cy.nodes('.drop-target').removeClass('drop-target');
    if (target) cy.getElementById(target).addClass('drop-target');
  });
  cy.on('free', 'node.card', (event) => {
    const node = event.target as cytoscape.NodeSingular;
    cy.nodes('.drop-target').removeClass('drop-target');
    if (!grabbed || grabbed.id !== node.id()) return;
    const target = dropTarget(node.id(), node.position(), boxes);
    const from = grabbed;
    grabbed = null;
    node.position({ x: from.x, y: from.y });
    for (const b of from.badges) b.node.position({ x: b.x, y: b.y });
    if (target) latest.current.handlers.drop(node.id(), target);
  });
}
