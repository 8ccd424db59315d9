import { useEffect } from 'react';

/** Calls `tick` every `everyMs` while the tab is visible, and at once when it becomes visible again. */
export function usePolling(tick: () => void, everyMs: number, enabled = true): void {
  useEffect(() => {
    if (!enabled) return;
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') tick();
    }, everyMs);
    const onVisible = () => {
      if (document.visibilityState === 'visible') tick();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [tick, everyMs, enabled]);
}
