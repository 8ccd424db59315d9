import { and, asc, count, eq, exists, ilike, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { Role } from '../../../common/roles.js';
import type { Scope } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import { roleGrants, schools, users } from '../../db/schema/index.js';
import type { GrantInput, ListUsersQuery } from './users.schemas.js';

// The columns a user is shown with: never the password hash or the TOTP secret.
const userColumns = {
  id: users.id, email: users.email, name: users.name, title: users.title, phone: users.phone,
  badgeNumber: users.badgeNumber, active: users.active, mfaEnabled: users.mfaEnabled, lastSignInAt: users.lastSignInAt,
  juvenileAccessAt: users.juvenileAccessAt, organizationId: users.organizationId,
};

/**
 * Users a scope reaches: everyone for a district-wide scope, else users holding a grant at one of the
 * scope's schools or a district-wide grant (so a principal sees their staff, the SRO and the district office).
 */
function visibleIn(db: Db, scope: Scope): SQL | undefined {
  if (scope.all) return undefined;
  const where = scope.schoolIds.length ? or(isNull(roleGrants.schoolId), inArray(roleGrants.schoolId, scope.schoolIds)) : isNull(roleGrants.schoolId);
  return exists(db.select({ one: roleGrants.id }).from(roleGrants).where(and(eq(roleGrants.userId, users.id), where)));
}

function listConditions(db: Db, districtId: string, scope: Scope, filter: Omit<ListUsersQuery, 'page' | 'pageSize'>) {
  const conditions = [eq(users.districtId, districtId), visibleIn(db, scope)];
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(users.name, pattern), ilike(users.email, pattern)));
  }
  if (filter.active) conditions.push(eq(users.active, filter.active === 'true'));
  if (filter.role || filter.schoolId) {
    const grant = [eq(roleGrants.userId, users.id)];
    if (filter.role) grant.push(eq(roleGrants.role, filter.role));
    if (filter.schoolId) grant.push(eq(roleGrants.schoolId, filter.schoolId));
    conditions.push(exists(db.select({ one: roleGrants.id }).from(roleGrants).where(and(...grant))));
  }
  return and(...conditions);
}

/** One page of the district's users within a scope, ordered by name, with the total count. */
export async function findUsers(db: Db, districtId: string, scope: Scope, filter: ListUsersQuery) {
  const where = listConditions(db, districtId, scope, filter);
  const [items, [counted]] = await Promise.all([
    db.select(userColumns).from(users).where(where).orderBy(asc(users.name), asc(users.id))
      .limit(filter.pageSize).offset((filter.page - 1) * filter.pageSize),
    db.select({ total: count() }).from(users).where(where),
  ]);
  return { items, total: counted?.total ?? 0 };
}

/** One user of the district within a scope, or undefined. */
export async function findUser(db: Db, districtId: string, scope: Scope, id: string) {
  const [row] = await db.select(userColumns).from(users)
    .where(and(eq(users.id, id), eq(users.districtId, districtId), visibleIn(db, scope)));
  return row;
}

/** The grants of some users of the district, with school names, district-wide ones first. */
export async function findGrants(db: Db, districtId: string, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db.select({ id: roleGrants.id, userId: roleGrants.userId, role: roleGrants.role, schoolId: roleGrants.schoolId, schoolName: schools.name })
    .from(roleGrants)
    .innerJoin(users, and(eq(users.id, roleGrants.userId), eq(users.districtId, districtId)))
    .leftJoin(schools, eq(schools.id, roleGrants.schoolId))
    .where(inArray(roleGrants.userId, userIds))
    .orderBy(asc(roleGrants.role), asc(schools.name));
}

/** Schools of the district among `ids`, with their names. */
export async function findSchools(db: Db, districtId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select({ id: schools.id, name: schools.name }).from(schools)
    .where(and(eq(schools.districtId, districtId), inArray(schools.id, ids)));
}

/** Inserts a user who must replace the temporary password at the first sign-in. */
export async function insertUser(
  db: Db, districtId: string,
  input: { email: string; name: string; title?: string | null; phone?: string | null; badgeNumber?: string | null; passwordHash: string },
) {
  const [row] = await db.insert(users).values({ ...input, districtId, mustChangePassword: true }).returning(userColumns);
  return row!;
}

/** Changes fields of a user of the district; undefined when there is no such user. */
export async function updateUser(db: Db, districtId: string, id: string, values: Partial<typeof users.$inferInsert>) {
  const [row] = await db.update(users).set({ ...values, updatedAt: new Date() })
    .where(and(eq(users.id, id), eq(users.districtId, districtId))).returning(userColumns);
  return row;
}

/** Inserts a grant for a user (of the district: the caller has found the user there). */
export async function insertGrant(db: Db, userId: string, grant: GrantInput, grantedBy: string) {
  const [row] = await db.insert(roleGrants).values({ userId, role: grant.role, schoolId: grant.schoolId, grantedBy })
    .returning({ id: roleGrants.id, role: roleGrants.role, schoolId: roleGrants.schoolId });
  return row!;
}

/** One grant of a user of the district, or undefined. */
export async function findGrant(db: Db, districtId: string, userId: string, grantId: string) {
  const [row] = await db.select({ id: roleGrants.id, role: roleGrants.role, schoolId: roleGrants.schoolId })
    .from(roleGrants)
    .innerJoin(users, and(eq(users.id, roleGrants.userId), eq(users.districtId, districtId)))
    .where(and(eq(roleGrants.id, grantId), eq(roleGrants.userId, userId)));
  return row;
}

/** Deletes a grant of a user; true when one was deleted. */
export async function deleteGrant(db: Db, userId: string, grantId: string) {
  const rows = await db.delete(roleGrants).where(and(eq(roleGrants.id, grantId), eq(roleGrants.userId, userId))).returning({ id: roleGrants.id });
  return rows.length > 0;
}

/**
 * The district-wide grants of `role` held by active users of the district. Grant and user rows stay locked
 * until the transaction ends, so two administrators removing each other at once cannot both pass the
 * last-one check (the second waits, then sees the first one's change).
 */
export async function lockDistrictWideGrants(db: Db, districtId: string, role: Role) {
  return db.select({ id: roleGrants.id, userId: roleGrants.userId }).from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(eq(users.districtId, districtId), eq(users.active, true), eq(roleGrants.role, role), isNull(roleGrants.schoolId)))
    .for('update', { of: [roleGrants, users] });
}

/** The outside organization of a user of the district (null for staff), the row locked; undefined when absent. */
export async function lockUserOrganization(db: Db, districtId: string, id: string) {
  const [row] = await db.select({ organizationId: users.organizationId, juvenileAccessAt: users.juvenileAccessAt }).from(users)
    .where(and(eq(users.id, id), eq(users.districtId, districtId))).for('update');
  return row;
}
