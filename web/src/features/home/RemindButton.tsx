import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { Button } from '../../components/Button.tsx';
import { api } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useAction } from '../../lib/hooks.ts';

/** E-mails the readers of a plan who have not acknowledged it (the server allows one reminder per interval). */
export function RemindButton({ planId, remindedAt, onDone }: { planId: string; remindedAt: string | null; onDone: () => void }) {
  const remind = useAction(async () => {
    const { reminded } = await api.post<{ reminded: number }>(`/plans/${planId}/remind`);
    onDone();
    return `Reminded ${reminded}`;
  });
  return (
    <div className="need-action">
      <Button size="small" busy={remind.busy} onClick={() => void remind.run()}>
        Remind
      </Button>
      {remind.success && (
        <span role="status" className="small">
          {remind.success}
        </span>
      )}
      {!remind.success && remindedAt && <span className="muted small">Last reminded {formatDateTime(remindedAt)}</span>}
      {remind.error && <ErrorBanner error={remind.error} />}
    </div>
  );
}
