import type { Preference } from '@common/notifications.ts';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Section } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { useAction, useApiData } from '../../lib/hooks.ts';

/** Per kind of notification: in the app (the bell) and by e-mail. Life-safety, alerts and escalations stay on. */
export function NotificationPreferences() {
  const prefs = useApiData<{ items: Preference[] }>('/notifications/preferences');
  const save = useAction(async (p: Preference, channel: 'inApp' | 'email', value: boolean) => {
    const body = { kind: p.kind, inApp: p.inApp, email: p.email, [channel]: value };
    prefs.mutate(await api.put<{ items: Preference[] }>('/notifications/preferences', body));
  });
  return (
    <Section title="Notifications" id="notifications">
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
              </tr>
            </thead>
            <tbody>
              {items.map((p) => (
                <tr key={p.kind}>
                  <th scope="row">
                    {p.label}
                    {p.mandatory && <span className="muted small"> (always on)</span>}
                  </th>
                  {(['inApp', 'email'] as const).map((channel) => (
                    <td key={channel}>
                      <input
                        type="checkbox"
                        checked={p[channel]}
                        disabled={p.mandatory || save.busy}
                        aria-label={`${p.label}: ${channel === 'inApp' ? 'in the app' : 'e-mail'}`}
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
