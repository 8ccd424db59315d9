import { ApiError } from '../lib/api.ts';
import { Button } from './Button.tsx';

function titleOf(error: Error): string {
  if (!(error instanceof ApiError)) return 'Something went wrong';
  switch (error.code) {
    case 'validation_failed':
    case 'bad_request':
      return 'Please check the form';
    case 'forbidden':
    case 'csrf_failed':
      return 'Not allowed';
    case 'not_found':
      return 'Not found';
    case 'conflict':
      return 'Already exists';
    case 'network':
      return 'No connection';
    case 'unauthenticated':
      return 'Sign-in failed';
    case 'mfa_required':
      return 'Two-step sign-in needed';
    case 'locked_out':
    case 'rate_limited':
      return 'Too many attempts';
    default:
      return 'Something went wrong';
  }
}

// "guardian.dateOfBirth: must be a date" reads "Date of birth: must be a date" for people.
function readable(error: Error): string {
  if (!(error instanceof ApiError) || !error.field) return error.message;
  const prefix = /^([\w-]+\.)*[\w-]+: /.exec(error.message)?.[0];
  if (!prefix) return error.message;
  const last = prefix.slice(0, -2).split('.').pop() ?? '';
  const words = last.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}: ${error.message.slice(prefix.length)}`;
}

/** An error message from the server, announced at once (role="alert"); optionally with a retry button. */
export function ErrorBanner({
  error,
  onRetry,
  title,
}: {
  error: Error | null | undefined;
  onRetry?: () => void;
  title?: string;
}) {
  if (!error) return null;
  return (
    <div className="banner banner-error" role="alert">
      <div>
        <p className="banner-title">{title ?? titleOf(error)}</p>
        <p className="banner-text">{readable(error)}</p>
      </div>
      {onRetry && (
        <Button size="small" onClick={onRetry}>
          Try again
        </Button>
      )}
    </div>
  );
}

/** A success or information message, announced politely (aria-live). Renders its live region even when empty. */
export function Notice({
  message,
  tone = 'success',
}: {
  message: string | null | undefined;
  tone?: 'success' | 'info' | 'warning';
}) {
  return (
    <div aria-live="polite" role="status" className="notice-region">
      {message && (
        <div className={`banner banner-${tone}`}>
          <p className="banner-text">{message}</p>
        </div>
      )}
    </div>
  );
}
