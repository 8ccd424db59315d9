import { MENTORING_TOPIC_LABELS, type MentoringTopic, type PartyBody } from '../../../common/mentoring.js';
import { AppError } from '../../lib/errors.js';
import { dayIn } from '../../lib/district-time.js';

// Pure rules of the mentoring module: who reads a private note, what a record may say, what the triad log shows.

/** A private note goes to its author and nobody else: not the supervisor, not the director, not a co-worker. */
export function noteFor(readerId: string, authorId: string, note: string | null): string | null {
  return readerId === authorId ? note : null;
}

/** A contact or mediation is recorded after it happened: 400 naming occurredAt when it lies in the future. */
export function requirePast(occurredAt: string, now: Date): Date {
  const at = new Date(occurredAt);
  if (at.getTime() > now.getTime()) throw new AppError('validation_failed', 'occurredAt: must not be in the future', { field: 'occurredAt' });
  return at;
}

/** A follow-up day comes on or after the mediation's district day. */
export function requireFollowUp(followUpOn: string | null | undefined, occurredAt: Date, timeZone: string): void {
  if (followUpOn && followUpOn < dayIn(timeZone, occurredAt)) {
    throw new AppError('validation_failed', 'followUpOn: must not be before the mediation', { field: 'followUpOn' });
  }
}

/** Each student is a party at most once. */
export function requireDistinctStudents(parties: PartyBody[]): string[] {
  const ids = parties.flatMap((p) => (p.kind === 'student' ? [p.studentId] : []));
  if (new Set(ids).size !== ids.length) throw new AppError('validation_failed', 'parties: a student is named twice', { field: 'parties' });
  return ids;
}

/**
 * The title of a contact in the triad activity log. The log is read more widely than the contact (activity.read), so it
 * names neither the student nor the note: only that mentoring happened and on what topic.
 */
export function contactTitle(topic: MentoringTopic): string {
  return `Mentoring contact: ${MENTORING_TOPIC_LABELS[topic].toLowerCase()}`;
}

/** The title of a mediation in the triad activity log: the number of parties, no names. */
export function mediationTitle(parties: PartyBody[]): string {
  const students = parties.filter((p) => p.kind === 'student').length;
  const others = parties.length - students;
  const counted = [students ? `${students} student${students === 1 ? '' : 's'}` : '', others ? `${others} other${others === 1 ? '' : 's'}` : '']
    .filter(Boolean).join(', ');
  return `Conflict mediation (${counted})`;
}
