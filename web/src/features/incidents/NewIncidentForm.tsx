import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { CreateIncident, IncidentDetail } from '@common/incidents.ts';
import { Button } from '../../components/Button.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';
import { fieldError, useAction } from '../../lib/hooks.ts';
import { useSchoolOptions } from '../../lib/options.ts';
import { fromLocalInput, nowLocalInput } from './labels.ts';

/** Starts a draft report (school and time), then opens the full form. */
export function NewIncidentForm({
  defaultSchoolId,
  onCancel,
}: {
  defaultSchoolId: string;
  onCancel: () => void;
}) {
  const navigate = useNavigate();
  const schools = useSchoolOptions();
  const [schoolId, setSchoolId] = useState(
    defaultSchoolId || (schools.length === 1 ? schools[0]!.value : ''),
  );
  const [occurredAt, setOccurredAt] = useState(nowLocalInput());
  const submit = useAction(async () => {
    const body: CreateIncident = {
      schoolId,
      onCampus: true,
      occurredAt: fromLocalInput(occurredAt) ?? '',
      summary: '',
      narrative: '',
      offenses: [],
      property: [],
      clearance: null,
      persons: [],
      actions: [],
    };
    const created = await api.post<IncidentDetail>('/incidents', body);
    navigate(`/incidents/${created.id}/edit`);
  });
  return (
    <Form onSubmit={() => void submit.run()} error={submit.error} aria-label="Start an incident report">
      <SelectField
        label="School"
        name="schoolId"
        required
        value={schoolId}
        onChange={setSchoolId}
        options={schools}
        placeholder="Choose a school…"
        error={fieldError(submit.error, 'schoolId')}
      />
      <TextField
        label="When it happened"
        name="occurredAt"
        type="datetime-local"
        required
        max={nowLocalInput()}
        value={occurredAt}
        onChange={setOccurredAt}
        error={fieldError(submit.error, 'occurredAt')}
      />
      <FormActions>
        <Button type="submit" variant="primary" busy={submit.busy}>
          Start report
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </FormActions>
    </Form>
  );
}
