import { describe, expect, it } from 'vitest';
import { ATTITUDE_COLOR } from '../../lib/format';
import { person, sampleGraph } from './fixtures.test-data';
import { APPROVE_COLOR, BOTH_COLOR, dropTarget, nodeLabel, nodeLook, orgElements, treeLayout, treeOf, UNKNOWN_BORDER, VETO_COLOR } from './orgchart';

const markers = { veto: '否', approve: '批' };

describe('nodeLook', () => {
  it('colours by closeness and draws unknown hollow with a dashed grey ring', () => {
    const known = nodeLook(person('a', { closeness: 'support' }), markers);
    expect(known.color).toBe(ATTITUDE_COLOR.support);
    expect(known.borderStyle).toBe('solid');
    const unknown = nodeLook(person('b'), markers);
    expect(unknown.color).toBe('#ffffff');
    expect(unknown.borderStyle).toBe('dashed');
    expect(unknown.border).toBe(UNKNOWN_BORDER);
  });
  it('marks veto and approval persons with a ring and a prefix', () => {
    expect(nodeLook(person('a', { veto: 'yes' }), markers)).toMatchObject({ border: VETO_COLOR, prefix: '否', borderWidth: 5 });
    expect(nodeLook(person('a', { approve: 'yes' }), markers)).toMatchObject({ border: APPROVE_COLOR, prefix: '批' });
    expect(nodeLook(person('a', { veto: 'yes', approve: 'yes' }), markers)).toMatchObject({ border: BOTH_COLOR, prefix: '否批' });
    expect(nodeLook(person('a', { veto: 'no', approve: 'unknown' }), markers).prefix).toBe('');
  });
  it('draws key persons bigger than others', () => {
    expect(nodeLook(person('a'), markers).size).toBeGreaterThan(nodeLook(person('a', { key: false }), markers).size);
  });
  it('labels with name and title', () => {
    expect(nodeLabel({ name: '罗立', title: '校长' }, '否')).toBe('【否】罗立\n校长');
    expect(nodeLabel({ name: '罗立', title: null }, '')).toBe('罗立');
  });
});

describe('treeOf and treeLayout', () => {
  it('finds the roots and children', () => {
    const g = sampleGraph();
    const { roots, children } = treeOf(g.people, g.reporting);
    expect(roots).toEqual(['a']);
    expect(children.get('a')).toEqual(['b', 'c']);
    expect(children.get('b')).toEqual(['d']);
  });
  it('treats a manager outside the people as no manager, and cuts loops', () => {
    const people = [{ id: 'x' }, { id: 'y' }, { id: 'z' }];
    const { roots } = treeOf(people, [
      { id: '1', person: 'x', manager: 'y' },
      { id: '2', person: 'y', manager: 'x' },
      { id: '3', person: 'z', manager: 'gone' },
    ]);
    expect(roots.sort()).toEqual(['x', 'z']);
  });
  it('puts managers above their reports, centred over them', () => {
    const g = sampleGraph();
    const pos = treeLayout(g.people, g.reporting, { width: 100, height: 100, stack: 6, block: 3 });
    expect(pos.get('a')!.y).toBe(0);
    expect(pos.get('b')!.y).toBe(100);
    expect(pos.get('c')!.y).toBe(100);
    expect(pos.get('d')!.y).toBe(200);
    expect(pos.get('a')!.x).toBe((pos.get('b')!.x + pos.get('c')!.x) / 2);
    expect(pos.get('b')!.x).toBeLessThan(pos.get('c')!.x);
  });
  it('stacks many leaf reports in columns', () => {
    const people = [{ id: 'boss' }, ...Array.from({ length: 10 }, (_, i) => ({ id: `e${i}` }))];
    const reporting = people.slice(1).map((p, i) => ({ id: `r${i}`, person: p.id, manager: 'boss' }));
    const pos = treeLayout(people, reporting, { width: 100, height: 100, stack: 4, block: 3 });
    const xs = new Set(people.slice(1).map((p) => pos.get(p.id)!.x));
    expect(xs.size).toBe(3); // 10 leaves in columns of 4
    const ys = new Set(people.slice(1).map((p) => pos.get(p.id)!.y));
    expect(ys.size).toBe(4);
  });
  it('puts the stacked leaves to the right of the reports who manage others', () => {
    const people = ['boss', 'mgr', 'sub', 'l1', 'l2', 'l3'].map((id) => ({ id }));
    const reporting = [
      { id: '1', person: 'mgr', manager: 'boss' },
      { id: '2', person: 'sub', manager: 'mgr' },
      ...['l1', 'l2', 'l3'].map((id) => ({ id, person: id, manager: 'boss' })),
    ];
    const pos = treeLayout(people, reporting, { width: 100, height: 100, stack: 5, block: 3 });
    expect(pos.get('mgr')).toEqual({ x: 50, y: 100 });
    expect(pos.get('sub')).toEqual({ x: 50, y: 200 });
    expect(['l1', 'l2', 'l3'].map((id) => pos.get(id))).toEqual([{ x: 150, y: 100 }, { x: 150, y: 170 }, { x: 150, y: 240 }]);
    expect(pos.get('boss')).toEqual({ x: 100, y: 0 });
  });
  it('lays out 1,000 persons quickly without overlapping positions', () => {
    const people = Array.from({ length: 1000 }, (_, i) => ({ id: `p${i}` }));
    const reporting = people.slice(1).map((p, i) => ({ id: `r${i}`, person: p.id, manager: `p${Math.floor(i / 4)}` }));
    const started = performance.now();
    const pos = treeLayout(people, reporting);
    expect(performance.now() - started).toBeLessThan(500);
    expect(pos.size).toBe(1000);
    const keys = new Set([...pos.values()].map((p) => `${p.x},${p.y}`));
    expect(keys.size).toBe(1000);
  });
});

describe('orgElements', () => {
  it('makes one node per person and one edge per line, manager to person', () => {
    const g = sampleGraph();
    const { nodes, edges } = orgElements(g.people, g.reporting, markers);
    expect(nodes.map((n) => n.data.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(edges.map((e) => [e.data.source, e.data.target])).toEqual([['a', 'b'], ['a', 'c'], ['b', 'd']]);
    expect(nodes[0].data.label).toBe('【否】Na\nTa');
    expect(nodes[0].data.color).toBe(ATTITUDE_COLOR.strong_support);
  });
  it('drops lines to persons outside the chart', () => {
    const g = sampleGraph();
    const { edges } = orgElements(g.people, [...g.reporting, { id: 'r9', person: 'a', manager: 'gone' }], markers);
    expect(edges).toHaveLength(3);
  });
});

describe('dropTarget', () => {
  const boxes = [
    { id: 'a', x1: 0, y1: 0, x2: 40, y2: 40 },
    { id: 'b', x1: 100, y1: 0, x2: 140, y2: 40 },
  ];
  it('finds the node under the drop point, never the dragged one', () => {
    expect(dropTarget('a', { x: 120, y: 20 }, boxes)).toBe('b');
    expect(dropTarget('a', { x: 20, y: 20 }, boxes)).toBeNull();
    expect(dropTarget('a', { x: 70, y: 20 }, boxes)).toBeNull();
  });
});
