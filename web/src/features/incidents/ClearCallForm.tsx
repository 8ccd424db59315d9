import { useState } from 'react';
import { LABELS, type Call, type CallDisposition } from '@common/incidents.ts';
import { Button } from '../../components/Button.tsx';
import { SelectField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';
import { fieldError, useAction } from '../../lib/hooks.ts';
import { optionsOf } from './labels.ts';

/** Clears a call with its disposition. */
export function ClearCallForm({
  call,
  onDone,
  onCancel,
}: {
  call: Call;
  onDone: () => void;
  onCancel: () => void;
}) {
  const [disposition, setDisposition] = useState<string>(call.incidentId ? 'report_taken' : '');
  const submit = useAction(async () => {
    const now = new Date().toISOString();
    await api.patch<Call>(`/calls/${call.id}`, {
      disposition: disposition as CallDisposition,
      clearedAt: now,
      ...(call.arrivedAt ? {} : { arrivedAt: now }),
    });
    onDone();
  });
  return (
    <Form onSubmit={() => void submit.run()} error={submit.error} aria-label="Clear the call">
      <p>{call.summary}</p>
      <SelectField
        label="Disposition"
        name="disposition"
        required
        value={disposition}
        onChange={setDisposition}
        options={optionsOf(LABELS.disposition)}
        placeholder="Choose…"
        error={fieldError(submit.error, 'disposition')}
      />
      <FormActions>
        <Button type="submit" variant="primary" busy={submit.busy}>
          Clear call
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </FormActions>
    </Form>
  );
}
