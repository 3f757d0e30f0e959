// Our own organization's people, for the employee KPI table: read when that tab is first opened (the list
// and the figures carry their own names and need nothing of this).
import { listAll } from '../../api/client';
import { useLoad, type Loaded } from '../../api/hooks';
import type { Organization, Person } from '../../api/types';

export function useOurPeople(enabled: boolean): Loaded<Person[]> {
  return useLoad(enabled ? 'ours' : null, async () => {
    const ours = await listAll<Organization>('organizations', { kind: 'ours' });
    return ours.length ? listAll<Person>('people', { org: ours[0].id }) : [];
  });
}
