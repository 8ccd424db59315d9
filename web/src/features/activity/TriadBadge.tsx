import type { TriadRole } from '@common/activity.ts';
import { TRIAD_SHORT, triadLabel } from './labels.ts';

/** The triad role of an activity as a coloured badge (colour matches the hours chart). */
export function TriadBadge({ role }: { role: TriadRole }) {
  return (
    <span className={`triad-badge triad-${role}`} title={triadLabel(role)}>
      {TRIAD_SHORT[role]}
    </span>
  );
}
