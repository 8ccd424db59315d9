import { useApiData } from './hooks.ts';
import { useSession } from './session.tsx';
import type { Assignment } from './types.ts';

/**
 * The school a form should start at: the one chosen in the header, else the SRO's current primary
 * assignment, else the first of the user's schools ('' when they have none).
 */
export function useHomeSchoolId(): string {
  const { user, roles, schools, selectedSchoolId, can } = useSession();
  const ask = roles.includes('sro') && can('assignment.read') && !selectedSchoolId && schools.length > 1;
  const assignments = useApiData<{ items: Assignment[] }>(ask ? '/assignments' : null, {
    userId: user?.id,
    current: 'true',
  });
  if (selectedSchoolId) return selectedSchoolId;
  const primary = assignments.data?.items.find(
    (a) => a.kind === 'primary' && schools.some((s) => s.id === a.schoolId),
  );
  return primary?.schoolId ?? schools[0]?.id ?? '';
}
