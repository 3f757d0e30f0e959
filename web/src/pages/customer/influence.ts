// The influence graph as Cytoscape elements: the customer's people (circles coloured by closeness), our
// employees, competitors' staff and others linked to them (each side its own colour and shape), and one
// arrow per influence link ("from can deeply influence to"), wider and more solid the stronger it is.
import { ATTITUDE_COLOR } from '../../lib/format';
import type { CustomerGraph, OrgKind } from './api';

export type Side = 'internal' | OrgKind;

export const SIDE_STYLE: Record<Side, { color: string; shape: string; border: string }> = {
  internal: { color: '#d9d9d9', shape: 'ellipse', border: '#262626' },
  ours: { color: '#1677ff', shape: 'round-rectangle', border: '#003eb3' },
  competitor: { color: '#fa541c', shape: 'diamond', border: '#ad2102' },
  partner: { color: '#722ed1', shape: 'hexagon', border: '#391085' },
  customer: { color: '#13c2c2', shape: 'round-triangle', border: '#006d75' },
};

export const STRENGTH_STYLE: Record<'strong' | 'medium' | 'weak', { width: number; style: 'solid' | 'dashed' | 'dotted' }> = {
  strong: { width: 4.5, style: 'solid' },
  medium: { width: 2.5, style: 'dashed' },
  weak: { width: 1.5, style: 'dotted' },
};

export interface InfluenceNodeData {
  id: string;
  label: string;
  side: Side;
  color: string;
  shape: string;
  border: string;
  borderStyle: 'solid' | 'dashed';
  size: number;
}

export interface InfluenceElements {
  nodes: { group: 'nodes'; data: InfluenceNodeData }[];
  edges: { group: 'edges'; data: { id: string; source: string; target: string; width: number; lineStyle: string; strength: string } }[];
  counts: Record<Side, number>;
}

/**
 * Elements of the influence graph. `onlyLinked` leaves out the customer's people without any link
 * (outsiders are in the graph only because they are linked). Links whose ends are unknown are dropped.
 */
export function influenceElements(graph: CustomerGraph, onlyLinked: boolean): InfluenceElements {
  const linked = new Set<string>();
  const known = new Set<string>([...graph.people.map((p) => p.id), ...graph.outsiders.map((o) => o.id)]);
  const links = graph.links.filter((l) => known.has(l.from) && known.has(l.to) && l.from !== l.to);
  for (const link of links) {
    linked.add(link.from);
    linked.add(link.to);
  }
  const counts: Record<Side, number> = { internal: 0, ours: 0, competitor: 0, partner: 0, customer: 0 };
  const nodes: InfluenceElements['nodes'] = [];
  for (const person of graph.people) {
    if (onlyLinked && !linked.has(person.id)) continue;
    const unknown = person.closeness === 'unknown';
    counts.internal++;
    nodes.push({
      group: 'nodes',
      data: {
        id: person.id,
        label: person.title ? `${person.name}\n${person.title}` : person.name,
        side: 'internal',
        color: ATTITUDE_COLOR[person.closeness ?? 'unknown'],
        shape: SIDE_STYLE.internal.shape,
        border: unknown ? '#8c8c8c' : SIDE_STYLE.internal.border,
        borderStyle: unknown ? 'dashed' : 'solid',
        size: person.key ? 40 : 28,
      },
    });
  }
  const seen = new Set<string>();
  for (const outsider of graph.outsiders) {
    if (seen.has(outsider.id) || !linked.has(outsider.id)) continue;
    seen.add(outsider.id);
    const side: Side = outsider.kind in SIDE_STYLE ? outsider.kind : 'partner';
    counts[side]++;
    const style = SIDE_STYLE[side];
    nodes.push({
      group: 'nodes',
      data: {
        id: outsider.id,
        label: `${outsider.name}\n${outsider.org_name}`,
        side,
        color: style.color,
        shape: style.shape,
        border: style.border,
        borderStyle: 'solid',
        size: 34,
      },
    });
  }
  const present = new Set(nodes.map((n) => n.data.id));
  const edges = links
    .filter((l) => present.has(l.from) && present.has(l.to))
    .map((l) => {
      const look = STRENGTH_STYLE[l.strength] ?? STRENGTH_STYLE.weak;
      return { group: 'edges' as const, data: { id: l.id, source: l.from, target: l.to, width: look.width, lineStyle: look.style, strength: l.strength } };
    });
  return { nodes, edges, counts };
}
