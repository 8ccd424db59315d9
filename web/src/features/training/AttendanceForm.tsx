import { useState } from 'react';
import type { TrainingSessionDetail } from '@common/preparedness.ts';
import { Button } from '../../components/Button.tsx';
import { CheckboxField, TextField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { api } from '../../lib/api.ts';
import { useAction, useApiData } from '../../lib/hooks.ts';
import type { Page as ApiPage, User } from '../../lib/types.ts';

/**
 * Takes attendance: the people of the session's school (or everyone for a district session, filtered by
 * name) as checkboxes; those already present stay listed even when they do not match the filter.
 */
export function AttendanceForm({
  session,
  onDone,
}: {
  session: TrainingSessionDetail;
  onDone: (next: TrainingSessionDetail) => void;
}) {
  const [present, setPresent] = useState<Set<string>>(() => new Set(session.attendees.map((a) => a.id)));
  const [filter, setFilter] = useState('');
  const people = useApiData<ApiPage<User>>('/users', {
    schoolId: session.schoolId ?? undefined,
    active: 'true',
    pageSize: 200,
  });
  const save = useAction(async () => {
    onDone(
      await api.put<TrainingSessionDetail>(`/trainings/${session.id}/attendance`, { userIds: [...present] }),
    );
  });
  const toggle = (id: string, on: boolean) =>
    setPresent((set) => {
      const next = new Set(set);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <Form onSubmit={() => void save.run()} error={save.error} aria-label="Attendance">
      <TextField label="Find a person" type="search" value={filter} onChange={setFilter} />
      <LoadState resource={people} label="Loading people…">
        {({ items }) => {
          const known = new Map(items.map((u) => [u.id, u.name]));
          for (const a of session.attendees) known.set(a.id, a.name);
          const needle = filter.trim().toLowerCase();
          const shown = [...known.entries()]
            .filter(([id, name]) => present.has(id) || !needle || name.toLowerCase().includes(needle))
            .sort((a, b) => a[1].localeCompare(b[1]));
          return shown.length === 0 ? (
            <p className="muted">Nobody matches.</p>
          ) : (
            <fieldset className="fieldset">
              <legend>Present ({present.size})</legend>
              <div className="check-grid">
                {shown.map(([id, name]) => (
                  <CheckboxField
                    key={id}
                    label={name}
                    checked={present.has(id)}
                    onChange={(on) => toggle(id, on)}
                  />
                ))}
              </div>
            </fieldset>
          );
        }}
      </LoadState>
      <FormActions>
        <Button type="submit" variant="primary" busy={save.busy}>
          Save attendance
        </Button>
      </FormActions>
    </Form>
  );
}
