import { useState } from 'react';
import type { SecuritySystem, SecuritySystemBody, SecuritySystemKind } from '@common/security-systems.ts';
import { Button } from '../../components/Button.tsx';
import { SelectField, TextAreaField, TextField, type Option } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';
import { fieldError, useAction } from '../../lib/hooks.ts';
import { useAreaOptions, useVendorOptions } from '../work-orders/parts.tsx';
import { KIND_OPTIONS } from './parts.tsx';

const orNull = (text: string) => text.trim() || null;

/** Adds a system to the registry or edits one: kind, name, where, make and serial, install date, servicing vendor. */
export function SystemForm({
  system,
  schoolOptions,
  defaultSchoolId,
  onDone,
  onCancel,
}: {
  system?: SecuritySystem;
  schoolOptions: Option[];
  defaultSchoolId?: string;
  onDone: (system: SecuritySystem) => void;
  onCancel: () => void;
}) {
  const [schoolId, setSchoolId] = useState(
    system?.school.id ??
      (schoolOptions.some((o) => o.value === defaultSchoolId)
        ? (defaultSchoolId ?? '')
        : (schoolOptions[0]?.value ?? '')),
  );
  const [areaId, setAreaId] = useState(system?.area?.id ?? '');
  const [kind, setKind] = useState<string>(system?.kind ?? 'camera');
  const [name, setName] = useState(system?.name ?? '');
  const [make, setMake] = useState(system?.make ?? '');
  const [model, setModel] = useState(system?.model ?? '');
  const [serialNumber, setSerialNumber] = useState(system?.serialNumber ?? '');
  const [installedOn, setInstalledOn] = useState(system?.installedOn ?? '');
  const [vendorId, setVendorId] = useState(system?.vendor?.id ?? '');
  const [notes, setNotes] = useState(system?.notes ?? '');
  const areas = useAreaOptions(schoolId);
  const vendors = useVendorOptions(schoolId);
  const save = useAction(async () => {
    const body = {
      areaId: areaId || null,
      kind: kind as SecuritySystemKind,
      name: name.trim(),
      make: orNull(make),
      model: orNull(model),
      serialNumber: orNull(serialNumber),
      installedOn: installedOn || null,
      vendorId: vendorId || null,
      notes: orNull(notes),
    };
    onDone(
      system
        ? await api.patch<SecuritySystem>(`/security-systems/${system.id}`, body)
        : await api.post<SecuritySystem>('/security-systems', {
            ...body,
            schoolId,
          } satisfies SecuritySystemBody),
    );
  });
  const err = (f: string) => fieldError(save.error, f);

  return (
    <Form
      onSubmit={() => void save.run()}
      error={save.error}
      aria-label={system ? 'Edit system' : 'New security system'}
    >
      <div className="form-grid">
        {!system && (
          <SelectField
            label="School"
            name="schoolId"
            required
            value={schoolId}
            onChange={(v) => {
              setSchoolId(v);
              setAreaId('');
              setVendorId('');
            }}
            options={schoolOptions}
            error={err('schoolId')}
          />
        )}
        <SelectField
          label="Kind"
          name="kind"
          value={kind}
          onChange={setKind}
          options={KIND_OPTIONS}
          error={err('kind')}
        />
        <SelectField
          label="Area"
          name="areaId"
          value={areaId}
          onChange={setAreaId}
          options={areas}
          placeholder="No particular area"
          error={err('areaId')}
        />
        <TextField
          label="Name"
          name="name"
          required
          maxLength={200}
          placeholder="Camera 12, east parking"
          value={name}
          onChange={setName}
          error={err('name')}
          className="span-all"
        />
        <TextField
          label="Make"
          name="make"
          maxLength={100}
          value={make}
          onChange={setMake}
          error={err('make')}
        />
        <TextField
          label="Model"
          name="model"
          maxLength={100}
          value={model}
          onChange={setModel}
          error={err('model')}
        />
        <TextField
          label="Serial number"
          name="serialNumber"
          maxLength={100}
          value={serialNumber}
          onChange={setSerialNumber}
          error={err('serialNumber')}
        />
        <TextField
          label="Installed"
          name="installedOn"
          type="date"
          value={installedOn}
          onChange={setInstalledOn}
          error={err('installedOn')}
        />
        <SelectField
          label="Serviced by"
          name="vendorId"
          value={vendorId}
          onChange={setVendorId}
          options={vendors.options}
          placeholder="No vendor"
          error={err('vendorId')}
        />
        <TextAreaField
          label="Notes"
          name="notes"
          maxLength={2000}
          value={notes}
          onChange={setNotes}
          error={err('notes')}
          className="span-all"
        />
      </div>
      <FormActions>
        <Button type="submit" variant="primary" busy={save.busy}>
          {system ? 'Save system' : 'Add system'}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </FormActions>
    </Form>
  );
}
