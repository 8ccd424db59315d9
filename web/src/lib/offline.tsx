import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { flushQueue, onQueueChange } from './offline-queue.ts';
import { listWrites, type QueuedKind, type QueuedWrite } from './offline-store.ts';

/** What the signed-in frame knows about the offline queue of the signed-in user. */
export interface OfflineState {
  /** The browser's idea of the network (navigator.onLine, updated by its online/offline events). */
  online: boolean;
  /** The user's entries, oldest first: waiting (`queued`) and refused by the server (`refused`). */
  writes: QueuedWrite[];
  userId: string;
}

const OfflineContext = createContext<OfflineState | null>(null);

/**
 * Keeps the user's queue in view and sends it: when the app starts, whenever the browser comes back online, and
 * (from offline-queue.ts) on a backing-off timer while the server cannot be reached.
 */
export function OfflineProvider({ userId, children }: { userId: string; children: ReactNode }) {
  const [online, setOnline] = useState(() => navigator.onLine);
  const [writes, setWrites] = useState<QueuedWrite[]>([]);

  useEffect(() => {
    let live = true;
    const load = () =>
      void listWrites(userId).then(
        (w) => live && setWrites(w),
        () => undefined,
      );
    const off = onQueueChange((change) => {
      if (change.userId === userId) load();
    });
    const goOnline = () => {
      setOnline(true);
      void flushQueue(userId);
    };
    const goOffline = () => setOnline(false);
    window.addEventListener('online', goOnline);
    window.addEventListener('offline', goOffline);
    load();
    if (navigator.onLine) void flushQueue(userId);
    return () => {
      live = false;
      off();
      window.removeEventListener('online', goOnline);
      window.removeEventListener('offline', goOffline);
    };
  }, [userId]);

  return <OfflineContext.Provider value={{ online, writes, userId }}>{children}</OfflineContext.Provider>;
}

/** The offline state of the signed-in user (outside the signed-in frame: online, nothing queued). */
export function useOffline(): OfflineState {
  return useContext(OfflineContext) ?? { online: true, writes: [], userId: '' };
}

/** Calls `onSent` each time a queued write of `kind` reaches the server (a list then reloads to show it). */
export function useQueueSent(kind: QueuedKind, onSent: () => void): void {
  const callback = useRef(onSent);
  useEffect(() => {
    callback.current = onSent;
  });
  useEffect(
    () =>
      onQueueChange((change) => {
        if (change.sent?.kind === kind) callback.current();
      }),
    [kind],
  );
}
