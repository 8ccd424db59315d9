import { useState } from 'react';
import {
  IMPORTABLE_ROLES,
  ONEROSTER_STAFF_ROLES,
  type ImportableRole,
  type OneRosterStaffRole,
  type RosterSettings,
} from '@common/roster-import.ts';
import { ROLE_LABELS } from '@common/roles.ts';
import { Button } from '../../components/Button.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Section } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { fieldError, useAction, useApiData } from '../../lib/hooks.ts';

const NOT_IMPORTED = 'none';
const ROLE_OPTIONS = [
  { value: NOT_IMPORTED, label: 'Not imported' },
  ...IMPORTABLE_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] })),
];

/** The settings form, started from the stored values: the threshold and the OneRoster role mapping. */
function ThresholdForm({ initial, onSaved }: { initial: RosterSettings; onSaved: () => void }) {
  const [value, setValue] = useState(String(initial.deactivateThresholdPct));
  const [roleMap, setRoleMap] = useState<Record<string, string>>(() =>
    Object.fromEntries(ONEROSTER_STAFF_ROLES.map((r) => [r, initial.roleMap[r] ?? NOT_IMPORTED])),
  );
  const save = useAction(async () => {
    const mapped = Object.fromEntries(
      ONEROSTER_STAFF_ROLES.map((r) => [
        r,
        roleMap[r] === NOT_IMPORTED ? null : (roleMap[r] as ImportableRole),
      ]),
    ) as Record<OneRosterStaffRole, ImportableRole | null>;
    await api.patch<RosterSettings>('/roster-imports/settings', {
      deactivateThresholdPct: Number(value),
      roleMap: mapped,
    });
    onSaved();
    return 'Saved.';
  });
  return (
    <Form
      onSubmit={() => void save.run()}
      error={save.error}
      success={save.success}
      aria-label="Sync settings"
    >
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
      <fieldset className="stack">
        <legend>Staff accounts: OneRoster role → SRO Desk role at the user's schools</legend>
        {ONEROSTER_STAFF_ROLES.map((r) => (
          <SelectField
            key={r}
            label={r}
            name={`roleMap.${r}`}
            options={ROLE_OPTIONS}
            value={roleMap[r]!}
            onChange={(v) => setRoleMap((prev) => ({ ...prev, [r]: v }))}
          />
        ))}
      </fieldset>
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
    <Section title="Sync settings" id="settings">
      <LoadState resource={settings} label="Loading the sync settings…">
        {(s) => <ThresholdForm initial={s} onSaved={settings.reload} />}
      </LoadState>
    </Section>
  );
}
