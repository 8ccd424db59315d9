import { and, count, eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { districts, schools, students, users } from '../../db/schema/index.js';
import type { UpdateDistrict } from './district.schemas.js';

/** The district row, or undefined; `forUpdate` holds it until the transaction ends. */
export async function findDistrict(db: Db, districtId: string, options: { forUpdate?: boolean } = {}) {
  const query = db.select().from(districts).where(eq(districts.id, districtId));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

/** How many open schools, active users and active students the district has. */
export async function countDistrict(db: Db, districtId: string) {
  const [[s], [u], [st]] = await Promise.all([
    db.select({ n: count() }).from(schools).where(and(eq(schools.districtId, districtId), eq(schools.active, true))),
    db.select({ n: count() }).from(users).where(and(eq(users.districtId, districtId), eq(users.active, true))),
    db.select({ n: count() }).from(students).where(and(eq(students.districtId, districtId), eq(students.active, true))),
  ]);
  return { schools: s?.n ?? 0, users: u?.n ?? 0, students: st?.n ?? 0 };
}

/** Updates the district's settings. */
export async function updateDistrict(db: Db, districtId: string, input: UpdateDistrict) {
  const [row] = await db.update(districts).set({ ...input, updatedAt: new Date() }).where(eq(districts.id, districtId)).returning();
  return row;
}
