// The whole map as one SVG document, drawn from the same model as the canvas (not a screenshot): boxes,
// orthogonal reporting connectors, the influence links that are switched on, cards with their strips,
// outsiders, placeholders and badges. Vector, so it prints and zooms sharply.
import { stripBody, STRIP } from './glyphs';
import type { Overlays } from './elements';
import { BADGE_HEIGHT, CENTRE_COLOR, GAP_COLOR, LINK_COLOR, OUTSIDER_SIZE, PLACEHOLDER_SIZE, ROLE_COLOR, STRENGTH_LOOK, type BoxNode, type MapBase, type MapDecor, type Rect } from './model';
import type { GraphPerson } from '../api';

const FONT = '-apple-system, &quot;PingFang SC&quot;, &quot;Microsoft YaHei&quot;, &quot;Noto Sans CJK SC&quot;, Arial, sans-serif';

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const BOX_LOOK: Record<BoxNode['kind'], { fill: string; stroke: string; text: string; dash?: string }> = {
  department: { fill: '#f0f5ff', stroke: '#adc6ff', text: '#1d39c4' },
  ours: { fill: '#e6f4ff', stroke: LINK_COLOR.ours, text: LINK_COLOR.ours },
  competitor: { fill: '#fff2e8', stroke: LINK_COLOR.competitor, text: LINK_COLOR.competitor },
  other: { fill: '#e6fffb', stroke: LINK_COLOR.other, text: LINK_COLOR.other },
  chain: { fill: '#fff7e6', stroke: GAP_COLOR, text: GAP_COLOR, dash: '6 4' },
};

/** Where the segment from the centre of `from` to the centre of a `w`×`h` box at `to` leaves that box. */
export function clipToBox(from: { x: number; y: number }, to: { x: number; y: number }, w: number, h: number) {
  const dx = from.x - to.x;
  const dy = from.y - to.y;
  if (dx === 0 && dy === 0) return to;
  const scale = Math.min(dx === 0 ? Infinity : w / 2 / Math.abs(dx), dy === 0 ? Infinity : h / 2 / Math.abs(dy));
  return { x: to.x + dx * Math.min(scale, 1), y: to.y + dy * Math.min(scale, 1) };
}

export interface SvgOptions {
  title?: string;
  subtitle?: string;
}

/**
 * The SVG text of the map: `people` gives each card's strip values (the same as the canvas), `overlays`
 * which links, gaps and centres are shown.
 */
export function mapSvg(base: MapBase, decor: MapDecor, overlays: Overlays, people: GraphPerson[], options: SvgOptions = {}): string {
  const { cardWidth: cw, cardHeight: ch } = base.sizes;
  const visibleBox = (b: BoxNode) => b.kind === 'department' || b.kind === 'chain' || overlays[b.kind];
  const boxes = [...base.boxes, ...decor.boxes].filter(visibleBox);
  const outsiders = base.outsiders.filter((o) => overlays[o.kind]);
  const placeholders = overlays.gaps ? [...base.placeholders, ...decor.placeholders] : decor.placeholders;
  const badges = decor.badges.filter((b) => b.kind !== 'rank' || overlays.centres);

  const area: Rect = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
  const grow = (x1: number, y1: number, x2: number, y2: number) => {
    area.x1 = Math.min(area.x1, x1);
    area.y1 = Math.min(area.y1, y1);
    area.x2 = Math.max(area.x2, x2);
    area.y2 = Math.max(area.y2, y2);
  };
  for (const b of boxes) grow(b.x1, b.y1, b.x2, b.y2);
  for (const c of base.cards) grow(c.x - cw / 2, c.y - ch / 2, c.x + cw / 2, c.y + ch / 2);
  if (!Number.isFinite(area.x1)) Object.assign(area, { x1: 0, y1: 0, x2: 400, y2: 200 });
  const margin = 24;
  const header = options.title ? 56 : 0;
  const x0 = area.x1 - margin;
  const y0 = area.y1 - margin - header;
  const width = Math.ceil(area.x2 - area.x1 + 2 * margin);
  const height = Math.ceil(area.y2 - area.y1 + 2 * margin + header);

  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${x0} ${y0} ${width} ${height}" font-family="${FONT}">`);
  out.push('<defs>');
  for (const [kind, color] of Object.entries(LINK_COLOR)) {
    out.push(`<marker id="arrow-${kind}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="5" markerHeight="5" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${color}"/></marker>`);
  }
  out.push('</defs>');
  out.push(`<rect x="${x0}" y="${y0}" width="${width}" height="${height}" fill="#ffffff"/>`);
  if (options.title) {
    out.push(`<text x="${area.x1}" y="${y0 + margin + 20}" font-size="22" font-weight="600" fill="#1f1f1f">${escapeXml(options.title)}</text>`);
    if (options.subtitle) out.push(`<text x="${area.x1}" y="${y0 + margin + 42}" font-size="14" fill="#595959">${escapeXml(options.subtitle)}</text>`);
  }
  for (const b of boxes) {
    const look = BOX_LOOK[b.kind];
    out.push(`<rect x="${b.x1}" y="${b.y1}" width="${b.x2 - b.x1}" height="${b.y2 - b.y1}" rx="8" fill="${look.fill}" fill-opacity="0.7" stroke="${look.stroke}"${look.dash ? ` stroke-dasharray="${look.dash}"` : ''}/>`);
    out.push(`<text x="${(b.x1 + b.x2) / 2}" y="${b.y1 + 22}" text-anchor="middle" font-size="14" font-weight="600" fill="${look.text}">${escapeXml(b.label)}</text>`);
  }

  const at = new Map<string, { x: number; y: number; w: number; h: number }>();
  for (const c of base.cards) at.set(c.id, { x: c.x, y: c.y, w: cw, h: ch });
  for (const o of outsiders) at.set(o.id, { x: o.x, y: o.y, w: OUTSIDER_SIZE.width, h: OUTSIDER_SIZE.height });
  for (const e of base.reporting) {
    const s = at.get(e.source);
    const t = at.get(e.target);
    if (!s || !t) continue;
    const top = t.y - ch / 2;
    const turn = top + e.turn;
    out.push(`<polyline points="${s.x},${s.y + ch / 2} ${s.x},${turn} ${t.x},${turn} ${t.x},${top}" fill="none" stroke="#8c8c8c" stroke-width="1.6"/>`);
  }
  for (const e of base.influence) {
    if (!overlays[e.kind]) continue;
    const s = at.get(e.source);
    const t = at.get(e.target);
    if (!s || !t) continue;
    const a = clipToBox(t, s, s.w, s.h);
    const b = clipToBox(s, t, t.w, t.h);
    const look = STRENGTH_LOOK[e.strength];
    const dash = look.style === 'dashed' ? ' stroke-dasharray="8 5"' : look.style === 'dotted' ? ' stroke-dasharray="2 4"' : '';
    out.push(`<line x1="${a.x}" y1="${a.y}" x2="${b.x}" y2="${b.y}" stroke="${LINK_COLOR[e.kind]}" stroke-width="${look.width}" stroke-opacity="0.8"${dash} marker-end="url(#arrow-${e.kind})"/>`);
  }

  const person = new Map(people.map((p) => [p.id, p]));
  for (const c of base.cards) {
    const ranked = overlays.centres && decor.centres.has(c.id);
    const stroke = ranked ? CENTRE_COLOR : c.key ? '#434343' : '#bfbfbf';
    const strokeWidth = ranked ? 4 : c.key ? 2 : 1;
    out.push(`<rect x="${c.x - cw / 2}" y="${c.y - ch / 2}" width="${cw}" height="${ch}" rx="8" fill="${ranked ? '#fffbe6' : '#ffffff'}" stroke="${stroke}" stroke-width="${strokeWidth}"/>`);
    out.push(`<text x="${c.x}" y="${c.y - ch / 2 + 26}" text-anchor="middle" font-size="14" font-weight="600" fill="#1f1f1f">${escapeXml(c.name)}</text>`);
    if (c.detail) out.push(`<text x="${c.x}" y="${c.y - ch / 2 + 45}" text-anchor="middle" font-size="13" fill="#595959">${escapeXml(c.detail)}</text>`);
    const p = person.get(c.id);
    if (p) out.push(stripBody(p, c.x - STRIP.width / 2, c.y + ch / 2 - 9 - STRIP.height, overlays.gaps ? c.unknown : 0));
  }
  for (const o of outsiders) {
    const color = LINK_COLOR[o.kind];
    out.push(`<rect x="${o.x - OUTSIDER_SIZE.width / 2}" y="${o.y - OUTSIDER_SIZE.height / 2}" width="${OUTSIDER_SIZE.width}" height="${OUTSIDER_SIZE.height}" rx="6" fill="#ffffff" stroke="${color}" stroke-width="2"/>`);
    out.push(`<text x="${o.x}" y="${o.y - 3}" text-anchor="middle" font-size="13" fill="#1f1f1f">${escapeXml(o.name)}</text>`);
    out.push(`<text x="${o.x}" y="${o.y + 15}" text-anchor="middle" font-size="12" fill="#595959">${escapeXml(o.org)}</text>`);
  }
  for (const p of placeholders) {
    out.push(`<rect x="${p.x - PLACEHOLDER_SIZE.width / 2}" y="${p.y - PLACEHOLDER_SIZE.height / 2}" width="${PLACEHOLDER_SIZE.width}" height="${PLACEHOLDER_SIZE.height}" rx="8" fill="#fff7e6" stroke="${GAP_COLOR}" stroke-width="2" stroke-dasharray="6 4"/>`);
    out.push(`<text x="${p.x}" y="${p.y + 5}" text-anchor="middle" font-size="13" font-weight="600" fill="${GAP_COLOR}">${escapeXml(p.label)}</text>`);
  }
  for (const b of badges) {
    out.push(`<rect x="${b.x - b.width / 2}" y="${b.y - BADGE_HEIGHT / 2}" width="${b.width}" height="${BADGE_HEIGHT}" rx="6" fill="${b.kind === 'rank' ? CENTRE_COLOR : ROLE_COLOR}"/>`);
    out.push(`<text x="${b.x}" y="${b.y + 4.5}" text-anchor="middle" font-size="12" font-weight="600" fill="#ffffff">${escapeXml(b.label)}</text>`);
  }
  out.push('</svg>');
  return out.join('\n');
}
