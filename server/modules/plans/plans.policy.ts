import { ROLE_PERMISSIONS } from '../../../common/permissions.js';
import { ROLES, type Role } from '../../../common/roles.js';
import { canAtSchool, isDistrictWide, type Actor } from '../../auth/access.js';
import { AppError } from '../../lib/errors.js';

/** Roles expected to read (and acknowledge) safety plans: those holding plan.read. */
export const PLAN_READER_ROLES: Role[] = ROLES.filter((r) => ROLE_PERMISSIONS[r].includes('plan.read'));

/** Whether the actor may change a plan of `schoolId` (null: a district plan, which needs a district-wide grant). */
export function mayChangePlan(actor: Actor, permission: 'plan.manage' | 'plan.approve', schoolId: string | null): boolean {
  return schoolId === null ? isDistrictWide(actor, permission) : canAtSchool(actor, permission, schoolId);
}

/** The day the next annual review is due: a year after the last one (or after version 1). */
export function reviewDueOn(lastReviewedOn: string | null, firstVersionOn: string): string {
  const from = lastReviewedOn ?? firstVersionOn;
  return `${Number(from.slice(0, 4)) + 1}${from.slice(4)}`.replace(/-02-29$/, '-02-28');
}

/** Refuses an upload that is not a PDF by its first bytes. */
export function requirePdf(bytes: Buffer): void {
  if (bytes.length < 5 || bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
    throw new AppError('validation_failed', 'file: the upload is not a PDF', { field: 'file' });
  }
}

/** A review cannot be dated in the future. */
export function requireReviewDate(reviewedOn: string, today: string): void {
  if (reviewedOn > today) throw new AppError('validation_failed', 'reviewedOn: must not be after today', { field: 'reviewedOn' });
}

