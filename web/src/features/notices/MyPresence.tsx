import { useState } from 'react';
import type { PresenceNotice, PresenceStatus } from '@common/notices.ts';
import { Button } from '../../components/Button.tsx';
import { ErrorBanner, Notice } from '../../components/ErrorBanner.tsx';
import { TextField } from '../../components/Field.tsx';
import { Form } from '../../components/Form.tsx';
import { Section } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { formatTime, fromLocalInput, toLocalInput } from '../../lib/datetime.ts';
import { plural } from '../../lib/format.ts';
import { fieldError, useAction } from '../../lib/hooks.ts';
import { useHomeSchoolId } from '../../lib/home-school.ts';
import { useSession } from '../../lib/session.tsx';
import { LeaveForm } from './LeaveForm.tsx';

/** While away: the big "Back on campus" button and a way to move the expected return. */
function AwayPanel({ notice, onChange }: { notice: PresenceNotice; onChange: (message: string) => void }) {
  const [expected, setExpected] = useState(() => toLocalInput(new Date(notice.expectedReturnAt)));
  const back = useAction(async () => {
    await api.post(`/presence/${notice.id}/return`);
    onChange(`Back on campus at ${notice.schoolName}: staff have been told.`);
  });
  const update = useAction(async () => {
    await api.patch(`/presence/${notice.id}`, { expectedReturnAt: fromLocalInput(expected) });
    onChange(`The expected return is now ${formatTime(fromLocalInput(expected))}.`);
  });
  return (
    <div className="stack" data-away-notice={notice.id}>
      <p>
        You left {notice.schoolName} at {formatTime(notice.leftAt)} ({notice.reason}); expected back{' '}
        {formatTime(notice.expectedReturnAt)}. {plural(notice.recipients, 'staff member')} told.
      </p>
      <ErrorBanner error={back.error} />
      <Button variant="primary" className="one-tap" busy={back.busy} onClick={() => void back.run()}>
        Back on campus
      </Button>
      <Form onSubmit={() => void update.run()} error={update.error} aria-label="Change the expected return">
        <div className="form-grid">
          <TextField
            label="Expected back"
            name="expectedReturnAt"
            type="datetime-local"
            required
            value={expected}
            onChange={setExpected}
            error={fieldError(update.error, 'expectedReturnAt')}
          />
        </div>
        <div>
          <Button type="submit" busy={update.busy}>
            Update the expected return
          </Button>
        </div>
      </Form>
    </div>
  );
}

/**
 * The officer's own status: the one-tap "Leaving the building" (with reason, expected return, backup contact)
 * or, while away, "Back on campus".
 */
export function MyPresence({ statuses, onChange }: { statuses: PresenceStatus[]; onChange: () => void }) {
  const { user, schools } = useSession();
  const homeSchoolId = useHomeSchoolId();
  const [message, setMessage] = useState<string | null>(null);
  if (!user) return null;
  const mine = statuses.filter((s) => s.sro.id === user.id);
  const away = mine.filter((s) => s.status === 'away' && s.notice);
  // Only schools where I am an assigned SRO can be left; the presence list names them.
  const mySchools =
    mine.length > 0
      ? mine.map((s) => ({ value: s.schoolId, label: s.schoolName }))
      : schools.map((s) => ({ value: s.id, label: s.name }));
  const onCampus = mySchools.filter((o) => !away.some((a) => a.schoolId === o.value));
  const changed = (text: string) => {
    setMessage(text);
    onChange();
  };
  const defaultSchoolId = onCampus.find((o) => o.value === homeSchoolId)?.value ?? onCampus[0]?.value ?? '';
  return (
    <Section title="My status" id="my-status">
      <Notice message={message} />
      {away.map((s) => (
        <AwayPanel key={s.notice!.id} notice={s.notice!} onChange={changed} />
      ))}
      {onCampus.length > 0 && away.length === 0 && (
        <LeaveForm
          key={defaultSchoolId}
          userId={user.id}
          schoolOptions={onCampus}
          defaultSchoolId={defaultSchoolId}
          onDone={(n) => changed(`Leaving ${n.schoolName}: ${plural(n.recipients, 'staff member')} told.`)}
        />
      )}
    </Section>
  );
}
