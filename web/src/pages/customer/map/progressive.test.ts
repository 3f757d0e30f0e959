import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SIZES } from './layout';
import { addInBatches, batchesByView, viewRect, type Later } from './progressive';
import { firstView } from './useMapCanvas';
import { buildBase, type MapTexts } from './model';
import { person } from '../fixtures.test-data';
import type { CustomerGraph } from '../api';

type Def = cytoscape.ElementDefinition;

const card = (id: string, x: number, y: number): Def => ({ group: 'nodes', data: { id }, position: { x, y } });
const edge = (id: string, source: string, target: string): Def => ({ group: 'edges', data: { id, source, target } });
const ids = (batch: Def[]) => batch.map((d) => String(d.data.id));

describe('a large map drawn view first', () => {
  it('puts the nodes in and near the view first, the others by distance, and each edge where its second end arrives', () => {
    // Cards are 188 × 84; the view is 1,000 × 500 from the origin, grown by a tenth (100 × 50) on each side.
    const defs: Def[] = [
      card('in', 400, 200),
      card('edge-of-view', 1_130, 200), // its left edge (1,036) is inside the grown view (up to 1,100)
      card('far', 5_000, 200),
      card('near', 2_000, 200),
      { group: 'nodes', data: { id: 'box', width: 6_000, height: 300 }, position: { x: 4_000, y: 300 } }, // reaches into the view
      card('farther', 9_000, 200),
      edge('e-in', 'in', 'edge-of-view'),
      edge('e-near', 'near', 'in'),
      edge('e-far', 'far', 'farther'),
    ];
    const batches = batchesByView(defs, { x1: 0, y1: 0, x2: 1_000, y2: 500 }, DEFAULT_SIZES, 2);
    expect(batches.map(ids)).toEqual([
      ['in', 'edge-of-view', 'box', 'e-in'],
      ['near', 'far', 'e-near'],
      ['farther', 'e-far'],
    ]);
    // Every element once.
    expect(batches.flat().length).toBe(defs.length);
  });

  it('computes what a viewport shows', () => {
    expect(viewRect({ zoom: 0.5, pan: { x: 100, y: -50 }, minZoom: 0.03 }, 800, 600)).toEqual({ x1: -200, y1: 100, x2: 1_400, y2: 1_300 });
  });

  it('starts a map of 1,000 persons with the cards of its first view and ends with every element', () => {
    const people = Array.from({ length: 1_000 }, (_, i) => person(`p${i}`, { department: `d${i % 10}` }));
    const graph = {
      customer: { id: 'c', name: 'C' },
      people,
      departments: Array.from({ length: 10 }, (_, d) => ({ id: `d${d}`, name: `部门${d}`, parent: null })),
      reporting: people.slice(1).map((p, k) => ({ id: `r${k}`, person: p.id, manager: `p${Math.floor(k / 4)}` })),
      links: [],
      outsiders: [],
    } as unknown as CustomerGraph;
    const texts = { noDepartment: '-', noKeyPerson: '-', missingRole: () => '-', role: () => '-', rank: () => '-', outsiders: () => '-', chainGaps: '-' } as MapTexts;
    const base = buildBase(graph, texts);
    const defs: Def[] = [
      ...base.cards.map((c) => card(c.id, c.x, c.y)),
      ...base.reporting.map((e) => edge(e.id, e.source, e.target)),
    ];
    const view = firstView(1_000, 640, base, base.bounds);
    expect(view.zoom).toBe(0.6); // the top of a tree too wide to make out whole
    const shown = viewRect(view, 1_000, 640);
    const batches = batchesByView(defs, shown, base.sizes);
    const first = new Set(ids(batches[0]));
    const visible = base.cards.filter((c) => c.x + 94 >= shown.x1 && c.x - 94 <= shown.x2 && c.y + 42 >= shown.y1 && c.y - 42 <= shown.y2);
    expect(visible.length).toBeGreaterThan(0);
    for (const c of visible) expect(first.has(c.id)).toBe(true);
    expect(first.size).toBeLessThan(200);

    // Added a batch at a time, every edge after both its ends: Cytoscape would throw otherwise.
    const cy = cytoscape({ headless: true, elements: batches[0] });
    const queue: (() => void)[] = [];
    const later: Later = (task) => {
      queue.push(task);
      return () => queue.splice(queue.indexOf(task), 1);
    };
    let done = 0;
    addInBatches(cy, batches.slice(1), () => done++, later);
    expect(done).toBe(0);
    while (queue.length) queue.shift()!();
    expect(done).toBe(1);
    expect(cy.nodes().length).toBe(1_000);
    expect(cy.edges().length).toBe(999);
    cy.destroy();
  });

  it('adds what is left at once on flush, once, and nothing after a cancel', () => {
    const batches = [[card('a', 0, 0)], [card('b', 1, 1), edge('ab', 'a', 'b')], [card('c', 2, 2)]];
    const queue: (() => void)[] = [];
    const later: Later = (task) => {
      queue.push(task);
      return () => queue.splice(queue.indexOf(task), 1);
    };
    const cy = cytoscape({ headless: true });
    let done = 0;
    const loading = addInBatches(cy, batches, () => done++, later);
    queue.shift()!(); // the first batch
    expect(cy.elements().length).toBe(1);
    loading.flush();
    expect(cy.elements().length).toBe(4);
    expect(queue.length).toBe(0); // the next step was called off
    expect(done).toBe(1);
    loading.flush();
    expect(done).toBe(1);

    const other = cytoscape({ headless: true });
    const stopped = addInBatches(other, batches, () => done++, later);
    stopped.cancel();
    expect(queue.length).toBe(0);
    expect(other.elements().length).toBe(0);

    let empty = 0;
    addInBatches(other, [], () => empty++, later);
    expect(empty).toBe(1); // nothing to add: done at once
    cy.destroy();
    other.destroy();
  });
});
