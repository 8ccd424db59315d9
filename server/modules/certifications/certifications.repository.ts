import { and, asc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { roleGrants, sroAssignments, sroCertifications, users } from '../../db/schema/index.js';
import type { SroInfo } from './certifications.policy.js';

const { legacyDocument: _document, ...metaColumns } = getTableColumns(sroCertifications);
const columns = { c: metaColumns, userName: users.name, badgeNumber: users.badgeNumber };
/** A certification row (without its document bytes) with its SRO's name. */
export type CertificationRow = Awaited<ReturnType<typeof findCertifications>>[number];

/** SROs of the district (sro grants) with the schools they serve (school grants and assignments). */
export async function findSros(db: Db, districtId: string, userIds?: string[]): Promise<SroInfo[]> {
  const rows = await db.select({
    id: users.id,
    districtWide: sql<boolean>`bool_or(${roleGrants.schoolId} is null)`,
    schoolIds: sql<string[]>`array_remove(array_agg(distinct ${roleGrants.schoolId}) || array(select a.school_id from ${sroAssignments} a where a.user_id = ${users.id}), null)`,
  }).from(users).innerJoin(roleGrants, and(eq(roleGrants.userId, users.id), eq(roleGrants.role, 'sro')))
    .where(and(eq(users.districtId, districtId), userIds ? inArray(users.id, userIds.length ? userIds : ['00000000-0000-0000-0000-000000000000']) : undefined))
    .groupBy(users.id);
  return rows.map((r) => ({ ...r, schoolIds: r.schoolIds.map(String) }));
}

/** Certifications of some users of the district, by person, kind and issue date. */
export async function findCertifications(db: Db, districtId: string, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db.select(columns).from(sroCertifications).innerJoin(users, eq(users.id, sroCertifications.userId))
    .where(and(eq(sroCertifications.districtId, districtId), inArray(sroCertifications.userId, userIds)))
    .orderBy(asc(users.name), asc(sroCertifications.kind), asc(sroCertifications.issuedOn));
}

/** One certification of the district (without its document). */
export async function findCertification(db: Db, districtId: string, id: string) {
  const [row] = await db.select(columns).from(sroCertifications).innerJoin(users, eq(users.id, sroCertifications.userId))
    .where(and(eq(sroCertifications.id, id), eq(sroCertifications.districtId, districtId)));
  return row;
}

/** The document of a certification. */
export async function findDocument(db: Db, districtId: string, id: string) {
  const [row] = await db.select({ userId: sroCertifications.userId, documentKey: sroCertifications.documentKey, legacyDocument: sroCertifications.legacyDocument, name: sroCertifications.documentName, type: sroCertifications.documentType })
    .from(sroCertifications).where(and(eq(sroCertifications.id, id), eq(sroCertifications.districtId, districtId)));
  return row;
}

/** Inserts a certification; answers its id. */
export async function insertCertification(db: Db, values: typeof sroCertifications.$inferInsert) {
  const [row] = await db.insert(sroCertifications).values(values).returning({ id: sroCertifications.id });
  return row!.id;
}

/** Changes a certification. */
export async function updateCertification(db: Db, id: string, values: Partial<typeof sroCertifications.$inferInsert>) {
  await db.update(sroCertifications).set({ ...values, updatedAt: new Date() }).where(eq(sroCertifications.id, id));
}
