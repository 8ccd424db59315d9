import { LoadState } from '../../components/LoadState.tsx';
import { CheckboxField } from '../../components/Field.tsx';
import { useApiData } from '../../lib/hooks.ts';
import { useSession } from '../../lib/session.tsx';

/**
 * Team members as checkboxes: the people who may sit on a plan or team of the school (`support.plan` there).
 * The signed-in user is left out when `withoutMe`: a creator joins on their own.
 */
export function MemberChecklist({
  schoolId,
  value,
  onChange,
  legend = 'Team members',
  withoutMe = false,
}: {
  schoolId: string;
  value: string[];
  onChange: (ids: string[]) => void;
  legend?: string;
  withoutMe?: boolean;
}) {
  const { user } = useSession();
  const members = useApiData<{ items: { id: string; name: string }[] }>(
    schoolId ? '/support/members' : null,
    {
      schoolId,
    },
  );
  if (!schoolId) return <p className="muted small">{legend}: choose the student or school first.</p>;
  return (
    <fieldset className="fieldset">
      <legend>{legend}</legend>
      <LoadState resource={members} label="Loading people…">
        {({ items }) => {
          const shown = items.filter((m) => !withoutMe || m.id !== user?.id);
          return shown.length === 0 ? (
            <p className="muted small">Nobody else at this school can join.</p>
          ) : (
            <div className="member-choices">
              {shown.map((m) => (
                <CheckboxField
                  key={m.id}
                  label={m.name}
                  checked={value.includes(m.id)}
                  onChange={(on) => onChange(on ? [...value, m.id] : value.filter((id) => id !== m.id))}
                />
              ))}
            </div>
          );
        }}
      </LoadState>
    </fieldset>
  );
}
