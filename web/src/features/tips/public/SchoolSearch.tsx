import { useEffect, useId, useRef, useState } from 'react';
import { useApiData, useDebounced } from '../../../lib/hooks.ts';
import { publicSchoolsPath, type PublicSchool } from '../tipApi.ts';
import { useText } from './PublicFrame.tsx';

interface Props {
  value: PublicSchool | null;
  onChange: (school: PublicSchool | null) => void;
  error?: string;
}

/**
 * Finds the school by name: a search box and, under it, the matching schools as buttons (a plain list
 * rather than a combobox: simpler on phones and with screen readers). Once chosen, the school is shown
 * with a button to choose again.
 */
export function SchoolSearch({ value, onChange, error }: Props) {
  const { t } = useText();
  const id = useId();
  const [text, setText] = useState('');
  const query = useDebounced(text.trim(), 250);
  const results = useApiData<{ items: PublicSchool[] }>(
    value === null && query.length >= 2 ? publicSchoolsPath : null,
    { q: query },
  );
  const items = results.data?.items ?? [];
  // Choosing removes the list the focus was in: keep the keyboard user at the chosen school.
  const changeButton = useRef<HTMLButtonElement>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  const chosenByUser = useRef(false);
  useEffect(() => {
    if (!chosenByUser.current) return;
    chosenByUser.current = false;
    (value ? changeButton.current : searchBox.current)?.focus();
  }, [value]);
  const choose = (school: PublicSchool | null) => {
    chosenByUser.current = true;
    onChange(school);
  };

  if (value)
    return (
      <div className="field">
        <p className="field-label" id={`${id}-label`}>
          {t.schoolLabel}
        </p>
        <div className="tip-chosen-school">
          <p role="status">
            <span className="visually-hidden">{t.schoolChosen} </span>
            <strong>{value.name}</strong>
            {value.city ? <span className="muted"> · {value.city}</span> : null}
          </p>
          <button
            ref={changeButton}
            type="button"
            className="btn btn-small btn-secondary"
            onClick={() => choose(null)}
          >
            {t.schoolChange}
          </button>
        </div>
      </div>
    );

  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <div className="field-label-row">
        <label htmlFor={id} className="field-label">
          {t.schoolSearchLabel}
        </label>
        <span className="field-required" aria-hidden="true">
          *
        </span>
      </div>
      <input
        ref={searchBox}
        id={id}
        name="schoolId"
        className="input"
        type="search"
        autoComplete="off"
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        aria-required="true"
      />
      <p id={`${id}-hint`} className="field-hint">
        {t.schoolSearchHint}
      </p>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
      <div aria-live="polite">
        {query.length >= 2 && results.loading && <p className="muted small">{t.schoolSearching}</p>}
        {query.length >= 2 && !results.loading && results.error && (
          <p className="field-error">{t.networkError}</p>
        )}
        {query.length >= 2 && !results.loading && !results.error && items.length === 0 && (
          <p className="muted small">{t.schoolNone}</p>
        )}
      </div>
      {items.length > 0 && (
        <ul className="tip-school-results" aria-label={t.schoolResults}>
          {items.map((s) => (
            <li key={s.id}>
              <button type="button" onClick={() => choose(s)}>
                <strong>{s.name}</strong>
                {s.city ? <span className="muted small">{s.city}</span> : null}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
