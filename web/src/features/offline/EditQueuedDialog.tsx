import { useState } from 'react';
import { Button } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { TextAreaField, TextField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { useAction } from '../../lib/hooks.ts';
import { retryWrite } from '../../lib/offline-queue.ts';
import type { QueuedWrite } from '../../lib/offline-store.ts';

const LONG_TEXT = new Set(['notes', 'note', 'narrative', 'summary']);

/** The fields a person can correct in place: text and numbers, not ids or times picked elsewhere. */
function editableKeys(body: Record<string, unknown>): string[] {
  return Object.keys(body).filter((k) => {
    const v = body[k];
    const text = typeof v === 'string' || typeof v === 'number' || (v === null && LONG_TEXT.has(k));
    return text && !/(Id|At)$/.test(k);
  });
}

function labelOf(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Corrects a refused write (the field the server named first) and sends it again with a new Idempotency-Key
 * (the old key belongs to the refused body).
 */
export function EditQueuedDialog({ write, onClose }: { write: QueuedWrite | null; onClose: () => void }) {
  return (
    <Dialog open={write !== null} title="Edit before sending" onClose={onClose}>
      {write && <EditFields write={write} onClose={onClose} />}
    </Dialog>
  );
}

function EditFields({ write, onClose }: { write: QueuedWrite; onClose: () => void }) {
  const keys = editableKeys(write.body);
  const [values, setValues] = useState(() =>
    Object.fromEntries(keys.map((k) => [k, String(write.body[k] ?? '')])),
  );
  const save = useAction(async () => {
    const body = { ...write.body };
    for (const k of keys) {
      const v = values[k]!;
      body[k] =
        typeof write.body[k] === 'number' ? Number(v) : v.trim() === '' && write.body[k] === null ? null : v;
    }
    await retryWrite(write, body);
    onClose();
  });
  return (
    <Form onSubmit={() => void save.run()} error={save.error} aria-label={`Edit ${write.label}`}>
      <p className="muted small">{write.label}</p>
      {write.refusal && <p className="field-error">{write.refusal.message}</p>}
      {keys.length === 0 && <p>Nothing here can be edited; retry or discard it.</p>}
      {keys.map((k) =>
        LONG_TEXT.has(k) ? (
          <TextAreaField
            key={k}
            label={labelOf(k)}
            name={k}
            value={values[k]!}
            onChange={(v) => setValues({ ...values, [k]: v })}
          />
        ) : (
          <TextField
            key={k}
            label={labelOf(k)}
            name={k}
            type={typeof write.body[k] === 'number' ? 'number' : 'text'}
            value={values[k]!}
            onChange={(v) => setValues({ ...values, [k]: v })}
          />
        ),
      )}
      <FormActions>
        <Button type="submit" variant="primary" busy={save.busy}>
          Save and send
        </Button>
        <Button onClick={onClose}>Cancel</Button>
      </FormActions>
    </Form>
  );
}
