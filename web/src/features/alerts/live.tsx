import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { LIVE_EVENT_TYPES, LIVE_URL } from '@common/srp.ts';
import type { Alert, LiveEventType, LivePayloads } from '@common/alerts.ts';
import { TIP_LIVE_EVENTS } from '@common/tip-constants.ts';
import type { TipLiveEvent } from '@common/tips.ts';
import {
  NOTICE_LIVE_EVENTS,
  type AdvanceNotice,
  type PresenceNotice,
  type PresenceStatus,
} from '@common/notices.ts';
import { useSession } from '../../lib/session.tsx';

/** One message of the live stream, typed by its event name. */
export type LiveMessage =
  | {
      [K in LiveEventType]: { type: K; id: string; payload: LivePayloads[K] };
    }[LiveEventType]
  | { type: (typeof TIP_LIVE_EVENTS)[number]; id: string; payload: TipLiveEvent }
  | { type: 'notice.presence'; id: string; payload: { notice: PresenceNotice; status: PresenceStatus } }
  | { type: 'notice.advance'; id: string; payload: { notice: AdvanceNotice } }
  | { type: 'needs.changed'; id: string; payload: { module: string } };

/** `connecting` before the first message, `live` while connected, `reconnecting` after a drop. */
export type LiveState = 'off' | 'connecting' | 'live' | 'reconnecting';

interface LiveContextValue {
  state: LiveState;
  /** Alerts in force at the user's schools, newest first. */
  active: Alert[];
  /** My own alerts still inside their cancel window when the connection (re)started. */
  pending: Alert[];
  /** Forgets a pending alert (cancelled, or announced). */
  dropPending: (alertId: string) => void;
  /** The last alert ended by All Clear since the page loaded (the "All clear" notice). */
  cleared: Alert | null;
  dismissCleared: () => void;
  /** When the alert state was last confirmed by the server (kept on the device, so it shows offline too). */
  confirmedAt: string | null;
  /** Receives every message of the stream; returns the unsubscribe function. */
  subscribe: (listener: (message: LiveMessage) => void) => () => void;
  /** Counts snapshots: a page holding live data reloads when it changes (the stream was re-established). */
  resyncs: number;
  /** The alert shown full screen: the newest in force that the user has not minimised. */
  takeover: Alert | null;
  /** Shrinks the full-screen alert to the bar (until it is escalated or shown again). */
  minimise: (alert: Alert) => void;
  /** Brings a minimised alert back full screen. */
  show: (alertId: string) => void;
}

// An escalation (new action) of a minimised alert must take the screen again.
const viewKey = (alert: Alert) => `${alert.id}:${alert.action}`;

const LiveContext = createContext<LiveContextValue | null>(null);

interface KeptAlerts {
  at: string;
  alerts: Alert[];
}

// The last alert state confirmed by the server, per user, so the app opened without signal still shows it.
const keptKey = (userId: string | undefined) => (userId ? `srodesk.lastAlerts.${userId}` : null);

function readKept(key: string | null): KeptAlerts | null {
  try {
    const text = key ? window.localStorage.getItem(key) : null;
    return text ? (JSON.parse(text) as KeptAlerts) : null;
  } catch {
    return null;
  }
}

// After the browser gives up (the server answered an error instead of the stream) we retry ourselves.
const RETRY_STEPS_MS = [1000, 2000, 4000, 8000, 15000];

/**
 * The one live connection of the signed-in app (Server-Sent Events on /api/live). EventSource resends
 * Last-Event-ID on its own reconnects; when it gives up, a new connection passes the last id in the
 * query so the server replays what was missed. Mounted inside the signed-in shell, so a new sign-in
 * starts with a fresh provider.
 */
export function LiveProvider({ children }: { children: ReactNode }) {
  const { can, user } = useSession();
  // Tip notices travel on the same stream: the tip team connects even without alert duty. SRO presence
  // notices need no test of their own: every role reading notices also receives alerts.
  const enabled = Boolean(user) && (can('alert.receive') || can('tip.read'));
  const [state, setState] = useState<LiveState>('connecting');
  const key = keptKey(user?.id);
  const [alerts, setAlerts] = useState<Map<string, Alert>>(
    // Online, the stream's snapshot says at once; the kept state is only for opening without signal.
    () => new Map((navigator.onLine ? [] : (readKept(key)?.alerts ?? [])).map((a) => [a.id, a])),
  );
  const [pending, setPending] = useState<Alert[]>([]);
  const [cleared, setCleared] = useState<Alert | null>(null);
  const [resyncs, setResyncs] = useState(0);
  const [minimised, setMinimised] = useState<ReadonlySet<string>>(() => new Set());
  const listeners = useRef(new Set<(message: LiveMessage) => void>());

  const handle = useCallback((message: LiveMessage) => {
    switch (message.type) {
      case 'snapshot': {
        // The snapshot also holds my own alerts still in their cancel window: those are not in force.
        const all = message.payload.alerts;
        setAlerts(new Map(all.filter((a) => a.status === 'active').map((a) => [a.id, a])));
        setPending(all.filter((a) => a.status === 'pending'));
        setResyncs((n) => n + 1);
        break;
      }
      case 'alert.announced':
      case 'alert.updated': {
        const alert = message.payload.alert;
        setPending((prev) => prev.filter((a) => a.id !== alert.id));
        setAlerts((prev) => {
          const next = new Map(prev);
          if (alert.status === 'active') next.set(alert.id, alert);
          else next.delete(alert.id);
          return next;
        });
        break;
      }
      case 'alert.cleared': {
        const alert = message.payload.alert;
        setAlerts((prev) => {
          if (!prev.has(alert.id)) return prev;
          const next = new Map(prev);
          next.delete(alert.id);
          return next;
        });
        setCleared(alert);
        break;
      }
      default:
        break;
    }
    for (const listener of listeners.current) listener(message);
  }, []);

  useEffect(() => {
    if (!enabled) return;
    let source: EventSource | null = null;
    let lastId: string | null = null;
    let timer: number | undefined;
    let failures = 0;
    let stopped = false;

    const connect = () => {
      const url = lastId ? `${LIVE_URL}?lastEventId=${encodeURIComponent(lastId)}` : LIVE_URL;
      const es = new EventSource(url);
      source = es;
      es.onopen = () => {
        failures = 0;
        setState('live');
      };
      es.onerror = () => {
        if (stopped) return;
        if (es.readyState === EventSource.CLOSED) {
          es.close();
          const delay = RETRY_STEPS_MS[Math.min(failures, RETRY_STEPS_MS.length - 1)]!;
          failures += 1;
          setState('reconnecting');
          timer = window.setTimeout(connect, delay);
        } else {
          setState('reconnecting');
        }
      };
      for (const type of [...LIVE_EVENT_TYPES, ...TIP_LIVE_EVENTS, ...NOTICE_LIVE_EVENTS, 'needs.changed']) {
        es.addEventListener(type, (event: MessageEvent<string>) => {
          if (event.lastEventId) lastId = event.lastEventId;
          let payload: unknown;
          try {
            payload = JSON.parse(event.data);
          } catch {
            return; // a malformed message is skipped; the next snapshot or event brings the state back
          }
          handle({ type, id: event.lastEventId, payload } as LiveMessage);
        });
      }
    };

    connect();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      source?.close();
    };
  }, [enabled, handle]);

  // While connected, every change of the alerts in force is what the server says: keep it for offline use.
  useEffect(() => {
    if (!key || state !== 'live') return;
    const at = new Date().toISOString();
    try {
      window.localStorage.setItem(
        key,
        JSON.stringify({ at, alerts: [...alerts.values()] } satisfies KeptAlerts),
      );
    } catch {
      // storage blocked: offline the app shows no alert state
    }
  }, [key, state, alerts]);

  const subscribe = useCallback((listener: (message: LiveMessage) => void) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);

  const value = useMemo<LiveContextValue>(() => {
    const active = [...alerts.values()].sort((a, b) =>
      (b.announcedAt ?? b.raisedAt).localeCompare(a.announcedAt ?? a.raisedAt),
    );
    const takeover = enabled ? (active.find((a) => !minimised.has(viewKey(a))) ?? null) : null;
    return {
      takeover,
      minimise: (alert) => setMinimised((prev) => new Set(prev).add(viewKey(alert))),
      show: (alertId) =>
        setMinimised((prev) => new Set([...prev].filter((key) => !key.startsWith(`${alertId}:`)))),
      state: enabled ? state : 'off',
      active: enabled ? active : [],
      pending: enabled ? pending : [],
      dropPending: (alertId) => setPending((prev) => prev.filter((a) => a.id !== alertId)),
      cleared,
      dismissCleared: () => setCleared(null),
      subscribe,
      resyncs,
      // Read when the connection state changes: going offline shows when the kept state was last confirmed.
      confirmedAt: readKept(key)?.at ?? null,
    };
  }, [enabled, state, alerts, pending, cleared, subscribe, resyncs, minimised, key]);

  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

/** The live connection: state, alerts in force, the All Clear notice. */
export function useLive(): LiveContextValue {
  const value = useContext(LiveContext);
  if (!value) throw new Error('useLive must be used inside <LiveProvider>');
  return value;
}

/** Calls `handler` for every live message (the latest handler, without resubscribing on each render). */
export function useLiveMessages(handler: (message: LiveMessage) => void): void {
  const { subscribe } = useLive();
  const ref = useRef(handler);
  useEffect(() => {
    ref.current = handler;
  });
  useEffect(() => subscribe((message) => ref.current(message)), [subscribe]);
}
