import type { Subscription } from '@common/reports.ts';
import { Button } from '../../components/Button.tsx';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { api } from '../../lib/api.ts';
import { useAction } from '../../lib/hooks.ts';
import { useSession } from '../../lib/session.tsx';

/**
 * For an SRO supervisor or the district director: send this SRO's monthly activity report to the principals of
 * the SRO's schools automatically (PDF on the 1st at 07:00 district time). Each principal may pause or delete it.
 */
export function SendToPrincipalsButton({ officerId }: { officerId: string }) {
  const { session } = useSession();
  const send = useAction(async () => {
    const { items } = await api.post<{ items: Subscription[] }>('/report-subscriptions/automatic', {
      officerId,
    });
    return items.length === 0
      ? 'The principals already receive this report.'
      : `Sent monthly to ${items.map((s) => s.recipient.name).join(', ')}.`;
  });
  if (!session.grants.some((g) => g.role === 'supervisor' || g.role === 'director')) return null;
  return (
    <>
      <Button busy={send.busy} onClick={() => void send.run()}>
        Send monthly to principals
      </Button>
      {send.success && (
        <span role="status" className="muted small">
          {send.success}
        </span>
      )}
      <ErrorBanner error={send.error} />
    </>
  );
}
