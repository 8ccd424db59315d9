import { useState } from 'react';
import { EVENT_KIND_LABELS, EVENT_KINDS, type Event, type EventKind } from '@common/events.ts';
import { Button } from '../../components/Button.tsx';
import {
  CheckboxField,
  SelectField,
  TextAreaField,
  TextField,
  type Option,
} from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';
import { fromLocalInput, toLocalInput } from '../../lib/datetime.ts';
import { fieldError, useAction } from '../../lib/hooks.ts';

function defaultStart(): Date {
  const d = new Date();
  d.setDate(d.getDate() + 7);
  d.setHours(18, 0, 0, 0);
  return d;
}

/** An extracurricular event (new or changed): school, kind, title, place, start and end, description. */
export function EventForm({
  event,
  schoolOptions,
  defaultSchoolId,
  onDone,
  onCancel,
}: {
  event?: Event;
  schoolOptions: Option[];
  defaultSchoolId: string;
  onDone: (e: Event) => void;
  onCancel: () => void;
}) {
  const [schoolId, setSchoolId] = useState(event?.schoolId ?? defaultSchoolId);
  const [kind, setKind] = useState<EventKind>(event?.kind ?? 'game');
  const [title, setTitle] = useState(event?.title ?? '');
  const [place, setPlace] = useState(event?.place ?? '');
  const [startsAt, setStartsAt] = useState(() =>
    toLocalInput(event ? new Date(event.startsAt) : defaultStart()),
  );
  const [endsAt, setEndsAt] = useState(() =>
    toLocalInput(event ? new Date(event.endsAt) : new Date(defaultStart().getTime() + 3 * 3_600_000)),
  );
  const [description, setDescription] = useState(event?.description ?? '');
  const [cancelled, setCancelled] = useState(event?.cancelled ?? false);
  const save = useAction(async () => {
    const body = {
      kind,
      title: title.trim(),
      place: place.trim() || null,
      startsAt: fromLocalInput(startsAt),
      endsAt: fromLocalInput(endsAt),
      description: description.trim() || null,
    };
    onDone(
      event
        ? await api.patch<Event>(`/events/${event.id}`, { ...body, cancelled })
        : await api.post<Event>('/events', { ...body, schoolId }),
    );
  });
  const err = (f: string) => fieldError(save.error, f);
  // Moving the start keeps the length of the event.
  const moveStart = (value: string) => {
    const length = new Date(endsAt).getTime() - new Date(startsAt).getTime();
    setStartsAt(value);
    const start = new Date(value).getTime();
    if (!Number.isNaN(start) && length > 0) setEndsAt(toLocalInput(new Date(start + length)));
  };

  return (
    <Form onSubmit={() => void save.run()} error={save.error} aria-label={event ? 'Edit event' : 'New event'}>
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
          hint="e.g. Varsity football vs. Westlake"
        />
        {!event && (
          <SelectField
            label="School"
            name="schoolId"
            required
            value={schoolId}
            onChange={setSchoolId}
            options={schoolOptions}
            error={err('schoolId')}
          />
        )}
        <SelectField
          label="Kind"
          name="kind"
          required
          value={kind}
          onChange={(v) => setKind(v as EventKind)}
          options={EVENT_KINDS.map((k) => ({ value: k, label: EVENT_KIND_LABELS[k] }))}
          error={err('kind')}
        />
        <TextField
          label="Place"
          name="place"
          maxLength={200}
          value={place}
          onChange={setPlace}
          error={err('place')}
          hint="e.g. Stadium, gym"
        />
        <TextField
          label="Starts"
          name="startsAt"
          type="datetime-local"
          required
          value={startsAt}
          onChange={moveStart}
          error={err('startsAt')}
        />
        <TextField
          label="Ends"
          name="endsAt"
          type="datetime-local"
          required
          value={endsAt}
          onChange={setEndsAt}
          error={err('endsAt')}
        />
        <TextAreaField
          label="Description"
          name="description"
          maxLength={4000}
          value={description}
          onChange={setDescription}
          error={err('description')}
          className="span-all"
        />
      </div>
      {event && <CheckboxField label="Cancelled" checked={cancelled} onChange={setCancelled} />}
      <FormActions>
        <Button type="submit" variant="primary" busy={save.busy}>
          {event ? 'Save event' : 'Create event'}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </FormActions>
    </Form>
  );
}
