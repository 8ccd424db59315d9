import { useState } from 'react';
import type { TeacherClass } from '@common/roster-import.ts';
import { Button } from '../../components/Button.tsx';
import { SelectField } from '../../components/Field.tsx';
import { useApiData } from '../../lib/hooks.ts';

export interface ClassCount {
  withMe: number;
  missing: string[];
}

function classLabel(c: TeacherClass): string {
  return `${c.periods ? `Period ${c.periods} · ` : ''}${c.title} (${c.students.length})`;
}

/**
 * "Students with me" from the teacher's own class list (the roster sync's classes and enrollments): pick the class
 * of this period, untick who is not with you, and the counts and missing names go into the check-in.
 */
export function MyClassList({
  alertId,
  schoolId,
  onUse,
}: {
  alertId: string;
  schoolId: string;
  onUse: (count: ClassCount) => void;
}) {
  const classes = useApiData<{ items: TeacherClass[] }>(`/alerts/${alertId}/my-classes`);
  const mine = (classes.data?.items ?? []).filter((c) => c.schoolId === schoolId);
  const [chosen, setChosen] = useState('');
  const [absent, setAbsent] = useState<Set<string>>(new Set());
  if (mine.length === 0) return null;
  const current = mine.find((c) => c.sourcedId === chosen) ?? mine[0]!;
  const toggle = (id: string) =>
    setAbsent((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <fieldset className="stack" aria-label="My class list">
      <legend>My class</legend>
      {mine.length > 1 && (
        <SelectField
          label="Class this period"
          name="classSourcedId"
          value={current.sourcedId}
          onChange={(v) => {
            setChosen(v);
            setAbsent(new Set());
          }}
          options={mine.map((c) => ({ value: c.sourcedId, label: classLabel(c) }))}
        />
      )}
      {mine.length === 1 && <p>{classLabel(current)}</p>}
      <ul className="plain-list">
        {current.students.map((s) => (
          <li key={s.id}>
            <label>
              <input type="checkbox" checked={!absent.has(s.id)} onChange={() => toggle(s.id)} /> {s.name}
            </label>
          </li>
        ))}
      </ul>
      <div>
        <Button
          onClick={() =>
            onUse({
              withMe: current.students.filter((s) => !absent.has(s.id)).length,
              missing: current.students.filter((s) => absent.has(s.id)).map((s) => s.name),
            })
          }
        >
          Use my class list
        </Button>
      </div>
    </fieldset>
  );
}
