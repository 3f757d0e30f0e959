// The organizations page's state in the address (kind, q, retired, page, size) and the list request it makes.
import type { Params } from '../../api/client';
import type { Organization } from '../../api/types';

export const KINDS: Organization['kind'][] = ['competitor', 'partner', 'customer', 'ours'];
export const PAGE_SIZES = [10, 20, 50, 100] as const;

export interface OrganizationsQuery {
  kind: Organization['kind'];
  search: string;
  /** Also the retired ones (otherwise only those active today). */
  retired: boolean;
  page: number;
  size: number;
}

export function queryFrom(params: URLSearchParams): OrganizationsQuery {
  const kind = KINDS.find((k) => k === params.get('kind')) ?? 'competitor';
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const size = Number.parseInt(params.get('size') ?? '', 10);
  return {
    kind,
    search: params.get('q') ?? '',
    retired: params.get('retired') === '1',
    page,
    size: (PAGE_SIZES as readonly number[]).includes(size) ? size : 20,
  };
}

/** The address's query for `query`; defaults are left out. */
export function toParams(query: OrganizationsQuery): URLSearchParams {
  const out = new URLSearchParams();
  if (query.kind !== 'competitor') out.set('kind', query.kind);
  if (query.search) out.set('q', query.search);
  if (query.retired) out.set('retired', '1');
  if (query.page > 1) out.set('page', String(query.page));
  if (query.size !== 20) out.set('size', String(query.size));
  return out;
}

/** GET /organizations parameters: one page of one kind, by name, active today unless retired ones are wanted. */
export function listParams(query: OrganizationsQuery): Params {
  return {
    kind: query.kind,
    search: query.search.trim() || undefined,
    active_on: query.retired ? undefined : 'today',
    limit: query.size,
    offset: (query.page - 1) * query.size,
  };
}
