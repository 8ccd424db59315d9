import { useState } from 'react';
import { Button } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Notice } from '../../components/ErrorBanner.tsx';
import { FormActions } from '../../components/Form.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useAction } from '../../lib/hooks.ts';
import { useOffline } from '../../lib/offline.tsx';
import { discardWrite, flushQueue, retryWrite } from '../../lib/offline-queue.ts';
import type { QueuedWrite } from '../../lib/offline-store.ts';
import { EditQueuedDialog } from './EditQueuedDialog.tsx';

/**
 * "Not yet sent": everything logged on this device that the server does not have yet. Waiting writes go by
 * themselves when the signal returns; refused ones ("Not sent") stay here with the server's reason until the
 * user retries, edits or discards them: nothing is dropped silently.
 */
export function UnsentPage() {
  const { online, writes, userId } = useOffline();
  const waiting = writes.filter((w) => w.state === 'queued');
  const refused = writes.filter((w) => w.state === 'refused');
  const [editing, setEditing] = useState<QueuedWrite | null>(null);
  const [discarding, setDiscarding] = useState<QueuedWrite | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const send = useAction(async () => {
    await flushQueue(userId);
  });
  const retry = useAction(async (w: QueuedWrite) => {
    await retryWrite(w);
  });
  const discard = useAction(async (w: QueuedWrite) => {
    await discardWrite(w);
    setDiscarding(null);
    setMessage(`Discarded: ${w.label}.`);
  });

  return (
    <Page
      title="Not yet sent"
      description={
        online
          ? 'Work kept on this device until the server has it.'
          : 'You are offline: what you log is kept on this device and sent, in order, when the signal returns.'
      }
      actions={
        waiting.length > 0 && online ? (
          <Button onClick={() => void send.run()} busy={send.busy}>
            Send now
          </Button>
        ) : undefined
      }
    >
      <Notice message={message} />
      <div className="page-sections">
        <Section title="Not sent" id="refused">
          {refused.length === 0 ? (
            <EmptyState title="The server refused nothing." />
          ) : (
            <ul className="entry-cards" aria-label="Not sent">
              {refused.map((w) => (
                <li key={w.seq} className="entry-card is-refused" data-unsent-key={w.key}>
                  <div className="row-between">
                    <strong>{w.label}</strong>
                    <span className="badge badge-danger">Not sent</span>
                  </div>
                  <p className="small muted">Logged {formatDateTime(w.createdAt)}</p>
                  <p className="field-error">Reason: {w.refusal?.message ?? 'the server refused it'}</p>
                  <div className="row">
                    <Button size="small" onClick={() => void retry.run(w)} aria-label={`Retry ${w.label}`}>
                      Retry
                    </Button>
                    <Button size="small" onClick={() => setEditing(w)} aria-label={`Edit ${w.label}`}>
                      Edit
                    </Button>
                    <Button
                      size="small"
                      variant="ghost"
                      onClick={() => setDiscarding(w)}
                      aria-label={`Discard ${w.label}`}
                    >
                      Discard
                    </Button>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Section>
        <Section title="Waiting to be sent" id="waiting">
          {waiting.length === 0 ? (
            <EmptyState title="Nothing is waiting: the server has all you logged here." />
          ) : (
            <ul className="entry-cards" aria-label="Waiting to be sent">
              {waiting.map((w) => (
                <li key={w.seq} className="entry-card is-unsent" data-unsent-key={w.key}>
                  <div className="row-between">
                    <strong>{w.label}</strong>
                    <span className="badge badge-warning">Not yet sent</span>
                  </div>
                  <p className="small muted">
                    Logged {formatDateTime(w.createdAt)}
                    {w.attempts > 0 && ` · ${w.attempts} attempt${w.attempts === 1 ? '' : 's'} so far`}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </Section>
      </div>
      <EditQueuedDialog write={editing} onClose={() => setEditing(null)} />
      <Dialog open={discarding !== null} title="Discard this work?" onClose={() => setDiscarding(null)}>
        <p>{discarding?.label} will be deleted from this device and never reach the server.</p>
        <FormActions>
          <Button
            variant="danger"
            busy={discard.busy}
            onClick={() => discarding && void discard.run(discarding)}
          >
            Discard
          </Button>
          <Button onClick={() => setDiscarding(null)}>Keep it</Button>
        </FormActions>
      </Dialog>
    </Page>
  );
}
