import { useState } from 'react';
import type {
  DrillRule,
  DrillType,
  ObserverKind,
  RulePeriod,
  RuleWindow,
  SchoolLevel,
} from '@common/preparedness.ts';
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
import { fieldError, useAction } from '../../lib/hooks.ts';
import {
  DRILL_TYPE_LABELS,
  LEVEL_LABELS,
  OBSERVER_LABELS,
  PERIOD_LABELS,
  optionsOf,
} from '../preparedness/labels.ts';
import { monthName } from './ruleText.ts';

const WINDOW_KINDS = [
  { value: '', label: 'No window: anytime in the period' },
  { value: 'dates', label: 'Between dates, or by a date (days included)' },
  { value: 'after_date', label: 'After a date (that day not included)' },
  { value: 'days_from_start', label: 'Within the first N days (day 1 is the first day)' },
  { value: 'days_after_start', label: 'No later than N days after the first day (day N included)' },
  { value: 'month', label: 'During a named month' },
];
const MONTH_OPTIONS = Array.from({ length: 12 }, (_, i) => ({
  value: String(i + 1),
  label: monthName(i + 1),
}));

/** "12-01" from a date input's "2000-12-01" and back: a window day has no year. */
const toMonthDay = (date: string) => date.slice(5);

function windowOf(kind: string, from: string, to: string, days: string, month: string): RuleWindow | null {
  if (kind === 'dates') return { kind, ...(from ? { from } : {}), ...(to ? { to } : {}) };
  if (kind === 'after_date') return { kind, after: from };
  if (kind === 'days_from_start' || kind === 'days_after_start') return { kind, days: Number(days) };
  if (kind === 'month') return { kind, month: Number(month) };
  return null;
}

function CheckGroup<K extends string>({
  legend,
  labels,
  value,
  onChange,
  error,
  hint,
}: {
  legend: string;
  labels: Record<K, string>;
  value: K[];
  onChange: (value: K[]) => void;
  error?: string;
  hint?: string;
}) {
  return (
    <fieldset className="fieldset span-all">
      <legend>{legend}</legend>
      {hint && <p className="field-hint">{hint}</p>}
      <div className="check-grid">
        {optionsOf(labels).map((o) => (
          <CheckboxField
            key={o.value}
            label={o.label}
            checked={value.includes(o.value)}
            onChange={(on) => onChange(on ? [...value, o.value] : value.filter((v) => v !== o.value))}
          />
        ))}
      </div>
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}

/** Adds or changes a drill rule: types, minimum count, period, window, conditions, school levels, notes. */
export function RuleForm({
  rule,
  scopeOptions,
  onDone,
  onCancel,
}: {
  rule?: DrillRule;
  /** Where a new rule applies: '' district-wide, or a school id. */
  scopeOptions: Option[];
  onDone: (rule: DrillRule) => void;
  onCancel: () => void;
}) {
  const w = rule?.window ?? null;
  const [schoolId, setSchoolId] = useState(scopeOptions[0]?.value ?? '');
  const [title, setTitle] = useState(rule?.title ?? '');
  const [types, setTypes] = useState<DrillType[]>(rule?.drillTypes ?? []);
  const [minCount, setMinCount] = useState(rule?.minCount?.toString() ?? '');
  const [period, setPeriod] = useState<string>(rule?.period ?? 'school_year');
  const [windowKind, setWindowKind] = useState<string>(w?.kind ?? '');
  const [from, setFrom] = useState(
    w?.kind === 'dates' && w.from ? `2000-${w.from}` : w?.kind === 'after_date' ? `2000-${w.after}` : '',
  );
  const [to, setTo] = useState(w?.kind === 'dates' && w.to ? `2000-${w.to}` : '');
  const [days, setDays] = useState(
    w?.kind === 'days_from_start' || w?.kind === 'days_after_start' ? String(w.days) : '',
  );
  const [month, setMonth] = useState(w?.kind === 'month' ? String(w.month) : '');
  const [minDays, setMinDays] = useState(rule?.minInstructionalDays?.toString() ?? '');
  const [observer, setObserver] = useState<string>(rule?.requiresObserver ?? '');
  const [egress, setEgress] = useState(rule?.requiresSecondaryEgress ?? false);
  const [levels, setLevels] = useState<SchoolLevel[]>(rule?.schoolLevels ?? []);
  const [notes, setNotes] = useState(rule?.notes ?? '');

  const save = useAction(async () => {
    const body = {
      title: title.trim(),
      drillTypes: types,
      minCount: minCount.trim() === '' ? null : Number(minCount),
      period: period as RulePeriod,
      window: windowOf(windowKind, from && toMonthDay(from), to && toMonthDay(to), days, month),
      minInstructionalDays: period === 'month' && minDays.trim() !== '' ? Number(minDays) : null,
      requiresObserver: (observer || null) as ObserverKind | null,
      requiresSecondaryEgress: egress,
      schoolLevels: levels.length > 0 ? levels : null,
      notes: notes.trim() || null,
    };
    const saved = rule
      ? await api.patch<DrillRule>(`/drill-rules/${rule.id}`, body)
      : await api.post<DrillRule>('/drill-rules', { ...body, schoolId: schoolId || null });
    onDone(saved);
  });
  const err = (field: string) => fieldError(save.error, field);

  return (
    <Form onSubmit={() => void save.run()} error={save.error} aria-label={rule ? 'Edit rule' : 'Add a rule'}>
      <div className="form-grid">
        <TextField
          label="Title"
          name="title"
          required
          maxLength={200}
          value={title}
          onChange={setTitle}
          error={err('title')}
          className="span-all"
        />
        {!rule && (
          <SelectField
            label="Applies to"
            name="schoolId"
            value={schoolId}
            onChange={setSchoolId}
            options={scopeOptions}
            error={err('schoolId')}
          />
        )}
        <CheckGroup
          legend="Drill types that count"
          labels={DRILL_TYPE_LABELS}
          value={types}
          onChange={setTypes}
          error={err('drillTypes')}
        />
        <TextField
          label="Minimum count"
          name="minCount"
          type="number"
          inputMode="numeric"
          hint="Leave empty when the law sets no number yet"
          value={minCount}
          onChange={setMinCount}
          error={err('minCount')}
        />
        <SelectField
          label="Period"
          name="period"
          value={period}
          onChange={setPeriod}
          options={optionsOf(PERIOD_LABELS)}
          error={err('period')}
        />
        {period === 'month' && (
          <TextField
            label="Only months with at least this many instructional days"
            name="minInstructionalDays"
            type="number"
            inputMode="numeric"
            value={minDays}
            onChange={setMinDays}
            error={err('minInstructionalDays')}
          />
        )}
        <SelectField
          label="Window"
          name="window.kind"
          value={windowKind}
          onChange={setWindowKind}
          options={WINDOW_KINDS}
          error={err('window') ?? err('window.kind')}
        />
        {windowKind === 'dates' && (
          <>
            <TextField
              label="From (month and day)"
              name="window.from"
              type="date"
              hint="The year is ignored"
              value={from}
              onChange={setFrom}
              error={err('window.from')}
            />
            <TextField
              label="By (month and day)"
              name="window.to"
              type="date"
              hint="The year is ignored"
              value={to}
              onChange={setTo}
              error={err('window.to')}
            />
          </>
        )}
        {windowKind === 'after_date' && (
          <TextField
            label="After (month and day)"
            name="window.after"
            type="date"
            hint="The year is ignored; the window starts the next day"
            value={from}
            onChange={setFrom}
            error={err('window.after')}
          />
        )}
        {(windowKind === 'days_from_start' || windowKind === 'days_after_start') && (
          <TextField
            label={windowKind === 'days_from_start' ? 'Number of first days' : 'Days after the first day'}
            name="window.days"
            type="number"
            inputMode="numeric"
            required
            value={days}
            onChange={setDays}
            error={err('window.days')}
          />
        )}
        {windowKind === 'month' && (
          <SelectField
            label="Month"
            name="window.month"
            required
            value={month}
            onChange={setMonth}
            options={MONTH_OPTIONS}
            placeholder="Choose a month…"
            error={err('window.month')}
          />
        )}
        <SelectField
          label="Only drills observed by"
          name="requiresObserver"
          value={observer}
          onChange={setObserver}
          options={optionsOf(OBSERVER_LABELS)}
          placeholder="Any drill counts"
          error={err('requiresObserver')}
        />
        <CheckboxField
          label="Only drills using a secondary exit count"
          checked={egress}
          onChange={setEgress}
        />
        <CheckGroup
          legend="School levels"
          hint="None checked: every school"
          labels={LEVEL_LABELS}
          value={levels}
          onChange={setLevels}
          error={err('schoolLevels')}
        />
        <TextAreaField
          label="Notes"
          name="notes"
          value={notes}
          onChange={setNotes}
          error={err('notes')}
          className="span-all"
        />
      </div>
      <FormActions>
        <Button type="submit" variant="primary" busy={save.busy}>
          {rule ? 'Save rule' : 'Add rule'}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </FormActions>
    </Form>
  );
}
