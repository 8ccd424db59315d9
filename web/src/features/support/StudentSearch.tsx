import { useId, useState } from 'react';
import type { MentoringStudent } from '@common/mentoring.ts';
import type { SupportStudent } from '@common/support.ts';
import { Button } from '../../components/Button.tsx';
import { gradeLabel } from '../../lib/format.ts';
import { useApiData, useDebounced } from '../../lib/hooks.ts';

/** A student found in the roster lookup, whichever lookup found it. */
export interface PickedStudent {
  id: string;
  name: string;
  grade: number | null;
  studentNumber: string;
  schoolId: string;
  schoolName?: string;
}

function fromSupport(s: SupportStudent): PickedStudent {
  return {
    id: s.id,
    name: `${s.preferredName ?? s.firstName} ${s.lastName}`,
    grade: s.grade,
    studentNumber: s.studentNumber,
    schoolId: s.school.id,
    schoolName: s.school.name,
  };
}

function fromMentoring(s: MentoringStudent): PickedStudent {
  return { id: s.id, name: s.name, grade: s.grade, studentNumber: s.studentNumber, schoolId: s.schoolId };
}

/**
 * Picks a student of the roster by typing part of the name or the start of the student number. `lookup`
 * chooses the route: referrals search every school of mine; mentoring one school where I log contacts.
 */
export function StudentSearch({
  label = 'Student',
  lookup,
  schoolId,
  value,
  onChange,
  error,
  name = 'studentId',
}: {
  label?: string;
  lookup: 'support' | 'mentoring';
  schoolId?: string;
  value: PickedStudent | null;
  onChange: (student: PickedStudent | null) => void;
  error?: string;
  name?: string;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 250);
  const ready = q.length >= 2 && (lookup === 'support' || Boolean(schoolId));
  const matches = useApiData<{ items: (SupportStudent | MentoringStudent)[] }>(
    !value && ready ? (lookup === 'support' ? '/support/students' : '/mentoring/students') : null,
    { q, schoolId },
    { keepPrevious: true },
  );
  const items = ready
    ? (matches.data?.items ?? []).map((s) =>
        lookup === 'support' ? fromSupport(s as SupportStudent) : fromMentoring(s as MentoringStudent),
      )
    : [];

  if (value)
    return (
      <div className="field user-picker">
        <span className="field-label" id={`${id}-label`}>
          {label}
        </span>
        <div className="user-picker-chosen" role="group" aria-labelledby={`${id}-label`}>
          <span>
            {value.name}{' '}
            <span className="muted small">
              Grade {gradeLabel(value.grade)} · #{value.studentNumber}
              {value.schoolName ? ` · ${value.schoolName}` : ''}
            </span>
          </span>
          <Button
            size="small"
            variant="ghost"
            onClick={() => onChange(null)}
            aria-label={`Clear ${label.toLowerCase()}`}
          >
            Clear
          </Button>
        </div>
      </div>
    );

  return (
    <div className={error ? 'field user-picker field-invalid' : 'field user-picker'}>
      <div className="field-label-row">
        <label htmlFor={id} className="field-label">
          {label}
        </label>
        <span className="field-required" aria-hidden="true">
          *
        </span>
      </div>
      <input
        id={id}
        name={name}
        className="input"
        type="search"
        autoComplete="off"
        placeholder={
          lookup === 'mentoring' && !schoolId ? 'Choose the school first' : 'Type a name or student number'
        }
        disabled={lookup === 'mentoring' && !schoolId}
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-status${error ? ` ${id}-error` : ''}`}
      />
      <p id={`${id}-status`} className="visually-hidden" aria-live="polite">
        {ready && !matches.loading ? `${items.length} matching students` : ''}
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
                <strong>{s.name}</strong>{' '}
                <span className="muted small">
                  Grade {gradeLabel(s.grade)} · #{s.studentNumber}
                  {s.schoolName ? ` · ${s.schoolName}` : ''}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {ready && !matches.loading && items.length === 0 && (
        <p className="field-hint">No student matches “{q}”.</p>
      )}
    </div>
  );
}
