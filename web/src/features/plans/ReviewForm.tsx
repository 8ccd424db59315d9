import { useState } from 'react';
import type { PlanDetail, PlanReview } from '@common/preparedness.ts';
import { Button } from '../../components/Button.tsx';
import { TextAreaField, TextField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';
import { todayIso } from '../../lib/format.ts';
import { fieldError, useAction } from '../../lib/hooks.ts';

/** Records the annual review of the current version, with the signed-in administrator as approver. */
export function ReviewForm({ plan, onDone }: { plan: PlanDetail; onDone: (review: PlanReview) => void }) {
  const [reviewedOn, setReviewedOn] = useState(todayIso());
  const [notes, setNotes] = useState('');
  const save = useAction(async () => {
    onDone(
      await api.post<PlanReview>(`/plans/${plan.id}/reviews`, { reviewedOn, notes: notes.trim() || null }),
    );
    setNotes('');
  });
  return (
    <Form
      onSubmit={() => void save.run()}
      error={save.error}
      aria-label="Approve the annual review"
      className="narrow-form"
    >
      <TextField
        label="Reviewed on"
        name="reviewedOn"
        type="date"
        required
        max={todayIso()}
        value={reviewedOn}
        onChange={setReviewedOn}
        error={fieldError(save.error, 'reviewedOn')}
      />
      <TextAreaField
        label="Review notes"
        name="notes"
        value={notes}
        onChange={setNotes}
        error={fieldError(save.error, 'notes')}
      />
      <FormActions>
        <Button type="submit" variant="primary" busy={save.busy}>
          Approve version {plan.currentVersion.version}
        </Button>
      </FormActions>
    </Form>
  );
}
