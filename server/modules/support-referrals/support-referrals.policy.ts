import type { ReferralOverdue, ReferralReceiverKind, ReferralStatus } from '../../../common/support.js';
import { canAtSchool, type Actor } from '../../auth/access.js';

/** The signed-in user as referral rules see them: vendor staff carry their organization. */
export interface Viewer {
  actor: Actor;
  /** The directory entry the account works for (a contracted vendor's staff), or null for district staff. */
  organizationId: string | null;
}

/** What the rules need of a referral. */
export interface ReferralAccess {
  schoolId: string;
  referredBy: string;
  receiverKind: ReferralReceiverKind;
  counselorId: string | null;
  vendorId: string | null;
  /** The receiving organization has active user accounts (its staff close the loop themselves). */
  vendorHasStaff: boolean;
}

/**
 * True when the viewer handles the referral (accept, decline, schedule, close, clinical notes): the receiving
 * counselor; for a directory receiver its staff, or, when it has no accounts, a school counselor of the school
 * acting as liaison. Never the referrer.
 */
export function canHandle(viewer: Viewer, r: ReferralAccess): boolean {
  const { actor, organizationId } = viewer;
  if (!canAtSchool(actor, 'referral.manage', r.schoolId)) return false;
  if (organizationId) return r.vendorId === organizationId;
  if (r.receiverKind === 'counselor') return r.counselorId === actor.userId;
  return !r.vendorHasStaff && r.referredBy !== actor.userId;
}

/** Why the viewer may see the referral, or null when they may not (answered as 404). */
export function whyVisible(viewer: Viewer, r: ReferralAccess): 'sent' | 'received' | 'oversight' | null {
  const { actor, organizationId } = viewer;
  if (organizationId) return r.vendorId === organizationId && canAtSchool(actor, 'referral.read', r.schoolId) ? 'received' : null;
  if (canHandle(viewer, r)) return 'received';
  if (r.referredBy === actor.userId) return 'sent';
  if (canAtSchool(actor, 'referral.oversee', r.schoolId)) return 'oversight';
  return null;
}

/** Why an open referral stands out on `today`: not accepted by its accept-by day, or not closed by its due date. */
export function overdueOf(r: { status: ReferralStatus; acceptBy: string; dueOn: string }, today: string): ReferralOverdue | null {
  if (r.status === 'pending' && r.acceptBy < today) return 'acceptance';
  if ((r.status === 'pending' || r.status === 'accepted' || r.status === 'scheduled') && r.dueOn < today) return 'closure';
  return null;
}

/** The day `days` after `day` (YYYY-MM-DD). */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The statuses an action may start from. */
export const ACTION_FROM: Record<'accept' | 'decline' | 'schedule' | 'close' | 'note', readonly ReferralStatus[]> = {
  accept: ['pending'],
  decline: ['pending'],
  schedule: ['accepted', 'scheduled'],
  close: ['accepted', 'scheduled'],
  note: ['pending', 'accepted', 'scheduled', 'closed'],
};
