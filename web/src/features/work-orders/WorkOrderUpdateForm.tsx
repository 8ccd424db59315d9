import { useState } from 'react';
import {
  CLOSED_WORK_ORDER_STATUSES,
  type WorkOrderDetail,
  type WorkOrderStatus,
  type WorkOrderUpdateBody,
} from '@common/work-orders.ts';
import { Button } from '../../components/Button.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';
import { fieldError, useAction } from '../../lib/hooks.ts';
import { OWNER_OPTIONS, PRIORITY_OPTIONS, STATUS_OPTIONS } from './labels.ts';
import { useVendorOptions } from './parts.tsx';

/**
 * Changes a work order: status (closing needs closure notes), priority, who does the work and the due date.
 * Sends only what changed.
 */
export function WorkOrderUpdateForm({
  order,
  onDone,
}: {
  order: WorkOrderDetail;
  onDone: (order: WorkOrderDetail, message: string) => void;
}) {
  const [status, setStatus] = useState<string>(order.status);
  const [priority, setPriority] = useState<string>(order.priority);
  const [ownerKind, setOwnerKind] = useState<string>(order.ownerKind);
  const [vendorId, setVendorId] = useState(order.vendor?.id ?? '');
  const [dueOn, setDueOn] = useState(order.dueOn);
  const [closureNotes, setClosureNotes] = useState(order.closureNotes ?? '');
  const vendors = useVendorOptions(order.school.id);
  const closing = CLOSED_WORK_ORDER_STATUSES.includes(status as WorkOrderStatus);
  const vendorOptions =
    order.vendor && !vendors.options.some((v) => v.value === order.vendor?.id)
      ? [{ value: order.vendor.id, label: order.vendor.name }, ...vendors.options]
      : vendors.options;

  const save = useAction(async () => {
    const body: WorkOrderUpdateBody = {};
    if (status !== order.status) body.status = status as WorkOrderStatus;
    if (priority !== order.priority) body.priority = priority as WorkOrderUpdateBody['priority'];
    if (ownerKind !== order.ownerKind) body.ownerKind = ownerKind as WorkOrderUpdateBody['ownerKind'];
    const nextVendor = ownerKind === 'vendor' ? vendorId || null : null;
    if (nextVendor !== (order.vendor?.id ?? null)) body.vendorId = nextVendor;
    if (dueOn !== order.dueOn) body.dueOn = dueOn;
    if (closing && closureNotes.trim() !== (order.closureNotes ?? ''))
      body.closureNotes = closureNotes.trim() || null;
    if (Object.keys(body).length === 0) return 'Nothing changed.';
    const next = await api.patch<WorkOrderDetail>(`/work-orders/${order.id}`, body);
    onDone(next, 'The work order is saved.');
  });
  const err = (f: string) => fieldError(save.error, f);

  return (
    <Form
      onSubmit={() => void save.run()}
      error={save.error}
      success={save.success}
      aria-label="Update the work order"
    >
      <div className="form-grid">
        <SelectField
          label="Status"
          name="status"
          value={status}
          onChange={setStatus}
          options={STATUS_OPTIONS}
          error={err('status')}
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
          required
          value={dueOn}
          onChange={setDueOn}
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
            options={vendorOptions}
            placeholder="Choose a vendor…"
            error={err('vendorId')}
          />
        )}
        {closing && (
          <TextAreaField
            label="Closure notes"
            name="closureNotes"
            required
            hint="What was done, or why it is cancelled"
            maxLength={4000}
            value={closureNotes}
            onChange={setClosureNotes}
            error={err('closureNotes')}
            className="span-all"
          />
        )}
      </div>
      <FormActions>
        <Button type="submit" variant="primary" busy={save.busy}>
          Save changes
        </Button>
      </FormActions>
    </Form>
  );
}
