import { useState } from 'react';
import type { EventFeed } from '@common/events.ts';
import { Button } from '../../components/Button.tsx';
import { CopyField } from '../../components/CopyField.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { SelectField, type Option } from '../../components/Field.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Section } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useAction, useApiData } from '../../lib/hooks.ts';

const feedName = (f: EventFeed) =>
  f.scope === 'sro' ? 'Events I cover' : `Events of ${f.schoolName ?? 'a school'}`;

/**
 * iCalendar subscriptions: a secret URL for one school's events or for the events I cover. The URL is shown once
 * (when made or renewed), with a copy button; renewing it stops the old one.
 */
export function EventFeeds({
  schoolOptions,
  coversEvents,
}: {
  schoolOptions: Option[];
  coversEvents: boolean;
}) {
  const feeds = useApiData<{ items: EventFeed[] }>('/event-feeds');
  const [schoolId, setSchoolId] = useState(schoolOptions[0]?.value ?? '');
  const [fresh, setFresh] = useState<EventFeed | null>(null);
  const act = useAction(async (run: () => Promise<EventFeed | void>) => {
    const feed = await run();
    setFresh(feed ?? null);
    feeds.reload();
  });
  const create = (body: { scope: 'sro' | 'school'; schoolId?: string }) =>
    void act.run(() => api.post<EventFeed>('/event-feeds', body));

  return (
    <Section title="Calendar subscription (iCal)" id="feeds">
      <p className="muted small">
        Add the events to Outlook, Google or Apple Calendar: copy the address and subscribe to it. Anyone with
        the address can read the calendar; renew it if it was shared by mistake.
      </p>
      <ErrorBanner error={act.error} />
      {fresh?.url && (
        <div className="banner banner-success stack" data-feed-url>
          <CopyField
            label={`Subscription address: ${feedName(fresh)}`}
            value={fresh.url}
            hint="Shown only now: copy it before leaving the page."
          />
        </div>
      )}
      <div className="filters">
        {coversEvents && (
          <Button onClick={() => create({ scope: 'sro' })} busy={act.busy}>
            Subscribe to the events I cover
          </Button>
        )}
        {schoolOptions.length > 0 && (
          <div className="row" style={{ alignItems: 'flex-end' }}>
            {schoolOptions.length > 1 && (
              <SelectField label="School" value={schoolId} onChange={setSchoolId} options={schoolOptions} />
            )}
            <Button
              onClick={() => create({ scope: 'school', schoolId })}
              busy={act.busy}
              disabled={!schoolId}
            >
              Subscribe to {schoolOptions.length > 1 ? "this school's" : `${schoolOptions[0]!.label}'s`}{' '}
              events
            </Button>
          </div>
        )}
      </div>
      <LoadState resource={feeds} label="Loading your subscriptions…">
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState title="No calendar subscription yet." />
          ) : (
            <ul className="entry-cards" aria-label="Your calendar subscriptions">
              {items.map((f) => (
                <li key={f.id} className="entry-card">
                  <strong>{feedName(f)}</strong>
                  <p className="small muted">
                    Made {formatDateTime(f.rotatedAt ?? f.createdAt)}
                    {f.lastFetchedAt
                      ? ` · last read by a calendar ${formatDateTime(f.lastFetchedAt)}`
                      : ' · not read yet'}
                  </p>
                  <div className="row">
                    <Button
                      size="small"
                      onClick={() => void act.run(() => api.post<EventFeed>(`/event-feeds/${f.id}/rotate`))}
                      aria-label={`New address for ${feedName(f)}`}
                    >
                      New address
                    </Button>
                    <Button
                      size="small"
                      variant="ghost"
                      onClick={() => void act.run(() => api.delete(`/event-feeds/${f.id}`))}
                      aria-label={`Stop ${feedName(f)}`}
                    >
                      Stop
                    </Button>
                  </div>
                </li>
              ))}
            </ul>
          )
        }
      </LoadState>
    </Section>
  );
}
