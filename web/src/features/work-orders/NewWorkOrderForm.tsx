import { useState } from 'react';
import type { WorkOrder, WorkOrderBody } from '@common/work-orders.ts';
import { WORK_ORDER_DUE_DAYS } from '@common/work-orders.ts';
import { Button } from '../../components/Button.tsx';
import { SelectField, TextAreaField, TextField, type Option } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';
import { fieldError, useAction } from '../../lib/hooks.ts';
import { OWNER_OPTIONS, PRIORITY_OPTIONS } from './labels.ts';
import { useAreaOptions, useVendorOptions } from './parts.tsx';

/** A work order requested by hand: school and area, what is wrong, priority, who fixes it and by when. */
export function NewWorkOrderForm({
  schoolOptions,
  defaultSchoolId,
  onDone,
  onCancel,
}: {
  schoolOptions: Option[];
  defaultSchoolId?: string;
  onDone: (order: WorkOrder) => void;
  onCancel: () => void;
}) {
  const [schoolId, setSchoolId] = useState(
    schoolOptions.some((o) => o.value === defaultSchoolId)
      ? (defaultSchoolId ?? '')
      : (schoolOptions[0]?.value ?? ''),
  );
  const [areaId, setAreaId] = useState('');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [priority, setPriority] = useState<string>('normal');
  const [ownerKind, setOwnerKind] = useState<string>('district_maintenance');
  const [vendorId, setVendorId] = useState('');
  const [dueOn, setDueOn] = useState('');
  const areas = useAreaOptions(schoolId);
  const vendors = useVendorOptions(schoolId);
  const save = useAction(async () => {
    const body: WorkOrderBody = {
      schoolId,
      areaId: areaId || null,
      title: title.trim(),
      description: description.trim() || null,
      priority: priority as WorkOrderBody['priority'],
      ownerKind: ownerKind as WorkOrderBody['ownerKind'],
      vendorId: ownerKind === 'vendor' ? vendorId || null : null,
      dueOn: dueOn || null,
    };
    onDone(await api.post<WorkOrder>('/work-orders', body));
  });
  const err = (f: string) => fieldError(save.error, f);
  const defaultDays = WORK_ORDER_DUE_DAYS[priority as WorkOrderBody['priority']];

  return (
    <Form onSubmit={() => void save.run()} error={save.error} aria-label="New work order">
      <div className="form-grid">
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
        <SelectField
          label="Area"
          name="areaId"
          value={areaId}
          onChange={setAreaId}
          options={areas}
          placeholder="Not a particular area"
          error={err('areaId')}
        />
        <TextField
          label="What needs fixing"
          name="title"
          required
          maxLength={200}
          value={title}
          onChange={setTitle}
          error={err('title')}
          className="span-all"
        />
        <TextAreaField
          label="Description"
          name="description"
          maxLength={4000}
          value={description}
          onChange={setDescription}
          error={err('description')}
          className="span-all"
        />
        <SelectField
          label="Priority"
          name="priority"
          value={priority}
          onChange={setPriority}
          options={PRIORITY_OPTIONS}
          error={err('priority')}
        />
        <TextField
          label="Due"
          name="dueOn"
          type="date"
          value={dueOn}
          onChange={setDueOn}
          hint={`Empty: ${defaultDays} ${defaultDays === 1 ? 'day' : 'days'} from today`}
          error={err('dueOn')}
        />
        <SelectField
          label="Done by"
          name="ownerKind"
          value={ownerKind}
          onChange={setOwnerKind}
          options={OWNER_OPTIONS}
          error={err('ownerKind')}
        />
        {ownerKind === 'vendor' && (
          <SelectField
            label="Vendor"
            name="vendorId"
            required
            value={vendorId}
            onChange={setVendorId}
            options={vendors.options}
            placeholder="Choose a vendor…"
            hint={vendors.options.length === 0 ? 'No vendor in the directory serves this school.' : undefined}
            error={err('vendorId')}
          />
        )}
      </div>
      <FormActions>
        <Button type="submit" variant="primary" busy={save.busy}>
          Create work order
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </FormActions>
    </Form>
  );
}
