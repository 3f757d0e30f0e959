// What the relationship map draws, worked out from the server's answers without Cytoscape: person cards
// placed by layoutMap, department boxes, reporting connectors, influence links by kind and strength with the
// outsiders they come from (our employees on the left, competitors' and others' staff on the right), gap
// placeholders and badges. `buildBase` depends on the customer graph only; `buildDecor` adds what depends on
// the influence centres and the chosen opportunity, so choosing one does not lay out the map again.
import type { ChainFigure, ChainRole } from '../../../api/types';
import type { CustomerGraph, GraphPerson } from '../api';
import { departmentsWithoutKeyPersons, unknownByPerson, type Feature } from './gaps';
import { gapImage, stripIcons } from './glyphs';
import { DEFAULT_SIZES, gridLayout, layoutMap, type LayoutSizes } from './layout';

export const LINK_KINDS = ['internal', 'ours', 'competitor', 'other'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];
export type OutsiderKind = Exclude<LinkKind, 'internal'>;

export const LINK_COLOR: Record<LinkKind, string> = { internal: '#722ed1', ours: '#1677ff', competitor: '#d4380d', other: '#08979c' };
export const STRENGTH_LOOK: Record<'strong' | 'medium' | 'weak', { width: number; style: 'solid' | 'dashed' | 'dotted' }> = {
  strong: { width: 4, style: 'solid' },
  medium: { width: 2.5, style: 'dashed' },
  weak: { width: 1.5, style: 'dotted' },
};
export const GAP_COLOR = '#d46b08';
export const CENTRE_COLOR = '#d48806';
export const ROLE_COLOR = '#531dab';

/** Every text the map draws on the canvas, in the reader's language. */
export interface MapTexts {
  noDepartment: string;
  noKeyPerson: string;
  missingRole(role: ChainRole): string;
  role(role: ChainRole): string;
  rank(rank: number): string;
  outsiders(kind: OutsiderKind): string;
  chainGaps: string;
}

export interface Rect {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface CardNode {
  id: string;
  name: string;
  /** The second line: title · department. */
  detail: string;
  label: string;
  /** The strip's icons (stripIcons). */
  icons: string[];
  /** How many of the seven features are unknown (key persons only; 0 otherwise), and its icon. */
  unknown: number;
  gapIcon: string | null;
  key: boolean;
  x: number;
  y: number;
}

export interface BoxNode extends Rect {
  id: string;
  label: string;
  kind: 'department' | OutsiderKind | 'chain';
}

export interface PlaceholderNode {
  id: string;
  label: string;
  gap: 'department' | 'role';
  x: number;
  y: number;
}

export interface BadgeNode {
  id: string;
  owner: string;
  kind: 'rank' | 'role';
  label: string;
  x: number;
  y: number;
  width: number;
}

export interface OutsiderNode {
  id: string;
  kind: OutsiderKind;
  name: string;
  org: string;
  label: string;
  x: number;
  y: number;
}

export interface ReportingEdge {
  id: string;
  source: string;
  target: string;
  /** Where the connector turns, from the target's top (negative px, Cytoscape's taxi-turn). */
  turn: number;
}

export interface InfluenceEdge {
  id: string;
  source: string;
  target: string;
  kind: LinkKind;
  strength: 'strong' | 'medium' | 'weak';
}

export interface MapBase {
  sizes: LayoutSizes;
  cards: CardNode[];
  boxes: BoxNode[];
  placeholders: PlaceholderNode[];
  outsiders: OutsiderNode[];
  reporting: ReportingEdge[];
  influence: InfluenceEdge[];
  unknown: Map<string, Feature[]>;
  emptyDepartments: string[];
  /** The tree and its boxes, without the outsiders. */
  bounds: Rect;
}

export interface MapDecor {
  /** Rank (1 = most central) of the highlighted influence centres. */
  centres: Map<string, number>;
  badges: BadgeNode[];
  placeholders: PlaceholderNode[];
  boxes: BoxNode[];
  /** Chain members who are not on the map (not an active person of this customer on the day). */
  offMap: number;
  missingRoles: ChainRole[];
}

export const OUTSIDER_SIZE = { width: 164, height: 50, gap: 14 };
export const PLACEHOLDER_SIZE = { width: 188, height: 60 };
export const BADGE_HEIGHT = 20;
const FONT = 13;

/** Rough width of `text` in px at `size` (CJK and full-width characters one em, others 0.6). */
export function textWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\uffff]/.test(ch) ? size : size * 0.6;
  return w;
}

/** `text` shortened with an ellipsis to fit `width` px at `size`. */
export function fit(text: string, width: number, size = FONT): string {
  if (textWidth(text, size) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (textWidth(`${out}${ch}…`, size) > width) break;
    out += ch;
  }
  return `${out}…`;
}

/** Where a connector turns above its report (Cytoscape's taxi-turn): halfway down the gap between two rows of
 * a box, or halfway down the gap above the box of a report in another department. */
export const turnInBox = (sizes: LayoutSizes) => -sizes.rowGap / 2;
export const turnBetweenBoxes = (sizes: LayoutSizes) => -(sizes.boxPadding + sizes.boxLabel + sizes.levelGap / 2);

function badgeWidth(label: string) {
  return Math.ceil(textWidth(label, 12)) + 14;
}

export function buildBase(
  graph: CustomerGraph,
  texts: MapTexts,
  options: { featurePeople?: GraphPerson[]; departmentCounts?: { department: string | null; key_persons: number }[]; sizes?: LayoutSizes } = {},
): MapBase {
  const sizes = options.sizes ?? DEFAULT_SIZES;
  const cw = sizes.cardWidth;
  const deptName = new Map(graph.departments.map((d) => [d.id, d.name]));
  const empty = departmentsWithoutKeyPersons(graph.departments, graph.people, options.departmentCounts);
  const extras = empty.map((d) => ({ id: `gap:dept:${d.id}`, department: d.id }));
  const layout = layoutMap(graph.people, graph.reporting, graph.departments, extras, sizes);

  // The unknown features are toward us: the graph's own degrees unless it was asked toward a competitor.
  const featurePeople = options.featurePeople ?? graph.people;
  const unknown = unknownByPerson(featurePeople.filter((p) => layout.positions.has(p.id)), graph.links);
  const cards: CardNode[] = graph.people.map((p) => {
    const pos = layout.positions.get(p.id) ?? { x: 0, y: 0 };
    const dept = p.department ? deptName.get(p.department) ?? null : null;
    const name = fit(p.name, cw - 20, 14);
    const detail = fit([p.title, dept].filter(Boolean).join(' · '), cw - 20);
    const count = unknown.get(p.id)?.length ?? 0;
    return {
      id: p.id, name, detail, label: detail ? `${name}\n${detail}` : name, icons: stripIcons(p), unknown: count, gapIcon: count ? gapImage(count) : null,
      key: p.key, x: pos.x, y: pos.y,
    };
  });
  const boxes: BoxNode[] = layout.blocks.map((b) => ({
    id: `box:${b.id}`,
    label: b.department ? deptName.get(b.department) ?? texts.noDepartment : texts.noDepartment,
    kind: 'department' as const,
    x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2,
  }));
  const placeholders: PlaceholderNode[] = extras.map((e) => ({ id: e.id, label: texts.noKeyPerson, gap: 'department' as const, ...(layout.positions.get(e.id) ?? { x: 0, y: 0 }) }));

  const blockOf = layout.blockOf;
  const reporting: ReportingEdge[] = graph.reporting
    .filter((l) => layout.positions.has(l.person) && layout.positions.has(l.manager) && l.person !== l.manager)
    .map((l) => ({
      id: l.id,
      source: l.manager,
      target: l.person,
      turn: blockOf.get(l.person) === blockOf.get(l.manager) ? turnInBox(sizes) : turnBetweenBoxes(sizes),
    }));

  // Outsiders: one grid per side, ours left of the tree, competitors' and others' right of it.
  const inMap = new Set(graph.people.map((p) => p.id));
  const outsiderKind = new Map<string, OutsiderKind>();
  for (const o of graph.outsiders) outsiderKind.set(o.id, o.kind === 'ours' ? 'ours' : o.kind === 'competitor' ? 'competitor' : 'other');
  const influence: InfluenceEdge[] = [];
  const linked = new Set<string>();
  for (const link of graph.links) {
    if (link.from === link.to) continue;
    const fromIn = inMap.has(link.from);
    const toIn = inMap.has(link.to);
    if (!(fromIn || outsiderKind.has(link.from)) || !(toIn || outsiderKind.has(link.to))) continue;
    if (!fromIn && !toIn) continue;
    const kind: LinkKind = fromIn && toIn ? 'internal' : outsiderKind.get(fromIn ? link.to : link.from)!;
    if (!fromIn) linked.add(link.from);
    if (!toIn) linked.add(link.to);
    influence.push({ id: link.id, source: link.from, target: link.to, kind, strength: link.strength in STRENGTH_LOOK ? link.strength : 'weak' });
  }
  const outsiders: OutsiderNode[] = [];
  const bounds = layout.bounds;
  const seen = new Set<string>();
  const sides: Record<OutsiderKind, typeof graph.outsiders> = { ours: [], competitor: [], other: [] };
  for (const o of graph.outsiders) {
    if (seen.has(o.id) || !linked.has(o.id)) continue;
    seen.add(o.id);
    sides[outsiderKind.get(o.id)!].push(o);
  }
  const rows = 10;
  const pad = sizes.boxPadding;
  let rightEdge = bounds.x2 + sizes.blockGap * 2;
  for (const kind of ['ours', 'competitor', 'other'] as const) {
    const list = sides[kind];
    if (!list.length) continue;
    const columns = Math.ceil(list.length / rows);
    const gridWidth = columns * OUTSIDER_SIZE.width + (columns - 1) * OUTSIDER_SIZE.gap;
    const x1 = kind === 'ours' ? bounds.x1 - sizes.blockGap * 2 - gridWidth - 2 * pad : rightEdge;
    const grid = gridLayout(list.map((o) => o.id), { x: x1 + pad, y: bounds.y1 + pad + sizes.boxLabel }, columns, OUTSIDER_SIZE);
    for (const o of list) {
      const pos = grid.positions.get(o.id)!;
      const name = fit(o.name, OUTSIDER_SIZE.width - 16);
      const org = fit(o.org_name, OUTSIDER_SIZE.width - 16);
      outsiders.push({ id: o.id, kind, name, org, label: `${name}\n${org}`, x: pos.x, y: pos.y });
    }
    const box = { id: `box:${kind}`, label: texts.outsiders(kind), kind, x1, y1: bounds.y1, x2: x1 + grid.width + 2 * pad, y2: bounds.y1 + pad + sizes.boxLabel + grid.height + pad };
    boxes.push(box);
    if (kind !== 'ours') rightEdge = box.x2 + sizes.blockGap;
  }

  return { sizes, cards, boxes, placeholders, outsiders, reporting, influence, unknown, emptyDepartments: empty.map((d) => d.id), bounds };
}

export interface CentreRank {
  person: string;
  rank: number;
}

/** Badges and placeholders of the `top` influence centres and of the chosen opportunity's chain. */
export function buildDecor(base: MapBase, texts: MapTexts, centres: CentreRank[] | undefined, top: number, chain: ChainFigure | undefined): MapDecor {
  const { cardWidth: cw, cardHeight: ch } = base.sizes;
  const at = new Map(base.cards.map((c) => [c.id, c]));
  const ranks = new Map<string, number>();
  const badges: BadgeNode[] = [];
  for (const centre of (centres ?? []).filter((c) => at.has(c.person)).slice(0, top)) {
    const rank = ranks.size + 1;
    ranks.set(centre.person, rank);
    const card = at.get(centre.person)!;
    const label = texts.rank(rank);
    const width = badgeWidth(label);
    badges.push({ id: `badge:rank:${card.id}`, owner: card.id, kind: 'rank', label, width, x: card.x - cw / 2 + width / 2 + 6, y: card.y - ch / 2 });
  }
  let offMap = 0;
  const roles = new Map<string, ChainRole[]>();
  for (const member of chain?.members ?? []) {
    if (!at.has(member.person)) {
      offMap++;
      continue;
    }
    const list = roles.get(member.person) ?? [];
    if (!list.includes(member.role)) list.push(member.role);
    roles.set(member.person, list);
  }
  for (const [person, list] of roles) {
    const card = at.get(person)!;
    const label = list.map((r) => texts.role(r)).join(' · ');
    const width = badgeWidth(label);
    badges.push({ id: `badge:role:${person}`, owner: person, kind: 'role', label, width, x: card.x + cw / 2 - width / 2 - 6, y: card.y - ch / 2 });
  }
  const missingRoles = chain?.missing_roles ?? [];
  const placeholders: PlaceholderNode[] = [];
  const boxes: BoxNode[] = [];
  if (missingRoles.length) {
    const { boxPadding: pad, boxLabel, levelGap } = base.sizes;
    const cell = { ...PLACEHOLDER_SIZE, gap: base.sizes.siblingGap };
    const columns = Math.min(missingRoles.length, 6);
    const ids = missingRoles.map((r) => `gap:role:${r}`);
    const probe = gridLayout(ids, { x: 0, y: 0 }, columns, cell);
    const y1 = base.bounds.y1 - levelGap - (pad + boxLabel + probe.height + pad);
    const x1 = base.bounds.x1;
    const grid = gridLayout(ids, { x: x1 + pad, y: y1 + pad + boxLabel }, columns, cell);
    missingRoles.forEach((role, i) => placeholders.push({ id: ids[i], label: texts.missingRole(role), gap: 'role', ...grid.positions.get(ids[i])! }));
    boxes.push({ id: 'box:chain', label: texts.chainGaps, kind: 'chain', x1, y1, x2: x1 + pad * 2 + grid.width, y2: y1 + pad * 2 + boxLabel + grid.height });
  }
  return { centres: ranks, badges, placeholders, boxes, offMap, missingRoles };
}
