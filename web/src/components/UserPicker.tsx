import { useId, useState } from 'react';
import { useApiData, useDebounced } from '../lib/hooks.ts';
import type { Page, User } from '../lib/types.ts';
import { Button } from './Button.tsx';

interface UserPickerProps {
  label: string;
  /** The chosen user's id, or '' for nobody. */
  value: string;
  onChange: (userId: string) => void;
}

/**
 * Picks one user by typing part of a name or e-mail: matching users appear as buttons below the box,
 * so it scales to districts with thousands of accounts where a select would not.
 */
export function UserPicker({ label, value, onChange }: UserPickerProps) {
  const id = useId();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 250);
  const chosen = useApiData<User>(value ? `/users/${value}` : null);
  const matches = useApiData<Page<User>>(
    !value && q.length >= 2 ? '/users' : null,
    { q, pageSize: 8 },
    { keepPrevious: true },
  );

  if (value) {
    return (
      <div className="field user-picker">
        <span className="field-label" id={`${id}-label`}>
          {label}
        </span>
        <div className="user-picker-chosen" aria-labelledby={`${id}-label`} role="group">
          <span title={chosen.data?.email}>
            {chosen.data ? chosen.data.name : chosen.error ? 'A user' : 'Loading…'}
          </span>
          <Button
            size="small"
            variant="ghost"
            onClick={() => onChange('')}
            aria-label={`Clear ${label.toLowerCase()}`}
          >
            Clear
          </Button>
        </div>
      </div>
    );
  }

  const items = q.length >= 2 ? (matches.data?.items ?? []) : [];
  return (
    <div className="field user-picker">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <input
        id={id}
        className="input"
        type="search"
        placeholder="Type a name or e-mail"
        autoComplete="off"
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-describedby={`${id}-status`}
      />
      <p id={`${id}-status`} className="visually-hidden" aria-live="polite">
        {q.length >= 2 && !matches.loading
          ? `${items.length} matching ${items.length === 1 ? 'person' : 'people'}`
          : ''}
      </p>
      {items.length > 0 && (
        <ul className="user-picker-results">
          {items.map((u) => (
            <li key={u.id}>
              <button
                type="button"
                onClick={() => {
                  setText('');
                  onChange(u.id);
                }}
              >
                <strong>{u.name}</strong> <span className="muted small">{u.email}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {q.length >= 2 && !matches.loading && items.length === 0 && (
        <p className="field-hint">Nobody matches “{q}”.</p>
      )}
    </div>
  );
}
