import { eq, inArray, sql } from 'drizzle-orm';
import { forgetSessions } from '../../auth/sessions.js';
import { rows, type Db } from '../../db/connection.js';
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

/** The throttle row for a key (an e-mail address), or undefined. */
export async function findThrottle(db: Db, email: string) {
  const [row] = await db.select().from(signInThrottle).where(eq(signInThrottle.email, email));
  return row;
}

/**
 * Reserves one password (or code) check for `key` before the slow hash, in one statement: the row's
 * `updated_at` is the start of the current window and `failed_count` the checks reserved in it. A window over
 * `windowMs` old starts again at 1; a window already holding `max` checks is left alone and nothing is
 * returned, so N parallel requests on any number of processes get at most `max` reservations (the upsert
 * takes the row lock). Returns the check's number in its window, or null when the budget is spent.
 */
export async function reserveAttempt(db: Db, key: string, now: Date, max: number, windowMs: number): Promise<number | null> {
  const at = now.toISOString();
  const windowStart = new Date(now.getTime() - windowMs).toISOString();
  const lockAt = new Date(now.getTime() + windowMs).toISOString();
  const result = await db.execute(sql`
    insert into sign_in_throttle as t (email, failed_count, locked_until, updated_at)
    values (${key}, 1, ${max <= 1 ? lockAt : null}::timestamptz, ${at}::timestamptz)
    on conflict (email) do update set
      failed_count = case when t.updated_at <= ${windowStart}::timestamptz then 1 else t.failed_count + 1 end,
      locked_until = case
        when t.updated_at <= ${windowStart}::timestamptz then ${max <= 1 ? lockAt : null}::timestamptz
        when t.failed_count + 1 >= ${max} then t.updated_at + ${`${windowMs} milliseconds`}::interval
        else null end,
      updated_at = case when t.updated_at <= ${windowStart}::timestamptz then ${at}::timestamptz else t.updated_at end
    where t.updated_at <= ${windowStart}::timestamptz or t.failed_count < ${max}
    returning t.failed_count`);
  const [row] = rows<{ failed_count: number }>(result);
  return row ? Number(row.failed_count) : null;
}

/** When the spent window of `key` opens again (null when it is not spent). */
export async function throttleReopensAt(db: Db, key: string, windowMs: number): Promise<Date | null> {
  const row = await findThrottle(db, key);
  return row ? new Date(row.updatedAt.getTime() + windowMs) : null;
}

/** When the budget of `key` opens again if it is spent now (`max` checks in the current window), else null. */
export async function spentUntil(db: Db, key: string, now: Date, max: number, windowMs: number): Promise<Date | null> {
  const row = await findThrottle(db, key);
  if (!row || row.failedCount < max) return null;
  const reopens = new Date(row.updatedAt.getTime() + windowMs);
  return reopens > now ? reopens : null;
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
    .select({ id: districts.id, name: districts.name, isDemo: districts.isDemo, timeZone: districts.timezone, lawEnforcementAgency: districts.lawEnforcementAgency })
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
