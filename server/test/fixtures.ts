import type { Role } from '../../common/roles.js';
import { hashPassword } from '../auth/passwords.js';
import type { Database, Db } from '../db/connection.js';
import { districts, roleGrants, schools, users } from '../db/schema/index.js';

/** The password of fixture users unless a test gives another. */
export const TEST_PASSWORD = 'correct-horse-battery';

type DbLike = Database | Db;
const dbOf = (target: DbLike): Db => ('db' in target && 'migrate' in target ? target.db : (target as Db));

// argon2id costs ~50 ms a hash by design; each distinct password is hashed once per process instead of per user.
const hashes = new Map<string, Promise<string>>();
/** The argon2 hash of `password`, computed once per process. */
export function cachedPasswordHash(password: string): Promise<string> {
  let hash = hashes.get(password);
  if (!hash) {
    hash = hashPassword(password);
    hashes.set(password, hash);
  }
  return hash;
}

let counter = 0;
/** A short suffix unique within the process, for names that must not collide. */
export function uniqueSuffix(): string {
  counter += 1;
  return `${process.pid.toString(36)}${counter.toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
}

/** Inserts a district (a Database or a Drizzle handle, e.g. a transaction). No role must use two-step sign-in unless `mfaRequiredRoles` says so. */
export async function createDistrict(
  target: DbLike,
  values: Partial<typeof districts.$inferInsert> = {},
): Promise<typeof districts.$inferSelect> {
  const [row] = await dbOf(target).insert(districts).values({
    name: `Test ISD ${uniqueSuffix()}`, state: 'TX', mfaRequiredRoles: [], ...values,
  }).returning();
  return row!;
}

// NCES ids are unique nationally (a unique index); a random start keeps schools of different processes apart
// even when they share a database, as the benchmarks do.
let nces = 100_000_000_000 + Math.floor(Math.random() * 800_000_000_000);

/** Inserts a high school of `districtId`; any column may be overridden. */
export async function createSchool(
  target: DbLike,
  values: { districtId: string } & Partial<typeof schools.$inferInsert>,
): Promise<typeof schools.$inferSelect> {
  const [row] = await dbOf(target).insert(schools).values({
    ncesId: String(nces++), name: `Test High School ${uniqueSuffix()}`, level: 'high', gradeLow: 9, gradeHigh: 12,
    street: '1 Main St', city: 'Austin', state: 'TX', zip: '78701', phone: '512-555-0100', ...values,
  }).returning();
  return row!;
}

/** What `createUser` needs; a user without `districtId` gets a new district. */
export interface UserFixture {
  email: string;
  name?: string;
  password?: string;
  grants: { role: Role; schoolId: string | null }[];
  districtId?: string;
  badgeNumber?: string;
  mustChangePassword?: boolean;
  active?: boolean;
  /** Holds the per-person juvenile-records grant (PERSONAL_PERMISSIONS); no role gives it. */
  juvenileAccess?: boolean;
}

/** Inserts a user with role grants; the password defaults to TEST_PASSWORD. */
export async function createUser(target: DbLike, fixture: UserFixture): Promise<typeof users.$inferSelect> {
  const db = dbOf(target);
  const districtId = fixture.districtId ?? (await createDistrict(db)).id;
  const [row] = await db.insert(users).values({
    districtId,
    email: fixture.email,
    name: fixture.name ?? fixture.email.split('@')[0]!,
    badgeNumber: fixture.badgeNumber,
    passwordHash: await cachedPasswordHash(fixture.password ?? TEST_PASSWORD),
    mustChangePassword: fixture.mustChangePassword ?? false,
    active: fixture.active ?? true,
    juvenileAccessAt: fixture.juvenileAccess ? new Date() : null,
  }).returning();
  if (fixture.grants.length > 0) {
    await db.insert(roleGrants).values(fixture.grants.map((g) => ({ userId: row!.id, role: g.role, schoolId: g.schoolId })));
  }
  return row!;
}
