import { and, asc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { directoryOrganizations, directoryOrganizationSchools, schools } from '../../db/schema/index.js';

/** A directory row. */
export type DirectoryRow = typeof directoryOrganizations.$inferSelect;

/** Entries of the district matching the filter, by name. */
export async function findEntries(db: Db, districtId: string, filter: { kind?: string; schoolId?: string; q?: string; active?: boolean; id?: string }) {
  const servesSchool = filter.schoolId
    ? or(
      sql`not exists (select 1 from ${directoryOrganizationSchools} where ${directoryOrganizationSchools.organizationId} = ${directoryOrganizations.id})`,
      sql`exists (select 1 from ${directoryOrganizationSchools} where ${directoryOrganizationSchools.organizationId} = ${directoryOrganizations.id} and ${directoryOrganizationSchools.schoolId} = ${filter.schoolId})`,
    )
    : undefined;
  const pattern = filter.q ? `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  return db.select().from(directoryOrganizations).where(and(
    eq(directoryOrganizations.districtId, districtId),
    filter.id ? eq(directoryOrganizations.id, filter.id) : undefined,
    filter.kind ? eq(directoryOrganizations.kind, filter.kind) : undefined,
    filter.active === undefined ? undefined : eq(directoryOrganizations.active, filter.active),
    pattern ? or(ilike(directoryOrganizations.name, pattern), ilike(directoryOrganizations.services, pattern), ilike(directoryOrganizations.contactName, pattern)) : undefined,
    servesSchool,
  )).orderBy(asc(directoryOrganizations.name)).limit(500);
}

/** The schools each entry serves, by entry id. */
export async function findServedSchools(db: Db, organizationIds: string[]) {
  if (organizationIds.length === 0) return new Map<string, { id: string; name: string }[]>();
  const rows = await db.select({ organizationId: directoryOrganizationSchools.organizationId, id: schools.id, name: schools.name })
    .from(directoryOrganizationSchools).innerJoin(schools, eq(schools.id, directoryOrganizationSchools.schoolId))
    .where(inArray(directoryOrganizationSchools.organizationId, organizationIds)).orderBy(asc(schools.name));
  const byOrg = new Map<string, { id: string; name: string }[]>();
  for (const r of rows) byOrg.set(r.organizationId, [...(byOrg.get(r.organizationId) ?? []), { id: r.id, name: r.name }]);
  return byOrg;
}

/** The ids among `ids` that are schools of the district. */
export async function findDistrictSchoolIds(db: Db, districtId: string, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await db.select({ id: schools.id }).from(schools).where(and(eq(schools.districtId, districtId), inArray(schools.id, ids)));
  return rows.map((r) => r.id);
}

/** Inserts an entry. */
export async function insertEntry(db: Db, values: typeof directoryOrganizations.$inferInsert) {
  const [row] = await db.insert(directoryOrganizations).values(values).returning({ id: directoryOrganizations.id });
  return row!.id;
}

/** Changes an entry. */
export async function updateEntry(db: Db, id: string, values: Partial<typeof directoryOrganizations.$inferInsert>) {
  await db.update(directoryOrganizations).set({ ...values, updatedAt: new Date() }).where(eq(directoryOrganizations.id, id));
}

/** Replaces the schools an entry serves. */
export async function setServedSchools(db: Db, organizationId: string, schoolIds: string[]) {
  await db.delete(directoryOrganizationSchools).where(eq(directoryOrganizationSchools.organizationId, organizationId));
  if (schoolIds.length) await db.insert(directoryOrganizationSchools).values(schoolIds.map((schoolId) => ({ organizationId, schoolId })));
}
