import { useState } from 'react';
import { Button } from '../../components/Button.tsx';
import { ErrorBanner, Notice } from '../../components/ErrorBanner.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { Section } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { roleLabel } from '../../lib/format.ts';
import { fieldError, useAction } from '../../lib/hooks.ts';
import { useAllSchoolOptions } from '../../lib/options.ts';
import { useSession } from '../../lib/session.tsx';
import type { User, UserGrant } from '../../lib/types.ts';
import { DISTRICT, GrantFields, grantBody, type GrantDraft } from './GrantFields.tsx';

/** The roles of a user, each at a school or district-wide; grant and revoke with `role.grant`. */
export function UserGrantsSection({ user, onChanged }: { user: User; onChanged: () => void }) {
  const { can } = useSession();
  const canGrant = can('role.grant');
  const schools = useAllSchoolOptions(canGrant);
  const [draft, setDraft] = useState<GrantDraft>({ role: '', schoolId: DISTRICT });
  const [message, setMessage] = useState<string | null>(null);
  const grant = useAction(async () => {
    setMessage(null);
    const created = await api.post<UserGrant>(`/users/${user.id}/grants`, grantBody(draft));
    setDraft({ role: '', schoolId: DISTRICT });
    onChanged();
    setMessage(`${roleLabel(created.role)} granted (${created.schoolName ?? 'district-wide'}).`);
  });
  const revoke = useAction(async (g: UserGrant) => {
    setMessage(null);
    await api.delete(`/users/${user.id}/grants/${g.id}`);
    onChanged();
    setMessage(`${roleLabel(g.role)} (${g.schoolName ?? 'district-wide'}) revoked.`);
  });

  return (
    <Section title="Roles" id="grants">
      <Notice message={message} />
      <ErrorBanner error={revoke.error} />
      {user.grants.length === 0 ? (
        <p className="muted">This user has no role and sees nothing after signing in.</p>
      ) : (
        <ul className="list-rows">
          {user.grants.map((g) => (
            <li key={g.id}>
              <span>
                <strong>{roleLabel(g.role)}</strong>{' '}
                <span className="muted">· {g.schoolName ?? 'District-wide'}</span>
              </span>
              {canGrant && (
                <Button
                  size="small"
                  variant="ghost"
                  disabled={revoke.busy}
                  onClick={() => void revoke.run(g)}
                  aria-label={`Revoke ${roleLabel(g.role)} at ${g.schoolName ?? 'district level'}`}
                >
                  Revoke
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canGrant && (
        <Form
          onSubmit={() => void grant.run()}
          error={grant.error}
          aria-label="Grant a role"
          className="mt-sm"
        >
          <h3>Grant a role</h3>
          <div className="grant-row">
            <GrantFields
              draft={draft}
              schools={schools}
              onChange={setDraft}
              errors={{
                role: fieldError(grant.error, 'role'),
                schoolId: fieldError(grant.error, 'schoolId'),
              }}
            />
            <FormActions>
              <Button type="submit" variant="primary" busy={grant.busy}>
                Grant role
              </Button>
            </FormActions>
          </div>
        </Form>
      )}
    </Section>
  );
}
