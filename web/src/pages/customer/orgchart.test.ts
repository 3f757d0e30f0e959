import { describe, expect, it } from 'vitest';
import { sampleGraph } from './fixtures.test-data';
import { dropTarget, treeOf } from './orgchart';

describe('treeOf', () => {
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
