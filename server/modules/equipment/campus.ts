import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { campusAreas, users } from '../../db/schema/index.js';
import { AppError } from '../../lib/errors.js';

// Checks shared by the campus-security modules (equipment, security systems, assessments): a location must be an
// area of the record's own school and a named person a user of the district, else 400 naming the field.

/** Throws 400 naming `field` unless `areaId` is an active campus area of `schoolId`. */
export async function requireArea(db: Db, schoolId: string, areaId: string | null | undefined, field = 'areaId') {
  if (!areaId) return null;
  const [area] = await db.select({ id: campusAreas.id, name: campusAreas.name }).from(campusAreas)
    .where(and(eq(campusAreas.id, areaId), eq(campusAreas.schoolId, schoolId), eq(campusAreas.active, true)));
  if (!area) throw new AppError('validation_failed', `${field}: not a campus area of the school`, { field });
  return area;
}

/** Throws 400 naming `field` unless `userId` is an active user of the district. */
export async function requireDistrictUser(db: Db, districtId: string, userId: string | null | undefined, field: string) {
  if (!userId) return null;
  const [user] = await db.select({ id: users.id, name: users.name, email: users.email }).from(users)
    .where(and(eq(users.id, userId), eq(users.districtId, districtId), eq(users.active, true)));
  if (!user) throw new AppError('validation_failed', `${field}: not an active user of the district`, { field });
  return user;
}
