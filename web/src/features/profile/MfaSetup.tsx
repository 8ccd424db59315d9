import { useState } from 'react';
import { Button } from '../../components/Button.tsx';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { TextField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';
import { fieldError, useAction } from '../../lib/hooks.ts';
import { useSession } from '../../lib/session.tsx';
import type { SessionBody } from '../../lib/types.ts';

interface SetupData {
  secret: string;
  otpauthUrl: string;
  qrSvg: string;
}

/** Groups the secret in fours so it can be typed into an app by hand. */
function spaced(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}

/**
 * Enrols the user in two-step sign-in: starts set-up on request (a new secret each time), shows the QR
 * code and the secret, and confirms with a code from the app. Calls `onDone` after it is on.
 */
export function MfaSetup({ onDone, onCancel }: { onDone?: () => void; onCancel?: () => void }) {
  const { setSession } = useSession();
  const [setup, setSetup] = useState<SetupData | null>(null);
  const [code, setCode] = useState('');
  const start = useAction(async () => {
    setSetup(await api.post<SetupData>('/auth/mfa/setup'));
    setCode('');
  });
  const enable = useAction(async () => {
    const body = await api.post<SessionBody>('/auth/mfa/enable', { code: code.replace(/\s/g, '') });
    setSession(body);
    onDone?.();
  });

  if (!setup) {
    return (
      <div className="stack">
        <ErrorBanner error={start.error} />
        <p>
          You need an authenticator app on your phone, such as Google Authenticator, Microsoft Authenticator
          or 1Password. After the set-up, SRO Desk asks for a 6-digit code from the app each time you sign in.
        </p>
        <FormActions>
          <Button variant="primary" busy={start.busy} onClick={() => void start.run()}>
            Start set-up
          </Button>
          {onCancel && <Button onClick={onCancel}>Cancel</Button>}
        </FormActions>
      </div>
    );
  }

  return (
    <div className="mfa-setup">
      <ol className="steps">
        <li>
          <p>Scan this QR code with your authenticator app.</p>
          <img
            className="qr-code"
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(setup.qrSvg)}`}
            alt="QR code for your authenticator app. If you cannot scan it, type the set-up key shown below."
            width={200}
            height={200}
          />
        </li>
        <li>
          {/* A figure, so the key is announced with its caption (aria-label on a paragraph is ignored). */}
          <figure className="secret-figure">
            <figcaption>Or type this set-up key into the app (time-based, 6 digits):</figcaption>
            <p className="secret-box">{spaced(setup.secret)}</p>
          </figure>
        </li>
        <li>
          <p>Enter the 6-digit code the app now shows.</p>
          <Form onSubmit={() => void enable.run()} error={enable.error} aria-label="Confirm two-step sign-in">
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
              error={fieldError(enable.error, 'code')}
            />
            <FormActions>
              <Button type="submit" variant="primary" busy={enable.busy}>
                Turn on two-step sign-in
              </Button>
              {onCancel && <Button onClick={onCancel}>Cancel</Button>}
            </FormActions>
          </Form>
        </li>
      </ol>
    </div>
  );
}
