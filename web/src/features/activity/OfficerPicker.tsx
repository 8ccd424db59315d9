import type { Officer } from '@common/activity-log.ts';
import { SelectField } from '../../components/Field.tsx';
import { useApiData, type Resource } from '../../lib/hooks.ts';
import { useSession } from '../../lib/session.tsx';

/** The officer a page shows: the one chosen, else me when I log activity, else the first officer I may see. */
export interface OfficerChoice {
  /** The user id to ask for; '' while the list of officers is still loading (for readers who log nothing). */
  userId: string;
  /** The value of the picker ('' is "Me" for an SRO). */
  selected: string;
  officers: Resource<{ items: Officer[] }>;
  logsOwn: boolean;
}

/** Resolves the officer of an activity page from the address value. */
export function useOfficerChoice(fromUrl: string): OfficerChoice {
  const { can, user } = useSession();
  const officers = useApiData<{ items: Officer[] }>('/activity/officers');
  const logsOwn = can('activity.log');
  const first = officers.data?.items[0]?.id ?? '';
  const userId = fromUrl || (logsOwn ? (user?.id ?? '') : first);
  return { userId, selected: fromUrl || (logsOwn ? '' : first), officers, logsOwn };
}

/**
 * The SRO whose activity to show, for readers of other officers' logs (supervisors, administrators). An SRO
 * sees "Me" first. Renders nothing when an SRO sees nobody else.
 */
export function OfficerPicker({
  choice,
  onChange,
}: {
  choice: OfficerChoice;
  onChange: (userId: string) => void;
}) {
  const { user } = useSession();
  const { officers, logsOwn } = choice;
  const options = (officers.data?.items ?? [])
    .filter((o) => !(logsOwn && o.id === user?.id))
    .map((o) => ({
      value: o.id,
      label: o.schools.length ? `${o.name} (${o.schools.map((s) => s.name).join(', ')})` : o.name,
    }));
  if (logsOwn && options.length === 0 && !officers.error) return null;
  return (
    <SelectField
      label="Officer"
      value={choice.selected}
      onChange={onChange}
      options={options}
      placeholder={
        logsOwn
          ? 'Me'
          : options.length === 0
            ? officers.loading
              ? 'Loading officers…'
              : 'No officer to show'
            : undefined
      }
      hint={officers.error ? `The officers could not be loaded: ${officers.error.message}` : undefined}
    />
  );
}
