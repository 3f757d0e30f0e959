// Each department's trend of a customer (GET /api/v1/customers/{id}/department-trend, docs/api.md "Managers'
// views"): every department active on one of the months' last days, with a point per month; a month when the
// department was not active has no key persons and null means.
import type { Params } from './client';
import { useApi, type Loaded } from './hooks';
import type { LineTrendPoint } from './types';

export interface DepartmentTrendRow {
  department: string;
  /** The department's name; null when its record cannot be read. */
  name: string | null;
  parent: string | null;
  points: LineTrendPoint[];
}

export interface DepartmentTrend {
  customer: string;
  as_of: string;
  toward: string;
  departments: DepartmentTrendRow[];
}

export const departmentTrendPath = (customer: string) => `/customers/${encodeURIComponent(customer)}/department-trend`;

/** The 24 months ending with the as-of day's month (`params`: as_of, toward; from and to to choose others). */
export function useDepartmentTrend(customer: string, params: Params): Loaded<DepartmentTrend> {
  return useApi<DepartmentTrend>(departmentTrendPath(customer), params);
}
