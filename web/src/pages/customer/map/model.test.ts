import { describe, expect, it } from 'vitest';
import type { ChainFigure, Degrees, Stats } from '../../../api/types';
import { person, sampleGraph } from '../fixtures.test-data';
import cytoscape from 'cytoscape';
import { applyDecor, applyOverlays, baseElements, decorElements, type Overlays } from './elements';
import { acquaintedSet, departmentsWithoutKeyPersons, gapCounts, unknownByPerson, unknownFeatures } from './gaps';
import { gapImage, stripIcons } from './glyphs';
import { buildBase, buildDecor, fit, textWidth, type MapTexts } from './model';
import { clipToBox, escapeXml, mapSvg } from './svg';

const texts: MapTexts = {
  noDepartment: '（无部门）',
  noKeyPerson: '无关键人',
  missingRole: (r) => `缺少：${r}`,
  role: (r) => `R:${r}`,
  rank: (n) => `第${n}`,
  outsiders: (k) => `box:${k}`,
  chainGaps: '决策链缺少的角色',
};

const stats = (): Stats => ({ n: 0, known: 0, unknown: 0, strong_support: 0, support: 0, neutral: 0, oppose: 0, strong_oppose: 0, supporters: 0, opposers: 0, mean: null, percent: null, tier: null });
const degrees = (): Degrees => ({ closeness: stats(), solution: stats(), price: stats() });

function chain(members: [string, ChainFigure['members'][number]['role']][], missing: ChainFigure['missing_roles']): ChainFigure {
  return {
    opportunity: 'o1', as_of: '2026-11-23', toward: 'ours', degrees: degrees(), missing_roles: missing, mom: {}, yoy: {}, may_write: true,
    members: members.map(([p, role], i) => ({ person: p, role, veto: 'unknown', approve: 'unknown', closeness: 'unknown', solution: 'unknown', price: 'unknown', inherited: [], interaction: 'none', member: `m${i}` })),
  } as ChainFigure;
}

const allOn: Overlays = { internal: true, ours: true, competitor: true, other: true, centres: true, gaps: true };

describe('gaps', () => {
  it('names each unknown feature of the seven', () => {
    const known = { closeness: 'support', solution: 'neutral', price: 'oppose', veto: 'no', approve: 'yes', orientation: 'business' } as const;
    expect(unknownFeatures(known, true)).toEqual([]);
    expect(unknownFeatures(known, false)).toEqual(['acquaintance']);
    expect(unknownFeatures(person('x'), false)).toEqual(['closeness', 'solution', 'price', 'veto', 'approve', 'acquaintance', 'orientation']);
  });
  it('counts a person acquainted when some link points to them, and looks at key persons only', () => {
    const g = sampleGraph();
    expect([...acquaintedSet(g.links)].sort()).toEqual(['a', 'b']);
    const unknown = unknownByPerson(g.people, g.links);
    // a: solution, price, approve, orientation (closeness and veto known, acquainted); c is not a key person.
    expect(unknown.get('a')).toEqual(['solution', 'price', 'approve', 'orientation']);
    expect(unknown.has('c')).toBe(false);
    expect(unknown.get('d')).toEqual(['solution', 'price', 'acquaintance', 'orientation']);
  });
  it('finds the departments without key persons, from the metrics when given', () => {
    const g = sampleGraph();
    // d1 holds a and b (key persons), d2 only c (not a key person).
    expect(departmentsWithoutKeyPersons(g.departments, g.people).map((d) => d.id)).toEqual(['d2']);
    expect(departmentsWithoutKeyPersons(g.departments, g.people, [{ department: 'd1', key_persons: 0 }, { department: 'd2', key_persons: 1 }]).map((d) => d.id)).toEqual(['d1']);
  });
  it('adds the gaps up', () => {
    const unknown = new Map([['a', ['price' as const]], ['b', ['price' as const, 'veto' as const]]]);
    expect(gapCounts([1], ['coach'], unknown)).toEqual({ departments: 1, roles: 1, persons: 2, features: 3 });
  });
});

describe('buildBase', () => {
  const g = sampleGraph();
  const base = buildBase(g, texts);

  it('makes a card per person with name, title · department and the strip of its values', () => {
    expect(base.cards.map((c) => c.id)).toEqual(['a', 'b', 'c', 'd']);
    const a = base.cards[0];
    expect(a.label).toBe('Na\nTa · 信息中心');
    expect(a.icons).toEqual(stripIcons(g.people[0]));
    // Cards with the same values share the same images.
    expect(new Set(base.cards.flatMap((c) => c.icons)).size).toBeLessThanOrEqual(28);
    expect(base.cards[3].label).toBe('Nd\nTd');
  });
  it('draws a box per department and a placeholder in the department without key persons', () => {
    expect(base.boxes.filter((b) => b.kind === 'department').map((b) => b.label).sort()).toEqual(['信息中心', '财务处', '（无部门）'].sort());
    expect(base.placeholders).toEqual([expect.objectContaining({ id: 'gap:dept:d2', label: '无关键人', gap: 'department' })]);
    expect(base.emptyDepartments).toEqual(['d2']);
  });
  it('counts the unknown features of key persons on their cards, with the icon of that count', () => {
    expect(base.cards.map((c) => [c.id, c.unknown])).toEqual([['a', 4], ['b', 4], ['c', 0], ['d', 4]]);
    expect(base.cards[0].gapIcon).toBe(gapImage(4));
    expect(base.cards[2].gapIcon).toBeNull();
  });
  it('sorts links into internal, ours and competitors\', and drops those to unknown persons', () => {
    expect(base.influence.map((e) => [e.id, e.kind])).toEqual([['l1', 'ours'], ['l2', 'competitor'], ['l3', 'internal']]);
    expect(base.outsiders.map((o) => [o.id, o.kind])).toEqual([['o1', 'ours'], ['x1', 'competitor']]);
    const ours = base.outsiders[0];
    const competitor = base.outsiders[1];
    expect(ours.x).toBeLessThan(base.bounds.x1);
    expect(competitor.x).toBeGreaterThan(base.bounds.x2);
  });
  it('connects managers to reports, turning in the gap above the report', () => {
    expect(base.reporting.map((e) => [e.source, e.target])).toEqual([['a', 'b'], ['a', 'c'], ['b', 'd']]);
    for (const e of base.reporting) expect(e.turn).toBeLessThan(0);
  });
  it('takes the unknown features from the people toward us when asked toward a competitor', () => {
    const ours = g.people.map((p) => ({ ...p, solution: 'support' as const, price: 'support' as const, approve: 'no' as const, orientation: 'business' }));
    const toward = buildBase(g, texts, { featurePeople: ours });
    expect(toward.cards.map((c) => c.unknown)).toEqual([0, 1, 0, 1]);
  });
  it('shortens long names to fit a card', () => {
    expect(fit('短', 100)).toBe('短');
    const long = fit('一个非常非常非常非常非常长的职务名称', 100);
    expect(long.endsWith('…')).toBe(true);
    expect(textWidth(long, 13)).toBeLessThanOrEqual(100);
  });
});

describe('buildDecor', () => {
  const g = sampleGraph();
  const base = buildBase(g, texts);
  const centres = [{ person: 'ghost', rank: 0.5 }, { person: 'b', rank: 0.3 }, { person: 'a', rank: 0.2 }, { person: 'd', rank: 0.1 }];

  it('ranks the top centres that are on the map and puts the rank on their cards', () => {
    const decor = buildDecor(base, texts, centres, 2, undefined);
    expect([...decor.centres]).toEqual([['b', 1], ['a', 2]]);
    expect(decor.badges.map((b) => [b.owner, b.kind, b.label])).toEqual([['b', 'rank', '第1'], ['a', 'rank', '第2']]);
  });
  it('puts the chain roles on the members\' cards and a placeholder per missing role', () => {
    const decor = buildDecor(base, texts, undefined, 10, chain([['a', 'decision_maker'], ['b', 'coach'], ['b', 'user'], ['gone', 'user']], ['approver', 'procurement']));
    expect(decor.badges.map((b) => [b.owner, b.label])).toEqual([['a', 'R:decision_maker'], ['b', 'R:coach · R:user']]);
    expect(decor.placeholders.map((p) => p.label)).toEqual(['缺少：approver', '缺少：procurement']);
    expect(decor.offMap).toBe(1);
    const box = decor.boxes[0];
    expect(box.kind).toBe('chain');
    // Above the tree, the placeholders inside.
    expect(box.y2).toBeLessThan(base.bounds.y1);
    for (const p of decor.placeholders) expect(p.y > box.y1 && p.y < box.y2 && p.x > box.x1 && p.x < box.x2).toBe(true);
  });
});

describe('elements', () => {
  const base = buildBase(sampleGraph(), texts);
  const decor = buildDecor(base, texts, [{ person: 'a', rank: 1 }], 10, chain([['a', 'coach']], ['approver']));

  it('gives every element a unique id, nodes before the edges', () => {
    const defs = [...baseElements(base, allOn), ...decorElements(decor)];
    const ids = defs.map((d) => d.data.id);
    expect(new Set(ids).size).toBe(ids.length);
    const firstEdge = baseElements(base, allOn).findIndex((d) => d.group === 'edges');
    expect(baseElements(base, allOn).slice(firstEdge).every((d) => d.group === 'edges')).toBe(true);
    expect(decorElements(decor).every((d) => String(d.classes).includes('decor'))).toBe(true);
  });
  it('leaves out the links of a kind switched off, with their outsiders', () => {
    const ids = baseElements(base, { ...allOn, ours: false }).map((d) => d.data.id);
    expect(ids).not.toContain('l1');
    expect(ids).not.toContain('o1');
    expect(ids).not.toContain('box:ours');
    expect(ids).toContain('l2');
  });
  it('switches the overlays on a Cytoscape instance', () => {
    const cy = cytoscape({ headless: true, styleEnabled: true, elements: baseElements(base, allOn) });
    applyDecor(cy, base, decor, allOn);
    expect(cy.edges('.inf').length).toBe(3);
    expect(cy.nodes('.card.centre').map((n) => n.id())).toEqual(['a']);
    applyOverlays(cy, base, { ...allOn, internal: false, ours: false, gaps: false, centres: false });
    expect(cy.edges('.inf').map((e) => e.id())).toEqual(['l2']);
    expect(cy.nodes('.outsider').map((n) => n.id())).toEqual(['x1']);
    expect(cy.nodes('.gap').not('.hidden').length).toBe(0);
    expect(cy.nodes('.card.gapped').length).toBe(0);
    expect(cy.nodes('.centre-badge').not('.hidden').length).toBe(0);
    expect(cy.nodes('.card.centre').length).toBe(0);
    applyOverlays(cy, base, allOn);
    expect(cy.edges('.inf').length).toBe(3);
    expect(cy.nodes('.outsider').length).toBe(2);
    expect(cy.nodes('.gap.hidden').length).toBe(0);
    expect(cy.nodes('.card.gapped').map((n) => n.id())).toEqual(['a', 'b', 'd']);
    cy.destroy();
  });
});

describe('mapSvg', () => {
  const g = sampleGraph();
  const base = buildBase(g, texts);
  const decor = buildDecor(base, texts, [{ person: 'a', rank: 1 }], 10, chain([['a', 'coach']], ['approver']));

  it('draws the cards, the boxes, the connectors and the links switched on', () => {
    const svg = mapSvg(base, decor, allOn, g.people, { title: '客户 <A&B>', subtitle: '关系图谱' });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.endsWith('</svg>')).toBe(true);
    expect(svg).toContain('客户 &lt;A&amp;B&gt;');
    for (const text of ['Na', 'Ta · 信息中心', '信息中心', '无关键人', '缺少：approver', 'R:coach', '第1', 'box:ours', '?4']) expect(svg).toContain(`>${escapeXml(text)}</text>`);
    expect(svg.match(/<polyline points="[^"]+" fill="none" stroke="#8c8c8c"/g)).toHaveLength(3);
    expect(svg.match(/marker-end=/g)).toHaveLength(3);
  });
  it('leaves out what is switched off', () => {
    const svg = mapSvg(base, decor, { ...allOn, ours: false, competitor: false, gaps: false, centres: false }, g.people);
    expect(svg.match(/marker-end=/g)).toHaveLength(1);
    expect(svg).not.toContain('box:ours');
    expect(svg).not.toContain('>无关键人<');
    expect(svg).not.toContain('>?4<');
    expect(svg).not.toContain('>第1<');
    expect(svg).toContain('>缺少：approver<');
  });
  it('ends a link where it meets the card', () => {
    expect(clipToBox({ x: 0, y: 0 }, { x: 100, y: 0 }, 40, 20)).toEqual({ x: 80, y: 0 });
    expect(clipToBox({ x: 100, y: 100 }, { x: 100, y: 0 }, 40, 20)).toEqual({ x: 100, y: 10 });
  });
});
