import { useState } from 'react';
import type { Equipment, EquipmentBody, EquipmentType } from '@common/equipment.ts';
import { Button } from '../../components/Button.tsx';
import { SelectField, TextAreaField, TextField, type Option } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { UserPicker } from '../../components/UserPicker.tsx';
import { api } from '../../lib/api.ts';
import { fieldError, useAction } from '../../lib/hooks.ts';
import { useAreaOptions } from '../work-orders/parts.tsx';
import { CONDITION_OPTIONS, TYPE_OPTIONS } from './parts.tsx';

const orNull = (text: string) => text.trim() || null;

/** Adds an item to the inventory or edits one: what and where, make and serial, part expiries, condition, owner. */
export function EquipmentForm({
  item,
  schoolOptions,
  defaultSchoolId,
  onDone,
  onCancel,
}: {
  item?: Equipment;
  schoolOptions: Option[];
  defaultSchoolId?: string;
  onDone: (item: Equipment) => void;
  onCancel: () => void;
}) {
  const [schoolId, setSchoolId] = useState(
    item?.school.id ??
      (schoolOptions.some((o) => o.value === defaultSchoolId)
        ? (defaultSchoolId ?? '')
        : (schoolOptions[0]?.value ?? '')),
  );
  const [areaId, setAreaId] = useState(item?.area?.id ?? '');
  const [type, setType] = useState<string>(item?.type ?? 'aed');
  const [name, setName] = useState(item?.name ?? '');
  const [make, setMake] = useState(item?.make ?? '');
  const [model, setModel] = useState(item?.model ?? '');
  const [serialNumber, setSerialNumber] = useState(item?.serialNumber ?? '');
  const [purchasedOn, setPurchasedOn] = useState(item?.purchasedOn ?? '');
  const [padsExpireOn, setPadsExpireOn] = useState(item?.padsExpireOn ?? '');
  const [batteryExpiresOn, setBatteryExpiresOn] = useState(item?.batteryExpiresOn ?? '');
  const [expiresOn, setExpiresOn] = useState(item?.expiresOn ?? '');
  const [condition, setCondition] = useState<string>(item?.condition ?? 'good');
  const [ownerId, setOwnerId] = useState(item?.owner?.id ?? '');
  const [notes, setNotes] = useState(item?.notes ?? '');
  const areas = useAreaOptions(schoolId);
  const isAed = type === 'aed';

  const save = useAction(async () => {
    const body = {
      areaId: areaId || null,
      type: type as EquipmentType,
      name: name.trim(),
      make: orNull(make),
      model: orNull(model),
      serialNumber: orNull(serialNumber),
      purchasedOn: purchasedOn || null,
      padsExpireOn: isAed ? padsExpireOn || null : null,
      batteryExpiresOn: isAed ? batteryExpiresOn || null : null,
      expiresOn: expiresOn || null,
      condition: condition as EquipmentBody['condition'],
      ownerId: ownerId || null,
      notes: orNull(notes),
    };
    onDone(
      item
        ? await api.patch<Equipment>(`/equipment/${item.id}`, body)
        : await api.post<Equipment>('/equipment', { ...body, schoolId }),
    );
  });
  const err = (f: string) => fieldError(save.error, f);
  const date = (label: string, field: string, value: string, set: (v: string) => void, hint?: string) => (
    <TextField
      label={label}
      name={field}
      type="date"
      value={value}
      onChange={set}
      hint={hint}
      error={err(field)}
    />
  );

  return (
    <Form
      onSubmit={() => void save.run()}
      error={save.error}
      aria-label={item ? 'Edit item' : 'New equipment item'}
    >
      <div className="form-grid">
        {!item && (
          <SelectField
            label="School"
            name="schoolId"
            required
            value={schoolId}
            onChange={(v) => {
              setSchoolId(v);
              setAreaId('');
            }}
            options={schoolOptions}
            error={err('schoolId')}
          />
        )}
        <SelectField
          label="Area"
          name="areaId"
          value={areaId}
          onChange={setAreaId}
          options={areas}
          placeholder="No particular area"
          error={err('areaId')}
        />
        <SelectField
          label="Type"
          name="type"
          value={type}
          onChange={setType}
          options={TYPE_OPTIONS}
          error={err('type')}
        />
        <TextField
          label="Name"
          name="name"
          required
          maxLength={200}
          placeholder="AED by the gym doors"
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
        {date('Purchased', 'purchasedOn', purchasedOn, setPurchasedOn)}
        {isAed && date('Pads expire', 'padsExpireOn', padsExpireOn, setPadsExpireOn)}
        {isAed && date('Battery expires', 'batteryExpiresOn', batteryExpiresOn, setBatteryExpiresOn)}
        {date(
          'Expires',
          'expiresOn',
          expiresOn,
          setExpiresOn,
          isAed ? 'The unit itself, if it has a date' : undefined,
        )}
        <SelectField
          label="Condition"
          name="condition"
          value={condition}
          onChange={setCondition}
          options={CONDITION_OPTIONS}
          error={err('condition')}
        />
        <div className="span-all">
          <UserPicker label="Responsible person" value={ownerId} onChange={setOwnerId} />
          {err('ownerId') && <p className="field-error">{err('ownerId')}</p>}
        </div>
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
          {item ? 'Save item' : 'Add item'}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </FormActions>
    </Form>
  );
}
