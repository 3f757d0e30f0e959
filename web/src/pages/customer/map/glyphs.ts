// The small pictures of a card, as SVG without text (so they need no translation and stay sharp): the three
// degrees (closeness a circle, solution a rounded square, price a diamond, each filled with the attitude's
// colour and marked + / ++ / 0 / − / −−; unknown hollow and dashed), the two votes (veto an octagon, approval
// a circle with a tick: filled when yes, hollow when no, dashed when unknown) and importance (three bars).
// Each icon is one small image shared by every card that shows it.
import { ATTITUDES, DIMENSIONS, YES_NO, type Attitude, type YesNo } from '../../../api/types';
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

/** How much finer than its size an icon is drawn, so that it stays sharp up to the map's largest zoom. */
const RASTER_SCALE = 3;

/**
 * An image address for the canvas and the legend. In a browser a PNG drawn from the icon's SVG (drawBody) at
 * three times its size, behind a short blob: address: each SVG image is a document of its own that costs the
 * browser milliseconds to make, where a small PNG decodes in microseconds, and Cytoscape hashes every card's
 * image addresses (data: addresses are long). Elsewhere (jsdom) the SVG as a data: address.
 */
function canvasUri(width: number, height: number, body: string): string {
  try {
    const png = rasterPng(width, height, body);
    if (png) {
      const uri = URL.createObjectURL(png);
      const image = new Image();
      image.src = uri;
      const decoding = typeof image.decode === 'function' ? image.decode().catch(() => undefined) : Promise.resolve();
      pending.set(uri, decoding.then(() => decoded.add(uri)));
      kept.push(image);
      return uri;
    }
  } catch {
    // no 2D canvas: the SVG itself
  }
  return svgUri(width, height, body);
}

/** The icons' images while and after they decode (kept, so that the browser keeps them decoded). */
const pending = new Map<string, Promise<unknown>>();
const kept: HTMLImageElement[] = [];
const decoded = new Set<string>();

/** Whether every image of `uris` is decoded: Cytoscape then draws them in its first frame, where an image still
 * loading is drawn a frame later, after restyling every card that shows it twice. */
export function iconsDecoded(uris: Iterable<string>): boolean {
  for (const uri of uris) if (pending.has(uri) && !decoded.has(uri)) return false;
  return true;
}

/** Resolves once every image of `uris` is decoded (at once for those that need no decoding). */
export async function decodeIcons(uris: Iterable<string>): Promise<void> {
  await Promise.all([...uris].map((uri) => pending.get(uri)));
}

function rasterPng(width: number, height: number, body: string): Blob | null {
  // jsdom has no canvas (and says so on the console): a browser has OffscreenCanvas too.
  if (typeof document === 'undefined' || typeof OffscreenCanvas === 'undefined' || typeof atob !== 'function') return null;
  const canvas = document.createElement('canvas');
  canvas.width = width * RASTER_SCALE;
  canvas.height = height * RASTER_SCALE;
  const g = canvas.getContext('2d');
  if (!g) return null;
  g.scale(RASTER_SCALE, RASTER_SCALE);
  drawBody(g, body);
  const data = atob(canvas.toDataURL('image/png').split(',')[1]);
  const bytes = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) bytes[i] = data.charCodeAt(i);
  return new Blob([bytes], { type: 'image/png' });
}

type Paint = Pick<CanvasRenderingContext2D, 'beginPath' | 'moveTo' | 'lineTo' | 'arc' | 'arcTo' | 'closePath' | 'fill' | 'stroke' | 'setLineDash' | 'fillText'> & {
  fillStyle: string | CanvasGradient | CanvasPattern;
  strokeStyle: string | CanvasGradient | CanvasPattern;
  lineWidth: number;
  lineCap: CanvasLineCap;
  lineJoin: CanvasLineJoin;
  font: string;
  textAlign: CanvasTextAlign;
};

/** The shapes an icon's SVG is made of here, with their attributes and a text's content, in drawing order. */
export function svgShapes(body: string): { tag: string; attrs: Record<string, string>; text: string }[] {
  const shapes: { tag: string; attrs: Record<string, string>; text: string }[] = [];
  const element = /<(circle|rect|polygon|polyline|line|text)\b([^>]*?)(?:\/>|>([^<]*)<\/text>)/g;
  for (let m = element.exec(body); m; m = element.exec(body)) {
    const attrs: Record<string, string> = {};
    for (const a of m[2].matchAll(/([\w-]+)="([^"]*)"/g)) attrs[a[1]] = a[2];
    shapes.push({ tag: m[1], attrs, text: m[3] ?? '' });
  }
  return shapes;
}

/**
 * Draws an icon's SVG body (as this module writes them: circles, rounded rectangles, polygons, lines,
 * polylines and a text, filled then stroked as SVG paints them) on a 2D canvas.
 */
export function drawBody(g: Paint, body: string): void {
  for (const { tag, attrs, text } of svgShapes(body)) {
    const n = (name: string, fallback = 0) => (attrs[name] === undefined ? fallback : Number(attrs[name]));
    const points = (attrs.points ?? '').trim().split(/\s+/).filter(Boolean).map((p) => p.split(',').map(Number));
    g.beginPath();
    if (tag === 'circle') g.arc(n('cx'), n('cy'), n('r'), 0, Math.PI * 2);
    else if (tag === 'rect') {
      const [x, y, w, h] = [n('x'), n('y'), n('width'), n('height')];
      const r = Math.min(n('rx'), w / 2, h / 2);
      g.moveTo(x + r, y);
      g.arcTo(x + w, y, x + w, y + h, r);
      g.arcTo(x + w, y + h, x, y + h, r);
      g.arcTo(x, y + h, x, y, r);
      g.arcTo(x, y, x + w, y, r);
      g.closePath();
    } else if (tag === 'line') {
      g.moveTo(n('x1'), n('y1'));
      g.lineTo(n('x2'), n('y2'));
    } else if (tag === 'polygon' || tag === 'polyline') {
      points.forEach(([x, y], i) => (i ? g.lineTo(x, y) : g.moveTo(x, y)));
      if (tag === 'polygon') g.closePath();
    }
    const fill = attrs.fill ?? '#000000';
    if (tag === 'text') {
      g.font = `${attrs['font-weight'] ?? 'normal'} ${n('font-size', 16)}px ${attrs['font-family'] ?? 'sans-serif'}`;
      g.textAlign = attrs['text-anchor'] === 'middle' ? 'center' : attrs['text-anchor'] === 'end' ? 'right' : 'left';
      g.fillStyle = fill;
      g.fillText(text, n('x'), n('y'));
      continue;
    }
    if (tag !== 'line' && fill !== 'none') {
      g.fillStyle = fill;
      g.fill();
    }
    if (attrs.stroke && attrs.stroke !== 'none') {
      g.strokeStyle = attrs.stroke;
      g.lineWidth = n('stroke-width', 1);
      g.lineCap = (attrs['stroke-linecap'] as CanvasLineCap | undefined) ?? 'butt';
      g.lineJoin = (attrs['stroke-linejoin'] as CanvasLineJoin | undefined) ?? 'miter';
      g.setLineDash(attrs['stroke-dasharray'] ? attrs['stroke-dasharray'].split(/[\s,]+/).map(Number) : []);
      g.stroke();
    }
  }
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
  return [
    degreeImage('closeness', p.closeness),
    degreeImage('solution', p.solution),
    degreeImage('price', p.price),
    voteImage('veto', p.veto),
    voteImage('approve', p.approve),
    importanceImage(p.importance),
  ];
}

/** The icon of a degree's attitude, a vote or importance, as the cards show it (for the legend). */
export function degreeImage(degree: Degree, attitude: Attitude): string {
  return cached(`${degree}:${attitude}`, () => degreeIcon(degree, attitude, ICON_SIZE / 2, ICON_SIZE / 2));
}
export function voteImage(kind: 'veto' | 'approve', value: YesNo): string {
  return cached(`${kind}:${value}`, () => voteIcon(kind, value, ICON_SIZE / 2, ICON_SIZE / 2));
}
export function importanceImage(importance: string): string {
  return cached(`importance:${LEVEL[importance] ?? 0}`, () => importanceIcon(importance, 1, ICON_SIZE / 2));
}

/**
 * Draws every icon a card can show (and the gap icons), each once, so that a map built later finds them ready
 * and decoded: the customer page calls it while it waits for the map's data (some 35 small images, about a
 * tenth of a second on two cores that would otherwise come between the data and the map).
 */
export function warmIcons(): void {
  for (const degree of DIMENSIONS) for (const a of ATTITUDES) degreeImage(degree, a);
  for (const kind of ['veto', 'approve'] as const) for (const v of YES_NO) voteImage(kind, v);
  for (const level of ['high', 'medium', 'low', 'unknown']) importanceImage(level);
  for (let count = 1; count <= 7; count++) gapImage(count);
}
