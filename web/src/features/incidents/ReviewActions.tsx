import { useState } from 'react';
import { Button } from '../../components/Button.tsx';
import { TextAreaField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';
import { fieldError, useAction } from '../../lib/hooks.ts';

interface Props {
  /** `/incidents/:id` or `/incidents/:id/supplements/:sid`. */
  path: string;
  version: number;
  /** What is reviewed ("report 2026-000123", "supplement 2"). */
  what: string;
  onDone: (message: string) => void;
}

/** A supervisor's review of a submitted report or supplement: approve, or return with what to correct. */
export function ReviewActions({ path, version, what, onDone }: Props) {
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const approve = useAction(async () => {
    await api.post(`${path}/approve`, { version });
    onDone(`The ${what} was approved.`);
  });
  const sendBack = useAction(async () => {
    await api.post(`${path}/return`, { version, comment });
    onDone(`The ${what} was returned to its author.`);
  });

  if (returning)
    return (
      <Form onSubmit={() => void sendBack.run()} error={sendBack.error} aria-label={`Return the ${what}`}>
        <TextAreaField
          label="What to correct"
          name="comment"
          required
          rows={4}
          value={comment}
          onChange={setComment}
          error={fieldError(sendBack.error, 'comment')}
        />
        <FormActions>
          <Button type="submit" variant="danger" busy={sendBack.busy}>
            Return with comment
          </Button>
          <Button onClick={() => setReturning(false)}>Cancel</Button>
        </FormActions>
      </Form>
    );
  return (
    <Form onSubmit={() => void approve.run()} error={approve.error} aria-label={`Review the ${what}`}>
      <FormActions>
        <Button type="submit" variant="primary" busy={approve.busy}>
          Approve
        </Button>
        <Button onClick={() => setReturning(true)}>Return…</Button>
      </FormActions>
    </Form>
  );
}
