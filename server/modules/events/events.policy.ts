import { MAX_EVENT_HOURS } from '../../../common/events.js';
import { AppError } from '../../lib/errors.js';
import { endOfDay, startOfDay } from '../../lib/district-time.js';

/** Refuses an event that does not end after it starts, or lasts longer than MAX_EVENT_HOURS (400 naming endsAt). */
export function requireEventTimes(startsAt: Date, endsAt: Date): void {
  if (endsAt.getTime() <= startsAt.getTime()) {
    throw new AppError('validation_failed', 'endsAt: must be after startsAt', { field: 'endsAt' });
  }
  if (endsAt.getTime() - startsAt.getTime() > MAX_EVENT_HOURS * 3_600_000) {
    throw new AppError('validation_failed', `endsAt: an event lasts at most ${MAX_EVENT_HOURS} hours`, { field: 'endsAt' });
  }
}

/** Whole minutes between two instants (the duration of a covered event in the activity log). */
export function minutesBetween(start: Date, end: Date): number {
  return Math.max(1, Math.round((end.getTime() - start.getTime()) / 60_000));
}

/** The district-day range [from 00:00, day after `to` 00:00) in `timeZone`; from today when `from` is absent. */
export function dayRange(today: string, from: string | undefined, to: string | undefined, timeZone: string): { from: Date; to?: Date } {
  const start = startOfDay(from ?? today, timeZone);
  if (!to) return { from: start };
  const end = endOfDay(to, timeZone);
  if (end <= start) throw new AppError('validation_failed', 'to: must not be before from', { field: 'to' });
  return { from: start, to: end };
}
