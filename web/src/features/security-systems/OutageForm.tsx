import { useState } from 'react';
import type { OutageBody, OutageResult, SecuritySystem } from '@common/security-systems.ts';
import { Button } from '../../components/Button.tsx';
import { SelectField, TextAreaField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';
import { fieldError, useAction } from '../../lib/hooks.ts';
import { PRIORITY_OPTIONS } from '../work-orders/labels.ts';

const STATUS_CHOICES = [
  { value: 'offline', label: 'Not working at all (offline)' },
  { value: 'degraded', label: 'Partly working (degraded)' },
];

/** "Report an outage": how bad and what is wrong; the server sets the status and opens a work order. */
export function OutageForm({
  system,
  onDone,
  onCancel,
}: {
  system: Pick<SecuritySystem, 'id' | 'name'>;
  onDone: (result: OutageResult) => void;
  onCancel: () => void;
}) {
  const [status, setStatus] = useState('offline');
  const [description, setDescription] = useState('');
  const [priority, setPriority] = useState('');
  const save = useAction(async () => {
    const body: OutageBody = {
      status: status as OutageBody['status'],
      description: description.trim(),
      priority: priority ? (priority as OutageBody['priority']) : undefined,
    };
    onDone(await api.post<OutageResult>(`/security-systems/${system.id}/outages`, body));
  });
  const err = (f: string) => fieldError(save.error, f);
  return (
    <Form
      onSubmit={() => void save.run()}
      error={save.error}
      aria-label={`Report an outage of ${system.name}`}
    >
      <SelectField
        label="How bad"
        name="status"
        value={status}
        onChange={setStatus}
        options={STATUS_CHOICES}
        error={err('status')}
      />
      <TextAreaField
        label="What is wrong"
        name="description"
        required
        maxLength={2000}
        value={description}
        onChange={setDescription}
        error={err('description')}
      />
      <SelectField
        label="Priority"
        name="priority"
        value={priority}
        onChange={setPriority}
        options={PRIORITY_OPTIONS}
        placeholder="Default (high when offline, normal when degraded)"
        error={err('priority')}
      />
      <FormActions>
        <Button type="submit" variant="danger" busy={save.busy}>
          Report the outage
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </FormActions>
    </Form>
  );
}
