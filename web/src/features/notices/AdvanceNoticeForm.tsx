import { useState } from 'react';
import { ADVANCE_KINDS, ADVANCE_KIND_LABELS, type AdvanceKind, type AdvanceNotice } from '@common/notices.ts';
import { Button } from '../../components/Button.tsx';
import {
  CheckboxField,
  SelectField,
  TextAreaField,
  TextField,
  type Option,
} from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';
import { todayIso } from '../../lib/format.ts';
import { fieldError, useAction } from '../../lib/hooks.ts';

/** An advance notice of training, leave or vacation to the schools and the supervisor. */
export function AdvanceNoticeForm({
  schoolOptions,
  onDone,
  onCancel,
}: {
  schoolOptions: Option[];
  onDone: (notice: AdvanceNotice) => void;
  onCancel: () => void;
}) {
  const [schoolIds, setSchoolIds] = useState<string[]>(schoolOptions.map((o) => o.value));
  const [kind, setKind] = useState<AdvanceKind>('training');
  const [fromDate, setFromDate] = useState(todayIso());
  const [toDate, setToDate] = useState(todayIso());
  const [coverage, setCoverage] = useState('');
  const [note, setNote] = useState('');
  const save = useAction(async () => {
    onDone(
      await api.post<AdvanceNotice>('/advance-notices', {
        schoolIds,
        kind,
        fromDate,
        toDate,
        coverage: coverage.trim() || null,
        note: note.trim() || null,
      }),
    );
  });
  const err = (f: string) => fieldError(save.error, f);
  const toggle = (id: string, on: boolean) =>
    setSchoolIds((prev) => (on ? [...prev, id] : prev.filter((s) => s !== id)));

  return (
    <Form onSubmit={() => void save.run()} error={save.error} aria-label="New advance notice">
      <fieldset className="fieldset">
        <legend>Tell these schools</legend>
        {schoolOptions.map((o) => (
          <CheckboxField
            key={o.value}
            label={o.label}
            checked={schoolIds.includes(o.value)}
            onChange={(on) => toggle(o.value, on)}
          />
        ))}
        {err('schoolIds') && <p className="field-error">{err('schoolIds')}</p>}
      </fieldset>
      <div className="form-grid">
        <SelectField
          label="Kind"
          name="kind"
          required
          value={kind}
          onChange={(v) => setKind(v as AdvanceKind)}
          options={ADVANCE_KINDS.map((k) => ({ value: k, label: ADVANCE_KIND_LABELS[k] }))}
          error={err('kind')}
        />
        <TextField
          label="From"
          name="fromDate"
          type="date"
          required
          min={todayIso()}
          value={fromDate}
          onChange={(v) => {
            setFromDate(v);
            if (v > toDate) setToDate(v);
          }}
          error={err('fromDate')}
        />
        <TextField
          label="To"
          name="toDate"
          type="date"
          required
          min={fromDate}
          value={toDate}
          onChange={setToDate}
          error={err('toDate')}
        />
        <TextField
          label="Who covers meanwhile"
          name="coverage"
          maxLength={500}
          value={coverage}
          onChange={setCoverage}
          error={err('coverage')}
          className="span-all"
        />
        <TextAreaField
          label="Note"
          name="note"
          maxLength={2000}
          value={note}
          onChange={setNote}
          error={err('note')}
          className="span-all"
        />
      </div>
      <FormActions>
        <Button type="submit" variant="primary" busy={save.busy} disabled={schoolIds.length === 0}>
          Send notice
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </FormActions>
    </Form>
  );
}
