import type { TipOutcome, TipStatus } from '@common/tip-constants.ts';

/** Staff-facing names of tip statuses. */
export const TIP_STATUS_LABELS: Record<TipStatus, string> = {
  new: 'New',
  acknowledged: 'Acknowledged',
  investigating: 'Investigating',
  closed: 'Closed',
};

/** Staff-facing names of outcomes. */
export const TIP_OUTCOME_LABELS: Record<TipOutcome, string> = {
  resolved: 'Resolved',
  referred: 'Referred',
  unfounded: 'Unfounded',
  hoax: 'Hoax',
  duplicate: 'Duplicate',
  insufficient_information: 'Not enough information',
};

/** Badge colour of a status. */
export function tipStatusTone(status: TipStatus): 'danger' | 'warning' | 'info' | 'neutral' {
  if (status === 'new') return 'danger';
  if (status === 'acknowledged') return 'warning';
  if (status === 'investigating') return 'info';
  return 'neutral';
}
