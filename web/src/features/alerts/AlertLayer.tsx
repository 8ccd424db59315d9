import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError, api } from '../../lib/api.ts';
import { useAction } from '../../lib/hooks.ts';
import { SRP } from '@common/srp.ts';
import type { Alert } from '@common/alerts.ts';
import { AlertOverlay, confirmReceived } from './AlertOverlay.tsx';
import { useLive } from './live.tsx';
import { actionName, formatTime, srpClass } from './srp.ts';
import { SrpIcon } from './SrpIcon.tsx';

/** One minimised alert: a coloured bar on every page with a button to show it full screen again. */
function AlertBar({ alert, onShow }: { alert: Alert; onShow: () => void }) {
  useEffect(() => confirmReceived(alert), [alert]);
  return (
    <div className={`alert-bar ${srpClass(alert.action)}`} role="region" aria-label="Alert in force">
      <p className="alert-bar-title">
        <SrpIcon action={alert.action} />
        {SRP[alert.action].term}
        {alert.drill && <span className="drill-tag">DRILL</span>}
        <span className="small">{alert.schools.map((s) => s.name).join(', ')}</span>
      </p>
      <div className="row">
        <Link className="btn btn-small btn-outline-light" to={`/alerts/${alert.id}`}>
          Details
        </Link>
        <button type="button" className="btn btn-small btn-on-color" onClick={onShow}>
          Show full screen
        </button>
      </div>
    </div>
  );
}

/**
 * My own alert still inside its cancel window after a page change or reconnection (the raise page with
 * its big Cancel button is gone): the countdown and a Cancel button stay at the top of every page.
 */
function PendingBar({ alert, onDone }: { alert: Alert; onDone: () => void }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(timer);
  }, []);
  const cancel = useAction(async () => {
    try {
      await api.post(`/alerts/${alert.id}/cancel`);
    } catch (error) {
      // Announced meanwhile: the full-screen alert takes over; nothing left to cancel here.
      if (!(error instanceof ApiError && error.code === 'conflict')) throw error;
    }
    onDone();
  });
  const seconds = Math.max(0, Math.ceil((Date.parse(alert.announceAt) - now) / 1000));
  return (
    <div
      className={`alert-bar ${srpClass(alert.action)}`}
      role="region"
      aria-label="Your alert in its cancel window"
    >
      <p className="alert-bar-title">
        <SrpIcon action={alert.action} />
        {SRP[alert.action].term}
        {alert.drill && <span className="drill-tag">DRILL</span>}
        <span className="small">{seconds > 0 ? `announced in ${seconds} s` : 'announcing…'}</span>
      </p>
      <button
        type="button"
        className="btn btn-on-color"
        onClick={() => void cancel.run()}
        disabled={cancel.busy}
      >
        Cancel this alert
      </button>
      {cancel.error && <p className="small">{cancel.error.message}</p>}
    </div>
  );
}

/** Shown only after the stream has been down a few seconds: a blip is not worth a warning. */
function ReconnectNotice() {
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const timer = window.setTimeout(() => setVisible(true), 3000);
    return () => window.clearTimeout(timer);
  }, []);
  if (!visible) return null;
  return (
    <p className="banner banner-warning live-warning">
      Live alerts are reconnecting… Alerts raised meanwhile will show as soon as the connection is back.
    </p>
  );
}

/** The "All clear" notice after an alert ended, until dismissed. */
function AllClearNotice({ alert, onDismiss }: { alert: Alert; onDismiss: () => void }) {
  return (
    <div className="all-clear-toast" data-all-clear={alert.id}>
      <p>
        ALL CLEAR{alert.drill ? ' (drill)' : ''}: the {actionName(alert.action).toLowerCase()} at{' '}
        {alert.schools.map((s) => s.name).join(', ')} ended
        {alert.clearedAt ? ` at ${formatTime(alert.clearedAt)}` : ''}
        {alert.clearedBy ? ` (${alert.clearedBy.name})` : ''}.
      </p>
      <button type="button" className="btn btn-small btn-outline-light" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}

/**
 * Everything the live connection puts on screen, above the pages: the full-screen alert, the bars of
 * minimised alerts, the All Clear notice and a warning while the connection is down.
 */
export function AlertLayer({ position }: { position: 'top' | 'overlay' }) {
  const { state, active, pending, dropPending, takeover, minimise, show, cleared, dismissCleared } =
    useLive();
  if (position === 'top') {
    return (
      <div className="alert-layer" data-live-state={state}>
        {pending.map((a) => (
          <PendingBar key={a.id} alert={a} onDone={() => dropPending(a.id)} />
        ))}
        {active
          .filter((a) => a.id !== takeover?.id)
          .map((a) => (
            <AlertBar key={a.id} alert={a} onShow={() => show(a.id)} />
          ))}
        {state === 'reconnecting' && <ReconnectNotice />}
      </div>
    );
  }
  return (
    <>
      <div aria-live="polite" role="status" className="notice-region">
        {cleared && !takeover && <AllClearNotice alert={cleared} onDismiss={dismissCleared} />}
      </div>
      {takeover && (
        <AlertOverlay
          key={takeover.id}
          alert={takeover}
          others={active.length - 1}
          onMinimise={() => minimise(takeover)}
        />
      )}
    </>
  );
}
