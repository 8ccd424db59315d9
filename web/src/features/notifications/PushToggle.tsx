import { useEffect, useState } from 'react';
import type { PushState } from '@common/notifications.ts';
import { Button } from '../../components/Button.tsx';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { api } from '../../lib/api.ts';
import { useAction, useApiData } from '../../lib/hooks.ts';

const supported = typeof window !== 'undefined' && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const raw = atob(base64url.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/** Turns Web Push on or off on this device: the service worker (`/sw.js`) shows what the bell would. */
export function PushToggle() {
  const state = useApiData<PushState>('/notifications/push');
  const [endpoint, setEndpoint] = useState<string | null>(null);
  // This device's subscription, if it has one (its endpoint is matched against my devices on the server).
  useEffect(() => {
    if (!supported) return;
    void navigator.serviceWorker.getRegistration('/sw.js')
      .then((r) => r?.pushManager.getSubscription())
      .then((s) => setEndpoint(s?.endpoint ?? null))
      .catch(() => setEndpoint(null));
  }, []);
  const toggle = useAction(async (on: boolean) => {
    const registration = await navigator.serviceWorker.register('/sw.js');
    const existing = await registration.pushManager.getSubscription();
    if (!on) {
      if (existing) {
        state.mutate(await api.post<PushState>('/notifications/push/unsubscribe', { endpoint: existing.endpoint }));
        await existing.unsubscribe();
      }
      setEndpoint(null);
      return 'Notifications are off on this device.';
    }
    if ((await Notification.requestPermission()) !== 'granted') throw new Error('Notifications are blocked for this site in the browser settings.');
    const subscription = existing ?? (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(state.data!.publicKey) }));
    state.mutate(await api.post<PushState>('/notifications/push/subscriptions', subscription.toJSON()));
    setEndpoint(subscription.endpoint);
    return 'Notifications are on for this device.';
  });
  if (!supported || !state.data) return null;
  const on = endpoint !== null && state.data.devices.some((d) => d.endpoint === endpoint);
  return (
    <div className="push-toggle">
      <ErrorBanner error={toggle.error} />
      <p className="muted small">
        Notifications on this device show alerts, life-safety tips, escalations and what you chose in the app, even with SRO Desk closed.
        {state.data.devices.length > 0 && ` On for ${state.data.devices.length} device${state.data.devices.length === 1 ? '' : 's'}.`}
      </p>
      <Button type="button" busy={toggle.busy} onClick={() => void toggle.run(!on)}>
        {on ? 'Turn off notifications on this device' : 'Turn on notifications on this device'}
      </Button>
      {toggle.success && <p role="status" className="small">{toggle.success}</p>}
    </div>
  );
}
