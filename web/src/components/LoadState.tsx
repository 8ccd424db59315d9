import type { ReactNode } from 'react';
import type { Resource } from '../lib/hooks.ts';
import { ErrorBanner } from './ErrorBanner.tsx';
import { Spinner } from './Spinner.tsx';

interface LoadStateProps<T> {
  resource: Resource<T>;
  label?: string;
  children: (data: T) => ReactNode;
}

/**
 * Renders a spinner while a resource loads the first time, the server error with a retry button when it
 * failed, and the content otherwise (an error on reload shows above the stale content).
 */
export function LoadState<T>({ resource, label, children }: LoadStateProps<T>) {
  const { data, error, loading, reload } = resource;
  if (data === undefined) {
    if (error) return <ErrorBanner error={error} onRetry={reload} />;
    if (loading) return <Spinner label={label ?? 'Loading…'} />;
    return null;
  }
  return (
    <>
      {error && <ErrorBanner error={error} onRetry={reload} />}
      {children(data)}
    </>
  );
}
