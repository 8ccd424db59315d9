import { useState } from 'react';
import {
  MEETING_RECURRENCE_LABELS,
  MEETING_RECURRENCES,
  type MeetingRecurrence,
  type MeetingSeries,
  type MeetingSummary,
} from '@common/meetings.ts';
import { Button } from '../../components/Button.tsx';
import { SelectField, TextAreaField, TextField, type Option } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';
import { fromLocalInput, toLocalInput } from '../../lib/datetime.ts';
import { fieldError, useAction } from '../../lib/hooks.ts';

function nextMorning(): string {
  const d = new Date();
  d.setDate(d.getDate() + 1);
  d.setHours(8, 0, 0, 0);
  return toLocalInput(d);
}

/**
 * A regular meeting with the administration (`series`) or a one-off meeting: school, title, place, first start,
 * length; a series also repeats (weekly, every two weeks, monthly) until a day.
 */
export function MeetingSetupForm({
  mode,
  schoolOptions,
  defaultSchoolId,
  onDone,
  onCancel,
}: {
  mode: 'series' | 'single';
  schoolOptions: Option[];
  defaultSchoolId: string;
  onDone: (result: MeetingSeries | MeetingSummary) => void;
  onCancel: () => void;
}) {
  const [schoolId, setSchoolId] = useState(defaultSchoolId);
  const [title, setTitle] = useState(mode === 'series' ? 'SRO and administration check-in' : '');
  const [place, setPlace] = useState('');
  const [recurrence, setRecurrence] = useState<MeetingRecurrence>('weekly');
  const [startsAt, setStartsAt] = useState(nextMorning);
  const [duration, setDuration] = useState('30');
  const [until, setUntil] = useState('');
  const [agenda, setAgenda] = useState('');
  const save = useAction(async () => {
    const common = {
      schoolId,
      title: title.trim(),
      place: place.trim() || null,
      durationMinutes: Number(duration),
    };
    onDone(
      mode === 'series'
        ? await api.post<MeetingSeries>('/meeting-series', {
            ...common,
            recurrence,
            firstStartsAt: fromLocalInput(startsAt),
            ...(until ? { until } : {}),
          })
        : await api.post<MeetingSummary>('/meetings', {
            ...common,
            startsAt: fromLocalInput(startsAt),
            agenda: agenda.trim() || null,
          }),
    );
  });
  const err = (f: string) => fieldError(save.error, f);
  return (
    <Form
      onSubmit={() => void save.run()}
      error={save.error}
      aria-label={mode === 'series' ? 'New regular meeting' : 'New meeting'}
    >
      <div className="form-grid">
        <TextField
          label="Title"
          name="title"
          required
          maxLength={200}
          value={title}
          onChange={setTitle}
          error={err('title')}
          className="span-all"
        />
        <SelectField
          label="School"
          name="schoolId"
          required
          value={schoolId}
          onChange={setSchoolId}
          options={schoolOptions}
          error={err('schoolId')}
        />
        <TextField
          label="Place"
          name="place"
          maxLength={200}
          value={place}
          onChange={setPlace}
          error={err('place')}
          hint="e.g. Principal's office"
        />
        {mode === 'series' && (
          <SelectField
            label="Repeats"
            name="recurrence"
            required
            value={recurrence}
            onChange={(v) => setRecurrence(v as MeetingRecurrence)}
            options={MEETING_RECURRENCES.map((r) => ({ value: r, label: MEETING_RECURRENCE_LABELS[r] }))}
            error={err('recurrence')}
          />
        )}
        <TextField
          label={mode === 'series' ? 'First meeting' : 'Starts'}
          name={mode === 'series' ? 'firstStartsAt' : 'startsAt'}
          type="datetime-local"
          required
          value={startsAt}
          onChange={setStartsAt}
          error={err(mode === 'series' ? 'firstStartsAt' : 'startsAt')}
        />
        <TextField
          label="Length (minutes)"
          name="durationMinutes"
          type="number"
          inputMode="numeric"
          required
          min={5}
          max={480}
          value={duration}
          onChange={setDuration}
          error={err('durationMinutes')}
        />
        {mode === 'series' && (
          <TextField
            label="Until"
            name="until"
            type="date"
            value={until}
            onChange={setUntil}
            hint="Default: a year after the first meeting"
            error={err('until')}
          />
        )}
        {mode === 'single' && (
          <TextAreaField
            label="Agenda"
            name="agenda"
            rows={5}
            maxLength={20000}
            value={agenda}
            onChange={setAgenda}
            error={err('agenda')}
            className="span-all"
          />
        )}
      </div>
      <FormActions>
        <Button type="submit" variant="primary" busy={save.busy}>
          {mode === 'series' ? 'Create the meetings' : 'Create meeting'}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </FormActions>
    </Form>
  );
}
