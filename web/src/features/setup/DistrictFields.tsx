import { SelectField, TextField } from '../../components/Field.tsx';
import { fieldError } from '../../lib/hooks.ts';

/** The values of a new district and its first administrator, as the API takes them. */
export interface DistrictFormValues {
  districtName: string;
  state: string;
  timezone: string;
  leaid: string;
  adminName: string;
  adminEmail: string;
  adminPassword: string;
}

/** An empty form; the time zone starts at the browser's own. */
export function emptyDistrictForm(): DistrictFormValues {
  let zone = 'America/Chicago';
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone || zone;
  } catch {
    // keep the default
  }
  return { districtName: '', state: '', timezone: zone, leaid: '', adminName: '', adminEmail: '', adminPassword: '' };
}

/** The body sent to the API: an empty LEAID goes as null. */
export function districtBody(v: DistrictFormValues) {
  return { ...v, leaid: v.leaid.trim() || null };
}

/** The states SRO Desk carries drill rule sets for (the server checks the same list). */
export const STATE_OPTIONS = [
  { value: 'CA', label: 'California' },
  { value: 'FL', label: 'Florida' },
  { value: 'IL', label: 'Illinois' },
  { value: 'MI', label: 'Michigan' },
  { value: 'NY', label: 'New York' },
  { value: 'TX', label: 'Texas' },
];

function zones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

/** District name, state, time zone, NCES LEAID and the first administrator's name, e-mail and password. */
export function DistrictFields({
  values,
  onChange,
  error,
  passwordHint = 'At least 12 characters.',
}: {
  values: DistrictFormValues;
  onChange: (v: DistrictFormValues) => void;
  error: unknown;
  passwordHint?: string;
}) {
  const set = (key: keyof DistrictFormValues) => (value: string) => onChange({ ...values, [key]: value });
  return (
    <>
      <fieldset className="stack">
        <legend>District</legend>
        <TextField label="District name" name="districtName" required value={values.districtName} onChange={set('districtName')} error={fieldError(error, 'districtName')} />
        <SelectField
          label="State"
          name="state"
          required
          placeholder="Choose…"
          options={STATE_OPTIONS}
          value={values.state}
          onChange={set('state')}
          hint="Sets the drill rules the district starts with (editable later)."
          error={fieldError(error, 'state')}
        />
        <TextField
          label="Time zone"
          name="timezone"
          required
          list="setup-time-zones"
          value={values.timezone}
          onChange={set('timezone')}
          hint="An IANA time zone such as America/Chicago: every date and deadline is in it."
          error={fieldError(error, 'timezone')}
        />
        <datalist id="setup-time-zones">
          {zones().map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        <TextField
          label="NCES district id (LEAID, optional)"
          name="leaid"
          inputMode="numeric"
          pattern="\d{7}"
          value={values.leaid}
          onChange={set('leaid')}
          hint="7 digits; the school directory import uses it to find the district's schools."
          error={fieldError(error, 'leaid')}
        />
      </fieldset>
      <fieldset className="stack">
        <legend>First district administrator</legend>
        <TextField label="Administrator name" name="adminName" autoComplete="name" required value={values.adminName} onChange={set('adminName')} error={fieldError(error, 'adminName')} />
        <TextField label="Administrator e-mail" name="adminEmail" type="email" autoComplete="email" required value={values.adminEmail} onChange={set('adminEmail')} error={fieldError(error, 'adminEmail')} />
        <TextField
          label="Administrator password"
          name="adminPassword"
          type="password"
          autoComplete="new-password"
          minLength={12}
          required
          value={values.adminPassword}
          onChange={set('adminPassword')}
          hint={passwordHint}
          error={fieldError(error, 'adminPassword')}
        />
      </fieldset>
    </>
  );
}
