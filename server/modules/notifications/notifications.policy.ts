import { MANDATORY_KINDS, type NotificationKind } from '../../../common/notifications.js';
import { AppError } from '../../lib/errors.js';

// Pure rules of notifications: the channels a user gets for a kind, and what may not be turned off.

/** The channels of a kind for one user: the stored choice, the defaults (both on), and mandatory kinds always on. */
export function channelsOf(kind: NotificationKind, stored: { inApp: boolean; email: boolean } | undefined): { inApp: boolean; email: boolean } {
  if (MANDATORY_KINDS.includes(kind)) return { inApp: true, email: true };
  return stored ?? { inApp: true, email: true };
}

/** Life-safety tips, alerts and escalations cannot be turned off, on either channel. */
export function requireChangeable(kind: NotificationKind, value: { inApp: boolean; email: boolean }): void {
  if (MANDATORY_KINDS.includes(kind) && (!value.inApp || !value.email)) {
    throw new AppError('validation_failed', 'kind: life-safety tips, alerts and escalations cannot be turned off', { field: 'kind' });
  }
}

/** The step of an escalation chain a record waiting `waitedMs` has reached (0: none yet), at most `steps`. */
export function dueStep(waitedMs: number, minutes: number, steps: number): number {
  return Math.min(steps, Math.floor(waitedMs / (minutes * 60_000)));
}
