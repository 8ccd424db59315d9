import type { ReferralStatus, ReferralSummary } from '@common/support.ts';
import { formatDay } from '../../lib/format.ts';

export const REFERRAL_STATUS_LABELS: Record<ReferralStatus, string> = {
  pending: 'Waiting for acceptance',
  accepted: 'Accepted',
  scheduled: 'Scheduled',
  closed: 'Closed',
  declined: 'Declined',
};

export const REFERRAL_STATUS_TONE: Record<
  ReferralStatus,
  'neutral' | 'info' | 'success' | 'warning' | 'danger'
> = {
  pending: 'warning',
  accepted: 'info',
  scheduled: 'info',
  closed: 'success',
  declined: 'neutral',
};

export const URGENCY_LABELS = { routine: 'Routine', urgent: 'Urgent', emergency: 'Emergency' } as const;

/** Why a referral is overdue, in words, or null. */
export function overdueText(r: ReferralSummary): string | null {
  if (r.overdue === 'acceptance') return `Overdue: not accepted by ${formatDay(r.acceptBy)}`;
  if (r.overdue === 'closure') return `Overdue: not closed by ${formatDay(r.dueOn)}`;
  return null;
}
