// The Cytoscape instance of the relationship map: made once, its elements swapped when the map model
// changes, the decorations and overlays switched in place. Taps select a card, a double tap opens the person,
// and a card dropped onto another asks to make it report there (the card and its badges then go back).
import type cytoscape from 'cytoscape';
import { useEffect, useRef, type RefObject } from 'react';
import { createCy, keepSized, LARGE, replaceElements } from '../cy';
import { dropTarget, type Box } from '../orgchart';
import { applyDecor, applyOverlays, baseElements, mapStyle, type Overlays } from './elements';
import type { MapBase, MapDecor, Rect } from './model';

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

/** The first view: the whole map, or for a large map too wide to make out whole, its top at a readable zoom. */
export function firstView(cy: cytoscape.Core, base: MapBase, extent: Rect) {
  const padding = 30;
  const width = Math.max(1, extent.x2 - extent.x1);
  const height = Math.max(1, extent.y2 - extent.y1);
  const fitted = Math.min((cy.width() - 2 * padding) / width, (cy.height() - 2 * padding) / height);
  cy.minZoom(Math.min(0.03, fitted * 0.8));
  const centre = (zoom: number) => cy.viewport({ zoom, pan: { x: cy.width() / 2 - ((extent.x1 + extent.x2) / 2) * zoom, y: cy.height() / 2 - ((extent.y1 + extent.y2) / 2) * zoom } });
  if (fitted > 1) {
    centre(1);
  } else if (fitted < 0.3 && base.cards.length > LARGE) {
    const top = base.cards.reduce<MapBase['cards'][number] | null>((best, c) => (!best || c.y < best.y || (c.y === best.y && c.x < best.x) ? c : best), null);
    if (top) cy.viewport({ zoom: 0.6, pan: { x: cy.width() / 2 - top.x * 0.6, y: 40 - (top.y - base.sizes.cardHeight) * 0.6 } });
  } else {
    centre(fitted);
  }
}

export function useMapCanvas(
  container: RefObject<HTMLDivElement>,
  base: MapBase,
  decor: MapDecor,
  overlays: Overlays,
  canWrite: boolean,
  handlers: MapHandlers,
): RefObject<cytoscape.Core | null> {
  const cyRef = useRef<cytoscape.Core | null>(null);
  const fitted = useRef(false);
  const latest = useRef({ handlers, overlays, decor, base });
  latest.current = { handlers, overlays, decor, base };
  const styled = useRef<boolean | null>(null);

  useEffect(() => {
    if (!container.current) return undefined;
    const large = base.cards.length > LARGE;
    const cy = createCy(container.current, base.cards.length, mapStyle(large, base.sizes));
    styled.current = large;
    cyRef.current = cy;
    let grabbed: { id: string; x: number; y: number; badges: { node: cytoscape.NodeSingular; x: number; y: number }[] } | null = null;
    let boxes: Box[] = [];
    cy.on('tap', 'node.card', (event) => latest.current.handlers.select(event.target.id()));
    cy.on('tap', (event) => {
      if (event.target === cy) latest.current.handlers.select(null);
    });
    cy.on('dbltap', 'node.card', (event) => latest.current.handlers.open(event.target.id()));
    cy.on('grab', 'node.card', (event) => {
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
    const release = keepSized(cy, container.current);
    return () => {
      release();
      cyRef.current = null;
      fitted.current = false;
    };
    // The instance lives as long as the component; elements are swapped below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const selected = cy.nodes(':selected').map((n) => n.id());
    const large = base.cards.length > LARGE;
    if (styled.current !== large) {
      cy.style(mapStyle(large, base.sizes));
      styled.current = large;
    }
    const { decor: now, overlays: shown } = latest.current;
    replaceElements(cy, { nodes: baseElements(base, shown), edges: [] });
    applyDecor(cy, base, now, shown);
    if (!fitted.current) {
      firstView(cy, base, mapExtent(base, now, shown));
      fitted.current = true;
    }
    for (const id of selected) cy.getElementById(id).select();
  }, [base]);

  useEffect(() => {
    const cy = cyRef.current;
    if (cy) applyDecor(cy, latest.current.base, decor, latest.current.overlays);
  }, [decor]);

  useEffect(() => {
    const cy = cyRef.current;
    if (cy) applyOverlays(cy, latest.current.base, overlays);
  }, [overlays]);

  useEffect(() => {
    cyRef.current?.autoungrabify(!canWrite);
  }, [canWrite, base]);

  return cyRef;
}
