import { useSession } from './session.tsx';
import { useApiData } from './hooks.ts';
import type { Option } from '../components/Field.tsx';
import { gradeLabel } from './format.ts';
import type { Page, School, User } from './types.ts';

/** Grades -1 (pre-K) to 12 as select options. */
export const GRADE_OPTIONS: Option[] = Array.from({ length: 14 }, (_, i) => i - 1).map((g) => ({
  value: String(g),
  label: gradeLabel(g),
}));

/** The user's schools as select options (from the session; no request). */
export function useSchoolOptions(): Option[] {
  const { schools } = useSession();
  return schools.map((s) => ({ value: s.id, label: s.name }));
}

/** Every school the user may see, active or not, as options (for admin pages that can reach beyond the session list). */
export function useAllSchoolOptions(enabled = true): Option[] {
  const sessionOptions = useSchoolOptions();
  const resource = useApiData<{ items: School[] }>(enabled ? '/schools' : null);
  return resource.data ? resource.data.items.map((s) => ({ value: s.id, label: s.name })) : sessionOptions;
}

/** Users holding a role (first 200 by name), as options; empty until loaded. */
export function useUserOptions(
  role?: string,
  enabled = true,
): { options: Option[]; loading: boolean; error: Error | null } {
  const resource = useApiData<Page<User>>(enabled ? '/users' : null, { role, pageSize: 200 });
  return {
    options: (resource.data?.items ?? []).map((u) => ({
      value: u.id,
      label: u.badgeNumber ? `${u.name} (badge ${u.badgeNumber})` : u.name,
    })),
    loading: resource.loading,
    error: resource.error,
  };
}

/**
 * The school filter of a list: the value in the address wins; without one, the school chosen in the
 * header switcher applies. `all` in the address means every school.
 */
export function useSchoolFilter(fromUrl: string): { schoolId: string; selectValue: string } {
  const { selectedSchoolId } = useSession();
  if (fromUrl === 'all') return { schoolId: '', selectValue: 'all' };
  if (fromUrl) return { schoolId: fromUrl, selectValue: fromUrl };
  return { schoolId: selectedSchoolId ?? '', selectValue: selectedSchoolId ?? 'all' };
}

/** Options of a school filter: "All schools" (value `all`) then each school. */
export function withAllSchools(options: Option[]): Option[] {
  return [{ value: 'all', label: 'All schools' }, ...options];
}
