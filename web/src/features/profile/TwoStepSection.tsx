import { useState } from 'react';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { Notice } from '../../components/ErrorBanner.tsx';
import { TextField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { Section } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { fieldError, useAction } from '../../lib/hooks.ts';
import { useSession } from '../../lib/session.tsx';
import { MfaSetup } from './MfaSetup.tsx';
import { UsernameHint } from './UsernameHint.tsx';

/** Two-step sign-in on the profile page: its status, set it up, or turn it off with the password. */
export function TwoStepSection() {
  const { user, refresh } = useSession();
  const [mode, setMode] = useState<'idle' | 'enrol' | 'disable'>('idle');
  const [password, setPassword] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const disable = useAction(async () => {
    await api.post('/auth/mfa/disable', { password });
    setPassword('');
    setMode('idle');
    setMessage('Two-step sign-in is off.');
    await refresh();
  });
  if (!user) return null;

  return (
    <Section
      title="Two-step sign-in"
      id="two-step"
      actions={user.mfaEnabled ? <Badge tone="success">On</Badge> : <Badge tone="warning">Off</Badge>}
    >
      <Notice message={message} />
      {mode === 'idle' && (
        <div className="stack">
          <p>
            {user.mfaEnabled
              ? 'Each sign-in asks for a code from your authenticator app as well as your password.'
              : 'Protect your account with a code from an authenticator app on your phone as well as your password.'}
          </p>
          <FormActions>
            {user.mfaEnabled ? (
              <Button
                variant="danger"
                onClick={() => {
                  setMessage(null);
                  setMode('disable');
                }}
              >
                Turn off two-step sign-in
              </Button>
            ) : (
              <Button
                variant="primary"
                onClick={() => {
                  setMessage(null);
                  setMode('enrol');
                }}
              >
                Set up two-step sign-in
              </Button>
            )}
          </FormActions>
        </div>
      )}
      {mode === 'enrol' && (
        <MfaSetup
          onDone={() => {
            setMode('idle');
            setMessage('Two-step sign-in is on. You will need your app the next time you sign in.');
          }}
          onCancel={() => setMode('idle')}
        />
      )}
      {mode === 'disable' && (
        <div className="narrow-form">
          <Form
            onSubmit={() => void disable.run()}
            error={disable.error}
            aria-label="Turn off two-step sign-in"
          >
            <UsernameHint />
            <p>Enter your password to turn two-step sign-in off.</p>
            <TextField
              label="Password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={setPassword}
              error={fieldError(disable.error, 'password')}
            />
            <FormActions>
              <Button type="submit" variant="danger" busy={disable.busy}>
                Turn off
              </Button>
              <Button onClick={() => setMode('idle')}>Cancel</Button>
            </FormActions>
          </Form>
        </div>
      )}
    </Section>
  );
}
