import { useState } from 'react';
import { Link } from 'react-router-dom';
import { INVITATION_DAYS } from '@common/roster-import.ts';
import { Button } from '../components/Button.tsx';
import { TextField } from '../components/Field.tsx';
import { Form, FormActions } from '../components/Form.tsx';
import { api, ApiError } from '../lib/api.ts';
import { fieldError, useAction } from '../lib/hooks.ts';
import { AuthFrame } from './AuthFrame.tsx';

/**
 * The landing page of an invitation link (`/set-password#<token>`): the token travels in the fragment, so it never
 * reaches a server log or a Referer header; it is sent once, in the body, with the chosen password.
 */
export function SetPasswordPage() {
  const token = window.location.hash.slice(1);
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [done, setDone] = useState(false);
  const save = useAction(async () => {
    if (password !== again) throw new Error('The two passwords are not the same.');
    try {
      await api.post('/auth/invitations/accept', { token, password });
    } catch (e) {
      if (e instanceof ApiError && e.status === 404)
        throw new Error(
          `This link is no longer valid: it works once and for ${INVITATION_DAYS} days. Ask your district administrator for a new invitation.`,
        );
      throw e;
    }
    setDone(true);
  });
  if (done)
    return (
      <AuthFrame title="Your password is set">
        <p role="status">You can now sign in with your e-mail address and the password you chose.</p>
        <p>
          <Link className="btn btn-primary" to="/">
            Go to sign-in
          </Link>
        </p>
      </AuthFrame>
    );
  return (
    <AuthFrame title="Choose your password">
      {token.length < 20 ? (
        <p role="alert">This link is incomplete. Open the link of your invitation e-mail again.</p>
      ) : (
        <Form onSubmit={() => void save.run()} error={save.error} aria-label="Choose your password">
          <p>Your district made an SRO Desk account for you. Choose a password of at least 12 characters.</p>
          <TextField
            label="New password"
            name="password"
            type="password"
            autoComplete="new-password"
            minLength={12}
            required
            value={password}
            onChange={setPassword}
            error={fieldError(save.error, 'password')}
          />
          <TextField
            label="New password again"
            name="passwordAgain"
            type="password"
            autoComplete="new-password"
            minLength={12}
            required
            value={again}
            onChange={setAgain}
          />
          <FormActions>
            <Button type="submit" variant="primary" busy={save.busy}>
              Set password
            </Button>
          </FormActions>
        </Form>
      )}
    </AuthFrame>
  );
}
