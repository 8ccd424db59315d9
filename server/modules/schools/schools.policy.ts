import { scopeOf, type Actor } from '../../auth/access.js';
import { AppError } from '../../lib/errors.js';

/** Adding a school changes the district itself, so it needs `school.manage` district-wide. */
export function requireDistrictSchoolManager(actor: Actor): void {
  if (!scopeOf(actor, 'school.manage').all) throw new AppError('forbidden', 'Only district-wide roles add schools');
}
