import { AppError } from '../../lib/errors.js';
import type { AssignmentKind } from './assignments.schemas.js';

/** True when `today` falls within the assignment's days (YYYY-MM-DD strings compare as dates). */
export function isCurrent(a: { startsOn: string; endsOn: string | null }, today: string): boolean {
  return a.startsOn <= today && (a.endsOn === null || a.endsOn >= today);
}

/** Refuses an assignment that ends before it starts. */
export function requireDateOrder(startsOn: string, endsOn: string | null | undefined): void {
  if (endsOn && endsOn < startsOn) {
    throw new AppError('validation_failed', 'endsOn must not be before startsOn', { field: 'endsOn' });
  }
}

/**
 * Refuses overlaps with the SRO's other assignments of the same days: one primary school at a time, and
 * never two assignments at the same school.
 */
export function requireNoOverlap(
  wanted: { kind: AssignmentKind; schoolId: string }, overlapping: { kind: AssignmentKind; schoolId: string }[],
): void {
  if (overlapping.some((o) => o.schoolId === wanted.schoolId)) {
    throw new AppError('conflict', 'The SRO already has an assignment at this school for these dates', { field: 'schoolId' });
  }
  if (wanted.kind === 'primary' && overlapping.some((o) => o.kind === 'primary')) {
    throw new AppError('conflict', 'The SRO already has a primary school for these dates', { field: 'kind' });
  }
}
