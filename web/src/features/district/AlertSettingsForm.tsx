import { useState } from 'react';
import { CANCEL_WINDOW_MAX_SECONDS, type AlertSettings } from '@common/alerts.ts';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { api } from '../../lib/api.ts';
import { fieldError, useAction, useApiData } from '../../lib/hooks.ts';

function CancelWindowForm({ settings, onSaved }: { settings: AlertSettings; onSaved: (s: AlertSettings) => void }) {
  const [seconds, setSeconds] = useState(String(settings.cancelWindowSeconds));
  const save = useAction(async () => {
    const updated = await api.patch<AlertSettings>('/alerts/settings', { cancelWindowSeconds: Number(seconds) });
    onSaved(updated);
    return updated.cancelWindowSeconds === 0
      ? 'Alerts now go out the moment they are raised.'
      : `Alerts now wait ${updated.cancelWindowSeconds} seconds before they go out.`;
  });
  return (
    <Form onSubmit={() => void save.run()} error={save.error} success={save.success} aria-label="Emergency alert settings" className="card">
      <h2>Emergency alerts</h2>
      <div className="form-grid">
        <TextField
          label="Cancel window (seconds)"
          name="cancelWindowSeconds"
          type="number"
          inputMode="numeric"
          min={0}
          max={CANCEL_WINDOW_MAX_SECONDS}
          required
          hint={`How long a raised alert waits, so an accidental one can be cancelled before anyone sees it: 0 to ${CANCEL_WINDOW_MAX_SECONDS}. 0 sends at once.`}
          value={seconds}
          onChange={setSeconds}
          error={fieldError(save.error, 'cancelWindowSeconds')}
        />
      </div>
      <FormActions>
        <Button type="submit" variant="primary" busy={save.busy}>
          Save alert settings
        </Button>
      </FormActions>
    </Form>
  );
}

/** The district's alert settings (the cancel window against accidental activation), for district.manage. */
export function AlertSettingsForm() {
  const resource = useApiData<AlertSettings>('/alerts/settings');
  return (
    <LoadState resource={resource} label="Loading alert settings…">
      {(settings) => <CancelWindowForm settings={settings} onSaved={resource.mutate} />}
    </LoadState>
  );
}
