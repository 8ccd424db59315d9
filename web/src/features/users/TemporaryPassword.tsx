import { useState } from 'react';
import { Button } from '../../components/Button.tsx';

/** Shows a temporary password once, with a copy button and what the user must do with it. */
export function TemporaryPassword({
  name,
  password,
  emailed,
}: {
  name: string;
  password: string;
  emailed: boolean;
}) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(password);
      setCopied(true);
    } catch {
      setCopied(false); // clipboard blocked: the password stays visible to copy by hand
    }
  };
  return (
    <div className="password-reveal" role="status">
      <p>
        {emailed
          ? `The temporary password was e-mailed to ${name}.`
          : `Give ${name} this temporary password in person or by phone. It is shown only now.`}{' '}
        They must choose their own password when they first sign in.
      </p>
      {/* A figure, so the password is announced with its caption (aria-label on a paragraph is ignored). */}
      <figure className="secret-figure">
        <figcaption className="visually-hidden">Temporary password</figcaption>
        <p className="secret-box">{password}</p>
      </figure>
      <div className="row">
        <Button size="small" onClick={() => void copy()}>
          {copied ? 'Copied' : 'Copy password'}
        </Button>
      </div>
    </div>
  );
}
