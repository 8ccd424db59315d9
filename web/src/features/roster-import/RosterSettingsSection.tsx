import { useState } from 'react';
import type { RosterSettings } from '@common/roster-import.ts';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Section } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { fieldError, useAction, useApiData } from '../../lib/hooks.ts';

/** The threshold form, started from the stored value. */
function ThresholdForm({ initial, onSaved }: { initial: number; onSaved: () => void }) {
  const [value, setValue] = useState(String(initial));
  const save = useAction(async () => {
    await api.patch<RosterSettings>('/roster-imports/settings', { deactivateThresholdPct: Number(value) });
    onSaved();
    return 'Saved.';
  });
  return (
    <Form onSubmit={() => void save.run()} error={save.error} success={save.success} aria-label="Sync safety">
      <TextField
        label="Stop a sync that inactivates more than (% of active students)"
        name="deactivateThresholdPct"
        type="number"
        min={0}
        max={100}
        step="0.1"
        required
        value={value}
        onChange={setValue}
        error={fieldError(save.error, 'deactivateThresholdPct')}
        hint="A sync above this share, or one that matches no school, writes nothing until you confirm its numbers."
      />
      <FormActions>
        <Button type="submit" busy={save.busy}>
          Save
        </Button>
      </FormActions>
    </Form>
  );
}

/** The district's sync safety setting: the share of active students a sync may inactivate before it asks. */
export function RosterSettingsSection() {
  const settings = useApiData<RosterSettings>('/roster-imports/settings');
  return (
    <Section title="Sync safety" id="settings">
      <LoadState resource={settings} label="Loading the sync settings…">
        {(s) => <ThresholdForm initial={s.deactivateThresholdPct} onSaved={settings.reload} />}
      </LoadState>
    </Section>
  );
}
