import { useParams } from 'react-router-dom';
import type { Meeting } from '@common/meetings.ts';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { formatMinutes } from '../../lib/datetime.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useAction, useApiData } from '../../lib/hooks.ts';
import { useSession } from '../../lib/session.tsx';
import { ActionItemForm, ActionItemList } from './ActionItems.tsx';
import { TextSection } from './TextSection.tsx';

/** Who attended, and my own "I attended" switch (an attending SRO gets the meeting in the activity log). */
function Attendance({ meeting, onChange }: { meeting: Meeting; onChange: (m: Meeting) => void }) {
  const { user } = useSession();
  const me = meeting.attendees.find((a) => a.id === user?.id);
  const set = useAction(async (attended: boolean) => {
    onChange(await api.put<Meeting>(`/meetings/${meeting.id}/attendance`, { attended }));
  });
  const present = meeting.attendees.filter((a) => a.attended);
  return (
    <Section title="Attendance" id="attendance">
      <ErrorBanner error={set.error} />
      <p>
        {present.length === 0 ? 'Nobody has been marked present yet.' : present.map((a) => a.name).join(', ')}
      </p>
      <div className="row">
        {me?.attended ? (
          <Button onClick={() => void set.run(false)} busy={set.busy}>
            I did not attend
          </Button>
        ) : (
          <Button variant="primary" onClick={() => void set.run(true)} busy={set.busy}>
            I attended
          </Button>
        )}
      </div>
    </Section>
  );
}

/** One meeting with the administration: agenda, minutes, attendance and action items with owners. */
export function MeetingPage() {
  const { id = '' } = useParams();
  const meeting = useApiData<Meeting>(`/meetings/${id}`);
  const patch = async (body: Record<string, unknown>) => {
    meeting.mutate(await api.patch<Meeting>(`/meetings/${id}`, body));
  };
  const cancel = useAction(async (cancelled: boolean) => patch({ cancelled }));
  const m = meeting.data;
  return (
    <Page
      title={m?.title ?? 'Meeting'}
      description={
        m &&
        `${formatDateTime(m.startsAt)} · ${formatMinutes(m.durationMinutes)} · ${m.schoolName}${m.place ? ` · ${m.place}` : ''}`
      }
      breadcrumbs={[{ label: 'Meetings', to: '/meetings' }]}
      actions={
        m && (
          <Button onClick={() => void cancel.run(!m.cancelled)} busy={cancel.busy}>
            {m.cancelled ? 'Restore meeting' : 'Cancel meeting'}
          </Button>
        )
      }
    >
      <ErrorBanner error={cancel.error} />
      <LoadState resource={meeting} label="Loading the meeting…">
        {(data) => (
          <div className="page-sections">
            {data.cancelled && (
              <p>
                <Badge tone="warning">Cancelled</Badge>
              </p>
            )}
            <TextSection
              key={`a${data.updatedAt}`}
              id="agenda"
              title="Agenda"
              value={data.agenda}
              empty="No agenda yet."
              maxLength={20000}
              onSave={(agenda) => patch({ agenda })}
            />
            <TextSection
              key={`m${data.updatedAt}`}
              id="minutes"
              title="Minutes"
              value={data.minutes}
              empty="No minutes yet."
              maxLength={50000}
              onSave={(minutes) => patch({ minutes })}
            />
            <Attendance meeting={data} onChange={meeting.mutate} />
            <Section title="Action items" id="action-items">
              <ActionItemList items={data.actionItems} onChanged={meeting.reload} />
              <h3>Add an action item</h3>
              <ActionItemForm meeting={data} onDone={meeting.mutate} />
            </Section>
          </div>
        )}
      </LoadState>
    </Page>
  );
}
