import { useState } from 'react';
import { PATROL_KIND_LABELS, PATROL_KINDS, type PatrolEntry, type PatrolKind } from '@common/patrols.ts';
import { Button } from '../../components/Button.tsx';
import { SelectField, TextAreaField, TextField, type Option } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';
import { fromLocalInput, toLocalInput } from '../../lib/datetime.ts';
import { fieldError, useAction } from '../../lib/hooks.ts';
import { sendOrQueue } from '../../lib/offline-queue.ts';
import { useSession } from '../../lib/session.tsx';
import { useAreaOptions } from './useAreas.ts';

const DURATIONS = [5, 10, 15, 30, 60];

/**
 * The quick patrol log, built for a phone in a hallway: the kind as big choices, the area of the school,
 * the time (now unless changed), the duration and a note. With `entry` it edits that entry instead.
 */
export function PatrolForm({
  schoolOptions,
  defaultSchoolId,
  entry,
  onDone,
  onCancel,
}: {
  schoolOptions: Option[];
  defaultSchoolId: string;
  entry?: PatrolEntry;
  onDone: (entry: PatrolEntry) => void;
  onCancel?: () => void;
}) {
  const [schoolId, setSchoolId] = useState(entry?.school.id ?? defaultSchoolId);
  const [kind, setKind] = useState<PatrolKind>(entry?.kind ?? 'interior');
  const [areaId, setAreaId] = useState(entry?.area?.id ?? '');
  // Untouched, the time is left to the server ("now minus the duration"): a patrol logged as it ends.
  const [startedAt, setStartedAt] = useState(entry ? toLocalInput(new Date(entry.startedAt)) : '');
  const [duration, setDuration] = useState(String(entry?.durationMinutes ?? 15));
  const [notes, setNotes] = useState(entry?.notes ?? '');
  const areas = useAreaOptions(schoolId);
  const { user } = useSession();

  const save = useAction(async () => {
    const body = {
      kind,
      areaId: areaId || null,
      durationMinutes: Number(duration),
      notes: notes.trim() || null,
      ...(startedAt ? { startedAt: fromLocalInput(startedAt) } : {}),
    };
    if (entry) {
      onDone(await api.patch<PatrolEntry>(`/patrols/${entry.id}`, body));
      return 'The entry is saved.';
    }
    // Without signal the patrol is kept on this device with the time it was logged (not the time it is sent).
    const sent = await sendOrQueue<PatrolEntry>(
      user!.id,
      'patrol',
      `Patrol: ${PATROL_KIND_LABELS[kind]}, ${duration} min`,
      '/patrols',
      {
        ...body,
        schoolId,
        startedAt: body.startedAt ?? new Date(Date.now() - Number(duration) * 60_000).toISOString(),
      },
    );
    setNotes('');
    setStartedAt('');
    setAreaId('');
    if (sent.queued) return 'No signal: the patrol is kept on this device and sent when you are back online.';
    onDone(sent.result);
    return 'Patrol logged.';
  });
  const err = (f: string) => fieldError(save.error, f);

  return (
    <Form
      onSubmit={() => void save.run()}
      error={save.error}
      success={entry ? null : save.success}
      aria-label={entry ? 'Edit patrol entry' : 'Log a patrol'}
      className="patrol-form"
    >
      {!entry && schoolOptions.length > 1 && (
        <SelectField
          label="School"
          name="schoolId"
          required
          value={schoolId}
          onChange={(v) => {
            setSchoolId(v);
            setAreaId('');
          }}
          options={schoolOptions}
          error={err('schoolId')}
        />
      )}
      <fieldset className="choice-grid" aria-describedby={err('kind') ? 'patrol-kind-error' : undefined}>
        <legend className="field-label">Kind</legend>
        {PATROL_KINDS.map((k) => (
          <label key={k} className={kind === k ? 'choice is-checked' : 'choice'}>
            <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
            {PATROL_KIND_LABELS[k]}
          </label>
        ))}
        {err('kind') && (
          <p id="patrol-kind-error" className="field-error">
            {err('kind')}
          </p>
        )}
      </fieldset>
      <SelectField
        label="Area"
        name="areaId"
        value={areaId}
        onChange={setAreaId}
        options={areas.options}
        placeholder={areas.loading ? 'Loading areas…' : 'Whole campus / no particular area'}
        hint={areas.error ? `The areas could not be loaded: ${areas.error.message}` : undefined}
        error={err('areaId')}
      />
      <div className="form-grid">
        <TextField
          label="Started at"
          name="startedAt"
          type="datetime-local"
          value={startedAt || toLocalInput(new Date())}
          onChange={setStartedAt}
          hint={startedAt ? undefined : 'Now: left as is, the patrol is logged as just finished.'}
          error={err('startedAt')}
        />
        <TextField
          label="Duration (minutes)"
          name="durationMinutes"
          type="number"
          inputMode="numeric"
          required
          min={1}
          max={1440}
          value={duration}
          onChange={setDuration}
          error={err('durationMinutes')}
        />
      </div>
      <div className="quick-picks" role="group" aria-label="Quick durations">
        {DURATIONS.map((d) => (
          <Button
            key={d}
            size="small"
            variant={duration === String(d) ? 'primary' : 'secondary'}
            aria-pressed={duration === String(d)}
            onClick={() => setDuration(String(d))}
          >
            {d} min
          </Button>
        ))}
      </div>
      <TextAreaField
        label="Notes"
        name="notes"
        maxLength={2000}
        value={notes}
        onChange={setNotes}
        error={err('notes')}
      />
      <FormActions>
        <Button type="submit" variant="primary" busy={save.busy} className="btn-wide">
          {entry ? 'Save entry' : 'Log patrol'}
        </Button>
        {onCancel && <Button onClick={onCancel}>Cancel</Button>}
      </FormActions>
    </Form>
  );
}
