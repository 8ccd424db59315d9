import { useState } from 'react';
import {
  EQUIPMENT_CONDITION_LABELS,
  INSPECTION_CHECKLISTS,
  type Equipment,
  type Inspection,
  type InspectionBody,
} from '@common/equipment.ts';
import { Button } from '../../components/Button.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';
import { todayIso } from '../../lib/format.ts';
import { fieldError, useAction } from '../../lib/hooks.ts';
import { CONDITION_OPTIONS } from './parts.tsx';

type Answer = { passed: boolean | null; note: string };

/**
 * Records an inspection with the item type's checklist: each point passes or fails (with a note); any
 * failure fails the inspection and the server opens a work order.
 */
export function InspectionForm({
  item,
  onDone,
  onCancel,
}: {
  item: Equipment;
  onDone: (inspection: Inspection) => void;
  onCancel: () => void;
}) {
  const checklist = INSPECTION_CHECKLISTS[item.type];
  const [answers, setAnswers] = useState<Record<string, Answer>>(() =>
    Object.fromEntries(checklist.map((c) => [c.key, { passed: null, note: '' }])),
  );
  const [inspectedOn, setInspectedOn] = useState(todayIso());
  const [condition, setCondition] = useState('');
  const [notes, setNotes] = useState('');
  const set = (key: string, change: Partial<Answer>) =>
    setAnswers((a) => ({ ...a, [key]: { ...(a[key] ?? { passed: null, note: '' }), ...change } }));
  const unanswered = checklist.filter((c) => answers[c.key]?.passed === null);
  const failed = checklist.filter((c) => answers[c.key]?.passed === false);

  const save = useAction(async () => {
    if (unanswered.length > 0)
      throw new Error(`Answer every point of the checklist: “${unanswered[0]?.label}” is open.`);
    const body: InspectionBody = {
      inspectedOn,
      results: checklist.map((c) => ({
        key: c.key,
        passed: answers[c.key]?.passed === true,
        note: answers[c.key]?.note.trim() || null,
      })),
      condition: condition ? (condition as InspectionBody['condition']) : undefined,
      notes: notes.trim() || null,
    };
    onDone(await api.post<Inspection>(`/equipment/${item.id}/inspections`, body));
  });
  const err = (f: string) => fieldError(save.error, f);

  return (
    <Form onSubmit={() => void save.run()} error={save.error} aria-label="Inspection">
      <TextField
        label="Inspected on"
        name="inspectedOn"
        type="date"
        required
        max={todayIso()}
        value={inspectedOn}
        onChange={setInspectedOn}
        error={err('inspectedOn')}
      />
      <ol className="checklist" aria-label="Checklist">
        {checklist.map((c) => {
          const answer = answers[c.key];
          return (
            <li
              key={c.key}
              className={answer?.passed === false ? 'checklist-item is-failed' : 'checklist-item'}
            >
              <fieldset className="choice-row">
                <legend>{c.label}</legend>
                <label>
                  <input
                    type="radio"
                    name={`check-${c.key}`}
                    checked={answer?.passed === true}
                    onChange={() => set(c.key, { passed: true })}
                  />
                  Pass
                </label>
                <label>
                  <input
                    type="radio"
                    name={`check-${c.key}`}
                    checked={answer?.passed === false}
                    onChange={() => set(c.key, { passed: false })}
                  />
                  Fail
                </label>
              </fieldset>
              {answer?.passed === false && (
                <TextField
                  label={`What is wrong: ${c.label}`}
                  maxLength={500}
                  value={answer.note}
                  onChange={(note) => set(c.key, { note })}
                />
              )}
            </li>
          );
        })}
      </ol>
      <div className="form-grid">
        <SelectField
          label="Condition now"
          name="condition"
          value={condition}
          onChange={setCondition}
          options={CONDITION_OPTIONS}
          placeholder={`Unchanged (${EQUIPMENT_CONDITION_LABELS[item.condition]})`}
          error={err('condition')}
        />
        <TextAreaField
          label="Notes"
          name="notes"
          maxLength={2000}
          value={notes}
          onChange={setNotes}
          error={err('notes')}
          className="span-all"
        />
      </div>
      <p className="muted small" aria-live="polite">
        {failed.length > 0
          ? `${failed.length} failed: saving opens a work order for the repair.`
          : unanswered.length > 0
            ? `${unanswered.length} of ${checklist.length} points still to answer.`
            : 'Every point passes.'}
      </p>
      <FormActions>
        <Button type="submit" variant="primary" busy={save.busy}>
          Save inspection
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </FormActions>
    </Form>
  );
}
