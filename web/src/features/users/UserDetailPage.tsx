import { useParams } from 'react-router-dom';
import { Badge } from '../../components/Badge.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useApiData } from '../../lib/hooks.ts';
import { useSession } from '../../lib/session.tsx';
import type { User } from '../../lib/types.ts';
import { UserAccessSection } from './UserAccessSection.tsx';
import { UserEditForm } from './UserEditForm.tsx';
import { UserGrantsSection } from './UserGrantsSection.tsx';
import { UserJuvenileAccessSection } from './UserJuvenileAccessSection.tsx';

/** One user: details (editable), activation, password reset and role grants. */
export function UserDetailPage() {
  const { id = '' } = useParams();
  const { can, user: me } = useSession();
  const resource = useApiData<User>(`/users/${id}`);
  const user = resource.data;
  const canManage = can('user.manage');

  return (
    <Page
      title={user?.name ?? 'User'}
      breadcrumbs={canManage ? [{ label: 'Users', to: '/users' }] : undefined}
      description={
        user && (
          <span className="row">
            <span>{user.email}</span>
            {user.active ? <Badge tone="success">Active</Badge> : <Badge tone="danger">Deactivated</Badge>}
            {user.mfaEnabled ? (
              <Badge tone="info">Two-step sign-in on</Badge>
            ) : (
              <Badge>Two-step sign-in off</Badge>
            )}
          </span>
        )
      }
    >
      <LoadState resource={resource} label="Loading the user…">
        {(u) => (
          <div className="page-sections">
            <Section title="Details" id="user-details">
              {canManage ? (
                <UserEditForm user={u} onSaved={resource.mutate} />
              ) : (
                <dl className="details">
                  <div>
                    <dt>Title</dt>
                    <dd>{u.title ?? '—'}</dd>
                  </div>
                  <div>
                    <dt>Phone</dt>
                    <dd>{u.phone ?? '—'}</dd>
                  </div>
                  <div>
                    <dt>Badge number</dt>
                    <dd>{u.badgeNumber ?? '—'}</dd>
                  </div>
                </dl>
              )}
              <p className="muted small">
                Last sign-in: {u.lastSignInAt ? formatDateTime(u.lastSignInAt) : 'never'}
              </p>
            </Section>
            <UserGrantsSection user={u} onChanged={resource.reload} />
            <UserJuvenileAccessSection user={u} onChanged={resource.mutate} />
            {canManage && <UserAccessSection user={u} isSelf={u.id === me?.id} onChanged={resource.mutate} />}
          </div>
        )}
      </LoadState>
    </Page>
  );
}
