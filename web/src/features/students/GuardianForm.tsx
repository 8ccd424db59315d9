import { useState } from 'react';
import { Button } from '../../components/Button.tsx';
import { CheckboxField, TextAreaField, TextField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { fieldError, useAction } from '../../lib/hooks.ts';
import type { Guardian } from '../../lib/types.ts';

/** The contact of a guardian (the `guardian` of POST, flat fields of PATCH). */
export interface GuardianContact {
  firstName: string;
  lastName: string;
  phone: string | null;
  email: string | null;
  street: string | null;
  city: string | null;
  zip: string | null;
}

/** Everything the form collects: contact plus the tie to this student. */
export interface GuardianInput extends GuardianContact {
  relationship: string;
  hasCustody: boolean;
  mayPickUp: boolean;
  isPrimary: boolean;
  restrictions: string | null;
}

interface GuardianFormProps {
  guardian?: Guardian;
  onSubmit: (input: GuardianInput) => Promise<unknown>;
  onCancel: () => void;
}

/** Add or edit a guardian: contact, relationship, custody, pick-up permission and restrictions. */
export function GuardianForm({ guardian, onSubmit, onCancel }: GuardianFormProps) {
  const [v, setV] = useState({
    firstName: guardian?.firstName ?? '',
    lastName: guardian?.lastName ?? '',
    phone: guardian?.phone ?? '',
    email: guardian?.email ?? '',
    street: guardian?.street ?? '',
    city: guardian?.city ?? '',
    zip: guardian?.zip ?? '',
    relationship: guardian?.relationship ?? '',
    hasCustody: guardian?.hasCustody ?? true,
    mayPickUp: guardian?.mayPickUp ?? true,
    isPrimary: guardian?.isPrimary ?? false,
    restrictions: guardian?.restrictions ?? '',
  });
  const set = (key: keyof typeof v) => (value: string | boolean) =>
    setV((prev) => ({ ...prev, [key]: value }));
  const save = useAction(async () => {
    await onSubmit({
      firstName: v.firstName.trim(),
      lastName: v.lastName.trim(),
      phone: v.phone.trim() || null,
      email: v.email.trim() || null,
      street: v.street.trim() || null,
      city: v.city.trim() || null,
      zip: v.zip.trim() || null,
      relationship: v.relationship.trim(),
      hasCustody: v.hasCustody,
      mayPickUp: v.mayPickUp,
      isPrimary: v.isPrimary,
      restrictions: v.restrictions.trim() || null,
    });
  });
  const err = (field: string) => fieldError(save.error, field) ?? fieldError(save.error, `guardian.${field}`);

  return (
    <Form
      onSubmit={() => void save.run()}
      error={save.error}
      aria-label={guardian ? 'Edit guardian' : 'Add guardian'}
    >
      <div className="form-grid">
        <TextField
          label="First name"
          name="firstName"
          required
          value={v.firstName}
          onChange={set('firstName')}
          error={err('firstName')}
        />
        <TextField
          label="Last name"
          name="lastName"
          required
          value={v.lastName}
          onChange={set('lastName')}
          error={err('lastName')}
        />
        <TextField
          label="Relationship"
          name="relationship"
          required
          hint="e.g. Mother, Grandfather, Foster parent"
          value={v.relationship}
          onChange={set('relationship')}
          error={err('relationship')}
        />
        <TextField
          label="Phone"
          name="phone"
          type="tel"
          value={v.phone}
          onChange={set('phone')}
          error={err('phone')}
        />
        <TextField
          label="E-mail"
          name="email"
          type="email"
          value={v.email}
          onChange={set('email')}
          error={err('email')}
        />
        <TextField
          label="Street"
          name="street"
          autoComplete="off"
          value={v.street}
          onChange={set('street')}
          error={err('street')}
        />
        <TextField label="City" name="city" value={v.city} onChange={set('city')} error={err('city')} />
        <TextField
          label="ZIP code"
          name="zip"
          inputMode="numeric"
          value={v.zip}
          onChange={set('zip')}
          error={err('zip')}
        />
      </div>
      <fieldset className="fieldset">
        <legend>Custody and pick-up</legend>
        <CheckboxField
          label="Has legal custody"
          name="hasCustody"
          checked={v.hasCustody}
          onChange={set('hasCustody')}
        />
        <CheckboxField
          label="May pick the student up"
          hint="Checked at reunification before release."
          name="mayPickUp"
          checked={v.mayPickUp}
          onChange={set('mayPickUp')}
        />
        <CheckboxField
          label="Primary contact"
          name="isPrimary"
          checked={v.isPrimary}
          onChange={set('isPrimary')}
        />
      </fieldset>
      <TextAreaField
        label="Restrictions"
        name="restrictions"
        hint="Court orders or other limits on contact or pick-up."
        value={v.restrictions}
        onChange={set('restrictions')}
        error={err('restrictions')}
      />
      <FormActions>
        <Button type="submit" variant="primary" busy={save.busy}>
          {guardian ? 'Save guardian' : 'Add guardian'}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </FormActions>
    </Form>
  );
}
