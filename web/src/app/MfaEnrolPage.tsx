import { Button } from '../components/Button.tsx';
import { MfaSetup } from '../features/profile/MfaSetup.tsx';
import { useSession } from '../lib/session.tsx';
import { AuthFrame } from './AuthFrame.tsx';

/** Forced when the district requires two-step sign-in for one of the user's roles and it is not set up yet. */
export function MfaEnrolPage() {
  const { signOut, session } = useSession();
  return (
    <AuthFrame title="Set up two-step sign-in" wide>
      <p>
        {session.district?.name ?? 'Your district'} requires two-step sign-in for your role. Set it up now to
        continue to SRO Desk.
      </p>
      <MfaSetup />
      <p className="auth-foot">
        <Button variant="ghost" onClick={() => void signOut()}>
          Sign out
        </Button>
      </p>
    </AuthFrame>
  );
}
