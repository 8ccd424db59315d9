import { useEffect, useRef } from 'react';
import { useParams } from 'react-router-dom';
import { SRP } from '@common/srp.ts';
import type { Alert, Board, TimelineEntry } from '@common/alerts.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { useApiData, type Resource } from '../../lib/hooks.ts';
import { useSession } from '../../lib/session.tsx';
import { AccountabilityBoard, applyCheckIn } from './AccountabilityBoard.tsx';
import { AllClearButton, EscalateButton } from './AlertActions.tsx';
import { StatusBadge } from './AlertsPage.tsx';
import { AlertTimeline } from './AlertTimeline.tsx';
import { CheckInForm } from './CheckInForm.tsx';
import { useLiveMessages } from './live.tsx';
import { actionName, formatTime, holdsAtEvery, schoolsWhere, srpClass } from './srp.ts';
import { SrpIcon } from './SrpIcon.tsx';
import { DrillBanner } from './AlertOverlay.tsx';

/** Reloads a resource at most once per `ms` however many events ask for it (a wave of check-ins). */
function useThrottledReload(resource: Pick<Resource<unknown>, 'reload'>, ms: number): () => void {
  const timer = useRef<number | undefined>(undefined);
  const reload = useRef(resource.reload);
  useEffect(() => {
    reload.current = resource.reload;
  });
  useEffect(() => () => window.clearTimeout(timer.current), []);
  return () => {
    if (timer.current !== undefined) return;
    timer.current = window.setTimeout(() => {
      timer.current = undefined;
      reload.current();
    }, ms);
  };
}

/** The coloured head of the page: action, directive, DRILL, schools, who raised it, status. */
function AlertHead({ alert }: { alert: Alert }) {
  const ended = alert.status === 'cancelled' || alert.status === 'cleared';
  return (
    <div className="stack">
      {alert.drill && <DrillBanner />}
      <div
        className={`alert-header-card ${srpClass(alert.action)}${ended ? ' is-ended' : ''}`}
        data-alert-status={alert.status}
      >
        <div>
          <h2>
            <SrpIcon action={alert.action} /> {SRP[alert.action].term}
            {alert.drill && <span className="drill-tag">DRILL</span>}
          </h2>
          <p>
            <strong>{alert.directive}</strong>
          </p>
          {alert.details && <p>{alert.details}</p>}
          <p>
            {alert.schools.map((s) => s.name).join(', ')}. Raised by {alert.raisedBy.name} at{' '}
            {formatTime(alert.raisedAt)}
            {alert.announcedAt && `, announced at ${formatTime(alert.announcedAt)}`}
            {alert.cancelledAt && `, cancelled at ${formatTime(alert.cancelledAt)}`}
            {alert.clearedAt &&
              `, All Clear at ${formatTime(alert.clearedAt)}${alert.clearedBy ? ` by ${alert.clearedBy.name}` : ''}`}
            .
          </p>
        </div>
        <StatusBadge status={alert.status} />
      </div>
    </div>
  );
}

/**
 * One alert: its head, my check-in while it is in force; for the SROs, administrators and the district,
 * the live accountability board, All Clear, changing the action, the timeline and the after-action PDF.
 */
export function AlertDetailPage() {
  const { id = '' } = useParams();
  const { session, schools } = useSession();
  const alert = useApiData<Alert>(`/alerts/${id}`);
  const managed = new Set(schoolsWhere(session, schools, 'alert.manage').map((s) => s.id));
  const canManage = alert.data?.schools.some((s) => managed.has(s.id)) ?? false;
  const status = alert.data?.status;
  const hasBoard = canManage && (status === 'active' || status === 'cleared');
  const board = useApiData<Board>(hasBoard ? `/alerts/${id}/board` : null);
  const reloadBoard = board.reload;
  // A safety net under the live updates: "screens reached" has no event of its own.
  useEffect(() => {
    if (!hasBoard || status !== 'active') return;
    const timer = window.setInterval(reloadBoard, 15_000);
    return () => window.clearInterval(timer);
  }, [hasBoard, status, reloadBoard]);
  const timeline = useApiData<{ items: TimelineEntry[] }>(canManage ? `/alerts/${id}/timeline` : null);
  const reloadTimeline = useThrottledReload(timeline, 2000);

  useLiveMessages((m) => {
    if (m.type === 'snapshot') {
      alert.reload();
      if (hasBoard) board.reload();
      return;
    }
    if (m.type === 'checkin.recorded' && m.payload.alertId === id) {
      if (board.data) board.mutate(applyCheckIn(board.data, m));
      reloadTimeline();
      return;
    }
    if (
      (m.type === 'alert.announced' || m.type === 'alert.updated' || m.type === 'alert.cleared') &&
      m.payload.alert.id === id
    ) {
      alert.mutate(m.payload.alert);
      if (board.data) board.mutate({ ...board.data, alert: m.payload.alert });
      reloadTimeline();
    }
  });

  const title = alert.data ? `${alert.data.drill ? 'Drill: ' : ''}${actionName(alert.data.action)}` : 'Alert';
  const onChanged = (next: Alert) => {
    alert.mutate(next);
    timeline.reload();
  };

  return (
    <Page title={title} breadcrumbs={[{ label: 'Alerts', to: '/alerts' }]}>
      <LoadState resource={alert} label="Loading the alert…">
        {(a) => (
          <div className="page-sections">
            <AlertHead alert={a} />
            {a.status === 'active' && (
              <div className="row">
                {holdsAtEvery(session, schools, 'alert.manage', a.schools) && (
                  <AllClearButton alert={a} onDone={onChanged} />
                )}
                {canManage && <EscalateButton alert={a} onDone={onChanged} />}
              </div>
            )}
            {a.status === 'active' && (
              <Section title="My check-in" id="my-check-in">
                <CheckInForm alert={a} />
              </Section>
            )}
            {hasBoard && (
              <section aria-labelledby="board-title" className="stack">
                <h2 id="board-title">Accountability board</h2>
                <LoadState resource={board} label="Loading the board…">
                  {(b) => <AccountabilityBoard board={b} />}
                </LoadState>
              </section>
            )}
            {canManage && (
              <Section
                title="Timeline"
                id="timeline"
                actions={
                  a.status !== 'pending' && (
                    <a
                      className="btn btn-secondary btn-small"
                      href={`/api/alerts/${a.id}/report.pdf`}
                      target="_blank"
                      rel="noreferrer"
                    >
                      After-action report (PDF)
                    </a>
                  )
                }
              >
                <AlertTimeline timeline={timeline} />
              </Section>
            )}
          </div>
        )}
      </LoadState>
    </Page>
  );
}
