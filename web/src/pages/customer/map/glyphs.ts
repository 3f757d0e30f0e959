// The small pictures of a card, as SVG without text (so they need no translation and stay sharp): the three
// degrees (closeness a circle, solution a rounded square, price a diamond, each filled with the attitude's
// colour and marked + / ++ / 0 / − / −−; unknown hollow and dashed), the two votes (veto an octagon, approval
// a circle with a tick: filled when yes, hollow when no, dashed when unknown) and importance (three bars).
// Each icon is one small image shared by every card that shows it.
import type { Attitude, YesNo } from '../../../api/types';
import { ATTITUDE_COLOR } from '../../../lib/format';

export type Degree = 'closeness' | 'solution' | 'price';
export const VETO_COLOR = '#cf1322';
export const APPROVE_COLOR = '#1d4ed8';
const DARK = '#262626';
const GREY = '#8c8c8c';

export const STRIP = { width: 169, height: 18 };

const MARK_COLOR: Record<Attitude, string> = {
  strong_support: '#ffffff', support: '#135200', neutral: '#ffffff', oppose: '#5c0011', strong_oppose: '#ffffff', unknown: GREY,
};

function mark(attitude: Attitude, cx: number, cy: number): string {
  const c = MARK_COLOR[attitude];
  const line = (x1: number, y1: number, x2: number, y2: number) => `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="${c}" stroke-width="1.8" stroke-linecap="round"/>`;
  switch (attitude) {
    case 'strong_support':
      return line(cx - 5, cy, cx - 1, cy) + line(cx - 3, cy - 2, cx - 3, cy + 2) + line(cx + 1, cy, cx + 5, cy) + line(cx + 3, cy - 2, cx + 3, cy + 2);
    case 'support':
      return line(cx - 3.5, cy, cx + 3.5, cy) + line(cx, cy - 3.5, cx, cy + 3.5);
    case 'neutral':
      return `<circle cx="${cx}" cy="${cy}" r="2" fill="${c}"/>`;
    case 'oppose':
      return line(cx - 3.5, cy, cx + 3.5, cy);
    case 'strong_oppose':
      return line(cx - 4, cy - 1.8, cx + 4, cy - 1.8) + line(cx - 4, cy + 1.8, cx + 4, cy + 1.8);
    default:
      return '';
  }
}

/** One degree's icon, centred on (cx, cy), 16 px. */
export function degreeIcon(degree: Degree, attitude: Attitude, cx: number, cy: number): string {
  const unknown = attitude === 'unknown';
  const paint = `fill="${unknown ? '#ffffff' : ATTITUDE_COLOR[attitude]}" stroke="${unknown ? GREY : DARK}" stroke-width="${unknown ? 1.3 : 0.8}"${unknown ? ' stroke-dasharray="2.2 1.6"' : ''}`;
  const shape =
    degree === 'closeness'
      ? `<circle cx="${cx}" cy="${cy}" r="7.5" ${paint}/>`
      : degree === 'solution'
        ? `<rect x="${cx - 7}" y="${cy - 7}" width="14" height="14" rx="3" ${paint}/>`
        : `<polygon points="${cx},${cy - 8.5} ${cx + 8.5},${cy} ${cx},${cy + 8.5} ${cx - 8.5},${cy}" ${paint}/>`;
  return shape + mark(attitude, cx, cy);
}

/** A vote's icon: veto an octagon, approval a ticked circle; filled yes, hollow no, dashed unknown. */
export function voteIcon(kind: 'veto' | 'approve', value: YesNo, cx: number, cy: number): string {
  const color = kind === 'veto' ? VETO_COLOR : APPROVE_COLOR;
  const fill = value === 'yes' ? color : '#ffffff';
  const stroke = value === 'yes' ? color : GREY;
  const dash = value === 'unknown' ? ' stroke-dasharray="2.2 1.6"' : '';
  const inner = value === 'yes' ? '#ffffff' : value === 'no' ? '#bfbfbf' : 'none';
  if (kind === 'veto') {
    const r = 7.5;
    const pts = Array.from({ length: 8 }, (_, i) => {
      const a = Math.PI / 8 + (i * Math.PI) / 4;
      return `${(cx + r * Math.cos(a)).toFixed(2)},${(cy + r * Math.sin(a)).toFixed(2)}`;
    }).join(' ');
    return `<polygon points="${pts}" fill="${fill}" stroke="${stroke}" stroke-width="1.3"${dash}/>` +
      (inner === 'none' ? '' : `<line x1="${cx - 3.5}" y1="${cy}" x2="${cx + 3.5}" y2="${cy}" stroke="${inner}" stroke-width="2" stroke-linecap="round"/>`);
  }
  return `<circle cx="${cx}" cy="${cy}" r="7.5" fill="${fill}" stroke="${stroke}" stroke-width="1.3"${dash}/>` +
    (inner === 'none' ? '' : `<polyline points="${cx - 3.5},${cy} ${cx - 1},${cy + 3} ${cx + 4},${cy - 3}" fill="none" stroke="${inner}" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/>`);
}

const LEVEL: Record<string, number> = { high: 3, medium: 2, low: 1 };

/** Importance as three rising bars, as many filled as the level; all dashed when unknown. */
export function importanceIcon(importance: string, x: number, cy: number): string {
  const level = LEVEL[importance] ?? 0;
  return [0, 1, 2]
    .map((i) => {
      const h = 6 + i * 4;
      const filled = i < level;
      const style = level === 0 ? `fill="#ffffff" stroke="${GREY}" stroke-width="1" stroke-dasharray="2 1.5"` : `fill="${filled ? DARK : '#ffffff'}" stroke="${filled ? DARK : '#bfbfbf'}" stroke-width="1"`;
      return `<rect x="${x + i * 6}" y="${cy + 7 - h}" width="4" height="${h}" ${style}/>`;
    })
    .join('');
}

export interface StripPerson {
  closeness: Attitude;
  solution: Attitude;
  price: Attitude;
  veto: YesNo;
  approve: YesNo;
  importance: string;
}

/** The inner SVG of a card's strip, 169×18 with its top-left corner at (x, y); `unknown` features add their icon. */
export function stripBody(p: StripPerson, x = 0, y = 0, unknown = 0): string {
  const cy = y + 9;
  const [c, s, pr, v, a, i] = ICON_LEFT.map((left) => x + left + 9);
  return (
    degreeIcon('closeness', p.closeness, c, cy) +
    degreeIcon('solution', p.solution, s, cy) +
    degreeIcon('price', p.price, pr, cy) +
    voteIcon('veto', p.veto, v, cy) +
    voteIcon('approve', p.approve, a, cy) +
    importanceIcon(p.importance, i - 8, cy) +
    (unknown > 0 ? gapIcon(unknown, x + GAP_ICON.left, y) : '')
  );
}

const svgText = (width: number, height: number, body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${body}</svg>`;
const svgUri = (width: number, height: number, body: string) => `data:image/svg+xml;utf8,${encodeURIComponent(svgText(width, height, body))}`;

/**
 * An image address for the canvas: a short blob: address where the browser has them (Cytoscape parses every
 * card's image addresses, and data: addresses are long), a data: address elsewhere.
 */
function canvasUri(width: number, height: number, body: string): string {
  if (typeof URL !== 'undefined' && typeof URL.createObjectURL === 'function' && typeof Blob !== 'undefined') {
    try {
      return URL.createObjectURL(new Blob([svgText(width, height, body)], { type: 'image/svg+xml' }));
    } catch {
      // jsdom and old browsers: fall through
    }
  }
  return svgUri(width, height, body);
}

export const GAP_ICON = { left: 143, width: 26 };
export const GAP_ORANGE = '#d46b08';

/** The unknown features of a key person: "?" and their number, orange and dashed, 26×18 from (x, y). */
export function gapIcon(count: number, x: number, y: number): string {
  return `<rect x="${x + 1}" y="${y + 1}" width="${GAP_ICON.width - 2}" height="16" rx="4" fill="#fff7e6" stroke="${GAP_ORANGE}" stroke-width="1.3" stroke-dasharray="2.5 1.5"/>` +
    `<text x="${x + GAP_ICON.width / 2}" y="${y + 13.5}" text-anchor="middle" font-family="Arial, sans-serif" font-size="12" font-weight="700" fill="${GAP_ORANGE}">?${count}</text>`;
}

/** Where each of the six icons of a strip sits: its left edge within the strip (each is 18 px square). */
export const ICON_LEFT = [0, 20, 41, 73, 92, 117];
export const ICON_SIZE = 18;

const cache = new Map<string, string>();
const cached = (key: string, body: () => string, width = ICON_SIZE) => {
  let uri = cache.get(key);
  if (!uri) {
    uri = canvasUri(width, ICON_SIZE, body());
    cache.set(key, uri);
  }
  return uri;
};

/** The unknown-features icon of `count` (1 to 7) as an image address for the canvas. */
export function gapImage(count: number): string {
  return cached(`gap:${count}`, () => gapIcon(count, 0, 0), GAP_ICON.width);
}

/**
 * The strip's six icons as image addresses, in the order of ICON_LEFT: the three degrees, the two votes,
 * importance. At most 28 different ones (and seven of gapImage), so a map of 1,000 cards decodes a few small images.
 */
export function stripIcons(p: StripPerson): string[] {
  const c = ICON_SIZE / 2;
  return [
    ...(['closeness', 'solution', 'price'] as const).map((d) => cached(`${d}:${p[d]}`, () => degreeIcon(d, p[d], c, c))),
    cached(`veto:${p.veto}`, () => voteIcon('veto', p.veto, c, c)),
    cached(`approve:${p.approve}`, () => voteIcon('approve', p.approve, c, c)),
    cached(`importance:${p.importance}`, () => importanceIcon(p.importance, 1, c)),
  ];
}

/** A single icon as an image address, for the legend. */
export function iconImage(body: string, size = ICON_SIZE): string {
  return svgUri(size, size, body);
}
