import { useEffect, useRef } from 'react';
import { useLive, useLiveMessages } from '../alerts/live.tsx';

// Several events in a burst (a notice and its needs) reload once.
const SETTLE_MS = 300;

/**
 * Calls `reload` after a live message of one of `types` (settled, so a burst reloads once) and after the
 * stream was re-established (something may have been missed meanwhile).
 */
export function useLiveReload(types: readonly string[], reload: () => void): void {
  const timer = useRef<number | undefined>(undefined);
  const { resyncs } = useLive();
  useLiveMessages((message) => {
    if (!types.includes(message.type)) return;
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(reload, SETTLE_MS);
  });
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    reload();
  }, [resyncs, reload]);
}
