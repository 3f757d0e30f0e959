// The departments a department may be moved under: any of the customer's, except itself and those below it
// (the server refuses a loop with 422 naming parent; the form does not offer one).
import type { GraphDepartment } from './api';

export function parentChoices(departments: GraphDepartment[], moving: string | null): GraphDepartment[] {
  if (!moving) return departments;
  const below = new Set([moving]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const d of departments) {
      if (d.parent && below.has(d.parent) && !below.has(d.id)) {
        below.add(d.id);
        grew = true;
      }
    }
  }
  return departments.filter((d) => !below.has(d.id));
}
