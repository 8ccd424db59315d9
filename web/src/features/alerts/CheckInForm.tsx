import { useId, useState } from 'react';
import type { Alert, CheckIn, CheckInBody, CheckInStatus } from '@common/alerts.ts';
import { Button } from '../../components/Button.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { ApiError } from '../../lib/api.ts';
import { sendOrQueue } from '../../lib/offline-queue.ts';
import { fieldError, useAction, useApiData } from '../../lib/hooks.ts';
import { useSession } from '../../lib/session.tsx';
import { formatTime } from './srp.ts';
import { MyClassList } from './MyClassList.tsx';

interface Area {
  id: string;
  name: string;
  active: boolean;
}

const COUNTS = [
  { name: 'studentsWithMe', label: 'Students with me' },
  { name: 'missing', label: 'Missing' },
  { name: 'extra', label: 'Extra (not on my list)' },
  { name: 'injured', label: 'Injured' },
] as const;
type CountName = (typeof COUNTS)[number]['name'];

/** A whole-number input with large − and + buttons (thumbs in a hallway, not a mouse). */
function Stepper({
  name,
  label,
  value,
  onChange,
  error,
}: {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  const id = useId();
  const n = Math.max(0, Number.parseInt(value, 10) || 0);
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <div className="stepper">
        <button
          type="button"
          aria-label={`${label}: one less`}
          onClick={() => onChange(String(Math.max(0, n - 1)))}
        >
          −
        </button>
        <input
          id={id}
          name={name}
          className="input"
          type="number"
          inputMode="numeric"
          min={0}
          max={5000}
          step={1}
          required
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        <button type="button" aria-label={`${label}: one more`} onClick={() => onChange(String(n + 1))}>
          +
        </button>
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** The form itself, started from the last check-in when there is one. */
function CheckInFields({
  alert,
  schoolIds,
  last,
  onDone,
  onQueued,
}: {
  alert: Alert;
  schoolIds: string[];
  last: CheckIn | undefined;
  onDone: (checkIn: CheckIn) => void;
  /** Told when the check-in was kept on this device for lack of signal (offline queue). */
  onQueued: (label: string) => void;
}) {
  const { user } = useSession();
  const [schoolId, setSchoolId] = useState(last?.schoolId ?? schoolIds[0] ?? '');
  const [status, setStatus] = useState<CheckInStatus | ''>(last?.status ?? '');
  const [location, setLocation] = useState(last?.location ?? '');
  const [counts, setCounts] = useState<Record<CountName, string>>({
    studentsWithMe: String(last?.studentsWithMe ?? 0),
    missing: String(last?.missing ?? 0),
    extra: String(last?.extra ?? 0),
    injured: String(last?.injured ?? 0),
  });
  const [note, setNote] = useState(last?.note ?? '');
  const areas = useApiData<{ items: Area[] }>(schoolId ? `/schools/${schoolId}/areas` : null);
  const listId = useId();
  const statusName = useId();

  const action = useAction(async () => {
    const area = areas.data?.items.find((a) => a.name.toLowerCase() === location.trim().toLowerCase());
    const body: CheckInBody = {
      status: status as CheckInStatus,
      location: location.trim(),
      studentsWithMe: Number(counts.studentsWithMe),
      missing: Number(counts.missing),
      extra: Number(counts.extra),
      injured: Number(counts.injured),
      ...(schoolIds.length > 1 ? { schoolId } : {}),
      ...(area ? { areaId: area.id } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    };
    const label = `Check-in: ${body.status === 'safe' ? 'safe' : 'need help'} at ${body.location}`;
    const sent = await sendOrQueue<CheckIn>(user!.id, 'checkin', label, `/alerts/${alert.id}/check-ins`, {
      ...body,
    });
    if (sent.queued) onQueued(label);
    else onDone(sent.result);
  });
  const schools = alert.schools.filter((s) => schoolIds.includes(s.id));

  return (
    <Form onSubmit={() => void action.run()} error={action.error} aria-label="Check in">
      {schools.length > 1 && (
        <SelectField
          label="School"
          name="schoolId"
          value={schoolId}
          onChange={setSchoolId}
          options={schools.map((s) => ({ value: s.id, label: s.name }))}
          required
        />
      )}
      <fieldset className="checkin-status">
        <legend>How are you?</legend>
        <label className="is-safe">
          <input
            type="radio"
            name="status"
            value="safe"
            required
            checked={status === 'safe'}
            onChange={() => setStatus('safe')}
            aria-describedby={statusName}
          />
          Safe
        </label>
        <label className="is-help">
          <input
            type="radio"
            name="status"
            value="need_help"
            checked={status === 'need_help'}
            onChange={() => setStatus('need_help')}
            aria-describedby={statusName}
          />
          Need help
        </label>
        <p id={statusName} className="visually-hidden">
          Choose Need help for any emergency in your room or area; say what in the note.
        </p>
      </fieldset>
      <TextField
        label="Room or area"
        name="location"
        value={location}
        onChange={setLocation}
        list={listId}
        autoComplete="off"
        required
        maxLength={200}
        placeholder="Room 114, gym, football field…"
        error={fieldError(action.error, 'location')}
      />
      <datalist id={listId}>
        {areas.data?.items
          .filter((a) => a.active)
          .map((a) => (
            <option key={a.id} value={a.name} />
          ))}
      </datalist>
      <MyClassList
        alertId={alert.id}
        schoolId={schoolId}
        onUse={({ withMe, missing }) => {
          setCounts((prev) => ({ ...prev, studentsWithMe: String(withMe), missing: String(missing.length) }));
          if (missing.length > 0)
            setNote((prev) => [prev.trim(), `Missing: ${missing.join(', ')}`].filter(Boolean).join('\n'));
        }}
      />
      <div className="count-grid">
        {COUNTS.map((c) => (
          <Stepper
            key={c.name}
            name={c.name}
            label={c.label}
            value={counts[c.name]}
            onChange={(v) => setCounts((prev) => ({ ...prev, [c.name]: v }))}
            error={fieldError(action.error, c.name)}
          />
        ))}
      </div>
      <TextAreaField
        label={
          status === 'need_help' ? 'What help do you need?' : 'Note (names of missing or injured students…)'
        }
        name="note"
        value={note}
        onChange={setNote}
        maxLength={1000}
        rows={2}
        required={status === 'need_help'}
        error={fieldError(action.error, 'note')}
      />
      <FormActions>
        <Button
          type="submit"
          variant={status === 'need_help' ? 'danger' : 'primary'}
          busy={action.busy}
          className="checkin-submit"
        >
          {last ? 'Update my check-in' : 'Check in'}
        </Button>
      </FormActions>
    </Form>
  );
}

/**
 * Check-in during an alert: safe or need help, room or area, students with me, missing, extra and
 * injured. Shows the last check-in with a button to update it.
 */
export function CheckInForm({ alert }: { alert: Alert }) {
  const { schools } = useSession();
  const mine = useApiData<{ items: CheckIn[] }>(`/alerts/${alert.id}/check-ins/mine`);
  const [editing, setEditing] = useState(false);
  const [latest, setLatest] = useState<CheckIn | null>(null);
  const [queued, setQueued] = useState<string | null>(null);
  // The session lists every school of a district-wide user, so this is where the user may check in.
  const mySchools = new Set(schools.map((s) => s.id));
  const schoolIds = alert.schools.map((s) => s.id).filter((id) => mySchools.has(id));

  const kept = queued && (
    <p role="status" className="banner banner-warning">
      No signal: “{queued}” is kept on this device and sent as soon as you are back online.
    </p>
  );
  // Without signal the last check-in cannot be loaded: the form still takes a new one.
  if (mine.error instanceof ApiError && mine.error.code === 'network') {
    return (
      <div className="stack">
        {kept}
        <CheckInFields
          alert={alert}
          schoolIds={schoolIds}
          last={undefined}
          onDone={setLatest}
          onQueued={setQueued}
        />
      </div>
    );
  }
  return (
    <LoadState resource={mine} label="Loading your check-in…">
      {({ items }) => {
        const last =
          latest ?? [...items].sort((a, b) => b.checkedInAt.localeCompare(a.checkedInAt))[0] ?? undefined;
        if (last && !editing) {
          return (
            <div className="stack">
              <p
                role="status"
                className={last.status === 'safe' ? 'banner banner-success' : 'banner banner-error'}
              >
                <strong>
                  Checked in: {last.status === 'safe' ? 'safe' : 'need help'} at {last.location}
                </strong>{' '}
                ({formatTime(last.checkedInAt)}). {last.studentsWithMe} students with you, {last.missing}{' '}
                missing, {last.extra} extra, {last.injured} injured.
              </p>
              <div>
                <Button onClick={() => setEditing(true)}>Update my check-in</Button>
              </div>
            </div>
          );
        }
        return (
          <div className="stack">
            {kept}
            <CheckInFields
              alert={alert}
              schoolIds={schoolIds}
              last={last}
              onDone={(checkIn) => {
                setLatest(checkIn);
                setQueued(null);
                setEditing(false);
              }}
              onQueued={setQueued}
            />
          </div>
        );
      }}
    </LoadState>
  );
}
