import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { AuthFrame } from '../../app/AuthFrame.tsx';
import { ApiError, api } from '../../lib/api.ts';
import { fieldError, useAction } from '../../lib/hooks.ts';
import { useSession } from '../../lib/session.tsx';
import type { SessionBody } from '../../lib/types.ts';
import { DistrictFields, districtBody, emptyDistrictForm, type DistrictFormValues } from './DistrictFields.tsx';

interface Authenticator {
  secret: string;
  otpauthUrl: string;
  qrSvg: string;
}

/**
 * First-run set-up, opened from the one-time link printed at start-up (`/setup#<token>`: the secret stays in
 * the fragment, never sent in a URL). Step 1 the district and its administrator, step 2 the authenticator
 * app; finishing signs the administrator in. A used, expired or unknown link goes to the sign-in page.
 */
export function SetupPage() {
  const navigate = useNavigate();
  const { setSession } = useSession();
  const [token] = useState(() => decodeURIComponent(window.location.hash.replace(/^#/, '')));
  const [state, setState] = useState<'checking' | 'ready'>('checking');
  const [values, setValues] = useState<DistrictFormValues>(emptyDistrictForm);
  const [authenticator, setAuthenticator] = useState<Authenticator | null>(null);
  const [code, setCode] = useState('');

  useEffect(() => {
    let live = true;
    api
      .post('/setup/check', { token })
      .then(() => live && setState('ready'))
      .catch(() => live && navigate('/', { replace: true }));
    return () => {
      live = false;
    };
  }, [token, navigate]);

  const next = useAction(async () => {
    setAuthenticator(await api.post<Authenticator>('/setup/authenticator', { token, ...districtBody(values) }));
    setCode('');
  });
  const finish = useAction(async () => {
    try {
      const session = await api.post<SessionBody>('/setup/complete', { token, ...districtBody(values), code: code.replace(/\s/g, '') });
      window.history.replaceState(null, '', '/');
      setSession(session);
      navigate('/', { replace: true });
    } catch (error) {
      // Another tab finished set-up, or the link expired meanwhile: nothing more to do here.
      if (error instanceof ApiError && error.status === 404) navigate('/', { replace: true });
      throw error;
    }
  });

  if (state === 'checking')
    return (
      <main className="center-screen">
        <Spinner label="Checking the set-up link…" />
      </main>
    );

  if (!authenticator)
    return (
      <AuthFrame title="Set up SRO Desk" wide>
        <p>Create your district and its first administrator. This link works once.</p>
        <Form onSubmit={() => void next.run()} error={next.error} aria-label="District and administrator">
          <DistrictFields values={values} onChange={setValues} error={next.error} />
          <FormActions>
            <Button type="submit" variant="primary" busy={next.busy}>
              Continue to two-step sign-in
            </Button>
          </FormActions>
        </Form>
      </AuthFrame>
    );

  return (
    <AuthFrame title="Set up two-step sign-in" wide>
      <p>
        The administrator signs in with a password and a code from an authenticator app (Google Authenticator,
        Microsoft Authenticator, 1Password…). Set it up now: set-up finishes when the code is right.
      </p>
      <ol className="steps">
        <li>
          <p>Scan this QR code with the authenticator app.</p>
          <img
            className="qr-code"
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(authenticator.qrSvg)}`}
            alt="QR code for your authenticator app. If you cannot scan it, type the set-up key shown below."
            width={200}
            height={200}
          />
        </li>
        <li>
          <figure className="secret-figure">
            <figcaption>Or type this set-up key into the app (time-based, 6 digits):</figcaption>
            <p className="secret-box" data-testid="setup-secret">{authenticator.secret.replace(/(.{4})/g, '$1 ').trim()}</p>
          </figure>
        </li>
        <li>
          <p>Enter the 6-digit code the app now shows.</p>
          <Form onSubmit={() => void finish.run()} error={finish.error} aria-label="Finish set-up">
            <TextField
              label="6-digit code"
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="\s*\d{3}\s*\d{3}\s*"
              maxLength={7}
              required
              value={code}
              onChange={setCode}
              error={fieldError(finish.error, 'code')}
            />
            <FormActions>
              <Button type="submit" variant="primary" busy={finish.busy}>
                Finish set-up
              </Button>
              <Button onClick={() => setAuthenticator(null)}>Back</Button>
            </FormActions>
          </Form>
        </li>
      </ol>
    </AuthFrame>
  );
}
