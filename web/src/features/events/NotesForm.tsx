import { useState } from 'react';
import type { Event } from '@common/events.ts';
import { Button } from '../../components/Button.tsx';
import { TextAreaField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';
import { fieldError, useAction } from '../../lib/hooks.ts';

/** Post-event notes of the covering SRO. */
export function NotesForm({
  event,
  onDone,
  onCancel,
}: {
  event: Event;
  onDone: (e: Event) => void;
  onCancel: () => void;
}) {
  const [notes, setNotes] = useState(event.notes ?? '');
  const save = useAction(async () => {
    onDone(await api.put<Event>(`/events/${event.id}/notes`, { notes: notes.trim() }));
  });
  return (
    <Form onSubmit={() => void save.run()} error={save.error} aria-label="Post-event notes">
      <TextAreaField
        label="Post-event notes"
        name="notes"
        required
        rows={6}
        maxLength={8000}
        value={notes}
        onChange={setNotes}
        hint="Crowd, incidents, anything the next officer should know"
        error={fieldError(save.error, 'notes')}
      />
      <FormActions>
        <Button type="submit" variant="primary" busy={save.busy}>
          Save notes
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </FormActions>
    </Form>
  );
}
