// Pure logic of the opportunity page: the chain grouped by role, ours vs. each competitor per member, the
// trend's series, and member forms → requests.
import type { Attitude, ChainFigure, ChainMemberFigure, ChainRole, Degrees, Dimension, LineTrendPoint, YesNo } from '../../api/types';
import { CHAIN_ROLES, DIMENSIONS } from '../../api/types';

export interface RoleGroup {
  role: ChainRole;
  members: ChainMemberFigure[];
}

/** Is a member's value of a dimension inherited from the customer level? Only a known value is worth marking. */
export function isInherited(member: Pick<ChainMemberFigure, 'inherited' | Dimension>, d: Dimension): boolean {
  return member.inherited.includes(d) && member[d] !== 'unknown';
}

/** Members grouped by role in the order of CHAIN_ROLES; roles without members are left out; members keep their order. */
export function groupByRole(members: ChainMemberFigure[]): RoleGroup[] {
  return CHAIN_ROLES.map((role) => ({ role, members: members.filter((m) => m.role === role) })).filter((g) => g.members.length > 0);
}

export interface CompareRow {
  member: string;
  person: string;
  role: ChainRole;
  /** dimension → target ('ours' or a competitor id) → the effective attitude. */
  values: Record<Dimension, Record<string, Attitude>>;
  /** dimension → targets for which the value is inherited from the customer level. */
  inherited: Record<Dimension, string[]>;
}

/**
 * One row per member of the chain toward ours (in role order), with the member's value toward ours and toward each
 * competitor (matched by the chain-member id; a member missing from a competitor's answer is unknown there).
 */
export function compareRows(ours: ChainFigure, others: { toward: string; chain: ChainFigure | undefined }[]): CompareRow[] {
  const rows: CompareRow[] = [];
  for (const group of groupByRole(ours.members)) {
    for (const m of group.members) {
      const values = { closeness: {}, solution: {}, price: {} } as Record<Dimension, Record<string, Attitude>>;
      const inherited = { closeness: [], solution: [], price: [] } as Record<Dimension, string[]>;
      for (const d of DIMENSIONS) {
        values[d].ours = m[d];
        if (isInherited(m, d)) inherited[d].push('ours');
      }
      for (const other of others) {
        const match = other.chain?.members.find((x) => x.member === m.member);
        for (const d of DIMENSIONS) {
          values[d][other.toward] = match ? match[d] : 'unknown';
          if (match && isInherited(match, d)) inherited[d].push(other.toward);
        }
      }
      rows.push({ member: m.member, person: m.person, role: m.role, values, inherited });
    }
  }
  return rows;
}

/** Does the competitor lead us on a dimension (a higher mean), for highlighting the comparison? */
export function leads(ours: Degrees, theirs: Degrees, d: Dimension): boolean {
  const a = ours[d].mean;
  const b = theirs[d].mean;
  return a !== null && b !== null && b > a;
}

export interface TrendSeries {
  months: string[];
  percents: Record<Dimension, (number | null)[]>;
  supporters: number[];
  opposers: number[];
  members: number[];
}

/** The chain's trend: the three percents per month, and supporters/opposers of one dimension. */
export function trendSeries(points: LineTrendPoint[], dimension: Dimension): TrendSeries {
  return {
    months: points.map((p) => p.month),
    percents: {
      closeness: points.map((p) => p.degrees.closeness.percent),
      solution: points.map((p) => p.degrees.solution.percent),
      price: points.map((p) => p.degrees.price.percent),
    },
    supporters: points.map((p) => p.degrees[dimension].supporters),
    opposers: points.map((p) => p.degrees[dimension].opposers),
    members: points.map((p) => p.members ?? 0),
  };
}

/** Months before the opportunity was opened carry no chain: start the trend at the month it opened. */
export function fromOpened(points: LineTrendPoint[], opened: string | undefined): LineTrendPoint[] {
  if (!opened) return points;
  const month = opened.slice(0, 7);
  return points.filter((p) => p.month >= month);
}

export interface MemberForm {
  person: string;
  role: ChainRole;
  veto: YesNo;
  approve: YesNo;
  since?: string | null;
}

export function memberBody(opportunity: string, values: MemberForm) {
  const body: { opportunity: string; person: string; role: ChainRole; veto: YesNo; approve: YesNo; since?: string } = {
    opportunity, person: values.person, role: values.role, veto: values.veto, approve: values.approve,
  };
  if (values.since) body.since = values.since;
  return body;
}

/** Only the changed role, veto and approve. */
export function memberPatch(member: Pick<ChainMemberFigure, 'role' | 'veto' | 'approve'>, values: Pick<MemberForm, 'role' | 'veto' | 'approve'>) {
  const patch: Partial<Pick<MemberForm, 'role' | 'veto' | 'approve'>> = {};
  if (values.role !== member.role) patch.role = values.role;
  if (values.veto !== member.veto) patch.veto = values.veto;
  if (values.approve !== member.approve) patch.approve = values.approve;
  return patch;
}

/** People of the customer who can still be added (not already active members). */
export function candidates<P extends { id: string }>(people: P[], members: ChainMemberFigure[]): P[] {
  const inChain = new Set(members.map((m) => m.person));
  return people.filter((p) => !inChain.has(p.id));
}
