import { Button } from '../../components/Button.tsx';
import { ErrorBanner, Notice } from '../../components/ErrorBanner.tsx';
import { FormActions } from '../../components/Form.tsx';
import { Section } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useAction } from '../../lib/hooks.ts';
import type { User } from '../../lib/types.ts';

/**
 * The per-person grant to read juvenile law-enforcement records. The server fills `canHoldJuvenileAccess` and
 * `juvenileAccessAt` only for the district-wide administrator who gives it, so others never see this section.
 */
export function UserJuvenileAccessSection({
  user,
  onChanged,
}: {
  user: User;
  onChanged: (user: User) => void;
}) {
  const change = useAction(async (granted: boolean) => {
    onChanged(await api.put<User>(`/users/${user.id}/juvenile-access`, { granted }));
    return granted
      ? `${user.name} may now open juvenile records (each read asks for a reason).`
      : `${user.name} no longer sees juvenile records.`;
  });
  if (!user.canHoldJuvenileAccess && !user.juvenileAccessAt) return null;
  return (
    <Section title="Juvenile records" id="juvenile-access">
      <Notice message={change.success} />
      <ErrorBanner error={change.error} />
      <p>
        {user.juvenileAccessAt
          ? `Holds access to juvenile law-enforcement records since ${formatDateTime(user.juvenileAccessAt)}.`
          : 'No access to juvenile law-enforcement records. Their role alone does not give it: grant it only to those whose work needs it.'}
      </p>
      <FormActions>
        {user.juvenileAccessAt ? (
          <Button variant="danger" busy={change.busy} onClick={() => void change.run(false)}>
            Revoke juvenile-records access
          </Button>
        ) : (
          <Button variant="primary" busy={change.busy} onClick={() => void change.run(true)}>
            Grant juvenile-records access
          </Button>
        )}
      </FormActions>
    </Section>
  );
}
