import { MANDATORY_KINDS, type NotificationKind } from '../../../common/notifications.js';
import { AppError } from '../../lib/errors.js';

// Pure rules of notifications: the channels a user gets for a kind, and what may not be turned off.

/** A user's channels for one kind. */
export interface Channels { inApp: boolean; email: boolean; sms: boolean }

/**
 * The channels of a kind for one user: the stored choice, the defaults (app and e-mail on, SMS off), and mandatory
 * kinds always on every channel (SMS reaches only those with a mobile number).
 */
export function channelsOf(kind: NotificationKind, stored: Channels | undefined): Channels {
  if (MANDATORY_KINDS.includes(kind)) return { inApp: true, email: true, sms: true };
  return stored ? { inApp: stored.inApp, email: stored.email, sms: stored.sms } : { inApp: true, email: true, sms: false };
}

/** Life-safety tips, alerts and escalations cannot be turned off, on any channel. */
export function requireChangeable(kind: NotificationKind, value: { inApp: boolean; email: boolean; sms?: boolean }): void {
  if (MANDATORY_KINDS.includes(kind) && (!value.inApp || !value.email || value.sms === false)) {
    throw new AppError('validation_failed', 'kind: life-safety tips, alerts and escalations cannot be turned off', { field: 'kind' });
  }
}

/** The step of an escalation chain a record waiting `waitedMs` has reached (0: none yet), at most `steps`. */
export function dueStep(waitedMs: number, minutes: number, steps: number): number {
  return Math.min(steps, Math.floor(waitedMs / (minutes * 60_000)));
}
