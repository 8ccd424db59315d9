import { useId, useState } from 'react';
import { Button } from '../../components/Button.tsx';
import { useApiData, useDebounced } from '../../lib/hooks.ts';
import { gradeLabel } from '../../lib/format.ts';
import { useSession } from '../../lib/session.tsx';

export interface RosterStudent {
  id: string;
  studentNumber: string;
  firstName: string;
  lastName: string;
  preferredName: string | null;
  grade: number;
}

/** Picks the student of concern from the school's roster by typing part of a name or the student number. */
export function StudentPicker({
  schoolId,
  value,
  onChange,
  error,
}: {
  schoolId: string;
  value: RosterStudent | null;
  onChange: (student: RosterStudent | null) => void;
  error?: string;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 250);
  const { can } = useSession();
  // Without the roster (officers), the directory lookup of reports names the students of the school.
  const roster = can('student.read');
  const matches = useApiData<{ items: RosterStudent[] }>(
    !value && schoolId && q.length >= 2 ? (roster ? '/students' : '/incident-students') : null,
    roster ? { schoolId, q, pageSize: 8 } : { schoolId, q },
    { keepPrevious: true },
  );
  const nameOf = (s: RosterStudent) => `${s.preferredName ?? s.firstName} ${s.lastName}`;

  if (value)
    return (
      <div className="field user-picker">
        <span className="field-label" id={`${id}-label`}>
          Student of concern
        </span>
        <div className="user-picker-chosen" role="group" aria-labelledby={`${id}-label`}>
          <span>
            {nameOf(value)}{' '}
            <span className="muted small">
              {gradeLabel(value.grade)} · #{value.studentNumber}
            </span>
          </span>
          <Button size="small" variant="ghost" onClick={() => onChange(null)} aria-label="Clear the student">
            Clear
          </Button>
        </div>
      </div>
    );

  const items = q.length >= 2 ? (matches.data?.items ?? []) : [];
  return (
    <div className={error ? 'field user-picker field-invalid' : 'field user-picker'}>
      <div className="field-label-row">
        <label htmlFor={id} className="field-label">
          Student of concern
        </label>
        <span className="field-required" aria-hidden="true">
          *
        </span>
      </div>
      <input
        id={id}
        name="subjectStudentId"
        className="input"
        type="search"
        autoComplete="off"
        placeholder={schoolId ? 'Type a name or student number' : 'Choose the school first'}
        disabled={!schoolId}
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-status${error ? ` ${id}-error` : ''}`}
      />
      <p id={`${id}-status`} className="visually-hidden" aria-live="polite">
        {q.length >= 2 && !matches.loading ? `${items.length} matching students` : ''}
      </p>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
      {items.length > 0 && (
        <ul className="user-picker-results">
          {items.map((s) => (
            <li key={s.id}>
              <button
                type="button"
                onClick={() => {
                  setText('');
                  onChange(s);
                }}
              >
                <strong>{nameOf(s)}</strong>{' '}
                <span className="muted small">
                  {gradeLabel(s.grade)} · #{s.studentNumber}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {q.length >= 2 && !matches.loading && items.length === 0 && (
        <p className="field-hint">No student matches “{q}”.</p>
      )}
    </div>
  );
}
