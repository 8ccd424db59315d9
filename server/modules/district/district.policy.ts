import { isDistrictWide, type Actor } from '../../auth/access.js';
import { AppError } from '../../lib/errors.js';

/** District settings and security policy bind every school, so changing them needs a district-wide grant. */
export function requireDistrictManager(actor: Actor): void {
  if (!isDistrictWide(actor, 'district.manage')) throw new AppError('forbidden', 'Only district-wide roles change district settings');
}

/** True when two role lists hold the same roles, whatever their order. */
export function sameRoles(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join() === [...b].sort().join();
}
