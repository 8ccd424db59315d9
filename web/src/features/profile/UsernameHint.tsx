import { useSession } from '../../lib/session.tsx';

/** A hidden username field so password managers know whose password a form changes. */
export function UsernameHint() {
  const { user } = useSession();
  return (
    <input type="text" name="username" autoComplete="username" value={user?.email ?? ''} readOnly hidden />
  );
}
