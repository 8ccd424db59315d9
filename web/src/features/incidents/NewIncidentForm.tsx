import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { CreateIncident, IncidentDetail } from '@common/incidents.ts';
import { Button } from '../../components/Button.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { deleteDraft, draftKey, readDraft, writeDraft } from '../../lib/draft-store.ts';
import { useOffline } from '../../lib/offline.tsx';
import { sendOrQueue } from '../../lib/offline-queue.ts';
import { useSession } from '../../lib/session.tsx';
import { fieldError, useAction } from '../../lib/hooks.ts';
import { useSchoolOptions } from '../../lib/options.ts';
import { fromLocalInput, nowLocalInput } from './labels.ts';

/**
 * Starts a draft report (school and time), then opens the full form. Without signal it also takes the summary and
 * narrative (kept as the user types in the device's draft store) and queues the draft until the signal returns.
 */
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
  const { user } = useSession();
  const { online } = useOffline();
  const [text, setText] = useState({ summary: '', narrative: '' });
  const [kept, setKept] = useState<string | null>(null);
  const copyKey = draftKey('incident-offline', 'new', user?.id);
  useEffect(() => {
    void readDraft<{ summary: string; narrative: string }>(copyKey).then((d) => d && setText(d.value));
  }, [copyKey]);
  const type = (change: Partial<typeof text>) => {
    const next = { ...text, ...change };
    setText(next);
    void writeDraft(copyKey, { value: next, version: 0, updatedAt: new Date().toISOString() });
  };
  const submit = useAction(async () => {
    const body: CreateIncident = {
      schoolId,
      onCampus: true,
      occurredAt: fromLocalInput(occurredAt) ?? '',
      summary: text.summary.trim(),
      narrative: text.narrative,
      offenses: [],
      property: [],
      clearance: null,
      persons: [],
      actions: [],
    };
    const school = schools.find((s) => s.value === schoolId)?.label ?? 'school';
    const label = `Draft report at ${school}${body.summary ? `: ${body.summary.slice(0, 60)}` : ''}`;
    const sent = await sendOrQueue<IncidentDetail>(user!.id, 'incident', label, '/incidents', { ...body });
    await deleteDraft(copyKey);
    if (!sent.queued) return navigate(`/incidents/${sent.result.id}/edit`);
    setText({ summary: '', narrative: '' });
    setKept(
      'No signal: the draft report is kept on this device and created when you are back online (see Not yet sent).',
    );
  });
  return (
    <Form
      onSubmit={() => void submit.run()}
      error={submit.error}
      success={kept}
      aria-label="Start an incident report"
    >
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
      {!online && (
        <>
          <TextField
            label="Summary"
            name="summary"
            maxLength={300}
            value={text.summary}
            onChange={(v) => type({ summary: v })}
            hint="You are offline: write what you can now; the rest of the report opens when the draft reaches the server."
          />
          <TextAreaField
            label="Narrative"
            name="narrative"
            value={text.narrative}
            onChange={(v) => type({ narrative: v })}
          />
        </>
      )}
      <FormActions>
        <Button type="submit" variant="primary" busy={submit.busy}>
          Start report
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </FormActions>
    </Form>
  );
}
