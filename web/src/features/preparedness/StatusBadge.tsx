import type { RuleStatus } from '@common/preparedness.ts';
import { STATUS_LOOK } from './labels.ts';

/** A compliance status as a coloured badge with a symbol and its word (colour is never the only signal). */
export function StatusBadge({ status }: { status: RuleStatus }) {
  const look = STATUS_LOOK[status];
  return (
    <span className={`badge badge-${look.tone} status-badge`}>
      <span aria-hidden="true" className="status-symbol">
        {look.symbol}
      </span>{' '}
      {look.label}
    </span>
  );
}
