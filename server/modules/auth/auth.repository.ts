import { eq, inArray, sql } from 'drizzle-orm';
import { forgetSessions } from '../../auth/sessions.js';
import type { Db } from '../../db/connection.js';
import { districts, schools, signInThrottle, users } from '../../db/schema/index.js';

/** The user with this e-mail (case-insensitive), or undefined. */
export async function findUserByEmail(db: Db, email: string) {
  const [user] = await db.select().from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return user;
}

/** The user with this id, or undefined. */
export async function findUserById(db: Db, id: string) {
  const [user] = await db.select().from(users).where(eq(users.id, id));
  return user;
}

/**
 * Records `step` as the user's last accepted TOTP step when it is newer than the stored one, in one
 * conditional update so two requests racing with the same code cannot both succeed. True when claimed.
 */
export async function claimTotpStep(db: Db, userId: string, step: number): Promise<boolean> {
  const rows = await db.update(users).set({ mfaLastStep: step })
    .where(sql`${users.id} = ${userId} and (${users.mfaLastStep} is null or ${users.mfaLastStep} < ${step})`)
    .returning({ id: users.id });
  return rows.length === 1;
}

/** The throttle row for an e-mail address, or undefined. */
export async function findThrottle(db: Db, email: string) {
  const [row] = await db.select().from(signInThrottle).where(eq(signInThrottle.email, email));
  return row;
}

/** Records one more failed attempt and returns the new count; sets the lock when `lockUntil` is given. */
export async function recordFailure(db: Db, email: string, now: Date, lockUntil: (count: number) => Date | null) {
  const [row] = await db
    .insert(signInThrottle)
    .values({ email, failedCount: 1, updatedAt: now })
    .onConflictDoUpdate({
      target: signInThrottle.email,
      set: { failedCount: sql`${signInThrottle.failedCount} + 1`, updatedAt: now },
    })
    .returning({ failedCount: signInThrottle.failedCount });
  const count = row?.failedCount ?? 1;
  const until = lockUntil(count);
  if (until) {
    await db.update(signInThrottle).set({ lockedUntil: until, failedCount: 0 }).where(eq(signInThrottle.email, email));
  }
  return { count, lockedUntil: until };
}

/** Clears the failure counter after a successful sign-in. */
export async function clearThrottle(db: Db, email: string) {
  await db.delete(signInThrottle).where(eq(signInThrottle.email, email));
}

/** Changes fields of a user row; cached sessions of the user are dropped since they carry these fields. */
export async function updateUser(db: Db, id: string, values: Partial<typeof users.$inferInsert>) {
  forgetSessions(id);
  await db.update(users).set({ ...values, updatedAt: new Date() }).where(eq(users.id, id));
}

/** The district row. */
export async function findDistrict(db: Db, id: string) {
  const [row] = await db
    .select({ id: districts.id, name: districts.name, isDemo: districts.isDemo, timeZone: districts.timezone })
    .from(districts)
    .where(eq(districts.id, id));
  return row;
}

/** Schools of the district, all of them or only those listed, ordered by name. */
export async function findSchoolsBrief(db: Db, districtId: string, only: string[] | null) {
  const query = db.select({ id: schools.id, name: schools.name, level: schools.level }).from(schools);
  if (only === null) return query.where(eq(schools.districtId, districtId)).orderBy(schools.name);
  if (only.length === 0) return [];
  return query.where(inArray(schools.id, only)).orderBy(schools.name);
}
