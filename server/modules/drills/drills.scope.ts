import { and, eq, inArray, isNull, or, type Column, type SQL } from 'drizzle-orm';
import type { Permission } from '../../../common/permissions.js';
import { isDistrictWide, requireSchool, type Actor, type Scope } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import { schools } from '../../db/schema/index.js';
import { AppError, notFound } from '../../lib/errors.js';

// Scope helpers shared by the preparedness modules (calendars, rules, drills, compliance, plans, training).

const NO_SCHOOL = '00000000-0000-0000-0000-000000000000';

/** `column` within the scope's schools (any school for a district-wide scope). */
export function inScope(column: Column, scope: Scope): SQL | undefined {
  if (scope.all) return undefined;
  return inArray(column, scope.schoolIds.length ? scope.schoolIds : [NO_SCHOOL]);
}

/** `column` within the scope's schools, or null (a district-level record everyone in the district sees). */
export function inScopeOrDistrict(column: Column, scope: Scope): SQL | undefined {
  if (scope.all) return undefined;
  return or(isNull(column), inArray(column, scope.schoolIds.length ? scope.schoolIds : [NO_SCHOOL]));
}

/** One school of the district (name and level), or undefined. */
export async function findDistrictSchool(db: Db, districtId: string, id: string) {
  const [row] = await db.select({ id: schools.id, name: schools.name, level: schools.level }).from(schools)
    .where(and(eq(schools.id, id), eq(schools.districtId, districtId)));
  return row;
}

/**
 * Checks the actor may change a record of `schoolId`, or of the district when null (that needs a
 * district-wide grant carrying the permission: 403 naming schoolId otherwise). A school outside the
 * actor's scope or district reads as not found.
 */
export async function requireTarget(db: Db, actor: Actor, permission: Permission, schoolId: string | null) {
  if (schoolId === null) {
    if (!isDistrictWide(actor, permission)) {
      throw new AppError('forbidden', 'A district-wide record needs a district-wide role', { field: 'schoolId' });
    }
    return null;
  }
  requireSchool(actor, permission, schoolId, 'School');
  const school = await findDistrictSchool(db, actor.districtId, schoolId);
  if (!school) throw notFound('School');
  return school;
}
