import { Button } from '../../../components/Button.tsx';
import type { Autosave } from '../useAutosave.ts';

/** The autosave state in words, announced politely; offers to retry or resolve. */
export function SaveStatus<T>({
  autosave,
  onResolve,
  onRetry,
}: {
  autosave: Autosave<T>;
  onResolve: () => void;
  onRetry: () => void;
}) {
  const { status, lastSavedAt, error } = autosave;
  const time = lastSavedAt?.toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' });
  let text = '';
  if (status === 'pending') text = 'Unsaved changes…';
  if (status === 'saving') text = 'Saving…';
  if (status === 'saved') text = `All changes saved${time ? ` at ${time}` : ''}.`;
  if (status === 'partial') text = `Not everything is saved: ${error?.message ?? 'parts were refused'}.`;
  if (status === 'error')
    text = `Not saved: ${error?.message ?? 'try again'}.${autosave.keptOnDevice ? ' A copy is kept on this device.' : ''}`;
  if (status === 'conflict') text = 'Not saved: someone else changed this report.';
  return (
    <span className="save-status row" role="status" aria-live="polite">
      <span>{text}</span>
      {status === 'error' && (
        <Button size="small" onClick={onRetry}>
          Retry
        </Button>
      )}
      {status === 'conflict' && (
        <Button size="small" onClick={onResolve}>
          Compare and choose
        </Button>
      )}
    </span>
  );
}
