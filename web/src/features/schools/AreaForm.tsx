import { useState } from 'react';
import { Button } from '../../components/Button.tsx';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { kindLabel } from '../../lib/format.ts';
import { fieldError, useAction } from '../../lib/hooks.ts';
import { AREA_KINDS, type Area, type AreaKind } from '../../lib/types.ts';

const KIND_OPTIONS = AREA_KINDS.map((k) => ({ value: k, label: kindLabel(k) }));

/** The fields of POST /api/schools/:id/areas and PATCH /api/areas/:id. */
export interface AreaInput {
  kind: AreaKind;
  name: string;
  description: string | null;
  parentId: string | null;
  active?: boolean;
}

interface AreaFormProps {
  area?: Area;
  /** Other areas of the school, offered as the parent ("Room 101" inside "Main building"). */
  areas: Area[];
  onSubmit: (input: AreaInput) => Promise<unknown>;
  onCancel: () => void;
}

/** Add or edit a campus area: kind, name, description and the area it lies in. */
export function AreaForm({ area, areas, onSubmit, onCancel }: AreaFormProps) {
  const [kind, setKind] = useState<string>(area?.kind ?? 'building');
  const [name, setName] = useState(area?.name ?? '');
  const [description, setDescription] = useState(area?.description ?? '');
  const [parentId, setParentId] = useState(area?.parentId ?? '');
  const [active, setActive] = useState(area?.active ?? true);
  const save = useAction(async () => {
    const input: AreaInput = {
      kind: kind as AreaKind,
      name: name.trim(),
      description: description.trim() || null,
      parentId: parentId || null,
    };
    if (area) input.active = active;
    await onSubmit(input);
  });
  const parents = areas
    .filter((a) => a.id !== area?.id && a.active)
    .map((a) => ({ value: a.id, label: `${a.name} (${kindLabel(a.kind)})` }));
  const err = (field: string) => fieldError(save.error, field);

  return (
    <Form
      onSubmit={() => void save.run()}
      error={save.error}
      aria-label={area ? 'Edit campus area' : 'Add campus area'}
    >
      <div className="form-grid">
        <TextField
          label="Name"
          name="name"
          required
          maxLength={120}
          value={name}
          onChange={setName}
          error={err('name')}
        />
        <SelectField
          label="Kind"
          name="kind"
          value={kind}
          onChange={setKind}
          options={KIND_OPTIONS}
          error={err('kind')}
        />
        <SelectField
          label="Inside"
          name="parentId"
          value={parentId}
          onChange={setParentId}
          options={parents}
          placeholder="Not inside another area"
          error={err('parentId')}
          className="span-all"
        />
        <TextAreaField
          label="Description"
          name="description"
          maxLength={500}
          value={description}
          onChange={setDescription}
          error={err('description')}
          className="span-all"
        />
      </div>
      {area && (
        <CheckboxField
          label="Active"
          hint="Inactive areas are no longer offered as a location."
          checked={active}
          onChange={setActive}
          name="active"
        />
      )}
      <FormActions>
        <Button type="submit" variant="primary" busy={save.busy}>
          {area ? 'Save area' : 'Add area'}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </FormActions>
    </Form>
  );
}
