// A small customer graph for the unit tests.
import type { CustomerGraph, GraphPerson } from './api';

export function person(id: string, extra: Partial<GraphPerson> = {}): GraphPerson {
  return {
    id, name: `N${id}`, title: `T${id}`, department: null, key: true, importance: 'unknown', orientation: 'unknown',
    closeness: 'unknown', solution: 'unknown', price: 'unknown', veto: 'unknown', approve: 'unknown', ...extra,
  };
}

export function sampleGraph(): CustomerGraph {
  return {
    customer: { id: 'c1', name: 'Customer', owner: 'u1', focus: false, industry: null, region: null },
    as_of: '2026-11-23',
    toward: 'ours',
    may_write: true,
    departments: [{ id: 'd1', name: '信息中心', parent: null }, { id: 'd2', name: '财务处', parent: null }],
    people: [
      person('a', { closeness: 'strong_support', veto: 'yes', department: 'd1' }),
      person('b', { closeness: 'oppose', approve: 'yes', department: 'd1' }),
      person('c', { key: false, department: 'd2' }),
      person('d', { closeness: 'neutral', veto: 'yes', approve: 'yes' }),
    ],
    reporting: [
      { id: 'r1', person: 'b', manager: 'a' },
      { id: 'r2', person: 'c', manager: 'a' },
      { id: 'r3', person: 'd', manager: 'b' },
    ],
    links: [
      { id: 'l1', from: 'o1', to: 'a', strength: 'strong' },
      { id: 'l2', from: 'x1', to: 'b', strength: 'weak' },
      { id: 'l3', from: 'a', to: 'b', strength: 'medium' },
      { id: 'l4', from: 'ghost', to: 'b', strength: 'strong' },
    ],
    outsiders: [
      { id: 'o1', name: '王', org: 'ours-org', org_name: '我司', kind: 'ours' },
      { id: 'x1', name: '李', org: 'comp-01', org_name: '友商一', kind: 'competitor' },
      { id: 'p1', name: '赵', org: 'part-1', org_name: '伙伴', kind: 'partner' },
    ],
  };
}
