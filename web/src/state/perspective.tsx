// The perspective every figure follows: scope (me, a team, one user, the company), the side the degrees are
// measured toward (ours or one competitor) and the as-of day. Kept per user in localStorage.
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { listAll } from '../api/client';
import type { Organization, Team, User } from '../api/types';
import { defaultScope, scopeAllowed } from '../lib/perspective';
import { useMe } from './session';

export interface Perspective {
  scope: string;
  toward: string; // 'ours' or a competitor organization id
  asOf: string | null; // YYYY-MM-DD; null = today on the server
}

interface PerspectiveValue extends Perspective {
  teams: Team[];
  users: User[];
  competitors: Organization[];
  set(change: Partial<Perspective>): void;
  /** Whether the teams, users and competitors have been read (lists that follow them wait for it). */
  loaded: boolean;
  /** Reads the teams, users and competitors again (after an admin changed them). */
  reload(): void;
  /** Query parameters for figures that take a scope (lines, warnings). */
  scoped: Record<string, string>;
  /** Query parameters for figures of one record (customer, opportunity, person). */
  params: Record<string, string>;
}

const PerspectiveContext = createContext<PerspectiveValue | null>(null);

export function PerspectiveProvider({ children }: { children: ReactNode }) {
  const me = useMe();
  const key = `brm.perspective.${me.user.id}`;
  const [state, setState] = useState<Perspective>(() => {
    const fallback: Perspective = { scope: defaultScope(me.user), toward: 'ours', asOf: null };
    try {
      return { ...fallback, ...(JSON.parse(localStorage.getItem(key) ?? '{}') as Partial<Perspective>) };
    } catch {
      return fallback;
    }
  });
  const [teams, setTeams] = useState<Team[]>([]);
  const [users, setUsers] = useState<User[]>([]);
  const [competitors, setCompetitors] = useState<Organization[]>([]);
  const [generation, setGeneration] = useState(0);
  const [loaded, setLoaded] = useState(me.user.role === 'employee');

  useEffect(() => {
    if (me.user.role === 'employee') return;
    void Promise.all([listAll<Team>('teams'), listAll<User>('users'), listAll<Organization>('organizations', { kind: 'competitor' })])
      .then(([t, u, c]) => {
        setLoaded(true);
        setTeams(t);
        setUsers(u);
        setCompetitors(c);
        // A remembered scope that is no longer allowed (a team changed, say) falls back to the default.
        setState((s) => (scopeAllowed(s.scope, me.user, t, u) ? s : { ...s, scope: defaultScope(me.user) }));
        setState((s) => (s.toward === 'ours' || c.some((o) => o.id === s.toward) ? s : { ...s, toward: 'ours' }));
      })
      .catch(() => setLoaded(true)); // what follows the lists goes on without them
  }, [me.user, generation]);

  useEffect(() => localStorage.setItem(key, JSON.stringify(state)), [key, state]);

  // The same objects until the day or the side changes (effects that follow them do not run again when the
  // lists arrive).
  const params = useMemo(() => {
    const p: Record<string, string> = {};
    if (state.asOf) p.as_of = state.asOf;
    if (state.toward !== 'ours') p.toward = state.toward;
    return p;
  }, [state.asOf, state.toward]);
  const scoped = useMemo(() => ({ ...params, scope: state.scope }), [params, state.scope]);

  const value = useMemo<PerspectiveValue>(() => {
    return {
      ...state,
      teams,
      users,
      competitors,
      loaded,
      set: (change) => setState((s) => ({ ...s, ...change })),
      reload: () => setGeneration((g) => g + 1),
      params,
      scoped,
    };
  }, [state, teams, users, competitors, loaded, params, scoped]);

  return <PerspectiveContext.Provider value={value}>{children}</PerspectiveContext.Provider>;
}

/** The perspective, or null outside a PerspectiveProvider (a component tested on its own). */
export function usePerspectiveIfAny(): PerspectiveValue | null {
  return useContext(PerspectiveContext);
}

export function usePerspective(): PerspectiveValue {
  const value = useContext(PerspectiveContext);
  if (!value) throw new Error('usePerspective outside PerspectiveProvider');
  return value;
}
