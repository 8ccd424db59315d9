import { useState } from 'react';
import { Button } from '../../components/Button.tsx';
import { CheckboxField, SelectField, TextField, type Option } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { levelLabel } from '../../lib/format.ts';
import { GRADE_OPTIONS } from '../../lib/options.ts';
import { fieldError, useAction } from '../../lib/hooks.ts';
import { SCHOOL_LEVELS, type School } from '../../lib/types.ts';

/** School levels as select options. */
export const LEVEL_OPTIONS: Option[] = SCHOOL_LEVELS.map((l) => ({ value: l, label: levelLabel(l) }));

/** What the form sends: the fields of POST /api/schools (plus `active` when editing). */
export type SchoolInput = Omit<School, 'id' | 'districtId' | 'active'> & { active?: boolean };

interface SchoolFormProps {
  school?: School;
  onSubmit: (input: SchoolInput) => Promise<unknown>;
  onCancel: () => void;
  submitLabel: string;
}

/** Create or edit a school: NCES id, name, level, grade span, address, phone, principal. */
export function SchoolForm({ school, onSubmit, onCancel, submitLabel }: SchoolFormProps) {
  const [v, setV] = useState({
    ncesId: school?.ncesId ?? '',
    name: school?.name ?? '',
    level: school?.level ?? 'elementary',
    gradeLow: String(school?.gradeLow ?? 0),
    gradeHigh: String(school?.gradeHigh ?? 5),
    street: school?.street ?? '',
    city: school?.city ?? '',
    state: school?.state ?? '',
    zip: school?.zip ?? '',
    phone: school?.phone ?? '',
    principalName: school?.principalName ?? '',
    active: school?.active ?? true,
  });
  const set = (key: keyof typeof v) => (value: string | boolean) =>
    setV((prev) => ({ ...prev, [key]: value }));
  const save = useAction(async () => {
    const input: SchoolInput = {
      ncesId: v.ncesId.trim(),
      name: v.name.trim(),
      level: v.level,
      gradeLow: Number(v.gradeLow),
      gradeHigh: Number(v.gradeHigh),
      street: v.street.trim(),
      city: v.city.trim(),
      state: v.state.trim().toUpperCase(),
      zip: v.zip.trim(),
      phone: v.phone.trim(),
      principalName: v.principalName.trim() || null,
    };
    if (school) input.active = v.active;
    await onSubmit(input);
  });
  const err = (field: string) => fieldError(save.error, field);

  return (
    <Form onSubmit={() => void save.run()} error={save.error} aria-label={submitLabel}>
      <div className="form-grid">
        <TextField
          label="School name"
          name="name"
          required
          value={v.name}
          onChange={set('name')}
          error={err('name')}
          className="span-all"
        />
        <TextField
          label="NCES school id"
          name="ncesId"
          required
          inputMode="numeric"
          pattern="\d{12}"
          hint="12 digits"
          value={v.ncesId}
          onChange={set('ncesId')}
          error={err('ncesId')}
        />
        <SelectField
          label="Level"
          name="level"
          value={v.level}
          onChange={set('level')}
          options={LEVEL_OPTIONS}
          error={err('level')}
        />
        <SelectField
          label="Lowest grade"
          name="gradeLow"
          value={v.gradeLow}
          onChange={set('gradeLow')}
          options={GRADE_OPTIONS}
          error={err('gradeLow')}
        />
        <SelectField
          label="Highest grade"
          name="gradeHigh"
          value={v.gradeHigh}
          onChange={set('gradeHigh')}
          options={GRADE_OPTIONS}
          error={err('gradeHigh')}
        />
        <TextField
          label="Street"
          name="street"
          required
          autoComplete="street-address"
          value={v.street}
          onChange={set('street')}
          error={err('street')}
          className="span-all"
        />
        <TextField
          label="City"
          name="city"
          required
          value={v.city}
          onChange={set('city')}
          error={err('city')}
        />
        <TextField
          label="State"
          name="state"
          required
          maxLength={2}
          hint="Two letters, e.g. TX"
          value={v.state}
          onChange={set('state')}
          error={err('state')}
        />
        <TextField
          label="ZIP code"
          name="zip"
          required
          inputMode="numeric"
          value={v.zip}
          onChange={set('zip')}
          error={err('zip')}
        />
        <TextField
          label="Phone"
          name="phone"
          type="tel"
          required
          value={v.phone}
          onChange={set('phone')}
          error={err('phone')}
        />
        <TextField
          label="Principal"
          name="principalName"
          value={v.principalName}
          onChange={set('principalName')}
          error={err('principalName')}
        />
      </div>
      {school && (
        <CheckboxField
          label="Active"
          hint="Inactive schools are hidden from lists and cannot be chosen for new records."
          name="active"
          checked={v.active}
          onChange={set('active')}
        />
      )}
      <FormActions>
        <Button type="submit" variant="primary" busy={save.busy}>
          {submitLabel}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </FormActions>
    </Form>
  );
}
