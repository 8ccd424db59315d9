import type { Option } from '../../components/Field.tsx';
import { useApiData } from '../../lib/hooks.ts';
import type { Area } from '../../lib/types.ts';

/** The active campus areas of a school as options ("Building A › Room 112"); empty without a school. */
export function useAreaOptions(schoolId: string): { options: Option[]; loading: boolean } {
  const resource = useApiData<{ items: Area[] }>(schoolId ? `/schools/${schoolId}/areas` : null);
  const items = resource.data?.items ?? [];
  const byId = new Map(items.map((a) => [a.id, a]));
  const options = items
    .filter((a) => a.active)
    .map((a) => {
      const parent = a.parentId ? byId.get(a.parentId) : undefined;
      return { value: a.id, label: parent ? `${parent.name} › ${a.name}` : a.name };
    })
    .sort((a, b) => a.label.localeCompare(b.label));
  return { options, loading: resource.loading };
}
