import { useState } from 'react';
import type { Checklist, CheckRunDetail } from '@common/patrols.ts';
import { Button } from '../../components/Button.tsx';
import { TextAreaField, TextField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { fieldError, useAction } from '../../lib/hooks.ts';
import { sendOrQueue } from '../../lib/offline-queue.ts';
import { useSession } from '../../lib/session.tsx';

type Result = { passed: boolean | null; note: string };

/**
 * Runs a check list: every item passes or fails (a failed item needs a note, which becomes the work order's
 * description). Nothing is preselected so an item cannot pass by oversight.
 */
export function CheckRunForm({
  checklist,
  onDone,
  onQueued,
  onCancel,
}: {
  checklist: Checklist;
  onDone: (run: CheckRunDetail) => void;
  /** Told when the run was kept on this device for lack of signal (offline queue). */
  onQueued: () => void;
  onCancel: () => void;
}) {
  const [results, setResults] = useState<Record<string, Result>>(() =>
    Object.fromEntries(checklist.items.map((i) => [i.id, { passed: null, note: '' }])),
  );
  const { user } = useSession();
  const [duration, setDuration] = useState('15');
  const [notes, setNotes] = useState('');
  const [missing, setMissing] = useState<string | null>(null);
  const set = (itemId: string, change: Partial<Result>) =>
    setResults((prev) => ({ ...prev, [itemId]: { ...prev[itemId]!, ...change } }));

  const save = useAction(async () => {
    const failed = checklist.items.filter((i) => results[i.id]!.passed !== true).length;
    const sent = await sendOrQueue<CheckRunDetail>(
      user!.id,
      'check',
      `Security check: ${checklist.name}${failed ? ` (${failed} failed)` : ''}`,
      '/patrol-checks',
      {
        checklistId: checklist.id,
        startedAt: new Date(Date.now() - Number(duration) * 60_000).toISOString(),
        durationMinutes: Number(duration),
        notes: notes.trim() || null,
        results: checklist.items.map((i) => ({
          itemId: i.id,
          passed: results[i.id]!.passed === true,
          note: results[i.id]!.note.trim() || null,
        })),
      },
    );
    if (sent.queued) onQueued();
    else onDone(sent.result);
  });
  const submit = () => {
    const open = checklist.items.find((i) => results[i.id]!.passed === null);
    if (open) {
      setMissing(`Mark “${open.label}” as passed or failed.`);
      document.getElementById(`check-${open.id}-pass`)?.focus();
      return;
    }
    setMissing(null);
    void save.run();
  };
  const err = (f: string) => fieldError(save.error, f);

  return (
    <Form onSubmit={submit} error={save.error} aria-label={`Run ${checklist.name}`}>
      <ol className="check-items">
        {checklist.items.map((item) => {
          const r = results[item.id]!;
          return (
            <li key={item.id} className={r.passed === false ? 'check-item is-failed' : 'check-item'}>
              <fieldset className="radio-row">
                <legend>
                  {item.label}
                  {item.area && <span className="muted small"> · {item.area.name}</span>}
                </legend>
                <label>
                  <input
                    id={`check-${item.id}-pass`}
                    type="radio"
                    name={`result-${item.id}`}
                    checked={r.passed === true}
                    onChange={() => set(item.id, { passed: true })}
                  />
                  Pass
                </label>
                <label>
                  <input
                    type="radio"
                    name={`result-${item.id}`}
                    checked={r.passed === false}
                    onChange={() => set(item.id, { passed: false })}
                  />
                  Fail
                </label>
              </fieldset>
              {r.passed === false && (
                <TextField
                  label={`What is wrong: ${item.label}`}
                  value={r.note}
                  onChange={(note) => set(item.id, { note })}
                  required
                  maxLength={1000}
                  hint="Becomes the description of the work order"
                />
              )}
            </li>
          );
        })}
      </ol>
      {missing && (
        <p className="field-error" role="alert">
          {missing}
        </p>
      )}
      {err('results') && <p className="field-error">{err('results')}</p>}
      <div className="form-grid">
        <TextField
          label="Duration (minutes)"
          name="durationMinutes"
          type="number"
          inputMode="numeric"
          required
          min={1}
          max={1440}
          value={duration}
          onChange={setDuration}
          error={err('durationMinutes')}
        />
      </div>
      <TextAreaField
        label="Notes"
        name="notes"
        maxLength={2000}
        value={notes}
        onChange={setNotes}
        error={err('notes')}
      />
      <FormActions>
        <Button type="submit" variant="primary" busy={save.busy}>
          Save check
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </FormActions>
    </Form>
  );
}
