import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';

interface FieldFrameProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  children: ReactNode;
  className?: string;
}

function FieldFrame({ id, label, hint, error, required, children, className }: FieldFrameProps) {
  return (
    <div className={['field', error ? 'field-invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <div className="field-label-row">
        <label htmlFor={id} className="field-label">
          {label}
        </label>
        {/* Outside the label so the accessible name stays exactly the label; `required` is announced anyway. */}
        {required && (
          <span className="field-required" aria-hidden="true">
            *
          </span>
        )}
      </div>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

// Server messages read "name: must be ..."; under the input the field name is redundant.
function cleanError(error: string | undefined, name: string | undefined): string | undefined {
  if (!error || !name) return error;
  const prefix = /^([\w-]+\.)*[\w-]+: /.exec(error)?.[0];
  return prefix && (prefix === `${name}: ` || prefix.endsWith(`.${name}: `))
    ? error.slice(prefix.length)
    : error;
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> & {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  error?: string;
};

/** A labelled text input (also email, password, date, number, search) with hint and error message. */
export function TextField({
  label,
  value,
  onChange,
  hint,
  error,
  className,
  id: givenId,
  ...rest
}: InputProps) {
  const autoId = useId();
  const id = givenId ?? autoId;
  const message = cleanError(error, rest.name);
  return (
    <FieldFrame
      id={id}
      label={label}
      hint={hint}
      error={message}
      required={rest.required}
      className={className}
    >
      <input
        id={id}
        className="input"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={message ? true : undefined}
        aria-describedby={describedBy(id, hint, message)}
        {...rest}
      />
    </FieldFrame>
  );
}

type TextAreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange' | 'value'> & {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  error?: string;
};

/** A labelled multi-line text input. */
export function TextAreaField({
  label,
  value,
  onChange,
  hint,
  error,
  className,
  rows = 3,
  ...rest
}: TextAreaProps) {
  const id = useId();
  const message = cleanError(error, rest.name);
  return (
    <FieldFrame
      id={id}
      label={label}
      hint={hint}
      error={message}
      required={rest.required}
      className={className}
    >
      <textarea
        id={id}
        className="input textarea"
        rows={rows}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={message ? true : undefined}
        aria-describedby={describedBy(id, hint, message)}
        {...rest}
      />
    </FieldFrame>
  );
}

/** One choice of a select. */
export interface Option {
  value: string;
  label: string;
}

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value'> & {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  options: readonly Option[];
  /** A first choice with an empty value ("All levels", "Choose…"). */
  placeholder?: string;
  hint?: ReactNode;
  error?: string;
};

/** A labelled select. */
export function SelectField({
  label,
  value,
  onChange,
  options,
  placeholder,
  hint,
  error,
  className,
  ...rest
}: SelectProps) {
  const id = useId();
  const message = cleanError(error, rest.name);
  return (
    <FieldFrame
      id={id}
      label={label}
      hint={hint}
      error={message}
      required={rest.required}
      className={className}
    >
      <select
        id={id}
        className="input select"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={message ? true : undefined}
        aria-describedby={describedBy(id, hint, message)}
        {...rest}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

type CheckboxProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'checked' | 'type'> & {
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: ReactNode;
};

/** A checkbox with its label beside it; the whole row is the touch target. */
export function CheckboxField({ label, checked, onChange, hint, className, ...rest }: CheckboxProps) {
  const id = useId();
  return (
    <div className={['checkbox-field', className ?? ''].filter(Boolean).join(' ')}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        aria-describedby={hint ? `${id}-hint` : undefined}
        {...rest}
      />
      <label htmlFor={id}>
        {label}
        {hint && (
          <span id={`${id}-hint`} className="field-hint">
            {hint}
          </span>
        )}
      </label>
    </div>
  );
}
