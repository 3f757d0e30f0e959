// Rows of the key persons table (search, sort) and of the department breakdown.
import type { Attitude, CustomerMetrics, Degrees, Dimension } from '../../api/types';
import { ATTITUDE_NUMBER } from '../../lib/format';
import type { GraphDepartment, GraphPerson } from './api';

export interface KeyPersonRow extends GraphPerson {
  departmentName: string;
}

export function keyPersonRows(people: GraphPerson[], departments: GraphDepartment[]): KeyPersonRow[] {
  const names = new Map(departments.map((d) => [d.id, d.name]));
  return people
    .filter((p) => p.key)
    .map((p) => ({ ...p, departmentName: p.department ? names.get(p.department) ?? p.department : '' }));
}

/** Case-insensitive match of every word of `query` in the name, title or department. */
export function searchRows<T extends { name: string; title: string | null; departmentName: string }>(rows: T[], query: string): T[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return rows;
  return rows.filter((row) => {
    const text = `${row.name} ${row.title ?? ''} ${row.departmentName}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

/** Sorts attitudes from strong support down to strong oppose, unknown last either way is up to the table. */
export function attitudeOrder(a: Attitude, b: Attitude): number {
  const x = ATTITUDE_NUMBER[a];
  const y = ATTITUDE_NUMBER[b];
  if (x === null && y === null) return 0;
  if (x === null) return -1;
  if (y === null) return 1;
  return x - y;
}

const IMPORTANCE_RANK: Record<string, number> = { unknown: 0, low: 1, medium: 2, high: 3 };
export function importanceOrder(a: string, b: string): number {
  return (IMPORTANCE_RANK[a] ?? 0) - (IMPORTANCE_RANK[b] ?? 0);
}

export interface DepartmentRow {
  key: string;
  department: string | null;
  name: string;
  key_persons: number;
  degrees: Degrees;
}

/** Department breakdown rows with names; a null department is "none" (named by the caller). */
export function departmentRows(metrics: CustomerMetrics, departments: GraphDepartment[], noneName: string): DepartmentRow[] {
  const names = new Map(departments.map((d) => [d.id, d.name]));
  return metrics.departments.map((d) => ({
    key: d.department ?? '',
    department: d.department,
    name: d.department ? names.get(d.department) ?? d.department : noneName,
    key_persons: d.key_persons,
    degrees: d.degrees,
  }));
}

export const DIMENSION_COLORS: Record<Dimension, string> = { closeness: '#1d4ed8', solution: '#13c2c2', price: '#fa8c16' };
