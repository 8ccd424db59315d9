import { useState } from 'react';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { api } from '../../lib/api.ts';
import { fieldError, useAction, useApiData } from '../../lib/hooks.ts';

interface OutboxSettings { urgentTtlHours: number; otherTtlHours: number }

function TtlForm({ settings, onSaved }: { settings: OutboxSettings; onSaved: (s: OutboxSettings) => void }) {
  const [urgent, setUrgent] = useState(String(settings.urgentTtlHours));
  const [other, setOther] = useState(String(settings.otherTtlHours));
  const save = useAction(async () => {
    const updated = await api.put<OutboxSettings>('/outbox/settings', { urgentTtlHours: Number(urgent), otherTtlHours: Number(other) });
    onSaved(updated);
    return `Urgent e-mail now expires after ${updated.urgentTtlHours} h, other e-mail after ${updated.otherTtlHours} h.`;
  });
  return (
    <Form onSubmit={() => void save.run()} error={save.error} success={save.success} aria-label="E-mail time to live" className="card">
      <h2>How long e-mail may wait</h2>
      <p>E-mail that cannot be sent in time is dropped and listed here as expired, never sent late.</p>
      <div className="form-grid">
        <TextField
          label="Alerts, notices and tips (hours)" name="urgentTtlHours" type="number" inputMode="numeric" min={1} max={720} required
          hint="1 to 720; default 24." value={urgent} onChange={setUrgent} error={fieldError(save.error, 'urgentTtlHours')}
        />
        <TextField
          label="Other e-mail (hours)" name="otherTtlHours" type="number" inputMode="numeric" min={1} max={2160} required
          hint="1 to 2160; default 168 (7 days)." value={other} onChange={setOther} error={fieldError(save.error, 'otherTtlHours')}
        />
      </div>
      <FormActions>
        <Button type="submit" variant="primary" busy={save.busy}>Save time to live</Button>
      </FormActions>
    </Form>
  );
}

/** The district's time to live of waiting e-mail (district.manage, like the outbox page). */
export function OutboxTtlForm() {
  const resource = useApiData<OutboxSettings>('/outbox/settings');
  return (
    <LoadState resource={resource} label="Loading e-mail settings…">
      {(settings) => <TtlForm settings={settings} onSaved={resource.mutate} />}
    </LoadState>
  );
}
