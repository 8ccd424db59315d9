import { useId, useState } from 'react';
import type { Reference } from '@common/incidents.ts';
import { Button } from '../../../components/Button.tsx';

type Offense = Reference['offenses'][number];

interface NibrsPickerProps {
  offenses: readonly Offense[];
  value: string;
  onChange: (code: string) => void;
  /** Name for focusing on a server error ("offenses.0.code"). */
  name: string;
  error?: string;
}

/** Picks a NIBRS offense by typing part of its code, name or category; matches appear as buttons. */
export function NibrsPicker({ offenses, value, onChange, name, error }: NibrsPickerProps) {
  const id = useId();
  const [text, setText] = useState('');
  const chosen = offenses.find((o) => o.code === value);
  const errorId = error ? `${id}-error` : undefined;

  if (value) {
    return (
      <div className={error ? 'field field-invalid user-picker' : 'field user-picker'}>
        <span className="field-label" id={`${id}-label`}>
          NIBRS offense
        </span>
        <div
          className="user-picker-chosen"
          role="group"
          aria-labelledby={`${id}-label`}
          aria-describedby={errorId}
        >
          <span>
            <strong className="mono">{value}</strong> {chosen?.name ?? 'Unknown code'}
          </span>
          <Button
            size="small"
            variant="ghost"
            onClick={() => onChange('')}
            aria-label={`Change NIBRS offense ${value}`}
          >
            Change
          </Button>
        </div>
        {error && (
          <p id={errorId} className="field-error">
            {error}
          </p>
        )}
      </div>
    );
  }

  const q = text.trim().toLowerCase();
  const matches =
    q.length === 0
      ? []
      : offenses
          .filter(
            (o) =>
              o.code.toLowerCase().startsWith(q) ||
              o.name.toLowerCase().includes(q) ||
              o.category.toLowerCase().includes(q),
          )
          .slice(0, 8);
  return (
    <div className={error ? 'field field-invalid user-picker' : 'field user-picker'}>
      <label htmlFor={id} className="field-label">
        NIBRS offense
      </label>
      <input
        id={id}
        name={name}
        className="input"
        type="search"
        autoComplete="off"
        placeholder="Type a code or words (13B, assault)"
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={[`${id}-status`, errorId].filter(Boolean).join(' ')}
      />
      <p id={`${id}-status`} className="visually-hidden" aria-live="polite">
        {q ? `${matches.length} matching offenses` : ''}
      </p>
      {matches.length > 0 && (
        <ul className="user-picker-results">
          {matches.map((o) => (
            <li key={o.code}>
              <button
                type="button"
                onClick={() => {
                  setText('');
                  onChange(o.code);
                }}
              >
                <strong className="mono">{o.code}</strong> {o.name}{' '}
                <span className="muted small">
                  {o.category} · against {o.crimeAgainst.toLowerCase()}
                  {o.weaponRequired ? ' · weapon/force required' : ''}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {q && matches.length === 0 && <p className="field-hint">No offense matches “{text.trim()}”.</p>}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
