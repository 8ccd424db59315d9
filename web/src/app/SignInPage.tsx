import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { Button } from '../components/Button.tsx';
import { TextField } from '../components/Field.tsx';
import { Form, FormActions } from '../components/Form.tsx';
import { ApiError, api } from '../lib/api.ts';
import { fieldError, useAction } from '../lib/hooks.ts';
import { useSession } from '../lib/session.tsx';
import type { SessionBody } from '../lib/types.ts';
import { AuthFrame } from './AuthFrame.tsx';

/** Minutes left of a lockout answer, counting down while the page is open; null when not locked. */
function useLockout(error: Error | null): number | null {
  const locked =
    error instanceof ApiError && error.code === 'locked_out' && error.retryAfterSeconds !== undefined
      ? error
      : null;
  const deadline = locked ? locked.receivedAt + (locked.retryAfterSeconds ?? 0) * 1000 : null;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (deadline === null) return;
    const timer = window.setInterval(() => setNow(Date.now()), 5_000);
    return () => window.clearInterval(timer);
  }, [deadline]);
  if (!locked || deadline === null) return null;
  const left = deadline - Math.max(now, locked.receivedAt);
  return left > 0 ? Math.ceil(left / 60_000) : null;
}

function PasswordStep() {
  const { setSession } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useAction(async () => {
    setSession(await api.post<SessionBody>('/auth/sign-in', { email, password }));
  });
  const minutesLeft = useLockout(signIn.error);
  const lockError = signIn.error instanceof ApiError && signIn.error.code === 'locked_out';
  const shownError =
    lockError && minutesLeft !== null
      ? new ApiError(429, {
          code: 'locked_out',
          message: `Too many failed attempts. Try again in ${minutesLeft} minute${minutesLeft === 1 ? '' : 's'}.`,
        })
      : lockError
        ? null
        : signIn.error;

  return (
    <AuthFrame title="Sign in">
      <Form onSubmit={() => void signIn.run()} error={shownError} aria-label="Sign in">
        <TextField
          label="E-mail"
          name="email"
          type="email"
          autoComplete="username"
          autoFocus
          required
          value={email}
          onChange={setEmail}
          error={fieldError(signIn.error, 'email')}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={setPassword}
          error={fieldError(signIn.error, 'password')}
        />
        <FormActions>
          <Button type="submit" variant="primary" busy={signIn.busy} className="btn-block">
            Sign in
          </Button>
        </FormActions>
      </Form>
      <p className="muted small auth-foot">
        Forgot your password? Your system administrator can give you a new temporary one.
      </p>
      <p className="auth-foot">
        <Link to="/report">Report a concern anonymously</Link>
        <span className="muted small"> · no account needed (English, español)</span>
      </p>
    </AuthFrame>
  );
}

function CodeStep() {
  const { setSession, signOut, user } = useSession();
  const [code, setCode] = useState('');
  const verify = useAction(async () => {
    setSession(await api.post<SessionBody>('/auth/mfa/verify', { code: code.replace(/\s/g, '') }));
  });
  const minutesLeft = useLockout(verify.error);
  const shownError =
    verify.error instanceof ApiError && verify.error.code === 'locked_out' && minutesLeft !== null
      ? new ApiError(429, {
          code: 'locked_out',
          message: `Too many failed attempts. Try again in ${minutesLeft} minute${minutesLeft === 1 ? '' : 's'}.`,
        })
      : verify.error;
  return (
    <AuthFrame title="Enter your code">
      <p>
        Open the authenticator app on your phone and enter the 6-digit code for SRO Desk
        {user ? <> ({user.email})</> : null}.
      </p>
      <Form onSubmit={() => void verify.run()} error={shownError} aria-label="Two-step sign-in code">
        <TextField
          label="6-digit code"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="\s*\d{3}\s*\d{3}\s*"
          maxLength={7}
          required
          autoFocus
          value={code}
          onChange={setCode}
          error={fieldError(verify.error, 'code')}
        />
        <FormActions>
          <Button type="submit" variant="primary" busy={verify.busy}>
            Verify
          </Button>
          <Button variant="ghost" onClick={() => void signOut()}>
            Use a different account
          </Button>
        </FormActions>
      </Form>
    </AuthFrame>
  );
}

/** Sign-in: e-mail and password, then the authenticator code when the user has two-step sign-in on. */
export function SignInPage() {
  const { session } = useSession();
  return session.state === 'mfa_pending' ? <CodeStep /> : <PasswordStep />;
}
