import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { SRP } from '@common/srp.ts';
import type { Alert } from '@common/alerts.ts';
import { api } from '../../lib/api.ts';
import { useSession } from '../../lib/session.tsx';
import { CheckInForm } from './CheckInForm.tsx';
import { playAlertTone } from './sound.ts';
import { actionName, formatTime, schoolsWhere, srpClass } from './srp.ts';
import { SrpIcon } from './SrpIcon.tsx';

// Per page load: each alert is confirmed to the server once, and each action sounds once.
const confirmed = new Set<string>();
const sounded = new Set<string>();

/** Tells the server this screen showed the alert (the delivered count of the record); once per alert. */
export function confirmReceived(alert: Alert): void {
  if (confirmed.has(alert.id)) return;
  confirmed.add(alert.id);
  api.post(`/alerts/${alert.id}/received`).catch(() => confirmed.delete(alert.id));
}

/** The striped DRILL band: impossible to mistake for a real alert. */
export function DrillBanner() {
  return (
    <p className="drill-banner">
      <span>DRILL — THIS IS A DRILL</span>
    </p>
  );
}

/**
 * The alert full screen (role alertdialog, focus moved into it, the rest of the app inert): the action in
 * huge letters with its SRP colour and pictogram, the directive, who raised it and when, DRILL or not,
 * the check-in form; sound where the browser allows it.
 */
export function AlertOverlay({
  alert,
  others,
  onMinimise,
}: {
  alert: Alert;
  /** How many other alerts are in force (shown in the bar once this one is minimised). */
  others: number;
  onMinimise: () => void;
}) {
  const { session, schools } = useSession();
  const ref = useRef<HTMLDivElement>(null);
  const [muted, setMuted] = useState(false);
  // When this screen first showed the alert: the browser tests compare it with the announcement time.
  const [shownAt] = useState(() => Date.now());
  const key = `${alert.id}:${alert.action}`;
  const canManage = schoolsWhere(session, schools, 'alert.manage').some((s) =>
    alert.schools.some((a) => a.id === s.id),
  );

  useEffect(() => {
    ref.current?.focus();
    confirmReceived(alert);
    if (sounded.has(key)) return;
    sounded.add(key);
    void playAlertTone({ drill: alert.drill }).then((played) => setMuted(!played));
  }, [alert, key]);

  const titleId = `alert-title-${alert.id}`;
  const directiveId = `alert-directive-${alert.id}`;
  const schoolNames = alert.schools.map((s) => s.name).join(', ');

  return (
    <div
      ref={ref}
      className={`alert-overlay ${srpClass(alert.action)}`}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={directiveId}
      tabIndex={-1}
      data-alert-id={alert.id}
      data-drill={alert.drill ? 'true' : 'false'}
      data-shown-at={shownAt}
    >
      {alert.drill ? <DrillBanner /> : <p className="real-banner">REAL EMERGENCY — THIS IS NOT A DRILL</p>}
      <div className="alert-overlay-body">
        <h2 id={titleId} className="alert-action">
          <SrpIcon action={alert.action} />
          {alert.drill && <span className="visually-hidden">Drill: </span>}
          <span>{SRP[alert.action].term}</span>
        </h2>
        <p id={directiveId} className="alert-directive">
          <span className="visually-hidden">{actionName(alert.action)}: </span>
          {alert.directive}
        </p>
        {alert.details && <p className="alert-detail">{alert.details}</p>}
        <p className="alert-meta">
          {schoolNames}. Raised by {alert.raisedBy.name} at{' '}
          <time dateTime={alert.announcedAt ?? alert.raisedAt}>{formatTime(alert.raisedAt)}</time>.
        </p>
        <p className="alert-meta">
          <strong>Staff:</strong> {SRP[alert.action].staff}
        </p>
        {muted && (
          <button
            type="button"
            className="btn btn-outline-light"
            onClick={() => void playAlertTone({ drill: alert.drill }).then((played) => setMuted(!played))}
          >
            Play the alert sound
          </button>
        )}
        <section className="card" aria-labelledby={`checkin-${alert.id}`}>
          <h3 id={`checkin-${alert.id}`}>Check in</h3>
          <CheckInForm alert={alert} />
        </section>
        <div className="alert-overlay-tools">
          {canManage && (
            <Link className="btn btn-on-color" to={`/alerts/${alert.id}`} onClick={onMinimise}>
              Open the accountability board
            </Link>
          )}
          <button type="button" className="btn btn-outline-light" onClick={onMinimise}>
            Minimise{others > 0 ? ` (${others} more alert${others === 1 ? '' : 's'} in force)` : ''}
          </button>
        </div>
      </div>
      {alert.drill && <DrillBanner />}
    </div>
  );
}
