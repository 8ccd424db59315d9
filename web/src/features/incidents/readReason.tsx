import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import {
  READ_REASON_LABELS,
  READ_REASON_MEMORY_MS,
  READ_REASON_NOTE_MAX,
  READ_REASONS,
  READ_REASONS_NEEDING_NOTE,
  type ReadReason,
} from '@common/read-reasons.ts';
import { Button } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { SelectField, TextAreaField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { ApiError, withQuery } from '../../lib/api.ts';
import { useApiData } from '../../lib/hooks.ts';

// A reason given for one record is kept in this tab's session storage for READ_REASON_MEMORY_MS and sent again with
// every read of that record (refetches, versions, prints, evidence), so the reader is asked once, not at each request.
// The server never remembers it: every read carries its reason and is audited with it.
const KEY = 'sro.readReason.';

/** The reason as the API takes it in the query. */
export interface GivenReason {
  reason: ReadReason;
  reasonNote?: string;
}

/** The reason given for the record in the last READ_REASON_MEMORY_MS, or undefined. */
export function rememberedReason(recordId: string): GivenReason | undefined {
  try {
    const stored = sessionStorage.getItem(KEY + recordId);
    if (!stored) return undefined;
    const { at, ...given } = JSON.parse(stored) as GivenReason & { at: number };
    if (Date.now() - at < READ_REASON_MEMORY_MS) return given;
    sessionStorage.removeItem(KEY + recordId);
  } catch {
    // Blocked storage (private mode): the reader is simply asked again.
  }
  return undefined;
}

/** Keeps the reason given for the record (for READ_REASON_MEMORY_MS). */
export function rememberReason(recordId: string, given: GivenReason | null): void {
  try {
    if (given) sessionStorage.setItem(KEY + recordId, JSON.stringify({ ...given, at: Date.now() }));
    else sessionStorage.removeItem(KEY + recordId);
  } catch {
    // Blocked storage: the reason then holds for this page only.
  }
}

/** `path` with the remembered reason of the record (for links: PDFs and evidence files). */
export function withReason(path: string, recordId: string): string {
  const given = rememberedReason(recordId);
  return withQuery(path, given ? { reason: given.reason, reasonNote: given.reasonNote } : undefined);
}

/** True when the answer asks for a reason (or refused the one given), so the page asks the reader. */
export function asksForReason(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    (error.code === 'reason_required' || (error.code === 'validation_failed' && error.field === 'reasonNote'))
  );
}

const OPTIONS = READ_REASONS.map((value) => ({ value, label: READ_REASON_LABELS[value] }));

/** Asks why a juvenile or sealed record is opened; cancelling goes back to the list. */
export function ReadReasonDialog({
  error,
  onGiven,
}: {
  error: unknown;
  onGiven: (given: GivenReason) => void;
}) {
  const navigate = useNavigate();
  const [reason, setReason] = useState<ReadReason | ''>('');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState<string | undefined>();
  const refused = error instanceof ApiError && error.code === 'validation_failed' ? error.message : undefined;
  const needsNote = reason !== '' && READ_REASONS_NEEDING_NOTE.includes(reason);
  const submit = () => {
    if (reason === '') return setMissing('Choose why you open this record');
    if (needsNote && !note.trim()) return setMissing(undefined);
    onGiven({ reason, ...(note.trim() ? { reasonNote: note.trim() } : {}) });
  };
  return (
    <Dialog open title="Why do you open this record?" onClose={() => navigate('/incidents')}>
      <Form onSubmit={submit} aria-label="Reason for opening the record">
        <p>
          This record names a juvenile (or is sealed). State law lets it be opened only for a stated purpose;
          your reason is kept with the audit record of this read and reused for this record for the next 15
          minutes.
        </p>
        <SelectField
          label="Reason"
          name="reason"
          required
          value={reason}
          placeholder="Choose…"
          options={OPTIONS}
          onChange={(v) => setReason(v as ReadReason | '')}
          error={missing}
        />
        <TextAreaField
          label={needsNote ? 'Details (required)' : 'Details'}
          name="reasonNote"
          value={note}
          onChange={setNote}
          required={needsNote}
          maxLength={READ_REASON_NOTE_MAX}
          error={refused}
          hint={reason === 'records_request' ? 'The number of the records request' : undefined}
        />
        <FormActions>
          <Button type="submit" variant="primary">
            Open the record
          </Button>
          <Button onClick={() => navigate('/incidents')}>Cancel</Button>
        </FormActions>
      </Form>
    </Dialog>
  );
}

/**
 * Router state of a link to a record the server will only open with a reason (a list row that says the record names a
 * juvenile): the page asks first instead of sending a read the server must refuse with 428.
 */
export const ASK_REASON_FIRST = { askReason: true } as const;

/**
 * Loads a record that may need a stated reason: sends the remembered one, and when the server asks (or the link said
 * it would, ASK_REASON_FIRST), gives the page the dialog to show instead of the record; the read is sent with the
 * reason given.
 */
export function useReasonedData<T>(path: string, recordId: string) {
  const [, setGiven] = useState(0);
  const askFirst = (useLocation().state as { askReason?: boolean } | null)?.askReason === true;
  const given = rememberedReason(recordId);
  const waiting = askFirst && !given;
  const resource = useApiData<T>(
    waiting ? null : path,
    given ? { reason: given.reason, reasonNote: given.reasonNote } : undefined,
  );
  const dialog = waiting || asksForReason(resource.error) ? (
    <ReadReasonDialog
      error={waiting ? null : resource.error}
      onGiven={(g) => {
        rememberReason(recordId, g);
        setGiven((n) => n + 1);
        resource.reload();
      }}
    />
  ) : null;
  return { resource, dialog };
}
