import { grantPermissions, type Permission } from '@common/permissions.ts';
import type { Option } from '../components/Field.tsx';
import { useSession } from './session.tsx';

// A grant's permissions as the server counts them: an outside organization's staff hold only the outsider ones.

/**
 * The user's schools where one of their grants holds the permission, as options: a district-wide grant
 * gives every school of the session; a school grant only its school.
 */
export function useSchoolsWhere(permission: Permission): Option[] {
  const { session, schools, outsider } = useSession();
  const holding = session.grants.filter((g) => grantPermissions(g.role, outsider).includes(permission));
  const districtWide = holding.some((g) => g.schoolId === null);
  return schools
    .filter((s) => districtWide || holding.some((g) => g.schoolId === s.id))
    .map((s) => ({ value: s.id, label: s.name }));
}

/** True when one of the user's grants holds the permission at this school (or district-wide). */
export function useCanAtSchool(permission: Permission): (schoolId: string) => boolean {
  const { session, outsider } = useSession();
  const holding = session.grants.filter((g) => grantPermissions(g.role, outsider).includes(permission));
  return (schoolId) => holding.some((g) => g.schoolId === null || g.schoolId === schoolId);
}

/** True when one of the user's grants holds the permission district-wide (district template editors, for example). */
export function useDistrictWide(permission: Permission): boolean {
  const { session, outsider } = useSession();
  return session.grants.some((g) => g.schoolId === null && grantPermissions(g.role, outsider).includes(permission));
}
