import { useState } from 'react';
import type { ReleaseBody, ReunificationRequest } from '@common/alerts.ts';
import { Button } from '../../../components/Button.tsx';
import { Dialog } from '../../../components/Dialog.tsx';
import { TextAreaField, TextField } from '../../../components/Field.tsx';
import { Form, FormActions } from '../../../components/Form.tsx';
import { api } from '../../../lib/api.ts';
import { fieldError, useAction } from '../../../lib/hooks.ts';

const base = (r: ReunificationRequest) => `/reunifications/${r.reunificationId}/requests/${r.id}`;

/** Sends a runner to bring the student from the assembly area. */
export function RunnerButton({
  request,
  onDone,
}: {
  request: ReunificationRequest;
  onDone: (r: ReunificationRequest) => void;
}) {
  const [open, setOpen] = useState(false);
  const [runnerName, setRunnerName] = useState('');
  const action = useAction(async () => {
    onDone(
      await api.post<ReunificationRequest>(`${base(request)}/runner`, { runnerName: runnerName.trim() }),
    );
    setOpen(false);
  });
  return (
    <>
      <Button
        size="small"
        onClick={() => setOpen(true)}
        aria-label={`Send a runner for ${request.student.name}`}
      >
        Send runner
      </Button>
      <Dialog open={open} title={`Runner for ${request.student.name}`} onClose={() => setOpen(false)}>
        <Form onSubmit={() => void action.run()} error={action.error}>
          <TextField
            label="Runner's name"
            name="runnerName"
            value={runnerName}
            onChange={setRunnerName}
            required
            maxLength={200}
            error={fieldError(action.error, 'runnerName')}
          />
          <FormActions>
            <Button type="submit" variant="primary" busy={action.busy}>
              Send runner
            </Button>
            <Button onClick={() => setOpen(false)}>Cancel</Button>
          </FormActions>
        </Form>
      </Dialog>
    </>
  );
}

/**
 * The release point: the student is asked whether they are comfortable leaving with the adult; the
 * releasing staff member's initials are logged. A "no" records a refusal with its reason.
 */
export function ReleaseButton({
  request,
  onDone,
}: {
  request: ReunificationRequest;
  onDone: (r: ReunificationRequest) => void;
}) {
  const [open, setOpen] = useState(false);
  const [confirmed, setConfirmed] = useState<'yes' | 'no' | ''>('');
  const [initials, setInitials] = useState('');
  const [reason, setReason] = useState('');
  const action = useAction(async () => {
    const body: ReleaseBody = {
      studentConfirmed: confirmed === 'yes',
      initials: initials.trim(),
      ...(confirmed === 'no' && reason.trim() ? { refusalReason: reason.trim() } : {}),
    };
    onDone(await api.post<ReunificationRequest>(`${base(request)}/release`, body));
    setOpen(false);
  });
  return (
    <>
      <Button
        size="small"
        variant="primary"
        onClick={() => setOpen(true)}
        aria-label={`Release ${request.student.name}`}
      >
        Release
      </Button>
      <Dialog open={open} title={`Release ${request.student.name}`} onClose={() => setOpen(false)}>
        <Form onSubmit={() => void action.run()} error={action.error}>
          <fieldset className="fieldset">
            <legend>
              Ask {request.student.name}: are you comfortable leaving with {request.adultName}?
            </legend>
            <label className="checkbox-field">
              <input
                type="radio"
                name="studentConfirmed"
                required
                checked={confirmed === 'yes'}
                onChange={() => setConfirmed('yes')}
              />
              <span>Yes, the student confirms</span>
            </label>
            <label className="checkbox-field">
              <input
                type="radio"
                name="studentConfirmed"
                checked={confirmed === 'no'}
                onChange={() => setConfirmed('no')}
              />
              <span>No: do not release</span>
            </label>
          </fieldset>
          {confirmed === 'no' && (
            <TextAreaField
              label="What the student said"
              name="refusalReason"
              value={reason}
              onChange={setReason}
              required
              maxLength={500}
              error={fieldError(action.error, 'refusalReason')}
            />
          )}
          <TextField
            label="Your initials"
            name="initials"
            value={initials}
            onChange={setInitials}
            required
            maxLength={5}
            autoComplete="off"
            error={fieldError(action.error, 'initials')}
          />
          <FormActions>
            <Button type="submit" variant={confirmed === 'no' ? 'danger' : 'primary'} busy={action.busy}>
              {confirmed === 'no' ? 'Record: not released' : 'Release the student'}
            </Button>
            <Button onClick={() => setOpen(false)}>Cancel</Button>
          </FormActions>
        </Form>
      </Dialog>
    </>
  );
}
