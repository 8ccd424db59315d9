import type { Option } from '../../components/Field.tsx';
import { kindLabel } from '../../lib/format.ts';
import { useApiData } from '../../lib/hooks.ts';
import type { Area } from '../../lib/types.ts';

/** The active campus areas of a school as select options ("Gym (building)"), loaded when a school is given. */
export function useAreaOptions(schoolId: string): {
  options: Option[];
  loading: boolean;
  error: Error | null;
} {
  const resource = useApiData<{ items: Area[] }>(schoolId ? `/schools/${schoolId}/areas` : null);
  const options = (resource.data?.items ?? [])
    .filter((a) => a.active)
    .map((a) => ({ value: a.id, label: `${a.name} (${kindLabel(a.kind).toLowerCase()})` }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return { options, loading: resource.loading, error: resource.error };
}
