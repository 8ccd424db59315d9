import { useId, useState } from 'react';
import { Button } from '../../../components/Button.tsx';
import { gradeLabel } from '../../../lib/format.ts';
import { useApiData, useDebounced } from '../../../lib/hooks.ts';

interface StudentHit {
  id: string;
  firstName: string;
  lastName: string;
  preferredName?: string | null;
  grade: number;
  studentNumber: string;
}

/** How a picked student reads in the form. */
export function studentLabel(s: StudentHit): string {
  return `${s.lastName}, ${s.firstName} · grade ${gradeLabel(s.grade)} · ${s.studentNumber}`;
}

interface Props {
  schoolId: string;
  value: string;
  label: string;
  onChange: (studentId: string, label: string) => void;
  name: string;
  error?: string;
}

/**
 * Picks a student of the school's roster by name or number. Name, grade, age and demographics then come
 * from the roster, never from typing. The lookup answers directory fields only (name, grade, number).
 */
export function StudentPicker({ schoolId, value, label, onChange, name, error }: Props) {
  const id = useId();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 250);
  const matches = useApiData<{ items: StudentHit[] }>(
    !value && q.length >= 2 && schoolId ? '/incident-students' : null,
    { schoolId, q },
    { keepPrevious: true },
  );
  const errorId = error ? `${id}-error` : undefined;

  if (value) {
    return (
      <div className={error ? 'field field-invalid user-picker' : 'field user-picker'}>
        <span className="field-label" id={`${id}-label`}>
          Student
        </span>
        <div
          className="user-picker-chosen"
          role="group"
          aria-labelledby={`${id}-label`}
          aria-describedby={errorId}
        >
          <span>{label || 'A student of the roster'}</span>
          <Button
            size="small"
            variant="ghost"
            onClick={() => onChange('', '')}
            aria-label="Change the student"
          >
            Change
          </Button>
        </div>
        {error && (
          <p id={errorId} className="field-error">
            {error}
          </p>
        )}
      </div>
    );
  }

  const items = q.length >= 2 ? (matches.data?.items ?? []).slice(0, 8) : [];
  return (
    <div className={error ? 'field field-invalid user-picker' : 'field user-picker'}>
      <label htmlFor={id} className="field-label">
        Student
      </label>
      <input
        id={id}
        name={name}
        className="input"
        type="search"
        autoComplete="off"
        placeholder="Type a name or student number"
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={[`${id}-hint`, errorId].filter(Boolean).join(' ')}
      />
      <p id={`${id}-hint`} className="field-hint" aria-live="polite">
        {matches.error
          ? 'The roster cannot be searched from here. Record the person as “Other” and describe them.'
          : q.length >= 2 && !matches.loading
            ? `${items.length} matching ${items.length === 1 ? 'student' : 'students'}`
            : 'From the roster of the school of this report.'}
      </p>
      {items.length > 0 && (
        <ul className="user-picker-results">
          {items.map((s) => (
            <li key={s.id}>
              <button
                type="button"
                onClick={() => {
                  setText('');
                  onChange(s.id, studentLabel(s));
                }}
              >
                <strong>
                  {s.lastName}, {s.firstName}
                </strong>{' '}
                <span className="muted small">
                  grade {gradeLabel(s.grade)} · {s.studentNumber}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
