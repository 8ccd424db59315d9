import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import type { Permission } from '@common/permissions.ts';
import type { Role } from '@common/roles.ts';
import { api, ApiError, onUnauthenticated } from './api.ts';
import type { SchoolBrief, SessionBody } from './types.ts';
import { setDistrictTimeZone } from './zone.ts';

/** What every page knows about who is signed in. */
export interface SessionContextValue {
  /** 'loading' only until the first answer; 'error' when the server could not be reached at all. */
  status: 'loading' | 'ready' | 'error';
  error: string | null;
  session: SessionBody;
  user: SessionBody['user'];
  roles: Role[];
  /** True for an outside organization's staff: they hold only the outsider permissions, whatever their roles. */
  outsider: boolean;
  /** True when the user holds the permission at some school or district-wide. */
  can: (permission: Permission) => boolean;
  schools: SchoolBrief[];
  /** The school chosen in the header switcher; null means all of the user's schools. */
  selectedSchoolId: string | null;
  selectSchool: (id: string | null) => void;
  /** Reloads the session from the server and returns it. */
  refresh: () => Promise<SessionBody>;
  /** Replaces the session with an answer of a sign-in step. */
  setSession: (body: SessionBody) => void;
  signOut: () => Promise<void>;
}

const ANONYMOUS: SessionBody = {
  state: 'anonymous',
  user: null,
  district: null,
  grants: [],
  permissions: [],
  schools: [],
};

const SessionContext = createContext<SessionContextValue | null>(null);

const storageKey = (userId: string) => `srodesk.selectedSchool.${userId}`;

function readStoredSchool(userId: string | undefined): string | null {
  if (!userId) return null;
  try {
    return window.localStorage.getItem(storageKey(userId));
  } catch {
    return null; // storage can be blocked (private mode); the switcher then simply does not remember
  }
}

// The last signed-in session, so the installed app opens without signal (its pages then show what this device
// keeps: the offline queue, the last alert state, the SRP reference). Removed at sign-out; the server still
// decides every request once the signal returns (an ended session answers 401 and the sign-in page shows).
const LAST_SESSION = 'srodesk.lastSession';

function keepSession(body: SessionBody | null) {
  try {
    if (body?.user && body.state === 'signed_in')
      window.localStorage.setItem(LAST_SESSION, JSON.stringify(body));
    else window.localStorage.removeItem(LAST_SESSION);
  } catch {
    // storage blocked: the app simply needs the network to open
  }
}

function lastSession(): SessionBody | null {
  try {
    const text = window.localStorage.getItem(LAST_SESSION);
    return text ? (JSON.parse(text) as SessionBody) : null;
  } catch {
    return null;
  }
}

/** Loads `/api/auth/session` once and provides it (plus permission checks and the school switcher) to the app. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<SessionContextValue['status']>('loading');
  const [error, setError] = useState<string | null>(null);
  const [session, setSessionState] = useState<SessionBody>(ANONYMOUS);
  const [storedSchool, setStoredSchool] = useState<string | null>(null);

  const setSession = useCallback((body: SessionBody) => {
    keepSession(body);
    setDistrictTimeZone(body.district?.timeZone);
    setSessionState(body);
    setStoredSchool(readStoredSchool(body.user?.id));
    setStatus('ready');
    setError(null);
  }, []);

  const refresh = useCallback(async () => {
    try {
      const body = await api.get<SessionBody>('/auth/session');
      setSession(body);
      return body;
    } catch (e) {
      const kept = e instanceof ApiError && e.code === 'network' ? lastSession() : null;
      if (kept) {
        setSession(kept);
        return kept;
      }
      setStatus((s) => (s === 'loading' ? 'error' : s));
      setError(e instanceof Error ? e.message : 'Cannot reach SRO Desk');
      throw e;
    }
  }, [setSession]);

  useEffect(() => {
    refresh().catch(() => undefined);
    // Any call answered 401 means the session ended (idle timeout, signed out elsewhere): reload it.
    return onUnauthenticated(() => void refresh().catch(() => undefined));
  }, [refresh]);

  const navigate = useNavigate();
  const signOut = useCallback(async () => {
    try {
      await api.post('/auth/sign-out');
    } finally {
      // The next person to sign in on this device starts at the dashboard, not on our last page.
      navigate('/', { replace: true });
      setSession(ANONYMOUS);
    }
  }, [setSession, navigate]);

  const value = useMemo<SessionContextValue>(() => {
    const permissions = new Set(session.permissions);
    const roles = [...new Set(session.grants.map((g) => g.role))];
    const known = session.schools.some((s) => s.id === storedSchool);
    const selectSchool = (id: string | null) => {
      setStoredSchool(id);
      const userId = session.user?.id;
      if (!userId) return;
      try {
        if (id) window.localStorage.setItem(storageKey(userId), id);
        else window.localStorage.removeItem(storageKey(userId));
      } catch {
        // not remembered across visits; the choice still holds for this visit
      }
    };
    return {
      status,
      error,
      session,
      user: session.user,
      roles,
      outsider: (session.user?.organizationId ?? null) !== null,
      can: (permission) => permissions.has(permission),
      schools: session.schools,
      selectedSchoolId:
        session.schools.length > 1 && known
          ? storedSchool
          : session.schools.length === 1
            ? session.schools[0]!.id
            : null,
      selectSchool,
      refresh,
      setSession,
      signOut,
    };
  }, [status, error, session, storedSchool, refresh, setSession, signOut]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session context; use inside SessionProvider. */
export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}
