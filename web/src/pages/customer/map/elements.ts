// The map model as Cytoscape elements and styles. Overlays are switched by a `hidden` class on the elements
// they own, so switching one does not rebuild the map.
import type cytoscape from 'cytoscape';
import { BADGE_HEIGHT, CENTRE_COLOR, GAP_COLOR, LINK_COLOR, LINK_KINDS, OUTSIDER_SIZE, PLACEHOLDER_SIZE, ROLE_COLOR, STRENGTH_LOOK, turnBetweenBoxes, turnInBox, type LinkKind, type MapBase, type MapDecor } from './model';
import type { LayoutSizes } from './layout';
import { GAP_ICON, ICON_LEFT, ICON_SIZE, STRIP } from './glyphs';

export interface Overlays extends Record<LinkKind, boolean> {
  centres: boolean;
  gaps: boolean;
}

type Def = cytoscape.ElementDefinition;

const boxDef = (b: MapBase['boxes'][number], extra = ''): Def => ({
  group: 'nodes',
  data: { id: b.id, label: b.label, width: b.x2 - b.x1, height: b.y2 - b.y1 },
  position: { x: (b.x1 + b.x2) / 2, y: (b.y1 + b.y2) / 2 },
  classes: `box box-${b.kind}${extra}`,
  grabbable: false,
  selectable: false,
});

const badgeDef = (b: MapDecor['badges'][number]): Def => ({
  group: 'nodes',
  data: { id: b.id, label: b.label, width: b.width, owner: b.owner },
  position: { x: b.x, y: b.y },
  classes: `badge badge-${b.kind} decor${b.kind === 'rank' ? ' centre-badge' : ''}`,
  grabbable: false,
  selectable: false,
});

const placeholderDef = (p: MapBase['placeholders'][number], decor = false): Def => ({
  group: 'nodes',
  data: { id: p.id, label: p.label, gap: p.gap },
  position: { x: p.x, y: p.y },
  classes: `placeholder gap${decor ? ' decor' : ''}`,
  grabbable: false,
});

/** The influence links of `kind` with the outsiders they come from and their box. */
function linkElements(base: MapBase, kind: LinkKind): Def[] {
  const defs: Def[] = [];
  if (kind !== 'internal') {
    for (const b of base.boxes) if (b.kind === kind) defs.push(boxDef(b));
    for (const o of base.outsiders) {
      if (o.kind === kind) defs.push({ group: 'nodes', data: { id: o.id, label: o.label }, position: { x: o.x, y: o.y }, classes: `outsider outsider-${o.kind}`, grabbable: false });
    }
  }
  for (const e of base.influence) {
    if (e.kind !== kind) continue;
    const look = STRENGTH_LOOK[e.strength];
    defs.push({ group: 'edges', data: { id: e.id, source: e.source, target: e.target, width: look.width, lineStyle: look.style }, classes: `inf inf-${e.kind}` });
  }
  return defs;
}

/**
 * Every element of the map without the decorations, nodes first, with the classes `overlays` and `decor` give
 * them (a card among the ranked centres is `ranked`, and `centre` while the centres are shown). The links of a
 * kind switched off are left out altogether (a map of 1,000 persons has thousands), and added when it is
 * switched on.
 */
export function baseElements(base: MapBase, overlays: Overlays, decor?: MapDecor): Def[] {
  const nodes: Def[] = [];
  const edges: Def[] = [];
  for (const b of base.boxes) if (b.kind === 'department') nodes.push(boxDef(b));
  const ranked = decor?.centres;
  for (const c of base.cards) {
    const data = c.unknown ? { id: c.id, label: c.label, icons: c.icons, gapIcons: [...c.icons, c.gapIcon], unknown: c.unknown } : { id: c.id, label: c.label, icons: c.icons, unknown: 0 };
    let classes = c.key ? 'card key' : 'card';
    if (c.unknown && overlays.gaps) classes += ' gapped';
    if (ranked?.has(c.id)) classes += overlays.centres ? ' ranked centre' : ' ranked';
    nodes.push({ group: 'nodes', data, position: { x: c.x, y: c.y }, classes });
  }
  const hideGaps = overlays.gaps ? '' : ' hidden';
  for (const p of base.placeholders) {
    const def = placeholderDef(p);
    nodes.push({ ...def, classes: `${def.classes}${hideGaps}` });
  }
  const inBox = turnInBox(base.sizes);
  for (const e of base.reporting) edges.push({ group: 'edges', data: { id: e.id, source: e.source, target: e.target, turn: e.turn }, classes: e.turn === inBox ? 'reporting' : 'reporting cross' });
  for (const kind of LINK_KINDS) {
    if (!overlays[kind]) continue;
    for (const d of linkElements(base, kind)) (d.group === 'edges' ? edges : nodes).push(d);
  }
  return [...nodes, ...edges];
}

/** The decorations: rank and role badges, the missing roles' box and placeholders (rank badges hidden while
 * the centres are switched off). */
export function decorElements(decor: MapDecor, overlays?: Overlays): Def[] {
  const hideRanks = overlays && !overlays.centres;
  return [
    ...decor.boxes.map((b) => boxDef(b, ' decor')),
    ...decor.placeholders.map((p) => placeholderDef(p, true)),
    ...decor.badges.map((b) => {
      const def = badgeDef(b);
      return hideRanks && b.kind === 'rank' ? { ...def, classes: `${def.classes} hidden` } : def;
    }),
  ];
}

/** Every element of the map, decorations included, nodes before edges: what a new map is drawn with at once. */
export function mapElements(base: MapBase, decor: MapDecor, overlays: Overlays): Def[] {
  const all = baseElements(base, overlays, decor);
  const firstEdge = all.findIndex((d) => d.group === 'edges');
  const decorations = decorElements(decor, overlays);
  return firstEdge < 0 ? [...all, ...decorations] : [...all.slice(0, firstEdge), ...decorations, ...all.slice(firstEdge)];
}

/** Sets `cls` on the elements of `eles` that should have it and removes it from the others, touching only
 * those whose class changes (Cytoscape restyles every element toggleClass is called on, changed or not). */
function setClass(eles: cytoscape.NodeCollection, cls: string, on: (node: cytoscape.NodeSingular) => boolean) {
  const wrong = eles.filter((e) => e.hasClass(cls) !== on(e));
  if (wrong.empty()) return;
  const add = wrong.filter((e) => !e.hasClass(cls));
  add.addClass(cls);
  wrong.difference(add).removeClass(cls);
}

/** Adds or removes the links of each kind, and shows or hides the gaps and the centres, in one batch; only the
 * elements whose state changes are touched. */
export function applyOverlays(cy: cytoscape.Core, base: MapBase, overlays: Overlays) {
  cy.batch(() => {
    for (const kind of LINK_KINDS) {
      const present = cy.elements(`.inf-${kind}, .outsider-${kind}, .box-${kind}`);
      if (!overlays[kind]) present.remove();
      else if (present.empty()) cy.add(linkElements(base, kind));
    }
    setClass(cy.nodes('.gap'), 'hidden', () => !overlays.gaps);
    setClass(cy.nodes('.card').filter((n) => n.data('unknown') > 0), 'gapped', () => overlays.gaps);
    setClass(cy.nodes('.centre-badge'), 'hidden', () => !overlays.centres);
    setClass(cy.nodes('.card.ranked'), 'centre', () => overlays.centres);
  });
}

/** Swaps the decorations for `decor` and marks the ranked cards (only the cards whose rank comes or goes). */
export function applyDecor(cy: cytoscape.Core, base: MapBase, decor: MapDecor, overlays: Overlays) {
  cy.batch(() => {
    cy.elements('.decor').remove();
    cy.add(decorElements(decor, overlays));
    const was = cy.nodes('.card.ranked');
    was.filter((n) => !decor.centres.has(n.id())).removeClass('ranked centre');
    const now = cy.collection();
    for (const id of decor.centres.keys()) {
      const card = cy.getElementById(id);
      if (!card.empty() && !card.hasClass('ranked')) now.merge(card);
    }
    now.addClass(overlays.centres ? 'ranked centre' : 'ranked');
  });
  applyOverlays(cy, base, overlays);
}

const FONT_FAMILY = '-apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Helvetica Neue", Arial, sans-serif';

/**
 * The stylesheet; `large` maps hide small text sooner while zoomed out. Cytoscape applies every property a
 * selector sets to every element it matches, and a map of 1,000 cards spends most of its first draw doing so:
 * properties at their default values are left out, and values are static where they can be (two classes of
 * connectors rather than a turn read from each edge's data).
 */
export function mapStyle(large: boolean, sizes: LayoutSizes): cytoscape.StylesheetJson {
  const hideBelow = large ? 9 : 6;
  const strip = (extra: number[] = []) => [...ICON_LEFT, ...extra].map((left) => `${Math.round((sizes.cardWidth - STRIP.width) / 2 + left)}px`).join(' ');
  const repeat = (value: string, n: number) => Array.from({ length: n }, () => value).join(' ');
  const sheet: cytoscape.StylesheetJson = [
    {
      selector: 'node',
      style: { 'font-family': FONT_FAMILY, 'font-size': 13, 'min-zoomed-font-size': hideBelow, color: '#1f1f1f', 'text-wrap': 'wrap' },
    },
    {
      selector: '.box',
      style: {
        shape: 'round-rectangle',
        width: 'data(width)',
        height: 'data(height)',
        'background-color': '#f0f5ff',
        'background-opacity': 0.7,
        'border-width': 1,
        'border-color': '#adc6ff',
        label: 'data(label)',
        'text-margin-y': 26,
        'font-size': 14,
        'font-weight': 600,
        color: '#1d39c4',
        events: 'no',
      },
    },
    { selector: '.box-ours', style: { 'background-color': '#e6f4ff', 'border-color': LINK_COLOR.ours, color: LINK_COLOR.ours } },
    { selector: '.box-competitor', style: { 'background-color': '#fff2e8', 'border-color': LINK_COLOR.competitor, color: LINK_COLOR.competitor } },
    { selector: '.box-other', style: { 'background-color': '#e6fffb', 'border-color': LINK_COLOR.other, color: LINK_COLOR.other } },
    { selector: '.box-chain', style: { 'background-color': '#fff7e6', 'border-color': GAP_COLOR, 'border-style': 'dashed', color: GAP_COLOR } },
    {
      selector: '.card',
      style: {
        shape: 'round-rectangle',
        width: sizes.cardWidth,
        height: sizes.cardHeight,
        'background-color': '#ffffff',
        'border-width': 1,
        'border-color': '#bfbfbf',
        label: 'data(label)',
        'text-valign': 'center',
        'text-margin-y': -13,
        'text-max-width': `${sizes.cardWidth - 12}px`,
        'line-height': 1.35,
        color: '#595959',
        // The six icons of the strip, centred at the bottom of the card.
        'background-image': 'data(icons)',
        'background-width': repeat(`${ICON_SIZE}px`, ICON_LEFT.length),
        'background-height': repeat(`${ICON_SIZE}px`, ICON_LEFT.length),
        'background-position-x': strip(),
        'background-position-y': repeat(`${sizes.cardHeight - 9 - ICON_SIZE}px`, ICON_LEFT.length),
        'background-clip': 'none',
        'background-image-containment': 'over',
        'z-index': 10,
      },
    },
    {
      // A key person with unknown features: a seventh icon, "?" and their number.
      selector: '.card.gapped',
      style: {
        'background-image': 'data(gapIcons)',
        'background-width': `${repeat(`${ICON_SIZE}px`, ICON_LEFT.length)} ${GAP_ICON.width}px`,
        'background-height': repeat(`${ICON_SIZE}px`, ICON_LEFT.length + 1),
        'background-position-x': strip([GAP_ICON.left]),
        'background-position-y': repeat(`${sizes.cardHeight - 9 - ICON_SIZE}px`, ICON_LEFT.length + 1),
      },
    },
    { selector: '.card.key', style: { 'border-width': 2, 'border-color': '#434343', color: '#1f1f1f' } },
    { selector: '.card.centre', style: { 'border-width': 4, 'border-color': CENTRE_COLOR, 'background-color': '#fffbe6' } },
    {
      selector: '.outsider',
      style: {
        shape: 'round-rectangle',
        width: OUTSIDER_SIZE.width,
        height: OUTSIDER_SIZE.height,
        'background-color': '#ffffff',
        'border-width': 2,
        label: 'data(label)',
        'text-valign': 'center',
        'text-max-width': `${OUTSIDER_SIZE.width - 10}px`,
        'line-height': 1.3,
        'z-index': 10,
      },
    },
    { selector: '.outsider-ours', style: { 'border-color': LINK_COLOR.ours } },
    { selector: '.outsider-competitor', style: { 'border-color': LINK_COLOR.competitor, shape: 'cut-rectangle' } },
    { selector: '.outsider-other', style: { 'border-color': LINK_COLOR.other, shape: 'rectangle' } },
    {
      selector: '.placeholder',
      style: {
        shape: 'round-rectangle',
        width: PLACEHOLDER_SIZE.width,
        height: PLACEHOLDER_SIZE.height,
        'background-color': '#fff7e6',
        'border-width': 2,
        'border-style': 'dashed',
        'border-color': GAP_COLOR,
        label: 'data(label)',
        'text-valign': 'center',
        'text-max-width': `${PLACEHOLDER_SIZE.width - 12}px`,
        color: GAP_COLOR,
        'font-weight': 600,
        'z-index': 10,
      },
    },
    {
      selector: '.badge',
      style: {
        shape: 'round-rectangle',
        width: 'data(width)',
        height: BADGE_HEIGHT,
        label: 'data(label)',
        'text-valign': 'center',
        'font-size': 12,
        'font-weight': 600,
        color: '#ffffff',
        'z-index': 20,
        'z-compound-depth': 'top',
        events: 'no',
      },
    },
    { selector: '.badge-rank', style: { 'background-color': CENTRE_COLOR } },
    { selector: '.badge-role', style: { 'background-color': ROLE_COLOR } },
    { selector: 'node:selected', style: { 'overlay-color': '#1d4ed8', 'overlay-opacity': 0.2, 'overlay-padding': 6 } },
    { selector: 'node.drop-target', style: { 'overlay-color': '#faad14', 'overlay-opacity': 0.45, 'overlay-padding': 8 } },
    {
      selector: 'edge.reporting',
      style: {
        width: 1.6,
        'line-color': '#8c8c8c',
        'curve-style': 'taxi',
        'taxi-direction': 'downward',
        'taxi-turn': turnInBox(sizes),
        'taxi-turn-min-distance': 4,
        'z-index': 5,
      },
    },
    { selector: 'edge.reporting.cross', style: { 'taxi-turn': turnBetweenBoxes(sizes) } },
    {
      selector: 'edge.inf',
      style: {
        width: 'data(width)',
        'line-style': 'data(lineStyle)' as unknown as 'solid',
        'curve-style': 'bezier',
        'target-arrow-shape': 'triangle',
        opacity: 0.8,
        'z-index': 6,
      },
    },
    ...LINK_KINDS.map((kind) => ({ selector: `edge.inf-${kind}`, style: { 'line-color': LINK_COLOR[kind], 'target-arrow-color': LINK_COLOR[kind] } })),
    // On a large map the links span thousands of pixels: dashes along them cost too much to draw at every
    // frame, so the width alone tells the strength there.
    ...(large ? [{ selector: 'edge.inf', style: { 'line-style': 'solid' as const, 'curve-style': 'straight' as const } }] : []),
    { selector: '.hidden', style: { display: 'none' } },
  ];
  return sheet;
}
