import { useState } from 'react';
import {
  ASSESSMENT_LAYER_LABELS,
  type AssessmentItem,
  type Finding,
  type FindingBody,
  type FindingUpdateBody,
} from '@common/assessments.ts';
import { Button } from '../../components/Button.tsx';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { UserPicker } from '../../components/UserPicker.tsx';
import { api } from '../../lib/api.ts';
import { fieldError, useAction } from '../../lib/hooks.ts';
import { FINDING_STATUS_OPTIONS, SEVERITY_OPTIONS } from './labels.tsx';

/**
 * A finding of an assessment (new, or its remediation later): what is wrong, severity, the owner, the due
 * date, optionally a work order; when editing also the status and remediation notes.
 */
export function FindingForm({
  assessmentId,
  finding,
  items,
  defaultItemId,
  onDone,
  onCancel,
}: {
  assessmentId: string;
  finding?: Finding;
  items: AssessmentItem[];
  defaultItemId?: string;
  onDone: (finding: Finding) => void;
  onCancel: () => void;
}) {
  const [itemId, setItemId] = useState(finding?.item?.id ?? defaultItemId ?? '');
  const [title, setTitle] = useState(finding?.title ?? '');
  const [description, setDescription] = useState(finding?.description ?? '');
  const [severity, setSeverity] = useState<string>(finding?.severity ?? 'moderate');
  const [ownerId, setOwnerId] = useState(finding?.owner?.id ?? '');
  const [dueOn, setDueOn] = useState(finding?.dueOn ?? '');
  const [status, setStatus] = useState<string>(finding?.status ?? 'open');
  const [remediationNotes, setRemediationNotes] = useState(finding?.remediationNotes ?? '');
  const [workOrder, setWorkOrder] = useState(false);
  const save = useAction(async () => {
    const common = {
      title: title.trim(),
      description: description.trim() || null,
      severity: severity as FindingBody['severity'],
      ownerId: ownerId || null,
      dueOn: dueOn || null,
    };
    if (finding) {
      const body: FindingUpdateBody = {
        ...common,
        status: status as FindingUpdateBody['status'],
        remediationNotes: remediationNotes.trim() || null,
        ...(workOrder ? { createWorkOrder: true as const } : {}),
      };
      onDone(await api.patch<Finding>(`/assessment-findings/${finding.id}`, body));
    } else {
      const body: FindingBody = { ...common, itemId: itemId || null, createWorkOrder: workOrder };
      onDone(await api.post<Finding>(`/assessments/${assessmentId}/findings`, body));
    }
  });
  const err = (f: string) => fieldError(save.error, f);

  return (
    <Form
      onSubmit={() => void save.run()}
      error={save.error}
      aria-label={finding ? 'Edit finding' : 'New finding'}
    >
      <div className="form-grid">
        {!finding && (
          <SelectField
            label="About the measure"
            name="itemId"
            value={itemId}
            onChange={setItemId}
            options={items.map((i) => ({
              value: i.id,
              label: `${ASSESSMENT_LAYER_LABELS[i.layer]}: ${i.title}`,
            }))}
            placeholder="No particular measure"
            error={err('itemId')}
            className="span-all"
          />
        )}
        <TextField
          label="Finding"
          name="title"
          required
          maxLength={300}
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
          label="Severity"
          name="severity"
          value={severity}
          onChange={setSeverity}
          options={SEVERITY_OPTIONS}
          error={err('severity')}
        />
        <TextField
          label="Due"
          name="dueOn"
          type="date"
          value={dueOn}
          onChange={setDueOn}
          error={err('dueOn')}
        />
        {finding && (
          <SelectField
            label="Status"
            name="status"
            value={status}
            onChange={setStatus}
            options={FINDING_STATUS_OPTIONS}
            error={err('status')}
          />
        )}
        <div className="span-all">
          <UserPicker label="Remediation owner" value={ownerId} onChange={setOwnerId} />
          {err('ownerId') && <p className="field-error">{err('ownerId')}</p>}
        </div>
        {finding && (
          <TextAreaField
            label="Remediation notes"
            name="remediationNotes"
            maxLength={4000}
            value={remediationNotes}
            onChange={setRemediationNotes}
            error={err('remediationNotes')}
            className="span-all"
          />
        )}
        {!finding?.workOrder && (
          <CheckboxField
            label="Open a work order for the fix"
            checked={workOrder}
            onChange={setWorkOrder}
            className="span-all"
          />
        )}
      </div>
      <FormActions>
        <Button type="submit" variant="primary" busy={save.busy}>
          {finding ? 'Save finding' : 'Add finding'}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </FormActions>
    </Form>
  );
}
