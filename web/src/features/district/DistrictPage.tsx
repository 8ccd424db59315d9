import { useState } from 'react';
import { ROLES, type Role } from '@common/roles.ts';
import { Button, ButtonLink } from '../../components/Button.tsx';
import { CheckboxField, SelectField, TextField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { roleLabel } from '../../lib/format.ts';
import { fieldError, useAction, useApiData } from '../../lib/hooks.ts';
import { useSession } from '../../lib/session.tsx';
import type { District } from '../../lib/types.ts';
import { AlertSettingsForm } from './AlertSettingsForm.tsx';

// US zones first (where SRO programs are); every other zone the browser knows after them.
const US_ZONES = [
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Phoenix',
  'America/Los_Angeles',
  'America/Anchorage',
  'Pacific/Honolulu',
  'America/Puerto_Rico',
];

function timezoneOptions(current: string) {
  let all: string[] = [];
  try {
    all = Intl.supportedValuesOf('timeZone');
  } catch {
    all = [];
  }
  const rest = all.filter((z) => !US_ZONES.includes(z));
  const zones = [...US_ZONES, ...rest];
  if (current && !zones.includes(current)) zones.unshift(current);
  return zones.map((z) => ({ value: z, label: z.replaceAll('_', ' ') }));
}

function DistrictForm({ district, onSaved }: { district: District; onSaved: (d: District) => void }) {
  const { refresh } = useSession();
  const [name, setName] = useState(district.name);
  const [agency, setAgency] = useState(district.lawEnforcementAgency ?? '');
  const [ori, setOri] = useState(district.nibrsOri ?? '');
  const [timezone, setTimezone] = useState(district.timezone);
  const [mfaRoles, setMfaRoles] = useState<Role[]>(district.mfaRequiredRoles);
  const save = useAction(async () => {
    const updated = await api.patch<District>('/district', {
      name: name.trim(),
      lawEnforcementAgency: agency.trim() || null,
      nibrsOri: ori.trim() || null,
      timezone,
      mfaRequiredRoles: mfaRoles,
    });
    onSaved(updated);
    // The district name and the two-step policy are part of everyone's session, including ours.
    await refresh().catch(() => undefined);
    return 'District settings saved.';
  });
  const err = (field: string) => fieldError(save.error, field);
  const toggleRole = (role: Role, on: boolean) =>
    setMfaRoles((prev) => (on ? [...prev, role] : prev.filter((r) => r !== role)));

  return (
    <Form
      onSubmit={() => void save.run()}
      error={save.error}
      success={save.success}
      aria-label="District settings"
      className="card"
    >
      <div className="form-grid">
        <TextField
          label="District name"
          name="name"
          required
          value={name}
          onChange={setName}
          error={err('name')}
        />
        <TextField
          label="Law-enforcement agency"
          name="lawEnforcementAgency"
          hint="The police department or sheriff's office the SROs belong to."
          value={agency}
          onChange={setAgency}
          error={err('lawEnforcementAgency')}
        />
        <TextField
          label="Agency ORI (NIBRS)"
          name="nibrsOri"
          hint="The 9-character ORI the agency reports NIBRS under, e.g. TX1234500."
          value={ori}
          onChange={setOri}
          error={err('nibrsOri')}
        />
        <SelectField
          label="Time zone"
          name="timezone"
          value={timezone}
          onChange={setTimezone}
          options={timezoneOptions(district.timezone)}
          error={err('timezone')}
        />
      </div>
      <fieldset className="fieldset">
        <legend>Roles that must use two-step sign-in</legend>
        <p className="field-hint">
          Users holding a checked role must set up an authenticator app before they can use SRO Desk. Roles
          that read case data should always be checked.
        </p>
        {err('mfaRequiredRoles') && <p className="field-error">{err('mfaRequiredRoles')}</p>}
        <div className="form-grid">
          {ROLES.map((role) => (
            <CheckboxField
              key={role}
              name="mfaRequiredRoles"
              label={roleLabel(role)}
              checked={mfaRoles.includes(role)}
              onChange={(on) => toggleRole(role, on)}
            />
          ))}
        </div>
      </fieldset>
      <FormActions>
        <Button type="submit" variant="primary" busy={save.busy}>
          Save settings
        </Button>
      </FormActions>
    </Form>
  );
}

/** District settings: name, law-enforcement agency, time zone, the two-step sign-in policy and the alert cancel window. */
export function DistrictPage() {
  const resource = useApiData<District>('/district');
  const { can } = useSession();
  return (
    <Page
      title="District settings"
      description="Name, agency, time zone and security policy of the district."
      actions={(
        <span className="row">
          <ButtonLink to="/district/outbox">E-mail outbox</ButtonLink>
          {can('retention.manage') && <ButtonLink to="/retention">Records retention</ButtonLink>}
        </span>
      )}
    >
      <LoadState resource={resource} label="Loading district settings…">
        {(district) => (
          <div className="page-sections">
            {district.counts && (
              <dl className="stat-row" aria-label="The district today">
                <div>
                  <dt>Open schools</dt>
                  <dd>{district.counts.schools.toLocaleString()}</dd>
                </div>
                <div>
                  <dt>Active users</dt>
                  <dd>{district.counts.users.toLocaleString()}</dd>
                </div>
                <div>
                  <dt>Enrolled students</dt>
                  <dd>{district.counts.students.toLocaleString()}</dd>
                </div>
                {district.state && (
                  <div>
                    <dt>State</dt>
                    <dd>{district.state}</dd>
                  </div>
                )}
              </dl>
            )}
            <DistrictForm district={district} onSaved={resource.mutate} />
            <AlertSettingsForm />
          </div>
        )}
      </LoadState>
    </Page>
  );
}
