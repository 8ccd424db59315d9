import { Button } from '../components/Button.tsx';
import { ChangePasswordForm } from '../features/profile/ChangePasswordForm.tsx';
import { useSession } from '../lib/session.tsx';
import { AuthFrame } from './AuthFrame.tsx';

/** Shown after signing in with a temporary password: the user must choose their own before anything else. */
export function ForcedPasswordPage() {
  const { refresh, signOut } = useSession();
  return (
    <AuthFrame title="Choose a new password">
      <p>You signed in with a temporary password. Choose your own password to continue.</p>
      <ChangePasswordForm onChanged={() => refresh()} submitLabel="Save new password" />
      <p className="auth-foot">
        <Button variant="ghost" onClick={() => void signOut()}>
          Sign out
        </Button>
      </p>
    </AuthFrame>
  );
}
