import { useState } from 'react';
import type { CoverageCandidate, Event } from '@common/events.ts';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { api } from '../../lib/api.ts';
import { formatTime } from '../../lib/datetime.ts';
import { useAction, useApiData } from '../../lib/hooks.ts';

/** The supervisor designates the SRO covering an event, seeing who already covers something at that time. */
export function CoverageForm({
  event,
  onDone,
  onCancel,
}: {
  event: Event;
  onDone: (e: Event) => void;
  onCancel: () => void;
}) {
  const candidates = useApiData<{ items: CoverageCandidate[] }>(`/events/${event.id}/candidates`);
  const [sroId, setSroId] = useState(event.coverage?.sro.id ?? '');
  const save = useAction(async (id: string | null) => {
    onDone(await api.put<Event>(`/events/${event.id}/coverage`, { sroId: id }));
  });
  return (
    <LoadState resource={candidates} label="Loading the SROs who may cover it…">
      {({ items }) =>
        items.length === 0 ? (
          <EmptyState title="No SRO is assigned to this school or its feeders on that day." />
        ) : (
          <Form onSubmit={() => void save.run(sroId)} error={save.error} aria-label="Assign an SRO">
            <fieldset className="choice-grid candidate-list">
              <legend className="field-label">Covering SRO</legend>
              {items.map((c) => (
                <label key={c.id} className={sroId === c.id ? 'choice is-checked' : 'choice'}>
                  <input
                    type="radio"
                    name="sroId"
                    value={c.id}
                    checked={sroId === c.id}
                    onChange={() => setSroId(c.id)}
                  />
                  <span>
                    {c.name}{' '}
                    <span className="muted small">
                      ({c.assignment === 'primary' ? 'assigned here' : 'feeder school'})
                    </span>
                    {c.conflicts.length > 0 && (
                      <span className="small">
                        {' '}
                        <Badge tone="warning">Busy</Badge>{' '}
                        {c.conflicts
                          .map(
                            (x) =>
                              `${x.title} (${x.schoolName}, ${formatTime(x.startsAt)}–${formatTime(x.endsAt)})`,
                          )
                          .join('; ')}
                      </span>
                    )}
                  </span>
                </label>
              ))}
            </fieldset>
            <FormActions>
              <Button type="submit" variant="primary" busy={save.busy} disabled={!sroId}>
                Assign
              </Button>
              {event.coverage && (
                <Button variant="danger" onClick={() => void save.run(null)} disabled={save.busy}>
                  Remove coverage
                </Button>
              )}
              <Button onClick={onCancel}>Cancel</Button>
            </FormActions>
          </Form>
        )
      }
    </LoadState>
  );
}
