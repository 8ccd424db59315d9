import { useId } from 'react';
import { useSession } from '../lib/session.tsx';

/** Chooses the school the pages focus on; shown only to users who work at more than one school. */
export function SchoolSwitcher() {
  const { schools, selectedSchoolId, selectSchool } = useSession();
  const id = useId();
  if (schools.length < 2) return null;
  return (
    <div className="school-switcher">
      <label htmlFor={id}>School</label>
      <select id={id} value={selectedSchoolId ?? ''} onChange={(e) => selectSchool(e.target.value || null)}>
        <option value="">All my schools ({schools.length})</option>
        {schools.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
    </div>
  );
}
