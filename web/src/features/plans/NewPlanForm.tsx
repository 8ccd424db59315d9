import { useState } from 'react';
import type { Plan } from '@common/preparedness.ts';
import { Button } from '../../components/Button.tsx';
import { SelectField, TextAreaField, TextField, type Option } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';
import { fieldError, useAction } from '../../lib/hooks.ts';
import { PLAN_KIND_LABELS, optionsOf } from '../preparedness/labels.ts';

/** A new plan with its first version written in the app (a PDF can follow as the next version). */
export function NewPlanForm({
  scopeOptions,
  defaultSchoolId,
  onDone,
  onCancel,
}: {
  scopeOptions: Option[];
  defaultSchoolId: string;
  onDone: (plan: Plan) => void;
  onCancel: () => void;
}) {
  const [schoolId, setSchoolId] = useState(
    scopeOptions.some((o) => o.value === defaultSchoolId) ? defaultSchoolId : (scopeOptions[0]?.value ?? ''),
  );
  const [kind, setKind] = useState('eop');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [changeSummary, setChangeSummary] = useState('');
  const save = useAction(async () => {
    onDone(
      await api.post<Plan>('/plans', {
        schoolId: schoolId || null,
        kind,
        title: title.trim(),
        body,
        changeSummary: changeSummary.trim() || null,
      }),
    );
  });
  const err = (f: string) => fieldError(save.error, f);
  return (
    <Form onSubmit={() => void save.run()} error={save.error} aria-label="New plan">
      <div className="form-grid">
        <SelectField
          label="School"
          name="schoolId"
          value={schoolId}
          onChange={setSchoolId}
          options={scopeOptions}
          error={err('schoolId')}
        />
        <SelectField
          label="Kind"
          name="kind"
          value={kind}
          onChange={setKind}
          options={optionsOf(PLAN_KIND_LABELS)}
          error={err('kind')}
        />
        <TextField
          label="Title"
          name="title"
          required
          maxLength={200}
          value={title}
          onChange={setTitle}
          error={err('title')}
          className="span-all"
        />
        <TextAreaField
          label="Text of version 1"
          name="body"
          required
          rows={10}
          hint="To use a PDF instead, start with a short summary here and upload the PDF as version 2."
          value={body}
          onChange={setBody}
          error={err('body')}
          className="span-all"
        />
        <TextField
          label="Change summary"
          name="changeSummary"
          maxLength={500}
          value={changeSummary}
          onChange={setChangeSummary}
          error={err('changeSummary')}
          className="span-all"
        />
      </div>
      <FormActions>
        <Button type="submit" variant="primary" busy={save.busy}>
          Create plan
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </FormActions>
    </Form>
  );
}
