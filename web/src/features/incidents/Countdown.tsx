import { useEffect, useState } from 'react';
import { Badge } from '../../components/Badge.tsx';
import { formatDateTime } from '../../lib/format.ts';

/** "3 h 12 min", "2 d 4 h", "45 s": the rough size of a span of milliseconds. */
export function spanText(ms: number): string {
  const s = Math.floor(Math.abs(ms) / 1000);
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return `${d} d ${h} h`;
  if (h > 0) return `${h} h ${m} min`;
  if (m > 0) return `${m} min`;
  return `${s} s`;
}

/** The current time, refreshed every `everyMs`. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}

/**
 * Time left until a deadline (or how late it is), coloured by urgency. Screen readers get the deadline
 * itself, not a number that changes every minute.
 */
export function Countdown({ dueAt, done }: { dueAt: string; done?: boolean }) {
  const now = useNow();
  const due = new Date(dueAt).getTime();
  const left = due - now;
  const label = `due ${formatDateTime(dueAt)}`;
  if (done) return <Badge tone="success">Done</Badge>;
  if (left < 0)
    return (
      <span className="countdown" title={label}>
        <Badge tone="danger">Overdue by {spanText(left)}</Badge>
        <span className="visually-hidden">, {label}</span>
      </span>
    );
  return (
    <span className="countdown" title={label}>
      <Badge tone={left < 4 * 3600_000 ? 'warning' : 'info'}>{spanText(left)} left</Badge>
      <span className="visually-hidden">, {label}</span>
    </span>
  );
}
