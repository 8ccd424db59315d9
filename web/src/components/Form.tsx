import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../lib/api.ts';
import { ErrorBanner, Notice } from './ErrorBanner.tsx';

interface FormProps {
  onSubmit: () => void;
  /** The last error of the submission; a `field` error moves the focus to that input. */
  error?: Error | null;
  success?: string | null;
  children: ReactNode;
  className?: string;
  'aria-label'?: string;
  'aria-labelledby'?: string;
}

/**
 * A form that shows the server error above its fields (focusing the named input) and a success message,
 * both in live regions. Native validation stays on so required fields are caught before a round trip.
 */
export function Form({ onSubmit, error, success, children, className, ...aria }: FormProps) {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!(error instanceof ApiError) || !error.field || !ref.current) return;
    // Nested fields ("guardian.firstName") sit in the form under their last name.
    const elements = ref.current.elements;
    const target = elements.namedItem(error.field) ?? elements.namedItem(error.field.split('.').pop() ?? '');
    const element = target instanceof RadioNodeList ? target[0] : target;
    if (element instanceof HTMLElement) element.focus();
  }, [error]);

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit();
  };

  return (
    <form
      ref={ref}
      className={['form', className ?? ''].filter(Boolean).join(' ')}
      onSubmit={handleSubmit}
      {...aria}
    >
      <ErrorBanner error={error} />
      <Notice message={success} />
      {children}
    </form>
  );
}

/** The row of buttons at the end of a form. */
export function FormActions({ children }: { children: ReactNode }) {
  return <div className="form-actions">{children}</div>;
}
