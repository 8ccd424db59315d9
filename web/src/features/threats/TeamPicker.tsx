import { useApiData } from '../../lib/hooks.ts';
import { roleLabel } from '../../lib/format.ts';

interface Candidate {
  id: string;
  name: string;
  role: string | null;
}

/** The case team: checkboxes of the people who may see threat assessments at the school. */
export function TeamPicker({
  schoolId,
  value,
  onChange,
  exclude,
}: {
  schoolId: string;
  value: string[];
  onChange: (ids: string[]) => void;
  /** Left out of the list (the opener joins anyway). */
  exclude?: string;
}) {
  const candidates = useApiData<{ items: Candidate[] }>(schoolId ? '/threat-cases/team-candidates' : null, {
    schoolId,
  });
  const items = (candidates.data?.items ?? []).filter((c) => c.id !== exclude);
  const toggle = (id: string, on: boolean) => onChange(on ? [...value, id] : value.filter((v) => v !== id));

  return (
    <fieldset className="fieldset">
      <legend>Case team</legend>
      {!schoolId ? (
        <p className="muted small">Choose the school to see who can join the team.</p>
      ) : candidates.loading ? (
        <p className="muted small">Loading the people of this school…</p>
      ) : candidates.error ? (
        <p className="field-error">{candidates.error.message}</p>
      ) : items.length === 0 ? (
        <p className="muted small">Nobody else at this school may join a case team.</p>
      ) : (
        <div className="team-choices">
          {items.map((c) => (
            <label key={c.id} className="checkbox-field">
              <input
                type="checkbox"
                checked={value.includes(c.id)}
                onChange={(e) => toggle(c.id, e.target.checked)}
              />
              <span>
                {c.name}
                {c.role && <span className="muted small"> · {roleLabel(c.role)}</span>}
              </span>
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}
