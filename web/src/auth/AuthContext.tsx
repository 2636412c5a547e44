import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/context';
import type { User } from '../api/types';
import { REFRESH_TOKEN_KEY } from '../api/tokens';

export type AuthStatus = 'loading' | 'anonymous' | 'signedIn';

export interface AuthValue {
  status: AuthStatus;
  user: User | null;
  /** Why the last session ended on its own (refresh refused), for a notice on the sign-in page. */
  endedReason: string | null;
  login(email: string, password: string): Promise<User>;
  register(name: string, email: string, password: string): Promise<User>;
  logout(): Promise<void>;
}

const AuthContext = createContext<AuthValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const { client, endpoints } = useApi();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<AuthStatus>('loading');
  const [user, setUser] = useState<User | null>(null);
  const [endedReason, setEndedReason] = useState<string | null>(null);

  const signOutLocally = useCallback(
    (reason: string | null) => {
      client.clearSession();
      setUser(null);
      setStatus('anonymous');
      setEndedReason(reason);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'public' });
    },
    [client, queryClient],
  );

  // Page load: start a session from the stored refresh token, if any.
  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const token = await client.restoreSession();
        if (!token) {
          if (!cancelled) setStatus('anonymous');
          return;
        }
        const me = await endpoints.auth.me();
        if (!cancelled) {
          setUser(me);
          setStatus('signedIn');
        }
      } catch {
        // The gateway is unreachable or busy: stay anonymous for now, the stored token is kept.
        if (!cancelled) setStatus('anonymous');
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [client, endpoints]);

  // The client ends the session when a refresh is refused (expired, reused, revoked).
  useEffect(
    () => client.onSessionEnded(() => signOutLocally('Your session has ended. Please sign in again.')),
    [client, signOutLocally],
  );

  // Another tab signed out: follow it.
  useEffect(() => {
    const onStorage = (e: StorageEvent) => {
      if (e.key === REFRESH_TOKEN_KEY && e.newValue === null && status === 'signedIn') signOutLocally(null);
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [signOutLocally, status]);

  const login = useCallback(
    async (email: string, password: string) => {
      const pair = await endpoints.auth.login({ email, password });
      client.startSession(pair);
      const me = pair.user ?? (await endpoints.auth.me());
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'public' });
      setUser(me);
      setStatus('signedIn');
      setEndedReason(null);
      return me;
    },
    [client, endpoints, queryClient],
  );

  const register = useCallback(
    async (name: string, email: string, password: string) => {
      const pair = await endpoints.auth.register({ name, email, password });
      client.startSession(pair);
      const me = pair.user ?? (await endpoints.auth.me());
      setUser(me);
      setStatus('signedIn');
      setEndedReason(null);
      return me;
    },
    [client, endpoints],
  );

  const logout = useCallback(async () => {
    const refreshToken = client.tokens.refreshToken;
    try {
      if (refreshToken) await endpoints.auth.logout(refreshToken);
    } catch {
      // Signing out locally is what matters; the server forgets the token when it expires.
    }
    signOutLocally(null);
  }, [client, endpoints, signOutLocally]);

  const value = useMemo<AuthValue>(
    () => ({ status, user, endedReason, login, register, logout }),
    [status, user, endedReason, login, register, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}
