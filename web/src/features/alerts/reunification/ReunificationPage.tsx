import { useRef, useState } from 'react';
import { useParams } from 'react-router-dom';
import type { ReunificationBoard, ReunificationRequest } from '@common/alerts.ts';
import { Badge } from '../../../components/Badge.tsx';
import { Button } from '../../../components/Button.tsx';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { ErrorBanner, Notice } from '../../../components/ErrorBanner.tsx';
import { LoadState } from '../../../components/LoadState.tsx';
import { Page, Section } from '../../../components/Page.tsx';
import { api } from '../../../lib/api.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useAction, useApiData } from '../../../lib/hooks.ts';
import { DrillBanner } from '../AlertOverlay.tsx';
import { useLiveMessages } from '../live.tsx';
import { formatTime } from '../srp.ts';
import { CardForm, ID_TYPE_LABELS } from './CardForm.tsx';
import { ReleaseButton, RunnerButton } from './RequestActions.tsx';

/** The refusal, said plainly: the student stays, and why. */
function Refused({ request }: { request: ReunificationRequest }) {
  return (
    <div className="release-refused" role="alert" data-request-status="refused">
      <p className="refused-title">
        Release refused: {request.student.name} may not leave with {request.adultName}.
      </p>
      <p>{request.refusalReason ?? 'No reason recorded.'}</p>
    </div>
  );
}

function adultOf(r: ReunificationRequest): string {
  return r.guardian ? `${r.adultName} (${r.guardian.relationship})` : `${r.adultName} (not on the roster)`;
}

/** One request on the board with the next step it waits for. */
function RequestRow({
  request,
  open,
  onChange,
}: {
  request: ReunificationRequest;
  open: boolean;
  onChange: (r: ReunificationRequest) => void;
}) {
  return (
    <li data-request-id={request.id} data-request-status={request.status}>
      <div>
        <strong>{request.student.name}</strong>{' '}
        <span className="muted small">#{request.student.studentNumber}</span>
        <br />
        <span className="small">
          {adultOf(request)}, {ID_TYPE_LABELS[request.idType]} {request.idChecked ? 'checked' : 'NOT checked'}
          , card at {formatTime(request.requestedAt)}
          {request.runnerName && `; runner ${request.runnerName} at ${formatTime(request.runnerSentAt)}`}
          {request.releasedAt && `; released at ${formatTime(request.releasedAt)} by ${request.initials}`}
        </span>
        {request.status === 'refused' && <p className="field-error">Refused: {request.refusalReason}</p>}
      </div>
      <div className="row">
        {request.status === 'requested' && <Badge tone="warning">Waiting for a runner</Badge>}
        {request.status === 'runner_sent' && <Badge tone="info">Runner on the way</Badge>}
        {request.status === 'released' && <Badge tone="success">Released</Badge>}
        {request.status === 'refused' && <Badge tone="danger">Refused</Badge>}
        {open && request.status === 'requested' && <RunnerButton request={request} onDone={onChange} />}
        {open && request.status === 'runner_sent' && <ReleaseButton request={request} onDone={onChange} />}
      </div>
    </li>
  );
}

/**
 * A reunification event: counts, the card form (student, guardian, ID check), the live board of
 * students still waiting with runner and release steps, and the log of released and refused requests.
 */
export function ReunificationPage() {
  const { id = '' } = useParams();
  const board = useApiData<ReunificationBoard>(`/reunifications/${id}`);
  const [last, setLast] = useState<ReunificationRequest | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const pendingReload = useRef<number | undefined>(undefined);

  useLiveMessages((m) => {
    if ((m.type === 'reunification.updated' && m.payload.reunificationId === id) || m.type === 'snapshot') {
      if (pendingReload.current !== undefined) return;
      pendingReload.current = window.setTimeout(() => {
        pendingReload.current = undefined;
        board.reload();
      }, 300);
    }
  });

  const changed = (r: ReunificationRequest) => {
    setMessage(
      r.status === 'released'
        ? `${r.student.name} was released to ${r.adultName}.`
        : r.status === 'runner_sent'
          ? `A runner is bringing ${r.student.name}.`
          : r.status === 'refused'
            ? null
            : `Card recorded for ${r.student.name}.`,
    );
    setLast(r.status === 'refused' ? r : null);
    board.reload();
  };

  const close = useAction(async () => {
    await api.post(`/reunifications/${id}/close`);
    board.reload();
  });

  return (
    <Page
      title="Reunification"
      breadcrumbs={[
        { label: 'Alerts', to: '/alerts' },
        { label: 'Reunification', to: '/reunification' },
      ]}
    >
      <LoadState resource={board} label="Loading the reunification board…">
        {({ reunification: r, counts, requests }) => {
          const open = r.status === 'open';
          const waiting = requests.filter((q) => q.status === 'requested' || q.status === 'runner_sent');
          const done = requests.filter((q) => q.status === 'released' || q.status === 'refused');
          return (
            <div className="page-sections">
              {r.drill && <DrillBanner />}
              <div className="row-between">
                <div>
                  <h2>{r.school.name}</h2>
                  <p className="muted">
                    Site: {r.site}. Opened {formatDateTime(r.openedAt)} by {r.openedBy.name}
                    {r.closedAt && `; closed ${formatDateTime(r.closedAt)}`}.
                  </p>
                </div>
                {open ? (
                  <Button onClick={() => void close.run()} busy={close.busy}>
                    Close the event
                  </Button>
                ) : (
                  <Badge>Closed</Badge>
                )}
              </div>
              <ErrorBanner error={close.error} />
              <dl className="board-totals" aria-label="Reunification counts" aria-live="polite">
                <div className="is-waiting" data-total="waiting">
                  <dt>Still waiting</dt>
                  <dd>{counts.waiting}</dd>
                </div>
                <div data-total="runner">
                  <dt>Runner on the way</dt>
                  <dd>{counts.runnerSent}</dd>
                </div>
                <div className="is-safe" data-total="released">
                  <dt>Released</dt>
                  <dd>{counts.released}</dd>
                </div>
                <div className="is-help" data-total="refused">
                  <dt>Refused</dt>
                  <dd>{counts.refused}</dd>
                </div>
                <div data-total="roster">
                  <dt>Students on the roster</dt>
                  <dd>{counts.roster}</dd>
                </div>
              </dl>
              {open && (
                <Section title="New reunification card" id="card">
                  <Notice message={message} />
                  {last && <Refused request={last} />}
                  <CardForm reunificationId={r.id} onRecorded={changed} />
                </Section>
              )}
              <Section title={`Students waiting (${waiting.length})`} id="waiting">
                {waiting.length === 0 ? (
                  <EmptyState title="No student is waiting." />
                ) : (
                  <ul className="list-rows" aria-label="Students waiting">
                    {waiting.map((q) => (
                      <RequestRow key={q.id} request={q} open={open} onChange={changed} />
                    ))}
                  </ul>
                )}
              </Section>
              <Section title={`Release log (${done.length})`} id="log">
                {done.length === 0 ? (
                  <EmptyState title="Nobody released or refused yet." />
                ) : (
                  <ul className="list-rows" aria-label="Release log">
                    {done.map((q) => (
                      <RequestRow key={q.id} request={q} open={open} onChange={changed} />
                    ))}
                  </ul>
                )}
              </Section>
            </div>
          );
        }}
      </LoadState>
    </Page>
  );
}
