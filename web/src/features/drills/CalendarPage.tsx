import { useState } from 'react';
import type { Calendar, DateRange } from '@common/preparedness.ts';
import { Button } from '../../components/Button.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { formatDateTime, todayIso } from '../../lib/format.ts';
import { fieldError, useAction, useApiData } from '../../lib/hooks.ts';
import { useSchoolFilter, useSchoolOptions } from '../../lib/options.ts';
import { useSession } from '../../lib/session.tsx';
import { useUrlFilters } from '../../lib/url-state.ts';
import { schoolYearLabel, schoolYearOf, schoolYearOptions } from '../preparedness/labels.ts';

interface RangeRow {
  name: string;
  start: string;
  end: string;
}

function RangeRows({
  legend,
  field,
  rows,
  onChange,
  error,
  addLabel,
}: {
  legend: string;
  field: 'semesters' | 'closedDays';
  rows: RangeRow[];
  onChange: (rows: RangeRow[]) => void;
  error: unknown;
  addLabel: string;
}) {
  const set = (i: number, patch: Partial<RangeRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const noun = field === 'semesters' ? 'Semester' : 'Closure';
  return (
    <fieldset className="fieldset">
      <legend>{legend}</legend>
      {fieldError(error, field) && <p className="field-error">{fieldError(error, field)}</p>}
      {rows.length === 0 && <p className="field-hint">None.</p>}
      {rows.map((row, i) => (
        <div className="range-row" key={i}>
          <TextField
            label={`${noun} ${i + 1} name`}
            name={`${field}.${i}.name`}
            value={row.name}
            onChange={(name) => set(i, { name })}
            error={fieldError(error, `${field}.${i}.name`)}
          />
          <TextField
            label={`${noun} ${i + 1} first day`}
            name={`${field}.${i}.start`}
            type="date"
            required
            value={row.start}
            onChange={(start) => set(i, { start })}
            error={fieldError(error, `${field}.${i}.start`)}
          />
          <TextField
            label={`${noun} ${i + 1} last day`}
            name={`${field}.${i}.end`}
            type="date"
            required
            min={row.start || undefined}
            value={row.end}
            onChange={(end) => set(i, { end })}
            error={fieldError(error, `${field}.${i}.end`)}
          />
          <Button
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
            aria-label={`Remove ${noun.toLowerCase()} ${i + 1}`}
          >
            Remove
          </Button>
        </div>
      ))}
      <div className="mt-sm">
        <Button size="small" onClick={() => onChange([...rows, { name: '', start: '', end: '' }])}>
          {addLabel}
        </Button>
      </div>
    </fieldset>
  );
}

const toRows = (ranges: DateRange[] | undefined): RangeRow[] =>
  (ranges ?? []).map((r) => ({ name: r.name ?? '', start: r.start, end: r.end }));
const fromRows = (rows: RangeRow[]): DateRange[] =>
  rows.map((r) => ({ start: r.start, end: r.end, ...(r.name.trim() ? { name: r.name.trim() } : {}) }));

/** The calendar form of one school (or the district default) and year; saving replaces it whole. */
function CalendarForm({
  schoolId,
  schoolYear,
  calendar,
  onDone,
}: {
  schoolId: string | null;
  schoolYear: number;
  calendar: Calendar | undefined;
  onDone: (c: Calendar) => void;
}) {
  const [firstDay, setFirstDay] = useState(calendar?.firstDay ?? '');
  const [lastDay, setLastDay] = useState(calendar?.lastDay ?? '');
  const [semesters, setSemesters] = useState<RangeRow[]>(
    calendar
      ? toRows(calendar.semesters)
      : [
          { name: 'Fall', start: '', end: '' },
          { name: 'Spring', start: '', end: '' },
        ],
  );
  const [summerStart, setSummerStart] = useState(calendar?.summerSession?.start ?? '');
  const [summerEnd, setSummerEnd] = useState(calendar?.summerSession?.end ?? '');
  const [closed, setClosed] = useState<RangeRow[]>(toRows(calendar?.closedDays));
  const save = useAction(async () => {
    onDone(
      await api.put<Calendar>('/calendars', {
        schoolId,
        schoolYear,
        firstDay,
        lastDay,
        semesters: fromRows(semesters),
        summerSession: summerStart || summerEnd ? { start: summerStart, end: summerEnd } : null,
        closedDays: fromRows(closed),
      }),
    );
    return 'The calendar is saved. Compliance is judged against it from now on.';
  });
  const err = (f: string) => fieldError(save.error, f);
  return (
    <Form
      onSubmit={() => void save.run()}
      error={save.error}
      success={save.success}
      aria-label="School calendar"
    >
      <div className="form-grid">
        <TextField
          label="First instructional day"
          name="firstDay"
          type="date"
          required
          value={firstDay}
          onChange={setFirstDay}
          error={err('firstDay')}
        />
        <TextField
          label="Last instructional day"
          name="lastDay"
          type="date"
          required
          min={firstDay || undefined}
          value={lastDay}
          onChange={setLastDay}
          error={err('lastDay')}
        />
      </div>
      <RangeRows
        legend="Semesters"
        field="semesters"
        rows={semesters}
        onChange={setSemesters}
        error={save.error}
        addLabel="Add a semester"
      />
      <fieldset className="fieldset">
        <legend>Summer session (optional)</legend>
        <div className="form-grid">
          <TextField
            label="Summer session first day"
            name="summerSession.start"
            type="date"
            value={summerStart}
            onChange={setSummerStart}
            error={err('summerSession.start') ?? err('summerSession')}
          />
          <TextField
            label="Summer session last day"
            name="summerSession.end"
            type="date"
            min={summerStart || undefined}
            value={summerEnd}
            onChange={setSummerEnd}
            error={err('summerSession.end')}
          />
        </div>
      </fieldset>
      <RangeRows
        legend="Holidays and breaks (no instruction)"
        field="closedDays"
        rows={closed}
        onChange={setClosed}
        error={save.error}
        addLabel="Add a closure"
      />
      <FormActions>
        <Button type="submit" variant="primary" busy={save.busy}>
          Save calendar
        </Button>
      </FormActions>
    </Form>
  );
}

/**
 * The school calendar editor: first and last instructional day, semesters, summer session and closures
 * of a school year, per school or as the district default used by schools without their own.
 */
export function CalendarPage() {
  const { schools } = useSession();
  const [filters, setFilters] = useUrlFilters(['schoolId', 'year'] as const);
  const { schoolId } = useSchoolFilter(filters.schoolId);
  const currentYear = schoolYearOf(todayIso());
  const schoolYear = Number(filters.year) || currentYear;
  const schoolOptions = useSchoolOptions();
  const target = filters.schoolId === 'district' ? null : schoolId || (schools[0]?.id ?? null);
  const resource = useApiData<{ items: Calendar[] }>('/calendars', {
    schoolYear,
    schoolId: target ?? undefined,
  });

  return (
    <Page
      title="School calendar"
      breadcrumbs={[{ label: 'Drills', to: '/drills' }]}
      description="Drill windows are judged against the instructional days of the calendar."
    >
      <div role="search" className="filters" aria-label="Choose calendar">
        <SelectField
          label="Calendar of"
          value={target ?? 'district'}
          onChange={(v) => setFilters({ schoolId: v })}
          options={[{ value: 'district', label: 'District default' }, ...schoolOptions]}
        />
        <SelectField
          label="School year"
          value={String(schoolYear)}
          onChange={(v) => setFilters({ year: v === String(currentYear) ? '' : v })}
          options={schoolYearOptions(currentYear)}
        />
      </div>
      <LoadState resource={resource} label="Loading the calendar…">
        {({ items }) => {
          const own = items.find((c) => c.schoolId === target);
          const fallback = items.find((c) => c.schoolId === null);
          return (
            <Section
              title={`${own?.schoolName ?? (target ? schoolOptions.find((o) => o.value === target)?.label : 'District default')} ${schoolYearLabel(schoolYear)}`}
              id="calendar"
            >
              {own ? (
                <p className="small muted">
                  {own.instructionalDays} instructional days. Last changed {formatDateTime(own.updatedAt)}.
                </p>
              ) : target && fallback ? (
                <p className="banner banner-info">
                  <span className="banner-text">
                    This school uses the district default ({fallback.instructionalDays} instructional days).
                    Saving here gives it its own calendar.
                  </span>
                </p>
              ) : (
                <p className="banner banner-warning">
                  <span className="banner-text">
                    No calendar for this year yet: compliance cannot be judged.
                  </span>
                </p>
              )}
              <CalendarForm
                key={`${target} ${schoolYear} ${own?.updatedAt ?? ''}`}
                schoolId={target}
                schoolYear={schoolYear}
                calendar={own ?? fallback}
                onDone={() => resource.reload()}
              />
            </Section>
          );
        }}
      </LoadState>
    </Page>
  );
}
