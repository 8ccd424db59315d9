import type { Mobile, Preference } from '@common/notifications.ts';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Section } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { useAction, useApiData } from '../../lib/hooks.ts';
import { MobileForm } from './MobileForm.tsx';
import { PushToggle } from './PushToggle.tsx';

const CHANNEL_LABELS = { inApp: 'in the app', email: 'e-mail', sms: 'text message' } as const;

/**
 * Per kind of notification: in the app (the bell), by e-mail and (when the server sends SMS) by text message to
 * my mobile number. Life-safety, alerts and escalations stay on.
 */
export function NotificationPreferences() {
  const prefs = useApiData<{ items: Preference[] }>('/notifications/preferences');
  const mobile = useApiData<Mobile>('/notifications/mobile');
  const channels = mobile.data?.smsConfigured ? (['inApp', 'email', 'sms'] as const) : (['inApp', 'email'] as const);
  const save = useAction(async (p: Preference, channel: 'inApp' | 'email' | 'sms', value: boolean) => {
    const body = { kind: p.kind, inApp: p.inApp, email: p.email, sms: p.sms, [channel]: value };
    prefs.mutate(await api.put<{ items: Preference[] }>('/notifications/preferences', body));
  });
  return (
    <Section title="Notifications" id="notifications">
      <PushToggle />
      {mobile.data?.smsConfigured && <MobileForm mobile={mobile.data} onSaved={(m) => mobile.mutate(m)} />}
      <ErrorBanner error={save.error} />
      <LoadState resource={prefs} label="Loading your notification choices…">
        {({ items }) => (
          <table className="data-table">
            <caption className="visually-hidden">How you are notified of each kind</caption>
            <thead>
              <tr>
                <th scope="col">Kind</th>
                <th scope="col">In the app</th>
                <th scope="col">E-mail</th>
                {channels.length === 3 && <th scope="col">Text message</th>}
              </tr>
            </thead>
            <tbody>
              {items.map((p) => (
                <tr key={p.kind}>
                  <th scope="row">
                    {p.label}
                    {p.mandatory && <span className="muted small"> (always on)</span>}
                  </th>
                  {channels.map((channel) => (
                    <td key={channel}>
                      <input
                        type="checkbox"
                        checked={p[channel]}
                        disabled={p.mandatory || save.busy}
                        aria-label={`${p.label}: ${CHANNEL_LABELS[channel]}`}
                        onChange={(e) => void save.run(p, channel, e.target.checked)}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </LoadState>
    </Section>
  );
}
