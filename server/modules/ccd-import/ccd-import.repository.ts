import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { districts, schools } from '../../db/schema/index.js';

/** The district's NCES id (LEAID), or null. */
export async function findLeaid(db: Db, districtId: string): Promise<string | null> {
  const [row] = await db.select({ ncesId: districts.ncesId }).from(districts).where(eq(districts.id, districtId));
  return row?.ncesId ?? null;
}

/** Every school of the district (open or closed). */
export async function findSchools(db: Db, districtId: string) {
  return db.select().from(schools).where(eq(schools.districtId, districtId));
}

/** NCES ids among `ncesIds` held by schools of other districts of this deployment. */
export async function findForeignNcesIds(db: Db, districtId: string, ncesIds: string[]): Promise<Set<string>> {
  if (ncesIds.length === 0) return new Set();
  const rows = await db.select({ ncesId: schools.ncesId }).from(schools)
    .where(and(inArray(schools.ncesId, ncesIds), ne(schools.districtId, districtId)));
  return new Set(rows.map((r) => r.ncesId));
}

/** Inserts new schools; answers their ids by NCES id. */
export async function insertSchools(db: Db, rows: (typeof schools.$inferInsert)[]) {
  if (rows.length === 0) return [];
  return db.insert(schools).values(rows).returning({ id: schools.id, ncesId: schools.ncesId });
}

/** Changes one school of the district. */
export async function updateSchool(db: Db, districtId: string, id: string, values: Partial<typeof schools.$inferInsert>) {
  await db.update(schools).set({ ...values, updatedAt: new Date() }).where(and(eq(schools.id, id), eq(schools.districtId, districtId)));
}
