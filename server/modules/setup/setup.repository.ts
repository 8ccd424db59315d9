import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { districts, roleGrants, schools, setupTokens, users } from '../../db/schema/index.js';

/** True when the deployment holds at least one district. */
export async function anyDistrict(db: Db): Promise<boolean> {
  const [row] = await db.select({ id: districts.id }).from(districts).limit(1);
  return Boolean(row);
}

/** Serializes set-up attempts: two browsers finishing at once cannot both create "the first" district. */
export async function lockSetup(db: Db): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext('sro_desk_first_run_setup'))`);
}

/** Ends every unused link (a restart prints a new one) and stores the hash of a new one. */
export async function replaceTokens(db: Db, tokenHash: string, expiresAt: Date, now: Date): Promise<void> {
  await db.update(setupTokens).set({ usedAt: now }).where(isNull(setupTokens.usedAt));
  await db.insert(setupTokens).values({ tokenHash, expiresAt, createdAt: now });
}

/** The unused, unexpired link with this hash. */
export async function findLiveToken(db: Db, tokenHash: string, now: Date) {
  const [row] = await db.select().from(setupTokens)
    .where(and(eq(setupTokens.tokenHash, tokenHash), isNull(setupTokens.usedAt), gt(setupTokens.expiresAt, now)));
  return row;
}

/** Keeps the (sealed) authenticator secret offered on this link. */
export async function saveTokenSecret(db: Db, tokenHash: string, sealedSecret: string): Promise<void> {
  await db.update(setupTokens).set({ totpSecret: sealedSecret }).where(eq(setupTokens.tokenHash, tokenHash));
}

/** Marks every link used: after set-up no link works. */
export async function useAllTokens(db: Db, now: Date): Promise<void> {
  await db.update(setupTokens).set({ usedAt: now, totpSecret: null }).where(isNull(setupTokens.usedAt));
}

/** Inserts a district; answers its id. */
export async function insertDistrict(db: Db, values: { name: string; state: string; timezone: string; ncesId: string | null }) {
  const [row] = await db.insert(districts).values(values).returning({ id: districts.id });
  return row!.id;
}

/** Inserts the first administrator of a district with a district-wide sysadmin grant; answers the user id. */
export async function insertAdmin(db: Db, values: {
  districtId: string; name: string; email: string; passwordHash: string; mfaSecret: string | null; mfaEnabled: boolean;
  mfaLastStep: number | null; deploymentAdmin: boolean;
}) {
  const [row] = await db.insert(users).values({ ...values, title: 'District administrator' }).returning({ id: users.id });
  await db.insert(roleGrants).values({ userId: row!.id, role: 'sysadmin', schoolId: null });
  return row!.id;
}

/** The user's deployment flag and whether they hold a district-wide sysadmin grant. */
export async function deploymentAdminOf(db: Db, userId: string): Promise<boolean> {
  const [row] = await db.select({ flag: users.deploymentAdmin, active: users.active }).from(users)
    .innerJoin(roleGrants, and(eq(roleGrants.userId, users.id), eq(roleGrants.role, 'sysadmin'), isNull(roleGrants.schoolId)))
    .where(eq(users.id, userId));
  return Boolean(row?.flag && row.active);
}

/** Every district of the deployment with its open schools and active users. */
export async function listDistricts(db: Db) {
  return db.select({
    id: districts.id, name: districts.name, state: districts.state, timezone: districts.timezone, ncesId: districts.ncesId,
    createdAt: districts.createdAt,
    schools: sql<number>`(select count(*)::int from ${schools} where ${schools.districtId} = ${districts.id} and ${schools.active})`,
    users: sql<number>`(select count(*)::int from ${users} where ${users.districtId} = ${districts.id} and ${users.active})`,
  }).from(districts).orderBy(asc(districts.name));
}
