import { useId, useState } from 'react';
import { Button } from './Button.tsx';

/**
 * A read-only value (a subscription URL, a code) with a Copy button; the result is announced politely.
 * Falls back to selecting the text where the clipboard is not available (plain http, old browsers).
 */
export function CopyField({ label, value, hint }: { label: string; value: string; hint?: string }) {
  const id = useId();
  const [status, setStatus] = useState('');
  const copy = async () => {
    const input = document.getElementById(id);
    try {
      await navigator.clipboard.writeText(value);
      setStatus('Copied to the clipboard.');
    } catch {
      if (input instanceof HTMLInputElement) input.select();
      setStatus('Select the text and copy it (the clipboard is not available here).');
    }
  };
  return (
    <div className="field copy-field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <div className="copy-row">
        <input
          id={id}
          className="input mono"
          readOnly
          value={value}
          onFocus={(e) => e.currentTarget.select()}
          aria-describedby={hint ? `${id}-hint` : undefined}
        />
        <Button onClick={() => void copy()} aria-label={`Copy ${label}`}>
          Copy
        </Button>
      </div>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      <p role="status" aria-live="polite" className="field-hint">
        {status}
      </p>
    </div>
  );
}
