import type { DrillStatus } from '../../../common/preparedness.js';
import { AppError } from '../../lib/errors.js';

/** A drill cannot have happened in the future. */
export function requirePastIfCompleted(status: DrillStatus, date: string, today: string): void {
  if (status === 'completed' && date > today) {
    throw new AppError('validation_failed', 'date: a completed drill cannot be dated after today', { field: 'date' });
  }
}

/**
 * Allowed changes of status: a scheduled drill is conducted (completed) or cancelled (with a reason); a
 * completed drill stays completed (correct its details instead); a cancelled one can be scheduled again.
 */
export function requireTransition(from: DrillStatus, to: DrillStatus, cancelledReason: string | null | undefined): void {
  if (from === to) return;
  const allowed = (from === 'scheduled' && (to === 'completed' || to === 'cancelled')) || (from === 'cancelled' && to === 'scheduled');
  if (!allowed) throw new AppError('validation_failed', `status: a ${from} drill cannot become ${to}`, { field: 'status' });
  if (to === 'cancelled' && !cancelledReason) {
    throw new AppError('validation_failed', 'cancelledReason: say why the drill was cancelled', { field: 'cancelledReason' });
  }
}
