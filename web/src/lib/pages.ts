// Which page an address opens, as App's routes map it: App starts loading that page's code with the app.
export type PageName =
  | 'dashboard'
  | 'customers'
  | 'customer'
  | 'person'
  | 'opportunity'
  | 'influence'
  | 'iknow'
  | 'warnings'
  | 'tasks'
  | 'workbench'
  | 'inbox'
  | 'strategy'
  | 'users'
  | 'bundle'
  | 'webhooks'
  | 'organizations';

/** The page of `pathname` (none for the sign-in page or an address no route takes). */
export function pageOf(pathname: string): PageName | null {
  const parts = pathname.split('/').filter(Boolean);
  if (parts.length === 0) return 'dashboard';
  const [first, second] = parts;
  if (first === 'customers') return second ? 'customer' : 'customers';
  if (first === 'people' && second) return 'person';
  if (first === 'opportunities' && second) return 'opportunity';
  if (first === 'admin') return second === 'users' ? 'users' : second === 'bundle' ? 'bundle' : second === 'webhooks' ? 'webhooks' : null;
  if (first === 'organizations' && !second) return 'organizations';
  if (first === 'influence' || first === 'warnings' || first === 'tasks' || first === 'workbench' || first === 'inbox' || first === 'iknow' || first === 'strategy') return first;
  return null;
}

/** Where a role lands after signing in: reps and managers on their workbench, employees on "I know…",
 * executives and administrators on the dashboard. */
export function homeOf(role: string): string {
  if (role === 'employee') return '/iknow';
  return role === 'rep' || role === 'manager' ? '/workbench' : '/';
}
