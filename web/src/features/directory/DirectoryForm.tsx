import { useState } from 'react';
import {
  DIRECTORY_KINDS,
  DIRECTORY_KIND_LABELS,
  type DirectoryEntry,
  type DirectoryKind,
} from '@common/directory.ts';
import { Button } from '../../components/Button.tsx';
import {
  CheckboxField,
  SelectField,
  TextAreaField,
  TextField,
  type Option,
} from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';
import { fieldError, useAction } from '../../lib/hooks.ts';

/** The kinds of directory entry as select options. */
export const KIND_OPTIONS: Option[] = DIRECTORY_KINDS.map((k) => ({
  value: k,
  label: DIRECTORY_KIND_LABELS[k],
}));

const orNull = (text: string) => text.trim() || null;

/** Creates or edits a directory entry: who they are, how to reach them, what they do and the schools they serve. */
export function DirectoryForm({
  entry,
  schoolOptions,
  onDone,
  onCancel,
}: {
  entry?: DirectoryEntry;
  schoolOptions: Option[];
  onDone: (entry: DirectoryEntry) => void;
  onCancel: () => void;
}) {
  const [name, setName] = useState(entry?.name ?? '');
  const [kind, setKind] = useState<string>(entry?.kind ?? 'law_enforcement');
  const [contactName, setContactName] = useState(entry?.contactName ?? '');
  const [phone, setPhone] = useState(entry?.phone ?? '');
  const [email, setEmail] = useState(entry?.email ?? '');
  const [website, setWebsite] = useState(entry?.website ?? '');
  const [address, setAddress] = useState(entry?.address ?? '');
  const [services, setServices] = useState(entry?.services ?? '');
  const [notes, setNotes] = useState(entry?.notes ?? '');
  const [schoolIds, setSchoolIds] = useState<string[]>(entry?.schools.map((s) => s.id) ?? []);
  const [active, setActive] = useState(entry?.active ?? true);
  const save = useAction(async () => {
    const body = {
      name: name.trim(),
      kind: kind as DirectoryKind,
      contactName: orNull(contactName),
      phone: orNull(phone),
      email: orNull(email),
      website: orNull(website),
      address: orNull(address),
      services: orNull(services),
      notes: orNull(notes),
      schoolIds,
    };
    onDone(
      entry
        ? await api.patch<DirectoryEntry>(`/directory/${entry.id}`, { ...body, active })
        : await api.post<DirectoryEntry>('/directory', body),
    );
  });
  const err = (f: string) => fieldError(save.error, f);
  const toggleSchool = (id: string, on: boolean) =>
    setSchoolIds((ids) => (on ? [...ids, id] : ids.filter((x) => x !== id)));

  return (
    <Form
      onSubmit={() => void save.run()}
      error={save.error}
      aria-label={entry ? 'Edit directory entry' : 'New directory entry'}
    >
      <div className="form-grid">
        <TextField
          label="Name"
          name="name"
          required
          maxLength={200}
          value={name}
          onChange={setName}
          error={err('name')}
          className="span-all"
        />
        <SelectField
          label="Kind"
          name="kind"
          value={kind}
          onChange={setKind}
          options={KIND_OPTIONS}
          error={err('kind')}
        />
        <TextField
          label="Contact person"
          name="contactName"
          maxLength={200}
          value={contactName}
          onChange={setContactName}
          error={err('contactName')}
        />
        <TextField
          label="Phone"
          name="phone"
          type="tel"
          maxLength={40}
          value={phone}
          onChange={setPhone}
          error={err('phone')}
        />
        <TextField
          label="E-mail"
          name="email"
          type="email"
          maxLength={254}
          value={email}
          onChange={setEmail}
          error={err('email')}
        />
        <TextField
          label="Website"
          name="website"
          type="url"
          placeholder="https://"
          maxLength={500}
          value={website}
          onChange={setWebsite}
          error={err('website')}
        />
        <TextField
          label="Address"
          name="address"
          maxLength={500}
          value={address}
          onChange={setAddress}
          error={err('address')}
        />
        <TextAreaField
          label="Services"
          name="services"
          hint="What they do for the schools"
          maxLength={2000}
          value={services}
          onChange={setServices}
          error={err('services')}
          className="span-all"
        />
        <TextAreaField
          label="Notes"
          name="notes"
          maxLength={4000}
          value={notes}
          onChange={setNotes}
          error={err('notes')}
          className="span-all"
        />
        <fieldset className="fieldset span-all">
          <legend>Schools served</legend>
          <p className="field-hint">None ticked: they serve the whole district.</p>
          <div className="check-grid">
            {schoolOptions.map((s) => (
              <CheckboxField
                key={s.value}
                label={s.label}
                checked={schoolIds.includes(s.value)}
                onChange={(on) => toggleSchool(s.value, on)}
              />
            ))}
          </div>
          {err('schoolIds') && <p className="field-error">{err('schoolIds')}</p>}
        </fieldset>
        {entry && (
          <CheckboxField
            label="Active"
            hint="Inactive entries cannot receive new referrals or work orders"
            checked={active}
            onChange={setActive}
            className="span-all"
          />
        )}
      </div>
      <FormActions>
        <Button type="submit" variant="primary" busy={save.busy}>
          {entry ? 'Save entry' : 'Add to directory'}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </FormActions>
    </Form>
  );
}
