import { useState } from 'react';
import { Button } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { ErrorBanner, Notice } from '../../components/ErrorBanner.tsx';
import { FormActions } from '../../components/Form.tsx';
import { Section } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { useAction } from '../../lib/hooks.ts';
import type { User } from '../../lib/types.ts';
import { TemporaryPassword } from './TemporaryPassword.tsx';

type Confirm = 'deactivate' | 'reset' | null;

/** Deactivate or reactivate an account and reset its password (each after a confirmation). */
export function UserAccessSection({
  user,
  isSelf,
  onChanged,
}: {
  user: User;
  isSelf: boolean;
  onChanged: (user: User) => void;
}) {
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [reset, setReset] = useState<{ temporaryPassword: string; emailed: boolean } | null>(null);
  const toggle = useAction(async (active: boolean) => {
    onChanged(await api.patch<User>(`/users/${user.id}`, { active }));
    setConfirm(null);
    return active ? `${user.name} can sign in again.` : `${user.name} is deactivated and signed out.`;
  });
  const resetPassword = useAction(async () => {
    setReset(
      await api.post<{ temporaryPassword: string; emailed: boolean }>(`/users/${user.id}/reset-password`),
    );
  });
  const close = () => {
    setConfirm(null);
    setReset(null);
    toggle.reset();
    resetPassword.reset();
  };

  return (
    <Section title="Sign-in and access" id="access">
      <Notice message={toggle.success} />
      <div className="two-col">
        <div className="stack">
          <p>
            {user.active
              ? 'Deactivating signs the user out everywhere and stops new sign-ins. Their records stay.'
              : 'This account is deactivated: the user cannot sign in.'}
          </p>
          <FormActions>
            {user.active ? (
              <Button variant="danger" disabled={isSelf} onClick={() => setConfirm('deactivate')}>
                Deactivate account
              </Button>
            ) : (
              <Button variant="primary" busy={toggle.busy} onClick={() => void toggle.run(true)}>
                Reactivate account
              </Button>
            )}
          </FormActions>
          {isSelf && <p className="muted small">You cannot deactivate your own account.</p>}
          {!user.active && <ErrorBanner error={toggle.error} />}
        </div>
        <div className="stack">
          <p>A password reset gives the user a new temporary password and signs them out.</p>
          <FormActions>
            <Button onClick={() => setConfirm('reset')}>Reset password</Button>
          </FormActions>
        </div>
      </div>
      <Dialog open={confirm === 'deactivate'} title={`Deactivate ${user.name}?`} onClose={close}>
        <div className="stack">
          <ErrorBanner error={toggle.error} />
          <p>{user.name} will be signed out at once and cannot sign in until reactivated.</p>
          <FormActions>
            <Button variant="danger" busy={toggle.busy} onClick={() => void toggle.run(false)}>
              Deactivate
            </Button>
            <Button onClick={close}>Cancel</Button>
          </FormActions>
        </div>
      </Dialog>
      <Dialog
        open={confirm === 'reset'}
        title={reset ? 'New temporary password' : `Reset the password of ${user.name}?`}
        onClose={close}
      >
        <div className="stack">
          <ErrorBanner error={resetPassword.error} />
          {reset ? (
            <>
              <TemporaryPassword
                name={user.name}
                password={reset.temporaryPassword}
                emailed={reset.emailed}
              />
              <FormActions>
                <Button variant="primary" onClick={close}>
                  Done
                </Button>
              </FormActions>
            </>
          ) : (
            <>
              <p>The current password stops working and {user.name} is signed out everywhere.</p>
              <FormActions>
                <Button variant="danger" busy={resetPassword.busy} onClick={() => void resetPassword.run()}>
                  Reset password
                </Button>
                <Button onClick={close}>Cancel</Button>
              </FormActions>
            </>
          )}
        </div>
      </Dialog>
    </Section>
  );
}
