import { useState } from 'react';
import { RecordOwnerBanner } from '../../components/RecordOwnerBanner.tsx';
import { Link, useNavigate } from 'react-router-dom';
import { LABELS, type Call, type CreateIncident, type IncidentDetail } from '@common/incidents.ts';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { DownloadCsv } from '../../components/DownloadCsv.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorBanner, Notice } from '../../components/ErrorBanner.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useAction, useApiData } from '../../lib/hooks.ts';
import { useSession } from '../../lib/session.tsx';
import { CallForm } from './CallForm.tsx';
import { ClearCallForm } from './ClearCallForm.tsx';
import { spanText, useNow } from './Countdown.tsx';
import { IncidentTabs } from './IncidentTabs.tsx';
import { usePolling } from './usePolling.ts';

const POLL_MS = 5000;

/** The live queue of open calls at the user's schools: intake, take, arrive, clear, and file an incident. */
export function CallQueuePage() {
  const { can, user, selectedSchoolId } = useSession();
  const navigate = useNavigate();
  const queue = useApiData<{ asOf: string; items: Call[] }>('/calls/queue');
  usePolling(queue.reload, POLL_MS);
  const now = useNow(15_000);
  const [taking, setTaking] = useState(false);
  const [clearing, setClearing] = useState<Call | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const canDispatch = can('call.dispatch');

  const change = useAction(async (call: Call, body: Record<string, unknown>, done: string) => {
    await api.patch<Call>(`/calls/${call.id}`, body);
    queue.reload();
    return done;
  });
  const toIncident = useAction(async (call: Call) => {
    const body: CreateIncident = {
      callId: call.id,
      schoolId: call.schoolId,
      onCampus: call.onCampus,
      areaId: call.areaId,
      locationText: call.locationText,
      occurredAt: call.receivedAt,
      summary: call.summary.slice(0, 300),
      narrative: '',
      offenses: [],
      property: [],
      clearance: null,
      persons: [],
      actions: [],
    };
    const incident = await api.post<IncidentDetail>('/incidents', body);
    navigate(`/incidents/${incident.id}/edit`);
  });

  const visible = (items: Call[]) =>
    selectedSchoolId ? items.filter((c) => c.schoolId === selectedSchoolId) : items;

  return (
    <Page
      title="Call queue"
      description="Open calls for service at your schools, most urgent first. The queue refreshes every few seconds."
      actions={
        <>
          <DownloadCsv
            path="/calls"
            query={{ schoolId: selectedSchoolId ?? undefined, status: 'all' }}
            permission="call.read"
            label="Download calls (CSV)"
          />
          {can('call.create') && (
            <Button
              variant="primary"
              onClick={() => {
                setMessage(null);
                setTaking(true);
              }}
            >
              Log a new call
            </Button>
          )}
        </>
      }
    >
      <IncidentTabs />
      <RecordOwnerBanner type="call" />
      <Notice message={message ?? change.success} />
      <ErrorBanner error={change.error ?? toIncident.error} />
      <LoadState resource={queue} label="Loading the call queue…">
        {(data) => {
          const items = visible(data.items);
          if (items.length === 0)
            return (
              <EmptyState title="No open calls.">
                New calls appear here by themselves. Last checked {formatDateTime(data.asOf)}.
              </EmptyState>
            );
          return (
            <>
              <p className="muted small" aria-live="off">
                {items.length} open · checked {formatDateTime(data.asOf)}
              </p>
              <ul className="call-cards" aria-label="Open calls">
                {items.map((call) => (
                  <li key={call.id} className={`call-card priority-${call.priority}`}>
                    <div className="row-between">
                      <h3>
                        {call.number} · {call.schoolName}
                      </h3>
                      <Badge
                        tone={
                          call.priority === 'emergency'
                            ? 'danger'
                            : call.priority === 'urgent'
                              ? 'warning'
                              : 'neutral'
                        }
                      >
                        {LABELS.priority[call.priority]}
                      </Badge>
                    </div>
                    <p>{call.summary}</p>
                    <p className="muted small">
                      {LABELS.callStatus[call.status]} · {LABELS.source[call.source]} · received{' '}
                      <time dateTime={call.receivedAt}>{formatDateTime(call.receivedAt)}</time> (
                      {spanText(now - new Date(call.receivedAt).getTime())} ago)
                    </p>
                    <p className="small">
                      {call.onCampus ? (call.areaName ?? 'On campus') : 'Off campus'}
                      {call.locationText ? ` · ${call.locationText}` : ''}
                    </p>
                    {call.assignedUserName && <p className="small">Assigned to {call.assignedUserName}</p>}
                    {call.callerName && (
                      <p className="small">
                        Caller: {call.callerName}
                        {call.callerPhone ? `, ${call.callerPhone}` : ''}
                      </p>
                    )}
                    <div className="row">
                      {canDispatch && !call.assignedUserId && user && (
                        <Button
                          size="small"
                          onClick={() =>
                            void change.run(call, { assignedUserId: user.id }, `You took ${call.number}.`)
                          }
                        >
                          Assign to me
                        </Button>
                      )}
                      {canDispatch && !call.arrivedAt && (
                        <Button
                          size="small"
                          onClick={() =>
                            void change.run(
                              call,
                              { arrivedAt: new Date().toISOString() },
                              `Arrival at ${call.number} noted.`,
                            )
                          }
                        >
                          Arrived
                        </Button>
                      )}
                      {canDispatch && (
                        <Button size="small" onClick={() => setClearing(call)}>
                          Clear
                        </Button>
                      )}
                      {call.incidentId ? (
                        <Link to={`/incidents/${call.incidentId}`}>Incident {call.incidentNumber}</Link>
                      ) : (
                        can('incident.create') && (
                          <Button
                            size="small"
                            variant="primary"
                            busy={toIncident.busy}
                            onClick={() => void toIncident.run(call)}
                            aria-label={`Create incident from call ${call.number}`}
                          >
                            Create incident
                          </Button>
                        )
                      )}
                    </div>
                  </li>
                ))}
              </ul>
            </>
          );
        }}
      </LoadState>
      <Dialog open={taking} title="Log a new call" onClose={() => setTaking(false)} wide>
        <CallForm
          onCancel={() => setTaking(false)}
          onDone={(call) => {
            setTaking(false);
            setMessage(`Call ${call.number} is in the queue.`);
            queue.reload();
          }}
        />
      </Dialog>
      <Dialog
        open={clearing !== null}
        title={`Clear call ${clearing?.number ?? ''}`}
        onClose={() => setClearing(null)}
      >
        {clearing && (
          <ClearCallForm
            call={clearing}
            onCancel={() => setClearing(null)}
            onDone={() => {
              setMessage(`Call ${clearing.number} has been cleared.`);
              setClearing(null);
              queue.reload();
            }}
          />
        )}
      </Dialog>
    </Page>
  );
}
