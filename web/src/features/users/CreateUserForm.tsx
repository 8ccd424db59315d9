import { useState } from 'react';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';
import { fieldError, useAction } from '../../lib/hooks.ts';
import { useAllSchoolOptions } from '../../lib/options.ts';
import type { User } from '../../lib/types.ts';
import { DISTRICT, GrantFields, grantBody, type GrantDraft } from './GrantFields.tsx';

/** The answer of POST /api/users. */
export interface CreatedUser {
  user: User;
  temporaryPassword: string;
  emailed: boolean;
}

/** Creates a user with one or more role grants (at a school or district-wide). */
export function CreateUserForm({
  onCreated,
  onCancel,
}: {
  onCreated: (created: CreatedUser) => void;
  onCancel: () => void;
}) {
  const schools = useAllSchoolOptions();
  const [v, setV] = useState({ email: '', name: '', title: '', phone: '', badgeNumber: '' });
  const [grants, setGrants] = useState<GrantDraft[]>([{ role: '', schoolId: DISTRICT }]);
  const set = (key: keyof typeof v) => (value: string) => setV((prev) => ({ ...prev, [key]: value }));
  const save = useAction(async () => {
    const body = {
      email: v.email.trim(),
      name: v.name.trim(),
      title: v.title.trim() || null,
      phone: v.phone.trim() || null,
      badgeNumber: v.badgeNumber.trim() || null,
      grants: grants.map(grantBody),
    };
    onCreated(await api.post<CreatedUser>('/users', body));
  });
  const err = (field: string) => fieldError(save.error, field);

  return (
    <Form onSubmit={() => void save.run()} error={save.error} aria-label="Add a user">
      <div className="form-grid">
        <TextField
          label="Full name"
          name="name"
          required
          autoComplete="off"
          value={v.name}
          onChange={set('name')}
          error={err('name')}
        />
        <TextField
          label="E-mail"
          name="email"
          type="email"
          required
          autoComplete="off"
          value={v.email}
          onChange={set('email')}
          error={err('email')}
        />
        <TextField
          label="Title"
          name="title"
          hint="e.g. Officer, Assistant principal"
          value={v.title}
          onChange={set('title')}
          error={err('title')}
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
          label="Badge number"
          name="badgeNumber"
          hint="Sworn officers only"
          value={v.badgeNumber}
          onChange={set('badgeNumber')}
          error={err('badgeNumber')}
        />
      </div>
      <fieldset className="fieldset">
        <legend>Roles</legend>
        <p className="field-hint">
          Each role applies at one school or district-wide. Add a row for every school.
        </p>
        {grants.map((g, i) => (
          <div className="grant-row" key={i}>
            <GrantFields
              draft={g}
              index={i}
              schools={schools}
              onChange={(next) => setGrants((prev) => prev.map((p, j) => (j === i ? next : p)))}
              errors={{ role: err(`grants.${i}.role`), schoolId: err(`grants.${i}.schoolId`) }}
            />
            <Button
              variant="ghost"
              disabled={grants.length === 1}
              onClick={() => setGrants((prev) => prev.filter((_, j) => j !== i))}
              aria-label={`Remove row ${i + 1}`}
            >
              Remove
            </Button>
          </div>
        ))}
        <div className="row mt-sm">
          <Button
            size="small"
            onClick={() => setGrants((prev) => [...prev, { role: '', schoolId: DISTRICT }])}
          >
            Add another role
          </Button>
        </div>
        {err('grants') && <p className="field-error">{err('grants')}</p>}
      </fieldset>
      <FormActions>
        <Button type="submit" variant="primary" busy={save.busy}>
          Add user
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </FormActions>
    </Form>
  );
}
