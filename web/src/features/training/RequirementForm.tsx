import { useState } from 'react';
import type { TrainingRequirement } from '@common/preparedness.ts';
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
import { roleLabel } from '../../lib/format.ts';
import { fieldError, useAction } from '../../lib/hooks.ts';

const TRAINEE_ROLES: TrainingRequirement['roles'] = ['staff', 'school_admin', 'counselor', 'security', 'sro'];

/** A required training: topic, who must complete it, how long a completion stays valid, notes. */
export function RequirementForm({
  requirement,
  scopeOptions,
  onDone,
  onCancel,
}: {
  requirement?: TrainingRequirement;
  scopeOptions: Option[];
  onDone: (r: TrainingRequirement) => void;
  onCancel: () => void;
}) {
  const [schoolId, setSchoolId] = useState(scopeOptions[0]?.value ?? '');
  const [topic, setTopic] = useState(requirement?.topic ?? '');
  const [roles, setRoles] = useState<TrainingRequirement['roles']>(requirement?.roles ?? ['staff']);
  const [validMonths, setValidMonths] = useState(requirement?.validMonths?.toString() ?? '12');
  const [notes, setNotes] = useState(requirement?.notes ?? '');
  const [active, setActive] = useState(requirement?.active ?? true);
  const save = useAction(async () => {
    const body = {
      topic: topic.trim(),
      roles,
      validMonths: validMonths.trim() === '' ? null : Number(validMonths),
      notes: notes.trim() || null,
    };
    onDone(
      requirement
        ? await api.patch<TrainingRequirement>(`/training-requirements/${requirement.id}`, {
            ...body,
            active,
          })
        : await api.post<TrainingRequirement>('/training-requirements', {
            ...body,
            schoolId: schoolId || null,
          }),
    );
  });
  const err = (f: string) => fieldError(save.error, f);
  return (
    <Form
      onSubmit={() => void save.run()}
      error={save.error}
      aria-label={requirement ? 'Edit required training' : 'Add a required training'}
    >
      <div className="form-grid">
        <TextField
          label="Training"
          name="topic"
          required
          maxLength={200}
          value={topic}
          onChange={setTopic}
          error={err('topic')}
          className="span-all"
        />
        {!requirement && (
          <SelectField
            label="Where"
            name="schoolId"
            value={schoolId}
            onChange={setSchoolId}
            options={scopeOptions}
            error={err('schoolId')}
          />
        )}
        <TextField
          label="Valid for (months)"
          name="validMonths"
          type="number"
          inputMode="numeric"
          min={1}
          hint="Leave empty when completing it once is enough"
          value={validMonths}
          onChange={setValidMonths}
          error={err('validMonths')}
        />
        <fieldset className="fieldset span-all">
          <legend>Who must complete it</legend>
          <div className="check-grid">
            {TRAINEE_ROLES.map((r) => (
              <CheckboxField
                key={r}
                label={roleLabel(r)}
                checked={roles.includes(r)}
                onChange={(on) => setRoles((list) => (on ? [...list, r] : list.filter((x) => x !== r)))}
              />
            ))}
          </div>
          {err('roles') && <p className="field-error">{err('roles')}</p>}
        </fieldset>
        <TextAreaField
          label="Notes"
          name="notes"
          value={notes}
          onChange={setNotes}
          error={err('notes')}
          className="span-all"
        />
        {requirement && (
          <CheckboxField label="Active (still required)" checked={active} onChange={setActive} />
        )}
      </div>
      <FormActions>
        <Button type="submit" variant="primary" busy={save.busy}>
          {requirement ? 'Save requirement' : 'Add requirement'}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </FormActions>
    </Form>
  );
}
