import { describe, expect, it } from 'vitest';
import { DEFAULT_SIZES, gridLayout, layoutMap, type LayoutPerson, type MapLayout } from './layout';

const S = DEFAULT_SIZES;
const line = (person: string, manager: string) => ({ person, manager });

/** Pairs of cards whose rectangles overlap (sorted sweep, fine for a few thousand). */
function overlaps(layout: MapLayout): string[] {
  const cards = [...layout.positions].map(([id, p]) => ({ id, x1: p.x - S.cardWidth / 2, x2: p.x + S.cardWidth / 2, y1: p.y - S.cardHeight / 2, y2: p.y + S.cardHeight / 2 }));
  cards.sort((a, b) => a.x1 - b.x1);
  const found: string[] = [];
  for (let i = 0; i < cards.length; i++) {
    for (let j = i + 1; j < cards.length && cards[j].x1 < cards[i].x2; j++) {
      if (cards[j].y1 < cards[i].y2 && cards[i].y1 < cards[j].y2) found.push(`${cards[i].id}/${cards[j].id}`);
    }
  }
  return found;
}

function boxOverlaps(layout: MapLayout): string[] {
  const found: string[] = [];
  for (const a of layout.blocks) {
    for (const b of layout.blocks) {
      if (a.id < b.id && a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) found.push(`${a.id}/${b.id}`);
    }
  }
  return found;
}

/** A random forest: each person reports to an earlier one (or nobody), in one of `departments`. */
function randomOrg(n: number, departments: number, seed: number) {
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const people: LayoutPerson[] = Array.from({ length: n }, (_, i) => ({ id: `p${i}`, department: random() < 0.1 ? null : `d${Math.floor(random() * departments)}` }));
  const reporting = people.slice(1).filter(() => random() > 0.05).map((p) => line(p.id, `p${Math.floor(random() * Number(p.id.slice(1)))}`));
  const depts = Array.from({ length: departments }, (_, i) => ({ id: `d${i}`, parent: i > 2 && random() < 0.3 ? `d${Math.floor(random() * i)}` : null }));
  return { people, reporting, depts };
}

describe('layoutMap', () => {
  // 校长 (d1) → 主任 (d2) → six engineers (d2), and 主任 → 科长 (d3) → two staff (d3).
  const people: LayoutPerson[] = [
    { id: 'head', department: 'd1' },
    { id: 'dir', department: 'd2' },
    ...['e1', 'e2', 'e3', 'e4', 'e5', 'e6'].map((id) => ({ id, department: 'd2' })),
    { id: 'chief', department: 'd3' },
    { id: 's1', department: 'd3' },
    { id: 's2', department: 'd3' },
  ];
  const reporting = [
    line('dir', 'head'),
    ...['e1', 'e2', 'e3', 'e4', 'e5', 'e6'].map((id) => line(id, 'dir')),
    line('chief', 'dir'),
    line('s1', 'chief'),
    line('s2', 'chief'),
  ];
  const departments = [{ id: 'd1', parent: null }, { id: 'd2', parent: null }, { id: 'd3', parent: 'd2' }];
  const layout = layoutMap(people, reporting, departments);
  const at = (id: string) => layout.positions.get(id)!;

  it('puts the reports of one manager side by side on one line, not stacked', () => {
    const ys = new Set(['e1', 'e2', 'e3', 'e4', 'e5', 'e6'].map((id) => at(id).y));
    expect(ys.size).toBe(1);
    const xs = ['e1', 'e2', 'e3', 'e4', 'e5', 'e6'].map((id) => at(id).x);
    for (let i = 1; i < xs.length; i++) expect(xs[i] - xs[i - 1]).toBeGreaterThanOrEqual(S.cardWidth + S.siblingGap);
    expect(at('s1').y).toBe(at('s2').y);
    expect(at('s2').x - at('s1').x).toBe(S.cardWidth + S.siblingGap);
  });

  it('puts every manager above their reports, and centres a manager over reports in its box', () => {
    for (const l of reporting) expect(at(l.manager).y).toBeLessThan(at(l.person).y);
    expect(at('chief').x).toBe((at('s1').x + at('s2').x) / 2);
  });

  it('groups each department in one box holding all its cards, boxes apart', () => {
    expect(layout.blocks.map((b) => b.department)).toEqual(['d1', 'd2', 'd3']);
    for (const block of layout.blocks) {
      const members = people.filter((p) => p.department === block.department).map((p) => p.id);
      expect(block.members.sort()).toEqual(members.sort());
      for (const id of members) {
        expect(at(id).x - S.cardWidth / 2).toBeGreaterThanOrEqual(block.x1);
        expect(at(id).x + S.cardWidth / 2).toBeLessThanOrEqual(block.x2);
        expect(at(id).y - S.cardHeight / 2).toBeGreaterThanOrEqual(block.y1);
        expect(at(id).y + S.cardHeight / 2).toBeLessThanOrEqual(block.y2);
      }
    }
    expect(boxOverlaps(layout)).toEqual([]);
    expect(overlaps(layout)).toEqual([]);
  });

  it('puts the box of a department below the box of the manager its head reports to', () => {
    const [d1, d2, d3] = layout.blocks;
    expect(d2.parent).toBe(d1.id);
    expect(d3.parent).toBe(d2.id);
    expect(d2.y1).toBeGreaterThanOrEqual(d1.y2 + S.levelGap);
    expect(d3.y1).toBeGreaterThanOrEqual(d2.y2 + S.levelGap);
  });

  it('leaves a lane under a manager whose connectors go on to a box below', () => {
    // The director also manages the d3 chief: no card of the d2 box may lie on the line straight down.
    const x = at('dir').x;
    for (const id of ['e1', 'e2', 'e3', 'e4', 'e5', 'e6']) expect(Math.abs(at(id).x - x)).toBeGreaterThanOrEqual(S.cardWidth / 2 + S.siblingGap / 2);
  });

  it('puts a placeholder in its department\'s box, or a box of its own', () => {
    const withGaps = layoutMap(people, reporting, [...departments, { id: 'd4', parent: 'd2' }], [
      { id: 'gap:d3', department: 'd3' },
      { id: 'gap:d4', department: 'd4' },
    ]);
    const blockOf = (id: string) => withGaps.blocks.find((b) => b.id === withGaps.blockOf.get(id))!;
    expect(blockOf('gap:d3')).toBe(blockOf('s1'));
    expect(blockOf('gap:d4').department).toBe('d4');
    expect(blockOf('gap:d4').parent).toBe(blockOf('dir').id);
    expect(overlaps(withGaps)).toEqual([]);
    expect(boxOverlaps(withGaps)).toEqual([]);
  });

  it('keeps persons without a department, loops and unknown managers on the map', () => {
    const l = layoutMap(
      [{ id: 'a', department: null }, { id: 'b', department: 'gone' }, { id: 'x', department: 'd1' }, { id: 'y', department: 'd1' }],
      [line('x', 'y'), line('y', 'x'), line('a', 'nobody')],
      departments,
    );
    expect(l.positions.size).toBe(4);
    expect(l.blocks.find((b) => b.members.includes('b'))!.department).toBeNull();
    expect(overlaps(l)).toEqual([]);
  });

  it('lays out 1,000 persons in random departments quickly, no cards or boxes overlapping', () => {
    for (const seed of [1, 7, 42]) {
      const { people: many, reporting: lines, depts } = randomOrg(1000, 12, seed);
      const started = performance.now();
      const l = layoutMap(many, lines, depts, depts.slice(0, 3).map((d) => ({ id: `gap:${d.id}`, department: d.id })));
      expect(performance.now() - started).toBeLessThan(2000);
      expect(l.positions.size).toBe(1003);
      expect(overlaps(l)).toEqual([]);
      expect(boxOverlaps(l)).toEqual([]);
      for (const block of l.blocks) {
        for (const id of block.members) {
          const p = l.positions.get(id)!;
          expect(p.x - S.cardWidth / 2 >= block.x1 && p.x + S.cardWidth / 2 <= block.x2 && p.y - S.cardHeight / 2 >= block.y1 && p.y + S.cardHeight / 2 <= block.y2).toBe(true);
        }
      }
      for (const { person, manager } of lines) {
        const a = l.positions.get(manager)!;
        const b = l.positions.get(person)!;
        // Loops are cut, so a few lines may point up; all others go down.
        if (a.y >= b.y) expect(lines.some((x) => x.person === manager)).toBe(true);
      }
    }
  });
});

describe('gridLayout', () => {
  it('fills rows left to right', () => {
    const g = gridLayout(['a', 'b', 'c'], { x: 0, y: 0 }, 2, { width: 10, height: 5, gap: 2 });
    expect(g.positions.get('a')).toEqual({ x: 5, y: 2.5 });
    expect(g.positions.get('b')).toEqual({ x: 17, y: 2.5 });
    expect(g.positions.get('c')).toEqual({ x: 5, y: 9.5 });
    expect([g.width, g.height]).toEqual([22, 12]);
  });
});
