// Who is signed in: the /auth/me answer, sign-in and sign-out, the language remembered on the user, and the
// session's end (shown in the header; a 401 from any request sends the user back to the sign-in page).
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import i18n, { LANGUAGE_KEY } from '../i18n';
import { api, ApiError, csrfToken, onUnauthenticated } from '../api/client';
import type { Language, Me } from '../api/types';
import { setTenantToday } from '../lib/format';

interface SessionValue {
  me: Me | null;
  /** True until the first /auth/me answer. */
  checking: boolean;
  /** Why the user was sent to the sign-in page ('expired' after a 401), if anything. */
  ended: 'expired' | 'signed_out' | null;
  /** Signs in; resolves with who signed in. */
  login(login: string, password: string): Promise<Me>;
  logout(): Promise<void>;
  setLanguage(language: Language): Promise<void>;
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

function applyLanguage(language: Language) {
  localStorage.setItem(LANGUAGE_KEY, language);
  document.documentElement.lang = language;
  if (i18n.language !== language) void i18n.changeLanguage(language);
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [checking, setChecking] = useState(true);
  const [ended, setEnded] = useState<SessionValue['ended']>(null);

  const accept = useCallback((answer: Me) => {
    setMe(answer);
    setTenantToday(answer.today);
    setEnded(null);
    applyLanguage(answer.user.language);
  }, []);

  const refresh = useCallback(async () => {
    try {
      accept(await api.get<Me>('/auth/me'));
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) setMe(null);
      else throw error;
    }
  }, [accept]);

  useEffect(() => {
    // Without the CSRF cookie there is no session: do not ask (the browser would log the 401).
    if (!csrfToken()) {
      setChecking(false);
      return;
    }
    refresh().catch(() => setMe(null)).finally(() => setChecking(false));
  }, [refresh]);

  useEffect(
    () =>
      onUnauthenticated(() => {
        setMe((current) => {
          if (current) setEnded('expired');
          return null;
        });
      }),
    [],
  );

  // Keep the shown expiry true: each request extends the session on the server; ask again every 5 minutes.
  useEffect(() => {
    if (!me) return undefined;
    const timer = window.setInterval(() => void refresh().catch(() => undefined), 5 * 60 * 1000);
    return () => window.clearInterval(timer);
  }, [me, refresh]);

  const value = useMemo<SessionValue>(
    () => ({
      me,
      checking,
      ended,
      async login(login, password) {
        const signed = await api.post<Me>('/auth/login', { login, password });
        accept(signed);
        return signed;
      },
      async logout() {
        try {
          await api.post('/auth/logout');
        } finally {
          setMe(null);
          setEnded('signed_out');
        }
      },
      async setLanguage(language) {
        applyLanguage(language);
        if (me) accept(await api.put<Me>('/auth/language', { language }));
      },
      refresh,
    }),
    [me, checking, ended, accept, refresh],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in user; only for pages behind the sign-in. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe without a session');
  return me;
}
