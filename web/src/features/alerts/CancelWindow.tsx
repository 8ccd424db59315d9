import { useEffect, useRef, useState } from 'react';
import { SRP } from '@common/srp.ts';
import type { Alert } from '@common/alerts.ts';
import { ButtonLink } from '../../components/Button.tsx';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { ApiError, api } from '../../lib/api.ts';
import { useAction } from '../../lib/hooks.ts';
import { actionName, formatTime, srpClass } from './srp.ts';
import { SrpIcon } from './SrpIcon.tsx';

/**
 * The cancel window after raising: one huge Cancel button counting down the seconds left before the
 * alert is announced. The countdown runs on this device's clock from the window length the server
 * stored (announceAt − raisedAt), so a skewed clock cannot shorten it.
 */
export function CancelWindow({ initial, onRaiseAnother }: { initial: Alert; onRaiseAnother: () => void }) {
  const [alert, setAlert] = useState(initial);
  const windowMs = Math.max(0, Date.parse(initial.announceAt) - Date.parse(initial.raisedAt));
  const [deadline] = useState(() => Date.now() + windowMs);
  const [left, setLeft] = useState(windowMs);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const [tooLate, setTooLate] = useState(false);

  useEffect(() => {
    cancelButton.current?.focus();
    const timer = window.setInterval(() => {
      const remaining = Math.max(0, deadline - Date.now());
      setLeft(remaining);
      if (remaining === 0) window.clearInterval(timer);
    }, 100);
    return () => window.clearInterval(timer);
  }, [deadline]);

  // Once the window has passed, ask the server what became of the alert (announced, normally).
  const pending = alert.status === 'pending';
  const expired = left === 0;
  useEffect(() => {
    if (!pending || !expired) return;
    let stop = false;
    let timer: number | undefined;
    const poll = () => {
      api.get<Alert>(`/alerts/${alert.id}`).then(
        (fresh) => {
          if (stop) return;
          if (fresh.status === 'pending') timer = window.setTimeout(poll, 500);
          else setAlert(fresh);
        },
        () => {
          if (!stop) timer = window.setTimeout(poll, 1000);
        },
      );
    };
    timer = window.setTimeout(poll, 300);
    return () => {
      stop = true;
      window.clearTimeout(timer);
    };
  }, [pending, expired, alert.id]);

  const cancel = useAction(async () => {
    try {
      setAlert(await api.post<Alert>(`/alerts/${alert.id}/cancel`));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'conflict') {
        setTooLate(true);
        setAlert(await api.get<Alert>(`/alerts/${alert.id}`));
        return;
      }
      throw error;
    }
  });

  const seconds = Math.ceil(left / 1000);
  const name = `${alert.drill ? 'drill ' : ''}${actionName(alert.action).toLowerCase()}`;

  if (alert.status === 'cancelled') {
    return (
      <div className="cancel-window" data-alert-id={alert.id} data-alert-status="cancelled">
        <div className="alert-header-card is-ended" role="status">
          <h2>
            <SrpIcon action={alert.action} /> Cancelled
          </h2>
          <p>
            The {name} was cancelled at {formatTime(alert.cancelledAt)} and was not announced. It stays on
            record.
          </p>
        </div>
        <div className="row">
          <ButtonLink to={`/alerts/${alert.id}`}>See the record</ButtonLink>
          <button type="button" className="btn btn-secondary" onClick={onRaiseAnother}>
            Raise another alert
          </button>
        </div>
      </div>
    );
  }

  if (alert.status !== 'pending') {
    return (
      <div className="cancel-window" data-alert-id={alert.id} data-alert-status={alert.status}>
        <div className={`alert-header-card ${srpClass(alert.action)}`} role="status">
          <h2>
            <SrpIcon action={alert.action} /> {SRP[alert.action].term}
            {alert.drill && <span className="drill-tag">DRILL</span>}
          </h2>
          <p>
            {tooLate ? 'Too late to cancel: ' : ''}
            The {name} was announced at {formatTime(alert.announcedAt)} to the staff of{' '}
            {alert.schools.map((s) => s.name).join(', ')}.{' '}
            {tooLate && 'An SRO, an administrator or the district ends it with All Clear.'}
          </p>
        </div>
        <div className="row">
          <ButtonLink variant="primary" to={`/alerts/${alert.id}`}>
            Open the alert
          </ButtonLink>
        </div>
      </div>
    );
  }

  return (
    <div className="cancel-window" data-alert-id={alert.id} data-alert-status="pending">
      <p className="alert-detail" aria-hidden="true">
        {expired
          ? `Announcing the ${name}…`
          : `The ${name} will be announced in ${seconds} second${seconds === 1 ? '' : 's'}.`}
      </p>
      <p className="visually-hidden" role="status">
        The {name} will be announced in {Math.ceil(windowMs / 1000)} seconds unless you press Cancel.
      </p>
      <button
        ref={cancelButton}
        type="button"
        className="cancel-button"
        onClick={() => void cancel.run()}
        disabled={cancel.busy || expired}
      >
        CANCEL
        <span className="cancel-count" aria-hidden="true">
          {expired ? 'announcing…' : `${seconds} s left`}
        </span>
      </button>
      <div className="cancel-meter" aria-hidden="true">
        <span style={{ width: `${windowMs ? (left / windowMs) * 100 : 0}%` }} />
      </div>
      <ErrorBanner error={cancel.error} />
    </div>
  );
}
